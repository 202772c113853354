"""The programme audit in the page: scores equal score_audit's, answers persist, clear and export work."""

import csv
import io
import json
import random
import re

from form_input import set_fields

from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import storage_key
from leadership_handbook.kinds.programme_audit.page import basis_text
from leadership_handbook.kinds.programme_audit.rules import score_audit

AUDIT = load("programme_audit")
# The key of the twelve-feature version (before the capacity features were added): its ids are all still here.
TWELVE_FEATURE_KEY = "lh:programme-audit:167e010948"
CAPACITY = [f["id"] for f in AUDIT["features"] if f["stage"] == "capacity"]
IDS = [f["id"] for f in AUDIT["features"]]
VALUES = [o["value"] for o in AUDIT["response_options"]]
UNKNOWN = AUDIT["dont_know"]["value"]  # the "Don't know" radio; scored like an unanswered feature


def fill(page, choices):
    """Clear the form, then tick each radio, one after another (tests/form_input.py; a reader's own clicks:
    test_a_reader_fills_it_in_and_the_answers_survive_a_reload); None leaves a feature unanswered."""
    page.get_by_role("button", name="Clear my answers").click()
    set_fields(
        page, [(f'input[name="{i}"][value="{choice}"]', True) for i, choice in choices.items() if choice is not None]
    )


def python_answers(choices):
    return {k: (None if v in (None, UNKNOWN) else v) for k, v in choices.items()}


def page_result(page):
    overall = page.locator("p.lh-audit-overall")
    return {
        "percent": float(overall.get_attribute("data-percent")),
        "band": overall.get_attribute("data-band"),
        "points": int(overall.get_attribute("data-points")),
        "max_points": int(overall.get_attribute("data-max-points")),
        "stages": page.eval_on_selector_all(
            "tr[data-stage]",
            "rows => rows.map(r => [r.dataset.stage, Number(r.dataset.percent), Number(r.dataset.points)])",
        ),
        "gaps": page.eval_on_selector_all(
            "tr[data-feature]", "rows => rows.map(r => [r.dataset.feature, Number(r.dataset.gap), r.dataset.status])"
        ),
    }


def python_result(choices):
    result = score_audit(AUDIT, python_answers(choices))
    return {
        "percent": result["percent"],
        "band": result["band"],
        "points": result["points"],
        "max_points": result["max_points"],
        "stages": [[s["id"], s["percent"], s["points"]] for s in result["stages"]],
        "gaps": [[g["id"], g["gap"], g["status"]] for g in result["gaps"]],
    }


def smallest_chart_text(page):
    """The rendered size in px of the smallest text in the page's charts: font size in chart units times scale."""
    return page.evaluate(SMALLEST_CHART_TEXT)


