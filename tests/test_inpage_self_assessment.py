"""The Future-Proof self-assessment in the page: scores equal Python's, answers persist, clear and export work."""

import csv
import io
import json
import random

from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import storage_key
from leadership_handbook.kinds.self_assessment.rules import score_responses

INSTRUMENT = load("future_proof")
ITEM_IDS = [item["id"] for item in INSTRUMENT["items"]]
BANDS = {b["id"]: b["label"] for b in INSTRUMENT["bands"]}
# The key of the six-dimension version (before "Developing the skills" was added): its item ids are all still here.
SIX_DIMENSION_KEY = "lh:future-proof:6c43289506"
SIX_DIMENSION_ITEMS = [i for i in ITEM_IDS if not i.startswith("develop-")]


def random_answers(rng):
    """Answers for every item: mostly 1 to 5, some left blank to exercise the partial-answer rule."""
    blank_rate = rng.choice([0, 0, 0.2, 0.5])
    return {i: (None if rng.random() < blank_rate else rng.randint(1, 5)) for i in ITEM_IDS}


def set_answers(page, answers):
    """Tick the radios as a reader would leave them, then fire one change event (fast for many sets)."""
    page.evaluate(
        """answers => {
        const form = document.querySelector('.lh-form');
        form.reset();
        for (const [name, value] of Object.entries(answers)) {
            if (value === null) continue;
            form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
        }
        form.dispatchEvent(new Event('change', {bubbles: true}));
    }""",
        answers,
    )


def page_scores(page):
    return page.eval_on_selector_all(
        "tr[data-dimension]", "rows => rows.map(r => [r.dataset.dimension, r.dataset.score, r.dataset.band])"
    )


def expected_scores(answers):
    result = score_responses(INSTRUMENT, answers)
    return [[d["id"], "" if d["score"] is None else f"{d['score']:.2f}", d["band"] or ""] for d in result["dimensions"]]


def test_scores_in_the_page_equal_the_python_scores(page, exercise_site_url):
    page.goto(exercise_site_url + "self_assessment.html")
    rng = random.Random(20261128)
    compared = 0
    for _ in range(15):  # the shared cases hold the rules equal; this checks the page wires them up
        answers = random_answers(rng)
        if all(v is None for v in answers.values()):
            continue
        set_answers(page, answers)
        assert page_scores(page) == expected_scores(answers), answers
        compared += 1
    assert compared >= 12
    assert page.errors == []


def test_a_reader_fills_it_in_and_the_answers_survive_a_reload(page, exercise_site_url):
    page.goto(exercise_site_url + "self_assessment.html")
    assert "Answer the statements above" in page.inner_text(".lh-results")
    answers = {item_id: (n % 5) + 1 for n, item_id in enumerate(ITEM_IDS)}
    for item_id, value in answers.items():
        page.check(f'input[name="{item_id}"][value="{value}"]')
    assert page_scores(page) == expected_scores(answers)
    assert page.locator("svg.lh-chart").count() == 1
    assert "NaN" not in page.inner_text(".lh-results")

    page.reload()
    assert page.is_checked(f'input[name="{ITEM_IDS[0]}"][value="{answers[ITEM_IDS[0]]}"]')
    assert page_scores(page) == expected_scores(answers)
    assert "restored" in page.inner_text(".lh-status")

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.errors == []


def test_partial_answers_are_explained_not_scored(page, exercise_site_url):
    page.goto(exercise_site_url + "self_assessment.html")
    answers = {item_id: None for item_id in ITEM_IDS}
    answers.update({"see-1": 4, "see-2": 5})
    set_answers(page, answers)
    row = page.locator('tr[data-dimension="see"]')
    assert row.get_attribute("data-score") == ""
    assert "Only 2 of 4 answered" in row.inner_text()
    assert f"You have answered 2 of {len(ITEM_IDS)}" in page.inner_text(".lh-results")
    assert "NaN" not in page.inner_text(".lh-results")


