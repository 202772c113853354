// Dated attempts' pure part (core/attempts.js) in Node: stored list read back, add/remove/put back, merging a file's
// attempts, comparing two attempts' scores with the self-assessment's own rules, and a downloaded file checked with
// the group debrief's checks.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");

const PACKAGE = path.join(__dirname, "..", "..", "leadership_handbook");
const attempts = require(path.join(PACKAGE, "core", "attempts.js"));
const rules = require(path.join(PACKAGE, "kinds", "self_assessment", "rules.js"));
const SELF = require(path.join(PACKAGE, "kinds", "self_assessment", "cases.json")).instrument.data;

const answersAt = (value) => Object.fromEntries(SELF.items.map((item) => [item.id, value]));
const scores = (answers) => rules.scoreResponses(SELF, answers).dimensions.map((d) => ({ id: d.id, label: d.label,
  score: d.scored ? d.score : null }));
function fileText(answers, listed, extra = {}) {
  return JSON.stringify(Object.assign({ format: "beyond-the-course-answers", format_version: 1, kind: "self_assessment",
    instrument: SELF.id, instrument_version: SELF.schema_version, part: null, exported: "2026-12-01T10:00:00Z",
    currency: null, answers, results: {}, attempts: listed }, extra));
}
const check = (text) => attempts.checkFile(text, Buffer.byteLength(text), SELF, "self_assessment", null);

test("a stored list reads back oldest first; damaged or newer stores are unreadable, never guessed at", () => {
  let list = attempts.add([], answersAt(3), new Date("2026-12-02T10:00:00Z"));
  list = attempts.add(list, answersAt(2), new Date("2026-09-01T10:00:00Z"));
  const parsed = attempts.parse(attempts.serialise(list));
  assert.equal(parsed.state, "ok");
  assert.deepEqual(parsed.attempts.map((a) => a.saved), ["2026-09-01T10:00:00.000Z", "2026-12-02T10:00:00.000Z"]);
  assert.equal(attempts.parse(null).state, "none");
  for (const raw of ["{", "[]", JSON.stringify({ version: 2, attempts: [] }),
    JSON.stringify({ version: 1, attempts: [{ saved: "not a date", answers: {} }] })]) {
    assert.equal(attempts.parse(raw).state, "unreadable", raw);
  }
});

test("an attempt removed can be put back where it was", () => {
  const list = [0, 1, 2].map((n) => ({ saved: "2026-0" + (n + 1) + "-01T00:00:00.000Z", answers: answersAt(n + 1) }));
  const done = attempts.remove(list, 1);
  assert.equal(done.attempts.length, 2);
  assert.deepEqual(done.removed, list[1]);
  assert.deepEqual(attempts.putBack(done.attempts, done.removed), list);
});

test("merging a file's attempts adds only those not already kept", () => {
  const a = { saved: "2026-01-01T00:00:00.000Z", answers: answersAt(2) };
  const b = { saved: "2026-03-01T00:00:00.000Z", answers: answersAt(4) };
  assert.deepEqual(attempts.merge([b], [a, b]), [a, b]);
});

test("the comparison gives each dimension's change and a sentence for each that moved by 0.5 or more", () => {
  const before = answersAt(3), after = Object.assign({}, before);
  const first = SELF.dimensions[0], moved = SELF.items.filter((i) => i.dimension === first.id);
  moved.forEach((item) => { after[item.id] = item.reverse ? 1 : 5; });  // the first dimension rises to the top
  const rows = attempts.compare(scores(before), scores(after));
  assert.equal(rows.length, SELF.dimensions.length);
  const expected = scores(after)[0].score - scores(before)[0].score;
  assert.ok(expected >= 0.5);
  assert.equal(rows[0].change, Math.round(expected * 100) / 100);
  rows.slice(1).forEach((r) => assert.equal(r.change, 0));
  const notes = attempts.whatMoved(rows, SELF.dimensions);
  assert.equal(notes[0].improved, true);
  assert.match(notes[0].text, new RegExp("^" + first.label + " improved by "));
  assert.match(notes[notes.length - 1].text, /^Moved by less than 0.50 either way: /);
  // The other way round: a fall carries that dimension's next step from the instrument.
  const down = attempts.whatMoved(attempts.compare(scores(after), scores(before)), SELF.dimensions);
  assert.equal(down[0].improved, false);
  assert.ok(down[0].text.includes(first.next_step), down[0].text);
});

test("a downloaded file with its history is checked with the group debrief's checks", () => {
  const listed = [{ saved: "2026-09-01T10:00:00Z", answers: answersAt(2) }];
  const ok = check(fileText(answersAt(4), listed));
  assert.equal(ok.ok, true, ok.problem);
  assert.deepEqual(ok.answers, answersAt(4));
  assert.deepEqual(ok.attempts, [{ saved: "2026-09-01T10:00:00.000Z", answers: answersAt(2) }]);
});

test("hostile or wrong files are refused with a message, never loaded", () => {
  const refused = (text, pattern) => {
    const got = check(text);
    assert.equal(got.ok, false, text.slice(0, 80));
    assert.match(got.problem, pattern);
  };
  refused("<script>alert(1)</script>", /not JSON/);
  refused(fileText(answersAt(4), [], { format: "other" }), /format/);
  refused(fileText(answersAt(4), [], { instrument_version: 99 }), /another version/);
  refused(fileText(answersAt(9), []), /cannot be used/);
  refused(fileText(answersAt(4), [{ saved: "2026-01-01", answers: answersAt("<img src=x onerror=alert(1)>") }]),
    /^Attempt 1 in it: /);
  refused(fileText(answersAt(4), [{ answers: answersAt(3) }]), /no date/);
  refused(fileText(answersAt(4), { saved: "x" }), /not a list/);
  const big = attempts.checkFile("{}", 50e6, SELF, "self_assessment", null);
  assert.equal(big.ok, false);
  assert.match(big.problem, /MB/);
});
