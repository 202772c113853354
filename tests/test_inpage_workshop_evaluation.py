"""The workshop evaluation kit in the page: results as the Python rules give them, messages beside a field that
keep what was typed, markup shown as text, and a download the group debrief can read (convention 2)."""

import csv
import io
import json

from pypdf import PdfReader

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.workshop_evaluation import rules

KIT = load("workshop_evaluation")
DAY_ANSWERS = {
    "es-useful-job": 4,
    "es-useful-situation": 5,
    "es-useful-fit": 2,
    "es-intend": 5,
    "es-confident": 4,
    "es-commit-what": "Ask what is in the way before advising",
    "es-commit-who": "My four shift leads",
    "es-commit-when": "2027-02-12",
    "es-q-reactions": "b",
    "es-q-environment": "c",
}


def open_kit(page, exercise_site_url):
    page.goto(exercise_site_url + "workshop_evaluation.html")
    day, later = page.locator("section.lh-exercise").nth(0), page.locator("section.lh-exercise").nth(1)
    return day, later


def fill(form, answers):
    """Answer as a reader would; the form's storage key names its part (lh:<id>:<part>:<digest>)."""
    for question in rules.questions_of(rules.get_part(KIT, form.get_attribute("data-lh-store").split(":")[2])):
        value = answers.get(question["id"])
        if value is None:
            continue
        if question["kind"] in ("scale", "quiz"):
            form.locator(f'input[name="{question["id"]}"][value="{value}"]').check()
        elif question["kind"] == "multi":
            for option in value:
                form.locator(f'input[name="{question["id"]}"][value="{option}"]').check()
        else:
            form.locator(f"#we-{question['id']}").fill(value)


def test_the_day_scores_as_the_python_rules_and_survives_a_reload(page, exercise_site_url):
    day, _ = open_kit(page, exercise_site_url)
    fill(day, DAY_ANSWERS)
    expected = rules.summarise(KIT, "end-of-session", DAY_ANSWERS)
    for section in expected["sections"]:
        row = day.locator(f'.lh-results tr[data-section="{section["id"]}"]')
        assert row.get_attribute("data-score") == ("" if section["score"] is None else f"{section['score']:.2f}")
    quiz = next(s["quiz"] for s in expected["sections"] if s["quiz"])
    assert f"{quiz['correct']} of {quiz['total']} correct." in day.locator(".lh-results").inner_text()
    said = day.locator(".lh-we-commitment li").all_inner_texts()
    assert said == [
        "What you will do: " + DAY_ANSWERS["es-commit-what"],
        "With whom: " + DAY_ANSWERS["es-commit-who"],
        "By when: " + DAY_ANSWERS["es-commit-when"],
    ]
    page.reload()
    day, _ = open_kit(page, exercise_site_url)
    assert day.locator("#we-es-commit-who").input_value() == DAY_ANSWERS["es-commit-who"]
    assert day.locator('input[name="es-useful-fit"][value="2"]').is_checked()
    assert page.errors == []


def test_a_quiz_answer_explains_every_option(page, exercise_site_url):
    day, _ = open_kit(page, exercise_site_url)
    question = next(q for q in rules.questions_of(rules.get_part(KIT, "end-of-session")) if q["id"] == "es-q-today")
    day.locator('input[name="es-q-today"][value="a"]').check()
    feedback = day.locator("#feedback-es-q-today")
    assert feedback.get_attribute("aria-live") == "polite"
    text = " ".join(feedback.inner_text().split())
    assert text.startswith("Not quite. The best answer is c.")
    for option in question["options"]:
        assert " ".join(option["explanation"].split()) in text


def test_a_wrong_field_is_named_beside_it_and_what_was_typed_is_kept(page, exercise_site_url):
    day, later = open_kit(page, exercise_site_url)
    day.locator("#we-es-commit-who").fill("w" * 130)
    message = day.locator("#msg-es-commit-who")
    assert "130 characters long; at most 120" in message.inner_text()
    assert day.locator("#we-es-commit-who").get_attribute("aria-invalid") == "true"
    assert day.locator("#we-es-commit-who").get_attribute("aria-describedby") == "msg-es-commit-who"
    later.locator('input[name="fu-obstacles"][value="nothing"]').check()
    later.locator('input[name="fu-obstacles"][value="no-time"]').check()
    assert "untick it, or untick the others" in later.locator("#msg-fu-obstacles").inner_text()
    assert "1 answer needs a change" in later.locator(".lh-results").inner_text()
    page.reload()
    day, later = open_kit(page, exercise_site_url)
    assert day.locator("#we-es-commit-who").input_value() == "w" * 130
    assert later.locator('input[name="fu-obstacles"]:checked').count() == 2
    day.locator("#we-es-commit-who").fill("w" * 120)
    assert day.locator("#msg-es-commit-who").inner_text() == ""
    assert day.locator("#we-es-commit-who").get_attribute("aria-invalid") is None
    assert page.errors == []


