"""Knowledge checks in the page: feedback with an explanation for every option, keyboard-only, announced."""

import csv
import io
import json

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.knowledge_check.rules import check_answers, get_part, progress

QUIZ = load("knowledge_checks")
PART = get_part(QUIZ, "part-1")


def test_checking_an_answer_explains_every_option(page, exercise_site_url):
    page.goto(exercise_site_url + "knowledge_check.html")
    question = PART["questions"][0]
    wrong = next(o for o in question["options"] if not o["correct"])
    page.check(f'input[name="{question["id"]}"][value="{wrong["id"]}"]')
    page.locator(f'button.lh-check[data-question="{question["id"]}"]').click()
    feedback = page.locator(f"#feedback-{question['id']}")
    assert feedback.get_attribute("aria-live") == "polite"
    text = feedback.inner_text()
    assert "Not quite" in text
    for option in question["options"]:
        assert " ".join(option["explanation"].split()) in " ".join(text.split())
    expected = check_answers(QUIZ, "part-1", {question["id"]: wrong["id"]})
    assert page.locator(".lh-quiz-score").get_attribute("data-correct") == str(expected["correct"])
    assert page.errors == []


def test_keyboard_only_pass_through_a_knowledge_check(page, exercise_site_url):
    page.goto(exercise_site_url + "knowledge_check.html")
    first = PART["questions"][0]
    page.locator(f'input[name="{first["id"]}"]').first.focus()
    right_index = next(i for i, o in enumerate(first["options"]) if o["correct"])
    page.keyboard.press("Space")  # selects the first option
    for _ in range(right_index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to "Check my answer"
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    assert "Correct." in page.locator(f"#feedback-{first['id']}").inner_text()
    assert page.locator(".lh-quiz-score").get_attribute("data-correct") == "1"
    # The answer and its feedback survive a reload.
    page.reload()
    assert "Correct." in page.locator(f"#feedback-{first['id']}").inner_text()


def test_checking_without_an_answer_says_so(page, exercise_site_url):
    page.goto(exercise_site_url + "knowledge_check.html")
    first = PART["questions"][0]
    page.locator(f'button.lh-check[data-question="{first["id"]}"]').click()
    assert "Choose an option first" in page.locator(f"#feedback-{first['id']}").inner_text()


def test_export_and_clear_follow_the_rules(page, exercise_site_url):
    """The exported tally is the Python rules' progress; CSV rows mark each answer; clearing forgets it all."""
    page.goto(exercise_site_url + "knowledge_check.html")
    questions = PART["questions"]
    answers = {
        questions[0]["id"]: next(o["id"] for o in questions[0]["options"] if o["correct"]),
        questions[1]["id"]: next(o["id"] for o in questions[1]["options"] if not o["correct"]),
        questions[2]["id"]: questions[2]["options"][0]["id"],
    }
    checked = [questions[0]["id"], questions[1]["id"], questions[3]["id"]]
    for qid, letter in answers.items():
        page.check(f'input[name="{qid}"][value="{letter}"]')
    for qid in checked:
        page.locator(f'button.lh-check[data-question="{qid}"]').click()
    expected = progress(QUIZ, "part-1", answers, checked)
    score = page.locator(".lh-quiz-score")
    assert score.get_attribute("data-correct") == str(expected["correct"])
    assert score.get_attribute("data-checked") == str(expected["checked"])
    assert (
        score.inner_text() == f"You have checked {expected['checked']} of {expected['total']} questions: "
        f"{expected['correct']} correct."
    )

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["results"] == expected
    assert {k: v for k, v in exported["answers"]["answers"].items() if v} == answers

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    marked = {q["id"]: q for q in check_answers(QUIZ, "part-1", answers)["questions"]}
    assert [r["Question"] for r in rows] == [q["id"] for q in questions]
    for row in rows:
        q = marked[row["Question"]]
        assert row["Your answer"] == (q["chosen"] or "") and row["Best answer"] == q["correct_option"]
        assert row["Correct"] == ("" if q["chosen"] is None else "yes" if q["is_correct"] else "no")
        assert row["Exercise"] == QUIZ["id"] and row["Part"] == "part-1"

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert score.get_attribute("data-checked") == "0"
    assert page.locator(".lh-feedback").all_inner_texts() == [""] * len(questions)
    page.reload()
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.locator(".lh-quiz-score").get_attribute("data-checked") == "0"
    assert page.errors == []
