/* In-page ROI calculator: the same arithmetic, order of operations and rounding as leadership_handbook.roi
   (evaluate, one_way_sensitivity). The simulation uses this file's own small seeded generator (mulberry32),
   not NumPy's stream, so its figures repeat exactly here but are close to, not equal to, the notebook's. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, svg = LH.svg, r2 = LH.round2, f2 = LH.format2, MAX = 1e12;
  var SAY = { money: "enter an amount of 0 or more, such as 3500.", pct: "enter 0 to 100 (50 means 50%).",
    hurdle: "enter -100 to 1000, or leave it blank.", big: "enter up to 1,000,000,000,000." };
  var BEN = ["label", "basis", "annual_value", "attribution_pct", "confidence_pct"];

  function blank(s) { return s == null || String(s).trim() === ""; }
  // A plain number; "3,500", "£3500" and "40%" are read as 3500 and 40. Anything else is not a number.
  function parseNum(t) {
    t = String(t).trim().replace(/^[£$€¥]\s*/, "").replace(/\s*%$/, "");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  }
  function num(t, kind, missing) {
    if (blank(t)) return missing ? { error: missing } : { value: null };
    var v = parseNum(t), q = "\u201c" + String(t).trim() + "\u201d";
    if (!isFinite(v)) return { error: q + " is not a number: " + SAY[kind] };
    if (kind !== "hurdle" && v < 0) return { error: q + " is below 0: " + SAY[kind] };
    if (kind === "money" ? v > MAX : kind === "pct" ? v > 100 : v < -100 || v > 1000) return { error: q + " is out of range: " + SAY[kind === "money" ? "big" : kind] };
    return { value: v };
  }
  function text(s, missing) {
    var t = String(s || "").trim();
    return !t ? { error: missing } : t.length > 200 ? { error: "This is " + t.length + " characters long: keep it to 200." } : { value: t };
  }
  function commas(t) { t = t.split("."); t[0] = t[0].replace(/\B(?=(\d{3})+$)/g, ","); return t.join("."); }
  function money(v, cur) { v = r2(v); return (v < 0 ? "\u2212" : "") + cur + commas(Math.abs(v).toFixed(v === Math.round(v) ? 0 : 2)); }
  function pc(v) { return v == null ? "n/a" : commas(f2(v).replace(/\.?0+$/, "")).replace("-", "\u2212") + "%"; }

  // ---------------------------------------------------------------- arithmetic, as in roi.py
  function adj(v, a, k) { return v * ((a / 100) * (k / 100)); }
  function sum(list, f) { var t = 0; list.forEach(function (x) { t += f(x); }); return t; }
  function costOf(x) { return x.amount; }
  function benefitOf(x) { return adj(x.annual_value, x.attribution_pct, x.confidence_pct); }
  function partOf(p) { return adj(p[0], p[1], p[2]); }
  function roiOf(b, c) { return (b - c) / c * 100; }

  function evaluate(inp) {
    var c = sum(inp.costs, costOf), b = sum(inp.benefits, benefitOf), h = inp.hurdle_rate_pct, roi = roiOf(b, c);
    return { title: inp.title, currency: inp.currency, total_costs: r2(c),
      unadjusted_benefits: r2(sum(inp.benefits, function (x) { return x.annual_value; })), adjusted_benefits: r2(b),
      net_benefits: r2(b - c), bcr: r2(b / c), roi_pct: r2(roi), payback_months: b === 0 ? null : r2(c / b * 12),
      hurdle_rate_pct: h, meets_hurdle: h === null ? null : r2(roi) >= h,
      costs: inp.costs.map(function (x) { return { label: x.label, category: x.category, amount: r2(x.amount), share_pct: r2(x.amount * 100 / c) }; }),
      benefits: inp.benefits.map(function (x) {
        return { label: x.label, annual_value: r2(x.annual_value), attribution_pct: x.attribution_pct,
          confidence_pct: x.confidence_pct, adjusted: r2(benefitOf(x)), basis: x.basis };
      }),
      intangibles: inp.intangibles.slice() };
  }

  function sensitivity(inp, swing, pp) {
    var s = swing / 100, c = sum(inp.costs, costOf), rows = [], names = ["annual value", "share due to programme", "confidence"];
    var parts = inp.benefits.map(function (x) { return [x.annual_value, x.attribution_pct, x.confidence_pct]; });
    var b = sum(parts, partOf), base = roiOf(b, c);
    function add(key, label, unit, v, low, high, lo, hi) {
      rows.push({ input: key, label: label, unit: unit, base_setting: r2(v), low_setting: r2(low), high_setting: r2(high),
        roi_low: r2(lo), roi_high: r2(hi), swing: r2(Math.abs(hi - lo)), base_roi: base });
    }
    inp.benefits.forEach(function (item, n) {
      names.forEach(function (name, pos) {
        var v = parts[n][pos], low = pos ? Math.max(0, v - pp) : v * (1 - s), high = pos ? Math.min(100, v + pp) : v * (1 + s);
        var res = [low, high].map(function (setting) {
          var moved = parts.map(function (q) { return q.slice(); });
          moved[n][pos] = setting;
          return roiOf(sum(moved, partOf), c);
        });
        add("benefits #" + (n + 1) + " " + name, item.label + ": " + name, pos ? "points" : "money", v, low, high, res[0], res[1]);
      });
    });
    add("costs", "Fully loaded costs (all items together)", "money", c, c * (1 - s), c * (1 + s), roiOf(b, c * (1 - s)), roiOf(b, c * (1 + s)));
    var order = rows.map(function (r, k) { return k; });
    order.sort(function (x, y) { return rows[y].swing - rows[x].swing || x - y; }); // widest first, ties in input order
    return order.map(function (k) { return rows[k]; });
  }

  // Our own seeded generator, mulberry32 (public domain). It does NOT reproduce numpy.random.default_rng's stream.
  function mulberry32(a) {
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Same draws as roi.monte_carlo (triangular, same ranges and order of inputs); a different random stream.
  function monteCarlo(inp, cfg) {
    var runs = cfg.runs, s = cfg.amount_spread_pct / 100, d = cfg.percentage_points_spread, rnd = mulberry32(cfg.seed);
    var b = new Float64Array(runs), c = new Float64Array(runs), roi = new Float64Array(runs), i, h = inp.hurdle_rate_pct;
    function draws(lo, mode, hi) { // the inverse of the triangular distribution function, as NumPy draws it
      var out = new Float64Array(runs), f = (mode - lo) / (hi - lo);
      for (var j = 0; j < runs; j++) {
        var u = rnd();
        out[j] = lo === hi ? mode : u <= f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
      }
      return out;
    }
    function pts(p) { return draws(Math.max(0, p - d), p, Math.min(100, p + d)); }
    inp.benefits.forEach(function (x) {
      var v = draws(x.annual_value * (1 - s), x.annual_value, x.annual_value * (1 + s)), a = pts(x.attribution_pct), k = pts(x.confidence_pct);
      for (i = 0; i < runs; i++) b[i] += adj(v[i], a[i], k[i]);
    });
    inp.costs.forEach(function (x) {
      var v = draws(x.amount * (1 - s), x.amount, x.amount * (1 + s));
      for (i = 0; i < runs; i++) c[i] += v[i];
    });
    var total = 0, neg = 0, below = 0;
    for (i = 0; i < runs; i++) {
      roi[i] = roiOf(b[i], c[i]);
      total += roi[i];
      if (roi[i] < 0) neg++;
      if (h !== null && roi[i] < h) below++;
    }
    roi.sort();
    function q(p) { // NumPy's default (linear) percentile
      var x = (runs - 1) * p / 100, lo = Math.floor(x);
      return roi[lo] + (x - lo) * (roi[Math.min(lo + 1, runs - 1)] - roi[lo]);
    }
    return { runs: runs, seed: cfg.seed, generator: "mulberry32 (this page's own, not NumPy's)",
      amount_spread_pct: cfg.amount_spread_pct, percentage_points_spread: d, mean: r2(total / runs),
      p5: r2(q(5)), p50: r2(q(50)), p95: r2(q(95)), prob_negative: r2(neg / runs * 100),
      prob_below_hurdle: h === null ? null : r2(below / runs * 100), hurdle_rate_pct: h };
  }

  // ---------------------------------------------------------------- tornado chart
  function tornado(rows, base, hurdle) {
    var W = 720, L = 62, R = W - 62, rowH = 44, top = 34, H = top + rows.length * rowH + 34, vals = [0, base];
    if (hurdle !== null) vals.push(hurdle);
    rows.forEach(function (r) { vals.push(r.roi_low, r.roi_high); });
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals), span = hi - lo || 10;
    var step = Math.pow(10, Math.floor(Math.log(span / 5) / Math.LN10));
    step *= span / step > 25 ? 5 : span / step > 10 ? 2 : 1;
    lo = Math.floor(lo / step) * step;
    hi = Math.max(Math.ceil(hi / step) * step, lo + step);
    function x(v) { return L + (v - lo) / (hi - lo) * (R - L); }
    var said = rows.slice(0, 5).map(function (r) { return r.label + ": " + pc(r.roi_low) + " to " + pc(r.roi_high); }).join("; ");
    var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "lh-chart lh-tornado",
      "aria-label": "Tornado chart of the ROI when one input at a time moves down and up, widest first. ROI as entered " +
        pc(base) + ". " + said + (rows.length > 5 ? "; the table below has every input." : ".") },
    svg("rect", { x: 12, y: 6, width: 14, height: 12, "class": "lh-low" }), svg("text", { x: 32, y: 17, text: "ROI with the input lower" }),
    svg("rect", { x: 210, y: 6, width: 14, height: 12, "class": "lh-high" }), svg("text", { x: 230, y: 17, text: "ROI with the input higher" }),
    svg("line", { x1: 420, x2: 420, y1: 4, y2: 20, "class": "lh-base" }), svg("text", { x: 428, y: 17, text: "ROI as entered" }));
    if (hurdle !== null) chart.appendChild(svg("g", null, svg("line", { x1: 560, x2: 560, y1: 4, y2: 20, "class": "lh-threshold" }), svg("text", { x: 568, y: 17, text: "Hurdle rate" })));
    for (var t = lo; t <= hi + step / 2; t += step) {
      chart.appendChild(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - 26, "class": "lh-tgrid" }));
      chart.appendChild(svg("text", { x: x(t), y: H - 10, "text-anchor": "middle", "class": "lh-axis", text: pc(t) }));
    }
    rows.forEach(function (r, n) {
      var y = top + n * rowH, a = Math.min(r.roi_low, r.roi_high), z = Math.max(r.roi_low, r.roi_high);
      chart.appendChild(svg("text", { x: 12, y: y + 13, "class": "lh-label" }, r.label.length > 110 ? r.label.slice(0, 109) + "\u2026" : r.label, svg("title", { text: r.label })));
      [[r.roi_low, "lh-low"], [r.roi_high, "lh-high"]].forEach(function (k) {
        chart.appendChild(svg("rect", { x: x(Math.min(k[0], base)), y: y + 18, width: Math.max(Math.abs(x(k[0]) - x(base)), 1), height: 16, "class": k[1], "data-input": r.input }));
      });
      chart.appendChild(svg("text", { x: x(a) - 4, y: y + 31, "text-anchor": "end", "class": "lh-value", text: pc(a) }));
      chart.appendChild(svg("text", { x: x(z) + 4, y: y + 31, "class": "lh-value", text: pc(z) }));
    });
    chart.appendChild(svg("line", { x1: x(base), x2: x(base), y1: top + 14, y2: H - 26, "class": "lh-base" }));
    if (hurdle !== null) chart.appendChild(svg("line", { x1: x(hurdle), x2: x(hurdle), y1: top + 14, y2: H - 26, "class": "lh-threshold" }));
    return chart;
  }

  // ---------------------------------------------------------------- the form
  LH.register("roi_example", function (ctx) {
    var ins = ctx.instrument, form = ctx.form, p = ins.id, cfg = ins.sensitivity, templates = {};
    var cats = [].map.call(form.querySelector("tr.lh-roi-cost select").options, function (o) { return o.value; });
    function $(sel, root) { return (root || form).querySelector(sel); }
    function body(what) { return $("[data-rows=" + what + "]"); }
    function rowsOf(what) { return [].slice.call(body(what).children); }
    form.querySelectorAll("[data-action], .lh-add-row, .lh-remove-row").forEach(function (b) { b.hidden = false; });
    // New rows are copies of the page's first row, blanked and renumbered (ids, labels, names).
    ["cost", "benefit", "intangible"].forEach(function (w) {
      var t = body(w).firstElementChild.cloneNode(true);
      t.querySelectorAll("input, textarea").forEach(function (i) { i.setAttribute("value", ""); i.textContent = ""; });
      templates[w] = t;
    });
    function newRow(what, n, values) {
      var row = templates[what].cloneNode(true), re = new RegExp("-" + what + "-\\d+");
      [row].concat([].slice.call(row.querySelectorAll("*"))).forEach(function (e) {
        ["id", "for", "name"].forEach(function (a) { if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(re, "-" + what + "-" + n)); });
        if (e.hasAttribute("aria-label")) e.setAttribute("aria-label", e.getAttribute("aria-label").replace(/\d+/, n));
        if (e.matches(".lh-n")) e.textContent = n;
      });
      row.setAttribute("data-row", n);
      row.querySelectorAll("[data-f]").forEach(function (i) {
        var v = typeof values === "string" ? values : values[i.getAttribute("data-f")];
        i.value = v == null ? (i.tagName === "SELECT" ? "other" : "") : v;
      });
      return row;
    }
    function get(row, f) { var x = $("[data-f=" + f + "]", row); return x ? x.value : ""; }
    function cur() { return $("[data-f=currency]").value.trim() || ins.currency; }

    function read() {
      var a = { currency: $("[data-f=currency]").value, hurdle_rate_pct: $("[data-f=hurdle_rate_pct]").value };
      a.costs = rowsOf("cost").map(function (r) { return { label: get(r, "label"), category: get(r, "category"), amount: get(r, "amount") }; });
      a.benefits = rowsOf("benefit").map(function (r) {
        var o = {};
        BEN.forEach(function (f) { o[f] = get(r, f); });
        return o;
      });
      a.intangibles = rowsOf("intangible").map(function (r) { return get(r, "text"); });
      return a;
    }
    function write(a) {
      $("[data-f=currency]").value = a.currency || "";
      $("[data-f=hurdle_rate_pct]").value = a.hurdle_rate_pct || "";
      [["cost", a.costs], ["benefit", a.benefits], ["intangible", a.intangibles]].forEach(function (w) {
        body(w[0]).textContent = "";
        (w[1] && w[1].length ? w[1] : [w[0] === "intangible" ? "" : {}]).forEach(function (v, n) { body(w[0]).appendChild(newRow(w[0], n + 1, v)); });
      });
    }
    function empty() {
      return { currency: ins.currency, hurdle_rate_pct: "",
        costs: cats.map(function (k) { return { label: "", category: k, amount: "" }; }),
        benefits: [1, 2, 3, 4, 5].map(function () { return { label: "", basis: "", annual_value: "", attribution_pct: "", confidence_pct: "" }; }),
        intangibles: ["", "", "", ""] };
    }
    function example() {
      function s(v) { return v == null ? "" : String(v); }
      return { currency: ins.currency, hurdle_rate_pct: s(ins.hurdle_rate_pct),
        costs: ins.costs.map(function (c) { return { label: c.label, category: c.category, amount: s(c.amount) }; }).concat([{}]),
        benefits: ins.benefits.map(function (b) {
          return { label: b.label, basis: b.basis, annual_value: s(b.annual_value), attribution_pct: s(b.attribution_pct), confidence_pct: s(b.confidence_pct) };
        }).concat([{}]),
        intangibles: ins.intangibles.concat([""]) };
    }
    function isBlankBenefit(b) { return BEN.every(function (f) { return blank(b[f]); }); }

    // Check every field; return the inputs as roi.RoiInputs would hold them, and the problems found.
    function check(a) {
      var errors = [], inp = { title: "", currency: cur(), costs: [], benefits: [], intangibles: [] };
      function take(id, r) { if (r.error) errors.push([id, r.error]); return r.value; }
      inp.hurdle_rate_pct = take(p + "-hurdle", num(a.hurdle_rate_pct, "hurdle"));
      a.costs.forEach(function (c, i) {
        var id = p + "-cost-" + (i + 1);
        if (!blank(c.label) || !blank(c.amount)) inp.costs.push({ label: take(id + "-label", text(c.label, "Say what this cost is.")),
          category: c.category || "other", amount: take(id + "-amount", num(c.amount, "money", "Enter the amount (0 or more).")) });
      });
      a.benefits.forEach(function (b, i) {
        var id = p + "-benefit-" + (i + 1);
        if (!isBlankBenefit(b)) inp.benefits.push({ label: take(id + "-label", text(b.label, "Say what improved.")),
          annual_value: take(id + "-value", num(b.annual_value, "money", "Enter the value in the first year (0 or more).")),
          attribution_pct: take(id + "-attribution", num(b.attribution_pct, "pct", "Enter the % due to the programme (0 to 100).")),
          confidence_pct: take(id + "-confidence", num(b.confidence_pct, "pct", "Enter your % confidence in that share (0 to 100).")),
          basis: String(b.basis || "").trim() });
      });
      a.intangibles.forEach(function (t, i) { if (!blank(t)) inp.intangibles.push(take(p + "-intangible-" + (i + 1), text(t))); });
      if (!errors.length) { // the totals, checked as roi.evaluate checks them
        var c = sum(inp.costs, costOf), b = sum(inp.benefits, benefitOf), m = [p + "-costs"];
        if (!inp.costs.length) return { inputs: inp, errors: errors, none: true };
        if (c <= 0) m.push("The costs add up to 0. ROI divides by the costs: enter costs with a total above 0.");
        else if (c > MAX) m.push("The costs add up to more than 1,000,000,000,000: check the amounts.");
        if (m[1]) errors.push(m);
        if (b > MAX) errors.push([p + "-benefits", "The benefits counted add up to more than 1,000,000,000,000: check the values."]);
      }
      return { inputs: inp, errors: errors };
    }

    function showMessages(errors) {
      var byId = {};
      errors.forEach(function (e) { byId[e[0]] = e[1]; });
      form.querySelectorAll(".lh-field-message").forEach(function (m) {
        var id = m.id.slice(4);
        LH.setFieldMessage(ctx.root, m.id, byId[id]);
        LH.markInvalid(form.querySelector("#" + CSS.escape(id)), m.id, !!byId[id]);
      });
    }
    function rowsTable(cap, pairs, cls) {
      return LH.table(cap, ["Measure", "Result"], pairs.map(function (r) {
        return el("tr", { "data-key": r[0], "data-value": r[2] }, el("th", { scope: "row", text: r[1] }), el("td", { text: r[3] }));
      }), { "class": "lh-table " + cls });
    }
    function title(t) { return el("p", { "class": "lh-results-title" }, el("strong", null, t)); }

    function render(a, out) {
      form.querySelectorAll(".lh-roi-cur").forEach(function (s) { s.textContent = cur(); });
      var checked = check(a), inp = checked.inputs, $$ = inp.currency, n = checked.errors.length;
      showMessages(checked.errors);
      out.appendChild(title("Your results"));
      var cells = rowsOf("benefit").map(function (r) { var c = $("[data-counted]", r); c.textContent = ""; c.setAttribute("data-counted", ""); return c; });
      if (checked.none) {
        out.appendChild(el("p", null, "Enter at least one cost above to see the results: ROI divides by the costs."));
        return { valid: false, errors: [] };
      }
      if (n) {
        out.appendChild(el("p", { "class": "lh-error" }, n + (n > 1 ? " entries need" : " entry needs") +
          " attention: see the message beside " + (n > 1 ? "each" : "the") + " field above. The results appear once every entry can be used."));
        return { valid: false, errors: checked.errors.map(function (e) { return { field: e[0], message: e[1] }; }) };
      }
      var ex = check(example()).inputs;
      ex.currency = ins.currency;
      var isExample = JSON.stringify(ex) === JSON.stringify(inp);
      if (isExample) { inp.title = ins.title; out.firstChild.firstChild.textContent = "Results for the fictional example"; }
      var rep = evaluate(inp), k = 0;
      a.benefits.forEach(function (b, i) {
        if (isBlankBenefit(b)) return;
        var v = rep.benefits[k++].adjusted;
        cells[i].textContent = money(v, $$);
        cells[i].setAttribute("data-counted", f2(v));
      });
      var summary = [["total_costs", "Fully loaded costs", f2(rep.total_costs), money(rep.total_costs, $$)],
        ["adjusted_benefits", "Benefits counted (after adjustment)", f2(rep.adjusted_benefits), money(rep.adjusted_benefits, $$)],
        ["net_benefits", "Net benefits", f2(rep.net_benefits), money(rep.net_benefits, $$)],
        ["bcr", "Benefit-cost ratio (BCR)", f2(rep.bcr), f2(rep.bcr)],
        ["roi_pct", "ROI", f2(rep.roi_pct), pc(rep.roi_pct)],
        ["payback_months", "Payback period", f2(rep.payback_months), rep.payback_months === null ? "never (no benefits counted)" : f2(rep.payback_months) + " months"]];
      if (rep.hurdle_rate_pct !== null) summary.push(["meets_hurdle", "Hurdle rate", String(rep.meets_hurdle),
        pc(rep.hurdle_rate_pct) + ": the ROI " + (rep.meets_hurdle ? "meets" : "does not meet") + " it"]);
      out.appendChild(rowsTable("ROI = (benefits counted \u2212 costs) \u00f7 costs \u00d7 100. BCR = benefits counted \u00f7 costs.", summary, "lh-roi-summary"));

      var ow = cfg.one_way, rows = sensitivity(inp, ow.amount_swing_pct, ow.percentage_points_swing), top = rows[0];
      var mc = monteCarlo(inp, cfg.monte_carlo), ends = [top.roi_low, top.roi_high].sort(function (x, y) { return x - y; });
      var says = [rep.roi_pct >= 0 ? "Every " + $$ + "1 spent returned about " + $$ + f2(rep.bcr) + " in counted benefits, so the programme's net benefit is " +
        money(rep.net_benefits, $$) + " (ROI " + pc(rep.roi_pct) + ")." : "The counted benefits do not cover the costs: the net benefit is " +
        money(rep.net_benefits, $$) + " (ROI " + pc(rep.roi_pct) + ")."];
      if (rep.hurdle_rate_pct !== null) says.push("The ROI " + (rep.meets_hurdle ? "clears" : "falls short of") + " the hurdle rate of " + pc(rep.hurdle_rate_pct) + ".");
      if (rep.unadjusted_benefits > 0) says.push("The conservative adjustments keep " + pc(r2(rep.adjusted_benefits * 100 / rep.unadjusted_benefits)) +
        " of the improvements first estimated; the rest is put down to other causes or to uncertainty in the estimates.");
      says.push("The input that moves the ROI most is \u201c" + top.label + "\u201d: across the range tested the ROI runs from " + pc(ends[0]) + " to " + pc(ends[1]) + ". Check that figure first.");
      says.push("With every input uncertain at once, the middle 90% of simulated runs lie between " + pc(mc.p5) + " and " + pc(mc.p95) + "; " +
        pc(mc.prob_negative) + " of runs lose money" + (mc.prob_below_hurdle === null ? "." : " and " + pc(mc.prob_below_hurdle) + " fall below the hurdle rate."));
      out.appendChild(title("What the figures say"));
      out.appendChild(el("ul", null, says.map(function (s) { return el("li", { text: s }); })));
      out.appendChild(title("Intangible benefits (not converted to money)"));
      out.appendChild(inp.intangibles.length ? el("ul", { "class": "lh-roi-intangible-list" }, inp.intangibles.map(function (t) { return el("li", { text: t }); }))
        : el("p", null, "None listed yet: add the benefits you will report without a money value, such as better teamwork."));

      out.appendChild(title("How sensitive is the result? One input at a time"));
      out.appendChild(el("p", null, "Each money amount moves " + ow.amount_swing_pct + "% down and up (all costs together), and each percentage " +
        ow.percentage_points_swing + " points (kept within 0 to 100), while everything else stays as entered. The widest bars show the estimates that matter most."));
      out.appendChild(tornado(rows, top.base_roi, rep.hurdle_rate_pct));
      function setting(r, key) { return r.unit === "money" ? money(r[key], $$) : pc(r[key]); }
      var cap = "ROI when one input moves (ROI as entered: " + pc(rep.roi_pct) + ")";
      out.appendChild(el("div", { "class": "lh-scroll", tabindex: 0, role: "region", "aria-label": cap }, LH.table(cap, ["Input moved", "From \u2026 to", "ROI if lower", "ROI if higher", "Swing (points)"],
        rows.map(function (r) {
          return el("tr", { "data-input": r.input, "data-low-setting": f2(r.low_setting), "data-high-setting": f2(r.high_setting),
            "data-roi-low": f2(r.roi_low), "data-roi-high": f2(r.roi_high), "data-swing": f2(r.swing) },
          el("th", { scope: "row", text: r.label }), el("td", { text: setting(r, "low_setting") + " to " + setting(r, "high_setting") }),
          el("td", { text: pc(r.roi_low) }), el("td", { text: pc(r.roi_high) }), el("td", { text: f2(r.swing) }));
        }), { "class": "lh-table lh-roi-sensitivity" })));

      out.appendChild(title("How sensitive is the result? Every input at once"));
      out.appendChild(el("p", { "class": "lh-note" }, "A seeded simulation draws every input at random within " + mc.amount_spread_pct + "% (money) or " + mc.percentage_points_spread +
        " points (percentages) of your value, most likely at your value, " + mc.runs.toLocaleString("en-GB") + " times. This page uses its own small random-number " +
        "generator: its figures are the same every time here, but differ slightly from the notebook's, which uses NumPy's."));
      var sim = [["runs", "Runs (seed)", String(mc.runs), mc.runs.toLocaleString("en-GB") + " (seed " + mc.seed + ")"],
        ["p50", "Median ROI", f2(mc.p50), pc(mc.p50)],
        ["p5-p95", "Middle 90% of runs", f2(mc.p5) + " " + f2(mc.p95), pc(mc.p5) + " to " + pc(mc.p95)],
        ["prob_not_negative", "Runs with an ROI of 0% or more", f2(100 - mc.prob_negative), pc(100 - mc.prob_negative)],
        ["prob_negative", "Runs with a negative ROI", f2(mc.prob_negative), pc(mc.prob_negative)]];
      if (mc.prob_below_hurdle !== null) sim.push(["prob_below_hurdle", "Runs below the hurdle rate (" + pc(mc.hurdle_rate_pct) + ")", f2(mc.prob_below_hurdle), pc(mc.prob_below_hurdle)]);
      out.appendChild(rowsTable("Simulated ROI", sim, "lh-roi-simulation"));
      return { valid: true, example: isExample, report: rep, sensitivity: rows, monte_carlo: mc };
    }

    function csv(a, res) {
      var out = [["section", "item", "amount", "attribution_pct", "confidence_pct", "counted", "category_or_source"]], k = 0, ok = res && res.valid;
      a.costs.forEach(function (c) { if (!blank(c.label) || !blank(c.amount)) out.push(["cost", c.label, c.amount, "", "", ok ? f2(parseNum(c.amount)) : "", c.category]); });
      a.benefits.forEach(function (b) {
        if (!isBlankBenefit(b)) out.push(["benefit", b.label, b.annual_value, b.attribution_pct, b.confidence_pct, ok ? f2(res.report.benefits[k++].adjusted) : "", b.basis]);
      });
      a.intangibles.forEach(function (t) { if (!blank(t)) out.push(["intangible", t, "", "", "", "", ""]); });
      if (ok) {
        ["total_costs", "unadjusted_benefits", "adjusted_benefits", "net_benefits", "bcr", "roi_pct", "payback_months", "hurdle_rate_pct", "meets_hurdle"].forEach(function (key) {
          var v = res.report[key];
          out.push(["result", key, typeof v === "number" ? f2(v) : v == null ? "" : String(v), "", "", "", ""]);
        });
        ["mean", "p5", "p50", "p95", "prob_negative", "prob_below_hurdle"].forEach(function (key) {
          out.push(["simulation", key, f2(res.monte_carlo[key]), "", "", "", "seed " + res.monte_carlo.seed + ", this page's generator"]);
        });
      }
      return out;
    }

    // Buttons: start blank, fill in the example again, add and remove rows.
    form.addEventListener("click", function (event) {
      var b = event.target.closest("button"), act, add, rm, focus;
      if (!b) return;
      act = b.getAttribute("data-action"); add = b.getAttribute("data-add"); rm = b.getAttribute("data-remove");
      if (act) { write(act === "blank" ? empty() : example()); focus = $("[data-f=label]"); }
      if (add) {
        focus = newRow(add, rowsOf(add).length + 1, add === "intangible" ? "" : {});
        body(add).appendChild(focus);
      }
      if (rm) {
        var at = rowsOf(rm).indexOf(b.closest("[data-row]")), a = read();
        a[rm === "intangible" ? "intangibles" : rm + "s"].splice(at, 1);
        write(a);
        focus = rowsOf(rm)[Math.min(at, rowsOf(rm).length - 1)];
      }
      if (act || add || rm) { ctx.changed(); $("input, textarea", focus.matches("[data-f]") ? focus.parentNode : focus).focus(); }
    });
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.roi = { evaluate: evaluate, sensitivity: sensitivity, monteCarlo: monteCarlo, parseNumber: parseNum };
})();
