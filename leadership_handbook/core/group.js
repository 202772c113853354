/* The group debrief, pure part (no DOM, no storage): check each participant's answers file, drop repeats,
   group the files by exercise and re-score them with each kind's rules (core/group_kinds.js), and summarise the
   group: median and quartiles per score, the share choosing each answer, the most split items, and a CSV of the
   aggregate only. Nothing here reads a name, and no text from a file is ever treated as code. */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./formatting.js"), require("./group_kinds.js"));
  } else {
    const LH = window.LH;
    LH.group = factory(LH.format, LH.groupKinds);
  }
})(function (format, groupKinds) {
  "use strict";
  const FORMAT = "beyond-the-course-answers", FORMAT_VERSION = 1;
  const MAX_FILE_BYTES = 1000000, MAX_FILES = 500, MIN_THRESHOLD = 3, DEFAULT_THRESHOLD = 5;
  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  // Text from a file, quoted and cut short, for a message (shown with textContent only).
  const quote = (value) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const shown = Array.from(String(text)).slice(0, 60).join("");
    return "\u201c" + shown + (shown.length < String(text).length ? "\u2026" : "") + "\u201d";
  };

  // A 53-bit content hash (cyrb53): the same file picked twice has the same hash; not a security measure.
  function contentHash(text) {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
  }

  function sizeProblem(bytes) {
    if (bytes > MAX_FILE_BYTES) {
      return "It is " + format.format2(bytes / 1e6) + " MB; an answers file is a few kilobytes, and this page " +
        "reads files of up to 1 MB. It was not opened.";
    }
    return bytes === 0 ? "It is empty." : null;
  }

  // The threshold a facilitator typed, as a whole number never below MIN_THRESHOLD, with a reason if changed.
  function clampThreshold(raw) {
    const value = Number(raw);
    if (raw === "" || raw === null || !Number.isInteger(value)) {
      return { value: DEFAULT_THRESHOLD, message: "The smallest group must be a whole number; " +
        DEFAULT_THRESHOLD + " is used." };
    }
    if (value < MIN_THRESHOLD) {
      return { value: MIN_THRESHOLD, message: "The smallest group is never below " + MIN_THRESHOLD +
        ", so that no one's answers can be picked out; " + MIN_THRESHOLD + " is used." };
    }
    return { value, message: "" };
  }

  const groupKey = (instrumentId, part) => instrumentId + (part ? ":" + part : "");

  // One file's text -> {ok, key, instrument, part, clean, answered} or {ok: false, problem}.
  function checkFile(text, instruments) {
    const refuse = (problem) => ({ ok: false, problem });
    let data;
    try { data = JSON.parse(text); } catch (error) {
      return refuse("It is not an answers file: its text is not JSON. Ask for the JSON download of the exercise.");
    }
    if (isPlainObject(data) && !own(data, "format") && own(data, "storage_key") && own(data, "answers")) {
      return refuse("It is an answers file in the handbook's older format, which does not say which version of " +
        "the exercise it holds. Ask for a new download from the exercise page.");
    }
    if (!isPlainObject(data) || !own(data, "format")) {
      return refuse("It is JSON but not an answers file from this handbook (it has no \u201cformat\u201d field).");
    }
    if (data.format !== FORMAT) {
      return refuse("Its format is " + quote(data.format) + ", not an answers file of this handbook.");
    }
    if (data.format_version !== FORMAT_VERSION) {
      return refuse("It is in version " + quote(data.format_version) + " of the answers format; this page reads " +
        "version " + FORMAT_VERSION + ".");
    }
    const ids = Object.keys(instruments);
    const instrument = typeof data.instrument === "string" && own(instruments, data.instrument) ?
      instruments[data.instrument] : null;
    if (!instrument) {
      return refuse("It holds answers to another exercise (" + quote(data.instrument) + "); this page reads " +
        ids.join(", ") + ".");
    }
    const adapter = groupKinds.adapters[instrument.kind];
    if (data.kind !== instrument.kind || !adapter) {
      return refuse("Its kind " + quote(data.kind) + " is not the kind of " + instrument.id + " (" + instrument.kind +
        ").");
    }
    const version = own(instrument, "schema_version") ? instrument.schema_version : instrument.version;
    if (data.instrument_version !== version) {
      return refuse("It was made with another version of " + instrument.id + " (" + quote(data.instrument_version) +
        "; this page uses version " + version + "). Ask for a new download from the current page.");
    }
    const parts = (instrument.parts || []).map((p) => p.id);
    const part = data.part === undefined ? null : data.part;
    if (parts.length ? !parts.includes(part) : part !== null) {
      return refuse("Its part " + quote(part) + " is not " + (parts.length ? "one of " + parts.join(", ") :
        "used by " + instrument.id) + ".");
    }
    let clean;
    try { clean = adapter.clean(instrument, part, own(data, "answers") ? data.answers : undefined); } catch (error) {
      // Any failure is this file's problem, never the view's: answers of an unexpected shape are refused too.
      if (error.name !== "InputError") return refuse("Its answers are not laid out as this exercise's are.");
      const where = error.item_id ? " (" + quote(error.item_id) + ")" : "";
      return refuse("An answer" + where + " cannot be used: " + Array.from(error.message).slice(0, 160).join("") +
        ". The file may have been edited or made for another version.");
    }
    const answered = adapter.answered(clean);
    if (!answered) return Object.assign(refuse("It holds no answers."), { empty: true });  // attempts.js skips such
    const exported = typeof data.exported === "string" ? data.exported : "";
    return { ok: true, key: groupKey(instrument.id, part), instrument: instrument.id, part, clean, answered,
      exported, same_download: JSON.stringify([groupKey(instrument.id, part), exported, clean]) };
  }

  // entries: [{name, size, text}] (text null when not read). Returns the per-file report and the groups.
  function collect(entries, instruments) {
    const seenHash = {}, seenDownload = {}, groups = {}, files = [];
    entries.forEach((entry, index) => {
      const number = index + 1, row = { number, name: String(entry.name || ""), status: "refused", message: "" };
      files.push(row);
      if (number > MAX_FILES) { row.message = "This page reads at most " + MAX_FILES + " files at once."; return; }
      const tooBig = sizeProblem(entry.size);
      if (tooBig || typeof entry.text !== "string") { row.message = tooBig || "It could not be read."; return; }
      const hash = contentHash(entry.text);
      if (own(seenHash, hash)) {
        row.status = "duplicate";
        row.message = "The same file as file " + seenHash[hash] + ": counted once.";
        return;
      }
      seenHash[hash] = number;
      const checked = checkFile(entry.text, instruments);
      if (!checked.ok) { row.message = checked.problem; return; }
      if (own(seenDownload, checked.same_download)) {
        row.status = "duplicate";
        row.message = "The same download as file " + seenDownload[checked.same_download] + ": counted once.";
        return;
      }
      seenDownload[checked.same_download] = number;
      row.status = "used";
      row.group = checked.key;
      row.message = "Used: " + checked.answered + " answers.";
      const group = groups[checked.key] || (groups[checked.key] = { key: checked.key, instrument: checked.instrument,
        part: checked.part, cleans: [], exported: [] });
      group.cleans.push(checked.clean);
      if (checked.exported) group.exported.push(checked.exported);
    });
    // In the page's order of exercises, and of parts within one (so a kit's day comes before its follow-up).
    const ids = Object.keys(instruments);
    const rank = (g) => [ids.indexOf(g.instrument), (instruments[g.instrument].parts || []).findIndex((p) =>
      p.id === g.part)];
    const ordered = Object.values(groups).sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
    return { files, groups: ordered };
  }

  // Quantile with linear interpolation between order statistics (spreadsheets' QUARTILE.INC, R's type 7).
  function quantile(sorted, q) {
    const position = (sorted.length - 1) * q, below = Math.floor(position), above = Math.ceil(position);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }
  function describe(values) {
    const sorted = values.slice().sort((a, b) => a - b);
    if (!sorted.length) return { people: 0, lowest: null, lower_quartile: null, median: null, upper_quartile: null,
      highest: null };
    return { people: sorted.length, lowest: sorted[0], lower_quartile: format.round2(quantile(sorted, 0.25)),
      median: format.round2(quantile(sorted, 0.5)), upper_quartile: format.round2(quantile(sorted, 0.75)),
      highest: sorted[sorted.length - 1] };
  }

  function titleOf(instrument, part) {
    const found = (instrument.parts || []).find((p) => p.id === part);
    return found ? instrument.title + ": " + found.title : instrument.title;
  }

  // A group's profile, or {shown: false} when it has fewer valid files than the threshold.
  function profile(group, instruments, threshold, splitCount = 3) {
    const instrument = instruments[group.instrument], files = group.cleans.length;
    const base = { key: group.key, instrument: instrument.id, part: group.part, title: titleOf(instrument,
      group.part), files, threshold, shown: files >= threshold };
    if (!base.shown) return base;
    const summary = groupKinds.adapters[instrument.kind].summarise(instrument, group.part, group.cleans);
    const scores = summary.scores.map((s) => Object.assign({}, s, describe(s.values), { not_scored: files -
      s.values.length }));
    const items = summary.items.map((item) => Object.assign({}, item, { options: item.options.map((o) =>
      Object.assign({}, o, { share: format.round2(groupKinds.share(o.count, item.answered) * 100) })) }));
    const split = items.map((item, order) => ({ item, order })).filter((x) => x.item.split > 0)
      .sort((a, b) => b.item.split - a.item.split || a.order - b.order).slice(0, splitCount).map((x) => x.item);
    const dates = group.exported.slice().sort();
    return Object.assign(base, { score_unit: summary.score_unit, item_noun: summary.item_noun, scores, items,
      split, notes: summary.notes || [], first_export: dates[0] || null,
      last_export: dates[dates.length - 1] || null });
  }

  // The aggregate as CSV rows: one row per score and one per answer option; never a row per person.
  function aggregateCsv(profiles) {
    const rows = [["Exercise", "Part", "Files used", "Row", "Measure or item", "Answer", "People", "Share (%)",
      "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest", "Best answer"]];
    const number = (v) => (v === null || v === undefined ? "" : format.format2(v));
    for (const p of profiles.filter((x) => x.shown)) {
      const lead = [p.title, p.part || "", p.files];
      for (const s of p.scores) {
        rows.push(lead.concat(["score", s.label, "", s.people, "", number(s.lowest), number(s.lower_quartile),
          number(s.median), number(s.upper_quartile), number(s.highest), ""]));
      }
      for (const item of p.items) {
        for (const o of item.options) {
          rows.push(lead.concat([p.item_noun, item.label, o.label, o.count, format.format2(o.share), "", "", "", "",
            "", o.correct === undefined ? "" : o.correct ? "yes" : "no"]));
        }
      }
    }
    return rows;
  }

  return { FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, MAX_FILES, MIN_THRESHOLD, DEFAULT_THRESHOLD, contentHash,
    sizeProblem, clampThreshold, checkFile, collect, describe, quantile, profile, aggregateCsv, titleOf };
});