def test_markup_typed_into_a_commitment_stays_text(page, exercise_site_url):
    day, _ = open_kit(page, exercise_site_url)
    hostile = '<img src=x onerror="window.hacked=1">'
    fill(day, {"es-commit-what": hostile, "es-commit-who": "<b>team</b>", "es-commit-when": "2027-03-01"})
    assert hostile in day.locator(".lh-we-commitment").inner_text()
    assert day.locator(".lh-results img, .lh-results b").count() == 0
    assert page.evaluate("window.hacked") is None


def test_the_downloads_are_what_the_group_debrief_reads(page, exercise_site_url):
    day, later = open_kit(page, exercise_site_url)
    fill(day, DAY_ANSWERS)
    follow = {"fu-applied-often": 3, "fu-applied-kept": 4, "fu-manager": ["after", "before"]}
    fill(later, follow)
    with page.expect_download() as download:
        later.get_by_role("button", name="Download my answers (JSON)").click()
    assert download.value.suggested_filename.startswith("workshop-evaluation-follow-up-")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["format"] == "beyond-the-course-answers" and exported["format_version"] == 1
    assert (exported["kind"], exported["instrument"], exported["part"]) == (
        "workshop_evaluation",
        KIT["id"],
        "follow-up",
    )
    assert exported["instrument_version"] == KIT["schema_version"]
    assert exported["answers"]["fu-manager"] == ["before", "after"]  # the page's order, the file's order
    clean = rules.validate_answers(KIT, "follow-up", exported["answers"])
    assert exported["results"] == rules.summarise(KIT, "follow-up", clean)

    with page.expect_download() as download:
        day.get_by_role("button", name="Download my answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    by_id = {r["Question id"]: r for r in rows if r["Question id"]}
    assert by_id["es-commit-who"]["Answer"] == DAY_ANSWERS["es-commit-who"]
    assert by_id["es-useful-job"]["Answer"] == "4"
    assert {r["Part"] for r in rows} == {"end-of-session"} and {r["Exercise"] for r in rows} == {KIT["id"]}
    assert page.errors == []


def test_clearing_the_day_can_be_undone_and_leaves_the_follow_up_alone(page, exercise_site_url):
    day, later = open_kit(page, exercise_site_url)
    fill(day, DAY_ANSWERS)
    fill(later, {"fu-applied-often": 4})
    day.get_by_role("button", name="Clear my answers").click()
    assert day.locator("#we-es-commit-what").input_value() == ""
    assert later.locator('input[name="fu-applied-often"][value="4"]').is_checked()
    page.get_by_role("button", name="Undo: Your answers were cleared", exact=False).click()
    assert day.locator("#we-es-commit-what").input_value() == DAY_ANSWERS["es-commit-what"]
    page.reload()
    day, _ = open_kit(page, exercise_site_url)
    assert day.locator("#we-es-commit-when").input_value() == DAY_ANSWERS["es-commit-when"]
    assert page.errors == []


def test_print_my_results_prints_one_part_with_its_results(page, exercise_site_url):
    day, _ = open_kit(page, exercise_site_url)
    fill(day, DAY_ANSWERS)
    page.evaluate("() => { window.print = () => { window.lhPrinted = true; }; }")
    day.get_by_role("button", name="Print my results").click()
    assert page.evaluate("() => window.lhPrinted") is True
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert 1 <= len(pdf.pages) <= 4, len(pdf.pages)
    assert "Your results: End-of-session check" in text and "What did you apply?" not in text
    assert DAY_ANSWERS["es-commit-who"] in text


def test_keyboard_only_answers_a_rating_a_tick_list_and_a_text(page, exercise_site_url):
    day, later = open_kit(page, exercise_site_url)
    day.locator('input[name="es-useful-job"]').first.focus()
    page.keyboard.press("Space")  # the first choice, 1
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert day.locator('input[name="es-useful-job"][value="4"]').is_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert day.locator('input[name="es-useful-situation"][value="1"]').is_checked()
    assert day.locator('.lh-results tr[data-section="usefulness"]').get_attribute("data-score") == "2.50"
    later.locator('input[name="fu-manager"][value="before"]').focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "Ticked: Talked with me about it before the session; Talked with me about it after the session." in (
        later.locator(".lh-results").inner_text()
    )
    later.locator("#we-fu-applied-what").focus()
    page.keyboard.type("Asked first, advised second.")
    assert later.locator("#we-fu-applied-what").input_value() == "Asked first, advised second."
    assert page.errors == []
