// The group debrief's pure part (core/group.js, core/group_kinds.js) in Node: files checked, repeats counted
// once, the threshold, re-scoring with each kind's own rules, and a CSV of the aggregate only.
"use strict";
const assert = require("node:assert/strict");
const path = require("node:path");
const { test } = require("node:test");

const PACKAGE = path.join(__dirname, "..", "..", "leadership_handbook");
const group = require(path.join(PACKAGE, "core", "group.js"));
const rules = {
  self_assessment: require(path.join(PACKAGE, "kinds", "self_assessment", "rules.js")),
  knowledge_check: require(path.join(PACKAGE, "kinds", "knowledge_check", "rules.js")),
};
// The instruments as the Python loader returns them, from the shared cases the Python rules wrote.
const instrumentOf = (kind) => require(path.join(PACKAGE, "kinds", kind, "cases.json")).instrument.data;
const SELF = instrumentOf("self_assessment"), AUDIT = instrumentOf("programme_audit");
const CHECKS = instrumentOf("knowledge_check");
const INSTRUMENTS = { [SELF.id]: SELF, [AUDIT.id]: AUDIT, [CHECKS.id]: CHECKS };

function fileText(instrument, answers, extra = {}) {
  return JSON.stringify(Object.assign({ format: "beyond-the-course-answers", format_version: 1,
    kind: instrument.kind, instrument: instrument.id, instrument_version: instrument.schema_version, part: null,
    exported: "2026-12-01T10:00:0" + (extra.n || 0) + "Z", currency: null, answers, results: {}, attempts: [] },
  extra.fields || {}));
}
// Participant n of 8: answers that differ from person to person but stay in range.
const selfAnswers = (n) => Object.fromEntries(SELF.items.map((item, i) => [item.id, 1 + ((n + i) % 5)]));
const entry = (text, name = "answers.json") => ({ name, size: Buffer.byteLength(text), text });
const selfFiles = (count) => Array.from({ length: count }, (_, n) => entry(fileText(SELF, selfAnswers(n), { n })));

test("eight valid files give each dimension's median of the kind's own scores", () => {
  const { files, groups } = group.collect(selfFiles(8), INSTRUMENTS);
  assert.deepEqual(files.map((f) => f.status), Array(8).fill("used"));
  assert.equal(groups.length, 1);
  const profile = group.profile(groups[0], INSTRUMENTS, 5);
  assert.equal(profile.shown, true);
  assert.equal(profile.scores.length, SELF.dimensions.length);
  SELF.dimensions.forEach((dim, i) => {
    const scores = Array.from({ length: 8 }, (_, n) => rules.self_assessment.scoreResponses(SELF, selfAnswers(n))
      .dimensions[i].score).sort((a, b) => a - b);
    assert.equal(profile.scores[i].median, Number(((scores[3] + scores[4]) / 2).toFixed(2)), dim.id);
    assert.equal(profile.scores[i].lowest, scores[0]);
    assert.equal(profile.scores[i].highest, scores[7]);
  });
});

test("everyone answering the middle of the scale has the middle as median, reverse keying or not", () => {
  const middle = Object.fromEntries(SELF.items.map((item) => [item.id, 3]));
  const entries = Array.from({ length: 6 }, (_, n) => entry(fileText(SELF, middle, { n })));
  const profile = group.profile(group.collect(entries, INSTRUMENTS).groups[0], INSTRUMENTS, 5);
  assert.ok(profile.scores.every((s) => s.median === 3 && s.lower_quartile === 3 && s.upper_quartile === 3));
  assert.deepEqual(profile.split, [], "no statement is split when everyone is in the middle");
});

test("quartiles interpolate as spreadsheets' QUARTILE.INC does", () => {
  const d = group.describe([1, 2, 3, 4]);
  assert.deepEqual([d.lower_quartile, d.median, d.upper_quartile], [1.75, 2.5, 3.25]);
  assert.equal(group.describe([]).median, null);
});

test("fewer valid files than the threshold show nothing, and the threshold is never below 3", () => {
  const { groups } = group.collect(selfFiles(4), INSTRUMENTS);
  const profile = group.profile(groups[0], INSTRUMENTS, 5);
  assert.equal(profile.shown, false);
  assert.equal(profile.scores, undefined);
  assert.deepEqual(group.aggregateCsv([profile]).length, 1, "only the header");
  assert.equal(group.clampThreshold("2").value, 3);
  assert.match(group.clampThreshold("2").message, /never below 3/);
  assert.equal(group.clampThreshold("1.5").value, 5);
  assert.deepEqual(group.clampThreshold("8"), { value: 8, message: "" });
});

