/* In-page ROI calculator: the same arithmetic, order of operations and rounding as leadership_handbook.roi
   (evaluate, one_way_sensitivity). The simulation uses this file's own small seeded generator (mulberry32),
   not NumPy's stream, so its figures are repeatable here but close to, not equal to, the notebook's. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, svg = LH.svg, r2 = LH.round2, f2 = LH.format2;
  var MAX = 1e12, TEXT_MAX = 200;
  var ALLOWED = { money: "Enter an amount of 0 or more, up to 1,000,000,000,000 (such as 3500).",
    pct: "Enter a number from 0 to 100 (50 means 50%).", hurdle: "Enter a percentage from -100 to 1000, or leave it blank." };

  function blank(s) { return s === undefined || s === null || String(s).trim() === ""; }
  // A plain number; "3,500", "£3500" and "40%" are read as 3500 and 40. Anything else is not a number.
  function parseNum(text) {
    var t = String(text).trim().replace(/^[£$€¥]\s*/, "").replace(/\s*%$/, "");
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  }
  function num(text, kind, missing) {
    if (blank(text)) return missing ? { error: missing } : { value: null };
    var v = parseNum(text), shown = "\u201c" + String(text).trim() + "\u201d";
    if (!isFinite(v)) return { error: shown + " is not a number. " + ALLOWED[kind] };
    if (kind !== "hurdle" && v < 0) return { error: shown + " is below 0. " + ALLOWED[kind] };
    if (kind === "money" ? v > MAX : kind === "pct" ? v > 100 : v < -100 || v > 1000)
      return { error: shown + " is out of range. " + ALLOWED[kind] };
    return { value: v };
  }
  function text(s, missing) {
    var t = String(s || "").trim();
    if (!t) return { error: missing };
    if (t.length > TEXT_MAX) return { error: "This is " + t.length + " characters long: keep it to " + TEXT_MAX + "." };
    return { value: t };
  }
  function money(v, cur) {
    v = r2(v);
    var t = Math.abs(v).toFixed(v === Math.round(v) ? 0 : 2).split(".");
    t[0] = t[0].replace(/\B(?=(\d{3})+$)/g, ",");
    return (v < 0 ? "\u2212" : "") + cur + t.join(".");
  }
  function pc(v) {
    if (v === null || v === undefined) return "n/a";
    var t = f2(v).replace(/0+$/, "").replace(/\.$/, "").split(".");
    t[0] = t[0].replace(/\B(?=(\d{3})+$)/g, ",");
    return t.join(".").replace("-", "\u2212") + "%";
  }

  // ---------------------------------------------------------------- arithmetic (as in roi.py)
  function adjusted(v, a, k) { return v * ((a / 100) * (k / 100)); }
  function sumCosts(costs) { var t = 0; costs.forEach(function (c) { t += c.amount; }); return t; }
  function sumParts(parts) { var t = 0; parts.forEach(function (p) { t += adjusted(p[0], p[1], p[2]); }); return t; }
  function roiOf(b, c) { return (b - c) / c * 100; }

  function evaluate(inp) {
    var c = sumCosts(inp.costs), b = 0, u = 0, h = inp.hurdle_rate_pct;
    inp.benefits.forEach(function (x) { b += adjusted(x.annual_value, x.attribution_pct, x.confidence_pct); u += x.annual_value; });
    var roi = roiOf(b, c), pay = b === 0 ? null : c / b * 12;
    return { title: inp.title, currency: inp.currency, total_costs: r2(c), unadjusted_benefits: r2(u),
      adjusted_benefits: r2(b), net_benefits: r2(b - c), bcr: r2(b / c), roi_pct: r2(roi),
      payback_months: pay === null ? null : r2(pay), hurdle_rate_pct: h, meets_hurdle: h === null ? null : r2(roi) >= h,
      costs: inp.costs.map(function (x) { return { label: x.label, category: x.category, amount: r2(x.amount), share_pct: r2(x.amount * 100 / c) }; }),
      benefits: inp.benefits.map(function (x) {
        return { label: x.label, annual_value: r2(x.annual_value), attribution_pct: x.attribution_pct, confidence_pct: x.confidence_pct,
          adjusted: r2(adjusted(x.annual_value, x.attribution_pct, x.confidence_pct)), basis: x.basis };
      }),
      intangibles: inp.intangibles.slice() };
  }

  function sensitivity(inp, swingPct, pp) {
    var s = swingPct / 100, c = sumCosts(inp.costs), rows = [];
    var parts = inp.benefits.map(function (x) { return [x.annual_value, x.attribution_pct, x.confidence_pct]; });
    var baseB = sumParts(parts), base = roiOf(baseB, c);
    function add(key, label, unit, value, low, high, lo, hi) {
      rows.push({ input: key, label: label, unit: unit, base_setting: r2(value), low_setting: r2(low), high_setting: r2(high),
        roi_low: r2(lo), roi_high: r2(hi), swing: r2(Math.abs(hi - lo)), base_roi: base });
    }
    var names = ["annual value", "share due to programme", "confidence"];
    inp.benefits.forEach(function (item, n) {
      for (var pos = 0; pos < 3; pos++) {
        var v = parts[n][pos], low = pos ? Math.max(0, v - pp) : v * (1 - s), high = pos ? Math.min(100, v + pp) : v * (1 + s);
        var res = [low, high].map(function (setting) {
          var moved = parts.map(function (q) { return q.slice(); });
          moved[n][pos] = setting;
          return roiOf(sumParts(moved), c);
        });
        add("benefits #" + (n + 1) + " " + names[pos], item.label + ": " + names[pos], pos ? "points" : "money", v, low, high, res[0], res[1]);
      }
    });
    add("costs", "Fully loaded costs (all items together)", "money", c, c * (1 - s), c * (1 + s), roiOf(baseB, c * (1 - s)), roiOf(baseB, c * (1 + s)));
    var order = rows.map(function (r, k) { return k; });
    order.sort(function (a, b) { return rows[b].swing - rows[a].swing || a - b; });
    return order.map(function (k) { return rows[k]; });
  }

  // Monte Carlo with our own generator: mulberry32 (public domain), NOT numpy.random.default_rng's stream.
  function mulberry32(a) {
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function monteCarlo(inp, cfg) {
    var runs = cfg.runs, s = cfg.amount_spread_pct / 100, d = cfg.percentage_points_spread, rnd = mulberry32(cfg.seed);
    var b = new Float64Array(runs), c = new Float64Array(runs), i;
    function draws(lo, mode, hi) { // triangular by the inverse of its distribution function
      var out = new Float64Array(runs), f = (mode - lo) / (hi - lo);
      for (var j = 0; j < runs; j++) {
        var u = rnd();
        out[j] = lo === hi ? mode : u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
      }
      return out;
    }
    inp.benefits.forEach(function (x) {
      var v = draws(x.annual_value * (1 - s), x.annual_value, x.annual_value * (1 + s));
      var a = draws(Math.max(0, x.attribution_pct - d), x.attribution_pct, Math.min(100, x.attribution_pct + d));
      var k = draws(Math.max(0, x.confidence_pct - d), x.confidence_pct, Math.min(100, x.confidence_pct + d));
      for (i = 0; i < runs; i++) b[i] += adjusted(v[i], a[i], k[i]);
    });
    inp.costs.forEach(function (x) {
      var v = draws(x.amount * (1 - s), x.amount, x.amount * (1 + s));
      for (i = 0; i < runs; i++) c[i] += v[i];
    });
    var roi = new Float64Array(runs), total = 0, neg = 0, below = 0, h = inp.hurdle_rate_pct;
    for (i = 0; i < runs; i++) {
      roi[i] = roiOf(b[i], c[i]); total += roi[i];
      if (roi[i] < 0) neg++;
      if (h !== null && roi[i] < h) below++;
    }
    roi.sort();
    function q(p) { // NumPy's default (linear) percentile
      var x = (runs - 1) * p / 100, lo = Math.floor(x), hi = Math.min(lo + 1, runs - 1);
      return roi[lo] + (x - lo) * (roi[hi] - roi[lo]);
    }
    return { runs: runs, seed: cfg.seed, generator: "mulberry32 (this page's own; not NumPy's)",
      amount_spread_pct: cfg.amount_spread_pct, percentage_points_spread: d, mean: r2(total / runs),
      p5: r2(q(5)), p50: r2(q(50)), p95: r2(q(95)), prob_negative: r2(neg / runs * 100),
      prob_below_hurdle: h === null ? null : r2(below / runs * 100), hurdle_rate_pct: h };
  }

  // ---------------------------------------------------------------- tornado chart
  function tornado(rows, base, hurdle, cur) {
    var W = 720, L = 12, R = W - 12, rowH = 44, top = 34, H = top + rows.length * rowH + 34;
    var vals = [0, base];
    if (hurdle !== null) vals.push(hurdle);
    rows.forEach(function (r) { vals.push(r.roi_low, r.roi_high); });
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals), span = hi - lo || 10;
    var step = Math.pow(10, Math.floor(Math.log(span / 5) / Math.LN10));
    step *= span / step > 25 ? 5 : span / step > 10 ? 2 : 1;
    lo = Math.floor(lo / step) * step; hi = Math.ceil(hi / step) * step;
    if (hi === lo) hi = lo + step;
    function x(v) { return L + (v - lo) / (hi - lo) * (R - L); }
    var said = rows.slice(0, 5).map(function (r) { return r.label + ": " + pc(r.roi_low) + " to " + pc(r.roi_high); }).join("; ");
    var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "lh-chart lh-tornado",
      "aria-label": "Tornado chart: the ROI when one input at a time moves down and up, widest first. ROI as entered " +
        pc(r2(base)) + ". " + said + (rows.length > 5 ? "; the table below has every input." : ".") },
      svg("rect", { x: L, y: 6, width: 14, height: 12, "class": "lh-low" }),
      svg("text", { x: L + 20, y: 17, text: "ROI with the input lower" }),
      svg("rect", { x: L + 230, y: 6, width: 14, height: 12, "class": "lh-high" }),
      svg("text", { x: L + 250, y: 17, text: "ROI with the input higher" }));
    for (var t = lo; t <= hi + step / 2; t += step) {
      chart.appendChild(svg("line", { x1: x(t), x2: x(t), y1: top, y2: H - 26, "class": "lh-grid" }));
      chart.appendChild(svg("text", { x: x(t), y: H - 10, "text-anchor": "middle", "class": "lh-axis", text: pc(r2(t)) }));
    }
    rows.forEach(function (r, n) {
      var y = top + n * rowH, name = r.label.length > 95 ? r.label.slice(0, 94) + "\u2026" : r.label;
      chart.appendChild(svg("text", { x: L, y: y + 13, "class": "lh-label" }, name, svg("title", { text: r.label })));
      [["roi_low", "lh-low"], ["roi_high", "lh-high"]].forEach(function (k) {
        var v = r[k[0]], a = Math.min(v, base), w = Math.abs(x(v) - x(base));
        chart.appendChild(svg("rect", { x: x(a), y: y + 18, width: Math.max(w, 1), height: 16, "class": k[1], "data-input": r.input }));
      });
      var left = Math.min(r.roi_low, r.roi_high), right = Math.max(r.roi_low, r.roi_high);
      chart.appendChild(svg("text", { x: x(left) - 4, y: y + 31, "text-anchor": "end", "class": "lh-value", text: pc(left) }));
      chart.appendChild(svg("text", { x: x(right) + 4, y: y + 31, "class": "lh-value", text: pc(right) }));
    });
    chart.appendChild(svg("line", { x1: x(base), x2: x(base), y1: top + 14, y2: H - 26, "class": "lh-base" }));
    if (hurdle !== null) chart.appendChild(svg("line", { x1: x(hurdle), x2: x(hurdle), y1: top + 14, y2: H - 26, "class": "lh-threshold" }));
    return chart;
  }

  // ---------------------------------------------------------------- the form
  LH.register("roi_example", function (ctx) {
    var ins = ctx.instrument, form = ctx.form, p = ins.id, cfg = ins.sensitivity;
    var cats = [].map.call(form.querySelector("tr.lh-roi-cost select").options, function (o) { return [o.value, o.textContent]; });
    var FIELDS = { cost: ["label", "category", "amount"], benefit: ["label", "basis", "annual_value", "attribution_pct", "confidence_pct"] };

    function field(id, label, value, f, cls, numeric, shown) {
      return [el("label", { "class": shown ? "lh-roi-label" : "lh-cell-label", "for": id, text: label }),
        el("input", { type: "text", id: id, name: id, "data-f": f, value: value || "", inputmode: numeric ? "decimal" : null, autocomplete: "off", "class": cls || "" }),
        el("p", { "class": "lh-field-message", id: "msg-" + id })];
    }
    function remover(what, label) { return el("button", { type: "button", "class": "lh-remove-row", "data-remove": what, "aria-label": "Remove " + label }, "Remove"); }
    function cur() { return form.querySelector("[data-f=currency]").value.trim() || ins.currency; }
    var build = {
      cost: function (n, c) {
        var id = p + "-cost-" + n, sel = el("select", { id: id + "-category", name: id + "-category", "data-f": "category" },
          cats.map(function (k) { return el("option", { value: k[0], text: k[1] }); }));
        sel.value = c.category || "other";
        return el("tr", { "class": "lh-roi-cost", "data-row": n }, el("th", { scope: "row", "class": "lh-roi-n", text: n }),
          el("td", null, field(id + "-label", "Cost " + n + ": what it is", c.label, "label")),
          el("td", null, el("label", { "class": "lh-cell-label", "for": id + "-category", text: "Cost " + n + ": category" }), sel),
          el("td", null, field(id + "-amount", "Cost " + n + ": amount (" + cur() + ")", c.amount, "amount", "lh-num", true)),
          el("td", { "class": "lh-row-tools" }, remover("cost", "cost " + n)));
      },
      benefit: function (n, b) {
        var id = p + "-benefit-" + n;
        return el("tr", { "class": "lh-roi-benefit", "data-row": n }, el("th", { scope: "row", "class": "lh-roi-n", text: n }),
          el("td", null, field(id + "-label", "Benefit " + n + ": what improved", b.label, "label"),
            field(id + "-basis", "Benefit " + n + ": where the figure comes from (optional)", b.basis, "basis", "lh-roi-basis", false, true)),
          el("td", null, field(id + "-value", "Benefit " + n + ": value in the first year (" + cur() + ")", b.annual_value, "annual_value", "lh-num", true)),
          el("td", null, field(id + "-attribution", "Benefit " + n + ": % due to the programme", b.attribution_pct, "attribution_pct", "lh-num", true)),
          el("td", null, field(id + "-confidence", "Benefit " + n + ": % confidence in that share", b.confidence_pct, "confidence_pct", "lh-num", true)),
          el("td", { "class": "lh-roi-counted", "data-counted": "" }),
          el("td", { "class": "lh-row-tools" }, remover("benefit", "benefit " + n)));
      },
      intangible: function (n, t) {
        return el("li", { "class": "lh-roi-intangible", "data-row": n },
          field(p + "-intangible-" + n, "Intangible benefit " + n, t, "text", "", false, true), remover("intangible", "intangible benefit " + n));
      }
    };
    function body(what) { return form.querySelector("[data-rows=" + what + "]"); }
    function rowsOf(what) { return [].slice.call(body(what).children); }
    function get(row, f) { var x = row.querySelector("[data-f=" + f + "]"); return x ? x.value : ""; }

    function read() {
      var a = { currency: form.querySelector("[data-f=currency]").value, hurdle_rate_pct: form.querySelector("[data-f=hurdle_rate_pct]").value };
      ["cost", "benefit"].forEach(function (w) {
        a[w + "s"] = rowsOf(w).map(function (row) {
          var o = {};
          FIELDS[w].forEach(function (f) { o[f] = get(row, f); });
          return o;
        });
      });
      a.intangibles = rowsOf("intangible").map(function (row) { return get(row, "text"); });
      return a;
    }
    function write(a) {
      form.querySelector("[data-f=currency]").value = a.currency || "";
      form.querySelector("[data-f=hurdle_rate_pct]").value = a.hurdle_rate_pct || "";
      [["cost", a.costs], ["benefit", a.benefits], ["intangible", a.intangibles]].forEach(function (w) {
        var list = w[1] && w[1].length ? w[1] : [w[0] === "intangible" ? "" : {}];
        body(w[0]).textContent = "";
        list.forEach(function (item, n) { body(w[0]).appendChild(build[w[0]](n + 1, item)); });
      });
      showCurrency();
    }
    function empty() {
      return { currency: ins.currency, hurdle_rate_pct: "",
        costs: cats.map(function (k) { return { label: "", category: k[0], amount: "" }; }),
        benefits: [{}, {}, {}, {}, {}].map(function () { return { label: "", basis: "", annual_value: "", attribution_pct: "", confidence_pct: "" }; }),
        intangibles: ["", "", "", ""] };
    }
    function example() {
      function s(v) { return v === null || v === undefined ? "" : String(v); }
      return { currency: ins.currency, hurdle_rate_pct: s(ins.hurdle_rate_pct),
        costs: ins.costs.map(function (c) { return { label: c.label, category: c.category, amount: s(c.amount) }; }).concat([{ category: "other" }]),
        benefits: ins.benefits.map(function (b) {
          return { label: b.label, basis: b.basis, annual_value: s(b.annual_value), attribution_pct: s(b.attribution_pct), confidence_pct: s(b.confidence_pct) };
        }).concat([{}]),
        intangibles: ins.intangibles.concat([""]) };
    }
    function showCurrency() {
      form.querySelectorAll(".lh-roi-cur").forEach(function (s) { s.textContent = cur(); });
    }

    // Check every field; return the clean inputs (as roi.RoiInputs would hold them) and the problems found.
    function check(a) {
      var errors = [], inp = { title: "", currency: cur(), costs: [], benefits: [], intangibles: [], hurdle_rate_pct: null };
      function take(id, r) { if (r.error) errors.push([id, r.error]); return r.value; }
      inp.hurdle_rate_pct = take(p + "-hurdle", num(a.hurdle_rate_pct, "hurdle"));
      a.costs.forEach(function (c, i) {
        if (blank(c.label) && blank(c.amount)) return;
        var id = p + "-cost-" + (i + 1);
        inp.costs.push({ label: take(id + "-label", text(c.label, "Say what this cost is.")), category: c.category || "other",
          amount: take(id + "-amount", num(c.amount, "money", "Enter the amount (0 or more).")) });
      });
      a.benefits.forEach(function (b, i) {
        if (["label", "basis", "annual_value", "attribution_pct", "confidence_pct"].every(function (f) { return blank(b[f]); })) return;
        var id = p + "-benefit-" + (i + 1), basis = String(b.basis || "").trim();
        inp.benefits.push({ label: take(id + "-label", text(b.label, "Say what improved.")),
          annual_value: take(id + "-value", num(b.annual_value, "money", "Enter the value in the first year (0 or more).")),
          attribution_pct: take(id + "-attribution", num(b.attribution_pct, "pct", "Enter the % due to the programme (0 to 100).")),
          confidence_pct: take(id + "-confidence", num(b.confidence_pct, "pct", "Enter your % confidence (0 to 100).")),
          basis: basis });
      });
      a.intangibles.forEach(function (t, i) {
        if (!blank(t)) inp.intangibles.push(take(p + "-intangible-" + (i + 1), text(t)));
      });
      if (!errors.length) {
        var c = sumCosts(inp.costs), b = 0;
        inp.benefits.forEach(function (x) { b += adjusted(x.annual_value, x.attribution_pct, x.confidence_pct); });
        if (!inp.costs.length) errors.push([p + "-costs", "Enter at least one cost: ROI divides by the costs."]);
        else if (c <= 0) errors.push([p + "-costs", "The costs add up to 0. ROI divides by the costs: enter costs with a total above 0."]);
        else if (c > MAX) errors.push([p + "-costs", "The costs add up to more than 1,000,000,000,000: check the amounts."]);
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
        var input = form.querySelector("#" + CSS.escape(id));
        if (input) LH.markInvalid(input, m.id, !!byId[id]);
      });
    }

    function sameAsExample(inp) {
      var e = check(example()).inputs;
      e.currency = ins.currency;
      return JSON.stringify(e) === JSON.stringify(inp);
    }

    function tableRows(pairs) {
      return pairs.map(function (r) { return el("tr", { "data-key": r[0], "data-value": r[2] }, el("th", { scope: "row", text: r[1] }), el("td", { text: r[3] })); });
    }
    function title(text) { return el("p", { "class": "lh-results-title" }, el("strong", null, text)); }

    function render(a, out) {
      showCurrency();
      var checked = check(a), inp = checked.inputs, c$ = inp.currency;
      showMessages(checked.errors);
      rowsOf("benefit").forEach(function (row) {
        var cell = row.querySelector(".lh-roi-counted");
        cell.textContent = "";
        cell.setAttribute("data-counted", "");
      });
      out.appendChild(title("Your results"));
      if (checked.errors.length) {
        var n = checked.errors.length;
        out.appendChild(el("p", { "class": "lh-error" }, n + (n > 1 ? " entries need" : " entry needs") +
          " attention: see the message" + (n > 1 ? "s" : "") + " beside the field" + (n > 1 ? "s" : "") + " above. The results appear once every entry can be used."));
        return { valid: false, errors: checked.errors.map(function (e) { return { field: e[0], message: e[1] }; }) };
      }
      var example = sameAsExample(inp);
      if (example) { inp.title = ins.title; out.firstChild.firstChild.textContent = "Results for the fictional example (" + ins.title + ")"; }
      var rep = evaluate(inp), i = 0;
      a.benefits.forEach(function (b, k) {
        if (["label", "basis", "annual_value", "attribution_pct", "confidence_pct"].every(function (f) { return blank(b[f]); })) return;
        var cell = rowsOf("benefit")[k].querySelector(".lh-roi-counted");
        cell.textContent = money(rep.benefits[i].adjusted, c$);
        cell.setAttribute("data-counted", f2(rep.benefits[i++].adjusted));
      });
      var summary = [["total_costs", "Fully loaded costs", f2(rep.total_costs), money(rep.total_costs, c$)],
        ["adjusted_benefits", "Benefits counted (after adjustment)", f2(rep.adjusted_benefits), money(rep.adjusted_benefits, c$)],
        ["net_benefits", "Net benefits", f2(rep.net_benefits), money(rep.net_benefits, c$)],
        ["bcr", "Benefit-cost ratio (BCR)", f2(rep.bcr), f2(rep.bcr)],
        ["roi_pct", "ROI", f2(rep.roi_pct), pc(rep.roi_pct)],
        ["payback_months", "Payback period", rep.payback_months === null ? "" : f2(rep.payback_months),
          rep.payback_months === null ? "never (no benefits counted)" : f2(rep.payback_months) + " months"]];
      if (rep.hurdle_rate_pct !== null) summary.push(["meets_hurdle", "Hurdle rate", String(rep.meets_hurdle),
        pc(rep.hurdle_rate_pct) + ": the ROI " + (rep.meets_hurdle ? "meets" : "does not meet") + " it"]);
      out.appendChild(LH.table("ROI = (benefits counted \u2212 costs) \u00f7 costs \u00d7 100; BCR = benefits counted \u00f7 costs",
        ["Measure", "Result"], tableRows(summary), { "class": "lh-table lh-roi-summary" }));

      var ow = cfg.one_way, rows = sensitivity(inp, ow.amount_swing_pct, ow.percentage_points_swing);
      var mc = monteCarlo(inp, cfg.monte_carlo), top = rows[0], lh = [top.roi_low, top.roi_high].sort(function (x, y) { return x - y; });
      var says = [rep.roi_pct >= 0 ? "Every " + c$ + "1 spent returned about " + c$ + f2(rep.bcr) + " in counted benefits, so the programme's net benefit is " + money(rep.net_benefits, c$) + " (ROI " + pc(rep.roi_pct) + ")."
        : "The counted benefits do not cover the costs: the net benefit is " + money(rep.net_benefits, c$) + " (ROI " + pc(rep.roi_pct) + ")."];
      if (rep.hurdle_rate_pct !== null) says.push("The ROI " + (rep.meets_hurdle ? "clears" : "falls short of") + " the hurdle rate of " + pc(rep.hurdle_rate_pct) + ".");
      if (rep.unadjusted_benefits > 0) says.push("The conservative adjustments keep " + pc(r2(rep.adjusted_benefits * 100 / rep.unadjusted_benefits)) +
        " of the improvements first estimated; the rest is put down to other causes or to uncertainty in the estimates.");
      says.push("The input that moves the ROI most is \u201c" + top.label + "\u201d: across the range tested the ROI runs from " + pc(lh[0]) + " to " + pc(lh[1]) + ". Check that figure first.");
      says.push("With every input uncertain at once, the middle 90% of simulated runs lie between " + pc(mc.p5) + " and " + pc(mc.p95) + "; " +
        pc(mc.prob_negative) + " of runs lose money" + (mc.prob_below_hurdle === null ? "." : " and " + pc(mc.prob_below_hurdle) + " fall below the hurdle rate."));
      out.appendChild(title("What the figures say"));
      out.appendChild(el("ul", { "class": "lh-roi-says" }, says.map(function (s) { return el("li", { text: s }); })));
      out.appendChild(title("Intangible benefits (not converted to money)"));
      out.appendChild(inp.intangibles.length ? el("ul", { "class": "lh-roi-intangible-list" }, inp.intangibles.map(function (t) { return el("li", { text: t }); }))
        : el("p", null, "None listed. Add the benefits you will report but not put a money value on, such as better teamwork."));

      out.appendChild(title("How sensitive is the result? One input at a time"));
      out.appendChild(el("p", null, "Each money amount moves " + ow.amount_swing_pct + "% down and up (all costs together), and each percentage " +
        ow.percentage_points_swing + " points (kept within 0 to 100), while everything else stays as entered. The widest bars show the estimates that matter most."));
      out.appendChild(tornado(rows, top.base_roi, rep.hurdle_rate_pct, c$));
      function setting(r, k) { return r.unit === "money" ? money(r[k], c$) : pc(r[k]); }
      out.appendChild(LH.table("ROI when one input moves (ROI as entered: " + pc(rep.roi_pct) + ")", ["Input moved", "From \u2026 to", "ROI if lower", "ROI if higher", "Swing (points)"],
        rows.map(function (r) {
          return el("tr", { "data-input": r.input, "data-low-setting": f2(r.low_setting), "data-high-setting": f2(r.high_setting),
            "data-roi-low": f2(r.roi_low), "data-roi-high": f2(r.roi_high), "data-swing": f2(r.swing) },
          el("th", { scope: "row", text: r.label }), el("td", { text: setting(r, "low_setting") + " to " + setting(r, "high_setting") }),
          el("td", { text: pc(r.roi_low) }), el("td", { text: pc(r.roi_high) }), el("td", { text: f2(r.swing) }));
        }), { "class": "lh-table lh-roi-sensitivity" }));

      out.appendChild(title("How sensitive is the result? Every input at once"));
      out.appendChild(el("p", { "class": "lh-note" }, "A seeded simulation draws every input at random (triangular, most likely at your value) " +
        mc.runs.toLocaleString("en-GB") + " times. This page uses its own small random-number generator, so the figures are the same every time here, " +
        "but differ slightly from the notebook's, which uses NumPy's."));
      var sim = [["runs", "Runs (seed)", String(mc.runs), mc.runs.toLocaleString("en-GB") + " (" + mc.seed + ")"],
        ["amount_spread_pct", "Spread of money inputs", String(mc.amount_spread_pct), "\u00b1" + pc(mc.amount_spread_pct) + " of each value"],
        ["percentage_points_spread", "Spread of attribution and confidence", String(mc.percentage_points_spread), "\u00b1" + mc.percentage_points_spread + " percentage points"],
        ["p50", "Median ROI", f2(mc.p50), pc(mc.p50)],
        ["p5-p95", "Middle 90% of runs", f2(mc.p5) + " " + f2(mc.p95), pc(mc.p5) + " to " + pc(mc.p95)],
        ["prob_not_negative", "Runs with an ROI of 0 or more", f2(100 - mc.prob_negative), pc(r2(100 - mc.prob_negative))],
        ["prob_negative", "Runs with a negative ROI", f2(mc.prob_negative), pc(mc.prob_negative)]];
      if (mc.prob_below_hurdle !== null) sim.push(["prob_below_hurdle", "Runs below the hurdle rate (" + pc(mc.hurdle_rate_pct) + ")", f2(mc.prob_below_hurdle), pc(mc.prob_below_hurdle)]);
      out.appendChild(LH.table("Simulated ROI", ["Simulation", "Result"], tableRows(sim), { "class": "lh-table lh-roi-simulation" }));
      return { valid: true, example: example, report: rep, sensitivity: rows, monte_carlo: mc };
    }

    function csv(a, res) {
      var out = [["section", "item", "amount", "attribution_pct", "confidence_pct", "counted", "category_or_source"]];
      a.costs.forEach(function (c) { if (!blank(c.label) || !blank(c.amount)) out.push(["cost", c.label, c.amount, "", "", "", c.category]); });
      a.benefits.forEach(function (b) {
        if (!blank(b.label) || !blank(b.annual_value) || !blank(b.attribution_pct) || !blank(b.confidence_pct) || !blank(b.basis))
          out.push(["benefit", b.label, b.annual_value, b.attribution_pct, b.confidence_pct, "", b.basis]);
      });
      a.intangibles.forEach(function (t) { if (!blank(t)) out.push(["intangible", t, "", "", "", "", ""]); });
      if (res && res.valid) {
        var k = 0;
        out.forEach(function (row) { if (row[0] === "benefit") row[5] = f2(res.report.benefits[k++].adjusted); else if (row[0] === "cost") row[5] = f2(parseNum(row[2])); });
        var rep = res.report, mc = res.monte_carlo;
        ["total_costs", "unadjusted_benefits", "adjusted_benefits", "net_benefits", "bcr", "roi_pct", "payback_months"].forEach(function (key) {
          out.push(["result", key, rep[key] === null ? "" : f2(rep[key]), "", "", "", ""]);
        });
        if (rep.hurdle_rate_pct !== null) out.push(["result", "meets_hurdle", String(rep.meets_hurdle), "", "", "", "hurdle " + rep.hurdle_rate_pct + "%"]);
        res.sensitivity.forEach(function (r) { out.push(["sensitivity", r.label, f2(r.swing), "", "", "", "ROI " + f2(r.roi_low) + " to " + f2(r.roi_high)]); });
        ["mean", "p5", "p50", "p95", "prob_negative", "prob_below_hurdle"].forEach(function (key) {
          if (mc[key] !== null) out.push(["simulation", key, f2(mc[key]), "", "", "", "seed " + mc.seed + ", " + mc.runs + " runs"]);
        });
      }
      return out;
    }

    // Buttons: start blank, fill the example again, add and remove rows.
    form.querySelectorAll("[data-action], .lh-add-row, .lh-remove-row").forEach(function (b) { b.hidden = false; });
    form.addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b) return;
      var act = b.getAttribute("data-action"), add = b.getAttribute("data-add"), rm = b.getAttribute("data-remove");
      if (act) { write(act === "blank" ? empty() : example()); ctx.changed(); form.querySelector("[data-f=label]").focus(); }
      if (add) {
        var row = build[add](rowsOf(add).length + 1, add === "intangible" ? "" : { category: "other" });
        body(add).appendChild(row);
        ctx.changed();
        row.querySelector("input").focus();
      }
      if (rm) {
        var list = rowsOf(rm), at = list.indexOf(b.closest("[data-row]")), a = read(), key = rm === "intangible" ? "intangibles" : rm + "s";
        a[key].splice(at, 1);
        write(a);
        ctx.changed();
        var rest = rowsOf(rm), next = rest[Math.min(at, rest.length - 1)];
        (next.querySelector("input") || form).focus();
      }
    });
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.roi = { evaluate: evaluate, sensitivity: sensitivity, monteCarlo: monteCarlo, parseNumber: parseNum };
})();
