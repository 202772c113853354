// Loads the page's exercise scripts (this tag's data-lh-after-load, put there by script_bundles.py) once the page
// has loaded, so its text paints first; the forms work without them until then, and start when they arrive.
(function () {
  "use strict";
  const tag = document.currentScript;
  const load = () => {
    const script = document.createElement("script");
    script.src = new URL(tag.getAttribute("data-lh-after-load"), tag.src).href;
    document.head.appendChild(script);
  };
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load);
})();
