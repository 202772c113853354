/* The page around an in-page exercise (loaded by sphinx_ext/page_fixes.py on exercise pages only):
   - "Print my results" prints that form and its results alone, headed by the page's title and the date;
   - "Print a blank copy" prints the same form empty, to fill in by hand, and puts the reader's answers back;
   - a table in a form's results scrolls sideways in its own box when it is wider than the screen. */
(function () {
  "use strict";
  const LH = (window.LH = window.LH || {});
  const DATE = { day: "numeric", month: "long", year: "numeric" };

  // The page's title as its heading shows it, without the heading's "#" link.
  function pageTitle() {
    const heading = document.querySelector("main h1, article h1, h1");
    if (!heading) return document.title;
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent.trim();
  }

  /* Everything on the page but `root` (the exercise), and the form's rows left blank, are marked lh-print-hide,
     which print styles leave out; a heading with the title (and `subtitle`, a part's title) and the date goes on
     top. All of it is undone once the print dialog closes. */
  LH.printResults = function (root, subtitle, blank) {
    const rows = root.querySelectorAll("[data-row], [data-entry]");
    const empty = (row) => Array.from(row.querySelectorAll("input[type=text], input[type=number], textarea"))
      .every((i) => !i.value.trim());
    const hidden = blank ? [] : Array.from(rows).filter(empty);
    if (hidden.length === rows.length) hidden.length = 0;  // a blank form prints whole
    const answers = blank ? emptied(root) : null;
    for (let node = root; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling !== node && !sibling.matches("script, link, style")) hidden.push(sibling);
      }
    }
    hidden.forEach((node) => node.classList.add("lh-print-hide"));
    const heading = document.createElement("p");
    heading.className = "lh-print-heading";
    heading.textContent = pageTitle() + (subtitle && subtitle !== pageTitle() ? ": " + subtitle : "") +
      (blank ? ". A blank copy to fill in by hand."
        : ". Printed on " + new Date().toLocaleDateString("en-GB", DATE) + ".");
    root.prepend(heading);
    document.documentElement.classList.add("lh-print-results");
    document.documentElement.classList.toggle("lh-print-blank", !!blank);
    const done = () => {
      hidden.forEach((node) => node.classList.remove("lh-print-hide"));
      heading.remove();
      document.documentElement.classList.remove("lh-print-results", "lh-print-blank");
      if (answers) answers.forEach((restore) => restore());
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  };

  /* Every field of the form emptied for the print, without an input event, so nothing is saved; returns how to put
     each back. The reader's answers stay stored in the browser all the while. */
  function emptied(root) {
    // Figures the form works out beside the fields (the ROI's "Counted" column) go blank too.
    const worked = Array.from(root.querySelectorAll("form.lh-form [data-counted]")).map((cell) => {
      const text = cell.textContent;
      cell.textContent = "";
      return () => { cell.textContent = text; };
    });
    const fields = root.querySelectorAll("form.lh-form input, form.lh-form select, form.lh-form textarea");
    return worked.concat(Array.from(fields).map((field) => {
      const value = field.value, checked = field.checked, index = field.selectedIndex;
      if (field.type === "radio" || field.type === "checkbox") field.checked = false;
      else if (field.tagName === "SELECT") field.selectedIndex = -1;
      else if (field.type !== "submit" && field.type !== "button") field.value = "";
      return () => {
        field.value = value;
        field.checked = checked;
        if (field.tagName === "SELECT") field.selectedIndex = index;
      };
    }));
  }

  // Every results table outside a scrolling box gets one: focusable and named, so a keyboard can scroll it.
  function boxTables(results) {
    results.querySelectorAll("table").forEach((table) => {
      if (table.closest(".lh-table-scroll, .lh-scroll")) return;
      const box = document.createElement("div"), caption = table.querySelector("caption");
      box.className = "lh-table-scroll";
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      table.replaceWith(box);
      box.appendChild(table);
    });
  }
  // Beside each form's "Print my results" (core/page.js makes the toolbar when the page has loaded its scripts).
  window.addEventListener("load", () => {
    document.querySelectorAll(".lh-exercise").forEach((root) => {
      const buttons = Array.from(root.querySelectorAll(".lh-toolbar button"));
      const results = buttons.find((b) => b.textContent === "Print my results");
      const spec = root.querySelector("script.lh-spec");
      if (!results || !spec) return;
      const part = (JSON.parse(spec.textContent).options || {}).part;
      const blank = document.createElement("button");
      blank.type = "button";
      blank.className = "lh-button";
      blank.textContent = "Print a blank copy";
      const title = part ? root.getAttribute("data-lh-title") : "";
      blank.addEventListener("click", () => LH.printResults(root, title, true));
      results.after(" ", blank);
    });
  });
  /* Dated attempts (core/attempts.js), beside the toolbar of a form whose results have scores: save one, compare
     any two (a table, a chart and what moved), delete one (with a minute to put it back), load a downloaded file.
     core/page.js calls this once the toolbar is made; kind.attempts then feeds the JSON download. */
  const SCORED = { self_assessment: (instrument, answers) => LH.rules.self_assessment.scoreResponses(instrument,
    answers).dimensions.map((d) => ({ id: d.id, label: d.label, score: d.scored ? d.score : null })) };
  const WHEN = Object.assign({ hour: "2-digit", minute: "2-digit" }, DATE);
  const when = (iso) => new Date(iso).toLocaleString("en-GB", WHEN);
  const KEEP = { full: "This browser's storage for this site is full, so that could not be kept; nothing saved " +
    "before was removed. Download your answers to keep them.", blocked: "This browser does not let the page keep " +
    "attempts (its storage is switched off), so they last only until you leave the page. Download your answers " +
    "to keep them." };
  LH.attemptsView = function (ctx, kind, store) {
    const score = SCORED[ctx.root.getAttribute("data-lh-kind")], A = LH.attempts, el = LH.el, svg = LH.svg;
    if (!score || !A || kind.attempts) return;
    const key = ctx.root.getAttribute("data-lh-store") + A.SUFFIX, got = store.read(key), parsed = A.parse(got.raw);
    let attempts = parsed.attempts, offerTimer = null;
    const status = el("p", { "class": "lh-attempts-status", role: "status" });
    const list = el("ul", { "class": "lh-attempt-list" }), compared = el("div", { "class": "lh-attempt-compare" });
    const pickers = [0, 1].map((i) => el("select", { id: key + ":pick" + i, "class": "lh-attempt-pick" }));
    const chooser = el("p", { "class": "lh-attempt-chooser", hidden: true }, el("label", { "for": pickers[0].id },
      "Compare "), pickers[0], el("label", { "for": pickers[1].id }, " with "), pickers[1]);
    const file = el("input", { type: "file", accept: ".json,application/json", id: key + ":file" });
    const offer = el("div", { "class": "lh-attempt-offer", hidden: true });
    const say = (message, problem) => { status.textContent = message; status.classList.toggle("lh-error", !!problem); };
    if (parsed.state === "unreadable") {
      if (store.read(key + ":set-aside").raw === null) store.write(key + ":set-aside", got.raw);
      say("The attempts saved in this browser could not be read, so they are not listed; a copy is kept.", true);
    }
    kind.attempts = () => attempts.slice();
    const answered = (answers) => Object.values(answers).filter((v) => v !== null && v !== "").length;
    function keep(next, message) {
      attempts = next;
      const failed = store.write(key, A.serialise(attempts));
      say(failed ? message + " " + KEEP[failed] : message, !!failed);
      draw();
    }
    function saveNow() {
      const answers = kind.read();
      if (!answered(answers)) return say("There are no answers to save yet.", true);
      keep(A.add(attempts, answers, new Date()), "This attempt was saved in this browser.");
    }
    function deleteAt(index) {
      const done = A.remove(attempts, index), label = when(done.removed.saved);
      keep(done.attempts, "The attempt saved on " + label + " was deleted.");
      const back = LH.button("Put it back", () => { clear(); keep(A.putBack(attempts, done.removed),
        "The attempt saved on " + label + " is back."); }, { "aria-label": "Put back the attempt of " + label });
      showOffer(["You can put it back for a minute. ", back], 60);
    }
    function showOffer(children, seconds) {
      clear();
      offer.append(...children);
      offer.hidden = false; offerTimer = setTimeout(clear, seconds * 1000);
    }
    function clear() { clearTimeout(offerTimer); offer.textContent = ""; offer.hidden = true; }
    function draw() {
      list.textContent = "";
      attempts.forEach((a, i) => list.appendChild(el("li", { "data-attempt": i }, "Saved " + when(a.saved) + ": " +
        answered(a.answers) + " answers. ", LH.button("Delete", () => deleteAt(i),
        { "aria-label": "Delete the attempt saved on " + when(a.saved) }))));
      if (!attempts.length) list.appendChild(el("li", null, "No attempts saved yet."));
      const chosen = pickers.map((p) => (p.options.length === attempts.length ? p.value : ""));  // else newest two
      pickers.forEach((p, n) => {
        p.textContent = "";
        attempts.forEach((a, i) => p.appendChild(el("option", { value: i, text: (i + 1) + ": " + when(a.saved) })));
        const fallback = String(Math.max(0, attempts.length - 2 + n));
        p.value = chosen[n] !== "" && Number(chosen[n]) < attempts.length ? chosen[n] : fallback;
      });
      chooser.hidden = attempts.length < 2;
      compare();
    }
    function compare() {
      compared.textContent = "";
      if (attempts.length < 2) return;
      const [first, second] = pickers.map((p) => attempts[Number(p.value)]);
      const [older, newer] = first.saved <= second.saved ? [first, second] : [second, first];
      const rows = A.compare(score(ctx.instrument, older.answers), score(ctx.instrument, newer.answers));
      const f = (v) => (v === null ? "Not scored" : LH.format2(v)), sign = (v) => (v > 0 ? "+" : "") + f(v);
      const caption = "Change per dimension, " + when(older.saved) + " to " + when(newer.saved);
      const cells = (r) => [r.label, f(r.before), f(r.after), r.change === null ? "" : sign(r.change)].map((t, i) =>
        el(i ? "td" : "th", { scope: i ? null : "row", text: t }));
      compared.append(el("div", { "class": "lh-table-scroll", tabindex: "0", role: "region", "aria-label": caption },
        LH.table(caption, ["Dimension", "Earlier", "Later", "Change"], rows.map((r) => el("tr", { "data-dimension":
        r.id }, cells(r))))), changeChart(rows, sign), el("p", { "class": "lh-results-title" },
        el("strong", null, "What next, from this comparison")));
      compared.appendChild(el("ul", { "class": "lh-attempt-next" }, A.whatMoved(rows, ctx.instrument.dimensions,
        LH.format2).map((n) => el("li", { "data-moved": n.improved === null ? "" : n.improved ? "up" : "down",
        text: n.text }))));
    }
    // Bars either side of zero; one unit a pixel of the box (drawn at its width), so text stays 12 px on a phone.
    function changeChart(rows, sign) {
      const width = Math.round(Math.min(720, Math.max(240, compared.clientWidth || 0))), rowH = 42, top = 8;
      const range = Math.max(1, Math.ceil(Math.max(...rows.map((r) => Math.abs(r.change || 0))))), mid = width / 2;
      const half = width / 2 - 50, height = top + rows.length * rowH;
      const x = (v) => mid + (v / range) * half;
      const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "class": "lh-chart lh-change",
        "aria-label": "Change per dimension. " + rows.map((r) => r.label + ": " + (r.change === null ? "not scored"
          : sign(r.change))).join("; ") });
      chart.appendChild(svg("line", { x1: mid, x2: mid, y1: 0, y2: height, "class": "lh-grid" }));
      rows.forEach((r, i) => {
        const y = top + i * rowH, c = r.change || 0;
        chart.appendChild(svg("text", { x: 10, y: y + 13, "class": "lh-label", text: r.label }));
        chart.appendChild(svg("rect", { x: Math.min(x(0), x(c)), y: y + 18, width: Math.max(2, Math.abs(x(c) - x(0))),
          height: 16, "class": "lh-bar " + (c < 0 ? "lh-change-down" : "lh-change-up") }));
        chart.appendChild(svg("text", { x: c < 0 ? x(c) - 4 : x(c) + 4, y: y + 31, "text-anchor": c < 0 ? "end" :
          "start", "class": "lh-value", text: r.change === null ? "not scored" : sign(r.change) }));
      });
      return chart;
    }
    // A file the reader downloaded: checked as the group debrief checks one, then offered back, never applied unasked.
    file.addEventListener("change", () => {
      const picked = file.files[0];
      file.value = "";
      if (!picked) return;
      const reader = new FileReader();
      reader.onload = () => {
        const part = (ctx.options || {}).part || null;
        const checked = A.checkFile(String(reader.result), picked.size, ctx.instrument,
          ctx.root.getAttribute("data-lh-kind"), part);
        if (!checked.ok) { clear(); return say("That file was not loaded. " + checked.problem, true); }
        say("The file holds answers and " + checked.attempts.length + " saved attempts. Nothing is changed yet.");
        showOffer([LH.button("Restore them", () => restore(checked)), " ", LH.button("Not now", () => {
          clear(); say("The file was not used."); })], 600);
      };
      reader.onerror = () => say("That file could not be read.", true);
      if (picked.size > LH.group.MAX_FILE_BYTES) say("That file was not loaded. " + LH.group.sizeProblem(picked.size),
        true);
      else reader.readAsText(picked);
    });
    // Your answers now are kept as an attempt first, so restoring a file loses nothing (the form's undo also works).
    function restore(checked) {
      clear();
      const now = kind.read(), kept = answered(now) ? A.add(attempts, now, new Date()) : attempts;
      keep(A.merge(kept, checked.attempts), "");
      const message = "The answers from the file were put in the form" + (answered(now) ? "; your previous " +
        "answers were saved as an attempt." : ".");
      if (ctx.undoable) ctx.undoable(message, () => kind.write(checked.answers));
      else { kind.write(checked.answers); ctx.changed(); }
      say(message + " " + status.textContent);
    }
    pickers.forEach((p) => p.addEventListener("change", compare));
    ctx.root.querySelector(".lh-toolbar").after(el("div", { "class": "lh-attempts" },
      el("p", { "class": "lh-results-title" }, el("strong", null, "Your saved attempts")),
      el("p", null, "Save a dated copy of your answers now and again when you retake this (in three months, say), " +
        "then compare any two. Attempts stay in this browser and go into your JSON download."),
      el("p", null, LH.button("Save this attempt", saveNow), " ", el("label", { "for": file.id },
        "Load a downloaded file (JSON): "), file), status, offer, list, chooser, compared));
    draw();
  };
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".lh-exercise .lh-results").forEach((results) => {
      boxTables(results);
      new MutationObserver(() => boxTables(results)).observe(results, { childList: true, subtree: true });
    });
  });
})();
