/* The theme's header buttons that run JavaScript (print, full screen) name it in data-lh-onclick, since the
   Content-Security-Policy refuses onclick attributes; this runs the same calls, never eval. */
(function () {
  "use strict";
  const ACTIONS = {
    "window.print()": () => window.print(),
    "toggleFullScreen()": () => window.toggleFullScreen(),
  };
  document.querySelectorAll("[data-lh-onclick]").forEach((button) => {
    const action = ACTIONS[button.dataset.lhOnclick];
    if (action) {
      button.addEventListener("click", action);
    } else {
      console.error(`lh-header-buttons.js: no action for data-lh-onclick="${button.dataset.lhOnclick}"`);
    }
  });
})();
