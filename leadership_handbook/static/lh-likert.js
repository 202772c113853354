/* In-page Likert self-assessment: the same rules as leadership_handbook.scoring.score_responses/interpret. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, svg = LH.svg;

  function scoreResponses(instrument, answers) {
    var scale = instrument.scale, need = instrument.scoring.min_answered_per_dimension;
    var answered = 0;
    instrument.items.forEach(function (item) { if (answers[item.id] !== null && answers[item.id] !== undefined) answered++; });
    var dimensions = instrument.dimensions.map(function (dim) {
      var items = instrument.items.filter(function (item) { return item.dimension === dim.id; });
      var scores = [];
      items.forEach(function (item) {
        var a = answers[item.id];
        if (a === null || a === undefined) return;
        scores.push(item.reverse ? scale.min + scale.max - a : a);
      });
      var sum = scores.reduce(function (s, x) { return s + x; }, 0);
      var scored = scores.length >= need;
      var score = scored ? LH.round2(sum / scores.length) : null;
      var band = null;
      if (scored) instrument.bands.forEach(function (b) { if (b.min <= score) band = b; });
      return { id: dim.id, label: dim.label, items: items.length, answered: scores.length, sum: sum,
        score: score, scored: scored, band: band ? band.id : null };
    });
    return { instrument: instrument.id, answered: answered, total_items: instrument.items.length,
      min_answered_per_dimension: need, dimensions: dimensions };
  }

  function profileChart(instrument, result) {
    var scale = instrument.scale, rows = result.dimensions;
    var left = 230, width = 560, barArea = width - left - 20, rowH = 34, top = 28;
    var height = top + rows.length * rowH + 30;
    var x = function (v) { return left + (v - scale.min) / (scale.max - scale.min) * barArea; };
    var described = rows.map(function (d) { return d.label + ": " + (d.scored ? LH.format2(d.score) : "not scored"); }).join("; ");
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "class": "lh-chart",
      "aria-label": "Profile chart of your dimension scores. " + described });
    for (var v = scale.min; v <= scale.max; v++) {
      chart.appendChild(svg("line", { x1: x(v), x2: x(v), y1: top - 6, y2: height - 24, "class": "lh-grid" }));
      chart.appendChild(svg("text", { x: x(v), y: height - 8, "text-anchor": "middle", "class": "lh-axis", text: String(v) }));
    }
    instrument.bands.forEach(function (b) {
      if (b.min <= scale.min) return;
      chart.appendChild(svg("line", { x1: x(b.min), x2: x(b.min), y1: top - 12, y2: height - 24, "class": "lh-threshold" }));
      chart.appendChild(svg("text", { x: x(b.min) + 3, y: top - 14, "class": "lh-axis", text: b.label }));
    });
    rows.forEach(function (d, i) {
      var y = top + i * rowH;
      chart.appendChild(svg("text", { x: left - 8, y: y + rowH / 2 + 4, "text-anchor": "end", "class": "lh-label", text: d.label }));
      if (d.scored) {
        chart.appendChild(svg("rect", { x: x(scale.min), y: y + 6, width: Math.max(2, x(d.score) - x(scale.min)), height: rowH - 14, "class": "lh-bar lh-band-" + d.band }));
        chart.appendChild(svg("text", { x: x(d.score) + 4, y: y + rowH / 2 + 4, "class": "lh-value", text: LH.format2(d.score) }));
      } else {
        chart.appendChild(svg("text", { x: x(scale.min) + 4, y: y + rowH / 2 + 4, "class": "lh-value", text: "not scored" }));
      }
    });
    return chart;
  }

  LH.register("likert", function (ctx) {
    var instrument = ctx.instrument;
    var scale = instrument.scale;
    var bands = {};
    instrument.bands.forEach(function (b) { bands[b.id] = b; });
    var dims = {};
    instrument.dimensions.forEach(function (d) { dims[d.id] = d; });

    function read() {
      var answers = {};
      instrument.items.forEach(function (item) {
        var v = LH.radioValue(ctx.form, item.id);
        var n = v === null ? null : Number(v);
        answers[item.id] = n !== null && Number.isInteger(n) && n >= scale.min && n <= scale.max ? n : null;
      });
      return answers;
    }
    function write(answers) {
      instrument.items.forEach(function (item) { LH.setRadio(ctx.form, item.id, answers[item.id]); });
    }
    function render(answers, out) {
      var result = scoreResponses(instrument, answers);
      var need = result.min_answered_per_dimension;
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (result.answered === 0) {
        out.appendChild(el("p", null, "Answer the statements above to see your scores, profile chart and next steps."));
        return result;
      }
      if (result.answered < result.total_items) {
        out.appendChild(el("p", { "class": "lh-note" }, "You have answered " + result.answered + " of " +
          result.total_items + " statements. A dimension is scored once at least " + need + " of its statements are answered."));
      }
      var rows = result.dimensions.map(function (d) {
        var band = d.band ? bands[d.band] : null;
        return el("tr", { "data-dimension": d.id, "data-score": d.scored ? LH.format2(d.score) : "", "data-band": d.band || "" },
          el("th", { scope: "row", text: d.label }),
          el("td", { text: d.scored ? LH.format2(d.score) : "Not scored" }),
          el("td", { text: band ? band.label : "Only " + d.answered + " of " + d.items + " answered; " + need + " needed" }));
      });
      out.appendChild(LH.table("Dimension scores (1 to 5; reverse-worded statements are flipped)", ["Dimension", "Score", "Band"], rows, { "class": "lh-table lh-scores" }));
      out.appendChild(profileChart(instrument, result));
      var steps = el("ul", { "class": "lh-next-steps" });
      result.dimensions.forEach(function (d) {
        if (!d.scored) return;
        var band = bands[d.band], dim = dims[d.id];
        var reading = dim.see_also.map(function (label) { return LH.link(ctx, label); });
        var readList = [];
        reading.forEach(function (r, i) { if (i) readList.push(", "); readList.push(r); });
        steps.appendChild(el("li", null, el("strong", null, d.label + " (" + band.label + "). "),
          band.focus ? dim.next_step : band.meaning, " Read: ", readList, "."));
      });
      if (steps.childNodes.length) {
        out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "What next")));
        out.appendChild(steps);
      }
      return result;
    }
    function csv(answers, result) {
      var rows = [["type", "id", "label", "answer_or_score", "band"]];
      instrument.items.forEach(function (item) { rows.push(["statement", item.id, item.text, answers[item.id], ""]); });
      (result || scoreResponses(instrument, answers)).dimensions.forEach(function (d) {
        rows.push(["dimension", d.id, d.label, d.scored ? LH.format2(d.score) : "", d.band || ""]);
      });
      return rows;
    }
    function empty() {
      var answers = {};
      instrument.items.forEach(function (item) { answers[item.id] = null; });
      return answers;
    }
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.scoreLikert = scoreResponses;
})();
