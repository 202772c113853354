"""Storage that loses nothing, in a real browser: one key per form (core/storage.js, keyed by core/templates.py),
answers kept across reloads, tabs and former keys, and a plain message whenever storage cannot be used. Every
form can be submitted from the keyboard. The same cases, without a browser: tests/js/storage.test.js."""

import json
import re
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import former_storage_keys, storage_key
from leadership_handbook.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent

MESSAGES = {  # the start of each sentence core/storage.js says
    "restored": "Your saved answers were restored from this browser.",
    "saved": "Your answers are saved in this browser.",
    "partly": "Your saved answers were restored, except some that do not fit this exercise",
    "unreadable": "The answers saved in this browser for this exercise could not be read",
    "older": "Answers you saved on 7 March 2026 for an earlier version of this exercise were not loaded",
    "full": "Your latest answers could not be saved: this browser's storage for this site is full.",
    "again": "Your answers are saved in this browser again.",
    "blocked": "This browser does not let the page keep your answers",
    "updated": "Your answers were updated with those you gave in another tab or window.",
    "merged": "Answers you gave in another tab or window were kept as well.",
}

FILL_EVERY_FIELD = """() => {
  document.querySelectorAll('form.lh-form').forEach((form, f) => {
    const groups = {};
    form.querySelectorAll('input[type=radio]').forEach(r => (groups[r.name] = groups[r.name] || []).push(r));
    Object.values(groups).forEach((radios, i) => { radios[(i * 7 + 3 + f) % radios.length].checked = true; });
    form.querySelectorAll('select').forEach((s, i) => {
      if (s.options.length > 1) s.selectedIndex = 1 + (i + f) % (s.options.length - 1);
    });
    form.querySelectorAll('textarea, input[type=text]').forEach((t, i) => { t.value = 'Entry ' + f + '.' + (i + 1); });
    form.querySelectorAll('input, select, textarea').forEach(x => x.dispatchEvent(new Event('input', {bubbles: true})));
    form.dispatchEvent(new Event('change', {bubbles: true}));
  });
}"""

FORM_STATE = """() => Array.from(document.querySelectorAll('form.lh-form')).map(form => Array.from(
    form.querySelectorAll('input, select, textarea'))
  .map(x => [x.name, x.type === 'radio' || x.type === 'checkbox' ? x.checked : x.value]))"""

STORED = "() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
STORE_KEYS = "() => Array.from(document.querySelectorAll('section.lh-exercise'), s => s.dataset.lhStore)"
FUTURE_PROOF = load("future_proof")
ITEMS = [item["id"] for item in FUTURE_PROOF["items"]]
KEY = storage_key(FUTURE_PROOF)


def answers_in(raw):
    return json.loads(raw)["answers"]


def status(page, index=0):
    return page.locator(".lh-status").nth(index)


