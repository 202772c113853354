/* "Did our programme work?" in the page, DOM only: what a reader typed is checked field by field (check), then
   LH.rules.programme_evaluation (rules.js, the twin of rules.py) gives the effect, its interval, the verdict, the
   planning table and the value. A CSV file is read in the browser with FileReader; nothing is uploaded. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, f2 = LH.format2, rules = LH.rules.programme_evaluation;
  const money = LH.format.money, n2 = LH.format.number2, GROUP = rules.FIELDS, GROUPS = ["trained", "comparison"];
  const VALUE = ["workforce", "people", "years_low", "years_high", "sdy_low", "sdy_high", "cost_per_person"];
  const blank = (s) => s === null || s === undefined || String(s).trim() === "";
  // A number as a reader types it: "1,800", "£4000" and "−0.2" are 1800, 4000 and -0.2; anything else is NaN.
  function parse(typed) {
    let t = String(typed).trim().replace(/^[£$€]\s*/, "").replace(/^\u2212/, "-");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  }

  // The typed answers as a plan for rules.evaluate: {plan, errors: [[field id, message]], none (nothing to evaluate)}.
  function check(ins, a) {
    const w = ins.words.form, L = ins.limits, p = ins.id, errs = [], fill = rules.fill;
    const K = { n: { say: fill(w.say_n, { minimum: L.min_group_size }), min: L.min_group_size, max: L.max_group_size,
      whole: true }, mean: { say: w.say_mean, min: -L.max_abs_score, max: L.max_abs_score },
    sd: { say: w.say_sd, min: 0, max: L.max_abs_score, open: true }, r: { say: w.say_r, min: -1, max: 1, open: true,
      openMax: true }, d: { say: fill(w.say_d, { minimum: L.min_plan_d, maximum: L.max_plan_d }), min: L.min_plan_d,
      max: L.max_plan_d }, cohorts: { say: fill(w.say_cohorts, { maximum: L.max_cohorts }), min: 2,
      max: L.max_cohorts, whole: true }, years: { say: fill(w.say_years, { maximum: L.max_years }), min: 0,
      max: L.max_years, open: true }, money: { say: w.say_money, min: 0, max: L.max_money },
    people: { say: w.say_people, min: 1, max: L.max_group_size, whole: true } };
    const num = (field, t, k) => {
      const id = p + "-" + field;
      if (blank(t)) { errs.push([id, fill(w.missing, { say: k.say })]); return null; }
      const v = parse(t), typed = "\u201c" + String(t).trim() + "\u201d";
      const out = v < k.min || v > k.max || (k.open && v <= k.min) || (k.openMax && v >= k.max);
      const problem = !Number.isFinite(v) ? "not_a_number" : k.whole && !Number.isInteger(v) ? "not_whole"
        : out ? "out_of_range" : null;
      if (problem) { errs.push([id, fill(w[problem], { typed, say: k.say })]); return null; }
      return v;
    };
    const design = a.design === "single" ? "single" : "comparison", used = design === "single" ? ["trained"] : GROUPS;
    const plan = { design, r: ins.default_r, r_source: "assumed", planning: null, value: null,
      currency: String(a.currency || "").trim() || ins.currency };
    if (!blank(a.r) && a.source !== "scores") plan.r = num("r", a.r, K.r);
    let none = false;
    if (a.source === "scores") {
      if (blank(a.scores)) none = true;
      else {
        try {
          const s = rules.summariseScores(ins, a.scores, design);
          Object.assign(plan, { trained: s.trained, comparison: s.comparison, r: s.r, r_source: "computed" });
        } catch (error) {
          if (error.name !== "InputError") throw error;
          errs.push([p + "-scores", error.problem]);
        }
      }
    } else if (!used.some((g) => GROUP.some((f) => !blank((a[g] || {})[f])))) {
      none = true;
    } else {
      for (const g of used) {
        plan[g] = {};
        for (const f of GROUP) plan[g][f] = num(g + "-" + f, a[g][f], K[f === "n" ? "n" : f.slice(-2) === "sd" ? "sd"
          : "mean"]);
      }
    }
    if (!blank(a.hoped_d) || !blank(a.cohorts)) {
      plan.planning = { hoped_d: num("hoped_d", a.hoped_d, K.d), cohorts: num("cohorts", a.cohorts, K.cohorts) };
    }
    if (VALUE.some((f) => !blank(a[f]))) {
      const v = {}, kinds = { workforce: "people", people: "people", years_low: "years", years_high: "years" };
      for (const f of VALUE) v[f] = num(f, a[f], K[kinds[f] || "money"]);
      for (const [low, high] of [["years_low", "years_high"], ["sdy_low", "sdy_high"]]) {
        if (v[low] !== null && v[high] !== null && v[low] > v[high]) errs.push([p + "-" + low, w.order]);
      }
      const { people, workforce } = v, size = used.reduce((t, g) => t + ((plan[g] || {}).n || 0), 0);
      if (people !== null && workforce !== null && people > workforce) {
        errs.push([p + "-people", fill(w.workforce_trained, { people, workforce })]);
      }
      if (workforce !== null && size > workforce) {
        errs.push([p + "-workforce", fill(w.workforce_groups, { groups: size, workforce })]);
      }
      plan.value = v;
    }
    return { plan, errors: errs, none };
  }

  // The estimate and its interval on a line with zero marked: 300 wide, under a phone's width, so text stays 12px+.
  function chart(rows) {
    const W = 300, L = 26, R = W - 26, top = 8, rowH = 58, H = top + rows.length * rowH + 34;
    let lo = Math.min(-0.5, ...rows.map((r) => r.low)), hi = Math.max(1, ...rows.map((r) => r.high));
    const step = hi - lo > 4 ? 1 : 0.5;
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    const x = (v) => L + (v - lo) / (hi - lo) * (R - L), text = (attrs, t) => svg("text",
      Object.assign({ "font-size": 13, text: t }, attrs));
    const said = rows.map((r) => r.label + ": d = " + n2(r.d) + ", 95% interval " + n2(r.low) + " to " + n2(r.high));
    const out = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "lh-chart lh-pe-chart",
      "aria-label": "The effect and its 95% interval, with zero marked. " + said.join("; ") + "." });
    for (let t = lo; t <= hi + step / 2; t += step) {
      out.appendChild(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - 26, "class": "lh-tgrid", stroke: "#ccc" }));
      out.appendChild(text({ x: x(t), y: H - 8, "text-anchor": "middle", "class": "lh-axis" }, n2(t)));
    }
    rows.forEach((r, n) => {
      const y = top + n * rowH;
      out.appendChild(text({ x: 4, y: y + 16, "class": "lh-label" }, r.label));
      out.appendChild(svg("line", { x1: x(r.low), x2: x(r.high), y1: y + 36, y2: y + 36, stroke: "#222",
        "stroke-width": 3, "data-low": f2(r.low), "data-high": f2(r.high) }));
      out.appendChild(svg("circle", { cx: x(r.d), cy: y + 36, r: 6, fill: "#222", "data-d": f2(r.d) }));
    });
    out.appendChild(svg("line", { x1: x(0), x2: x(0), y1: top, y2: H - 26, stroke: "#000", "stroke-dasharray": "5 4",
      "class": "lh-pe-zero" }));
    return out;
  }

  LH.register("programme_evaluation", (ctx) => {
    const ins = ctx.instrument, form = ctx.form, p = ins.id, ex = ins.example;
    const $ = (sel) => form.querySelector(sel), field = (name) => $("#" + CSS.escape(p + "-" + name));
    const radio = (name) => LH.radioValue(form, p + "-" + name);
    form.querySelectorAll("[data-action]").forEach((b) => { b.hidden = false; });
    function read() {
      const a = { design: radio("design") || "comparison", source: radio("source") || "summaries",
        r: field("r").value, scores: field("scores").value, hoped_d: field("hoped_d").value,
        cohorts: field("cohorts").value, currency: field("currency").value };
      for (const g of GROUPS) a[g] = Object.fromEntries(GROUP.map((f) => [f, field(g + "-" + f).value]));
      for (const f of VALUE) a[f] = field(f).value;
      return a;
    }
    function write(a) {
      LH.setRadio(form, p + "-design", a.design || "comparison");
      LH.setRadio(form, p + "-source", a.source || "summaries");
      for (const name of ["r", "scores", "hoped_d", "cohorts", "currency"].concat(VALUE)) {
        field(name).value = a[name] === undefined || a[name] === null ? "" : a[name];
      }
      for (const g of GROUPS) for (const f of GROUP) field(g + "-" + f).value = ((a[g] || {})[f]) ?? "";
    }
    function empty() {
      const a = { design: "comparison", source: "summaries", r: "", scores: "", hoped_d: "", cohorts: "",
        currency: ins.currency };
      for (const g of GROUPS) a[g] = Object.fromEntries(GROUP.map((f) => [f, ""]));
      for (const f of VALUE) a[f] = "";
      return a;
    }
    function example() {
      const s = (v) => String(v), a = Object.assign(empty(), { r: s(ex.r),
        design: ex.comparison_group ? "comparison" : "single",
        hoped_d: s(ex.planning.hoped_d), cohorts: s(ex.planning.cohorts) });
      for (const g of GROUPS) a[g] = Object.fromEntries(GROUP.map((f) => [f, s(ex[g][f])]));
      for (const f of VALUE) a[f] = s(ex.value[f]);
      return a;
    }
    function showMessages(errors) {
      const byId = Object.fromEntries(errors);
      form.querySelectorAll(".lh-field-message").forEach((m) => {
        const id = m.id.slice(4);
        if (id === p + "-file") return; // the file's own message stays until another file is chosen
        LH.setFieldMessage(ctx.root, m.id, byId[id]);
        LH.markInvalid(form.querySelector("#" + CSS.escape(id)), m.id, !!byId[id]);
      });
    }
    const note = (text, cls) => el("p", cls ? { "class": cls } : null, text);
    const title = (t) => el("p", { "class": "lh-results-title" }, el("strong", null, t)), scroll = (table) =>
      el("div", { "class": "lh-table-scroll" }, table);
    const tr = (attrs, head, cells) => el("tr", attrs, el("th", { scope: "row", text: head }),
      cells.map((text) => el("td", { text })));
    function planTable(rows) {
      const k = rows[0].cohorts, words = ins.words.plan_designs;
      return scroll(LH.table("People needed for " + ins.power.power_pct + "% power (two-sided test at " +
        ins.power.alpha_pct + "%)", ["Effect", words.post_only, words.pre_post, rules.fill(words.staggered, { k })],
      rows.map((r) => tr({ "data-plan": r.id, "data-value": [r.post_only, r.pre_post, r.staggered].join(" ") },
        r.label, [String(r.post_only), String(r.pre_post), r.staggered + " (" + r.staggered_total + " in all)"])),
      { "class": "lh-table lh-pe-plan" }));
    }
    function render(a, out) {
      const checked = check(ins, a), plan = checked.plan, n = checked.errors.length;
      const put = (...nodes) => nodes.forEach((node) => out.appendChild(node));
      showMessages(checked.errors);
      const isExample = JSON.stringify(a) === JSON.stringify(example());
      put(title(isExample ? "Results for the fictional example" : "Your results"));
      if (n) {
        put(note(n + (n > 1 ? " entries need" : " entry needs") + " attention: see the message beside " +
          (n > 1 ? "each" : "the") + " field above. The results appear once every entry can be used.", "lh-error"));
        return { valid: false, errors: checked.errors.map(([id, message]) => ({ field: id, message })) };
      }
      if (checked.none) {
        put(note("Enter each group's figures, or paste the scores, to see the effect and its interval."));
        if (plan.planning) put(title("Planning"), planTable(rules.plan(ins, plan.planning.hoped_d, plan.r,
          plan.planning.cohorts)));
        return { valid: false, errors: [] };
      }
      const rep = rules.evaluate(ins, plan), names = { trained: "Trained", comparison: "Comparison" };
      const rows = [{ label: "Effect of the programme (d)", ...rep.effect }];
      if (rep.design === "single") rows[0].label = "Before-and-after change, overstated (d)";
      else rows.push({ label: "Trained group alone (overstates)", ...rep.trained_alone });
      put(scroll(LH.table("The data (" + (rep.r_source === "computed" ? "from the scores" : "as typed") + ")",
        ["Group", "People", "Pre-test mean (SD)", "Post-test mean (SD)", "Change"], rep.groups.map((g) =>
          tr({ "data-group": g.group }, names[g.group], [String(g.n), n2(g.pre_mean) + " (" + n2(g.pre_sd) + ")",
            n2(g.post_mean) + " (" + n2(g.post_sd) + ")", n2(g.change)])))),
      LH.table(ins.words.effect[rep.design], ["Measure", "Result"], rows.map((r, k) => tr({ "data-key": k ? "alone"
        : "effect", "data-value": [f2(r.d), f2(r.low), f2(r.high)].join(" ") }, r.label,
      ["d = " + n2(r.d) + ", 95% interval " + n2(r.low) + " to " + n2(r.high)])), { "class": "lh-table lh-pe-effect" }),
      chart(rows), title("What the figures say"),
      el("ul", { "class": "lh-pe-sentences" }, rep.sentences.map((s) => el("li", { "data-id": s.id,
        text: s.text }))));
      if (rep.planning) put(title("Planning"), planTable(rep.planning));
      if (rep.value) {
        const v = rep.value, m = (x) => money(x, v.currency);
        put(title("What the effect is worth"), LH.table("Net value = N × T × d × SDy − N × C", ["Measure", "Value"],
          [["net", "Net value, over your ranges", m(v.net_low) + " to " + m(v.net_high)],
            ["low_d", "At the interval's low end (d = " + n2(v.d_low) + ")", m(v.low_d_net_low) + " to " +
              m(v.low_d_net_high)], ["gross_mid", "Gross value for the ROI calculator", m(v.gross_mid)],
            ["total_cost", "Cost of training (N × C)", m(v.total_cost)]].map(([key, label, text]) =>
            tr({ "data-key": key }, label, [text])), { "class": "lh-table lh-pe-value-table" }));
      }
      return { valid: true, example: isExample, report: rep };
    }
    function csv(a, res) {
      const rows = [["section", "item", "value"], ["input", "design", a.design], ["input", "source", a.source]];
      for (const g of GROUPS) for (const f of GROUP) rows.push(["input", g + "_" + f, a[g][f]]);
      for (const name of ["r", "hoped_d", "cohorts", "currency"].concat(VALUE)) rows.push(["input", name, a[name]]);
      if (!(res && res.valid)) return rows;
      const rep = res.report;
      for (const key of ["d", "se", "low", "high"]) rows.push(["effect", key, f2(rep.effect[key])]);
      rows.push(["effect", "r", f2(rep.r)], ["effect", "r_source", rep.r_source], ["effect", "verdict", rep.verdict],
        ["effect", "people_needed_per_group", rep.needed === null ? "" : String(rep.needed)]);
      (rep.planning || []).forEach((r) => rows.push(["planning", r.id, [r.post_only, r.pre_post, r.staggered].join()]));
      if (rep.value) ["net_low", "net_high", "gross_mid"].forEach((k) => rows.push(["value", k, f2(rep.value[k])]));
      return rows;
    }
    // Typing in the table or in the scores box chooses that way of entering the data.
    form.addEventListener("input", (event) => {
      if (event.target.closest(".lh-pe-groups")) LH.setRadio(form, p + "-source", "summaries");
      if (event.target === field("scores")) LH.setRadio(form, p + "-source", "scores");
    });
    field("file").addEventListener("change", () => {
      const file = field("file").files[0], msg = "msg-" + p + "-file";
      if (!file) return;
      const reader = new FileReader();
      reader.onload = () => {
        field("file").value = ""; // so that the same file, edited, can be loaded again
        LH.setFieldMessage(ctx.root, msg, "");
        const put = () => {
          field("scores").value = String(reader.result);
          LH.setRadio(form, p + "-source", "scores");
        };
        if (ctx.undoable) ctx.undoable("The scores were replaced by the file " + file.name + ".", put);
        else { put(); ctx.changed(); }
      };
      reader.onerror = () => LH.setFieldMessage(ctx.root, msg, rules.fill(ins.words.form.file_read,
        { reason: String(reader.error && reader.error.message) }));
      reader.readAsText(file);
    });
    form.addEventListener("click", (event) => {
      const b = event.target.closest("button[data-action]");
      if (!b) return;
      const act = b.getAttribute("data-action"), change = () => write(act === "blank" ? empty() : example());
      const said = act === "blank" ? "The form was blanked." : "The fictional example was filled in again.";
      if (ctx.undoable) ctx.undoable(said, change);
      else { change(); ctx.changed(); }
      field("trained-n").focus();
    });
    return { read, write, render, csv, empty };
  });
})();
