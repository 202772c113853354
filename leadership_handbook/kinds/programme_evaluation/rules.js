/* "Did our programme work?" in the page: the twin of rules.py, pure functions with no DOM, reading limits and words
   from the instrument (programme_evaluation.yml) as Python does; cases.json holds the two equal. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).programme_evaluation = factory(LH.format, LH.errors);
  }
})(function (format, errors) {
  "use strict";
  const { number2, money, round2 } = format;
  const { InputError, checkNumber, checkWholeNumber } = errors;
  const FIELDS = ["n", "pre_mean", "pre_sd", "post_mean", "post_sd"], PLAN = ["hoped_d", "cohorts"];
  const VALUE = ["workforce", "people", "years_low", "years_high", "sdy_low", "sdy_high", "cost_per_person"];
  const blank = (s) => s === null || s === undefined || String(s).trim() === "";  // a field left empty
  const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  const sum = (list) => list.reduce((total, x) => total + x, 0);
  const whole = (x) => { const v = Number(x.toFixed(0)); return v === 0 ? 0 : v; }; // Python's round_to(x, 0)
  const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const biasCorrection = (df) => 1 - 3 / (4 * df - 1);

  function checkGroup(ins, group, name) {
    const limits = ins.limits, top = limits.max_abs_score;
    if (!isObject(group)) throw new InputError("it is not a set of figures", { item_id: name, field: "group" });
    const out = { n: checkWholeNumber(group.n, { field: "n", item_id: name, minimum: limits.min_group_size,
      maximum: limits.max_group_size }) };
    for (const field of FIELDS.slice(1)) {
      const sd = field.endsWith("_sd");
      out[field] = checkNumber(group[field], { field, item_id: name, minimum: sd ? 0 : -top, maximum: top,
        exclusive_minimum: sd });
    }
    return out;
  }
  function checkR(ins, r) {
    const value = checkNumber(r, { field: "r" }), edge = ins.limits.r_open;
    if (!(-edge < value && value < edge)) throw new InputError(value + " is out of range", { field: "r" });
    return value;
  }
  function interval(ins, d, variance) {
    const se = Math.sqrt(variance), z = ins.z_interval;
    return { d, variance, se, low: d - z * se, high: d + z * se };
  }
  function effectWithComparison(ins, trained, comparison, r0) {
    const t = checkGroup(ins, trained, "trained"), c = checkGroup(ins, comparison, "comparison"), r = checkR(ins, r0);
    const nt = t.n, nc = c.n, df = nt + nc - 2;
    const sdPooled = Math.sqrt(((nt - 1) * t.pre_sd * t.pre_sd + (nc - 1) * c.pre_sd * c.pre_sd) / df);
    const changeT = t.post_mean - t.pre_mean, changeC = c.post_mean - c.pre_mean, cp = biasCorrection(df);
    const d = cp * (changeT - changeC) / sdPooled, total = nt + nc, k = total / (nt * nc);
    const variance = 2 * cp * cp * (1 - r) * k * ((total - 2) / (total - 4)) * (1 + d * d / (2 * (1 - r) * k)) - d * d;
    return Object.assign(interval(ins, d, variance), { sd_pooled: sdPooled, c_p: cp, change_trained: changeT,
      change_comparison: changeC });
  }
  function effectSingleGroup(ins, group, r0, name = "trained") {
    const g = checkGroup(ins, group, name), r = checkR(ins, r0), n = g.n, cp = biasCorrection(n - 1);
    const d = cp * (g.post_mean - g.pre_mean) / g.pre_sd;
    return Object.assign(interval(ins, d, 2 * (1 - r) / n + d * d / (2 * n)), { c_p: cp,
      change: g.post_mean - g.pre_mean });
  }
  function peopleNeeded(ins, d0, r0, design, cohorts = 2) {
    const limits = ins.limits, power = ins.power;
    const d = Math.abs(checkNumber(d0, { field: "d", minimum: -limits.max_plan_d, maximum: limits.max_plan_d }));
    const r = checkR(ins, r0);
    if (d < limits.min_plan_d) return null;
    const z = power.z_alpha + power.z_beta;
    const spread = { post_only: () => 2 + d * d / 4, pre_post: () => 4 * (1 - r) + d * d / 4,
      single: () => 2 * (1 - r) + d * d / 2,
      staggered: () => 2 * (1 - r) * cohorts / (cohorts - 1) + d * d / (2 * cohorts) };
    if (!Object.hasOwn(spread, design)) throw new InputError(JSON.stringify(design) + " is not a design",
      { field: "design" });
    if (design === "staggered") cohorts = checkWholeNumber(cohorts, { field: "cohorts", minimum: 2,
      maximum: limits.max_cohorts });
    return Math.ceil(z * z * spread[design]() / (d * d));
  }
  function plan(ins, hopedD, r, cohorts0) {
    const limits = ins.limits;
    const hoped = checkNumber(hopedD, { field: "hoped_d", minimum: limits.min_plan_d, maximum: limits.max_plan_d });
    const cohorts = checkWholeNumber(cohorts0, { field: "cohorts", minimum: 2, maximum: limits.max_cohorts });
    const effects = [["hoped", fill(ins.words.plan_hoped, { d: number2(hoped) }), hoped]]
      .concat(ins.context_effects.map((e) => [e.id, e.label, e.d]));
    return effects.map(([id, label, d]) => {
      const row = { id, label, d };
      for (const design of ["post_only", "pre_post", "staggered"]) {
        row[design] = peopleNeeded(ins, d, r, design, cohorts);
      }
      return Object.assign(row, { staggered_total: row.staggered * cohorts, cohorts });
    });
  }
  function checkValue(ins, value, groups) {
    const limits = ins.limits, out = {};
    if (!isObject(value)) throw new InputError("it is not a set of figures", { field: "value" });
    const each = (fields, rule, limit) => fields.forEach((field) => {
      out[field] = rule(value[field], Object.assign({ field, minimum: 0 }, limit)); });
    each(["workforce", "people"], checkWholeNumber, { minimum: 1, maximum: limits.max_group_size });
    each(["years_low", "years_high"], checkNumber, { maximum: limits.max_years, exclusive_minimum: true });
    each(["sdy_low", "sdy_high", "cost_per_person"], checkNumber, { maximum: limits.max_money });
    for (const [low, high] of [["years_low", "years_high"], ["sdy_low", "sdy_high"]]) {
      if (out[low] > out[high]) throw new InputError("the low value is above the high one", { field: low });
    }
    if (out.people > out.workforce) throw new InputError("more people trained than the workforce", { field: "people" });
    if (groups <= out.workforce) return out;
    throw new InputError("the groups are larger than the workforce", { field: "workforce" });
  }
  function utility(ins, value, d, dLow, groups = 0, currency = null) {
    const v = checkValue(ins, value, groups), people = v.people, cost = v.cost_per_person;
    const net = (years, sdy, effect) => people * years * effect * sdy - people * cost;
    const span = (effect) => {
      const values = [];
      for (const t of [v.years_low, v.years_high]) {
        for (const s of [v.sdy_low, v.sdy_high]) values.push(net(t, s, effect));
      }
      return [whole(Math.min(...values)), whole(Math.max(...values))];
    };
    const [low, high] = span(d), lowD = span(dLow);
    const midYears = (v.years_low + v.years_high) / 2, midSdy = (v.sdy_low + v.sdy_high) / 2;
    return Object.assign(v, { currency: currency || ins.currency, d: round2(d), d_low: round2(dLow), net_low: low,
      net_high: high, low_d_net_low: lowD[0], low_d_net_high: lowD[1],
      gross_mid: whole(people * midYears * d * midSdy), total_cost: whole(people * cost) });
  }
  const cells = (line) => line.split(line.includes("\t") && !line.includes(",") ? "\t" : ",")
    .map((cell) => cell.trim().replace(/^"+|"+$/g, "").trim());

  function summariseScores(ins, text, design) {
    const words = ins.words.form, limits = ins.limits;
    if (typeof text !== "string") throw new InputError("the scores are not text", { field: "scores" });
    const lines = text.replace(/\ufeff/g, "").split("\n").map((line, i) => [i + 1, line]).filter(([, l]) => l.trim());
    if (!lines.length) throw new InputError(words.no_scores, { field: "scores" });
    const head = cells(lines[0][1].trim()).map((c) => c.toLowerCase());
    if (head.slice().sort().join() !== "group,post,pre") {
      throw new InputError(fill(words.header, { found: head.join(", ") }), { item_id: "line 1", field: "header" });
    }
    if (lines.length - 1 > limits.max_rows) {
      throw new InputError(fill(words.too_many_rows, { count: lines.length - 1, maximum: limits.max_rows }),
        { field: "scores" });
    }
    const names = {}, scores = { trained: [[], []], comparison: [[], []] };
    for (const key of ["trained", "comparison"]) for (const name of ins.groups[key]) names[name.toLowerCase()] = key;
    const at = { group: head.indexOf("group"), pre: head.indexOf("pre"), post: head.indexOf("post") };
    for (const [number, line] of lines.slice(1)) {
      const row = cells(line.trim()), item_id = "line " + number;
      if (row.length !== 3) throw new InputError(fill(words.row_cells, { line: number, count: row.length }),
        { item_id, field: "row" });
      const typedGroup = row[at.group], group = Object.hasOwn(names, typedGroup.toLowerCase())
        ? names[typedGroup.toLowerCase()] : null;
      if (group === null) throw new InputError(fill(words.row_group, { line: number, typed: "\u201c" + typedGroup +
        "\u201d" }), { item_id, field: "group" });
      [["pre", 0], ["post", 1]].forEach(([column, k]) => {
        const cell = row[at[column]], value = NUMBER.test(cell) ? Number(cell) : NaN;
        if (!Number.isFinite(value) || Math.abs(value) > limits.max_abs_score) {
          throw new InputError(fill(words.row_number, { line: number, column, typed: "\u201c" + cell + "\u201d" }),
            { item_id, field: column });
        }
        scores[group][k].push(value);
      });
    }
    const out = { trained: null, comparison: null };
    let sxx = 0, syy = 0, sxy = 0;
    for (const group of design === "comparison" ? ["trained", "comparison"] : ["trained"]) {
      const [pre, post] = scores[group], n = pre.length;
      if (n < limits.min_group_size) throw new InputError(fill(words.group_size, { group, count: n,
        minimum: limits.min_group_size }), { item_id: group, field: "n" });
      const meanPre = sum(pre) / n, meanPost = sum(post) / n;
      let gxx = 0, gyy = 0, gxy = 0;
      for (let i = 0; i < n; i++) {
        gxx += (pre[i] - meanPre) * (pre[i] - meanPre);
        gyy += (post[i] - meanPost) * (post[i] - meanPost);
        gxy += (pre[i] - meanPre) * (post[i] - meanPost);
      }
      for (const [column, spread] of [["pre", gxx], ["post", gyy]]) {
        if (spread === 0) throw new InputError(fill(words.no_spread, { group, column }),
          { item_id: group, field: column + "_sd" });
      }
      sxx += gxx; syy += gyy; sxy += gxy;
      out[group] = { n, pre_mean: meanPre, pre_sd: Math.sqrt(gxx / (n - 1)), post_mean: meanPost,
        post_sd: Math.sqrt(gyy / (n - 1)) };
    }
    const r = sxy / Math.sqrt(sxx * syy), edge = limits.r_open;
    if (!(-edge < r && r < edge)) throw new InputError(words.perfect_r, { field: "r" });
    out.r = r;
    return out;
  }

  const rounded = (e) => ({ d: round2(e.d), se: round2(e.se), low: round2(e.low), high: round2(e.high) });
  const verdictOf = (s) => (s.low > 0 ? "above" : s.high < 0 ? "below" : "includes_zero");

  function evaluate(ins, p) {
    const words = ins.words, power = ins.power, limits = ins.limits;
    if (!isObject(p)) throw new InputError("it is not a plan", { field: "plan" });
    const design = p.design;
    if (design !== "comparison" && design !== "single") {
      throw new InputError(JSON.stringify(design) + " is not a design", { field: "design" });
    }
    const r = checkR(ins, p.r), trained = checkGroup(ins, p.trained, "trained");
    const alone = effectSingleGroup(ins, trained, r);
    let comparison = null, effect = alone, groups = [["trained", trained]];
    if (design === "comparison") {
      comparison = checkGroup(ins, p.comparison, "comparison");
      effect = effectWithComparison(ins, trained, comparison, r);
      groups = [["trained", trained], ["comparison", comparison]];
    }
    const shown = rounded(effect), aloneShown = rounded(alone), verdict = verdictOf(shown);
    const figures = { d: number2(shown.d), low: number2(shown.low), high: number2(shown.high) };
    const said = [[design === "comparison" ? verdict : "single_" + verdict, figures]];
    const source = p.r_source === "computed" ? "r_computed" : "r_assumed";
    said.push([source, { r: number2(r) }]);
    said.push(design === "comparison" ? ["trained_alone", { d: number2(aloneShown.d) }] : ["overstates", {}]);
    const top = limits.max_plan_d;
    const needed = peopleNeeded(ins, Math.max(-top, Math.min(top, effect.d)), r, comparison ? "pre_post" : "single");
    const sayings = { d: number2(shown.d), n: needed, power: power.power_pct, alpha: power.alpha_pct };
    said.push([needed === null ? "needed_tiny" : comparison ? "needed" : "needed_single", sayings]);
    const ratio = trained.post_sd / trained.pre_sd;
    if (ratio > limits.spread_ratio || ratio < 1 / limits.spread_ratio) {
      said.push(["spread", { pre_sd: number2(trained.pre_sd), post_sd: number2(trained.post_sd) }]);
    }
    const report = { design, r: round2(r), r_source: source === "r_computed" ? "computed" : "assumed",
      groups: groups.map(([name, g]) => ({ group: name, n: g.n, pre_mean: round2(g.pre_mean), pre_sd: round2(g.pre_sd),
        post_mean: round2(g.post_mean), post_sd: round2(g.post_sd), change: round2(g.post_mean - g.pre_mean) })),
      effect: shown, trained_alone: aloneShown, verdict, needed,
      sd_pooled: round2(design === "comparison" ? effect.sd_pooled : trained.pre_sd), planning: null, value: null };
    if (p.planning !== null && p.planning !== undefined) {
      report.planning = plan(ins, p.planning.hoped_d, r, p.planning.cohorts);
    }
    if (p.value !== null && p.value !== undefined) {
      const size = trained.n + (comparison ? comparison.n : 0);
      const worth = utility(ins, p.value, effect.d, effect.low, size, p.currency || ins.currency);
      report.value = worth;
      const cur = worth.currency;
      said.push(["value_range", { low: money(worth.net_low, cur), high: money(worth.net_high, cur),
        d: number2(worth.d) }]);
      said.push(["value_low_d", { d: number2(worth.d_low), low: money(worth.low_d_net_low, cur),
        high: money(worth.low_d_net_high, cur) }]);
      said.push(["value_roi", { benefit: money(worth.gross_mid, cur) }]);
      if (design === "single") said.push(["value_no_comparison", {}]);
    }
    report.sentences = said.map(([id, values]) => ({ id, text: fill(words[id], values) }));
    return report;
  }

  /* What an attempt is compared by (core/attempts.js): d and its interval (0.1 moves), from the answers as typed,
     read as the page reads them (form.js, parse and check: "1,800", "\u22120.2"), planning and value included, so
     that an entry the page would flag (evaluate refuses the same) leaves the figure out, as the page's results. */
  function attemptFigures(ins, a) {
    const typed = (t) => String(t ?? "").trim().replace(/^[£$€]\s*/, "").replace(/^\u2212/, "-")
      .replace(/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/, (x) => x.replace(/,/g, "")), read = (t, x = typed(t)) => (NUMBER
      .test(x) ? Number(x) : NaN), pick = (o, keys) => Object.fromEntries(keys.map((f) => [f, read((o || {})[f])]));
    const raw = a.source === "scores", design = a.design === "single" ? "single" : "comparison", some = (keys) =>
      keys.some((f) => !blank(a[f])), p = { design, r: raw || blank(a.r) ? ins.default_r : read(a.r) };
    const out = (e) => [{ id: "d", label: "Effect (d)", value: e.d, low: e.low, high: e.high, unit: "d", moved: 0.1 }];
    try {
      Object.assign(p, raw ? summariseScores(ins, a.scores, design) : { trained: pick(a.trained, FIELDS),
        comparison: design === "single" ? null : pick(a.comparison, FIELDS) }, { planning: some(PLAN) ? pick(a, PLAN)
        : null, value: some(VALUE) ? pick(a, VALUE) : null });
      return out(evaluate(ins, p).effect);
    } catch (error) { if (error.name !== "InputError") throw error; return out({ d: null, low: null, high: null }); }
  }
  return { FIELDS, fill, biasCorrection, checkGroup, checkR, effectWithComparison, effectSingleGroup, peopleNeeded,
    plan, utility, summariseScores, evaluate, attemptFigures };
});
