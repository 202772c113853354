// The answer file (convention 2) and the CSV download, as core/storage.js builds them: exact keys in order, the
// version and currency taken as the page gives them, file names with the part and the reader's date.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");

const storage = require(path.join(__dirname, "..", "..", "leadership_handbook", "core", "storage.js"));
const { exportPayload, exportName, exportRows, toCSV, FORMAT } = storage;
const KEYS = ["format", "format_version", "kind", "instrument", "instrument_version", "part", "exported", "currency",
  "answers", "results", "attempts"];
const NOW = new Date(2026, 11, 1, 23, 59, 30);  // local time: the file name keeps the reader's own date

test("the payload has the convention's keys in order, with the instrument's version and no part", () => {
  const p = exportPayload({ kind: "self_assessment", instrument: { id: "future-proof", schema_version: 1 },
    now: NOW, answers: { "see-1": 4 }, results: { score: 4 } });
  assert.deepEqual(Object.keys(p), KEYS);
  assert.equal(p.format, FORMAT);
  assert.equal(FORMAT, "beyond-the-course-answers");
  assert.equal(p.format_version, 1);
  assert.equal(p.instrument_version, 1);
  assert.equal(p.part, null);
  assert.equal(p.currency, null);
  assert.equal(p.exported, NOW.toISOString());
  assert.deepEqual(p.attempts, []);
});

test("the currency is the reader's when typed, else the instrument's; version falls back to `version`", () => {
  const ins = { id: "roi-example", version: "2026.1", currency: "£" };
  const at = (answers) => exportPayload({ kind: "roi", instrument: ins, now: NOW, answers });
  assert.equal(at({ currency: " € " }).currency, "€");
  assert.equal(at({ currency: "" }).currency, "£");
  assert.equal(at({}).instrument_version, "2026.1");
  assert.equal(exportPayload({ kind: "x", instrument: { id: "x" }, now: NOW, answers: {} }).instrument_version, null);
  assert.deepEqual(exportPayload({ kind: "x", instrument: { id: "x" }, now: NOW, answers: {}, results: null }).results,
    {});
});

test("file names carry the exercise, the part and the local date", () => {
  assert.equal(exportName("future-proof", null, NOW, "json"), "future-proof-2026-12-01.json");
  assert.equal(exportName("knowledge-checks", "part-2", new Date(2027, 0, 5), "csv"),
    "knowledge-checks-part-2-2027-01-05.csv");
});

test("every CSV row gets the exercise, part, version, currency and date, and cells are quoted only when needed", () => {
  const p = exportPayload({ kind: "roi", instrument: { id: "roi-example", schema_version: 3, currency: "£" },
    part: null, now: NOW, answers: {} });
  const rows = exportRows([["Section", "Item"], ["Cost", 'Say "hi", then\nleave']], p);
  assert.deepEqual(rows[0], ["Section", "Item", "Exercise", "Part", "Exercise version", "Currency", "Exported (UTC)"]);
  assert.deepEqual(rows[1].slice(2), ["roi-example", "", "3", "£", NOW.toISOString()]);
  assert.equal(toCSV(rows).split("\r\n")[1].split(",")[1], '"Say ""hi""');
  assert.deepEqual(exportRows([], p), [["Exercise", "Part", "Exercise version", "Currency", "Exported (UTC)"]]);
});

test("text a spreadsheet would run as a formula is kept as text; numbers stay numbers", () => {
  const line = toCSV([["=HYPERLINK(\"x\")", "+1 idea", "-17300.00", "@me", "-", "plain"]]).trim();
  assert.equal(line, "\"'=HYPERLINK(\"\"x\"\")\",'+1 idea,-17300.00,'@me,'-,plain");
});