SMALLEST_CHART_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('svg.lh-chart'), (svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...Array.from(svg.querySelectorAll('text'), (t) => parseFloat(getComputedStyle(t).fontSize) * scale));
}))"""


def test_scores_in_the_page_equal_the_python_scores(page, exercise_site_url):
    page.goto(exercise_site_url + "programme_audit.html")
    rng = random.Random(20261128)
    compared = 0
    for n in range(8):  # the shared cases hold the rules equal; this checks the page wires them up
        blank_rate = [0, 0.15, 0.4][n % 3]
        choices = {i: (None if rng.random() < blank_rate else rng.choice(VALUES + [UNKNOWN])) for i in IDS}
        if n == 0:
            choices = {i: max(VALUES) for i in IDS}  # everything in place: no gaps, the top band
        if all(v is None for v in choices.values()):
            continue
        fill(page, choices)
        assert page_result(page) == python_result(choices), choices
        if n == 0:
            assert page.locator("tr[data-feature]").count() == 0 and "No gaps" in page.inner_text(".lh-results")
        compared += 1
    assert compared >= 6
    assert page.errors == []


def test_a_reader_fills_it_in_and_the_answers_survive_a_reload(page, exercise_site_url):
    page.goto(exercise_site_url + "programme_audit.html")
    assert "Rate the features above" in page.inner_text(".lh-results")
    assert page.locator(".lh-exercise h1, .lh-exercise h2, .lh-exercise h3, .lh-exercise h4").count() == 0
    choices = {i: [2, 1, 0, UNKNOWN][n % 4] for n, i in enumerate(IDS)}
    for feature_id, choice in choices.items():
        page.get_by_role(
            "group", name=next(f["label"] for f in AUDIT["features"] if f["id"] == feature_id)
        ).get_by_label(
            {2: "Fully in place", 1: "Partly in place", 0: "Not in place", UNKNOWN: AUDIT["dont_know"]["label"]}[choice]
        ).check()
    expected = python_result(choices)
    assert page_result(page) == expected
    assert page.locator("svg.lh-chart[role=img]").count() == 1
    label = page.locator("svg.lh-chart").get_attribute("aria-label")
    assert "Needs analysis: 2 of 2 (Fully in place)" in label and "Not known: find out" in label
    text = page.inner_text(".lh-results")
    assert "NaN" not in text and "undefined" not in text
    rated = sum(c is not None and c != UNKNOWN for c in choices.values())
    assert f"You have rated {rated} of {len(IDS)} features" in text
    for gap in score_audit(AUDIT, python_answers(choices))["gaps"]:
        action = next(f["action"] for f in AUDIT["features"] if f["id"] == gap["id"])
        assert action in page.locator(f'tr[data-feature="{gap["id"]}"]').inner_text()

    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    for feature_id, choice in choices.items():
        assert page.is_checked(f'input[name="{feature_id}"][value="{choice}"]')
    assert page_result(page) == expected

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert "Rate the features above" in page.inner_text(".lh-results")
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.errors == []


def test_answers_export_as_csv_and_json(page, exercise_site_url):
    page.goto(exercise_site_url + "programme_audit.html")
    choices = {i: 1 for i in IDS}
    choices.update({IDS[0]: 2, IDS[1]: UNKNOWN, IDS[2]: None, IDS[3]: 0})
    fill(page, choices)
    python = score_audit(AUDIT, python_answers(choices))

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    assert re.fullmatch(r"programme-audit-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["instrument"] == AUDIT["id"]
    assert exported["answers"]["answers"] == python_answers(choices)
    assert exported["answers"]["unknown"] == [IDS[1]]
    assert score_audit(AUDIT, exported["answers"]["answers"]) == python  # the answers work in the notebook too
    for key in ("points", "max_points", "percent", "band", "answered", "total"):
        assert exported["results"][key] == python[key]
    assert exported["results"]["stages"] == python["stages"]
    assert [g["id"] for g in exported["results"]["gaps"]] == [g["id"] for g in python["gaps"]]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    # Plain column names, as the reader sees them.
    assert list(rows[0])[:10] == [
        "Row",
        "Id",
        "Feature, stage or programme",
        "Stage",
        "Basis",
        "Answer",
        "Points",
        "Highest points",
        "Percent",
        "Status or band",
    ]
    features = {r["Id"]: r for r in rows if r["Row"] == "Feature"}
    assert {k: r["Answer"] for k, r in features.items()} == {
        f["id"]: "" if f["answer"] is None else str(f["answer"]) for f in python["features"]
    }
    assert {k: r["Status or band"] for k, r in features.items()} == {f["id"]: f["status"] for f in python["features"]}
    assert {k: r["Basis"] for k, r in features.items()} == {f["id"]: basis_text(AUDIT, f) for f in AUDIT["features"]}
    stages = {r["Id"]: r["Percent"] for r in rows if r["Row"] == "Stage"}
    assert stages == {s["id"]: f"{s['percent']:.2f}" for s in python["stages"]}
    overall = next(r for r in rows if r["Row"] == "Whole programme")
    assert overall["Percent"] == f"{python['percent']:.2f}" and overall["Status or band"] == python["band_label"]
    assert page.errors == []


def test_each_feature_shows_its_basis_and_the_capacity_features_are_scored(page, exercise_site_url):
    """The audit says what recommends each feature (research, an evaluation model or a practitioner's idea), and its
    capacity stage asks whether the programme teaches people to judge, develop and anticipate."""
    page.goto(exercise_site_url + "programme_audit.html")
    for f in AUDIT["features"]:
        shown = page.locator(f'li[data-item="{f["id"]}"] .lh-basis')
        assert shown.get_attribute("data-basis") == " ".join(f["basis"])
        assert basis_text(AUDIT, f) in shown.inner_text()
    assert len(CAPACITY) == 3 and {b for f in AUDIT["features"] for b in f["basis"]} == {"research", "model", "idea"}
    fill(page, {i: (0 if i in CAPACITY else 2) for i in IDS})
    stages = dict((s, p) for s, p, _ in page_result(page)["stages"])
    assert stages["capacity"] == 0 and stages["before"] == 100
    for feature_id in CAPACITY:
        gap = page.locator(f'tr[data-feature="{feature_id}"]')
        assert "Practitioner's idea" in gap.inner_text()
    assert page.errors == []


def test_the_gap_chart_text_is_at_least_12_px_on_a_phone(page, exercise_site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(exercise_site_url + "programme_audit.html")
    fill(page, {i: 1 for i in IDS})
    assert smallest_chart_text(page) >= 12
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_answers_saved_by_the_twelve_feature_version_still_load(page, exercise_site_url):
    assert TWELVE_FEATURE_KEY in AUDIT["former_storage_keys"] and TWELVE_FEATURE_KEY != storage_key(AUDIT)
    old = {i: 1 for i in IDS if i not in CAPACITY and i != "opportunity"}
    old["spaced"] = 2
    raw = json.dumps(
        {"version": 1, "saved": "2026-11-20T09:00:00.000Z", "answers": {"answers": old, "unknown": ["opportunity"]}}
    )
    page.goto(exercise_site_url + "programme_audit.html")
    page.evaluate(
        "([key, raw]) => { localStorage.clear(); localStorage.setItem(key, raw); }", [TWELVE_FEATURE_KEY, raw]
    )
    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    for feature_id, value in old.items():
        assert page.is_checked(f'input[name="{feature_id}"][value="{value}"]')
    assert page.is_checked(f'input[name="opportunity"][value="{UNKNOWN}"]')
    assert page.locator(f'input[name="{CAPACITY[0]}"]:checked').count() == 0
    assert page_result(page) == python_result({**dict.fromkeys(IDS), **old})
    assert page.errors == []


def test_a_bad_saved_answer_gets_a_message_and_never_a_nan(page, exercise_site_url):
    """A saved answer that is not an option (storage or an export edited by hand) is flagged beside the feature
    and scored as unanswered, as score_audit would refuse it."""
    page.goto(exercise_site_url + "programme_audit.html")
    page.check(f'input[name="{IDS[1]}"][value="2"]')
    key = page.get_attribute(".lh-exercise", "data-lh-store")
    page.evaluate(
        """([key, id]) => {
        const saved = JSON.parse(localStorage.getItem(key));
        saved.answers.answers[id] = "lots";
        saved.answers.answers["spaced"] = 7;
        localStorage.setItem(key, JSON.stringify(saved));
    }""",
        [key, IDS[1]],
    )
    page.reload()
    message = page.locator(f"#msg-{IDS[1]}")
    assert "not one of the options" in message.inner_text() and "lots" in message.inner_text()
    assert "not one of the options" in page.locator("#msg-spaced").inner_text()
    assert page.get_attribute(f'li[data-item="{IDS[1]}"] fieldset', "aria-describedby") == f"msg-{IDS[1]}"
    text = page.inner_text(".lh-results")
    assert "NaN" not in text and "undefined" not in text
    assert page_result(page) == python_result({i: None for i in IDS})
    # Choosing an option clears the message.
    page.check(f'input[name="{IDS[1]}"][value="1"]')
    assert message.inner_text() == ""
    assert page.errors == []


def test_keyboard_only_pass(page, exercise_site_url):
    """Arrow keys choose within a feature, Tab moves to the next one: every feature rated without a mouse."""
    page.goto(exercise_site_url + "programme_audit.html")
    page.locator(f'input[name="{IDS[0]}"]').first.focus()
    for _ in IDS:
        page.keyboard.press("ArrowRight")  # from the first option to "Partly in place"
        page.keyboard.press("Tab")
    assert page.eval_on_selector_all("input[type=radio]:checked", "els => els.map(e => e.value)") == ["1"] * len(IDS)
    assert page_result(page) == python_result({i: 1 for i in IDS})
    # The last Tab reaches the form's submit button (then the toolbar).
    assert page.evaluate("document.activeElement.textContent") == "Save my answers"


def test_without_javascript_the_page_is_a_printable_worksheet(browser, exercise_site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(exercise_site_url + "programme_audit.html")
        assert page.locator("input[type=radio]").count() == len(IDS) * (len(VALUES) + 1)  # and "Don't know"
        assert page.locator(f'input[type=radio][value="{UNKNOWN}"]').count() == len(IDS)
        assert page.locator(".lh-toolbar").is_hidden()
        assert "print this worksheet" in page.inner_text(".lh-exercise")
    finally:
        context.close()
