// Dated attempts' pure part (core/attempts.js) in Node: stored list read back, add/remove/put back, merging a file's
// attempts, comparing two attempts' figures with the self-assessment's own rules (rules.attemptFigures), and a
// downloaded file checked with the group debrief's checks. Other kinds: tests/js/attempts_kinds.test.js.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");

const PACKAGE = path.join(__dirname, "..", "..", "leadership_handbook");
const attempts = require(path.join(PACKAGE, "core", "attempts.js"));
const rules = require(path.join(PACKAGE, "kinds", "self_assessment", "rules.js"));
const SELF = require(path.join(PACKAGE, "kinds", "self_assessment", "cases.json")).instrument.data;

const answersAt = (value) => Object.fromEntries(SELF.items.map((item) => [item.id, value]));
const scores = (answers) => rules.attemptFigures(SELF, answers);
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
  const expected = scores(after)[0].value - scores(before)[0].value;
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

test("a file of only \"Don't know\"s is refused with a code; such an attempt inside a file is skipped", () => {
  const group = require(path.join(PACKAGE, "core", "group.js"));
  const empty = group.checkFile(fileText(answersAt(null), []), { [SELF.id]: Object.assign({}, SELF,
    { kind: "self_assessment" }) });
  assert.equal(empty.ok, false);
  assert.equal(empty.empty, true);
  assert.equal(empty.problem, "It holds no answers.");  // the group debrief's words, unchanged
  const kept = check(fileText(answersAt(4), [{ saved: "2026-09-01T10:00:00Z", answers: answersAt(null) }]));
  assert.equal(kept.ok, true, kept.problem);
  assert.deepEqual(kept.attempts, []);
});

test("one figure's values are written alike: its kind's units, the same decimals, a true minus", () => {
  const MINUS = "\u2212\u2060";
  const roi = attempts.writer({ unit: "percent", before: 23.2, after: 13.59, change: -9.61 });
  assert.deepEqual([roi.value(23.2), roi.value(13.59), roi.signed(-9.61)], ["23.20%", "13.59%",
    MINUS + "9.61 points"]);
  const net = attempts.writer({ unit: "money", currency: "£", before: 15080, after: 9580.5, change: -5499.5 });
  assert.deepEqual([net.value(15080), net.signed(-5499.5)], ["£15,080.00", MINUS + "£5,499.50"]);
  const whole = attempts.writer({ unit: "money", currency: "£", before: 15080, after: 9580, change: -5500 });
  assert.deepEqual([whole.value(15080), whole.value(-1200)], ["£15,080", MINUS + "£1,200"]);
  const d = attempts.writer({ unit: "d", before: -0.19, after: 0.4, change: 0.59 });
  assert.deepEqual([d.value(-0.19), d.signed(0.59), d.value(null)], [MINUS + "0.19", "+0.59", "Not worked out"]);
  assert.equal(attempts.writer({ unit: "count", before: 3, after: 1, change: -2 }).signed(-2), MINUS + "2");
});
