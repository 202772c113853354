/* The programme audit in the page, DOM only: read and write the radios, draw the score, the gap chart and the
   gaps. The scoring is LH.rules.programme_audit (rules.js), the twin of rules.py. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, rules = LH.rules.programme_audit;
  let chartCount = 0;

  // One row per feature, grouped by stage: its name, then a bar of the points in place and the gap to the top.
  // One chart unit is one pixel of the results box (at least 330 units, so text stays at least 12 px in the
  // 316 px a 390 px phone gives it: convention 7).
  const chartWidth = (shown) => Math.round(Math.min(720, Math.max(330, shown || 0)));
  function gapChart(instrument, result, W) {
    const top = result.features[0].max, barW = Math.min(320, W - 170), n = chartCount++;
    let y = 4;
    const x = (v) => 4 + v / top * barW;
    const hatch = "lh-gap-hatch-" + n, cross = "lh-gap-cross-" + n;
    const described = result.features.map((f) => f.label + ": " + f.points + " of " + f.max + " (" + f.status + ")")
      .join("; ");
    const pattern = (id, shape) => svg("pattern", { id, width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)" }, shape);
    const chart = svg("svg", { role: "img", "class": "lh-chart lh-gap-chart",
      "aria-label": "Bar chart of the points each feature scores, out of " + top + ". " + described },
      svg("defs", null,
        pattern(hatch, svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, "class": "lh-hatch" })),
        pattern(cross, svg("path", { d: "M0 0V6M0 0H6", "class": "lh-hatch" }))));
    const add = (tag, attrs) => chart.appendChild(svg(tag, attrs));
    for (const s of instrument.stages) {
      const fs = result.features.filter((f) => f.stage === s.id);
      if (!fs.length) continue;
      add("text", { x: 4, y: y + 16, "class": "lh-label lh-stage-label", text: s.label });
      y += 24;
      for (const f of fs) {
        add("text", { x: 4, y: y + 13, "class": "lh-label", text: f.label });
        if (f.points) add("rect", { x: x(0), y: y + 18, width: x(f.points) - x(0), height: 14, "class": "lh-bar" });
        if (f.gap) {
          add("rect", { x: x(f.points), y: y + 18, width: x(top) - x(f.points), height: 14, "class": "lh-gap",
            fill: "url(#" + (f.answer === null ? cross : hatch) + ")" });
        }
        for (let v = 1; v < top; v++) add("line", { x1: x(v), x2: x(v), y1: y + 16, y2: y + 34, "class": "lh-grid" });
        add("text", { x: x(top) + 8, y: y + 30, "class": "lh-value", text: f.status });
        y += 40;
      }
    }
    for (let v = 0; v <= top; v++) {
      const anchor = v === 0 ? "start" : v < top ? "middle" : "end";
      add("text", { x: x(v), y: y + 10, "text-anchor": anchor, "class": "lh-axis", text: String(v) });
    }
    add("text", { x: 4, y: y + 28, "class": "lh-axis",
      text: "Points (0 = not in place, " + top + " = fully in place)" });
    [["In place", "lh-bar", null], ["Gap", "lh-gap", hatch], ["Gap (not known)", "lh-gap", cross]].forEach((k, i) => {
      add("rect", { x: 4 + i * 100, y: y + 40, width: 16, height: 12, "class": k[1],
        fill: k[2] ? "url(#" + k[2] + ")" : null });
      add("text", { x: 24 + i * 100, y: y + 51, "class": "lh-axis", text: k[0] });
    });
    chart.setAttribute("viewBox", "0 0 " + W + " " + (y + 58));
    return chart;
  }

  LH.register("programme_audit", (ctx) => {
    const instrument = ctx.instrument, scoring = instrument.scoring, unknownValue = instrument.dont_know.value;
    const byId = {}, stageLabels = {};
    for (const f of instrument.features) byId[f.id] = f;
    for (const s of instrument.stages) stageLabels[s.id] = s.label;
    // What recommends a feature, in words, as page.py's basis_text writes it on the worksheet.
    const basisLabels = Object.fromEntries(instrument.bases.map((b) => [b.id, b.label]));
    const basisText = (f) => f.basis.map((b, i) => (i ? basisLabels[b][0].toLowerCase() + basisLabels[b].slice(1) :
      basisLabels[b])).join(" and ");
    // An answer the rules accept for this feature (an option's value); anything else is refused there too.
    const isOption = (id, value) => {
      try { rules.validateAuditAnswers(instrument, { [id]: value }); return true; } catch (e) { return false; }
    };
    let bad = {};  // saved answers that are not an option (an edited file or storage): shown beside the feature

    function read() {
      const answers = {}, unknown = [];
      for (const f of instrument.features) {
        const v = LH.radioValue(ctx.form, f.id), n = Number(v);
        if (v === unknownValue) unknown.push(f.id);
        if (v !== null) delete bad[f.id];
        answers[f.id] = v !== null && v !== unknownValue && isOption(f.id, n) ? n : null;
      }
      return { answers, unknown };
    }
    function write(saved) {
      const answers = (saved && saved.answers) || {}, unknown = (saved && saved.unknown) || [];
      bad = {};
      for (const f of instrument.features) {
        let a = answers[f.id];
        if (a !== null && a !== undefined && !isOption(f.id, a)) { bad[f.id] = a; a = null; }
        LH.setRadio(ctx.form, f.id, a !== null && a !== undefined ? a : unknown.includes(f.id) ? unknownValue : null);
      }
    }
    function render(saved, out) {
      const result = rules.scoreAudit(instrument, saved.answers);
      const unknown = saved.unknown.length + Object.keys(bad).length;
      out.classList.toggle("lh-no-results", result.answered === 0 && unknown === 0);
      for (const f of instrument.features) {
        const msg = f.id in bad ? "The saved answer " + JSON.stringify(bad[f.id]) + " is not one of the options, " +
          "so it counts as \u201c" + scoring.unanswered_status + "\u201d. Choose an option." : "";
        LH.setFieldMessage(ctx.form, "msg-" + f.id, msg);
        const group = ctx.form.querySelector('li[data-item="' + CSS.escape(f.id) + '"] fieldset');
        if (msg) group.setAttribute("aria-describedby", "msg-" + f.id); else group.removeAttribute("aria-describedby");
      }
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (result.answered === 0 && unknown === 0) {
        out.appendChild(el("p", null,
          "Rate the features above to see your score, the gap chart and what to do about each gap."));
        return result;
      }
      const open = result.total - result.answered;
      if (open) {
        out.appendChild(el("p", { "class": "lh-note" }, "You have rated " + result.answered + " of " + result.total +
          " features. The other " + open + " score " + scoring.unanswered_value + " and are listed as \u201c" +
          scoring.unanswered_status + "\u201d."));
      }
      const percent = LH.format2(result.percent), points = result.points + " of " + result.max_points;
      out.appendChild(el("p", { "class": "lh-audit-overall", "data-percent": percent, "data-band": result.band,
        "data-points": result.points, "data-max-points": result.max_points },
        el("strong", null, "Overall: " + percent + "% (" + points + " points). " + result.band_label + "."),
        " " + result.band_meaning));
      const rows = result.stages.map((s) => el("tr", { "data-stage": s.id, "data-percent": LH.format2(s.percent),
        "data-points": s.points },
        el("th", { scope: "row", text: s.label }), el("td", { text: s.points + " of " + s.max_points }),
        el("td", { text: LH.format2(s.percent) + "%" })));
      rows.push(el("tr", { "class": "lh-total" }, el("th", { scope: "row", text: "Whole programme" }),
        el("td", { text: points }), el("td", { text: percent + "%" })));
      out.appendChild(LH.table("Points and percentage by stage", ["Stage", "Points", "Percent"], rows,
        { "class": "lh-table lh-stages" }));
      out.appendChild(gapChart(instrument, result, chartWidth(ctx.shownWidth())));
      if (!result.gaps.length) {
        out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your gaps and what to do")));
        out.appendChild(el("p", null, instrument.no_gaps));
      } else {
        out.appendChild(LH.table("Your gaps and what to do, in the order of the checklist",
          ["Feature", "Now", "Suggested action"], result.gaps.map((g) => {
            const f = byId[g.id];
            return el("tr", { "data-feature": g.id, "data-gap": g.gap, "data-status": g.status },
              el("th", { scope: "row" }, g.label, el("br"),
                el("span", { "class": "lh-small", text: stageLabels[g.stage] })),
              el("td", { text: g.status }),
              el("td", null, f.action, el("br"),
                el("span", { "class": "lh-small", text: basisText(f) + ". Why it matters: " + f.rationale })));
          }), { "class": "lh-table lh-gaps" }));
      }
      out.appendChild(el("p", { "class": "lh-note" }, instrument.disclaimer + " Read more: ",
        LH.link(ctx, instrument.chapter), "."));
      return result;
    }
    // Plain column names, the ones a reader sees; the feature's id stays for a facilitator's spreadsheet.
    function csv(saved, result) {
      result = result || rules.scoreAudit(instrument, saved.answers);
      const rows = [["Row", "Id", "Feature, stage or programme", "Stage", "Basis", "Answer", "Points",
        "Highest points", "Percent", "Status or band"]];
      for (const f of result.features) {
        rows.push(["Feature", f.id, f.label, stageLabels[f.stage], basisText(byId[f.id]),
          f.answer === null ? "" : f.answer, f.points, f.max, "", f.status]);
      }
      for (const s of result.stages) {
        rows.push(["Stage", s.id, s.label, s.label, "", "", s.points, s.max_points, LH.format2(s.percent), ""]);
      }
      rows.push(["Whole programme", instrument.id, instrument.title, "", "", "", result.points, result.max_points,
        LH.format2(result.percent), result.band_label]);
      return rows;
    }
    const empty = () => ({ answers: {}, unknown: [] });
    return { read, write, render, csv, empty };
  });
})();
