/* The article header's "Toggle primary sidebar" and "Toggle secondary sidebar" buttons work.
   pydata-sphinx-theme 0.17 and sphinx-book-theme 1.3 bind their handlers to the FIRST .primary-toggle and
   .secondary-toggle only, which is the navbar's hidden copy (pydata-sphinx-theme issue #2451; sphinx-book-theme
   pull request #991 binds every toggle). Each other toggle passes its click to that first one, so the themes'
   own behaviour runs: the sidebar dialog on narrow screens, hiding the primary sidebar on wide ones.
   Remove this file (and sphinx_ext/sidebar_toggles.py) when the themes bind every toggle. */
(function () {
  "use strict";
  function forward(selector) {
    const [bound, ...others] = document.querySelectorAll(selector);
    for (const toggle of others) {
      toggle.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
      });
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  });
})();
