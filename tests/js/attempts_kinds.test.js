// Dated attempts for every kind (core/attempts.js with each kind's rules.attemptFigures), in Node: two attempts of
// each kind, as the page holds answers (the shared cases' own inputs), compared with a sentence for what moved; a
// downloaded file of each kind loaded back through the group debrief's checks (core/group_kinds.js), in the page's
// own layout; and what a blank form counts as answered.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");

const PACKAGE = path.join(__dirname, "..", "..", "leadership_handbook");
const attempts = require(path.join(PACKAGE, "core", "attempts.js"));
const KINDS = ["self_assessment", "programme_audit", "knowledge_check", "workshop_evaluation", "roi",
  "programme_evaluation", "barrier_log", "partnering_brief"];
const load = (kind) => ({ rules: require(path.join(PACKAGE, "kinds", kind, "rules.js")),
  cases: require(path.join(PACKAGE, "kinds", kind, "cases.json")) });

// The shared cases' attempt inputs of one kind (and part), each with the figures the Python rules gave.
function attemptInputs(kind) {
  return load(kind).cases.cases.filter((c) => c.call === "attempt_figures" && c.expected)
    .map((c) => ({ name: c.name, answers: c.args[0], part: c.args[1] === undefined ? null : c.args[1],
      figures: c.expected }));
}
// Two inputs of one part whose figures differ in at least one value both have.
function twoThatDiffer(kind) {
  const inputs = attemptInputs(kind).filter((c) => !/(a|one) blank (card|row)$|, blank$|nothing/.test(c.name));  // a file holds answers
  for (const a of inputs) {
    for (const b of inputs) {
      if (a.part !== b.part) continue;
      if (a.figures.some((f, i) => f.value !== null && b.figures[i].value !== null && f.value !== b.figures[i].value)) {
        return [a, b];
      }
    }
  }
  throw new Error(kind + ": no two attempt cases differ");
}
function fileText(kind, instrument, part, answers, listed) {
  return JSON.stringify({ format: "beyond-the-course-answers", format_version: 1, kind, instrument: instrument.id,
    instrument_version: instrument.schema_version, part, exported: "2026-12-01T10:00:00Z", currency: null, answers,
    results: {}, attempts: listed });
}

test("every kind's rules give the figures an attempt is compared by", () => {
  for (const kind of KINDS) {
    const { rules } = load(kind);
    assert.equal(typeof rules.attemptFigures, "function", kind);
    assert.ok(attemptInputs(kind).length >= 2, kind + " has fewer than two attempt cases");
    for (const { figures } of attemptInputs(kind)) {
      for (const f of figures) {
        assert.deepEqual(Object.keys(f).filter((k) => ["id", "label", "value", "unit", "moved"].includes(k)).sort(),
          ["id", "label", "moved", "unit", "value"], kind);
        assert.ok(["score", "percent", "count", "money", "ratio", "d"].includes(f.unit), kind + ": " + f.unit);
      }
    }
  }
});

test("two attempts of each kind compare, with a sentence for each figure that moved", () => {
  for (const kind of KINDS) {
    const { rules, cases } = load(kind), instrument = cases.instrument.data;
    const [a, b] = twoThatDiffer(kind);
    const rows = attempts.compare(rules.attemptFigures(instrument, a.answers, a.part),
      rules.attemptFigures(instrument, b.answers, b.part));
    const moved = rows.filter((r) => r.change !== null && Math.abs(r.change) >= r.moved);
    assert.ok(moved.length, kind + ": nothing moved between " + a.name + " and " + b.name);
    const judged = kind === "self_assessment" ? instrument.dimensions : null;
    const notes = attempts.whatMoved(rows, judged, (v) => String(v));
    for (const row of moved) {
      const note = notes.find((n) => n.id === row.id);
      assert.ok(note, kind + ": no sentence for " + row.label);
      const verb = judged ? (row.change > 0 ? " improved by " : " did not improve") : row.change > 0 ? " rose by "
        : " fell by ";
      assert.ok(note.text.startsWith(row.label + verb), note.text);
    }
  }
});

