/* In-page programme audit: the same rules as leadership_handbook.programme_audit.score_audit. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, svg = LH.svg;
  var UNKNOWN = "unknown", chartCount = 0;

  function scoreAudit(checklist, answers) {
    var labels = {}, top = -Infinity, sc = checklist.scoring, answered = 0;
    checklist.response_options.forEach(function (o) { labels[o.value] = o.label; if (o.value > top) top = o.value; });
    var features = checklist.features.map(function (f) {
      var a = answers[f.id];
      a = typeof a === "number" && a in labels ? a : null;
      if (a !== null) answered++;
      var points = a === null ? sc.unanswered_value : a;
      return { id: f.id, label: f.label, stage: f.stage, answer: a, points: points, max: top, gap: top - points,
        status: a === null ? sc.unanswered_status : labels[a] };
    });
    function sum(rows) { return rows.reduce(function (s, f) { return s + f.points; }, 0); }
    var stages = [];
    checklist.stages.forEach(function (s) {
      var rows = features.filter(function (f) { return f.stage === s.id; });
      if (!rows.length) return;
      var p = sum(rows), m = top * rows.length;
      stages.push({ id: s.id, label: s.label, points: p, max_points: m, percent: LH.round2(p * 100 / m) });
    });
    var points = sum(features), max = top * features.length, percent = LH.round2(points * 100 / max), band = null;
    checklist.bands.forEach(function (b) { if (b.min <= percent) band = b; });
    return { checklist: checklist.id, points: points, max_points: max, percent: percent, band: band.id,
      band_label: band.label, band_meaning: band.meaning, answered: answered, total: features.length,
      features: features, stages: stages, gaps: features.filter(function (f) { return f.gap > 0; }) };
  }

  // One row per feature, grouped by stage: its name, then a bar of the points in place and the gap to the top.
  function gapChart(checklist, result) {
    var top = result.features[0].max, barW = 270, W = 440, n = chartCount++, y = 4;
    var x = function (v) { return 4 + v / top * barW; };
    var hatch = "lh-gap-hatch-" + n, cross = "lh-gap-cross-" + n;
    var described = result.features.map(function (f) {
      return f.label + ": " + f.points + " of " + f.max + " (" + f.status + ")";
    }).join("; ");
    var chart = svg("svg", { role: "img", "class": "lh-chart lh-gap-chart",
      "aria-label": "Bar chart of the points each feature scores, out of " + top + ". " + described },
      svg("defs", null,
        svg("pattern", { id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
          svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, "class": "lh-hatch" })),
        svg("pattern", { id: cross, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
          svg("path", { d: "M0 0V6M0 0H6", "class": "lh-hatch" }))));
    function add(tag, attrs) { chart.appendChild(svg(tag, attrs)); }
    checklist.stages.forEach(function (s) {
      var fs = result.features.filter(function (f) { return f.stage === s.id; });
      if (!fs.length) return;
      add("text", { x: 4, y: y + 16, "class": "lh-label lh-stage-label", text: s.label });
      y += 24;
      fs.forEach(function (f) {
        add("text", { x: 4, y: y + 13, "class": "lh-label", text: f.label });
        if (f.points) add("rect", { x: x(0), y: y + 18, width: x(f.points) - x(0), height: 14, "class": "lh-bar" });
        if (f.gap) add("rect", { x: x(f.points), y: y + 18, width: x(top) - x(f.points), height: 14, "class": "lh-gap",
          fill: "url(#" + (f.answer === null ? cross : hatch) + ")" });
        for (var v = 1; v < top; v++) add("line", { x1: x(v), x2: x(v), y1: y + 16, y2: y + 34, "class": "lh-grid" });
        add("text", { x: x(top) + 8, y: y + 30, "class": "lh-value", text: f.status });
        y += 40;
      });
    });
    for (var v = 0; v <= top; v++) add("text", { x: x(v), y: y + 10, "text-anchor": v ? v < top ? "middle" : "end" : "start", "class": "lh-axis", text: String(v) });
    add("text", { x: 4, y: y + 28, "class": "lh-axis", text: "Points (0 = not in place, " + top + " = fully in place)" });
    [["In place", "lh-bar", null], ["Gap", "lh-gap", hatch], ["Gap (not known)", "lh-gap", cross]].forEach(function (k, i) {
      add("rect", { x: 4 + i * 130, y: y + 40, width: 16, height: 12, "class": k[1], fill: k[2] ? "url(#" + k[2] + ")" : null });
      add("text", { x: 26 + i * 130, y: y + 51, "class": "lh-axis", text: k[0] });
    });
    chart.setAttribute("viewBox", "0 0 " + W + " " + (y + 58));
    return chart;
  }

  LH.register("checklist", function (ctx) {
    var checklist = ctx.instrument, byId = {}, stageLabels = {};
    checklist.features.forEach(function (f) { byId[f.id] = f; });
    checklist.stages.forEach(function (s) { stageLabels[s.id] = s.label; });
    var values = checklist.response_options.map(function (o) { return o.value; });
    var bad = {};  // saved answers that are not an option (an edited file or storage): shown beside the feature

    function read() {
      var answers = {}, unknown = [];
      checklist.features.forEach(function (f) {
        var v = LH.radioValue(ctx.form, f.id), n = Number(v);
        if (v === UNKNOWN) unknown.push(f.id);
        if (v !== null) delete bad[f.id];
        answers[f.id] = v !== null && v !== UNKNOWN && values.indexOf(n) >= 0 ? n : null;
      });
      return { answers: answers, unknown: unknown };
    }
    function write(saved) {
      var answers = (saved && saved.answers) || {}, unknown = (saved && saved.unknown) || [];
      bad = {};
      checklist.features.forEach(function (f) {
        var a = answers[f.id];
        if (a !== null && a !== undefined && values.indexOf(a) < 0) { bad[f.id] = a; a = null; }
        LH.setRadio(ctx.form, f.id, a !== null && a !== undefined ? a : unknown.indexOf(f.id) >= 0 ? UNKNOWN : null);
      });
    }
    function render(saved, out) {
      var result = scoreAudit(checklist, saved.answers), unknown = saved.unknown.length + Object.keys(bad).length;
      out.classList.toggle("lh-no-results", result.answered === 0 && unknown === 0);
      checklist.features.forEach(function (f) {
        var msg = f.id in bad ? "The saved answer " + JSON.stringify(bad[f.id]) + " is not one of the options, so it counts as \u201c" +
          checklist.scoring.unanswered_status + "\u201d. Choose an option." : "";
        LH.setFieldMessage(ctx.form, "msg-" + f.id, msg);
        var group = ctx.form.querySelector('li[data-item="' + CSS.escape(f.id) + '"] fieldset');
        if (msg) group.setAttribute("aria-describedby", "msg-" + f.id); else group.removeAttribute("aria-describedby");
      });
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (result.answered === 0 && unknown === 0) {
        out.appendChild(el("p", null, "Rate the features above to see your score, the gap chart and what to do about each gap."));
        return result;
      }
      var open = result.total - result.answered;
      if (open) out.appendChild(el("p", { "class": "lh-note" }, "You have rated " + result.answered + " of " + result.total +
        " features. The other " + open + " score " + checklist.scoring.unanswered_value + " and are listed as \u201c" +
        checklist.scoring.unanswered_status + "\u201d."));
      out.appendChild(el("p", { "class": "lh-audit-overall", "data-percent": LH.format2(result.percent), "data-band": result.band,
        "data-points": result.points, "data-max-points": result.max_points },
        el("strong", null, "Overall: " + LH.format2(result.percent) + "% (" + result.points + " of " + result.max_points +
          " points). " + result.band_label + "."), " " + result.band_meaning));
      var rows = result.stages.map(function (s) {
        return el("tr", { "data-stage": s.id, "data-percent": LH.format2(s.percent), "data-points": s.points },
          el("th", { scope: "row", text: s.label }), el("td", { text: s.points + " of " + s.max_points }),
          el("td", { text: LH.format2(s.percent) + "%" }));
      });
      rows.push(el("tr", { "class": "lh-total" }, el("th", { scope: "row", text: "Whole programme" }),
        el("td", { text: result.points + " of " + result.max_points }), el("td", { text: LH.format2(result.percent) + "%" })));
      out.appendChild(LH.table("Points and percentage by stage", ["Stage", "Points", "Percent"], rows, { "class": "lh-table lh-stages" }));
      out.appendChild(gapChart(checklist, result));
      if (!result.gaps.length) {
        out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your gaps and what to do")));
        out.appendChild(el("p", null, "No gaps: every feature is fully in place. Check that they happen as planned."));
      } else {
        out.appendChild(LH.table("Your gaps and what to do, in the order of the checklist",
          ["Feature", "Now", "Suggested action"], result.gaps.map(function (g) {
            var f = byId[g.id];
            return el("tr", { "data-feature": g.id, "data-gap": g.gap, "data-status": g.status },
              el("th", { scope: "row" }, g.label, el("br"), el("span", { "class": "lh-small", text: stageLabels[g.stage] })),
              el("td", { text: g.status }),
              el("td", null, f.action, el("br"), el("span", { "class": "lh-small", text: "Why it matters: " + f.rationale })));
          }), { "class": "lh-table lh-gaps" }));
      }
      out.appendChild(el("p", { "class": "lh-note" }, checklist.disclaimer + " Read more: ", LH.link(ctx, checklist.chapter), "."));
      return result;
    }
    function csv(saved, result) {
      result = result || scoreAudit(checklist, saved.answers);
      var rows = [["type", "id", "label", "answer", "points", "max_points", "percent", "status_or_band"]];
      result.features.forEach(function (f) {
        rows.push(["feature", f.id, f.label, f.answer === null ? "" : f.answer, f.points, f.max, "", f.status]);
      });
      result.stages.forEach(function (s) {
        rows.push(["stage", s.id, s.label, "", s.points, s.max_points, LH.format2(s.percent), ""]);
      });
      rows.push(["overall", checklist.id, checklist.title, "", result.points, result.max_points, LH.format2(result.percent), result.band_label]);
      return rows;
    }
    function empty() { return { answers: {}, unknown: [] }; }
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.scoreAudit = scoreAudit;
})();
