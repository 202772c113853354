// The search page fetches its index (searchindex.js, the largest file it loads) once the page has loaded, so the
// search box paints first; a query asked for before then waits in searchtools.js until the index arrives.
(function () {
  "use strict";
  const root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
  const load = () => Search.loadIndex(new URL("searchindex.js", root).href); // searchtools.js's global
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);
})();
