/* The barrier log in the page, DOM only: add, remove, read and write the entries, show the messages beside an
   incomplete entry's fields, and draw the ranking, the prioritisation matrix and the learning goals. Every rule
   (which entries are complete, their numbers, the ranking, the goals) is LH.rules.barrier_log (rules.js), the
   twin of rules.py. */
(function () {
  "use strict";
  const LH = window.LH, el = LH.el, svg = LH.svg, rules = LH.rules.barrier_log;

  // "How often: 1 = a few times a year, 5 = daily", on two lines when one would not fit a phone.
  function scaleKey(name, scale) {
    const a = scale[0], b = scale[scale.length - 1];
    const first = name + ": " + a.value + " = " + a.label.toLowerCase() + ",", second = b.value + " = " +
      b.label.toLowerCase();
    return (first + " " + second).length > 44 ? [first, second] : [first + " " + second];
  }

  // One chart unit is one pixel of the results box, up to 560 (at least 330 units, so text stays at least
  // 12 px in the 316 px a 390 px phone gives it: convention 7).
  const chartWidth = (shown) => Math.round(Math.min(560, Math.max(330, shown || 0)));
  function matrix(spec, rows, width) {
    const freq = spec.frequency_scale, imp = spec.impact_scale, high = spec.scoring.high_from;
    const f0 = freq[0].value - 0.5, f1 = freq[freq.length - 1].value + 0.5;
    const i0 = imp[0].value - 0.5, i1 = imp[imp.length - 1].value + 0.5;
    const L = 30, T = 28, W = width - L - 16, H = Math.round(W * 0.8);
    const x = (v) => L + (v - f0) / (f1 - f0) * W;
    const y = (v) => T + (i1 - v) / (i1 - i0) * H;
    const described = rows.map((r) => r.id + ": how often " + r.frequency + ", impact " + r.impact + ", " +
      r.quadrant_label).join("; ");
    const keys = scaleKey("How often", freq).concat(scaleKey("Impact", imp));
    const chart = svg("svg", { viewBox: "0 0 " + (L + W + 16) + " " + (T + H + 44 + keys.length * 17),
      role: "img", "class": "lh-chart lh-matrix",
      "aria-label": "Prioritisation matrix: how often each barrier happens (across) against its impact (up). " +
        "Quadrants split at " + high + ". " + (described || "No complete entries yet.") });
    const sx = x(high - 0.5), sy = y(high - 0.5);
    const add = (tag, attrs, child) => chart.appendChild(svg(tag, attrs, child));
    add("rect", { x: sx, y: T, width: x(f1) - sx, height: sy - T, "class": "lh-act-now" });
    for (const p of freq) {
      add("line", { x1: x(p.value), x2: x(p.value), y1: T, y2: T + H, "class": "lh-grid lh-light" });
      add("text", { x: x(p.value), y: T + H + 16, "text-anchor": "middle", "class": "lh-axis", text: String(p.value) });
    }
    for (const p of imp) {
      add("line", { x1: L, x2: L + W, y1: y(p.value), y2: y(p.value), "class": "lh-grid lh-light" });
      add("text", { x: L - 8, y: y(p.value) + 4, "text-anchor": "end", "class": "lh-axis", text: String(p.value) });
    }
    add("rect", { x: L, y: T, width: W, height: H, "class": "lh-frame" });
    add("line", { x1: sx, x2: sx, y1: T, y2: T + H, "class": "lh-split" });
    add("line", { x1: L, x2: L + W, y1: sy, y2: sy, "class": "lh-split" });
    for (const q of spec.quadrants) {
      const right = q.frequency === "high";
      add("text", { x: right ? L + W - 6 : L + 6, y: q.impact === "high" ? T + 18 : T + H - 8,
        "text-anchor": right ? "end" : "start", "class": "lh-quadrant-label", text: q.label });
    }
    // Entries in the same cell sit side by side (the same offsets as report.prioritisation_matrix).
    const offsets = [[0, 0], [0.2, 0.2], [-0.2, 0.2], [0.2, -0.2], [-0.2, -0.2], [0, 0.3], [0, -0.3], [0.3, 0],
      [-0.3, 0]];
    const placed = {};
    for (const r of rows) {
      const cell = r.frequency + "," + r.impact, k = placed[cell] || 0;
      placed[cell] = k + 1;
      const o = offsets[k % offsets.length], px = x(r.frequency + o[0]), py = y(r.impact + o[1]);
      // The label's size is set on a tspan: the dot label's own class is smaller than a phone needs.
      add("g", { "data-entry": r.id }, [svg("circle", { cx: px, cy: py, r: 14, "class": "lh-dot" }),
        svg("text", { x: px, y: py + 4, "text-anchor": "middle", "class": "lh-dot-label" },
          svg("tspan", { "font-size": 13, text: r.id }))]);
    }
    add("text", { x: L + W / 2, y: T + H + 34, "text-anchor": "middle", "class": "lh-axis",
      text: "How often it happens \u2192" });
    add("text", { x: 4, y: T - 12, "class": "lh-axis", text: "\u2191 Impact" });
    keys.forEach((line, i) => add("text", { x: 4, y: T + H + 56 + i * 17, "class": "lh-axis", text: line }));
    return chart;
  }

  // Today in the reader's own time zone, year-month-day, as a date field holds it.
  function today() {
    const d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0"))
      .join("-");
  }

  LH.register("barrier_log", (ctx) => {
    const spec = ctx.instrument, form = ctx.form, list = form.querySelector(".lh-entries");
    const fields = spec.entries.fields, prefix = spec.entries.id_prefix;
    const addButton = form.querySelector(".lh-add-row"), max = spec.scoring.max_entries;
    const template = list.querySelector(".lh-entry").cloneNode(true);
    const dateField = fields.find((f) => f.input === "date"), firstText = fields.find((f) => f !== dateField);
    const blankRow = () => Object.fromEntries(fields.map((f) => [f.id, "choices" in f ? null : ""]));

    // A copy of the server's first entry (worksheet.html), given number n.
    function entryNode(n) {
      const node = template.cloneNode(true), remove = node.querySelector(".lh-remove-row");
      node.setAttribute("data-entry", n);
      node.querySelector("legend").textContent = "Entry " + prefix + n;
      node.querySelectorAll("[id], [for], [name]").forEach((e) => {
        for (const a of ["id", "for", "name"]) {
          if (e.hasAttribute(a)) e.setAttribute(a, e.getAttribute(a).replace(/^(msg-)?bl-\d+-/, "$1bl-" + n + "-"));
        }
      });
      remove.textContent = "Remove entry " + prefix + n;
      remove.hidden = false;
      remove.addEventListener("click", () => removeEntry(node));
      return node;
    }
    const entries = () => Array.from(list.querySelectorAll(".lh-entry"));
    const numberOf = (node) => Number(node.getAttribute("data-entry"));
    const control = (n, f) => form.querySelector("#" + CSS.escape("bl-" + n + "-" + f));

    function read() {
      return { rows: entries().map((node) => {
        const n = numberOf(node), row = { entry: n };
        for (const f of fields) {
          const v = control(n, f.id).value, values = rules.choiceValues(spec, f.id);
          const chosen = values && values.find((c) => String(c) === v);
          row[f.id] = values === null ? v : chosen === undefined ? null : chosen;
        }
        return row;
      }) };
    }
    function write(saved) {
      const stored = (saved && Array.isArray(saved.rows) ? saved.rows : []).slice(0, max);
      const rows = stored.length ? stored : [blankRow()], numbers = rules.entryNumbers(spec, rows);
      list.textContent = "";
      rows.forEach((row, i) => {
        list.appendChild(entryNode(numbers[i]));
        for (const f of fields) {
          const v = row && typeof row === "object" ? row[f.id] : null;
          control(numbers[i], f.id).value = v === null || v === undefined ? "" : String(v);
        }
      });
      addButton.disabled = rows.length >= max;
    }
    // The other entries keep their numbers; the removal is saved and can be undone (convention 6).
    function removeEntry(node) {
      const at = entries().indexOf(node), n = numberOf(node);
      const remove = () => {
        const data = read();
        data.rows.splice(at, 1);
        write(data);
      };
      if (ctx.undoable) ctx.undoable("Entry " + prefix + n + " was removed.", remove);
      else { remove(); ctx.changed(); }
      const left = entries(), next = left[Math.min(at, left.length - 1)];
      control(numberOf(next), firstText.id).focus();
    }
    addButton.hidden = false;
    addButton.addEventListener("click", () => {
      const data = read();
      if (data.rows.length >= max) return;
      data.rows.push(Object.assign(blankRow(), dateField ? { [dateField.id]: today() } : {}));
      write(data);
      ctx.changed();
      const last = entries()[entries().length - 1];
      control(numberOf(last), firstText.id).focus();
    });
    // An entry is dated today once the reader starts it, unless they give another date (before it is saved).
    const dateIt = (event) => {
      const node = dateField && event.target.closest(".lh-entry"), date = node && control(numberOf(node), dateField.id);
      if (date && event.target !== date && !date.value && event.target.value) date.value = today();
    };
    form.addEventListener("input", dateIt);
    form.addEventListener("change", dateIt);
    // Server-rendered rows get working remove buttons by being rebuilt once.
    write(read());

    function render(saved, out) {
      const checked = rules.checkRows(spec, saved.rows), incomplete = [];
      for (const c of checked) {
        const partial = !c.blank && !c.clean;
        if (partial) incomplete.push(c.id);
        for (const f of fields) {
          const message = partial && c.problems[f.id] || "", id = "bl-" + c.entry + "-" + f.id;
          LH.setFieldMessage(form, "msg-" + id, message);
          LH.markInvalid(control(c.entry, f.id), "msg-" + id, !!message);
        }
      }
      const rows = rules.rankEntries(spec, checked.filter((c) => c.clean).map((c) => c.clean));
      const goals = rules.goalsFromRanking(spec, rows);
      out.classList.toggle("lh-no-results", !rows.length && !incomplete.length);
      const result = { instrument: spec.id, entries: rows.length, incomplete, rows, goals };
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your results")));
      if (incomplete.length) {
        out.appendChild(el("p", { "class": "lh-note lh-incomplete", "data-incomplete": incomplete.join(" ") },
          (incomplete.length === 1 ? "Entry " + incomplete[0] + " is" : "Entries " + incomplete.join(", ") +
            " are") + " not ranked yet: see the messages beside the fields."));
      }
      if (!rows.length) {
        out.appendChild(el("p", null, "Fill in every field of an entry that is not marked optional to see your " +
          "ranking, the prioritisation matrix and your learning goals."));
        return result;
      }
      const caption = "Your barriers, most pressing first (priority = how often \u00d7 impact)";
      // The table scrolls in its own box on a phone, so the page never scrolls sideways (convention 7).
      out.appendChild(el("div", { "class": "lh-scroll lh-table-scroll", tabindex: 0, role: "region",
        "aria-label": caption }, LH.table(caption,
        ["Rank", "Entry", "Date", "Barrier", "Type", "How often", "Impact", "Priority", "Quadrant"], rows.map((r) =>
          el("tr", { "data-rank": r.rank, "data-entry": r.id, "data-frequency": r.frequency, "data-impact": r.impact,
            "data-priority": r.priority, "data-quadrant": r.quadrant },
          el("td", { text: r.rank }), el("th", { scope: "row", text: r.id }), el("td", { text: r.date || "" }),
          el("td", { text: r.challenge }), el("td", { text: r.type_label }), el("td", { text: r.frequency }),
          el("td", { text: r.impact }), el("td", { text: r.priority }), el("td", { text: r.quadrant_label }))),
        { "class": "lh-table lh-ranking" })));
      out.appendChild(matrix(spec, rows, chartWidth(ctx.shownWidth())));
      out.appendChild(el("p", { "class": "lh-results-title" }, el("strong", null, "Your top learning goals")));
      out.appendChild(el("ol", { "class": "lh-goals" }, goals.map((g) =>
        el("li", { "data-rank": g.rank, "data-entry": g.entry, "data-priority": g.priority },
          el("strong", { text: g.goal }), el("br"),
          "From " + g.entry + ": " + g.challenge + " (priority " + g.priority + "). ",
          el("em", { text: g.quadrant_label + ": " }), g.advice))));
      return result;
    }
    // Plain column names, the labels the reader sees; a type by its label, a scale by its number.
    function csv(saved, result) {
      const ranked = {}, types = Object.fromEntries(spec.barrier_types.map((t) => [t.id, t.label]));
      const checked = rules.checkRows(spec, saved.rows);
      const rows = result && result.rows ? result.rows : rules.rankEntries(spec,
        checked.filter((c) => c.clean).map((c) => c.clean));
      for (const r of rows) ranked[r.id] = r;
      const table = [["Entry"].concat(fields.map((f) => f.label), ["Priority", "Quadrant", "Rank"])];
      saved.rows.forEach((row, i) => {
        const id = checked[i].id, r = ranked[id] || {};
        table.push([id].concat(fields.map((f) => (f.id === "barrier_type" && row[f.id] in types ? types[row[f.id]]
          : row[f.id])), [r.priority, r.quadrant_label, r.rank]));
      });
      return table;
    }
    const empty = () => ({ rows: Array.from({ length: spec.entries.blank_rows }, blankRow) });
    return { read, write, render, csv, empty };
  });
})();
