/* The knowledge checks in the page, DOM only: read and write the radios, show the feedback on every option of a
   checked question and the tally. The marking is LH.rules.knowledge_check (rules.js), the twin of rules.py.
   Our own component rather than jupyterquiz: that one hides its radio inputs, announces nothing to screen
   readers and keeps no answers. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, rules = LH.rules.knowledge_check;

  LH.register("knowledge_check", (ctx) => {
    const instrument = ctx.instrument, part = rules.getPart(instrument, ctx.options.part);
    let checked = {};  // question id -> true once its answer is checked; saved data may name other parts' questions

    // q is one question as rules.checkAnswers marks it.
    function feedback(q) {
      const box = ctx.form.querySelector("#feedback-" + CSS.escape(q.id));
      box.textContent = "";
      if (!checked[q.id]) return;
      if (!q.chosen) {
        box.appendChild(el("p", { "class": "lh-error" }, "Choose an option first, then check your answer."));
        return;
      }
      box.appendChild(el("p", { "class": q.is_correct ? "lh-correct" : "lh-incorrect" },
        el("strong", null, q.is_correct ? "Correct." : "Not quite."),
        q.is_correct ? "" : " The best answer is " + q.correct_option + "."));
      box.appendChild(el("ul", { "class": "lh-explanations" }, q.options.map((o) => {
        const tag = (o.chosen ? "Your answer. " : "") + (o.correct ? "Best answer. " : "");
        return el("li", { "class": o.correct ? "lh-is-correct" : "" },
          el("strong", null, o.id + ". "), tag ? el("em", null, tag) : "", o.explanation);
      })));
    }

    ctx.form.querySelectorAll("button.lh-check").forEach((b) => {
      b.hidden = false;
      b.addEventListener("click", () => {
        checked[b.getAttribute("data-question")] = true;
        ctx.changed();
      });
    });

    function read() {
      const answers = {};
      for (const q of part.questions) answers[q.id] = LH.radioValue(ctx.form, q.id);
      return { answers, checked: Object.keys(checked).filter((k) => checked[k]) };
    }
    function write(saved) {
      checked = {};
      for (const id of saved.checked || []) checked[id] = true;
      for (const q of part.questions) LH.setRadio(ctx.form, q.id, (saved.answers || {})[q.id]);
    }
    function render(saved, out) {
      const marked = rules.checkAnswers(instrument, part.id, saved.answers);
      marked.questions.forEach(feedback);
      const mine = part.questions.map((q) => q.id).filter((id) => checked[id]);
      const tally = rules.progress(instrument, part.id, saved.answers, mine);
      const done = tally.checked;
      out.appendChild(el("p", { "class": "lh-quiz-score", "data-correct": tally.correct, "data-checked": done },
        done ? "You have checked " + done + " of " + tally.total + " questions: " + tally.correct + " correct."
          : "Choose an answer and press \u201cCheck my answer\u201d to see feedback on every option."));
      return tally;
    }
    function csv(saved) {
      const rows = [["Question", "Prompt", "Your answer", "Best answer", "Correct"]];  // plain names for a spreadsheet
      for (const q of rules.checkAnswers(instrument, part.id, saved.answers).questions) {
        rows.push([q.id, q.prompt, q.chosen || "", q.correct_option, q.chosen ? (q.is_correct ? "yes" : "no") : ""]);
      }
      return rows;
    }
    function empty() { return { answers: {}, checked: [] }; }
    return { read, write, render, csv, empty };
  });
})();