def new_page(context):
    """A page that collects JavaScript errors and console errors in page.errors (as the `page` fixture does)."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    return page


# --- keys (no browser) ----------------------------------------------------------------------------------------------


def test_each_form_has_its_own_key_and_a_changed_part_leaves_the_others_alone():
    quiz = load("knowledge_checks")
    parts = [p["id"] for p in quiz["parts"]]
    keys = [storage_key(quiz, part) for part in parts]
    assert [k.rsplit(":", 1)[0] for k in keys] == [f"lh:knowledge-checks:{part}" for part in parts]
    assert all(re.fullmatch(r"[0-9a-f]{10}", k.rsplit(":", 1)[1]) for k in keys)
    changed = json.loads(json.dumps(quiz))
    changed["parts"][2]["questions"][0]["prompt"] += " (reworded)"
    after = [storage_key(changed, part) for part in parts]
    assert after[:2] == keys[:2] and after[2] != keys[2]  # the companion: the changed part's key changes
    # Each part looks for its answers first under the key the parts shared, then under the renamed kind's.
    # The key every part shared before each had its own is fixed history: no change to a part moves it.
    assert former_storage_keys(quiz, "part-1") == [quiz["former_shared_key"]] + quiz["former_storage_keys"]
    assert former_storage_keys(changed, "part-1") == former_storage_keys(quiz, "part-1")
    assert former_storage_keys(FUTURE_PROOF) == FUTURE_PROOF["former_storage_keys"]
    assert storage_key(FUTURE_PROOF) == KEY and KEY.count(":") == 2


# --- former keys ------------------------------------------------------------------------------------------------


def renamed_kinds():
    """The kinds whose instrument was saved under another key before (a kind new this round has none)."""
    from leadership_handbook.core.instruments import list_instruments

    return sorted({i["kind"] for i in map(load, list_instruments()) if i.get("former_storage_keys")} & set(KINDS))


def test_every_kind_from_before_the_renaming_names_its_former_keys():
    assert set(renamed_kinds()) >= {"self_assessment", "programme_audit", "barrier_log", "partnering_brief", "roi"}


@pytest.mark.parametrize("kind", renamed_kinds())
def test_answers_saved_under_the_former_key_still_load(page, exercise_site_url, kind):
    page.goto(exercise_site_url + f"{kind}.html")
    section = page.locator("section.lh-exercise").first
    key, former = section.get_attribute("data-lh-store"), section.get_attribute("data-lh-former-stores").split()
    assert former and key not in former, "the instrument names its former storage keys"
    page.evaluate(FILL_EVERY_FIELD)
    saved = page.evaluate("key => localStorage.getItem(key)", key)
    assert saved and answers_in(saved), "the page saved the reader's answers"
    filled = page.evaluate(FORM_STATE)[0]  # the first form's (a page of parts restores each from its own key)
    # A browser that last saw the page before the rename holds the same answers, as then saved, under the
    # instrument's own former key only (the last one named).
    before_rename = json.dumps({"saved": "2026-03-07T09:00:00.000Z", "answers": answers_in(saved)})
    page.evaluate(
        "([former, value]) => { localStorage.clear(); localStorage.setItem(former, value); }",
        [former[-1], before_rename],
    )
    page.reload()
    assert page.evaluate(FORM_STATE)[0] == filled
    assert MESSAGES["restored"] in page.inner_text(".lh-status")
    assert answers_in(page.evaluate("key => localStorage.getItem(key)", key)) == answers_in(saved)  # copied...
    assert page.evaluate("key => localStorage.getItem(key)", former[-1]) == before_rename  # ...and never moved
    assert page.errors == []


EXERCISE_PAGES = sorted(path.stem for path in (ROOT / "exercises").glob("*.ipynb"))


@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_every_answer_on_every_exercise_page_of_the_book_survives_a_reload(page, site_url, name):
    """The handbook's own pages, every form on each (the knowledge checks have three, one form an exercise)."""
    page.goto(site_url + f"exercises/{name}.html")
    assert page.locator("form.lh-form").count() == page.locator("section.lh-exercise").count() >= 1
    page.evaluate(FILL_EVERY_FIELD)
    filled = page.evaluate(FORM_STATE)
    assert all(any(value not in ("", False) for _, value in form) for form in filled)
    page.reload()
    assert page.evaluate(FORM_STATE) == filled
    assert page.errors == []


def test_each_part_on_one_page_keeps_its_own_answers(page, exercise_site_url):
    """Three forms of one instrument on a page: three keys, and every answer of every form survives a reload."""
    page.goto(exercise_site_url + "knowledge_check_parts.html")
    keys = page.evaluate(STORE_KEYS)
    assert [re.sub(r":[0-9a-f]{10}$", "", k) for k in keys] == [f"lh:knowledge-checks:part-{n}" for n in (1, 2, 3)]
    page.evaluate(FILL_EVERY_FIELD)
    filled = page.evaluate(FORM_STATE)
    chosen = [sum(1 for _, checked in form if checked is True) for form in filled]
    assert chosen == [len(part["questions"]) for part in load("knowledge_checks")["parts"]]
    stored = page.evaluate(STORED)
    for key, part in zip(keys, load("knowledge_checks")["parts"], strict=True):
        assert set(answers_in(stored[key])["answers"]) == {q["id"] for q in part["questions"]}
    page.reload()
    assert page.evaluate(FORM_STATE) == filled
    # Answering one part rewrites only that part's key.
    page.locator("form.lh-form").nth(1).locator("input[type=radio]").first.check()
    now = page.evaluate(STORED)
    assert [now[k] == stored[k] for k in keys] == [True, False, True]
    assert page.errors == []


