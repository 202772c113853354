/* The group debrief's view of each kind of exercise, pure functions with no DOM: how one participant's answers
   are re-checked and re-scored with the kind's own rules (LH.rules.<kind>, never the file's "results"), and
   what the group's profile holds: scores (a strip plot each) and items (the share choosing each answer).
   A new kind is one more entry here plus its rules.js in lh-group.js (sphinx_ext/page_assets.py). A reader's own
   file loaded back into its page (core/attempts.js) is checked with these same adapters (core/attempt_checks.js
   adds the kinds the group view does not summarise); `page` gives answers back in the page's own layout. The
   kinds' rules are read at call time, so an exercise page needs only its own kind's rules. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory({
      self_assessment: require("../kinds/self_assessment/rules.js"),
      programme_audit: require("../kinds/programme_audit/rules.js"),
      knowledge_check: require("../kinds/knowledge_check/rules.js"),
      workshop_evaluation: require("../kinds/workshop_evaluation/rules.js"),
    });
  } else {
    const LH = window.LH;
    LH.groupKinds = factory(LH.rules);
  }
})(function (rules) {
  "use strict";
  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const countAnswered = (clean) => Object.values(clean).filter((v) => v !== null).length;
  // Pages that keep more than the answers (audit: "Don't know" list; checks: which were checked) export
  // {answers: {...}, ...}; only the answers are read.
  const innerAnswers = (answers) => (isPlainObject(answers) && isPlainObject(answers.answers) ? answers.answers
    : answers);
  const share = (count, total) => (total ? count / total : 0);
  // A list of ids a page keeps beside its answers (the audit's "Don't know"s), kept to the ids it may hold.
  const listOfIds = (list, ids) => (Array.isArray(list) ? list.filter((id) => ids.includes(id)) : []);

  // Ordered answers: the group is split when many sit at both ends; the smaller end's share measures it.
  function splitAtEnds(low, high, answered) {
    return answered ? Math.min(low, high) / answered : 0;
  }
  // Unordered answers (a quiz): split when no option gathers most of the group.
  function splitAmongOptions(options, answered) {
    const top = Math.max(0, ...options.map((o) => o.count));
    return answered ? 1 - top / answered : 0;
  }
  function tally(optionList, values) {
    const options = optionList.map((o) => Object.assign({ count: 0 }, o));
    for (const value of values) {
      const option = options.find((o) => o.value === value);
      if (option) option.count++;
    }
    return options;
  }

  const self_assessment = {
    clean: (instrument, part, answers) => rules.self_assessment.validateAnswers(instrument, answers),
    answered: countAnswered,
    summarise(instrument, part, cleans) {
      const { min, max } = instrument.scale, middle = (min + max) / 2;
      const scored = cleans.map((clean) => rules.self_assessment.scoreResponses(instrument, clean).dimensions);
      const ticks = [];
      for (let v = min; v <= max; v++) ticks.push(v);
      const scores = instrument.dimensions.map((dim, i) => ({ id: dim.id, label: dim.label, min, max, ticks,
        values: scored.map((d) => d[i].score).filter((s) => s !== null) }));
      const items = instrument.items.map((item) => {
        const values = cleans.map((c) => c[item.id]).filter((v) => v !== null);
        const options = tally(instrument.scale.labels.map((l) => ({ id: String(l.value), value: l.value,
          label: l.label })), values);
        const low = values.filter((v) => v < middle).length, high = values.filter((v) => v > middle).length;
        return { id: item.id, label: item.text, answered: values.length, options,
          split: splitAtEnds(low, high, values.length),
          split_text: high + " agree, " + low + " disagree, " + (values.length - low - high) + " neither" };
      });
      return { score_unit: "dimension score, " + min + " to " + max, item_noun: "statement", scores, items };
    },
  };

  const programme_audit = {
    page: (instrument, part, answers, clean) => ({ answers: clean, unknown: listOfIds(isPlainObject(answers) &&
      answers.unknown, instrument.features.map((f) => f.id)).filter((id) => clean[id] === null) }),
    clean: (instrument, part, answers) => rules.programme_audit.validateAuditAnswers(instrument, innerAnswers(answers)),
    answered: countAnswered,
    summarise(instrument, part, cleans) {
      const results = cleans.map((clean) => rules.programme_audit.scoreAudit(instrument, clean));
      const ticks = [0, 25, 50, 75, 100], top = rules.programme_audit.topValue(instrument);
      const bottom = Math.min(...instrument.response_options.map((o) => o.value));
      const scores = [{ id: "overall", label: "Whole programme", min: 0, max: 100, ticks,
        values: results.map((r) => r.percent) }];
      instrument.stages.forEach((stage) => {
        const values = results.map((r) => r.stages.find((s) => s.id === stage.id)).filter(Boolean)
          .map((s) => s.percent);
        if (values.length) scores.push({ id: stage.id, label: stage.label, min: 0, max: 100, ticks, values });
      });
      const notKnown = { id: "not-known", value: null, label: instrument.scoring.unanswered_status };
      const items = instrument.features.map((f) => {
        const values = cleans.map((c) => c[f.id]);
        const options = tally(instrument.response_options.map((o) => ({ id: String(o.value), value: o.value,
          label: o.label })).concat([notKnown]), values);
        const low = values.filter((v) => v === bottom).length, high = values.filter((v) => v === top).length;
        return { id: f.id, label: f.label, answered: values.length, options,
          split: splitAtEnds(low, high, values.length),
          split_text: high + " say fully in place, " + low + " say not in place" };
      });
      return { score_unit: "percent of the top score", item_noun: "feature", scores, items };
    },
  };

  const knowledge_check = {
    page: (instrument, part, answers, clean) => ({ answers: clean, checked: listOfIds(isPlainObject(answers) &&
      answers.checked, Object.keys(clean)) }),
    clean(instrument, part, answers) {
      answers = innerAnswers(answers);
      rules.knowledge_check.checkAnswers(instrument, part, answers);  // throws on anything the page would refuse
      const questions = rules.knowledge_check.getPart(instrument, part).questions;
      const clean = {};
      for (const q of questions) {
        const value = answers[q.id];
        clean[q.id] = value === null || value === undefined ? null : value.trim().toLowerCase();
      }
      return clean;
    },
    answered: countAnswered,
    summarise(instrument, part, cleans) {
      const marked = cleans.map((clean) => rules.knowledge_check.checkAnswers(instrument, part, clean));
      const questions = rules.knowledge_check.getPart(instrument, part).questions, ticks = [];
      for (let v = 0; v <= questions.length; v++) ticks.push(v);
      const scores = [{ id: "correct", label: "Correct answers", min: 0, max: questions.length, ticks,
        values: marked.map((m) => m.correct) }];
      const items = questions.map((q) => {
        const values = cleans.map((c) => c[q.id]);
        const options = tally(q.options.map((o) => ({ id: o.id, value: o.id, label: o.id + ". " + o.text,
          correct: o.correct })).concat([{ id: "none", value: null, label: "Not answered" }]), values);
        const answered = values.filter((v) => v !== null).length, chosen = options.filter((o) => o.value !== null);
        const right = chosen.find((o) => o.correct);
        return { id: q.id, label: q.prompt, answered: values.length, options,
          split: splitAmongOptions(chosen, answered),
          split_text: right.count + " of " + answered + " who answered chose the best answer (" + right.id + ")" };
      });
      return { score_unit: "correct answers", item_noun: "question", scores, items };
    },
  };

  // The workshop evaluation: section ratings and the quiz's count as scores; rating, quiz and tick-list questions
  // as items. Free text and dates are never shown (they can name or quote people): only how many wrote any.
  const workshop_evaluation = {
    clean: (instrument, part, answers) => rules.workshop_evaluation.validateAnswers(instrument, part, answers),
    answered: (clean) => Object.values(clean).filter((v) => v !== null && !(Array.isArray(v) && !v.length)).length,
    summarise(instrument, part, cleans) {
      const kit = rules.workshop_evaluation, sections = kit.getPart(instrument, part).sections;
      const summaries = cleans.map((clean) => kit.summarise(instrument, part, clean));
      const labelsOf = (q) => instrument.scales.find((s) => s.id === q.choices).labels;
      const range = (min, max) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
      const scores = [], items = [];
      sections.forEach((section, i) => {
        const rating = section.questions.find((q) => q.kind === "scale");
        if (rating) {
          const labels = labelsOf(rating), min = labels[0].value, max = labels[labels.length - 1].value;
          scores.push({ id: section.id, label: section.title, min, max, ticks: range(min, max),
            values: summaries.map((s) => s.sections[i].score).filter((v) => v !== null) });
        }
        const quiz = summaries[0].sections[i].quiz;
        if (quiz) {
          scores.push({ id: section.id + "-correct", label: section.title + " (correct answers)", min: 0,
            max: quiz.total, ticks: range(0, quiz.total),
            values: summaries.map((s) => s.sections[i].quiz.correct) });
        }
      });
      for (const q of kit.questionsOf(kit.getPart(instrument, part))) {
        const values = cleans.map((c) => c[q.id]);
        if (q.kind === "scale") {
          const labels = labelsOf(q), middle = (labels[0].value + labels[labels.length - 1].value) / 2;
          const given = values.filter((v) => v !== null);
          const low = given.filter((v) => v < middle).length, high = given.filter((v) => v > middle).length;
          const options = tally(labels.map((l) => ({ id: String(l.value), value: l.value, label: l.label })), given);
          items.push({ id: q.id, label: q.text, answered: given.length, options,
            split: splitAtEnds(low, high, given.length),
            split_text: high + " above the middle, " + low + " below, " + (given.length - low - high) + " in it" });
        } else if (q.kind === "quiz") {
          const options = tally(q.options.map((o) => ({ id: o.id, value: o.id, label: o.id + ". " + o.text,
            correct: o.correct })).concat([{ id: "none", value: null, label: "Not answered" }]), values);
          const given = values.filter((v) => v !== null).length, right = options.find((o) => o.correct);
          items.push({ id: q.id, label: q.text, answered: values.length, options,
            split: splitAmongOptions(options.filter((o) => o.value !== null), given),
            split_text: right.count + " of " + given + " who answered chose the best answer (" + right.id + ")" });
        } else if (q.kind === "multi") {
          const options = q.options.map((o) => ({ id: o.id, value: o.id, label: o.text,
            count: values.filter((v) => v.includes(o.id)).length }));
          items.push({ id: q.id, label: q.text, answered: values.length, options, split: 0, split_text: "",
            note: "(Each person could tick several, so the shares do not add up to 100%.)" });
        }
      }
      const notes = [];
      const committed = summaries.map((s) => s.sections.find((x) => x.commitment)).filter(Boolean);
      if (committed.length) {
        notes.push(committed.filter((c) => c.commitment.complete).length + " of " + cleans.length + " wrote a " +
          "complete commitment. What they wrote is not shown: each person keeps their own.");
      }
      const written = kit.questionsOf(kit.getPart(instrument, part)).filter((q) => q.kind === "text");
      if (written.length) {
        notes.push(cleans.filter((c) => written.some((q) => c[q.id] !== null)).length + " of " + cleans.length +
          " wrote in the text boxes. The group view never shows written answers, so that nobody is quoted.");
      }
      return { score_unit: "section scores and correct answers", item_noun: "question", scores, items, notes };
    },
  };

  return { adapters: { self_assessment, programme_audit, knowledge_check, workshop_evaluation }, share };
});