def test_answers_export_as_csv_and_json(page, exercise_site_url):
    page.goto(exercise_site_url + "self_assessment.html")
    answers = {item_id: 3 for item_id in ITEM_IDS}
    answers[ITEM_IDS[2]] = 5
    set_answers(page, answers)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["answers"] == answers
    assert (
        exported["results"]["dimensions"][0]["score"] == score_responses(INSTRUMENT, answers)["dimensions"][0]["score"]
    )

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    # Plain column names, as the reader sees them, and band labels rather than ids.
    assert list(rows[0])[:5] == ["Row", "Item id", "Statement or dimension", "Answer or score", "Band"]
    statements = {r["Item id"]: r["Answer or score"] for r in rows if r["Row"] == "Statement"}
    assert statements == {k: str(v) for k, v in answers.items()}
    dimensions = {r["Item id"]: (r["Answer or score"], r["Band"]) for r in rows if r["Row"] == "Dimension"}
    assert dimensions == {d: (s, BANDS[b]) for d, s, b in expected_scores(answers)}


def test_answers_saved_by_the_six_dimension_version_still_load(page, exercise_site_url):
    """A reader who answered before "Developing the skills" was added keeps every answer; the new ones are blank."""
    assert SIX_DIMENSION_KEY in INSTRUMENT["former_storage_keys"] and SIX_DIMENSION_KEY != storage_key(INSTRUMENT)
    old = {item_id: (n % 5) + 1 for n, item_id in enumerate(SIX_DIMENSION_ITEMS)}
    raw = json.dumps({"version": 1, "saved": "2026-11-20T09:00:00.000Z", "answers": old})
    page.goto(exercise_site_url + "self_assessment.html")
    page.evaluate("([key, raw]) => { localStorage.clear(); localStorage.setItem(key, raw); }", [SIX_DIMENSION_KEY, raw])
    page.reload()
    checked = dict(page.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => [e.name, +e.value])"))
    assert checked == old
    assert "restored" in page.inner_text(".lh-status")
    expected = expected_scores({**dict.fromkeys(ITEM_IDS), **old})
    assert page_scores(page) == expected
    develop = page.locator('tr[data-dimension="develop"]')
    assert develop.get_attribute("data-score") == "" and "Only 0 of 4 answered" in develop.inner_text()
    # Answering the new statements scores the new dimension and saves under the current key.
    for item_id in ITEM_IDS:
        if item_id.startswith("develop-"):
            page.check(f'input[name="{item_id}"][value="4"]')
    assert page.locator('tr[data-dimension="develop"]').get_attribute("data-score") != ""
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", storage_key(INSTRUMENT)))
    assert stored["answers"] == {**old, **{i: 4 for i in ITEM_IDS if i.startswith("develop-")}}
    assert page.errors == []


def test_the_profile_chart_text_is_at_least_12_px_on_a_phone(page, exercise_site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(exercise_site_url + "self_assessment.html")
    set_answers(page, {item_id: 3 for item_id in ITEM_IDS})
    # The rendered size of the smallest text: its font size in chart units times the chart's scale on the page.
    smallest = page.eval_on_selector(
        "svg.lh-chart",
        """svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = Array.from(svg.querySelectorAll('text'), t => parseFloat(getComputedStyle(t).fontSize));
        return Math.min(...sizes) * scale; }""",
    )
    assert smallest >= 12, smallest
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390


def test_keyboard_only_pass(page, exercise_site_url):
    """Tab to the first statement, choose with the arrow keys, move on with Tab: no mouse at all."""
    page.goto(exercise_site_url + "self_assessment.html")
    page.locator(f'input[name="{ITEM_IDS[0]}"]').first.focus()
    for _ in range(len(ITEM_IDS)):
        page.keyboard.press("ArrowRight")  # selects the next value in the group (2)
        page.keyboard.press("Tab")
    values = page.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => e.value)")
    assert values == ["2"] * len(ITEM_IDS)
    expected = expected_scores({i: 2 for i in ITEM_IDS})
    assert page_scores(page) == expected
    # The last Tab left the last statement for the form's Save button, then the toolbar: both work by keyboard.
    assert page.evaluate("document.activeElement.textContent") == "Save my answers"
    page.keyboard.press("Enter")
    assert page.inner_text(".lh-status") == "Your answers are saved in this browser."
    assert page_scores(page) == expected
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear my answers"
    page.keyboard.press("Enter")
    assert page.locator("input[type=radio]:checked").count() == 0


def test_without_javascript_the_page_is_a_printable_worksheet(browser, exercise_site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(exercise_site_url + "self_assessment.html")
        assert page.locator("input[type=radio]").count() == len(ITEM_IDS) * 5
        assert page.locator(".lh-toolbar").is_hidden()
        assert "print this worksheet" in page.inner_text(".lh-exercise")
        page.emulate_media(media="print")
        assert page.locator(".lh-scoring-grid").is_visible()
    finally:
        context.close()
