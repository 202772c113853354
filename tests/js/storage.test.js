// core/storage.js in Node: the merge, the checks of a stored value and one form's storage (formSync) against a
// fake localStorage and a fake form, for every way storage can fail. The browser tests
// (tests/test_inpage_storage.py) run the same cases on the real pages.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { describe, test } = require("node:test");

const storage = require(path.join(__dirname, "..", "..", "leadership_handbook", "core", "storage.js"));
const { equal, merge3, parseEntry, olderVersionKeys, filled, openStore, formSync, MESSAGES } = storage;

const KEY = "lh:future-proof:0123456789";

// localStorage's interface over a Map; `quota` (characters of keys and values) makes setItem throw as a full one.
class FakeStorage {
  constructor(entries = {}, quota = Infinity) { this.map = new Map(Object.entries(entries)); this.quota = quota; }
  get length() { return this.map.size; }
  key(i) { return Array.from(this.map.keys())[i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    const used = Array.from(this.map).reduce((n, [a, b]) => n + (a === k ? 0 : a.length + b.length), 0);
    if (used + k.length + String(v).length > this.quota) {
      throw Object.assign(new Error("quota"), { name: "QuotaExceededError", code: 22 });
    }
    this.map.set(k, String(v));
  }
  removeItem(k) { this.map.delete(k); }
}

// A form of rated statements, as the self-assessment's: a value outside 1..5 or an unknown id does not fit.
function fakeForm(items = ["a", "b", "c"]) {
  let values = Object.fromEntries(items.map((i) => [i, null]));
  return {
    read: () => Object.assign({}, values),
    write: (answers) => {
      for (const i of items) values[i] = [1, 2, 3, 4, 5].includes(answers[i]) ? answers[i] : null;
    },
    clear: () => { values = Object.fromEntries(items.map((i) => [i, null])); },
    answer: (i, v) => { values[i] = v; },
  };
}
const entry = (answers, saved = "2026-05-03T10:00:00.000Z") => JSON.stringify({ version: 1, saved, answers });
const stored = (fake, key = KEY) => JSON.parse(fake.getItem(key));
const open = (fake, form, extra = {}) => formSync(Object.assign({ store: openStore(() => fake), key: KEY, kind: form },
  extra));

describe("pure parts", () => {
  test("equal ignores the order of keys, not of lists", () => {
    assert.ok(equal({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }));
    assert.ok(!equal([1, 2], [2, 1]));
    assert.ok(!equal({ a: 1 }, { a: 1, b: undefined }));
    assert.ok(!equal({ a: "1" }, { a: 1 }));
  });
  test("merge3 keeps what each side changed; this form wins where both changed one answer", () => {
    const base = { a: null, b: null, c: 2 };
    assert.deepEqual(merge3(base, { a: 1, b: null, c: 2 }, { a: null, b: 4, c: 2 }), { a: 1, b: 4, c: 2 });
    assert.deepEqual(merge3(base, { a: 1, b: null, c: 2 }, { a: 3, b: null, c: 5 }), { a: 1, b: null, c: 5 });
    assert.deepEqual(merge3(base, base, { a: 3, b: null, c: 2 }), { a: 3, b: null, c: 2 });
  });
  test("merge3 goes into nested answers and keeps rows the other side added at the end", () => {
    const base = { answers: { q1: null, q2: null }, checked: [] };
    const mine = { answers: { q1: "a", q2: null }, checked: ["q1"] };
    const theirs = { answers: { q1: null, q2: "b" }, checked: [] };
    assert.deepEqual(merge3(base, mine, theirs), { answers: { q1: "a", q2: "b" }, checked: ["q1"] });
    const rows = { rows: [{ x: "" }] };
    assert.deepEqual(merge3(rows, { rows: [{ x: "mine" }] }, { rows: [{ x: "" }, { x: "added" }] }),
      { rows: [{ x: "mine" }, { x: "added" }] });
    // Rows removed on one side cannot be lined up with the other's: this form's rows are kept whole.
    assert.deepEqual(merge3({ rows: [1, 2, 3] }, { rows: [1, 9, 3] }, { rows: [1, 3] }), { rows: [1, 9, 3] });
  });
  test("parseEntry says what a stored string holds", () => {
    assert.equal(parseEntry(null).state, "none");
    for (const bad of ["not json {", "[1,2]", "42", '{"answers": [1]}', '{"answers": null}', '{"version": 99, ' +
      '"answers": {}}', '{"version": "1", "answers": {}}']) {
      assert.equal(parseEntry(bad).state, "unreadable", bad);
    }
    assert.deepEqual(parseEntry('{"saved": "x", "answers": {"a": 1}}').entry, { version: 0, saved: "x",
      answers: { a: 1 } });  // written before entries had a version
    assert.equal(parseEntry(entry({ a: 1 })).state, "ok");
  });
  test("olderVersionKeys finds the same form under another digest, nothing else", () => {
    const keys = ["lh:knowledge-checks:part-1:aaaaaaaaaa", "lh:knowledge-checks:part-1:bbbbbbbbbb",
      "lh:knowledge-checks:part-2:cccccccccc", "lh:knowledge-checks:dddddddddd", "lh:knowledge-checks-x:eeeeeeeeee",
      "lh:knowledge-checks:part-1:aaaaaaaaaa:set-aside", "other"];
    assert.deepEqual(olderVersionKeys(keys, keys[0]), [keys[1], keys[3]]);
    assert.deepEqual(olderVersionKeys(keys, "lh:knowledge-checks:ffffffffff"), [keys[3]]);
  });
  test("filled counts the answers that differ from the blank form", () => {
    const blank = { answers: { q1: null, q2: null }, checked: [] };
    assert.equal(filled(blank, blank), 0);
    assert.equal(filled(blank, { answers: { q1: "a", q2: "b" }, checked: ["q1"] }), 3);
    assert.equal(filled(blank, { answers: { q1: null, q2: null }, checked: ["p2-x"] }), 1);
  });
});

describe("one form's storage", () => {
  test("answers are saved under the form's key and restored", () => {
    const fake = new FakeStorage({ other: "kept" }), form = fakeForm(), sync = open(fake, form);
    assert.equal(sync.load(), null);
    form.answer("a", 4);
    assert.equal(sync.save(), null);
    assert.deepEqual(stored(fake).answers, { a: 4, b: null, c: null });
    assert.equal(stored(fake).version, 1);
    const again = fakeForm(), reloaded = open(fake, again);
    assert.equal(reloaded.load().message, MESSAGES.restored);
    assert.deepEqual(again.read(), { a: 4, b: null, c: null });
    assert.equal(fake.getItem("other"), "kept");
  });

  test("a stored value that is not JSON: said, set aside, the form works, nothing else erased", () => {
    const fake = new FakeStorage({ [KEY]: "{oops", other: "kept" }), form = fakeForm(), sync = open(fake, form);
    assert.equal(sync.load().message, MESSAGES.unreadable);
    assert.equal(fake.getItem(KEY + ":set-aside"), "{oops");
    form.answer("b", 2);
    assert.equal(sync.save(), null);
    assert.deepEqual(stored(fake).answers, { a: null, b: 2, c: null });
    assert.equal(fake.getItem(KEY + ":set-aside"), "{oops");
    assert.equal(fake.getItem("other"), "kept");
  });

  test("unknown ids and out-of-range ratings: the rest restored, the reader told, the original set aside", () => {
    const raw = entry({ a: 3, b: 9, zz: 1 }), fake = new FakeStorage({ [KEY]: raw }), form = fakeForm();
    assert.equal(open(fake, form).load().message, MESSAGES.partly);
    assert.deepEqual(form.read(), { a: 3, b: null, c: null });
    assert.equal(fake.getItem(KEY + ":set-aside"), raw);
    // Its companion: a value that fits says only "restored" and sets nothing aside.
    const clean = new FakeStorage({ [KEY]: entry({ a: 3, b: 5, c: null }) });
    assert.equal(open(clean, fakeForm()).load().message, MESSAGES.restored);
    assert.equal(clean.getItem(KEY + ":set-aside"), null);
  });

  test("a form whose kind throws on a strange value starts blank and says so", () => {
    const fake = new FakeStorage({ [KEY]: entry({ a: 1 }) }), form = fakeForm();
    const write = (a) => { if (a.a === 1) throw new TypeError("a kind's write failing"); form.write(a); };
    const throwing = Object.assign({}, form, { write });
    assert.equal(open(fake, throwing).load().message, MESSAGES.partly);
    assert.deepEqual(form.read(), { a: null, b: null, c: null });
  });

  test("answers saved for an earlier version of the instrument: said with their date, left where they are", () => {
    const old = "lh:future-proof:aaaaaaaaaa", raw = entry({ a: 1 }, "2026-03-07T09:00:00.000Z");
    const fake = new FakeStorage({ [old]: raw }), form = fakeForm();
    const said = open(fake, form).load().message;
    assert.equal(said, MESSAGES.older.replace("{date}", " on 7 March 2026"));
    assert.deepEqual(form.read(), { a: null, b: null, c: null });
    assert.equal(fake.getItem(old), raw);
    assert.equal(open(new FakeStorage(), fakeForm()).load(), null);  // nothing saved: nothing said
  });

  test("a former key fills the form, copied (never moved); of several, the one that fills most", () => {
    const shared = "lh:kc:1111111111", renamed = "lh:kc:2222222222";
    const fake = new FakeStorage({ [shared]: entry({ x: 1 }), [renamed]: entry({ a: 2, b: 3, x: 1 }) });
    const form = fakeForm(), sync = open(fake, form, { formerKeys: [shared, renamed] });
    assert.equal(sync.load().message, MESSAGES.restored);
    assert.deepEqual(form.read(), { a: 2, b: 3, c: null });
    assert.deepEqual(stored(fake).answers, { a: 2, b: 3, c: null });  // only what this form holds
    assert.ok(fake.getItem(shared) && fake.getItem(renamed));
  });

  test("two tabs writing at once keep each other's answers", () => {
    const fake = new FakeStorage(), formA = fakeForm(), formB = fakeForm();
    const tabA = open(fake, formA), tabB = open(fake, formB);
    tabA.load();
    tabB.load();
    formA.answer("a", 1);
    tabA.save();
    formB.answer("b", 2);  // tab B has not heard of tab A's answer...
    assert.deepEqual(formB.read(), { a: null, b: 2, c: null });  // ...so writing its form as it is would lose it
    assert.equal(tabB.save().message, MESSAGES.merged);
    assert.deepEqual(stored(fake).answers, { a: 1, b: 2, c: null });
    assert.deepEqual(formB.read(), { a: 1, b: 2, c: null });
    // Tab A hears of it (the storage event) and shows tab B's answer too.
    assert.equal(tabA.external(fake.getItem(KEY)).message, MESSAGES.updated);
    assert.deepEqual(formA.read(), { a: 1, b: 2, c: null });
    assert.equal(tabA.external(fake.getItem(KEY)), null);  // the same value again: nothing to say
    formA.answer("a", 5);
    assert.equal(tabA.save(), null);
    assert.deepEqual(stored(fake).answers, { a: 5, b: 2, c: null });
  });

  test("clearing in one tab clears the other, and only this form's key", () => {
    const fake = new FakeStorage({ other: "kept" }), formA = fakeForm(), formB = fakeForm();
    const tabA = open(fake, formA), tabB = open(fake, formB);
    formA.answer("a", 1);
    tabA.save();
    tabB.external(fake.getItem(KEY));
    tabA.clear();
    assert.equal(fake.getItem(KEY), null);
    assert.equal(tabB.external(null).message, MESSAGES.cleared);
    assert.deepEqual(formB.read(), { a: null, b: null, c: null });
    assert.equal(fake.getItem("other"), "kept");
  });

  test("storage full: said once, nothing else removed, saved again once there is room", () => {
    const filler = "x".repeat(200), fake = new FakeStorage({ filler }, 260), form = fakeForm(), sync = open(fake, form);
    form.answer("a", 1);
    const first = sync.save();
    assert.equal(first.message, MESSAGES.full);
    assert.ok(first.problem);
    form.answer("b", 2);
    assert.equal(sync.save(), null);  // said once
    assert.equal(sync.status().message, MESSAGES.full);  // the Save button says it again
    assert.deepEqual(form.read(), { a: 1, b: 2, c: null });  // the form keeps working
    assert.equal(fake.getItem("filler"), filler);
    fake.removeItem("filler");
    assert.equal(sync.save().message, MESSAGES.again);
    assert.deepEqual(stored(fake).answers, { a: 1, b: 2, c: null });
    assert.equal(sync.status().message, MESSAGES.saved);
  });

  test("storage blocked: said once, the form keeps its answers for the page", () => {
    const blocked = () => { throw Object.assign(new Error("denied"), { name: "SecurityError" }); };
    const form = fakeForm(), sync = formSync({ store: openStore(blocked), key: KEY, kind: form });
    const said = sync.load();
    assert.equal(said.message, MESSAGES.blocked);
    assert.ok(said.problem);
    form.answer("c", 5);
    assert.equal(sync.save(), null);
    assert.deepEqual(form.read(), { a: null, b: null, c: 5 });
    assert.equal(sync.status().message, MESSAGES.blocked);
    // A storage whose every call throws (not only the getter) is blocked too.
    const refusing = { getItem: blocked, setItem: blocked, removeItem: blocked, key: blocked, length: 0 };
    const store = openStore(() => refusing);
    assert.deepEqual(store.read(KEY), { raw: null, problem: "blocked" });
    assert.equal(store.write(KEY, "{}"), "blocked");
    assert.deepEqual(store.keys(), []);
    // A private window that refuses every write as "quota exceeded", even with nothing stored, is blocked, not full.
    assert.equal(openStore(() => new FakeStorage({}, 0)).write(KEY, "{}"), "blocked");
    assert.equal(openStore(() => new FakeStorage({ a: "b" }, 2)).write(KEY, "{}"), "full");
  });
});
