/* The self-assessment in the page, DOM only: read and write the radios, draw the scores, profile chart and next
   steps. The scoring is LH.rules.self_assessment (rules.js), the twin of rules.py. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, rules = LH.rules.self_assessment;

  // One chart unit is one pixel of the results box (at least 330 units, so text stays at least 12 px in the
  // 316 px a 390 px phone gives it: convention 7); each dimension's label sits above its bar.
  const chartWidth = (shown) => Math.round(Math.min(720, Math.max(330, shown || 0)));
  function profileChart(instrument, result, width) {
    const scale = instrument.scale, rows = result.dimensions;
    const left = 10, barArea = width - left - 50, rowH = 46, top = 30;
    const height = top + rows.length * rowH + 24;
    const x = (v) => left + (v - scale.min) / (scale.max - scale.min) * barArea;
    const described = rows.map((d) => d.label + ": " + (d.scored ? LH.format2(d.score) : "not scored")).join("; ");
    const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "class": "lh-chart lh-profile",
      "aria-label": "Profile chart of your dimension scores. " + described });
    for (let v = scale.min; v <= scale.max; v++) {
      chart.appendChild(svg("line", { x1: x(v), x2: x(v), y1: top - 6, y2: height - 22, "class": "lh-grid" }));
      chart.appendChild(svg("text", { x: x(v), y: height - 6, "text-anchor": "middle", "class": "lh-axis",
        text: String(v) }));
    }
    for (const b of instrument.bands) {
      if (b.min <= scale.min) continue;
      chart.appendChild(svg("line", { x1: x(b.min), x2: x(b.min), y1: top - 12, y2: height - 22,
        "class": "lh-threshold" }));
      chart.appendChild(svg("text", { x: x(b.min) + 3, y: top - 14, "class": "lh-axis", text: b.label }));
    }
    rows.forEach((d, i) => {
      const y = top + i * rowH, barTop = y + 18, middle = barTop + 14;
      chart.appendChild(svg("text", { x: left, y: y + 14, "class": "lh-label", text: d.label }));
      if (d.scored) {
        chart.appendChild(svg("rect", { x: x(scale.min), y: barTop, width: Math.max(2, x(d.score) - x(scale.min)),
          height: rowH - 26, "class": "lh-bar lh-band-" + d.band }));
        chart.appendChild(svg("text", { x: x(d.score) + 4, y: middle, "class": "lh-value",
          text: LH.format2(d.score) }));
      } else {
        chart.appendChild(svg("text", { x: x(scale.min) + 4, y: middle, "class": "lh-value", text: "not scored" }));
      }
    });
    return chart;
  }

  LH.register("self_assessment", (ctx) => {
    const instrument = ctx.instrument, scale = instrument.scale;
    const bands = Object.fromEntries(instrument.bands.map((b) => [b.id, b]));

    function read() {
      const answers = {};
      for (const item of instrument.items) {
        const v = LH.radioValue(ctx.form, item.id), n = v === null ? null : Number(v);
        answers[item.id] = n !== null && Number.isInteger(n) && n >= scale.min && n <= scale.max ? n : null;
      }
      return answers;
    }
    function write(answers) {
      for (const item of instrument.items) LH.setRadio(ctx.form, item.id, answers[item.id]);
    }
    function render(answers, out) {
      const result = rules.scoreResponses(instrument, answers);
      const need = result.min_answered_per_dimension;
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (result.answered === 0) {
        out.appendChild(el("p", null,
          "Answer the statements above to see your scores, profile chart and next steps."));
        return result;
      }
      if (result.answered < result.total_items) {
        out.appendChild(el("p", { "class": "lh-note" }, "You have answered " + result.answered + " of " +
          result.total_items + " statements. A dimension is scored once at least " + need +
          " of its statements are answered."));
      }
      const rows = result.dimensions.map((d) => {
        const band = d.band ? bands[d.band] : null;
        const score = d.scored ? LH.format2(d.score) : "";
        const data = { "data-dimension": d.id, "data-score": score, "data-band": d.band || "" };
        return el("tr", data,
          el("th", { scope: "row", text: d.label }),
          el("td", { text: d.scored ? LH.format2(d.score) : "Not scored" }),
          el("td", { text: band ? band.label : "Only " + d.answered + " of " + d.items + " answered; " + need +
            " needed" }));
      });
      out.appendChild(LH.table("Dimension scores (" + scale.min + " to " + scale.max +
        "; reverse-worded statements are flipped)", ["Dimension", "Score", "Band"], rows,
        { "class": "lh-table lh-scores" }));
      out.appendChild(profileChart(instrument, result, chartWidth(ctx.shownWidth())));
      const steps = el("ul", { "class": "lh-next-steps" });
      for (const note of rules.interpret(instrument, result)) {
        if (note.score === null) continue;
        const reading = [];
        note.see_also.forEach((label, i) => { if (i) reading.push(", "); reading.push(LH.link(ctx, label)); });
        steps.appendChild(el("li", null, el("strong", null, note.label + " (" + note.band_label + "). "),
          note.focus ? note.next_step : note.meaning, " Read: ", reading, "."));
      }
      if (steps.childNodes.length) {
        out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "What next")));
        out.appendChild(steps);
      }
      return result;
    }
    // Plain column names, the ones a reader sees; the item id stays for a facilitator's spreadsheet.
    function csv(answers, result) {
      const rows = [["Row", "Item id", "Statement or dimension", "Answer or score", "Band"]];
      for (const item of instrument.items) rows.push(["Statement", item.id, item.text, answers[item.id], ""]);
      for (const d of (result || rules.scoreResponses(instrument, answers)).dimensions) {
        rows.push(["Dimension", d.id, d.label, d.scored ? LH.format2(d.score) : "", d.band ? bands[d.band].label : ""]);
      }
      return rows;
    }
    function empty() {
      return Object.fromEntries(instrument.items.map((item) => [item.id, null]));
    }
    return { read, write, render, csv, empty };
  });
})();
