"""Knowledge checks in the page: feedback with an explanation for every option, keyboard-only, announced."""

from leadership_handbook.instruments import load_knowledge_checks
from leadership_handbook.knowledge_checks import check_answers, get_part

QUIZ = load_knowledge_checks()
PART = get_part(QUIZ, "part-1")


def test_checking_an_answer_explains_every_option(page, exercise_site_url):
    page.goto(exercise_site_url + "quiz.html")
    question = PART["questions"][0]
    wrong = next(o for o in question["options"] if not o["correct"])
    page.check(f'input[name="{question["id"]}"][value="{wrong["id"]}"]')
    page.locator(f'button.lh-check[data-question="{question["id"]}"]').click()
    feedback = page.locator(f'#feedback-{question["id"]}')
    assert feedback.get_attribute("aria-live") == "polite"
    text = feedback.inner_text()
    assert "Not quite" in text
    for option in question["options"]:
        assert " ".join(option["explanation"].split()) in " ".join(text.split())
    expected = check_answers(QUIZ, "part-1", {question["id"]: wrong["id"]})
    assert page.locator(".lh-quiz-score").get_attribute("data-correct") == str(expected["correct"])
    assert page.errors == []


def test_keyboard_only_pass_through_a_knowledge_check(page, exercise_site_url):
    page.goto(exercise_site_url + "quiz.html")
    first = PART["questions"][0]
    page.locator(f'input[name="{first["id"]}"]').first.focus()
    right_index = next(i for i, o in enumerate(first["options"]) if o["correct"])
    page.keyboard.press("Space")  # selects the first option
    for _ in range(right_index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to "Check my answer"
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    assert "Correct." in page.locator(f'#feedback-{first["id"]}').inner_text()
    assert page.locator(".lh-quiz-score").get_attribute("data-correct") == "1"
    # The answer and its feedback survive a reload.
    page.reload()
    assert "Correct." in page.locator(f'#feedback-{first["id"]}').inner_text()


def test_checking_without_an_answer_says_so(page, exercise_site_url):
    page.goto(exercise_site_url + "quiz.html")
    first = PART["questions"][0]
    page.locator(f'button.lh-check[data-question="{first["id"]}"]').click()
    assert "Choose an option first" in page.locator(f'#feedback-{first["id"]}').inner_text()