def test_the_key_the_parts_shared_fills_each_part_with_its_own_answers(page, exercise_site_url):
    """Until each part had its own key they shared one (the last part answered overwrote it), and before the
    kinds were renamed another: each part takes its answers from whichever holds them."""
    page.goto(exercise_site_url + "knowledge_check_parts.html")
    forms = page.locator("form.lh-form")
    shared, renamed = page.locator("section.lh-exercise").first.get_attribute("data-lh-former-stores").split()
    for n in (0, 1):
        forms.nth(n).locator("input[type=radio]").first.check()
    stored, filled = page.evaluate(STORED), page.evaluate(FORM_STATE)
    keys = page.evaluate(STORE_KEYS)
    legacy = {  # entries as the page wrote them then: no version, the part's answers only
        shared: json.dumps({"saved": "2026-11-01T10:00:00.000Z", "answers": answers_in(stored[keys[1]])}),
        renamed: json.dumps({"saved": "2026-06-01T10:00:00.000Z", "answers": answers_in(stored[keys[0]])}),
    }
    page.evaluate("entries => { localStorage.clear(); Object.assign(localStorage, entries); }", legacy)
    page.reload()
    assert page.evaluate(FORM_STATE) == filled
    assert [status(page, n).inner_text() for n in range(3)] == [MESSAGES["restored"], MESSAGES["restored"], ""]
    now = page.evaluate(STORED)
    assert answers_in(now[keys[0]]) == answers_in(stored[keys[0]])
    assert answers_in(now[keys[1]])["answers"] == answers_in(stored[keys[1]])["answers"]
    assert keys[2] not in now  # nothing to copy for part 3
    assert now[shared] == legacy[shared] and now[renamed] == legacy[renamed]
    assert page.errors == []


# --- the keyboard ---------------------------------------------------------------------------------------------------


def submit_buttons(form) -> int:
    """HTML_CodeSniffer's rule H32: a form's submit inputs and buttons (a button is a submit button unless its
    type says otherwise)."""
    inputs = form.select("input[type=submit], input[type=image]")
    buttons = [b for b in form.select("button") if b.get("type", "submit") not in ("button", "reset")]
    return len(inputs) + len(buttons)


def test_every_form_has_a_submit_button_in_its_html(exercise_site_url):
    """H32 on the HTML as served, before any script runs."""
    for name in sorted(KINDS) + ["knowledge_check_parts"]:
        with urllib.request.urlopen(exercise_site_url + f"{name}.html") as response:
            soup = BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        forms = soup.select("form.lh-form")
        assert forms and all(submit_buttons(form) == 1 for form in forms), name
        # Its companion, which must fail: the same forms without their Save button.
        for actions in soup.select(".lh-form-actions"):
            actions.decompose()
        assert [submit_buttons(form) for form in forms] == [0] * len(forms), name


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_keyboard_submits_every_form_without_changing_its_scores(page, exercise_site_url, kind):
    page.goto(exercise_site_url + f"{kind}.html")
    save = page.locator("form.lh-form button[type=submit]").first  # a page may hold several forms (parts)
    expect(save).to_be_visible()
    assert save.inner_text() == "Save my answers" and save.is_enabled()
    page.evaluate(FILL_EVERY_FIELD)
    results = page.inner_text(".lh-results")
    stored = page.evaluate(STORED)
    save.focus()
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(MESSAGES["saved"])
    assert page.inner_text(".lh-results") == results  # scoring as you go is unchanged
    assert page.url == exercise_site_url + f"{kind}.html"  # the form never left the page
    ours = lambda entries: {k: answers_in(v) for k, v in entries.items() if k.startswith("lh:")}  # noqa: E731
    assert ours(page.evaluate(STORED)) == ours(stored)
    # Enter in a one-line field submits as well (the browser's implicit submission).
    line = page.locator("form.lh-form input[type=text]")
    if line.count():
        page.evaluate("() => { document.querySelector('.lh-status').textContent = ''; }")
        line.first.press("Enter")
        expect(status(page)).to_have_text(MESSAGES["saved"])
    page.evaluate("() => { document.querySelector('.lh-status').textContent = ''; }")
    save.focus()
    page.keyboard.press("Space")  # a button to the keyboard in both standard ways
    expect(status(page)).to_have_text(MESSAGES["saved"])
    assert page.errors == []


