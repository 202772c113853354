/* In-page knowledge checks: the same marking as leadership_handbook.knowledge_checks.check_answers.
   Our own component rather than jupyterquiz: that one hides its radio inputs, announces nothing to screen
   readers and keeps no answers. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el;

  LH.register("knowledge_check", function (ctx) {
    var part = ctx.instrument.parts.filter(function (p) { return p.id === ctx.options.part; })[0];
    var checked = {};

    function feedback(question, chosen) {
      var box = ctx.form.querySelector("#feedback-" + CSS.escape(question.id));
      box.textContent = "";
      if (!checked[question.id]) return;
      if (!chosen) {
        box.appendChild(el("p", { "class": "lh-error" }, "Choose an option first, then check your answer."));
        return;
      }
      var right = question.options.filter(function (o) { return o.correct; })[0];
      var correct = chosen === right.id;
      box.appendChild(el("p", { "class": correct ? "lh-correct" : "lh-incorrect" },
        el("strong", null, correct ? "Correct." : "Not quite."),
        correct ? "" : " The best answer is " + right.id + "."));
      box.appendChild(el("ul", { "class": "lh-explanations" }, question.options.map(function (o) {
        var tag = (o.id === chosen ? "Your answer. " : "") + (o.correct ? "Best answer. " : "");
        return el("li", { "class": o.correct ? "lh-is-correct" : "" },
          el("strong", null, o.id + ". "), tag ? el("em", null, tag) : "", o.explanation);
      })));
    }

    ctx.form.querySelectorAll("button.lh-check").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        checked[b.getAttribute("data-question")] = true;
        ctx.changed();
      });
    });

    function read() {
      var answers = {};
      part.questions.forEach(function (q) { answers[q.id] = LH.radioValue(ctx.form, q.id); });
      return { answers: answers, checked: Object.keys(checked).filter(function (k) { return checked[k]; }) };
    }
    function write(saved) {
      checked = {};
      (saved.checked || []).forEach(function (id) { checked[id] = true; });
      part.questions.forEach(function (q) { LH.setRadio(ctx.form, q.id, (saved.answers || {})[q.id]); });
    }
    function render(saved, out) {
      var correct = 0, answered = 0, done = 0;
      part.questions.forEach(function (q) {
        var chosen = saved.answers[q.id];
        feedback(q, chosen);
        var right = q.options.filter(function (o) { return o.correct; })[0].id;
        if (chosen) answered++;
        if (chosen && checked[q.id]) { done++; if (chosen === right) correct++; }
      });
      out.appendChild(el("p", { "class": "lh-quiz-score", "data-correct": correct, "data-checked": done },
        done ? "You have checked " + done + " of " + part.questions.length + " questions: " + correct + " correct."
          : "Choose an answer and press \u201cCheck my answer\u201d to see feedback on every option."));
      return { part: part.id, correct: correct, checked: done, answered: answered, total: part.questions.length };
    }
    function csv(saved) {
      var rows = [["question", "prompt", "your_answer", "best_answer", "correct"]];
      part.questions.forEach(function (q) {
        var right = q.options.filter(function (o) { return o.correct; })[0].id;
        var chosen = saved.answers[q.id];
        rows.push([q.id, q.prompt, chosen || "", right, chosen ? String(chosen === right) : ""]);
      });
      return rows;
    }
    function empty() { return { answers: {}, checked: [] }; }
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
})();
