/* The knowledge checks' rules in the page: the twin of rules.py (part_ids, get_part, check_answers, progress),
   pure functions with no DOM. cases.json, written by the Python rules, holds the two equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).knowledge_check = factory(LH.errors);
  }
})(function (errors) {
  "use strict";
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  const partIds = (instrument) => instrument.parts.map((p) => p.id);

  function getPart(instrument, partId) {
    const part = instrument.parts.find((p) => p.id === partId);
    if (!part) {
      throw new errors.InputError(JSON.stringify(partId) + " is not a part of the knowledge checks",
        { field: "part", allowed: "one of " + partIds(instrument).join(", ") });
    }
    return part;
  }

  // An option letter (upper case and surrounding spaces accepted) or null for "not answered".
  function cleanChoice(question, value) {
    if (value === null || value === undefined) return null;
    const letters = question.options.map((o) => o.id);
    const where = { item_id: question.id, field: "answer", allowed: "one of the letters " + letters.join(", ") };
    if (typeof value !== "string") throw new errors.InputError(String(value) + " is not a letter", where);
    const choice = value.trim().toLowerCase();
    if (!letters.includes(choice)) {
      throw new errors.InputError(JSON.stringify(value) + " is not an option of this question", where);
    }
    return choice;
  }

  function checkAnswers(instrument, partId, answers) {
    const part = getPart(instrument, partId);
    errors.checkAnswerMap(answers, part.questions.map((q) => q.id), { id_field: "question id" });
    let correct = 0, answered = 0;
    const questions = part.questions.map((question) => {
      const chosen = cleanChoice(question, own(answers, question.id) ? answers[question.id] : null);
      const right = question.options.find((o) => o.correct).id;
      const isCorrect = chosen === right;
      if (isCorrect) correct++;
      if (chosen !== null) answered++;
      return { id: question.id, prompt: question.prompt, chosen, correct_option: right, is_correct: isCorrect,
        cite: question.cite.slice(),
        options: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, chosen: o.id === chosen,
          explanation: o.explanation })) };
    });
    return { part: part.id, title: part.title, correct, answered, total: questions.length, questions };
  }

  // The page's tally: checked lists the questions whose answer the reader has checked.
  function progress(instrument, partId, answers, checked) {
    const marked = checkAnswers(instrument, partId, answers);
    const ids = marked.questions.map((q) => q.id);
    if (!Array.isArray(checked)) {
      throw new errors.InputError("the checked questions are not a list", { field: "checked" });
    }
    for (const key of checked) {
      if (!ids.includes(key)) {
        throw new errors.InputError(JSON.stringify(key) + " is not a question in " + partId,
          { item_id: key, field: "checked" });
      }
    }
    const done = marked.questions.filter((q) => checked.includes(q.id) && q.chosen !== null);
    return { part: marked.part, correct: done.filter((q) => q.is_correct).length, checked: done.length,
      answered: marked.answered, total: marked.total };
  }

  // The figure an attempt is compared by (core/attempts.js): the part's correct answers, from the page's {answers}.
  function attemptFigures(instrument, saved, partId) {
    const inner = saved !== null && typeof saved === "object" && !Array.isArray(saved) && saved.answers;
    const marked = checkAnswers(instrument, partId, inner && typeof inner === "object" ? inner : saved);
    return [{ id: "correct", label: "Correct answers (of " + marked.total + ")", value: marked.correct,
      unit: "count", moved: 1 }];
  }

  return { partIds, getPart, checkAnswers, progress, attemptFigures };
});
