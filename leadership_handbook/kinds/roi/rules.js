/* The ROI calculator's rules in the page: the twin of rules.py and uncertainty.py, pure functions with no DOM,
   reading limits, cost categories and words from the instrument (roi_example.yml) as Python does. cases.json,
   written by the Python rules, holds the two equal (node --test tests/js). A plan is what inputs_from_example
   reads. For the page only: parseNumber and check read what a reader typed, with a message for each field. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).roi = factory(LH.format, LH.errors);
  }
})(function (format, errors) {
  "use strict";
  const { money, percent, format2, round2 } = format;
  const { InputError } = errors;
  const MOVED = ["annual_value", "attribution_pct", "confidence_pct"];

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  const sum = (list, f) => list.reduce((total, x) => total + f(x), 0);
  const adjustedValue = (v, a, k) => v * ((a / 100) * (k / 100));
  const adjustedOf = (b) => adjustedValue(b.annual_value, b.attribution_pct, b.confidence_pct);
  const roiOf = (b, c) => (b - c) / c * 100;
  const range = (limit, where) => Object.assign({ minimum: limit.minimum, maximum: limit.maximum }, where);
  const amount = (instrument, value, field, item_id = null, positive = false) => errors.checkNumber(value,
    { field, item_id, minimum: 0, maximum: instrument.limits.max_amount, exclusive_minimum: positive });

  // The plan checked and cleaned as RoiInputs(...) does it: the same refusals, in the same order.
  function inputsFromExample(instrument, plan) {
    const { limits } = instrument, ids = instrument.cost_categories.map((c) => c.id);
    const text = (value, field, item_id = null) =>
      errors.checkText(value, { field, item_id, max_length: limits.max_text_length });
    const share = (value, field, item_id) => errors.checkNumber(value, range(limits.percent, { field, item_id }));
    const costs = plan.costs.map((c) => {
      const label = text(c.label, "label"), value = amount(instrument, c.amount, "amount", label);
      const where = { item_id: label, field: "category" }, said = JSON.stringify(c.category);
      if (!ids.includes(c.category)) throw new InputError(said + " is not a cost category", where);
      return { label, amount: value, category: c.category };
    });
    const benefits = plan.benefits.map((b) => {
      const label = text(b.label, "label");
      const clean = { label, annual_value: amount(instrument, b.annual_value, "annual_value", label),
        attribution_pct: share(b.attribution_pct, "attribution_pct", label),
        confidence_pct: share(b.confidence_pct, "confidence_pct", label), basis: b.basis };
      if (typeof b.basis !== "string") throw new InputError("it is not text", { item_id: label, field: "basis" });
      return clean;
    });
    if (!costs.length) throw new InputError("there are no cost items", { field: "costs" });
    if (sum(costs, (c) => c.amount) <= 0) throw new InputError("the costs add up to 0", { field: "costs" });
    const intangibles = plan.intangibles.map((t, n) => text(t, "intangibles", "intangible #" + (n + 1)));
    const h = plan.hurdle_rate_pct, hurdle = h === null || h === undefined ? null
      : errors.checkNumber(h, range(limits.hurdle_rate_pct, { field: "hurdle_rate_pct" }));
    return { costs, benefits, intangibles, hurdle_rate_pct: hurdle, currency: plan.currency, title: plan.title };
  }

  function evaluate(instrument, plan) {
    const inputs = inputsFromExample(instrument, plan);
    const c = sum(inputs.costs, (x) => x.amount), b = sum(inputs.benefits, adjustedOf);
    amount(instrument, b, "benefits");
    amount(instrument, c, "costs", null, true);
    const roi = roiOf(b, c), h = inputs.hurdle_rate_pct, meets = h === null ? null : round2(roi) >= h;
    return { title: inputs.title, currency: inputs.currency, total_costs: round2(c),
      unadjusted_benefits: round2(sum(inputs.benefits, (x) => x.annual_value)), adjusted_benefits: round2(b),
      net_benefits: round2(b - c), bcr: round2(b / c), roi_pct: round2(roi),
      payback_months: b === 0 ? null : round2(c / b * 12), hurdle_rate_pct: h, meets_hurdle: meets,
      costs: inputs.costs.map((x) => ({ label: x.label, category: x.category, amount: round2(x.amount),
        share_pct: round2(x.amount * 100 / c) })),
      benefits: inputs.benefits.map((x) => ({ label: x.label, annual_value: round2(x.annual_value), attribution_pct:
        x.attribution_pct, confidence_pct: x.confidence_pct, adjusted: round2(adjustedOf(x)), basis: x.basis })),
      intangibles: inputs.intangibles.slice() };
  }

  // One input at a time down and up, widest swing first (ties in input order), as uncertainty.py.
  function oneWaySensitivity(instrument, plan, amountSwingPct, pointsSwing) {
    const inputs = inputsFromExample(instrument, plan), names = instrument.words.inputs_moved;
    const s = amountSwingPct / 100, c = sum(inputs.costs, (x) => x.amount), rows = [];
    const parts = inputs.benefits.map((x) => MOVED.map((key) => x[key]));
    const total = (list) => sum(list, (p) => adjustedValue(...p)), b = total(parts), base = roiOf(b, c);
    const add = (input, label, unit, v, low, high, roiLow, roiHigh) => rows.push({ input, label, unit,
      base_setting: round2(v), low_setting: round2(low), high_setting: round2(high), roi_low: round2(roiLow),
      roi_high: round2(roiHigh), swing: round2(Math.abs(roiHigh - roiLow)), base_roi: base });
    inputs.benefits.forEach((item, n) => MOVED.forEach((key, pos) => {
      const v = parts[n][pos], name = names[key];
      const low = pos ? Math.max(0, v - pointsSwing) : v * (1 - s);
      const high = pos ? Math.min(100, v + pointsSwing) : v * (1 + s);
      const [roiLow, roiHigh] = [low, high].map((setting) => {
        const moved = parts.map((q) => q.slice());
        moved[n][pos] = setting;
        return roiOf(total(moved), c);
      });
      const unit = pos ? "points" : "money";
      add(`benefits #${n + 1} ${name}`, `${item.label}: ${name}`, unit, v, low, high, roiLow, roiHigh);
    }));
    add("costs", names.costs, "money", c, c * (1 - s), c * (1 + s), roiOf(b, c * (1 - s)), roiOf(b, c * (1 + s)));
    const order = rows.map((r, k) => k).sort((x, y) => rows[y].swing - rows[x].swing || x - y);
    return order.map((k) => rows[k]);
  }

  // The page's own seeded generator, mulberry32 (public domain); uncertainty.mulberry32 is its Python port.
  function mulberry32(seed) {
    let a = seed;
    return () => {
      a = (a + 0x6D2B79F5) | 0;
      const t = Math.imul(a ^ (a >>> 15), 1 | a), u = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((u ^ (u >>> 14)) >>> 0) / 4294967296;
    };
  }

  // uncertainty.monte_carlo's draws in the same order, from mulberry32: close to NumPy's figures, not equal.
  function monteCarloMulberry32(instrument, plan, cfg) {
    const inputs = inputsFromExample(instrument, plan), runs = cfg.runs, rnd = mulberry32(cfg.seed);
    const s = cfg.amount_spread_pct / 100, d = cfg.percentage_points_spread, h = inputs.hurdle_rate_pct;
    const b = new Float64Array(runs), c = new Float64Array(runs), roi = new Float64Array(runs);
    const draws = (lo, mode, hi) => { // the inverse of the triangular distribution function, as NumPy draws it
      const out = new Float64Array(runs), f = (mode - lo) / (hi - lo);
      for (let j = 0; j < runs; j++) {
        const u = rnd();
        out[j] = lo === hi ? mode : u <= f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
          : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
      }
      return out;
    };
    const points = (p) => draws(Math.max(0, p - d), p, Math.min(100, p + d));
    for (const x of inputs.benefits) {
      const v = draws(x.annual_value * (1 - s), x.annual_value, x.annual_value * (1 + s));
      const a = points(x.attribution_pct), k = points(x.confidence_pct);
      for (let i = 0; i < runs; i++) b[i] += adjustedValue(v[i], a[i], k[i]);
    }
    for (const x of inputs.costs) {
      const v = draws(x.amount * (1 - s), x.amount, x.amount * (1 + s));
      for (let i = 0; i < runs; i++) c[i] += v[i];
    }
    let total = 0, negative = 0, below = 0;
    for (let i = 0; i < runs; i++) {
      roi[i] = roiOf(b[i], c[i]);
      total += roi[i];
      if (roi[i] < 0) negative++;
      if (h !== null && roi[i] < h) below++;
    }
    roi.sort();
    const q = (p) => { // NumPy's default (linear) percentile
      const x = (runs - 1) * p / 100, lo = Math.floor(x);
      return roi[lo] + (x - lo) * (roi[Math.min(lo + 1, runs - 1)] - roi[lo]);
    };
    return { runs, seed: cfg.seed, generator: instrument.words.simulation_generator,
      amount_spread_pct: cfg.amount_spread_pct, percentage_points_spread: d, mean: round2(total / runs),
      p5: round2(q(5)), p50: round2(q(50)), p95: round2(q(95)), prob_negative: round2(negative / runs * 100),
      prob_below_hurdle: h === null ? null : round2(below / runs * 100), hurdle_rate_pct: h };
  }

  // The results table: [{key, label, value, text}], as rules.summary_rows.
  function summaryRows(instrument, r) {
    const words = instrument.words, m = (v) => money(v, r.currency), p = r.payback_months;
    const texts = { total_costs: m(r.total_costs), adjusted_benefits: m(r.adjusted_benefits),
      net_benefits: m(r.net_benefits), bcr: format2(r.bcr), roi_pct: percent(r.roi_pct),
      payback_months: p === null ? words.payback_never : fill(words.payback, { months: format2(p) }) };
    const rows = Object.keys(words.summary).filter((key) => key !== "meets_hurdle")
      .map((key) => ({ key, label: words.summary[key], value: format2(r[key]), text: texts[key] }));
    if (r.hurdle_rate_pct === null) return rows;
    return rows.concat([{ key: "meets_hurdle", label: words.summary.meets_hurdle, value: String(r.meets_hurdle),
      text: fill(r.meets_hurdle ? words.hurdle_met : words.hurdle_missed, { hurdle: percent(r.hurdle_rate_pct) }) }]);
  }

  // What the figures say: [{id, text}], as rules.interpret.
  function interpret(instrument, r, rows, mc = null, quote = ["\u201c", "\u201d"]) {
    const said = instrument.words.interpretation, out = [];
    out.push([r.roi_pct >= 0 ? "gain" : "loss", { currency: r.currency, bcr: format2(r.bcr),
      net_benefits: money(r.net_benefits, r.currency), roi: percent(r.roi_pct) }]);
    const hurdle = r.hurdle_rate_pct, before = r.unadjusted_benefits;
    if (hurdle !== null) out.push([r.meets_hurdle ? "hurdle_met" : "hurdle_missed", { hurdle: percent(hurdle) }]);
    if (before > 0) out.push(["adjustments", { kept: percent(round2(r.adjusted_benefits * 100 / before)) }]);
    if (rows && rows.length) {
      const [low, high] = [rows[0].roi_low, rows[0].roi_high].sort((x, y) => x - y);
      out.push(["top_input", { input: quote[0] + rows[0].label + quote[1], low: percent(low), high: percent(high) }]);
    }
    if (mc) {
      const values = { p5: percent(mc.p5), p95: percent(mc.p95), negative: percent(mc.prob_negative) };
      if (mc.prob_below_hurdle === null) out.push(["simulation", values]);
      else out.push(["simulation_hurdle", Object.assign(values, { below_hurdle: percent(mc.prob_below_hurdle) })]);
    }
    if (r.intangibles.length) out.push(["intangibles", { count: r.intangibles.length }]);
    return out.map(([id, values]) => ({ id, text: fill(said[id], values) }));
  }

  // A plain number as a reader types it: "3,500", "£3500" and "40%" are 3500 and 40; anything else is NaN.
  function parseNumber(typed) {
    let t = String(typed).trim().replace(/^[£$€¥]\s*/, "").replace(/\s*%$/, "");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  }
  const blank = (s) => s === null || s === undefined || String(s).trim() === "";
  const BENEFIT_FIELDS = ["label", "basis", "annual_value", "attribution_pct", "confidence_pct"];
  const isBlankBenefit = (b) => BENEFIT_FIELDS.every((f) => blank(b[f]));

  // The form's answers (text as typed), field by field: {inputs (a plan), errors: [[field id, message]], warnings
  // (the same, for what was read but may not be meant), none (no cost at all)}. Rows left blank are skipped.
  function check(instrument, answers) {
    const { limits, id } = instrument, w = instrument.words.form, errs = [], warnings = [];
    const most = limits.max_text_length, top = { maximum: money(limits.max_amount, "") };
    const bounds = { money: { minimum: 0, maximum: limits.max_amount }, pct: limits.percent,
      hurdle: limits.hurdle_rate_pct };
    const say = { money: w.say_money, pct: fill(w.say_percent, limits.percent),
      hurdle: fill(w.say_hurdle, limits.hurdle_rate_pct), big: fill(w.say_too_big, top) };
    const num = (t, kind, missing) => {
      if (blank(t)) return missing ? { error: fill(w[missing], limits.percent) } : { value: null };
      const v = parseNumber(t), typed = "\u201c" + String(t).trim() + "\u201d", { minimum, maximum } = bounds[kind];
      const problem = !Number.isFinite(v) ? "not_a_number" : kind !== "hurdle" && v < 0 ? "below_zero"
        : v < minimum || v > maximum ? "out_of_range" : null;
      const said = say[problem === "out_of_range" && kind === "money" ? "big" : kind];
      if (problem) return { error: fill(w[problem], { typed, say: said }) };
      // "1.800" is 1.8 here, but may be a European 1,800: say how it was read (a point then exactly three digits).
      const whole = /^[^\d.]*([1-9]\d{0,2})\.(\d{3})\D*$/.exec(String(t).trim());
      return whole ? { value: v, warning: fill(w.point_read_as, { typed, read: format2(v).replace(/\.?0+$/, ""),
        whole: whole[1] + whole[2], grouped: money(Number(whole[1] + whole[2]), "") }) } : { value: v };
    };
    const text = (s, missing) => {
      const t = String(s || "").trim(), length = format.textLength(t);
      if (!t) return { error: w[missing] };
      return length > most ? { error: fill(w.too_long, { length, maximum: most }) } : { value: t };
    };
    const take = (field, r) => {
      if (r.error) errs.push([id + "-" + field, r.error]);
      if (r.warning) warnings.push([id + "-" + field, r.warning]);
      return r.value;
    };
    const inputs = { title: "", currency: String(answers.currency || "").trim() || instrument.currency,
      costs: [], benefits: [], intangibles: [] };
    inputs.hurdle_rate_pct = take("hurdle", num(answers.hurdle_rate_pct, "hurdle"));
    answers.costs.forEach((c, i) => {
      const row = "cost-" + (i + 1), used = !blank(c.label) || !blank(c.amount);
      if (used) inputs.costs.push({ label: take(row + "-label", text(c.label, "cost_label")),
        category: take(row + "-category", c.category ? { value: c.category } : { error: w.cost_category }),
        amount: take(row + "-amount", num(c.amount, "money", "cost_amount")) });
    });
    answers.benefits.forEach((b, i) => {
      const row = "benefit-" + (i + 1);
      if (!isBlankBenefit(b)) inputs.benefits.push({ label: take(row + "-label", text(b.label, "benefit_label")),
        annual_value: take(row + "-value", num(b.annual_value, "money", "benefit_value")),
        attribution_pct: take(row + "-attribution", num(b.attribution_pct, "pct", "benefit_attribution")),
        confidence_pct: take(row + "-confidence", num(b.confidence_pct, "pct", "benefit_confidence")),
        basis: String(b.basis || "").trim() });
    });
    answers.intangibles.forEach((t, i) => !blank(t) && inputs.intangibles.push(take(`intangible-${i + 1}`, text(t))));
    if (!errs.length) { // the totals, checked as rules.evaluate checks them
      if (!inputs.costs.length) return { inputs, errors: errs, warnings, none: true };
      const c = sum(inputs.costs, (x) => x.amount), b = sum(inputs.benefits, adjustedOf);
      if (c <= 0) errs.push([id + "-costs", w.costs_zero]);
      else if (c > limits.max_amount) errs.push([id + "-costs", fill(w.costs_too_big, top)]);
      if (b > limits.max_amount) errs.push([id + "-benefits", fill(w.benefits_too_big, top)]);
    }
    return { inputs, errors: errs, warnings };
  }
  function attemptFigures(ins, a) {  // compared across attempts (core/attempts.js); the bar: 5% of the costs
    const c = check(ins, a), { currency } = c.inputs, r = c.none || c.errors.length ? null : evaluate(ins, c.inputs);
    return [["roi_pct", "percent", 5], ["bcr", "ratio", 0.05], ["net_benefits", "money", r && r.total_costs / 20]]
      .map(([id, unit, moved]) => ({ id, label: ins.words.summary[id], value: r && r[id], unit, moved, currency }));
  }
  return { inputsFromExample, evaluate, oneWaySensitivity, mulberry32, monteCarloMulberry32, summaryRows, interpret,
    parseNumber, isBlankBenefit, check, attemptFigures };
});