def test_without_javascript_the_save_button_is_not_shown(browser, exercise_site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(exercise_site_url + "self_assessment.html")
        assert page.locator("button.lh-save").count() == 1
        assert page.locator("button.lh-save").is_hidden()
        assert page.locator("button.lh-save").is_disabled()  # so Enter in a field submits nothing either
    finally:
        context.close()


# --- bad input ------------------------------------------------------------------------------------------------------

OTHER = {"lh:another-exercise:0123456789": '{"version": 1, "answers": {"x": 1}}', "not-ours": "kept as it is"}


def start_with(page, url, entries):
    """The page loaded with these entries (and two that belong to others) already in localStorage."""
    page.goto(url)
    page.evaluate("entries => { localStorage.clear(); Object.assign(localStorage, entries); }", {**OTHER, **entries})
    page.reload()


def answer(page, item, value):
    page.check(f'input[name="{item}"][value="{value}"]')


def test_a_stored_value_that_is_not_json(page, exercise_site_url):
    start_with(page, exercise_site_url + "self_assessment.html", {KEY: "{not json"})
    assert status(page).inner_text().startswith(MESSAGES["unreadable"])
    assert page.locator("input[type=radio]:checked").count() == 0
    answer(page, ITEMS[0], 4)
    stored = page.evaluate(STORED)
    assert answers_in(stored[KEY])[ITEMS[0]] == 4  # the form works and saves
    assert stored[KEY + ":set-aside"] == "{not json"  # what could not be read is kept
    assert {k: stored[k] for k in OTHER} == OTHER  # nothing else touched
    # Its companion: a readable value is restored, with nothing set aside.
    page.reload()
    assert status(page).inner_text() == MESSAGES["restored"]
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':set-aside')).length") == 1
    assert page.errors == []


def test_a_stored_value_with_unknown_ids_or_out_of_range_ratings(page, exercise_site_url):
    raw = json.dumps({"version": 1, "answers": {ITEMS[0]: 9, ITEMS[1]: 3, "no-such-item": 2}})
    start_with(page, exercise_site_url + "self_assessment.html", {KEY: raw})
    assert status(page).inner_text().startswith(MESSAGES["partly"])
    checked = page.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => [e.name, e.value])")
    assert checked == [[ITEMS[1], "3"]]  # what fits is restored
    stored = page.evaluate(STORED)
    assert stored[KEY + ":set-aside"] == raw and {k: stored[k] for k in OTHER} == OTHER
    text = page.inner_text(".lh-results")
    assert "NaN" not in text and "undefined" not in text
    assert page.errors == []


def test_answers_saved_for_an_earlier_version_of_the_instrument(page, exercise_site_url):
    earlier = KEY[:-10] + "0000000000"
    raw = json.dumps({"version": 1, "saved": "2026-03-07T09:00:00.000Z", "answers": {ITEMS[0]: 5}})
    start_with(page, exercise_site_url + "self_assessment.html", {earlier: raw})
    assert status(page).inner_text().startswith(MESSAGES["older"])
    assert page.locator("input[type=radio]:checked").count() == 0  # never read into the changed instrument
    answer(page, ITEMS[1], 2)
    stored = page.evaluate(STORED)
    assert stored[earlier] == raw and {k: stored[k] for k in OTHER} == OTHER
    page.reload()
    assert status(page).inner_text() == MESSAGES["restored"]  # said once: now there are answers for this version
    assert page.errors == []


FILL_STORAGE = """() => {
  let n = 0;
  for (let size = 1 << 20; size >= 1; size = size >> 1) {
    for (;;) { try { localStorage.setItem('filler-' + n, 'x'.repeat(size)); n++; } catch (e) { break; } }
  }
  return n;
}"""


def test_storage_full(page, exercise_site_url):
    start_with(page, exercise_site_url + "self_assessment.html", {})
    page.evaluate(FILL_STORAGE)
    before = page.evaluate(STORED)
    answer(page, ITEMS[0], 1)
    assert status(page).inner_text().startswith(MESSAGES["full"])
    assert page.locator(".lh-status.lh-status-problem").count() == 1
    answer(page, ITEMS[1], 2)  # the form keeps scoring, and the message is not repeated for every answer
    assert page.locator("tr[data-dimension]").count() > 0
    assert page.evaluate(STORED) == before  # nothing removed to make room
    page.evaluate("() => { document.querySelector('.lh-status').textContent = ''; }")
    page.locator("button.lh-save").click()  # Save says it again
    expect(status(page)).to_have_text(re.compile("^" + re.escape(MESSAGES["full"])))
    page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))"
    )
    answer(page, ITEMS[2], 3)
    assert status(page).inner_text() == MESSAGES["again"]
    assert page.locator(".lh-status.lh-status-problem").count() == 0
    page.reload()
    checked = page.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => e.name + '=' + e.value)")
    assert checked == [f"{ITEMS[0]}=1", f"{ITEMS[1]}=2", f"{ITEMS[2]}=3"]
    assert {k: v for k, v in page.evaluate(STORED).items() if k in OTHER} == OTHER
    assert page.errors == []


