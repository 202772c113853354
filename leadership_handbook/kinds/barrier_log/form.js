/* In-page barrier log: the same rules as leadership_handbook.barrier_log (validate_entries, prioritise,
   learning_goals). A blank entry is ignored; an incomplete one gets a message beside each missing field and
   stays out of the ranking until it is complete. Entries keep the number of their place in the form. */
(function () {
  "use strict";
  var LH = window.LH, el = LH.el, svg = LH.svg;
  var FIELDS = ["challenge", "barrier_type", "frequency", "impact", "could_teach"];
  var MISSING = { challenge: "Describe the challenge", barrier_type: "Choose a type of barrier",
    frequency: "Choose how often it happens", impact: "Choose its impact", could_teach: "Write what it could teach you" };
  var MAX_TEXT = 500;

  function blankRow() { return { challenge: "", barrier_type: null, frequency: null, impact: null, could_teach: "" }; }
  function isText(f) { return f === "challenge" || f === "could_teach"; }
  function quadrantFor(spec, f, i) {
    var high = spec.scoring.high_from, kf = f >= high ? "high" : "low", ki = i >= high ? "high" : "low";
    return spec.quadrants.filter(function (q) { return q.frequency === kf && q.impact === ki; })[0];
  }

  // Each row: {entry, id, blank, problems: {field: message}, clean: the checked entry if complete, else null}.
  function checkRows(spec, rows) {
    var types = spec.barrier_types.map(function (t) { return t.id; });
    var scales = { frequency: spec.frequency_scale.map(function (p) { return p.value; }),
      impact: spec.impact_scale.map(function (p) { return p.value; }) };
    return rows.map(function (row, n) {
      var problems = {}, clean = { id: "B" + (n + 1), entry: n + 1 }, blank = true;
      var need = " (needed to rank entry B" + (n + 1) + ").";
      FIELDS.forEach(function (f) {
        var v = row[f];
        if (isText(f)) {
          var t = typeof v === "string" ? v.trim() : "";
          if (t) blank = false;
          if (!t) problems[f] = MISSING[f] + need;
          else if (Array.from(t).length > MAX_TEXT) {  // characters, as Python counts them
            problems[f] = "This is " + Array.from(t).length + " characters long: shorten it to " + MAX_TEXT + " or fewer" + need;
          }
          clean[f] = t;
        } else {
          var ok = f === "barrier_type" ? types.indexOf(v) >= 0 : Number.isInteger(v) && scales[f].indexOf(v) >= 0;
          if (v !== null && v !== undefined && v !== "") blank = false;
          if (!ok) problems[f] = MISSING[f] + need;
          clean[f] = ok ? v : null;
        }
      });
      return { entry: n + 1, id: "B" + (n + 1), blank: blank, problems: problems,
        clean: blank || Object.keys(problems).length ? null : clean };
    });
  }

  function prioritise(spec, checked) {
    var types = {};
    spec.barrier_types.forEach(function (t) { types[t.id] = t.label; });
    var rows = checked.filter(function (c) { return c.clean; }).map(function (c) {
      var r = c.clean, q = quadrantFor(spec, r.frequency, r.impact);
      return Object.assign({}, r, { priority: r.frequency * r.impact, quadrant: q.id, quadrant_label: q.label,
        type_label: types[r.barrier_type] });
    });
    rows.sort(function (a, b) {
      return b.priority - a.priority || b.impact - a.impact || b.frequency - a.frequency || a.entry - b.entry;
    });
    rows.forEach(function (r, i) { r.rank = i + 1; });
    return rows;
  }

  function learningGoals(spec, rows) {
    var quadrants = {};
    spec.quadrants.forEach(function (q) { quadrants[q.id] = q; });
    return rows.slice(0, spec.scoring.top_n).map(function (r) {
      return { rank: r.rank, entry: r.id, goal: r.could_teach, challenge: r.challenge, priority: r.priority,
        quadrant_label: r.quadrant_label, advice: quadrants[r.quadrant].advice };
    });
  }

  function matrix(spec, rows) {
    var freq = spec.frequency_scale, imp = spec.impact_scale, high = spec.scoring.high_from;
    var f0 = freq[0].value - 0.5, f1 = freq[freq.length - 1].value + 0.5;
    var i0 = imp[0].value - 0.5, i1 = imp[imp.length - 1].value + 0.5;
    var L = 40, T = 30, W = 480, H = 360;
    var x = function (v) { return L + (v - f0) / (f1 - f0) * W; };
    var y = function (v) { return T + (i1 - v) / (i1 - i0) * H; };
    var described = rows.map(function (r) {
      return r.id + ": how often " + r.frequency + ", impact " + r.impact + ", " + r.quadrant_label;
    }).join("; ");
    var chart = svg("svg", { viewBox: "0 0 " + (L + W + 16) + " " + (T + H + 56), role: "img", "class": "lh-chart lh-matrix",
      "aria-label": "Prioritisation matrix: how often each barrier happens (across) against its impact (up). " +
        "Quadrants split at " + high + ". " + (described || "No complete entries yet.") });
    var sx = x(high - 0.5), sy = y(high - 0.5);
    function add(tag, attrs, child) { chart.appendChild(svg(tag, attrs, child)); }
    add("rect", { x: sx, y: T, width: x(f1) - sx, height: sy - T, "class": "lh-act-now" });
    freq.forEach(function (p) {
      add("line", { x1: x(p.value), x2: x(p.value), y1: T, y2: T + H, "class": "lh-grid lh-light" });
      add("text", { x: x(p.value), y: T + H + 16, "text-anchor": "middle", "class": "lh-axis", text: String(p.value) });
    });
    imp.forEach(function (p) {
      add("line", { x1: L, x2: L + W, y1: y(p.value), y2: y(p.value), "class": "lh-grid lh-light" });
      add("text", { x: L - 8, y: y(p.value) + 4, "text-anchor": "end", "class": "lh-axis", text: String(p.value) });
    });
    add("rect", { x: L, y: T, width: W, height: H, "class": "lh-frame" });
    add("line", { x1: sx, x2: sx, y1: T, y2: T + H, "class": "lh-split" });
    add("line", { x1: L, x2: L + W, y1: sy, y2: sy, "class": "lh-split" });
    spec.quadrants.forEach(function (q) {
      var right = q.frequency === "high";
      add("text", { x: right ? L + W - 6 : L + 6, y: q.impact === "high" ? T + 18 : T + H - 8,
        "text-anchor": right ? "end" : "start", "class": "lh-quadrant-label", text: q.label });
    });
    var offsets = [[0, 0], [0.2, 0.2], [-0.2, 0.2], [0.2, -0.2], [-0.2, -0.2], [0, 0.3], [0, -0.3], [0.3, 0], [-0.3, 0]];
    var placed = {};
    rows.forEach(function (r) {
      var cell = r.frequency + "," + r.impact, k = placed[cell] || 0;
      placed[cell] = k + 1;
      var o = offsets[k % offsets.length], px = x(r.frequency + o[0]), py = y(r.impact + o[1]);
      add("g", { "data-entry": r.id }, [svg("circle", { cx: px, cy: py, r: 12, "class": "lh-dot" }),
        svg("text", { x: px, y: py + 4, "text-anchor": "middle", "class": "lh-dot-label", text: r.id })]);
    });
    function ends(s) {
      var a = s[0], b = s[s.length - 1];
      return " (" + a.value + " = " + a.label.toLowerCase() + ", " + b.value + " = " + b.label.toLowerCase() + ")";
    }
    add("text", { x: L + W / 2, y: T + H + 36, "text-anchor": "middle", "class": "lh-axis", text: "How often it happens \u2192" + ends(freq) });
    add("text", { x: 4, y: T - 12, "class": "lh-axis", text: "\u2191 Impact" + ends(imp) });
    return chart;
  }

  LH.register("barrier_log", function (ctx) {
    var spec = ctx.instrument, form = ctx.form, list = form.querySelector(".lh-entries");
    var addButton = form.querySelector(".lh-add-row"), max = spec.scoring.max_entries;
    var template = list.querySelector(".lh-entry").cloneNode(true);

    // A copy of the server's first entry (leadership_handbook.worksheets.barrier_log.entry_html), renumbered.
    function entryNode(n) {
      var node = template.cloneNode(true), remove = node.querySelector(".lh-remove-row");
      node.setAttribute("data-entry", n);
      node.querySelector("legend").textContent = "Entry B" + n;
      node.querySelectorAll("[id], [for], [name]").forEach(function (e) {
        ["id", "for", "name"].forEach(function (a) {
          if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(/^(msg-)?bl-\d+-/, "$1bl-" + n + "-"));
        });
      });
      remove.textContent = "Remove entry B" + n;
      remove.hidden = false;
      remove.addEventListener("click", function () { removeEntry(n); });
      return node;
    }
    function entries() { return list.querySelectorAll(".lh-entry"); }
    function control(n, f) { return form.querySelector("#" + CSS.escape("bl-" + n + "-" + f)); }

    function read() {
      var rows = [];
      for (var n = 1; n <= entries().length; n++) {
        var row = {};
        FIELDS.forEach(function (f) {
          var v = control(n, f).value;
          row[f] = isText(f) ? v : v === "" ? null : f === "barrier_type" ? v : Number(v);
        });
        rows.push(row);
      }
      return { rows: rows };
    }
    function write(saved) {
      var rows = (saved && Array.isArray(saved.rows) ? saved.rows : []).slice(0, max);
      var want = Math.max(rows.length, 1);
      list.textContent = "";
      for (var n = 1; n <= want; n++) list.appendChild(entryNode(n));
      for (n = 1; n <= want; n++) FIELDS.forEach(function (f) {
        var v = (rows[n - 1] || {})[f];
        control(n, f).value = v === null || v === undefined ? "" : String(v);
      });
      addButton.disabled = want >= max;
    }
    function removeEntry(n) {
      var data = read();
      data.rows.splice(n - 1, 1);
      write(data);
      ctx.changed();
      var next = control(Math.min(n, entries().length), "challenge");
      if (next) next.focus();
    }
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var data = read();
      if (data.rows.length >= max) return;
      data.rows.push(blankRow());
      write(data);
      ctx.changed();
      control(data.rows.length, "challenge").focus();
    });
    // Server-rendered rows get working remove buttons by being rebuilt once.
    write(read());

    function render(saved, out) {
      var checked = checkRows(spec, saved.rows), incomplete = [];
      checked.forEach(function (c) {
        var partial = !c.blank && !c.clean;
        if (partial) incomplete.push(c.id);
        FIELDS.forEach(function (f) {
          var message = partial && c.problems[f] || "", id = "bl-" + c.entry + "-" + f;
          LH.setFieldMessage(form, "msg-" + id, message);
          LH.markInvalid(control(c.entry, f), "msg-" + id, !!message);
        });
      });
      var rows = prioritise(spec, checked), goals = learningGoals(spec, rows);
      out.classList.toggle("lh-no-results", !rows.length && !incomplete.length);
      var result = { instrument: spec.id, entries: rows.length, incomplete: incomplete, rows: rows, goals: goals };
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (incomplete.length) out.appendChild(el("p", { "class": "lh-note lh-incomplete", "data-incomplete": incomplete.join(" ") },
        (incomplete.length === 1 ? "Entry " + incomplete[0] + " is" : "Entries " + incomplete.join(", ") + " are") +
        " not ranked yet: see the messages beside the fields."));
      if (!rows.length) {
        out.appendChild(el("p", null, "Fill in all five fields of an entry to see your ranking, the prioritisation matrix and your learning goals."));
        return result;
      }
      out.appendChild(LH.table("Your barriers, most pressing first (priority = how often \u00d7 impact)",
        ["Rank", "Entry", "Challenge", "Type", "How often", "Impact", "Priority", "Quadrant"], rows.map(function (r) {
          return el("tr", { "data-rank": r.rank, "data-entry": r.id, "data-frequency": r.frequency, "data-impact": r.impact,
            "data-priority": r.priority, "data-quadrant": r.quadrant },
            el("td", { text: r.rank }), el("th", { scope: "row", text: r.id }), el("td", { text: r.challenge }),
            el("td", { text: r.type_label }), el("td", { text: r.frequency }), el("td", { text: r.impact }),
            el("td", { text: r.priority }), el("td", { text: r.quadrant_label }));
        }), { "class": "lh-table lh-ranking" }));
      out.appendChild(matrix(spec, rows));
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your top learning goals")));
      out.appendChild(el("ol", { "class": "lh-goals" }, goals.map(function (g) {
        return el("li", { "data-rank": g.rank, "data-entry": g.entry, "data-priority": g.priority },
          el("strong", { text: g.goal }), el("br"),
          "From " + g.entry + ": " + g.challenge + " (priority " + g.priority + "). ",
          el("em", { text: g.quadrant_label + ": " }), g.advice);
      })));
      return result;
    }
    function csv(saved, result) {
      var ranked = {};
      (result ? result.rows : prioritise(spec, checkRows(spec, saved.rows))).forEach(function (r) { ranked[r.id] = r; });
      var rows = [["entry", "challenge", "barrier_type", "frequency", "impact", "could_teach", "priority", "quadrant", "rank"]];
      saved.rows.forEach(function (row, i) {
        var r = ranked["B" + (i + 1)] || {};
        rows.push(["B" + (i + 1), row.challenge, row.barrier_type, row.frequency, row.impact, row.could_teach,
          r.priority, r.quadrant_label, r.rank]);
      });
      return rows;
    }
    function empty() { return { rows: [blankRow(), blankRow(), blankRow(), blankRow(), blankRow()] }; }
    return { read: read, write: write, render: render, csv: csv, empty: empty };
  });
  LH.barrierLog = { checkRows: checkRows, prioritise: prioritise, learningGoals: learningGoals };
})();
