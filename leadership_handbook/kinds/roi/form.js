/* The ROI calculator in the page, DOM only: rows (added, removed, renumbered), results, tornado chart and CSV.
   Every rule is LH.rules.roi (rules.js), the twin of rules.py and uncertainty.py. The simulation uses the page's
   own seeded generator (mulberry32), not NumPy's: its figures repeat exactly but are close to the notebook's. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, f2 = LH.format2, rules = LH.rules.roi;
  const { money, percent: pc, count } = LH.format;
  const blank = (s) => s === null || s === undefined || String(s).trim() === "";

  /* The tornado chart, drawn at the width it is shown (`width`, 300 to 720 px) so that its text keeps its size
     (at least 12 px) on a phone: the legend wraps, the axis has fewer ticks and long labels are cut short. */
  function tornado(rows, base, hurdle, width) {
    const W = Math.round(Math.max(300, Math.min(720, width || 720))), L = 62, R = W - 62, rowH = 44, ch = 6.8;
    const keys = [["rect", "lh-low", "ROI with the input lower"], ["rect", "lh-high", "ROI with the input higher"],
      ["line", "lh-base", "ROI as entered"]].concat(hurdle === null ? [] : [["line", "lh-threshold", "Hurdle rate"]]);
    const legend = [];
    let lx = 12, ly = 17;
    for (const [shape, cls, text] of keys) {
      const w = 24 + text.length * ch;
      if (lx > 12 && lx + w > W - 8) { lx = 12; ly += 22; }
      legend.push(shape === "rect" ? svg("rect", { x: lx, y: ly - 11, width: 14, height: 12, "class": cls })
        : svg("line", { x1: lx + 6, x2: lx + 6, y1: ly - 13, y2: ly + 3, "class": cls }),
      svg("text", { x: lx + 20, y: ly, text }));
      lx += w + 16;
    }
    const top = ly + 17, H = top + rows.length * rowH + 34;
    const vals = [0, base].concat(hurdle === null ? [] : [hurdle], ...rows.map((r) => [r.roi_low, r.roi_high]));
    let lo = Math.min(...vals), hi = Math.max(...vals), step = 1;
    const span = hi - lo || 10, most = Math.max(2, Math.floor((R - L) / 64));
    const unit = Math.pow(10, Math.floor(Math.log(span / most) / Math.LN10));
    for (const m of [10, 5, 2, 1]) if (span / (unit * m) <= most) step = unit * m;
    lo = Math.floor(lo / step) * step;
    hi = Math.max(Math.ceil(hi / step) * step, lo + step);
    const x = (v) => L + (v - lo) / (hi - lo) * (R - L);
    const said = rows.slice(0, 5).map((r) => r.label + ": " + pc(r.roi_low) + " to " + pc(r.roi_high)).join("; ");
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "lh-chart lh-tornado",
      "aria-label": "Tornado chart of the ROI when one input at a time moves down and up, widest first. " +
        "ROI as entered " + pc(base) + ". " + said + (rows.length > 5 ? "; the table below has every input." : ".") },
    legend);
    chart.style.maxWidth = W + "px";  // never drawn larger than it was laid out for
    const add = (...nodes) => nodes.forEach((node) => chart.appendChild(node)), fit = Math.floor((W - 24) / 6.4);
    for (let t = lo; t <= hi + step / 2; t += step) {
      add(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - 26, "class": "lh-tgrid" }),
        svg("text", { x: x(t), y: H - 10, "text-anchor": "middle", "class": "lh-axis", text: pc(t) }));
    }
    rows.forEach((r, n) => {
      const y = top + n * rowH, a = Math.min(r.roi_low, r.roi_high), z = Math.max(r.roi_low, r.roi_high);
      const shown = r.label.length > fit ? r.label.slice(0, fit - 1) + "\u2026" : r.label;
      add(svg("text", { x: 12, y: y + 13, "class": "lh-label" }, shown, svg("title", { text: r.label })));
      for (const [v, cls] of [[r.roi_low, "lh-low"], [r.roi_high, "lh-high"]]) {
        add(svg("rect", { x: x(Math.min(v, base)), y: y + 18, width: Math.max(Math.abs(x(v) - x(base)), 1), height: 16,
          "class": cls, "data-input": r.input }));
      }
      add(svg("text", { x: x(a) - 4, y: y + 31, "text-anchor": "end", "class": "lh-value", text: pc(a) }),
        svg("text", { x: x(z) + 4, y: y + 31, "class": "lh-value", text: pc(z) }));
    });
    const mark = (v, cls) => add(svg("line", { x1: x(v), x2: x(v), y1: top + 14, y2: H - 26, "class": cls }));
    mark(base, "lh-base");
    if (hurdle !== null) mark(hurdle, "lh-threshold");
    return chart;
  }

  LH.register("roi", (ctx) => {
    const ins = ctx.instrument, form = ctx.form, cfg = ins.sensitivity, templates = {};
    const $ = (sel, root) => (root || form).querySelector(sel), body = (what) => $("[data-rows=" + what + "]");
    const rowsOf = (what) => Array.from(body(what).children);
    form.querySelectorAll("[data-action], .lh-add-row, .lh-remove-row").forEach((b) => { b.hidden = false; });
    // New rows are copies of the page's first row, blanked and renumbered (ids, labels, names).
    for (const what of ["cost", "benefit", "intangible"]) {
      const copy = templates[what] = body(what).firstElementChild.cloneNode(true);
      for (const i of copy.querySelectorAll("input, textarea")) { i.setAttribute("value", ""); i.textContent = ""; }
    }
    // A short summary kept in view at the foot of the screen while the reader edits (the results are far below).
    const live = $(".lh-roi").appendChild(el("p", { "class": "lh-roi-live", "aria-hidden": "true" }));
    function newRow(what, n, values) {
      const row = templates[what].cloneNode(true), re = new RegExp("-" + what + "-\\d+"), at = "-" + what + "-" + n;
      for (const e of [row, ...row.querySelectorAll("*")]) {
        for (const a of ["id", "for", "name"]) {
          if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(re, at));
        }
        if (e.hasAttribute("aria-label")) e.setAttribute("aria-label", e.getAttribute("aria-label").replace(/\d+/, n));
        if (e.matches(".lh-n")) e.textContent = n;
      }
      row.setAttribute("data-row", n);
      row.querySelectorAll("[data-f]").forEach((i) => {
        const v = typeof values === "string" ? values : values[i.getAttribute("data-f")];
        i.value = v === null || v === undefined ? "" : v;  // a new cost row has no category until the reader picks one
      });
      return row;
    }
    // A row's fields in page order: {label, category, amount} or {label, basis, annual_value, ...}.
    const fields = (row) => Object.fromEntries(Array.from(row.querySelectorAll("[data-f]"),
      (i) => [i.getAttribute("data-f"), i.value]));

    function read() {
      return { currency: $("[data-f=currency]").value, hurdle_rate_pct: $("[data-f=hurdle_rate_pct]").value,
        costs: rowsOf("cost").map(fields), benefits: rowsOf("benefit").map(fields),
        intangibles: rowsOf("intangible").map((r) => $("[data-f=text]", r).value) };
    }
    function write(a) {
      [$("[data-f=currency]").value, $("[data-f=hurdle_rate_pct]").value] = [a.currency || "", a.hurdle_rate_pct || ""];
      for (const [what, list] of [["cost", a.costs], ["benefit", a.benefits], ["intangible", a.intangibles]]) {
        body(what).textContent = "";
        const rows = list && list.length ? list : [what === "intangible" ? "" : {}];
        rows.forEach((v, n) => body(what).appendChild(newRow(what, n + 1, v)));
      }
    }
    const BENEFIT = ["label", "basis", "annual_value", "attribution_pct", "confidence_pct"];
    function empty() {
      const benefit = Object.fromEntries(BENEFIT.map((k) => [k, ""]));
      return { currency: ins.currency, hurdle_rate_pct: "",
        costs: ins.cost_categories.map((c) => ({ label: "", category: c.id, amount: "" })),
        benefits: [1, 2, 3, 4, 5].map(() => Object.assign({}, benefit)), intangibles: ["", "", "", ""] };
    }
    function example() {
      const s = (v) => (v === null || v === undefined ? "" : String(v));
      return { currency: ins.currency, hurdle_rate_pct: s(ins.hurdle_rate_pct),
        costs: ins.costs.map((c) => ({ label: c.label, category: c.category, amount: s(c.amount) })).concat([{}]),
        benefits: ins.benefits.map((b) => Object.fromEntries(BENEFIT.map((k) => [k, s(b[k])]))).concat([{}]),
        intangibles: ins.intangibles.concat([""]) };
    }
    function showMessages(errors, warnings) {  // a warning is said beside its field, which stays valid
      const byId = Object.fromEntries(warnings.concat(errors)), wrong = Object.fromEntries(errors);
      form.querySelectorAll(".lh-field-message").forEach((m) => {
        const id = m.id.slice(4);
        LH.setFieldMessage(ctx.root, m.id, byId[id]);
        LH.markInvalid(form.querySelector("#" + CSS.escape(id)), m.id, !!wrong[id]);
      });
    }
    const row = (attrs, head, ...cells) => el("tr", attrs, el("th", { scope: "row", text: head }),
      cells.map((text) => el("td", { text })));
    const rowsTable = (cap, rows, cls) => LH.table(cap, ["Measure", "Result"], rows.map((r) =>
      row({ "data-key": r.key, "data-value": r.value }, r.label, r.text)), { "class": "lh-table " + cls });
    const title = (t) => el("p", { "class": "lh-results-title" }, el("strong", null, t));
    const note = (text, cls) => el("p", cls ? { "class": cls } : null, text), say = ins.words.page;
    const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

    function sensitivity(put, rows, rep, cur, width) {
      const ow = cfg.one_way, setting = (r, key) => (r.unit === "money" ? money(r[key], cur) : pc(r[key]));
      const cap = "ROI when one input moves (ROI as entered: " + pc(rep.roi_pct) + ")";
      const head = ["Input moved", "From \u2026 to", "ROI if lower", "ROI if higher", "Swing (points)"];
      const body = rows.map((r) => row({ "data-input": r.input, "data-low-setting": f2(r.low_setting),
        "data-high-setting": f2(r.high_setting), "data-roi-low": f2(r.roi_low), "data-roi-high": f2(r.roi_high),
        "data-swing": f2(r.swing) }, r.label, setting(r, "low_setting") + " to " + setting(r, "high_setting"),
      pc(r.roi_low), pc(r.roi_high), f2(r.swing)));
      put(title(say.one_way), note(fill(say.one_way_note, { swing: ow.amount_swing_pct,
        points: ow.percentage_points_swing })), tornado(rows, rows[0].base_roi, rep.hurdle_rate_pct, width),
      el("div", { "class": "lh-scroll", tabindex: 0, role: "region", "aria-label": cap },
        LH.table(cap, head, body, { "class": "lh-table lh-roi-sensitivity" })));
    }
    function simulation(put, mc) {
      const runs = count(mc.runs), neg = mc.prob_negative, below = mc.prob_below_hurdle;
      const sim = [["runs", "Runs (seed)", String(mc.runs), runs + " (seed " + mc.seed + ")"],
        ["p50", "Median ROI", f2(mc.p50), pc(mc.p50)],
        ["p5-p95", "Middle 90% of runs", f2(mc.p5) + " " + f2(mc.p95), pc(mc.p5) + " to " + pc(mc.p95)],
        ["prob_not_negative", "Runs with an ROI of 0% or more", f2(100 - neg), pc(100 - neg)],
        ["prob_negative", "Runs with a negative ROI", f2(neg), pc(neg)]];
      const hurdle = `Runs below the hurdle rate (${pc(mc.hurdle_rate_pct)})`;
      if (below !== null) sim.push(["prob_below_hurdle", hurdle, f2(below), pc(below)]);
      put(title(say.simulation), note(fill(say.simulation_note, { spread: mc.amount_spread_pct,
        points: mc.percentage_points_spread, runs }), "lh-note"), rowsTable("Simulated ROI",
        sim.map(([key, label, value, text]) => ({ key, label, value, text })), "lh-roi-simulation"));
    }

    function render(a, out) {
      const checked = rules.check(ins, a), inp = checked.inputs, cur = inp.currency, n = checked.errors.length;
      const put = (...nodes) => nodes.forEach((node) => out.appendChild(node));
      form.querySelectorAll(".lh-roi-cur").forEach((s) => { s.textContent = cur; });
      showMessages(checked.errors, checked.warnings);
      live.textContent = say.live_waiting;
      put(title(say.results));
      const cells = rowsOf("benefit").map((r) => $("[data-counted]", r));
      cells.forEach((c) => { c.textContent = ""; c.setAttribute("data-counted", ""); });
      if (checked.none) {
        put(note(say.no_costs));
        return { valid: false, errors: [] };
      }
      if (n) {
        put(note(fill(n > 1 ? say.attention_many : say.attention_one, { count: n }), "lh-error"));
        return { valid: false, errors: checked.errors.map(([field, message]) => ({ field, message })) };
      }
      const ex = rules.check(ins, example()).inputs;
      ex.currency = ins.currency;
      const isExample = JSON.stringify(ex) === JSON.stringify(inp);
      if (isExample) inp.title = ins.title;
      if (isExample) out.firstChild.firstChild.textContent = say.example_results;
      const rep = rules.evaluate(ins, inp);
      live.textContent = "";
      [[say.live_roi, pc(rep.roi_pct)], [say.live_bcr, f2(rep.bcr)], [say.live_net, money(rep.net_benefits, cur)]]
        .forEach(([name, value]) => live.appendChild(el("span", null, name + " ", el("strong", null, value))));
      let k = 0;
      a.benefits.forEach((b, i) => {
        if (rules.isBlankBenefit(b)) return;
        const v = rep.benefits[k++].adjusted;
        cells[i].textContent = money(v, cur);
        cells[i].setAttribute("data-counted", f2(v));
      });
      const ow = cfg.one_way, rows = rules.oneWaySensitivity(ins, inp, ow.amount_swing_pct, ow.percentage_points_swing);
      const mc = rules.monteCarloMulberry32(ins, inp, cfg.monte_carlo);
      const says = rules.interpret(ins, rep, rows, mc).filter((s) => s.id !== "intangibles"); // listed below instead
      put(rowsTable(say.summary_caption, rules.summaryRows(ins, rep), "lh-roi-summary"), title(say.figures_say),
        el("ul", null, says.map((s) => el("li", { text: s.text }))), title(say.intangibles), inp.intangibles.length
          ? el("ul", { "class": "lh-roi-intangible-list" }, inp.intangibles.map((t) => el("li", { text: t })))
          : note(say.intangibles_none));
      sensitivity(put, rows, rep, cur, ctx.shownWidth());
      simulation(put, mc);
      return { valid: true, example: isExample, report: rep, sensitivity: rows, monte_carlo: mc };
    }

    // The CSV download: plain column and row names (words.csv); figures unformatted, two decimals.
    function csv(a, res) {
      const w = ins.words.csv, sec = w.sections, out = [w.columns.slice()], blankRow = ["", "", "", ""];
      const category = Object.fromEntries(ins.cost_categories.map((c) => [c.id, c.label]));
      const ok = res && res.valid, counted = ok ? res.report.benefits.map((b) => f2(b.adjusted)) : [];
      const costs = a.costs.filter((c) => !blank(c.label) || !blank(c.amount)), parse = rules.parseNumber;
      costs.forEach((c) => out.push([sec.cost, c.label, c.amount, "", "", ok ? f2(parse(c.amount)) : "",
        category[c.category] || c.category || ""]));
      a.benefits.filter((b) => !rules.isBlankBenefit(b)).forEach((b, k) => out.push([sec.benefit, b.label,
        b.annual_value, b.attribution_pct, b.confidence_pct, ok ? counted[k] : "", b.basis]));
      for (const t of a.intangibles) if (!blank(t)) out.push([sec.intangible, t, "", ...blankRow]);
      if (!ok) return out;
      const mc = res.monte_carlo, yes = (v) => (v === true ? "yes" : v === false ? "no" : String(v));
      const shown = (v) => (typeof v === "number" ? f2(v) : blank(v) ? "" : yes(v));
      const source = w.simulation_source.replace("{runs}", mc.runs).replace("{seed}", mc.seed);
      for (const key of Object.keys(w.rows)) {  // the report's figures, then the simulation's (not in the report)
        const sim = !(key in res.report);
        out.push([sim ? sec.simulation : sec.result, w.rows[key], shown(sim ? mc[key] : res.report[key]), "", "", "",
          sim ? source : ""]);
      }
      return out;
    }

    form.addEventListener("click", (event) => {  // start blank, fill in the example again, add and remove rows
      const b = event.target.closest("button"), get = (name) => (b ? b.getAttribute(name) : null);
      const act = get("data-action"), add = get("data-add"), rm = get("data-remove");
      if (!act && !add && !rm) return;
      let focus;
      if (act) {  // what replaces or removes what the reader typed goes through ctx.undoable (convention 6)
        ctx.undoable(act === "blank" ? "The form was cleared to start blank." : "The fictional example was filled in " +
          "again, in place of what the form held.", () => write(act === "blank" ? empty() : example()));
        focus = $("[data-f=label]");
      }
      if (add) {
        focus = newRow(add, rowsOf(add).length + 1, add === "intangible" ? "" : {});
        body(add).appendChild(focus);
        ctx.changed();
      }
      if (rm) {
        const at = rowsOf(rm).indexOf(b.closest("[data-row]")), a = read();
        const what = { cost: "cost", benefit: "benefit", intangible: "intangible benefit" }[rm];
        a[rm === "intangible" ? "intangibles" : rm + "s"].splice(at, 1);
        ctx.undoable("The " + what + " in row " + (at + 1) + " was removed.", () => write(a));
        focus = rowsOf(rm)[Math.min(at, rowsOf(rm).length - 1)];
      }
      $("input, textarea", focus.matches("[data-f]") ? focus.parentNode : focus).focus();
    });
    return { read, write, render, csv, empty };
  });
})();
