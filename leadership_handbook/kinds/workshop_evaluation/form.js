/* The workshop evaluation kit in the page, DOM only: read and write each part's ratings, texts, date, quiz and
   tick lists, say beside a field what is wrong with it (keeping what was typed), and show one participant's
   results. The checks and the summary are LH.rules.workshop_evaluation (rules.js), the twin of rules.py. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, rules = LH.rules.workshop_evaluation;

  // What to say beside a field, in the page's words rather than the notebook's ("None").
  function fieldMessage(question, value, error) {
    if (question.kind === "text") {
      return "This is " + Array.from(String(value).trim()).length + " characters long; at most " +
        question.max_length + " fit here. Shorten it: what you typed is kept until you do.";
    }
    if (question.kind === "date") {
      return "Write a real date as YYYY-MM-DD, from 2000 to 2100, for example 2027-01-31.";
    }
    if (question.kind === "multi") return error.problem + ": untick it, or untick the others.";
    return error.message;
  }

  LH.register("workshop_evaluation", (ctx) => {
    const instrument = ctx.instrument, part = rules.getPart(instrument, ctx.options.part);
    const questions = rules.questionsOf(part);
    const field = (q) => ctx.form.querySelector("#we-" + CSS.escape(q.id));
    const boxes = (q) => ctx.form.querySelectorAll('input[type=checkbox][name="' + CSS.escape(q.id) + '"]');

    function read() {
      const answers = {};
      for (const q of questions) {
        if (q.kind === "scale") {
          const v = LH.radioValue(ctx.form, q.id);
          answers[q.id] = v === null ? null : Number(v);
        } else if (q.kind === "quiz") {
          answers[q.id] = LH.radioValue(ctx.form, q.id);
        } else if (q.kind === "multi") {
          answers[q.id] = Array.from(boxes(q)).filter((b) => b.checked).map((b) => b.value);
        } else {
          answers[q.id] = field(q).value;
        }
      }
      return answers;
    }
    function write(saved) {
      const answers = saved && typeof saved === "object" ? saved : {};
      for (const q of questions) {
        const value = answers[q.id];
        if (q.kind === "scale" || q.kind === "quiz") LH.setRadio(ctx.form, q.id, value);
        else if (q.kind === "multi") {
          boxes(q).forEach((b) => { b.checked = Array.isArray(value) && value.includes(b.value); });
        } else field(q).value = typeof value === "string" ? value : "";
      }
    }

    // Each answer checked on its own, so one wrong field never hides the others' results.
    function checkFields(answers) {
      const clean = {};
      let problems = 0;
      for (const q of questions) {
        const input = q.kind === "text" || q.kind === "date" ? field(q) : null, id = "msg-" + q.id;
        try {
          clean[q.id] = rules.checkAnswer(instrument, q, answers[q.id] === undefined ? null : answers[q.id]);
          LH.setFieldMessage(ctx.form, id, "");
          LH.markInvalid(input, id, false);
        } catch (error) {
          if (error.name !== "InputError") throw error;
          problems++;
          clean[q.id] = null;
          LH.setFieldMessage(ctx.form, id, fieldMessage(q, answers[q.id], error));
          LH.markInvalid(input, id, true);
        }
      }
      return { clean, problems };
    }

    // q is one question as rules.summarise marks it.
    function feedback(q) {
      const box = ctx.form.querySelector("#feedback-" + CSS.escape(q.id));
      box.textContent = "";
      if (!q.chosen) return;
      box.appendChild(el("p", { "class": q.is_correct ? "lh-correct" : "lh-incorrect" },
        el("strong", null, q.is_correct ? "Correct." : "Not quite."),
        q.is_correct ? "" : " The best answer is " + q.correct_option + "."));
      box.appendChild(el("ul", { "class": "lh-explanations" }, q.options.map((o) =>
        el("li", { "class": o.correct ? "lh-is-correct" : "" }, el("strong", null, o.id + ". "),
          el("em", null, (o.id === q.chosen ? "Your answer. " : "") + (o.correct ? "Best answer. " : "")),
          o.explanation))));
    }

    function resultText(s) {
      const words = [];
      if (s.ratings) {
        words.push(s.score === null ? "Rate at least " + instrument.scoring.min_answered_per_section +
          " statements for a score (" + s.rated + " of " + s.ratings + " rated)."
          : "Mean rating " + LH.format2(s.score) + " of 5 (" + s.rated + " of " + s.ratings + " rated).");
      }
      if (s.commitment) {
        words.push(s.commitment.complete ? "Commitment complete: what, with whom and by when."
          : "Commitment missing: " + s.commitment.missing.join(", ") + ".");
      }
      if (s.quiz) words.push(s.quiz.correct + " of " + s.quiz.total + " correct.");
      for (const t of s.ticked) {
        words.push(t.options.length ? "Ticked: " + t.options.map((o) => o.text).join("; ") + "." : "Nothing ticked.");
      }
      return words.join(" ");
    }

    function render(answers, out) {
      const { clean, problems } = checkFields(answers);
      const result = rules.summarise(instrument, part.id, clean);
      for (const s of result.sections) if (s.quiz) s.quiz.questions.forEach(feedback);
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results: " + part.title)));
      if (problems) {
        out.appendChild(el("p", { "class": "lh-note lh-error" }, problems + (problems === 1 ? " answer needs" :
          " answers need") + " a change (see the message beside it). It is kept, and left out of these results."));
      }
      if (result.answered === 0) {
        if (!problems) out.appendChild(el("p", null, "Answer the questions above to see your results here."));
        return result;
      }
      const rows = result.sections.map((s) => el("tr", { "data-section": s.id, "data-score": s.score === null ? ""
        : LH.format2(s.score) }, el("th", { scope: "row", text: s.title }),
      el("td", { text: "LTEM Tier " + s.ltem.tier + ", Kirkpatrick Level " + s.kirkpatrick.level }),
      el("td", { text: resultText(s) })));
      out.appendChild(el("div", { "class": "lh-table-scroll", tabindex: "0", role: "region",
        "aria-label": "Your results by section" }, LH.table("Your results by section (ratings from 1 to 5)",
        ["Section", "Reaches", "Your result"], rows, { "class": "lh-table lh-scores" })));
      const kept = result.sections.find((s) => s.commitment && s.commitment.complete);
      if (kept) {
        const said = part.sections.find((s) => s.id === kept.id).questions
          .filter((q) => q.kind === "text" || q.kind === "date");
        out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your commitment")));
        out.appendChild(el("ul", { "class": "lh-we-commitment" }, said.map((q) => el("li", null,
          el("strong", null, q.short.charAt(0).toUpperCase() + q.short.slice(1) + ": "), clean[q.id]))));
        out.appendChild(el("p", null, "Keep a copy (print or download it): the follow-up will ask about it."));
      }
      out.appendChild(el("p", { "class": "lh-note" }, "What these answers cannot show: they are your own view, " +
        "given at one moment, and no evidence that the session caused a change. For what would, read ",
      LH.link(ctx, "evaluating-your-programme"), "."));
      return result;
    }

    function csv(answers, result) {
      const rows = [["Section", "Question id", "Question", "Answer"]];
      for (const section of part.sections) {
        for (const q of section.questions) {
          const value = answers[q.id];
          rows.push([section.title, q.id, q.text, Array.isArray(value) ? value.join("; ") : value]);
        }
      }
      for (const s of (result && result.sections) || []) rows.push([s.title, "", "Result", resultText(s)]);
      return rows;
    }
    function empty() {
      return Object.fromEntries(questions.map((q) => [q.id, q.kind === "multi" ? [] :
        q.kind === "text" || q.kind === "date" ? "" : null]));
    }
    return { read, write, render, csv, empty };
  });
})();
