/* Dated attempts in the page, DOM part (the pure part is core/attempts.js), beside the toolbar of every exercise
   whose kind's rules have attemptFigures: save one, compare any two (a table, a chart and what moved), delete one
   (with a minute to put it back), load a downloaded file back. core/page.js calls LH.attemptsView once the toolbar
   is made; kind.attempts then feeds the JSON download. The checks for a file loaded back (core/group_kinds.js and
   core/group.js, lh-file-check.js) load only when a reader picks a file (sphinx_ext/page_assets.py). */
(function () {
  "use strict";
  const LH = (window.LH = window.LH || {});
  const WHEN = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" };
  const when = (iso) => new Date(iso).toLocaleString("en-GB", WHEN);
  const KEEP = { full: "This browser's storage for this site is full, so that could not be kept; nothing saved " +
    "before was removed. Download your answers to keep them.", blocked: "This browser does not let the page keep " +
    "attempts (its storage is switched off), so they last only until you leave the page. Download your answers " +
    "to keep them." };

  // An effect with its interval (the evaluation's d) shows the interval beside it, written as the effect is.
  const withInterval = (figure, write) => write.value(figure.value) + (figure.value !== null && figure.low !==
    undefined ? " (95% interval " + write.value(figure.low) + " to " + write.value(figure.high) + ")" : "");

  // The checks for a file loaded back, fetched once from _static (same origin, so the page's CSP allows them).
  let checksLoading = null;
  function loadChecks() {
    if (LH.attempts.ready()) return Promise.resolve();
    const tag = document.querySelector("script[data-lh-file-check]");
    if (!tag) return Promise.reject(new Error("no file-check script"));
    checksLoading = checksLoading || new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(tag.getAttribute("data-lh-file-check"), tag.src).href;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => { checksLoading = null; script.remove(); reject(new Error(script.src)); });
      document.head.appendChild(script);
    });
    return checksLoading;
  }

  LH.attemptsView = function (ctx, kind, store) {
    const kindName = ctx.root.getAttribute("data-lh-kind"), rules = (LH.rules || {})[kindName], A = LH.attempts;
    if (!rules || !rules.attemptFigures || !A || kind.attempts) return;
    const el = LH.el, part = (ctx.options || {}).part || null, judged = kindName === "self_assessment";
    const figures = (answers) => rules.attemptFigures(ctx.instrument, answers, part);
    const blank = kind.empty ? kind.empty() : {}, answered = (answers) => A.answered(answers, blank);
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
      offer.hidden = false;
      offerTimer = setTimeout(clear, seconds * 1000);
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
      let rows;
      try { rows = A.compare(figures(older.answers), figures(newer.answers)); } catch (error) {
        if (error.name !== "InputError") throw error;
        return compared.appendChild(el("p", { "class": "lh-error", text: "These two attempts cannot be compared: " +
          "one holds an answer this version of the exercise cannot read (" + error.message + ")." }));
      }
      const noun = judged ? "dimension" : "measure", caption = "Change per " + noun + ", " + when(older.saved) +
        " to " + when(newer.saved), captionId = key + ":caption";
      const cells = (r, w = A.writer(r)) => [r.label, judged ? w.value(r.before) : withInterval(r.earlier, w),
        judged ? w.value(r.after) : withInterval(r.later, w), w.signed(r.change)].map((t, i) => el(i ? "td" : "th",
        { scope: i ? null : "row", text: judged && t === "Not worked out" ? "Not scored" : t }));
      const head = el("thead", null, el("tr", null, [judged ? "Dimension" : "Measure", "Earlier", "Later", "Change"]
        .map((h) => el("th", { scope: "col", text: h }))));
      const body = el("tbody", null, rows.map((r) => el("tr", { "data-dimension": r.id, "data-change": r.change ===
        null ? "" : String(r.change) }, cells(r))));
      // The caption sits above the scroll box, not in it, so that on a phone it wraps with the page.
      compared.append(el("p", { "class": "lh-attempt-caption", id: captionId }, el("strong", null, caption)),
        el("div", { "class": "lh-table-scroll", tabindex: "0", role: "region", "aria-labelledby": captionId },
          el("table", { "class": "lh-table", "aria-labelledby": captionId }, head, body)),
        pairsChart(rows, caption, [when(older.saved), when(newer.saved)]), el("p", { "class": "lh-results-title" },
          el("strong", null, judged ? "What next, from this comparison" : "What changed, from this comparison")));
      compared.appendChild(el("ul", { "class": "lh-attempt-next" }, A.whatMoved(rows, judged ?
        ctx.instrument.dimensions : null).map((n) => el("li", { "data-moved": n.improved === null ? "" : n.improved
        ? "up" : "down", text: n.text }))));
    }
    /* Each figure's earlier and later values as a pair of bars on that figure's own scale (the instrument's where it
       has one, such as 1 to 5; else from zero to the larger size), values printed beside them; the two are told
       apart by place (earlier above), a word before each bar and a pattern, named in the legend. The evaluation's
       intervals are lines with end ticks. Drawn at the box's width, one unit a pixel, so text stays 13 px. */
    function pairsChart(rows, caption, dates) {
      const width = Math.round(Math.min(720, Math.max(240, compared.clientWidth || 0))), tag = 58;
      const longest = Math.max(...rows.flatMap((r) => [r.before, r.after].map((v) => A.writer(r).value(v).length)));
      const valueW = Math.min(120, Math.ceil(longest * 7.5) + 12);  // the values' column, about 7.5 px a character
      const left = tag, right = width - valueW, block = 96, top = 56, height = top + rows.length * block;
      const chart = LH.svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "class": "lh-chart lh-change",
        "aria-label": caption + ". " + rows.map((r) => r.label + ": earlier " + withInterval(r.earlier, A.writer(r)) +
          ", later " + withInterval(r.later, A.writer(r))).join("; ") });
      const put = (name, attrs) => chart.appendChild(LH.svg(name, attrs));
      ["Earlier", "Later"].forEach((word, i) => {  // the legend; a phone has the dates in the caption only
        put("rect", { x: 1, y: 6 + i * 22, width: 28, height: 14, "class": "lh-bar lh-attempt-" + word.toLowerCase() });
        put("text", { x: 36, y: 18 + i * 22, "class": "lh-label", text: word + (i ? ": lower, filled bar"
          : ": upper, outlined bar") + (width >= 480 ? " (" + dates[i] + ")" : "") });
      });
      rows.forEach((r, n) => {
        const y = top + n * block, w = A.writer(r), [lo, hi] = scaleOf(r), base = lo > 0 ? lo : 0;
        const x = (v) => left + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo || 1)) * (right - left);
        const fits = Math.floor(width / 7.5), label = Array.from(r.label);  // about 7.5 px a character at 13 px
        put("text", { x: 0, y: y + 13, "class": "lh-label lh-attempt-figure", text: label.length > fits
          ? label.slice(0, fits - 1).join("") + "\u2026" : r.label });
        [[r.earlier, "Earlier"], [r.later, "Later"]].forEach(([figure, word], i) => {
          const cy = y + 30 + i * 24, v = figure.value;
          put("text", { x: 0, y: cy + 5, "class": "lh-axis", text: word });
          if (v !== null && v !== undefined) {
            put("rect", { x: Math.min(x(base), x(v)), y: cy - 8, width: Math.max(2, Math.abs(x(v) - x(base))),
              height: 16, "class": "lh-bar lh-attempt-" + word.toLowerCase(), "data-value": String(v) });
          }
          if (figure.low !== undefined && figure.low !== null) {  // the 95% interval: a line with end ticks
            put("line", { x1: x(figure.low), x2: x(figure.high), y1: cy, y2: cy, "class": "lh-attempt-interval" });
            for (const end of [figure.low, figure.high]) {
              put("line", { x1: x(end), x2: x(end), y1: cy - 6, y2: cy + 6, "class": "lh-attempt-interval" });
            }
          }
          put("text", { x: right + 6, y: cy + 5, "class": "lh-value", text: judged && v === null ? "Not scored"
            : w.value(v) });
        });
        put("line", { x1: x(base), x2: x(base), y1: y + 18, y2: y + 66, "class": "lh-grid" });
        put("text", { x: x(lo), y: y + 84, "class": "lh-axis", text: w.value(lo) });
        put("text", { x: x(hi), y: y + 84, "text-anchor": "end", "class": "lh-axis", text: w.value(hi) });
      });
      return chart;
    }
    /* A figure's scale: the instrument's answer scale for a score (1 to 5), 0 to 100 for the audit's percents,
       otherwise zero and the values and intervals of both attempts, so negative figures have room left of zero. */
    function scaleOf(r) {
      const ins = ctx.instrument;
      if (r.unit === "score" && ins.scale) return [ins.scale.min, ins.scale.max];
      if (r.unit === "score" && ins.scales) return [1, Math.max(...ins.scales.map((s) => s.labels.length))];
      if (kindName === "programme_audit") return [0, 100];
      const seen = [r.earlier, r.later].flatMap((f) => [f.value, f.low, f.high]).filter((v) => typeof v === "number");
      const lo = Math.min(0, ...seen), hi = Math.max(0, ...seen);
      return hi === lo ? [lo, lo + 1] : [lo, hi];
    }
    // A file the reader downloaded: checked as the group debrief checks one, then offered back, never applied unasked.
    file.addEventListener("change", () => {
      const picked = file.files[0];
      file.value = "";
      if (!picked) return;
      say("Reading the file\u2026");
      loadChecks().then(() => readFile(picked), () => say("That file was not loaded: the page could not fetch " +
        "its checks for a file (is the connection down?). Try again in a moment.", true));
    });
    function readFile(picked) {
      const tooBig = LH.group.sizeProblem(picked.size);
      if (tooBig) return say("That file was not loaded. " + tooBig, true);
      const reader = new FileReader();
      reader.onload = () => {
        const checked = A.checkFile(String(reader.result), picked.size, ctx.instrument, kindName, part);
        if (!checked.ok) { clear(); return say("That file was not loaded. " + checked.problem, true); }
        say("The file holds answers and " + checked.attempts.length + " saved attempts. Nothing is changed yet.");
        showOffer([LH.button("Restore them", () => restore(checked)), " ", LH.button("Not now", () => {
          clear(); say("The file was not used."); })], 600);
      };
      reader.onerror = () => say("That file could not be read.", true);
      reader.readAsText(picked);
    }
    // Your answers now are kept as an attempt first, so restoring a file loses nothing (the form's undo also works).
    function restore(checked) {
      clear();
      const now = kind.read(), fresh = answered(now) && !attempts.some((a) => LH.storage.equal(a.answers, now));
      keep(A.merge(fresh ? A.add(attempts, now, new Date()) : attempts, checked.attempts), "");
      const message = "The answers from the file were put in the form" + (fresh ? "; your previous answers were " +
        "saved as an attempt." : ".");
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
})();
