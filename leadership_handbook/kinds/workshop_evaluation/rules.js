/* The workshop evaluation kit's rules in the page: the twin of rules.py (partIds, getPart, questionsOf,
   checkAnswer, validateAnswers, summarise), pure functions with no DOM. cases.json, written by the Python
   rules, holds the two equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).workshop_evaluation = factory(LH.format, LH.errors);
  }
})(function (format, errors) {
  "use strict";
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const shown = (value) => JSON.stringify(String(value).slice(0, 40));

  const partIds = (instrument) => instrument.parts.map((p) => p.id);

  function getPart(instrument, partId) {
    const part = instrument.parts.find((p) => p.id === partId);
    if (!part) {
      throw new errors.InputError(JSON.stringify(partId) + " is not a part of the workshop evaluation",
        { field: "part", allowed: "one of " + partIds(instrument).join(", ") });
    }
    return part;
  }

  const questionsOf = (part) => part.sections.flatMap((section) => section.questions);

  function refuse(question, problem, allowed) {
    throw new errors.InputError(problem, { item_id: question.id, field: "answer", allowed });
  }
  function daysInMonth(year, month) {
    if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
  }

  function checkText(question, value) {
    const allowed = "text of at most " + question.max_length + " characters, or None";
    if (typeof value !== "string") refuse(question, String(value) + " is not text", allowed);
    const text = value.trim(), length = Array.from(text).length;
    if (length > question.max_length) refuse(question, "it is " + length + " characters long", allowed);
    return text || null;
  }
  function checkDate(question, value) {
    const allowed = "a date written YYYY-MM-DD, such as 2027-01-31, from 2000 to 2100, or None";
    if (typeof value !== "string") refuse(question, String(value) + " is not a date", allowed);
    const text = value.trim();
    if (!text) return null;
    const match = DATE.exec(text);
    if (!match) refuse(question, shown(text) + " is not written YYYY-MM-DD", allowed);
    const [year, month, day] = match.slice(1).map(Number);
    if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      refuse(question, shown(text) + " is not a date in the calendar", allowed);
    }
    return text;
  }
  function checkLetter(question, value) {
    const letters = question.options.map((o) => o.id);
    const allowed = "one of the letters " + letters.join(", ") + ", or None";
    if (typeof value !== "string") refuse(question, String(value) + " is not a letter", allowed);
    const choice = value.trim().toLowerCase();
    if (!letters.includes(choice)) refuse(question, shown(value) + " is not an option of this question", allowed);
    return choice;
  }
  function checkTicks(question, value) {
    const ids = question.options.map((o) => o.id);
    const allowed = "a list of the option ids " + ids.join(", ") + ", each at most once";
    if (!Array.isArray(value)) refuse(question, String(value) + " is not a list of options", allowed);
    for (const id of value) {
      if (!ids.includes(id)) refuse(question, shown(id) + " is not an option of this question", allowed);
    }
    if (new Set(value).size !== value.length) refuse(question, "an option is ticked twice", allowed);
    for (const option of question.options) {
      if (option.alone && value.includes(option.id) && value.length > 1) {
        refuse(question, JSON.stringify(option.text) + " is ticked with other options",
          "either " + JSON.stringify(option.text) + " alone, or other options");
      }
    }
    return ids.filter((id) => value.includes(id));  // file order
  }

  // One answer, checked for its question's type: the clean value, or null ([] for a tick list) if unanswered.
  function checkAnswer(instrument, question, value) {
    const kind = question.kind;
    if (value === null || value === undefined) return kind === "multi" ? [] : null;
    if (kind === "scale") {
      const labels = instrument.scales.find((s) => s.id === question.choices).labels;
      const minimum = labels[0].value, maximum = labels[labels.length - 1].value;
      return errors.checkWholeNumber(value, { field: "answer", item_id: question.id, minimum, maximum,
        allowed: "a whole number from " + minimum + " to " + maximum + ", or None for no answer" });
    }
    if (kind === "text") return checkText(question, value);
    if (kind === "date") return checkDate(question, value);
    if (kind === "quiz") return checkLetter(question, value);
    return checkTicks(question, value);
  }

  function validateAnswers(instrument, partId, answers) {
    const questions = questionsOf(getPart(instrument, partId));
    errors.checkAnswerMap(answers, questions.map((q) => q.id), { id_field: "question id" });
    const clean = {};
    for (const q of questions) clean[q.id] = checkAnswer(instrument, q, own(answers, q.id) ? answers[q.id] : null);
    return clean;
  }

  const answered = (value) => value !== null && !(Array.isArray(value) && value.length === 0);

  function quiz(questions, clean) {
    const marked = questions.map((q) => {
      const right = q.options.find((o) => o.correct).id, chosen = clean[q.id];
      return { id: q.id, chosen, correct_option: right, is_correct: chosen === right,
        options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, explanation: o.explanation })) };
    });
    return { correct: marked.filter((m) => m.is_correct).length, total: marked.length, questions: marked };
  }

  function summarise(instrument, partId, answers) {
    const part = getPart(instrument, partId);
    const clean = validateAnswers(instrument, partId, answers);
    const need = instrument.scoring.min_answered_per_section;
    const sections = part.sections.map((section) => {
      const questions = section.questions;
      const ratings = questions.filter((q) => q.kind === "scale").map((q) => clean[q.id]);
      const rated = ratings.filter((v) => v !== null);
      const sum = rated.reduce((total, v) => total + v, 0);
      const score = rated.length && rated.length >= need ? format.round2(sum / rated.length) : null;
      let commitment = null;
      if (section.commitment) {
        const missing = questions.filter((q) => q.kind === "text" || q.kind === "date")
          .filter((q) => clean[q.id] === null).map((q) => q.short);
        commitment = { complete: missing.length === 0, missing };
      }
      const quizzes = questions.filter((q) => q.kind === "quiz");
      const ticked = questions.filter((q) => q.kind === "multi").map((q) => ({ id: q.id,
        options: q.options.filter((o) => clean[q.id].includes(o.id)).map((o) => ({ id: o.id, text: o.text })) }));
      return { id: section.id, title: section.title, ltem: Object.assign({}, section.ltem),
        kirkpatrick: Object.assign({}, section.kirkpatrick),
        answered: questions.filter((q) => answered(clean[q.id])).length, questions: questions.length,
        ratings: ratings.length, rated: rated.length, score, commitment,
        quiz: quizzes.length ? quiz(quizzes, clean) : null, ticked };
    });
    return { part: part.id, title: part.title, answered: Object.values(clean).filter(answered).length,
      total: Object.keys(clean).length, sections };
  }

  /* The figures an attempt is compared by (core/attempts.js): each section's rating (half a step moves), the quiz's
     correct answers and, per tick list, how many were ticked (an option meant alone, "nothing", counts 0). An answer
     the page would flag is left out, as the page leaves it out of the results. */
  function attemptFigures(instrument, answers, partId) {
    const part = getPart(instrument, partId), clean = {};
    for (const q of questionsOf(part)) {
      try { clean[q.id] = checkAnswer(instrument, q, (answers || {})[q.id] === undefined ? null : answers[q.id]); }
      catch (error) { if (error.name !== "InputError") throw error; clean[q.id] = null; }
    }
    const figures = [], result = summarise(instrument, partId, clean);
    result.sections.forEach((s, i) => {
      if (s.ratings) figures.push({ id: s.id, label: s.title, value: s.score, unit: "score", moved: 0.5 });
      const tried = s.quiz && s.quiz.questions.some((q) => q.chosen !== null);  // an untouched quiz is not a 0
      if (s.quiz) figures.push({ id: s.id + "-correct", label: s.title + " (correct answers, of " + s.quiz.total +
        ")", value: tried ? s.quiz.correct : null, unit: "count", moved: 1 });
      for (const q of part.sections[i].questions.filter((x) => x.kind === "multi")) {
        const ticked = clean[q.id] || [], counted = q.options.filter((o) => !o.alone && ticked.includes(o.id));
        figures.push({ id: q.id, label: s.title + " (ticked)", value: ticked.length ? counted.length : null,
          unit: "count", moved: 1 });
      }
    });
    return figures;
  }

  return { partIds, getPart, questionsOf, checkAnswer, validateAnswers, summarise, attemptFigures };
});
