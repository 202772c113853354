/* The group debrief in the page, DOM only: pick or drop participants' answer files, read them with FileReader
   (nothing leaves the browser, nothing is stored), and draw the group's profile that LH.group (core/group.js)
   computes. Every text from a file reaches the page through textContent only. */
(function () {
  "use strict";
  const LH = window.LH, group = LH.group, SVG_NS = "http://www.w3.org/2000/svg";

  function build(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value; else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of [].concat(children || []).flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ?
        document.createTextNode(String(child)) : child);
    }
    return node;
  }
  const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
  const svg = (tag, attrs) => build(document.createElementNS(SVG_NS, tag), attrs);
  const number = (v) => (v === null || v === undefined ? "" : LH.format.format2(v));
  // A table wider than a phone scrolls in its own box, which the keyboard can reach and a screen reader names.
  const scroll = (table) => el("div", { "class": "lh-table-scroll", tabindex: "0", role: "region",
    "aria-label": table.querySelector("caption").textContent }, table);

  // One strip per score: a dot per person (stacked where equal), the middle half shaded, the median a bar.
  // viewBox 360 wide: 14-unit text stays at least 12 px on a 390 px phone. Scores on different scales
  // (a rating and a count of correct answers) each get their own axis labels.
  function stripChart(profile) {
    const W = 360, left = 16, right = 344, top = 6, scores = profile.scores;
    const ownAxes = scores.some((s) => s.min !== scores[0].min || s.max !== scores[0].max);
    const rowH = ownAxes ? 96 : 78, height = top + scores.length * rowH + (ownAxes ? 0 : 22);
    const described = scores.map((s) => s.label + ": median " + number(s.median) + ", " + s.people +
      " people").join("; ");
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + height, role: "img", "class": "lh-chart lh-strip-chart",
      "aria-label": "Strip plot of the group's " + profile.score_unit + ". " + described });
    const add = (tag, attrs) => chart.appendChild(svg(tag, attrs));
    const ticks = (s, x, y) => s.ticks.forEach((t) => add("text", { x: x(t), y, "text-anchor": "middle",
      "class": "lh-axis", text: String(t) }));
    scores.forEach((s, i) => {
      const y = top + i * rowH, base = y + 62, x = (v) => left + (v - s.min) / (s.max - s.min) * (right - left);
      add("text", { x: left, y: y + 16, "class": "lh-label", text: s.label });
      add("text", { x: right, y: y + 36, "text-anchor": "end", "class": "lh-value",
        text: s.people ? "median " + number(s.median) : "no scores" });
      for (const t of s.ticks) add("line", { x1: x(t), x2: x(t), y1: y + 40, y2: base + 6, "class": "lh-grid" });
      if (ownAxes) ticks(s, x, y + 86);
      if (!s.people) return;
      add("rect", { x: x(s.lower_quartile), y: y + 40, width: Math.max(2, x(s.upper_quartile) - x(s.lower_quartile)),
        height: 26, "class": "lh-middle-half" });
      const column = (v) => Math.round(x(v) / 4), counts = {}, placed = {};
      for (const v of s.values) counts[column(v)] = (counts[column(v)] || 0) + 1;
      const step = Math.min(7, 22 / Math.max(...Object.values(counts)));
      for (const v of s.values) {
        placed[column(v)] = (placed[column(v)] || 0) + 1;
        add("circle", { cx: x(v), cy: base - 4 - (placed[column(v)] - 1) * step, r: 5, "class": "lh-dot" });
      }
      add("line", { x1: x(s.median), x2: x(s.median), y1: y + 38, y2: base + 8, "class": "lh-median" });
    });
    if (!ownAxes) {
      const s0 = scores[0];
      ticks(s0, (v) => left + (v - s0.min) / (s0.max - s0.min) * (right - left), height - 4);
    }
    return chart;
  }

  function scoreTable(profile) {
    const head = ["Measure", "People", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"];
    return scroll(el("table", { "class": "lh-table lh-group-scores" },
      el("caption", { text: "The group's " + profile.score_unit + ": median and spread" }),
      el("thead", null, el("tr", null, head.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", null, profile.scores.map((s) => el("tr", { "data-score": s.id, "data-median": number(s.median) },
        el("th", { scope: "row", text: s.label }), el("td", { text: String(s.people) +
          (s.not_scored ? " (" + s.not_scored + " not scored)" : "") }),
        [s.lowest, s.lower_quartile, s.median, s.upper_quartile, s.highest]
          .map((v) => el("td", { text: number(v) })))))));
  }

  const cell = (o) => o.count + " (" + Math.round(o.share) + "%)";
  // Items that share one set of answers (statements, features): one matrix; otherwise one small table each.
  function shareTables(profile) {
    const first = profile.items[0].options.map((o) => o.label).join("\n");
    if (profile.items.every((item) => item.options.map((o) => o.label).join("\n") === first)) {
      const head = [profile.item_noun.replace(/^./, (c) => c.toUpperCase())]
        .concat(profile.items[0].options.map((o) => o.label));
      const rows = profile.items.map((item) => el("tr", { "data-item": item.id },
        el("th", { scope: "row", text: item.label }), item.options.map((o) => el("td", { text: cell(o) }))));
      return [scroll(el("table", { "class": "lh-table lh-group-shares" },
        el("caption", { text: "How many chose each answer (share of those who answered)" }),
        el("thead", null, el("tr", null, head.map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", null, rows)))];
    }
    return profile.items.map((item) => scroll(el("table", { "class": "lh-table lh-group-shares",
      "data-item": item.id },
      el("caption", { text: item.label + (item.note ? " " + item.note : "") }),
      el("thead", null, el("tr", null, ["Answer", "People"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", null, item.options.map((o) => el("tr", { "data-option": o.id, "data-share": number(o.share),
        "class": o.correct ? "lh-best" : null },
        el("th", { scope: "row" }, o.label, o.correct ? el("strong", { text: " (best answer)" }) : null),
        el("td", { text: cell(o) })))))));
  }

  // When the files were downloaded (days only), so that a session's day and its follow-up are told apart.
  function downloaded(profile) {
    const long = { day: "numeric", month: "long", year: "numeric" };
    const day = (iso) => (isNaN(new Date(iso)) ? null : new Date(iso).toLocaleDateString(undefined, long));
    const first = profile.first_export && day(profile.first_export), last = profile.last_export &&
      day(profile.last_export);
    if (!first || !last) return "";
    return first === last ? ", downloaded on " + first : ", downloaded between " + first + " and " + last;
  }

  function profileSection(profile, index) {
    const id = "lh-group-profile-" + index;
    if (!profile.shown) {
      return el("section", { "class": "lh-group-profile lh-group-hidden", "data-group": profile.key,
        "aria-labelledby": id }, el("h3", { id, text: profile.title }),
      el("p", { "class": "lh-note", text: profile.files + " valid " + (profile.files === 1 ? "file" : "files") +
        ". Nothing is shown below " + profile.threshold + " files (the smallest group set above), so that no " +
        "one's answers can be picked out." }));
    }
    const noun = profile.item_noun, split = profile.split;
    // Many statements would push the print past one page: they wait behind a summary the facilitator can open.
    const many = profile.items.length > 16;
    const parts = [el("h3", { id, text: profile.title }),
      el("p", { "class": "lh-group-count", "data-files": profile.files, text: profile.files + " files used" +
        downloaded(profile) + "." }),
      profile.notes.map((note) => el("p", { "class": "lh-group-note-line", text: note })),
      el("p", { "class": "lh-small", text: "Each dot is one person; the bar is the median; the shaded band holds " +
        "the middle half of the group." }),
      el("div", { "class": "lh-group-figure" }, stripChart(profile), scoreTable(profile)),
      el("h4", { text: "Where the group is most split" }),
      split.length ? el("ol", { "class": "lh-group-split" }, split.map((item) => el("li", { "data-item": item.id },
        el("strong", { text: item.label }), " ", item.split_text + ".")))
        : el("p", { text: "No " + noun + " divides the group: talk about the lowest scores instead." }),
      el("h4", { "class": many ? "lh-group-all" : null, text: "Every " + noun + ": how many chose each answer" })];
    const shares = shareTables(profile);
    const tables = el("div", { "class": "lh-group-tables" + (shares.length > 1 ? " lh-group-tables-each" : "") },
      shares);
    parts.push(many ? el("details", { "class": "lh-group-all" },
      el("summary", { text: "Show all " + profile.items.length + " " + noun + "s" }), tables) : tables);
    return el("section", { "class": "lh-group-profile", "data-group": profile.key, "aria-labelledby": id }, parts);
  }

  function fileReport(files) {
    const count = (status) => files.filter((f) => f.status === status).length;
    const refused = count("refused");
    const summary = files.length + (files.length === 1 ? " file" : " files") + " read: " + count("used") +
      " used, " + refused + " refused, " + count("duplicate") + " counted once (the same file twice).";
    return el("details", { "class": "lh-group-file-report", open: refused > 0 },
      el("summary", { text: summary }),
      el("p", { "class": "lh-small", text: "File names are shown here only, so that you can find a refused " +
        "file; they are left out of the print and the CSV." }),
      el("ol", null, files.map((f) => el("li", { "class": "lh-file-" + f.status, "data-status": f.status },
        el("span", { "class": "lh-file-name", text: f.name || "(no name)" }), ": ", f.message))));
  }

  function start(root) {
    const spec = JSON.parse(root.querySelector("script.lh-group-spec").textContent);
    const instruments = spec.instruments;
    const controls = root.querySelector(".lh-group-controls"), picker = root.querySelector("input[type=file]");
    const threshold = root.querySelector("input.lh-group-threshold"), note = root.querySelector(".lh-group-note");
    const status = root.querySelector(".lh-group-status"), report = root.querySelector(".lh-group-report");
    const results = root.querySelector(".lh-group-results"), csvButton = root.querySelector(".lh-group-csv");
    const printButton = root.querySelector(".lh-group-print"), clearButton = root.querySelector(".lh-group-clear");
    let entries = [], profiles = [];

    function update() {
      const collected = group.collect(entries, instruments), limit = group.clampThreshold(threshold.value);
      note.textContent = limit.message;
      profiles = collected.groups.map((g) => group.profile(g, instruments, limit.value));
      report.textContent = "";
      results.textContent = "";
      if (entries.length) report.appendChild(fileReport(collected.files));
      results.appendChild(el("p", { "class": "lh-group-print-head", text: document.title.split("\u2014")[0].trim() +
        ". Printed " + new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" }) +
        "." }));
      profiles.forEach((p, i) => results.appendChild(profileSection(p, i)));
      const shown = profiles.filter((p) => p.shown).length;
      csvButton.disabled = printButton.disabled = !shown;
      clearButton.disabled = !entries.length;
      document.documentElement.classList.toggle("lh-group-showing", shown > 0);
      status.textContent = entries.length ? collected.files.filter((f) => f.status === "used").length + " of " +
        entries.length + " files used; " + shown + " of " + profiles.length + " exercises shown." : "";
    }

    // Files over the size limit are refused unread; the others are read as text, never run.
    function readAll(fileList) {
      const files = Array.from(fileList || []);
      if (!files.length) return;
      status.textContent = "Reading " + files.length + " files\u2026";
      Promise.all(files.map((file) => new Promise((resolve) => {
        if (group.sizeProblem(file.size)) { resolve({ name: file.name, size: file.size, text: null }); return; }
        const reader = new FileReader();
        reader.onload = () => resolve({ name: file.name, size: file.size, text: String(reader.result) });
        reader.onerror = () => resolve({ name: file.name, size: file.size, text: null });
        reader.readAsText(file);
      }))).then((read) => {
        entries = entries.concat(read);
        update();
      });
    }

    picker.addEventListener("change", () => { readAll(picker.files); picker.value = ""; });
    threshold.addEventListener("input", update);
    const zone = root.querySelector(".lh-group-drop");
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("lh-dragging"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("lh-dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("lh-dragging");
      readAll(event.dataTransfer && event.dataTransfer.files);
    });
    csvButton.addEventListener("click", () => {
      const rows = group.aggregateCsv(profiles);
      const quoteCell = (v) => (/[",\r\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
      const text = rows.map((row) => row.map(quoteCell).join(",")).join("\r\n") + "\r\n";
      const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
      const link = el("a", { href: url, download: "group-results-" + new Date().toISOString().slice(0, 10) + ".csv" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    printButton.addEventListener("click", () => window.print());
    clearButton.addEventListener("click", () => {
      entries = [];
      update();
      status.textContent = "All files were removed from the page.";
    });
    controls.hidden = false;
    root.classList.add("lh-ready");
  }

  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-lh-group]").forEach(start));
})();
