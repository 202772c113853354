/* The kinds the group view does not summarise (ROI, programme evaluation, barrier log, partnering brief), added to
   the group debrief's adapters (core/group_kinds.js) so that a reader's own answers file loaded back into one of
   their pages (core/attempts.js) goes through the same checks as the group view's (core/group.js). Pure, no DOM.
   Each checks the page's own layout of answers, then runs the kind's own check of the whole; its rules are read at
   call time from LH.rules, so a page needs only its own kind's. Only lh-file-check.js carries this file. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./group_kinds.js"), {
      roi: require("../kinds/roi/rules.js"),
      programme_evaluation: require("../kinds/programme_evaluation/rules.js"),
      barrier_log: require("../kinds/barrier_log/rules.js"),
      partnering_brief: require("../kinds/partnering_brief/rules.js"),
    });
  } else {
    const LH = window.LH;
    factory(LH.groupKinds, LH.rules);
  }
})(function (groupKinds, rules) {
  "use strict";
  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /* A page's saved answers of a fixed layout, copied: "text" (a string), "choice" (text, a number or null), [shape]
     (a list) or {key: shape} ("*" for any other key). Anything else throws a plain Error, which group.checkFile
     reports as answers "not laid out as this exercise's are". */
  function laidOut(value, shape) {
    const wrong = () => { throw new Error("not laid out as " + JSON.stringify(shape)); };
    if (shape === "text") return typeof value === "string" && value.length <= 100000 ? value : wrong();
    if (shape === "choice") return value === null || ["string", "number"].includes(typeof value) ? value : wrong();
    if (Array.isArray(shape)) {
      return Array.isArray(value) && value.length <= 200 ? value.map((v) => laidOut(v, shape[0])) : wrong();
    }
    if (!isPlainObject(value) || Object.keys(value).length > 100) wrong();
    const out = {};
    for (const key of Object.keys(value)) if (!own(shape, key) && !own(shape, "*")) wrong();
    for (const key of Object.keys(shape)) if (key !== "*") out[key] = laidOut(value[key], shape[key]);
    for (const key of Object.keys(value)) if (!own(shape, key)) out[key] = laidOut(value[key], shape["*"]);
    return out;
  }
  // How many fields hold something, leaving out the barrier log's entry numbers (always there).
  const filled = (value, key) => (key === "entry" ? 0 : typeof value === "string" ? (value.trim() ? 1 : 0)
    : typeof value === "number" ? 1 : value && typeof value === "object"
      ? Object.entries(value).reduce((n, [k, v]) => n + filled(v, Array.isArray(value) ? null : k), 0) : 0);
  const text = (ids) => Object.fromEntries(ids.map((id) => [id, "text"]));

  // An adapter from the page's layout of answers and the kind's own check of the whole (which throws if unusable).
  const loadedBack = (layout, check) => ({ answered: (clean) => filled(clean),
    clean(instrument, part, answers) {
      const clean = laidOut(answers, layout(instrument));
      check(instrument, clean);
      return clean;
    } });
  const ROI_LAYOUT = { currency: "text", hurdle_rate_pct: "text", costs: [text(["label", "category", "amount"])],
    benefits: [text(["label", "annual_value", "attribution_pct", "confidence_pct", "basis"])], intangibles: ["text"] };
  const added = {
    roi: loadedBack(() => ROI_LAYOUT, (instrument, clean) => rules.roi.check(instrument, clean)),
    // Its figures are read when compared (rules.attemptFigures): any text is a page's own.
    programme_evaluation: loadedBack(() => {
      const group = text(rules.programme_evaluation.FIELDS);
      return { trained: group, comparison: group, "*": "text" };
    }, () => null),
    barrier_log: loadedBack(() => ({ rows: [{ "*": "choice" }] }),
      (instrument, clean) => rules.barrier_log.checkRows(instrument, clean.rows)),
    partnering_brief: loadedBack((instrument) => ({ rows: [Object.assign(text(rules.partnering_brief
      .textFields(instrument)), Object.fromEntries(rules.partnering_brief.listFields().map((f) => [f, ["text"]])))] }),
    (instrument, clean) => rules.partnering_brief.checkCards(instrument, clean.rows)),
  };
  for (const kind of Object.keys(added)) if (!own(groupKinds.adapters, kind)) groupKinds.adapters[kind] = added[kind];
  return added;
});
