/* Bad input in the page's rules: the twin of core/errors.py. Each check returns the clean value or throws an
   InputError naming the item and the field, as the Python check of the same name does (shared cases test it).
   Loaded by the page (as LH.errors) and by Node's test runner (require). */
(function (factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (window.LH = window.LH || {}).errors = factory();
})(function () {
  "use strict";

  class InputError extends Error {
    constructor(problem, { item_id = null, field = null, allowed = null } = {}) {
      super(problem + (allowed ? ". Allowed: " + allowed : ""));
      this.name = "InputError";
      Object.assign(this, { problem, item_id, field, allowed });
    }
  }

  const isPlainObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

  function checkNumber(value, { field, item_id = null, minimum = null, maximum = null, exclusive_minimum = false,
    allowed = null } = {}) {
    const where = { field, item_id, allowed };
    if (typeof value === "string") throw new InputError(JSON.stringify(value) + " is text, not a number", where);
    if (typeof value !== "number") throw new InputError(String(value) + " is not a number", where);
    if (!Number.isFinite(value)) throw new InputError(String(value) + " cannot be used in a calculation", where);
    const tooLow = minimum !== null && (exclusive_minimum ? value <= minimum : value < minimum);
    if (tooLow || (maximum !== null && value > maximum)) throw new InputError(value + " is out of range", where);
    return value;
  }

  function checkWholeNumber(value, { field, item_id = null, minimum = null, maximum = null, allowed = null } = {}) {
    const where = { field, item_id, allowed };
    if (typeof value !== "number" || !Number.isInteger(value)) {
      checkNumber(value, where);
      throw new InputError(String(value) + " is not a whole number", where);
    }
    if ((minimum !== null && value < minimum) || (maximum !== null && value > maximum)) {
      throw new InputError(value + " is out of range", where);
    }
    return value;
  }

  // Non-empty text, trimmed, at most maxLength characters as a reader counts them (an emoji is one).
  function checkText(value, { field, item_id = null, max_length = 500 } = {}) {
    const where = { field, item_id, allowed: "text of 1 to " + max_length + " characters" };
    if (typeof value !== "string") throw new InputError(String(value) + " is not text", where);
    const text = value.trim();
    if (!text) throw new InputError("it is empty", where);
    const length = Array.from(text).length;
    if (length > max_length) throw new InputError("it is " + length + " characters long", where);
    return text;
  }

  // Answers keyed by id: a plain object whose keys are all among ids.
  function checkAnswerMap(answers, ids, { id_field }) {
    if (!isPlainObject(answers)) throw new InputError("the answers are not a dictionary", { field: "answers" });
    for (const key of Object.keys(answers)) {
      if (!ids.includes(key)) {
        throw new InputError(JSON.stringify(key) + " is not known", { item_id: key, field: id_field });
      }
    }
  }

  // A list of records (barrier-log entries, plan rows), numbered from 1 with ids prefix1, prefix2, ...
  // Returns [[number, item_id, record], ...]; the same refusals as Python's check_records.
  function checkRecords(records, { fields, noun, plural, prefix, minimum, maximum }) {
    if (!Array.isArray(records)) throw new InputError("not a list of " + plural, { field: plural });
    if (records.length < minimum || records.length > maximum) {
      const allowed = "from " + minimum + " to " + maximum;
      throw new InputError(records.length + " " + plural, { field: plural, allowed });
    }
    return records.map((record, index) => {
      const number = index + 1, item_id = prefix + number;
      if (!isPlainObject(record)) {
        throw new InputError(noun + " " + number + " is not a dictionary", { item_id, field: noun });
      }
      for (const key of Object.keys(record)) {
        if (!fields.includes(key)) {
          throw new InputError(JSON.stringify(key) + " is not a field", { item_id, field: key });
        }
      }
      for (const key of fields) {
        if (record[key] === undefined || record[key] === null) {
          throw new InputError("this field is missing", { item_id, field: key });
        }
      }
      return [number, item_id, record];
    });
  }

  return { InputError, checkNumber, checkWholeNumber, checkText, checkAnswerMap, checkRecords };
});
