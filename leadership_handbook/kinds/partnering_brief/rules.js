/* The partnering brief's rules in the page: the twin of rules.py (validate_rows, build_brief, brief_table), pure
   functions with no DOM, plus the page's reading of its request cards. cases.json, written by the Python rules,
   holds the two equal (node --test tests/js). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../../core/formatting.js"), require("../../core/errors.js"));
  } else {
    const LH = window.LH;
    (LH.rules = LH.rules || {}).partnering_brief = factory(LH.format, LH.errors);
  }
})(function (format, errors) {
  "use strict";

  // The two fields that hold lists of ids, and the part of the instrument file their ids come from.
  const LIST_FIELDS = { evidence: "evidence_options", measures: "measures" };
  const isList = (field) => Object.prototype.hasOwnProperty.call(LIST_FIELDS, field);
  const rowFields = (spec) => spec.brief_columns.map((column) => column.id);
  const textFields = (spec) => rowFields(spec).filter((field) => !isList(field));
  const listFields = () => Object.keys(LIST_FIELDS);
  const byId = (list) => new Map(list.map((x) => [x.id, x]));
  const addNew = (list, items) => {
    for (const item of items) if (!list.includes(item)) list.push(item);
    return list;
  };
  const countsBeyondReactions = (spec, measure) => spec.rules.beyond_reactions_focus.includes(measure.focus);
  const hasDirectEvidence = (option) => option.direct_evidence !== false;

  function idList(value, { field, item_id, known }) {
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list)) throw new errors.InputError("not a list of ids", { item_id, field });
    if (!list.length) throw new errors.InputError("the list is empty", { item_id, field });
    const out = [];
    for (const v of list) {
      if (!known.includes(v)) throw new errors.InputError(JSON.stringify(v) + " is not known", { item_id, field });
      addNew(out, [v]);
    }
    return out;
  }

  function checkField(spec, field, value, item_id) {
    if (isList(field)) return idList(value, { field, item_id, known: spec[LIST_FIELDS[field]].map((o) => o.id) });
    return errors.checkText(value, { field, item_id, max_length: spec.rules.max_text_length });
  }

  // As Python's validate_rows: every row's shape first, then each row's texts, evidence and measures.
  function validateRows(spec, rows) {
    const records = errors.checkRecords(rows, { fields: rowFields(spec), noun: "row", plural: "rows", prefix: "R",
      minimum: spec.rules.min_rows, maximum: spec.rules.max_rows });
    return records.map(([, item_id, row]) => {
      const out = { id: item_id };
      for (const field of textFields(spec).concat(listFields())) {
        out[field] = checkField(spec, field, row[field], item_id);
      }
      return out;
    });
  }

  function buildBrief(spec, rows) {
    const evidence = byId(spec.evidence_options), measures = byId(spec.measures), frameworks = byId(spec.frameworks);
    const sources = [];
    const briefRows = validateRows(spec, rows).map((row) => {
      const cite = [];
      for (const e of row.evidence) addNew(cite, evidence.get(e).cite);
      for (const m of row.measures) addNew(cite, frameworks.get(measures.get(m).framework).cite);
      addNew(sources, cite);
      return Object.assign({}, row, {
        evidence_labels: row.evidence.map((e) => evidence.get(e).label),
        measure_labels: row.measures.map((m) => measures.get(m).label),
        focus: row.measures.map((m) => measures.get(m).focus),
        beyond_reactions: row.measures.some((m) => countsBeyondReactions(spec, measures.get(m))),
        direct_evidence: row.evidence.some((e) => hasDirectEvidence(evidence.get(e))),
        cite,
      });
    });
    const warnings = [];
    if (!briefRows.some((r) => r.beyond_reactions)) warnings.push(spec.rules.warning_no_measure_beyond_reactions);
    const unsupported = briefRows.filter((r) => !r.direct_evidence).map((r) => r.id);
    if (unsupported.length) {
      const warning = spec.rules[unsupported.length > 1 ? "warning_no_direct_evidence_many"
        : "warning_no_direct_evidence_one"];
      warnings.push(warning.replace("{rows}", unsupported.join(", ")));
    }
    return { planner: spec.id, rows: briefRows, warnings, sources };
  }

  function briefTable(spec, brief) {
    const labels = { evidence: "evidence_labels", measures: "measure_labels" };
    return [spec.brief_columns.map((c) => c.label),
      brief.rows.map((r) => rowFields(spec).map((key) => (isList(key) ? r[labels[key]].join("; ") : r[key])))];
  }

  // The page's cards: the ids chosen in a list of selects ("" for one left at "Choose..."), each once.
  const chosen = (values) => addNew([], (values || []).filter(Boolean));
  const isBlankCard = (spec, card) => textFields(spec).every((f) => !String(card[f] || "").trim()) &&
    listFields().every((f) => !chosen(card[f]).length);

  // What is wrong with a (trimmed or chosen) value that its field's check refused, in the page's terms.
  function problemOf(spec, field, value) {
    if (!value.length) return { problem: "missing" };
    if (!isList(field)) return { problem: "too_long", length: format.textLength(value) };
    const known = spec[LIST_FIELDS[field]].map((o) => o.id);
    return { problem: "unknown", value: value.find((v) => !known.includes(v)) };
  }

  // The page's reading of validate_rows: blank cards are left out, and every field of every started card is
  // checked with the same checks (not only the first problem). Returns {rows, problems}: the started cards as
  // rows, and [{card (numbered from 1, or null for the whole plan), field, problem, ...}] where problem is
  // "missing", "too_long" (with length), "unknown" (with value) or "too_many" (with count).
  function checkCards(spec, cards) {
    const rows = [], problems = [];
    cards.forEach((card, index) => {
      if (isBlankCard(spec, card)) return;
      const row = {};
      for (const field of textFields(spec)) row[field] = String(card[field] || "").trim();
      for (const field of listFields()) row[field] = chosen(card[field]);
      for (const field of textFields(spec).concat(listFields())) {
        try {
          checkField(spec, field, row[field], null);
        } catch (error) {
          if (!(error instanceof errors.InputError)) throw error;
          problems.push(Object.assign({ card: index + 1, field }, problemOf(spec, field, row[field])));
        }
      }
      rows.push(row);
    });
    if (rows.length > spec.rules.max_rows) {
      problems.push({ card: null, field: "rows", problem: "too_many", count: rows.length });
    }
    return { rows, problems };
  }

  /* The figures an attempt is compared by (core/attempts.js), from the page's {rows}: how many requests are complete
     (each passes validateRows alone, as the brief takes it) and how many fields hold something; one moves. */
  function attemptFigures(spec, saved) {
    let complete = 0, fields = 0;
    for (const card of saved.rows) {
      if (isBlankCard(spec, card)) continue;
      const row = {};
      for (const f of textFields(spec)) fields += (row[f] = String(card[f] || "").trim()) ? 1 : 0;
      for (const f of listFields()) fields += (row[f] = chosen(card[f])).length ? 1 : 0;
      try { validateRows(spec, [row]); complete++; } catch (e) { if (!(e instanceof errors.InputError)) throw e; }
    }
    return [{ id: "requests", label: "Requests complete", value: complete, unit: "count", moved: 1 },
      { id: "fields", label: "Fields filled in", value: fields, unit: "count", moved: 1 }];
  }

  return { validateRows, buildBrief, briefTable, textFields, listFields, chosen, isBlankCard, checkCards,
    attemptFigures };
});
