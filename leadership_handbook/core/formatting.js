/* How every figure is written on the page: the twin of core/formatting.py, pure functions with no DOM.
   Loaded by the page (as LH.format) and by Node's test runner (require), which runs core/cases.json. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (window.LH = window.LH || {}).format = factory();
})(function () {
  "use strict";

  // The one rounding rule, the same as the Python package's round2: half away from zero on the exact value.
  const round2 = (x) => {
    const r = Number(x.toFixed(2));
    return r === 0 ? 0 : r;
  };
  const format2 = (x) => (x === null || x === undefined ? "" : round2(x).toFixed(2));
  // A signed figure as a reader reads it ("\u22120.19"): format2 with a true minus and a word joiner, as money.
  const number2 = (x) => format2(x).replace(/^-/, "\u2212\u2060");
  const commas = (text) => {
    const [whole, ...rest] = text.split(".");
    return [whole.replace(/\B(?=(\d{3})+$)/g, ","), ...rest].join(".");
  };
  const money = (value, currency = "£") => {
    const v = round2(value);
    return (v < 0 ? "\u2212\u2060" : "") + currency + commas(Math.abs(v).toFixed(v === Math.round(v) ? 0 : 2));
  };
  const percent = (value) => (value === null || value === undefined ? "n/a"
    : commas(format2(value).replace(/\.?0+$/, "")).replace("-", "\u2212") + "%");
  // A whole number of things with thousands separators ("5,000" runs); not toLocaleString, whose first call
  // loads the browser's locale data: 20 ms of a phone's page start.
  const count = (value) => commas(String(value));
  // Characters as a reader sees them, as Python counts them: an emoji is one, not two UTF-16 units.
  const textLength = (text) => Array.from(text).length;

  return { round2, format2, number2, money, percent, count, textLength };
});
