/* The barrier log's rules in the page: the twin of rules.py (validate_entries, check_rows, prioritise,
   learning_goals, ...), pure functions with no DOM. cases.json, written by the Python rules, holds the two
   equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).barrier_log = factory(LH.format, LH.errors);
  }
})(function (format, errors) {
  "use strict";

  // The template with each {name} replaced by values[name], as rules.py's _fill does.
  const fill = (template, values) => template.replace(/\{(\w+)\}/g,
    (m, k) => (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
  const fieldOf = (spec, id) => spec.entries.fields.find((f) => f.id === id);
  const isScale = (spec, field) => "value" in spec[field.choices][0];
  const priorityOf = (frequency, impact) => frequency * impact;
  const isOptional = (field) => field.optional === true;
  const isDateField = (field) => field.input === "date";

  // Whether the text is a real date written year-month-day (2026-12-01), as rules.py's _is_date decides.
  function isDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
  }

  // Each page row's number: its own entry if a whole number from 1 not used by an earlier row, else one more
  // than the largest used so far (rows saved before entries had numbers get 1, 2, ...). spec is unused, as in Python.
  function entryNumbers(spec, rows) {
    const used = new Set();
    return rows.map((row) => {
      let n = row !== null && typeof row === "object" ? row.entry : undefined;
      if (!Number.isInteger(n) || n < 1 || used.has(n)) n = (used.size ? Math.max(...used) : 0) + 1;
      used.add(n);
      return n;
    });
  }

  // What an entry field may hold: a barrier type's ids or a scale's values, in file order; null for text.
  function choiceValues(spec, fieldId) {
    const field = fieldOf(spec, fieldId);
    if (!("choices" in field)) return null;
    return spec[field.choices].map((c) => ("value" in c ? c.value : c.id));
  }

  function checkField(spec, field, value, item_id) {
    const name = field.id, allowed = choiceValues(spec, name);
    if (allowed === null) {
      if (isOptional(field) && (value === null || value === undefined || (typeof value === "string" &&
        !value.trim()))) return "";
      const text = errors.checkText(value, { field: name, item_id, max_length: spec.entries.max_text_length });
      if (isDateField(field) && !isDate(text)) {
        throw new errors.InputError(JSON.stringify(text) + " is not a date", { item_id, field: name });
      }
      return text;
    }
    if (isScale(spec, field)) {
      return errors.checkWholeNumber(value, { field: name, item_id, minimum: allowed[0],
        maximum: allowed[allowed.length - 1] });
    }
    if (!allowed.includes(value)) {
      throw new errors.InputError(JSON.stringify(value) + " is not a barrier type",
        { item_id, field: name, allowed: "one of " + allowed.join(", ") });
    }
    return value;
  }

  // Clean copies of the entries with id (B1...) and entry (1, 2, ...); throws InputError as Python does.
  function validateEntries(spec, entries) {
    const { scoring, entries: form } = spec;
    const optional = form.fields.filter(isOptional).map((f) => f.id);
    // An optional field left out (a log written before it existed) is an empty one.
    if (Array.isArray(entries)) {
      entries = entries.map((e) => {
        if (e === null || typeof e !== "object" || Array.isArray(e)) return e;
        const out = Object.fromEntries(optional.map((k) => [k, ""]));
        for (const [k, v] of Object.entries(e)) if (v !== null || !optional.includes(k)) out[k] = v;
        return out;
      });
    }
    const records = errors.checkRecords(entries, { fields: form.fields.map((f) => f.id), noun: "entry",
      plural: "entries", prefix: form.id_prefix, minimum: scoring.min_entries, maximum: scoring.max_entries });
    // The barrier type is checked first, then the other fields in order, as in Python.
    const first = form.fields.filter((f) => "choices" in f && !isScale(spec, f))
      .concat(form.fields.filter((f) => !("choices" in f) || isScale(spec, f)));
    return records.map(([n, item_id, entry]) => {
      const values = {}, row = { id: item_id, entry: n };
      for (const field of first) values[field.id] = checkField(spec, field, entry[field.id], item_id);
      for (const field of form.fields) row[field.id] = values[field.id];
      return row;
    });
  }

  // The page's check of the entries as the form holds them: {entry, id, blank, problems, clean} per row.
  function checkRows(spec, rows) {
    const form = spec.entries, most = form.max_text_length, messages = form.messages;
    const numbers = entryNumbers(spec, rows);
    return rows.map((row, index) => {
      const n = numbers[index], item_id = form.id_prefix + n;
      const clean = { id: item_id, entry: n }, problems = {};
      let blank = true;
      for (const field of form.fields) {
        const name = field.id, value = row[name], allowed = choiceValues(spec, name);
        let problem = null;
        if (allowed === null) {
          const text = typeof value === "string" ? value.trim() : "";
          if (text && !isDateField(field)) blank = false;
          if (!text) problem = isOptional(field) ? null : field.missing;
          else if (format.textLength(text) > most) {
            problem = fill(messages.too_long, { length: format.textLength(text), max: most });
          } else if (isDateField(field) && !isDate(text)) problem = field.missing;
          clean[name] = text;
        } else {
          if (value !== null && value !== undefined && value !== "") blank = false;
          const chosen = allowed.includes(value);
          if (!chosen) problem = field.missing;
          clean[name] = chosen ? value : null;
        }
        if (problem) problems[name] = fill(messages.needed, { problem, id: item_id });
      }
      return { entry: n, id: item_id, blank, problems,
        clean: blank || Object.keys(problems).length ? null : clean };
    });
  }

  // The quadrant of the matrix a (frequency, impact) pair falls in (the file has one for each pair).
  function quadrantFor(spec, frequency, impact) {
    const high = spec.scoring.high_from;
    const f = frequency >= high ? "high" : "low", i = impact >= high ? "high" : "low";
    return spec.quadrants.find((q) => q.frequency === f && q.impact === i);
  }

  // The lowest and highest priority the file's scales allow.
  function priorityRange(spec) {
    const products = [];
    for (const f of spec.frequency_scale) {
      for (const i of spec.impact_scale) products.push(priorityOf(f.value, i.value));
    }
    return [Math.min(...products), Math.max(...products)];
  }

  // Checked entries with priority, quadrant, quadrant_label, type_label and rank, most pressing first.
  function rankEntries(spec, entries) {
    const types = Object.fromEntries(spec.barrier_types.map((t) => [t.id, t.label]));
    const rows = entries.map((entry) => {
      const q = quadrantFor(spec, entry.frequency, entry.impact);
      return Object.assign({}, entry, { priority: priorityOf(entry.frequency, entry.impact), quadrant: q.id,
        quadrant_label: q.label, type_label: types[entry.barrier_type] });
    });
    rows.sort((a, b) => b.priority - a.priority || b.impact - a.impact || b.frequency - a.frequency ||
      a.entry - b.entry);
    rows.forEach((row, i) => { row.rank = i + 1; });
    return rows;
  }

  const prioritise = (spec, entries) => rankEntries(spec, validateEntries(spec, entries));

  // The first topN (default scoring.top_n) ranked rows as learning goals, best first.
  function goalsFromRanking(spec, rows, topN = null) {
    const n = topN === null ? spec.scoring.top_n : topN;
    const quadrants = Object.fromEntries(spec.quadrants.map((q) => [q.id, q]));
    return rows.slice(0, n).map((r) => ({ rank: r.rank, entry: r.id, goal: r.could_teach, challenge: r.challenge,
      priority: r.priority, quadrant_label: r.quadrant_label, advice: quadrants[r.quadrant].advice }));
  }

  function learningGoals(spec, entries, topN = null) {
    const n = errors.checkWholeNumber(topN === null ? spec.scoring.top_n : topN,
      { field: "top_n", minimum: 1, maximum: spec.scoring.max_entries });
    return goalsFromRanking(spec, prioritise(spec, entries), n);
  }

  /* The figures an attempt is compared by (core/attempts.js), from the page's {rows}: how many barriers are ranked
     (complete entries) and the top one's priority (how often x impact); a change of one is worth a sentence. */
  function attemptFigures(spec, saved) {
    const ranked = rankEntries(spec, checkRows(spec, saved.rows).filter((c) => c.clean).map((c) => c.clean));
    return [{ id: "barriers", label: "Barriers ranked", value: ranked.length, unit: "count", moved: 1 },
      { id: "top-priority", label: "Top barrier's priority (how often \u00d7 impact)",
        value: ranked.length ? ranked[0].priority : null, unit: "count", moved: 1 }];
  }

  return { choiceValues, entryNumbers, isDate, validateEntries, checkRows, quadrantFor, priorityRange, rankEntries,
    prioritise, goalsFromRanking, learningGoals, attemptFigures };
});
