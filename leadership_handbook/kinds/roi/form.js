/* The ROI calculator in the page, DOM only: rows (added, removed, renumbered), results, tornado chart and CSV.
   Every rule is LH.rules.roi (rules.js), the twin of rules.py and uncertainty.py. The simulation uses the page's
   own seeded generator (mulberry32), not NumPy's: its figures repeat exactly but are close to the notebook's. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, f2 = LH.format2, rules = LH.rules.roi;
  const { money, percent: pc } = LH.format;
  const blank = (s) => s === null || s === undefined || String(s).trim() === "";

  function tornado(rows, base, hurdle) {
    const W = 720, L = 62, R = W - 62, rowH = 44, top = 34, H = top + rows.length * rowH + 34;
    const vals = [0, base].concat(hurdle === null ? [] : [hurdle], ...rows.map((r) => [r.roi_low, r.roi_high]));
    let lo = Math.min(...vals), hi = Math.max(...vals);
    const span = hi - lo || 10;
    let step = Math.pow(10, Math.floor(Math.log(span / 5) / Math.LN10));
    step *= span / step > 25 ? 5 : span / step > 10 ? 2 : 1;
    lo = Math.floor(lo / step) * step;
    hi = Math.max(Math.ceil(hi / step) * step, lo + step);
    const x = (v) => L + (v - lo) / (hi - lo) * (R - L);
    const said = rows.slice(0, 5).map((r) => r.label + ": " + pc(r.roi_low) + " to " + pc(r.roi_high)).join("; ");
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "lh-chart lh-tornado",
      "aria-label": "Tornado chart of the ROI when one input at a time moves down and up, widest first. " +
        "ROI as entered " + pc(base) + ". " + said + (rows.length > 5 ? "; the table below has every input." : ".") },
    svg("rect", { x: 12, y: 6, width: 14, height: 12, "class": "lh-low" }),
    svg("text", { x: 32, y: 17, text: "ROI with the input lower" }),
    svg("rect", { x: 210, y: 6, width: 14, height: 12, "class": "lh-high" }),
    svg("text", { x: 230, y: 17, text: "ROI with the input higher" }),
    svg("line", { x1: 420, x2: 420, y1: 4, y2: 20, "class": "lh-base" }),
    svg("text", { x: 428, y: 17, text: "ROI as entered" }));
    const add = (...nodes) => nodes.forEach((node) => chart.appendChild(node));
    const legend = svg("g", null, svg("line", { x1: 560, x2: 560, y1: 4, y2: 20, "class": "lh-threshold" }),
      svg("text", { x: 568, y: 17, text: "Hurdle rate" }));
    if (hurdle !== null) add(legend);
    for (let t = lo; t <= hi + step / 2; t += step) {
      add(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - 26, "class": "lh-tgrid" }),
        svg("text", { x: x(t), y: H - 10, "text-anchor": "middle", "class": "lh-axis", text: pc(t) }));
    }
    rows.forEach((r, n) => {
      const y = top + n * rowH, a = Math.min(r.roi_low, r.roi_high), z = Math.max(r.roi_low, r.roi_high);
      const shown = r.label.length > 110 ? r.label.slice(0, 109) + "\u2026" : r.label;
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
    const $ = (sel, root) => (root || form).querySelector(sel);
    const body = (what) => $("[data-rows=" + what + "]");
    const rowsOf = (what) => Array.from(body(what).children);
    form.querySelectorAll("[data-action], .lh-add-row, .lh-remove-row").forEach((b) => { b.hidden = false; });
    // New rows are copies of the page's first row, blanked and renumbered (ids, labels, names).
    for (const what of ["cost", "benefit", "intangible"]) {
      templates[what] = body(what).firstElementChild.cloneNode(true);
      for (const i of templates[what].querySelectorAll("input, textarea")) {
        i.setAttribute("value", "");
        i.textContent = "";
      }
    }
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
        i.value = v === null || v === undefined ? (i.tagName === "SELECT" ? ins.default_cost_category : "") : v;
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
      $("[data-f=currency]").value = a.currency || "";
      $("[data-f=hurdle_rate_pct]").value = a.hurdle_rate_pct || "";
      for (const [what, list] of [["cost", a.costs], ["benefit", a.benefits], ["intangible", a.intangibles]]) {
        body(what).textContent = "";
        const rows = list && list.length ? list : [what === "intangible" ? "" : {}];
        rows.forEach((v, n) => body(what).appendChild(newRow(what, n + 1, v)));
      }
    }
    function empty() {
      const benefit = { label: "", basis: "", annual_value: "", attribution_pct: "", confidence_pct: "" };
      return { currency: ins.currency, hurdle_rate_pct: "",
        costs: ins.cost_categories.map((c) => ({ label: "", category: c.id, amount: "" })),
        benefits: [1, 2, 3, 4, 5].map(() => Object.assign({}, benefit)), intangibles: ["", "", "", ""] };
    }
    function example() {
      const s = (v) => (v === null || v === undefined ? "" : String(v));
      return { currency: ins.currency, hurdle_rate_pct: s(ins.hurdle_rate_pct),
        costs: ins.costs.map((c) => ({ label: c.label, category: c.category, amount: s(c.amount) })).concat([{}]),
        benefits: ins.benefits.map((b) => ({ label: b.label, basis: b.basis, annual_value: s(b.annual_value),
          attribution_pct: s(b.attribution_pct), confidence_pct: s(b.confidence_pct) })).concat([{}]),
        intangibles: ins.intangibles.concat([""]) };
    }

    function showMessages(errors) {
      const byId = Object.fromEntries(errors);
      form.querySelectorAll(".lh-field-message").forEach((m) => {
        const id = m.id.slice(4);
        LH.setFieldMessage(ctx.root, m.id, byId[id]);
        LH.markInvalid(form.querySelector("#" + CSS.escape(id)), m.id, !!byId[id]);
      });
    }
    const row = (attrs, head, ...cells) => el("tr", attrs, el("th", { scope: "row", text: head }),
      cells.map((text) => el("td", { text })));
    const rowsTable = (cap, rows, cls) => LH.table(cap, ["Measure", "Result"], rows.map((r) =>
      row({ "data-key": r.key, "data-value": r.value }, r.label, r.text)), { "class": "lh-table " + cls });
    const title = (t) => el("p", { "class": "lh-results-title" }, el("strong", null, t));
    const note = (text, cls) => el("p", cls ? { "class": cls } : null, text);

    function sensitivity(put, rows, rep, cur) {
      const ow = cfg.one_way, setting = (r, key) => (r.unit === "money" ? money(r[key], cur) : pc(r[key]));
      const cap = "ROI when one input moves (ROI as entered: " + pc(rep.roi_pct) + ")";
      const head = ["Input moved", "From \u2026 to", "ROI if lower", "ROI if higher", "Swing (points)"];
      const body = rows.map((r) => row({ "data-input": r.input, "data-low-setting": f2(r.low_setting),
        "data-high-setting": f2(r.high_setting), "data-roi-low": f2(r.roi_low), "data-roi-high": f2(r.roi_high),
        "data-swing": f2(r.swing) }, r.label, setting(r, "low_setting") + " to " + setting(r, "high_setting"),
      pc(r.roi_low), pc(r.roi_high), f2(r.swing)));
      put(title("How sensitive is the result? One input at a time"), note("Each money amount moves " +
        ow.amount_swing_pct + "% down and up (all costs together), and each percentage " + ow.percentage_points_swing +
        " points (kept within 0 to 100), while everything else stays as entered. The widest bars show the estimates " +
        "that matter most."), tornado(rows, rows[0].base_roi, rep.hurdle_rate_pct),
      el("div", { "class": "lh-scroll", tabindex: 0, role: "region", "aria-label": cap },
        LH.table(cap, head, body, { "class": "lh-table lh-roi-sensitivity" })));
    }
    function simulation(put, mc) {
      const runs = mc.runs.toLocaleString("en-GB"), neg = mc.prob_negative, below = mc.prob_below_hurdle;
      const sim = [["runs", "Runs (seed)", String(mc.runs), runs + " (seed " + mc.seed + ")"],
        ["p50", "Median ROI", f2(mc.p50), pc(mc.p50)],
        ["p5-p95", "Middle 90% of runs", f2(mc.p5) + " " + f2(mc.p95), pc(mc.p5) + " to " + pc(mc.p95)],
        ["prob_not_negative", "Runs with an ROI of 0% or more", f2(100 - neg), pc(100 - neg)],
        ["prob_negative", "Runs with a negative ROI", f2(neg), pc(neg)]];
      const hurdle = `Runs below the hurdle rate (${pc(mc.hurdle_rate_pct)})`;
      if (below !== null) sim.push(["prob_below_hurdle", hurdle, f2(below), pc(below)]);
      put(title("How sensitive is the result? Every input at once"), note("A seeded simulation draws every input at " +
        "random within " + mc.amount_spread_pct + "% (money) or " + mc.percentage_points_spread + " points " +
        "(percentages) of your value, most likely at your value, " + runs + " times. This page uses its own small " +
        "random-number generator: its figures are the same every time here, but differ slightly from the notebook's, " +
        "which uses NumPy's.", "lh-note"), rowsTable("Simulated ROI",
        sim.map(([key, label, value, text]) => ({ key, label, value, text })), "lh-roi-simulation"));
    }

    function render(a, out) {
      const checked = rules.check(ins, a), inp = checked.inputs, cur = inp.currency, n = checked.errors.length;
      const put = (...nodes) => nodes.forEach((node) => out.appendChild(node));
      form.querySelectorAll(".lh-roi-cur").forEach((s) => { s.textContent = cur; });
      showMessages(checked.errors);
      put(title("Your results"));
      const cells = rowsOf("benefit").map((r) => $("[data-counted]", r));
      cells.forEach((c) => { c.textContent = ""; c.setAttribute("data-counted", ""); });
      if (checked.none) {
        put(note("Enter at least one cost above to see the results: ROI divides by the costs."));
        return { valid: false, errors: [] };
      }
      if (n) {
        put(note(n + (n > 1 ? " entries need" : " entry needs") + " attention: see the message beside " +
          (n > 1 ? "each" : "the") + " field above. The results appear once every entry can be used.", "lh-error"));
        return { valid: false, errors: checked.errors.map(([field, message]) => ({ field, message })) };
      }
      const ex = rules.check(ins, example()).inputs;
      ex.currency = ins.currency;
      const isExample = JSON.stringify(ex) === JSON.stringify(inp);
      if (isExample) inp.title = ins.title;
      if (isExample) out.firstChild.firstChild.textContent = "Results for the fictional example";
      const rep = rules.evaluate(ins, inp);
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
      put(rowsTable("ROI = (benefits counted − costs) ÷ costs × 100. BCR = benefits counted ÷ costs.",
        rules.summaryRows(ins, rep), "lh-roi-summary"),
      title("What the figures say"), el("ul", null, says.map((s) => el("li", { text: s.text }))),
      title("Intangible benefits (not converted to money)"), inp.intangibles.length
        ? el("ul", { "class": "lh-roi-intangible-list" }, inp.intangibles.map((t) => el("li", { text: t })))
        : note("None listed yet: add the benefits you will report without a money value, such as better teamwork."));
      sensitivity(put, rows, rep, cur);
      simulation(put, mc);
      return { valid: true, example: isExample, report: rep, sensitivity: rows, monte_carlo: mc };
    }

    function csv(a, res) {
      const out = [["section", "item", "amount", "attribution_pct", "confidence_pct", "counted", "category_or_source"]];
      const ok = res && res.valid, counted = ok ? res.report.benefits.map((b) => f2(b.adjusted)) : [];
      const costs = a.costs.filter((c) => !blank(c.label) || !blank(c.amount)), parse = rules.parseNumber;
      costs.forEach((c) => out.push(["cost", c.label, c.amount, "", "", ok ? f2(parse(c.amount)) : "", c.category]));
      a.benefits.filter((b) => !rules.isBlankBenefit(b)).forEach((b, k) => out.push(["benefit", b.label, b.annual_value,
        b.attribution_pct, b.confidence_pct, ok ? counted[k] : "", b.basis]));
      for (const t of a.intangibles) if (!blank(t)) out.push(["intangible", t, "", "", "", "", ""]);
      if (!ok) return out;
      const keys = ["total_costs", "unadjusted_benefits", "adjusted_benefits", "net_benefits", "bcr", "roi_pct",
        "payback_months", "hurdle_rate_pct", "meets_hurdle"], mc = res.monte_carlo;
      const shown = (v) => (typeof v === "number" ? f2(v) : blank(v) ? "" : String(v));
      for (const key of keys) out.push(["result", key, shown(res.report[key]), "", "", "", ""]);
      for (const key of ["mean", "p5", "p50", "p95", "prob_negative", "prob_below_hurdle"]) {
        out.push(["simulation", key, f2(mc[key]), "", "", "", "seed " + mc.seed + ", this page's generator"]);
      }
      return out;
    }

    // Buttons: start blank, fill in the example again, add and remove rows.
    form.addEventListener("click", (event) => {
      const b = event.target.closest("button"), get = (name) => (b ? b.getAttribute(name) : null);
      const act = get("data-action"), add = get("data-add"), rm = get("data-remove");
      if (!act && !add && !rm) return;
      let focus;
      if (act) { write(act === "blank" ? empty() : example()); focus = $("[data-f=label]"); }
      if (add) {
        focus = newRow(add, rowsOf(add).length + 1, add === "intangible" ? "" : {});
        body(add).appendChild(focus);
      }
      if (rm) {
        const at = rowsOf(rm).indexOf(b.closest("[data-row]")), a = read();
        a[rm === "intangible" ? "intangibles" : rm + "s"].splice(at, 1);
        write(a);
        focus = rowsOf(rm)[Math.min(at, rowsOf(rm).length - 1)];
      }
      ctx.changed();
      $("input, textarea", focus.matches("[data-f]") ? focus.parentNode : focus).focus();
    });
    return { read, write, render, csv, empty };
  });
})();
