/* The programme audit's rules in the page: the twin of rules.py (top_value, validate_audit_answers, score_audit),
   pure functions with no DOM. cases.json, written by the Python rules, holds the two equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"),
      require("../../core/bands.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).programme_audit = factory(LH.format, LH.errors, LH.bands);
  }
})(function (format, errors, bands) {
  "use strict";

  const topValue = (instrument) => Math.max(...instrument.response_options.map((o) => o.value));

  // {feature id: option value or null} for every feature, in file order; throws InputError as Python does.
  function validateAuditAnswers(instrument, answers) {
    const values = instrument.response_options.map((o) => o.value);
    const range = { minimum: Math.min(...values), maximum: Math.max(...values) };
    const ids = instrument.features.map((f) => f.id);
    errors.checkAnswerMap(answers, ids, { id_field: "feature id" });
    const clean = {};
    for (const id of ids) {
      let value = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
      if (value !== null && value !== undefined) {
        const where = { field: "answer", item_id: id };
        value = errors.checkWholeNumber(value, Object.assign({}, range, where));
        if (!values.includes(value)) throw new errors.InputError(value + " is not an option", where);
      }
      clean[id] = value === undefined ? null : value;
    }
    return clean;
  }


  const sumPoints = (rows) => rows.reduce((total, f) => total + f.points, 0);
  const percentOf = (points, maxPoints) => format.round2(points * 100 / maxPoints);

  function scoreAudit(instrument, answers) {
    const clean = validateAuditAnswers(instrument, answers);
    const labels = new Map(instrument.response_options.map((o) => [o.value, o.label]));
    const top = topValue(instrument), scoring = instrument.scoring;
    const features = instrument.features.map((f) => {
      const answer = clean[f.id], points = answer === null ? scoring.unanswered_value : answer;
      return { id: f.id, label: f.label, stage: f.stage, answer, points, max: top, gap: top - points,
        status: answer === null ? scoring.unanswered_status : labels.get(answer) };
    });
    const stages = [];
    for (const stage of instrument.stages) {
      const rows = features.filter((f) => f.stage === stage.id);
      if (!rows.length) continue;
      const points = sumPoints(rows), maxPoints = top * rows.length;
      stages.push({ id: stage.id, label: stage.label, points, max_points: maxPoints,
        percent: percentOf(points, maxPoints) });
    }
    const points = sumPoints(features), maxPoints = top * features.length, percent = percentOf(points, maxPoints);
    const band = bands.bandFor(instrument.bands, percent);
    return { checklist: instrument.id, points, max_points: maxPoints, percent, band: band.id, band_label: band.label,
      band_meaning: band.meaning, answered: Object.values(clean).filter((v) => v !== null).length,
      total: features.length, features, stages, gaps: features.filter((f) => f.gap > 0) };
  }

  /* The figures an attempt is compared by (core/attempts.js): the whole programme's percent and each stage's, from
     the page's {answers, unknown}. One answer one step up moves a group by 100 / its points; half that is the bar. */
  function attemptFigures(instrument, saved) {
    const inner = saved !== null && typeof saved === "object" && !Array.isArray(saved) && saved.answers;
    const result = scoreAudit(instrument, inner && typeof inner === "object" ? inner : saved);
    const figure = (id, label, group) => ({ id, label, value: group.percent, unit: "percent",
      moved: format.round2(50 / group.max_points) });
    return [figure("overall", "Whole programme", result)].concat(result.stages.map((s) => figure(s.id, s.label, s)));
  }

  return { topValue, validateAuditAnswers, scoreAudit, attemptFigures };
});
