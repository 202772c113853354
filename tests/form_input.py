"""Answers put into a form in one step, for the tests that compare a page with Python on many random inputs: each
field gets its value and the events the browser sends when a reader types into it (input) or picks an option or a
box (input and change), so the form reads, saves and redraws after each field as it does for a reader. Playwright's
fill, check and click cost about 20 ms of CPU each for waiting until a field can be used; the tests of a reader's own
typing and clicking keep using them."""

from __future__ import annotations

SET_FIELDS = """(fields) => {
  for (const [selector, value] of fields) {
    const field = document.querySelector(selector);
    if (!field) throw new Error(`set_fields: nothing on the page matches ${selector}`);
    const choice = field.type === "radio" || field.type === "checkbox";
    if (choice) field.checked = value;
    else field.value = value;
    if (field.tagName === "SELECT" && field.value !== value) {
      throw new Error(`set_fields: ${selector} has no option ${value}`);
    }
    field.dispatchEvent(new Event("input", { bubbles: true }));
    if (choice || field.tagName === "SELECT") field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}"""


def set_fields(page, fields) -> None:
    """Give each field its value, in order: ``fields`` is (CSS selector, value) pairs; a text value as typed, an
    option's value for a list, True or False for a radio button or a box."""
    page.evaluate(SET_FIELDS, [[selector, value] for selector, value in fields])
