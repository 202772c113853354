/* Dated attempts of one form, pure part (no DOM): kept under the sibling key `<form key>:attempts` as
   {version, attempts: [{saved, answers}]}, oldest first. Add, remove and put back an attempt, compare the scores
   of two, say what moved, and check a downloaded answers file with the group debrief's own checks (core/group.js)
   before its answers and attempts are offered back. Node's test runner covers it (tests/js/attempts.test.js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(() => require("./group.js"));
  else {
    const LH = (window.LH = window.LH || {});
    LH.rules = LH.rules || {};  // core/group_kinds.js, loaded next, reads the kinds' rules from this object
    LH.attempts = factory(() => LH.group);
  }
})(function (group) {
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
  // Attempts from a file join those kept here; one with the same date and answers is not added twice.
  function merge(kept, incoming) {
    const seen = new Set(kept.map((a) => JSON.stringify([a.saved, a.answers])));
    const fresh = incoming.filter((a) => !seen.has(JSON.stringify([a.saved, a.answers])));
    return kept.concat(fresh).sort(bySaved);
  }

  // Two attempts' scores ([{id, label, score|null}] each) side by side; change is null when either is unscored.
  function compare(before, after) {
    return before.map((b) => {
      const a = after.find((x) => x.id === b.id) || { score: null };
      const change = b.score === null || a.score === null ? null : Math.round((a.score - b.score) * 100) / 100;
      return { id: b.id, label: b.label, before: b.score, after: a.score, change };
    });
  }
  /* One sentence per dimension that moved by MOVED or more either way; a fall carries the instrument's next step
     for that dimension. The rest are named together, so the reader sees every dimension accounted for. */
  function whatMoved(rows, dimensions, format2) {
    const f = format2 || ((v) => v.toFixed(2));
    const notes = [], still = [];
    for (const row of rows) {
      const dim = (dimensions || []).find((d) => d.id === row.id) || {};
      if (row.change === null) { still.push(row.label + " (not scored in both)"); continue; }
      if (Math.abs(row.change) < MOVED) { still.push(row.label); continue; }
      const up = row.change > 0, from = " from " + f(row.before) + " to " + f(row.after) + ".";
      notes.push({ id: row.id, improved: up, text: up ? row.label + " improved by " + f(row.change) + from +
        " Keep doing what moved it." : row.label + " did not improve: it fell by " + f(-row.change) + from +
        (dim.next_step ? " Next step: " + dim.next_step : "") });
    }
    if (still.length) {
      notes.push({ id: null, improved: null, text: "Moved by less than " + f(MOVED) + " either way: " +
        still.join(", ") + "." });
    }
    return notes;
  }

  /* A downloaded file, checked as the group debrief checks one (size, format, exercise, version, part, answers),
     then each of its attempts the same way. {ok, answers, attempts} or {ok: false, problem}. */
  function checkFile(text, bytes, instrument, kind, part) {
    const g = group(), refuse = (problem) => ({ ok: false, problem });
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
      if (!again.ok) return refuse("Attempt " + (i + 1) + " in it: " + again.problem);
      attempts.push({ saved: new Date(one.saved).toISOString(), answers: again.clean });
    }
    return { ok: true, answers: checked.clean, attempts: attempts.sort(bySaved), exported: checked.exported };
  }

  return { VERSION, SUFFIX, MAX_ATTEMPTS, MOVED, parse, serialise, add, remove, putBack, merge, compare, whatMoved,
    checkFile };
});
