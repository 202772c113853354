/* Bands: the twin of core/bands.py. The band for a rounded score is the last band whose min is at most the score.
   Loaded by the page (as LH.bands) and by Node's test runner (require). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (window.LH = window.LH || {}).bands = factory();
})(function () {
  "use strict";

  function bandFor(bands, score) {
    let chosen = null;
    for (const band of bands) if (band.min <= score) chosen = band;
    return chosen;
  }
  return { bandFor };
});