test("a downloaded file of each kind loads back in the page's own layout, its attempts with it", () => {
  for (const kind of KINDS) {
    const { rules, cases } = load(kind), instrument = cases.instrument.data;
    const [a, b] = twoThatDiffer(kind);
    const text = fileText(kind, instrument, a.part, b.answers, [{ saved: "2026-09-01T10:00:00Z", answers: a.answers }]);
    const got = attempts.checkFile(text, Buffer.byteLength(text), instrument, kind, a.part);
    assert.equal(got.ok, true, kind + ": " + got.problem);
    assert.equal(got.attempts.length, 1, kind + ": " + a.name);
    // What the page shows for the file's answers is what it showed when they were saved.
    assert.deepEqual(rules.attemptFigures(instrument, got.answers, a.part), b.figures, kind);
    assert.deepEqual(rules.attemptFigures(instrument, got.attempts[0].answers, a.part), a.figures, kind);
  }
});

test("the audit's 'don't know' list and the checks' checked questions come back with the answers", () => {
  const audit = load("programme_audit").cases.instrument.data, ids = audit.features.map((f) => f.id);
  const saved = { answers: { [ids[0]]: 2 }, unknown: [ids[1], "no-such-feature", ids[0]] };
  const text = fileText("programme_audit", audit, null, saved, []);
  const got = attempts.checkFile(text, text.length, audit, "programme_audit", null);
  assert.deepEqual(got.answers.unknown, [ids[1]]);  // unknown ids and answered ones are dropped
  assert.equal(got.answers.answers[ids[0]], 2);
  const quiz = load("knowledge_check").cases.instrument.data, part = quiz.parts[0];
  const first = part.questions[0].id;
  const kept = { answers: { [first]: "a" }, checked: [first, "elsewhere"] };
  const back = attempts.checkFile(fileText("knowledge_check", quiz, part.id, kept, []), 500, quiz, "knowledge_check",
    part.id);
  assert.equal(back.ok, true, back.problem);
  assert.deepEqual(back.answers, { answers: Object.assign(Object.fromEntries(part.questions.map((q) => [q.id, null])),
    { [first]: "a" }), checked: [first] });
});

test("files the page-only kinds cannot read are refused with a message, never loaded", () => {
  const refusals = {
    roi: [{ costs: "lots" }, { currency: "£", hurdle_rate_pct: "", costs: [], benefits: [], intangibles: [], x: "" }],
    programme_evaluation: [{ trained: { n: 5 } }, { design: ["single"] }],
    barrier_log: [{ rows: [{ challenge: { html: "<b>" } }] }, { rows: "all of them" }],
    partnering_brief: [{ rows: [{ want: "x" }] }, []],
  };
  for (const [kind, hostile] of Object.entries(refusals)) {
    const instrument = load(kind).cases.instrument.data;
    for (const answers of hostile) {
      const text = fileText(kind, instrument, null, answers, []);
      const got = attempts.checkFile(text, text.length, instrument, kind, null);
      assert.equal(got.ok, false, kind + ": " + JSON.stringify(answers));
      assert.match(got.problem, /not laid out as this exercise's are/, kind);
    }
  }
});

test("a form left as it came counts no answers; what a reader changed counts", () => {
  const blank = { currency: "£", hurdle_rate_pct: "", costs: [{ label: "", category: "venue", amount: "" }] };
  assert.equal(attempts.answered(blank, blank), 0);
  assert.equal(attempts.answered(Object.assign({}, blank, { hurdle_rate_pct: "20" }), blank), 1);
  assert.equal(attempts.answered({ rows: [{ entry: 1, challenge: "Late" }] }, { rows: [{ entry: 1 }] }), 1);
  assert.equal(attempts.answered({ a: 3, b: null, c: "  ", d: [] }, {}), 1);
});