test("every wrong or hostile file gets its own message and the others still count", () => {
  const good = selfFiles(5);
  const outOfRange = Object.assign(selfAnswers(0), { [SELF.items[0].id]: 9 });
  const script = Object.assign(selfAnswers(0), { [SELF.items[1].id]: "<img src=x onerror=alert(1)>" });
  const bad = [
    entry("<html>not json</html>"),
    entry(JSON.stringify({ hello: "world" })),
    entry(fileText(SELF, selfAnswers(1), { fields: { format: "something-else" } })),
    entry(fileText(SELF, selfAnswers(1), { fields: { instrument: "barrier-log", kind: "barrier_log" } })),
    entry(fileText(SELF, selfAnswers(1), { fields: { instrument_version: 99 } })),
    entry(fileText(SELF, outOfRange, { n: 7 })),
    entry(fileText(SELF, script, { n: 8 })),
    entry(fileText(SELF, { "<script>alert(1)</script>": 3 }, { n: 9 })),
    entry(fileText(SELF, {}, { n: 6 })),
    entry(JSON.stringify({ instrument: SELF.id, storage_key: "lh:future-proof:abc", answers: selfAnswers(2) })),
    { name: "huge.json", size: 50 * 1024 * 1024, text: null },
    good[0],
    entry(JSON.stringify(JSON.parse(good[1].text), null, 2)),
  ];
  const { files, groups } = group.collect(good.concat(bad), INSTRUMENTS);
  const after = files.slice(5);
  assert.deepEqual(after.map((f) => f.status), Array(11).fill("refused").concat(["duplicate", "duplicate"]));
  const messages = after.map((f) => f.message);
  assert.match(messages[0], /not JSON/);
  assert.match(messages[1], /no \u201cformat\u201d field/);
  assert.match(messages[2], /something-else/);
  assert.match(messages[3], /another exercise \(\u201cbarrier-log\u201d\)/);
  assert.match(messages[4], /another version/);
  assert.match(messages[5], /out of range/);
  assert.match(messages[6], /<img src=x onerror=alert\(1\)>/, "quoted as text, for textContent");
  assert.match(messages[7], /is not known/);
  assert.match(messages[8], /no answers/);
  assert.match(messages[9], /older format/);
  assert.match(messages[10], /52\.43 MB.*not opened/);
  assert.match(messages[11], /same file as file 1/);
  assert.match(messages[12], /same download as file 2/);
  assert.equal(groups[0].cleans.length, 5);
});

test("names and other fields in a file are never read into the profile or the CSV", () => {
  const entries = selfFiles(5).map((e, n) => entry(fileText(SELF, selfAnswers(n), { n,
    fields: { name: "Jane Doe", participant: "jane@example.org" } })));
  const { files, groups } = group.collect(entries, INSTRUMENTS);
  assert.ok(files.every((f) => f.status === "used"));
  const profile = group.profile(groups[0], INSTRUMENTS, 5);
  const text = JSON.stringify(profile) + JSON.stringify(group.aggregateCsv([profile]));
  assert.ok(!/Jane|example\.org/.test(text));
});

test("the audit reads the page's {answers, unknown} and counts not-known features", () => {
  const ids = AUDIT.features.map((f) => f.id);
  const entries = Array.from({ length: 6 }, (_, n) => {
    const answers = Object.fromEntries(ids.map((id, i) => [id, n < 3 ? 2 : i === 0 ? null : 0]));
    return entry(fileText(AUDIT, { answers, unknown: n < 3 ? [] : [ids[0]] }, { n }));
  });
  const { groups } = group.collect(entries, INSTRUMENTS);
  const profile = group.profile(groups[0], INSTRUMENTS, 5);
  assert.equal(profile.scores[0].label, "Whole programme");
  assert.equal(profile.scores[0].lowest, 0);
  assert.equal(profile.scores[0].highest, 100);
  const second = profile.items[1].options;
  assert.deepEqual(second.map((o) => o.count), [3, 0, 3, 0]);
  assert.equal(profile.items[0].options[3].count, 3, "not known");
  assert.equal(profile.split[0].id, ids[1], "three say fully in place, three say not in place");
});

test("knowledge checks: the share choosing each option, the best answer marked, parts kept apart", () => {
  const part = CHECKS.parts[0], questions = part.questions;
  const correct = (q) => q.options.find((o) => o.correct).id;
  const wrong = (q) => q.options.find((o) => !o.correct).id;
  const entries = Array.from({ length: 8 }, (_, n) => {
    const answers = Object.fromEntries(questions.map((q, i) => [q.id, i === 0 && n % 2 ? wrong(q) : correct(q)]));
    return entry(fileText(CHECKS, { answers, checked: [] }, { n, fields: { part: part.id } }));
  });
  entries.push(entry(fileText(CHECKS, {}, { n: 9, fields: { part: "part-9" } })));
  const { files, groups } = group.collect(entries, INSTRUMENTS);
  assert.match(files[8].message, /part-9/);
  const profile = group.profile(groups[0], INSTRUMENTS, 5);
  assert.equal(profile.title, CHECKS.title + ": " + part.title);
  const first = profile.items[0].options;
  assert.equal(first.find((o) => o.correct).share, 50);
  assert.equal(first.find((o) => o.id === wrong(questions[0])).share, 50);
  assert.equal(profile.split[0].id, questions[0].id);
  assert.equal(profile.scores[0].median,
    Number(rules.knowledge_check.checkAnswers(CHECKS, part.id, {}).total) - 0.5);
});

