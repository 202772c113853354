/* The self-assessment's rules in the page: the twin of rules.py (score_responses, interpret), pure functions
   with no DOM. cases.json, written by the Python rules, holds the two equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"),
      require("../../core/bands.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).self_assessment = factory(LH.format, LH.errors, LH.bands);
  }
})(function (format, errors, bands) {
  "use strict";

  // {item id: whole number or null} for every item, in file order; throws InputError as Python does.
  function validateAnswers(instrument, answers) {
    const { min, max } = instrument.scale;
    const ids = instrument.items.map((item) => item.id);
    errors.checkAnswerMap(answers, ids, { id_field: "item id" });
    const clean = {};
    for (const id of ids) {
      const value = answers[id];
      clean[id] = value === null || value === undefined ? null
        : errors.checkWholeNumber(value, { field: "answer", item_id: id, minimum: min, maximum: max });
    }
    return clean;
  }


  function scoreResponses(instrument, answers) {
    const clean = validateAnswers(instrument, answers);
    const { min, max } = instrument.scale;
    const need = instrument.scoring.min_answered_per_dimension;
    const dimensions = instrument.dimensions.map((dim) => {
      const items = instrument.items.filter((item) => item.dimension === dim.id);
      const scores = items.filter((item) => clean[item.id] !== null)
        .map((item) => (item.reverse ? min + max - clean[item.id] : clean[item.id]));
      const sum = scores.reduce((total, x) => total + x, 0);
      const scored = scores.length >= need;
      const score = scored ? format.round2(sum / scores.length) : null;
      const band = scored ? bands.bandFor(instrument.bands, score) : null;
      return { id: dim.id, label: dim.label, items: items.length, answered: scores.length, sum, score, scored,
        band: band ? band.id : null };
    });
    const answered = Object.values(clean).filter((v) => v !== null).length;
    return { instrument: instrument.id, answered, total_items: instrument.items.length,
      min_answered_per_dimension: need, dimensions };
  }

  // One reading per dimension, as Python's interpret without sections: see_also holds section labels.
  function interpret(instrument, result) {
    const need = instrument.scoring.min_answered_per_dimension;
    return result.dimensions.map((row) => {
      const dim = instrument.dimensions.find((d) => d.id === row.id);
      if (!row.scored) {
        return { id: row.id, label: row.label, score: null, band: null, band_label: "Not scored",
          meaning: "Only " + row.answered + " of " + row.items + " statements answered; at least " + need +
            " are needed for a score.",
          focus: false, next_step: null, see_also: dim.see_also.slice() };
      }
      const band = instrument.bands.find((b) => b.id === row.band);
      return { id: row.id, label: row.label, score: row.score, band: band.id, band_label: band.label,
        meaning: band.meaning, focus: band.focus, next_step: band.focus ? dim.next_step : null,
        see_also: dim.see_also.slice() };
    });
  }

  // The figures an attempt is compared by (core/attempts.js): each dimension's score; half a step of the scale moves.
  function attemptFigures(instrument, answers) {
    return scoreResponses(instrument, answers).dimensions.map((d) => ({ id: d.id, label: d.label,
      value: d.scored ? d.score : null, unit: "score", moved: 0.5 }));
  }

  return { validateAnswers, scoreResponses, interpret, attemptFigures };
});