# Storage switched off for the exercises' scripts only (lh-core.js's file, which the build joins with the kind's
# and lh-exercise-page.js and loads after the page: script_bundles.py; or another lh-*.js of ours): the theme's and
# Sphinx's own scripts, which the build joins into other lh-scripts-*.js files, do not guard their use of
# localStorage and throw when it is switched off, which is not what this test is about.
BLOCK_STORAGE = """(() => {
  const real = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage')
    || Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', { configurable: true, get() {
    const stack = new Error().stack;
    const core = document.querySelector('script[data-lh-file-check]');  // the loader of lh-core.js's file, or it
    const file = core && (core.getAttribute('data-lh-after-load') || core.src).split('?')[0].split('/').pop();
    const ours = (file && stack.includes('/' + file)) || /\\/lh-(?!scripts-)[\\w-]+\\.js/.test(stack);
    if (ours) throw new DOMException('The operation is insecure.', 'SecurityError');
    return real.get.call(window);
  } });
})();"""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_storage_blocked(browser, exercise_site_url, kind):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    try:
        page = new_page(context)
        page.goto(exercise_site_url + f"{kind}.html")
        assert status(page).inner_text().startswith(MESSAGES["blocked"])
        before = page.inner_text(".lh-results")
        page.evaluate(FILL_EVERY_FIELD)
        if page.locator("button.lh-check").count():
            page.locator("button.lh-check").first.click()
        assert page.inner_text(".lh-results") != before  # the form keeps scoring for the session
        assert status(page).inner_text().startswith(MESSAGES["blocked"])  # said once, not once per answer
        page.locator("button.lh-save").first.click()
        expect(status(page)).to_have_text(re.compile("^" + re.escape(MESSAGES["blocked"])))
        page.get_by_role("button", name="Clear my answers").first.click()
        assert page.errors == []
    finally:
        context.close()


# --- two tabs -------------------------------------------------------------------------------------------------------

# A tab that does not hear the other's writes (as when both write before either's storage event arrives).
DEAF = "window.addEventListener('storage', e => { if (window.lhDeaf) e.stopImmediatePropagation(); }, true);"


def test_two_tabs_show_each_others_answers(browser, exercise_site_url):
    context = browser.new_context()
    try:
        first, second = new_page(context), new_page(context)
        for tab in (first, second):
            tab.goto(exercise_site_url + "self_assessment.html")
        answer(first, ITEMS[0], 5)
        expect(status(second)).to_have_text(MESSAGES["updated"])
        assert second.is_checked(f'input[name="{ITEMS[0]}"][value="5"]')
        answer(second, ITEMS[1], 1)
        expect(first.locator(f'input[name="{ITEMS[1]}"][value="1"]')).to_be_checked()
        first.reload()
        assert first.is_checked(f'input[name="{ITEMS[0]}"][value="5"]')
        assert first.is_checked(f'input[name="{ITEMS[1]}"][value="1"]')
        assert first.errors == [] and second.errors == []
    finally:
        context.close()


def test_two_tabs_writing_at_once_keep_both_answers(browser, exercise_site_url):
    context = browser.new_context()
    context.add_init_script(DEAF)
    try:
        first, second = new_page(context), new_page(context)
        for tab in (first, second):
            tab.goto(exercise_site_url + "knowledge_check_parts.html")
            tab.evaluate("() => { window.lhDeaf = true; }")
        first.locator("form.lh-form").nth(0).locator("input[type=radio]").nth(0).check()
        second.locator("form.lh-form").nth(0).locator("input[type=radio]").nth(6).check()
        # The second tab did not know of the first's answer, and kept it all the same.
        assert status(second).inner_text() == MESSAGES["merged"]
        assert second.locator("form.lh-form").nth(0).locator("input[type=radio]").nth(0).is_checked()
        # Its companion, which must fail without the merge: the second tab's own form lacked the first's answer.
        key = second.evaluate(STORE_KEYS)[0]
        answers = answers_in(second.evaluate("key => localStorage.getItem(key)", key))["answers"]
        assert sum(1 for value in answers.values() if value) == 2
        first.reload()
        assert first.locator("form.lh-form").nth(0).locator("input[type=radio]:checked").count() == 2
        assert first.errors == [] and second.errors == []
    finally:
        context.close()
