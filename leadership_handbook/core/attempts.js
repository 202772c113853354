/* Dated attempts of one form, pure part (no DOM): kept under the sibling key `<form key>:attempts` as
   {version, attempts: [{saved, answers}]}, oldest first. Add, remove and put back an attempt, compare the figures
   of two (each kind's rules.attemptFigures), say what moved, and check a downloaded answers file with the group
   debrief's own checks (core/group.js, loaded on demand: core/attempts_view.js) before its answers and attempts
   are offered back. Node's test runner covers it (tests/js/attempts*.test.js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(() => {
      require("./attempt_checks.js");  // the kinds the group view does not summarise, added to its adapters
      return { group: require("./group.js"), kinds: require("./group_kinds.js") };
    }, require("./formatting.js"));
  } else {
    const LH = (window.LH = window.LH || {});
    LH.rules = LH.rules || {};  // core/group_kinds.js, loaded on demand, reads the kinds' rules from this object
    LH.attempts = factory(() => ({ group: LH.group, kinds: LH.groupKinds }), LH.format);
  }
})(function (checks, format) {
  "use strict";
  const VERSION = 1, SUFFIX = ":attempts", MAX_ATTEMPTS = 200, MOVED = 0.5;
  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const validDate = (s) => typeof s === "string" && !isNaN(new Date(s));
  const isAttempt = (a) => isPlainObject(a) && validDate(a.saved) && isPlainObject(a.answers);
  const bySaved = (a, b) => (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0);

  // What the stored string holds: "none", "unreadable" (kept aside by the page, never deleted) or "ok".
  function parse(raw) {
    if (raw === null || raw === undefined) return { state: "none", attempts: [] };
    let data;
    try { data = JSON.parse(raw); } catch (e) { return { state: "unreadable", attempts: [] }; }
    if (!isPlainObject(data) || data.version !== VERSION || !Array.isArray(data.attempts) ||
      !data.attempts.every(isAttempt)) return { state: "unreadable", attempts: [] };
    return { state: "ok", attempts: data.attempts.slice().sort(bySaved) };
  }
  const serialise = (attempts) => JSON.stringify({ version: VERSION, attempts });

  const add = (attempts, answers, now) => attempts.concat([{ saved: now.toISOString(), answers }]).sort(bySaved);
  function remove(attempts, index) {
    return { attempts: attempts.filter((_, i) => i !== index), removed: attempts[index] };
  }
  const putBack = (attempts, removed) => attempts.concat([removed]).sort(bySaved);
  /* How many fields hold something other than the blank form's value at the same place (`blank`, the kind's
     empty(): the ROI's cost categories, the evaluation's design), so a form left as it came counts 0. */
  function answered(answers, blank) {
    if (typeof answers === "string") return answers.trim() && answers !== blank ? 1 : 0;
    if (typeof answers === "number") return answers !== blank ? 1 : 0;
    if (answers === null || typeof answers !== "object") return 0;
    const inner = (key) => (blank !== null && typeof blank === "object" ? blank[key] : undefined);
    return Object.keys(answers).reduce((n, key) => n + answered(answers[key], inner(key)), 0);
  }
  // Attempts from a file join those kept here; one with the same date and answers is not added twice.
  function merge(kept, incoming) {
    const seen = new Set(kept.map((a) => JSON.stringify([a.saved, a.answers])));
    const fresh = incoming.filter((a) => !seen.has(JSON.stringify([a.saved, a.answers])));
    return kept.concat(fresh).sort(bySaved);
  }

  /* Two attempts' figures (a kind's rules.attemptFigures: [{id, label, value|null, unit, moved}] each) side by
     side; change is null when either is missing. A figure's `moved` (the smallest change worth a sentence on its
     scale) is the earlier attempt's, so one comparison uses one yardstick. */
  function compare(before, after) {
    return before.map((b) => {
      const a = after.find((x) => x.id === b.id) || { value: null };
      const change = b.value === null || a.value === null ? null : Math.round((a.value - b.value) * 100) / 100;
      return Object.assign({}, b, { before: b.value, after: a.value, change, moved: b.moved || MOVED, earlier: b,
        later: a });
    });
  }
  /* How one compared figure is written: as its kind's page writes it (money in its currency, a percent, a count, two
     decimals otherwise), a true minus with a word joiner (core/formatting.js), and the earlier, later and change
     values to the same decimals, those of the most precise ("23.20%" beside "13.59%", never "23.2%"). */
  const MINUS = "\u2212\u2060", commas = (t) => t.replace(/^\d+/, (w) => w.replace(/\B(?=(\d{3})+$)/g, ","));
  function writer(row) {
    const r2 = format.round2, given = [row.before, row.after, row.change].filter((v) => typeof v === "number");
    const places = (v, t = Math.abs(r2(v)).toFixed(2)) => (t.endsWith("00") ? 0 : t.endsWith("0") ? 1 : 2);
    const most = Math.max(0, ...given.map((v) => places(v))), dp = row.unit === "money" ? (most ? 2 : 0) : most;
    const sign = (v) => (r2(v) < 0 ? MINUS : ""), fixed = (v, d) => sign(v) + commas(Math.abs(r2(v)).toFixed(d));
    const value = (v) => (v === null || v === undefined ? "Not worked out" : row.unit === "money" ? sign(v) +
      (row.currency || "") + fixed(Math.abs(v), dp) : row.unit === "percent" ? fixed(v, dp) + "%"
      : row.unit === "count" ? fixed(v, 0) : format.number2(v));
    // The size of a change, in points for a percent (23% to 28% is 5 points, not 5%).
    const size = (v) => (row.unit === "percent" ? fixed(Math.abs(v), dp) + " points" : value(Math.abs(v)));
    const signed = (v) => (v === null ? "" : (r2(v) > 0 ? "+" : r2(v) < 0 ? MINUS : "") + size(v));
    return { value, size, signed };
  }

  /* One sentence per figure that moved by its `moved` or more either way. With the self-assessment's dimensions, a
     rise "improved" and a fall carries that dimension's next step; other kinds' figures rose or fell (more is not
     always better: more barriers logged). The rest are named together, so every figure is accounted for. */
  function whatMoved(rows, dimensions, write) {
    const f = write || ((v, row, what) => (!row ? format.number2(v) : what === "change" ? writer(row).size(v)
      : writer(row).value(v))), judged = Array.isArray(dimensions);
    const notes = [], still = [];
    for (const row of rows) {
      const dim = (dimensions || []).find((d) => d.id === row.id) || {};
      if (row.change === null) { still.push(row.label + " (not " + (judged ? "scored" : "worked out") + " in both)");
        continue; }
      if (Math.abs(row.change) < (row.moved || MOVED)) { still.push(row.label); continue; }
      const up = row.change > 0, from = " from " + f(row.before, row) + " to " + f(row.after, row) + ".";
      const by = f(Math.abs(row.change), row, "change");  // a change may be written unlike a value (in points)
      if (!judged) { notes.push({ id: row.id, improved: up, text: row.label + (up ? " rose by " : " fell by ") + by +
        from }); continue; }
      notes.push({ id: row.id, improved: up, text: up ? row.label + " improved by " + by + from +
        " Keep doing what moved it." : row.label + " did not improve: it fell by " + by + from +
        (dim.next_step ? " Next step: " + dim.next_step : "") });
    }
    if (still.length) {
      notes.push({ id: null, improved: null, text: (judged ? "Moved by less than " + f(MOVED) + " either way: "
        : "Changed by less than the smallest step worth noting: ") + still.join(", ") + "." });
    }
    return notes;
  }

  /* A downloaded file, checked as the group debrief checks one (size, format, exercise, version, part, answers),
     then each of its attempts the same way. {ok, answers, attempts} or {ok: false, problem}, answers in the page's
     own layout. The checks must be loaded first (`ready()`; core/attempts_view.js loads them on demand). */
  const ready = () => !!checks().group;
  function checkFile(text, bytes, instrument, kind, part) {
    const g = checks().group, adapter = checks().kinds.adapters[kind], refuse = (problem) => ({ ok: false, problem });
    // Once checked, the file's own answers go back (the same as the page saved them, so a file loaded back on the
    // device that made it adds no attempt twice); kinds that keep more than answers rebuild that part.
    const shaped = (answers, clean) => (adapter && adapter.page ? adapter.page(instrument, part, answers, clean)
      : answers);
    const tooBig = g.sizeProblem(bytes);
    if (tooBig) return refuse(tooBig);
    const instruments = { [instrument.id]: Object.assign({}, instrument, { kind }) };
    const checked = g.checkFile(text, instruments);
    if (!checked.ok) return refuse(checked.problem);
    if ((checked.part || null) !== (part || null)) {
      return refuse("It holds answers to another part of this exercise (" + String(checked.part) + ").");
    }
    const data = JSON.parse(text), listed = data.attempts === undefined ? [] : data.attempts;
    if (!Array.isArray(listed)) return refuse("Its attempts are not a list.");
    if (listed.length > MAX_ATTEMPTS) return refuse("It has more than " + MAX_ATTEMPTS + " attempts.");
    const attempts = [];
    for (let i = 0; i < listed.length; i++) {
      const one = listed[i];
      if (!isPlainObject(one) || !validDate(one.saved)) {
        return refuse("Attempt " + (i + 1) + " in it has no date it was saved.");
      }
      const again = g.checkFile(JSON.stringify(Object.assign({}, data, { answers: one.answers })), instruments);
      if (!again.ok && again.empty) continue;  // an attempt of only "Don't know"s: nothing to keep
      if (!again.ok) return refuse("Attempt " + (i + 1) + " in it: " + again.problem);
      attempts.push({ saved: new Date(one.saved).toISOString(), answers: shaped(one.answers, again.clean) });
    }
    return { ok: true, answers: shaped(data.answers, checked.clean), attempts: attempts.sort(bySaved),
      exported: checked.exported };
  }

  return { VERSION, SUFFIX, MAX_ATTEMPTS, MOVED, parse, serialise, add, remove, putBack, answered, merge, compare,
    writer, whatMoved, ready, checkFile };
});