test("the CSV has one row per score and per answer option, none per person", () => {
  const profile = group.profile(group.collect(selfFiles(8), INSTRUMENTS).groups[0], INSTRUMENTS, 5);
  const rows = group.aggregateCsv([profile]);
  const options = SELF.items.length * SELF.scale.labels.length;
  assert.equal(rows.length, 1 + SELF.dimensions.length + options);
  assert.ok(rows.slice(1).every((row) => row.length === rows[0].length && row[2] === 8));
});

test("the content hash tells files apart and repeats itself", () => {
  assert.equal(group.contentHash("abc"), group.contentHash("abc"));
  assert.notEqual(group.contentHash("abc"), group.contentHash("abd"));
});

test("the workshop evaluation: section medians, quiz shares, tick counts, and no written answer ever shown", () => {
  const KIT = instrumentOf("workshop_evaluation");
  const kit = require(path.join(PACKAGE, "kinds", "workshop_evaluation", "rules.js"));
  const instruments = { [KIT.id]: KIT };
  const questions = (part) => kit.questionsOf(kit.getPart(KIT, part));
  const secret = "Fictional Person <script>alert(1)</script>";
  const answersFor = (part, n) => Object.fromEntries(questions(part).map((q) => [q.id,
    q.kind === "scale" ? 1 + (n % 5) : q.kind === "quiz" ? q.options[n % q.options.length].id
      : q.kind === "multi" ? [q.options[n % 2].id] : q.kind === "date" ? "2027-01-15" : (n < 4 ? secret : null)]));
  const entries = [];
  for (const part of ["follow-up", "end-of-session"]) {  // the follow-up's files picked first
    for (let n = 0; n < 6; n++) {
      entries.push(entry(fileText(KIT, answersFor(part, n), { n, fields: { part, exported: part + n } })));
    }
  }
  const { files, groups } = group.collect(entries, instruments);
  assert.ok(files.every((f) => f.status === "used"), JSON.stringify(files.filter((f) => f.status !== "used")));
  const [day, later] = groups.map((g) => group.profile(g, instruments, 5));
  assert.deepEqual([day.part, later.part], ["end-of-session", "follow-up"]);
  for (const p of [day, later]) {
    for (const s of p.scores) assert.ok(s.people === 6 && s.median !== null, s.id);
  }
  const ratings = day.scores[0].values.slice().sort((a, b) => a - b);
  assert.equal(day.scores[0].median, (ratings[2] + ratings[3]) / 2);
  const correct = day.scores.find((s) => s.id.endsWith("-correct"));
  assert.equal(correct.max, questions("end-of-session").filter((q) => q.kind === "quiz").length);
  const ticks = later.items.find((i) => i.id === "fu-obstacles");
  assert.deepEqual(ticks.options.slice(0, 2).map((o) => o.count), [3, 3]);
  assert.match(ticks.note, /do not add up to 100%/);
  assert.match(day.notes.join(" "), /4 of 6 wrote a complete commitment/);
  assert.match(later.notes.join(" "), /4 of 6 wrote in the text boxes/);
  const shown = JSON.stringify([day, later].map((p) => Object.assign({}, p, { scores: p.scores.map((s) =>
    Object.assign({}, s, { values: [] })) }))) + JSON.stringify(group.aggregateCsv([day, later]));
  assert.ok(!shown.includes("Fictional Person") && !shown.includes("2027-01-15"));
});

test("files with any field replaced by any JSON value are refused or used, and never break the view", () => {
  const KIT = instrumentOf("workshop_evaluation"), all = Object.assign({ [KIT.id]: KIT }, INSTRUMENTS);
  let seed = 20261201;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const values = [null, true, 0, -1, 1e308, "", "<b>x</b>", [], [1, "a"], {}, { answers: 3 }, { a: [null] }];
  const bases = [JSON.parse(fileText(SELF, selfAnswers(1))), JSON.parse(fileText(AUDIT, { answers: {}, unknown: [] })),
    JSON.parse(fileText(CHECKS, { answers: {}, checked: [] }, { fields: { part: CHECKS.parts[0].id } })),
    JSON.parse(fileText(KIT, {}, { fields: { part: KIT.parts[0].id } }))];
  const entries = [];
  for (let n = 0; n < 400; n++) {
    const data = structuredClone(pick(bases));
    const target = random() < 0.5 || !Object.keys(data.answers).length ? data : data.answers;
    target[pick(Object.keys(target).concat(["extra"]))] = structuredClone(pick(values));
    entries.push(entry(JSON.stringify(data)));
  }
  const { files, groups } = group.collect(entries, all);
  assert.equal(files.length, 400);
  assert.ok(files.every((f) => f.message), "every file gets a message");
  for (const g of groups) group.aggregateCsv([group.profile(g, all, 3)]);
});
