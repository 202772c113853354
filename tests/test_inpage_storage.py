"""Answers a reader saved before a kind was renamed (under the instrument's former storage key) still load."""

import json

import pytest

from leadership_handbook.kinds import KINDS

FILL_EVERY_FIELD = """() => {
  const form = document.querySelector('form.lh-form');
  const groups = {};
  form.querySelectorAll('input[type=radio]').forEach(r => (groups[r.name] = groups[r.name] || []).push(r));
  Object.values(groups).forEach((radios, i) => { radios[(i * 7 + 3) % radios.length].checked = true; });
  form.querySelectorAll('select').forEach((s, i) => {
    if (s.options.length > 1) s.selectedIndex = 1 + i % (s.options.length - 1);
  });
  form.querySelectorAll('textarea, input[type=text]').forEach((t, i) => { t.value = 'Entry ' + (i + 1); });
  form.querySelectorAll('input, select, textarea').forEach(x => x.dispatchEvent(new Event('input', {bubbles: true})));
  form.dispatchEvent(new Event('change', {bubbles: true}));
}"""

FORM_STATE = """() => Array.from(document.querySelectorAll(
    'form.lh-form input, form.lh-form select, form.lh-form textarea'))
  .map(x => [x.name, x.type === 'radio' || x.type === 'checkbox' ? x.checked : x.value])"""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_answers_saved_under_the_former_key_still_load(browser, exercise_site_url, kind):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(exercise_site_url + f"{kind}.html")
        section = page.locator("section.lh-exercise")
        key, former = section.get_attribute("data-lh-store"), section.get_attribute("data-lh-former-stores")
        assert former and former.split()[0] != key, "the instrument names its former storage key"
        page.evaluate(FILL_EVERY_FIELD)
        saved = page.evaluate("key => localStorage.getItem(key)", key)
        assert saved and json.loads(saved)["answers"], "the page saved the reader's answers"
        filled = page.evaluate(FORM_STATE)
        # A browser that last saw the page before the rename holds the same answers under the former key only.
        page.evaluate(
            "([key, former, saved]) => { localStorage.clear(); localStorage.setItem(former, saved); }",
            [key, former.split()[0], saved],
        )
        page.reload()
        assert page.evaluate(FORM_STATE) == filled
        assert "restored" in page.inner_text(".lh-status")
        assert page.evaluate("key => localStorage.getItem(key)", key) == saved  # copied to the new key...
        assert page.evaluate("key => localStorage.getItem(key)", former.split()[0]) == saved  # ...and never moved
    finally:
        context.close()
