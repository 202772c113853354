// Every shared case (core/cases.json and kinds/<kind>/cases.json) against the JavaScript rules, in Node:
// no Sphinx build, no browser. The Python rules wrote the expected values (leadership_handbook.core.cases).
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { describe, test } = require("node:test");

const PACKAGE = path.join(__dirname, "..", "..", "leadership_handbook");
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const sources = [["core", path.join(PACKAGE, "core", "cases.json"), path.join(PACKAGE, "core", "formatting.js")]];
for (const kind of fs.readdirSync(path.join(PACKAGE, "kinds")).sort()) {
  const folder = path.join(PACKAGE, "kinds", kind);
  if (fs.existsSync(path.join(folder, "cases.json"))) {
    sources.push([kind, path.join(folder, "cases.json"), path.join(folder, "rules.js")]);
  }
}

test("there are shared cases for the formatter and for every kind", () => {
  const kinds = fs.readdirSync(path.join(PACKAGE, "kinds")).filter((k) =>
    fs.existsSync(path.join(PACKAGE, "kinds", k, "schema.json")));
  assert.ok(kinds.length >= 6, "found only " + kinds.join(", "));
  for (const kind of kinds) assert.ok(sources.some(([name]) => name === kind), kind + " has no cases.json");
});

for (const [source, casesFile, rulesFile] of sources) {
  const file = JSON.parse(fs.readFileSync(casesFile, "utf8"));
  const rules = require(rulesFile);
  describe(source, () => {
    test("has cases", () => assert.ok(file.cases.length >= 5, casesFile));
    for (const c of file.cases) {
      test(c.name, () => {
        const fn = rules[camel(c.call)];
        assert.equal(typeof fn, "function", path.basename(rulesFile) + " exports no " + camel(c.call));
        const args = (file.instrument ? [file.instrument.data] : []).concat(structuredClone(c.args));
        if (c.raises) {
          assert.throws(() => fn(...args), (error) => {
            assert.equal(error.name, "InputError", String(error));
            assert.deepEqual({ item_id: error.item_id, field: error.field }, c.raises);
            return true;
          });
        } else {
          assert.deepEqual(JSON.parse(JSON.stringify(fn(...args))), c.expected);
        }
      });
    }
  });
}
