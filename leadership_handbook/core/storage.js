/* Where a form's answers are kept: one localStorage key per form, `lh:<id>[:<part>]:<digest>` (made by
   core/templates.py), holding {version, saved, answers}. No DOM: the merge and checks are pure functions, and
   formSync drives a kind's read/write, so Node's test runner (tests/js/storage.test.js) covers it all.
   Nothing here ever erases another key: a value this page cannot use is set aside, never deleted. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (window.LH = window.LH || {}).storage = factory();
})(function () {
  "use strict";

  const VERSION = 1, SET_ASIDE = ":set-aside";
  const MESSAGES = {
    restored: "Your saved answers were restored from this browser.",
    partly: "Your saved answers were restored, except some that do not fit this exercise (a question it does not " +
      "have, or a value outside its options). A copy of what was saved is kept in this browser.",
    unreadable: "The answers saved in this browser for this exercise could not be read (the stored copy is " +
      "damaged, or was written by a newer version of this page), so they were not loaded. The copy is kept in " +
      "this browser; your new answers are saved as you go.",
    older: "Answers you saved{date} for an earlier version of this exercise were not loaded: the exercise has " +
      "changed since, so they may not fit. They are still kept in this browser.",
    blocked: "This browser does not let the page keep your answers (its storage is switched off, as in some " +
      "private windows). The exercise still works, but your answers will be gone when you leave or reload the " +
      "page: download them to keep them.",
    full: "Your latest answers could not be saved: this browser's storage for this site is full. The exercise " +
      "still works and nothing saved before was removed; download your answers to keep them.",
    again: "Your answers are saved in this browser again.",
    merged: "Answers you gave in another tab or window were kept as well.",
    updated: "Your answers were updated with those you gave in another tab or window.",
    cleared: "Your answers were cleared in another tab or window.",
    saved: "Your answers are saved in this browser.",
  };

  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

  // Deep equality of JSON values; the order of an object's keys does not matter.
  function equal(a, b) {
    if (a === b) return true;
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
    }
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
  }

  /* Three-way merge of answers: `base` is what this form last read from or wrote to storage, `mine` the form
     now, `theirs` what another tab has saved since. What only one side changed is kept; where both changed the
     same answer, this form's wins (the reader is typing here). Rows added at the end by one side are kept. */
  function merge3(base, mine, theirs) {
    if (equal(mine, base) || equal(mine, theirs)) return theirs;
    if (equal(theirs, base)) return mine;
    if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
      const out = {};
      for (const k of new Set(Object.keys(mine).concat(Object.keys(theirs)))) {
        const value = merge3(base[k], mine[k], theirs[k]);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
      const n = base.length, longer = mine.length > theirs.length ? mine : theirs;
      const inPlace = (a) => a.length === n;
      if (inPlace(mine) && inPlace(theirs) || (inPlace(mine) || inPlace(theirs)) && longer.length > n) {
        return longer.map((x, i) => (i < n ? merge3(base[i], mine[i], theirs[i]) : x));
      }
    }
    return mine;
  }

  // What a stored string holds: "none", "unreadable" (not JSON, not an entry, or from a newer page), or "ok".
  function parseEntry(raw) {
    if (raw === null || raw === undefined) return { state: "none" };
    let entry;
    try { entry = JSON.parse(raw); } catch (e) { return { state: "unreadable" }; }
    if (!isPlainObject(entry) || !isPlainObject(entry.answers)) return { state: "unreadable" };
    const version = entry.version === undefined ? 0 : entry.version;  // entries before versions are version 0
    if (typeof version !== "number" || version > VERSION) return { state: "unreadable" };
    return { state: "ok", entry: { version, saved: entry.saved, answers: entry.answers } };
  }
  const makeEntry = (answers, now) => ({ version: VERSION, saved: now.toISOString(), answers });

  // Keys of the same form saved against another version of its instrument (another digest).
  function olderVersionKeys(keys, key) {
    const [prefix, id, ...rest] = key.split(":"), part = rest.length > 1 ? rest[0] : null;
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const same = new RegExp("^" + prefix + ":" + escape(id) + (part ? "(:" + escape(part) + ")?" : "") +
      ":[0-9a-f]{10}$");
    return keys.filter((k) => k !== key && same.test(k));
  }

  // How many answers differ between two values of a form (a leaf is a scalar or a list of scalars).
  function filled(blank, value) {
    if (equal(blank, value)) return 0;
    const leaf = (x) => !isPlainObject(x) && !(Array.isArray(x) && x.some((y) => y !== null && typeof y === "object"));
    if (leaf(blank) || leaf(value)) return 1;
    let n = 0;
    for (const k of new Set(Object.keys(blank).concat(Object.keys(value)))) n += filled(blank[k], value[k] ?? null);
    return n;
  }

  /* A Storage (localStorage) that never throws: read gives {raw, problem}, write gives a problem or null.
     "blocked" (storage switched off, or refusing even when empty as some private windows do) keeps values in
     memory for this page; "full" is a full quota. */
  function openStore(getStorage) {
    const memory = new Map();
    const storage = () => { try { return getStorage() || null; } catch (e) { return null; } };  // may throw when off
    const isFull = (e) => e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      e.code === 22 || e.code === 1014);
    return {
      read(key) {
        const s = storage(), remembered = { raw: memory.has(key) ? memory.get(key) : null, problem: "blocked" };
        try { return s ? { raw: s.getItem(key), problem: null } : remembered; } catch (e) { return remembered; }
      },
      write(key, raw) {
        const s = storage();
        memory.set(key, raw);
        try { if (s) { s.setItem(key, raw); return null; } } catch (e) {
          let empty = true;
          try { empty = s.length === 0; } catch (e2) { /* refused as well */ }
          return isFull(e) && !empty ? "full" : "blocked";  // "full" when empty is a private window's storage
        }
        return "blocked";
      },
      remove(key) {
        memory.delete(key);
        const s = storage();
        try { if (s) s.removeItem(key); } catch (e) { /* switched off: nothing stored to remove */ }
      },
      keys() {
        const s = storage(), out = [];
        try { for (let i = 0; s && i < s.length; i++) out.push(s.key(i)); } catch (e) { /* switched off */ }
        return out;
      },
    };
  }

  const dated = (saved) => (isNaN(new Date(saved)) ? "" : " on " + new Date(saved).toLocaleDateString("en-GB",
    { day: "numeric", month: "long", year: "numeric" }));

  /* One form's storage. kind: {read, write, clear} of the form; each method returns what to tell the reader,
     {message, problem}, or null for nothing to say. */
  function formSync({ store, key, formerKeys = [], kind, now = () => new Date() }) {
    const blank = kind.read();  // the form as the page drew it
    let base = blank, problem = null;
    // Put answers in the form; false if some did not fit (the form then holds what did).
    function put(answers) {
      try { kind.write(answers); } catch (e) { kind.write(blank); return false; }
      return equal(kind.read(), answers);
    }
    function setAside(raw) {
      if (store.read(key + SET_ASIDE).raw === null) store.write(key + SET_ASIDE, raw);
    }
    const say = (name, extra) => ({ message: MESSAGES[name].replace("{date}", extra || ""),
      problem: name === "blocked" || name === "full" });
    function write(answers) {
      const failed = store.write(key, JSON.stringify(makeEntry(answers, now())));
      if (failed) {
        const fresh = failed !== problem;
        problem = failed;
        return fresh ? say(failed) : null;
      }
      base = answers;
      if (problem) { problem = null; return say("again"); }
      return null;
    }
    // The former key that fills most of this form (for a part, the shared key held another part's answers).
    function migrate() {
      let best = null, most = 0;
      for (const former of formerKeys) {
        const parsed = parseEntry(store.read(former).raw);
        if (parsed.state !== "ok") continue;
        put(parsed.entry.answers);
        const n = filled(blank, kind.read());
        if (n > most) { best = parsed.entry.answers; most = n; }
      }
      put(best || blank);
      return best ? write(kind.read()) || say("restored") : null;
    }
    function load() {
      const got = store.read(key);
      if (got.problem) { problem = got.problem; return say(got.problem); }
      const parsed = parseEntry(got.raw);
      if (parsed.state === "ok") {
        base = parsed.entry.answers;
        if (put(base)) return say("restored");
        setAside(got.raw);
        return say("partly");
      }
      if (parsed.state === "unreadable") { setAside(got.raw); return say("unreadable"); }
      const migrated = migrate();
      if (migrated) return migrated;
      const older = olderVersionKeys(store.keys(), key).filter((k) => !formerKeys.includes(k))
        .map((k) => parseEntry(store.read(k).raw)).filter((p) => p.state === "ok");
      if (!older.length) return null;
      const newest = older.map((p) => String(p.entry.saved || "")).sort().pop();
      return say("older", dated(newest));
    }
    function save() {
      let mine = kind.read(), note = null;
      const got = store.read(key), parsed = parseEntry(got.raw);
      if (parsed.state === "ok" && !equal(parsed.entry.answers, base)) {
        // Another tab (or another copy of this form) saved since this form last did: keep what it changed.
        const merged = merge3(base, mine, parsed.entry.answers);
        if (!equal(merged, mine)) { put(merged); mine = kind.read(); note = say("merged"); }
      } else if (parsed.state === "unreadable") setAside(got.raw);
      return write(mine) || note;
    }
    // Another tab or form wrote this key (raw is the new value, null once cleared there).
    function external(raw) {
      const parsed = parseEntry(raw);
      if (parsed.state === "none") {
        const before = kind.read();
        kind.clear();
        base = kind.read();
        return equal(before, base) ? null : say("cleared");
      }
      if (parsed.state !== "ok") return null;
      const theirs = parsed.entry.answers, mine = kind.read(), merged = merge3(base, mine, theirs);
      base = theirs;
      if (equal(merged, mine)) return null;
      put(merged);
      if (!equal(kind.read(), theirs)) save();  // this form held answers the other did not: keep them stored
      return say("updated");
    }
    function clear() { store.remove(key); kind.clear(); base = kind.read(); }
    // What the Save button says: the same sentence as a problem while there is one.
    const status = () => (problem ? say(problem) : say("saved"));
    return { load, save, external, clear, status };
  }

  // The JSON download (read back by the group debrief); currency: the reader's choice, else the instrument's.
  const FORMAT = "beyond-the-course-answers", FORMAT_VERSION = 1;
  function exportPayload({ kind, instrument, part = null, now, answers, results = {}, attempts = [] }) {
    const version = [instrument.schema_version, instrument.version].find((v) => v !== undefined && v !== null);
    const chosen = answers && typeof answers.currency === "string" ? answers.currency.trim() : "";
    return { format: FORMAT, format_version: FORMAT_VERSION, kind, instrument: instrument.id,
      instrument_version: version === undefined ? null : version, part: part || null, exported: now.toISOString(),
      currency: chosen || instrument.currency || null, answers, results: results || {}, attempts: attempts || [] };
  }
  const exportName = (id, part, now, ext) => id + (part ? "-" + part : "") + "-" + [now.getFullYear(),
    now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-") + "." + ext;
  // File names end in the reader's own date (YYYY-MM-DD). A kind's CSV rows (a header row first) get the exercise,
  // its version, currency and date on every row.
  const EXPORT_COLUMNS = ["Exercise", "Part", "Exercise version", "Currency", "Exported (UTC)"];
  function exportRows(rows, payload) {
    const [head = [], ...body] = rows, p = payload, v = p.instrument_version;
    const about = [p.instrument, p.part || "", v === null ? "" : String(v), p.currency || "", p.exported];
    return [head.concat(EXPORT_COLUMNS)].concat(body.map((row) => row.concat(about)));
  }
  // A cell quoted only when it must be; text a spreadsheet would run as a formula (=, +, -, @) gets a leading '.
  const csvCell = (v) => {
    const t = v === null || v === undefined ? "" : /^[=+\-@\t\r]/.test(v) && isNaN(Number(v)) ? "'" + v : String(v);
    return /[",\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  };
  const toCSV = (rows) => rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";

  return { VERSION, SET_ASIDE, MESSAGES, FORMAT, FORMAT_VERSION, exportPayload, exportName, exportRows, toCSV, equal,
    merge3, parseEntry, makeEntry, olderVersionKeys, filled, openStore, formSync };
});
