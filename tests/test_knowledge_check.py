"""Knowledge checks: marking follows the correct flags in the file; every option's explanation is returned."""

import pytest

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.knowledge_check.rules import check_answers, get_part, part_ids, progress

QUIZ = load("knowledge_checks")


@pytest.mark.parametrize("part_id", part_ids(QUIZ))
def test_right_answers_score_full_marks(part_id):
    part = next(p for p in QUIZ["parts"] if p["id"] == part_id)
    right = {q["id"]: next(o["id"] for o in q["options"] if o["correct"]) for q in part["questions"]}
    marked = check_answers(QUIZ, part_id, right)
    assert marked["correct"] == marked["total"] == len(part["questions"])


@pytest.mark.parametrize("part_id", part_ids(QUIZ))
def test_wrong_and_missing_answers_score_nothing(part_id):
    part = next(p for p in QUIZ["parts"] if p["id"] == part_id)
    wrong = {q["id"]: next(o["id"] for o in q["options"] if not o["correct"]) for q in part["questions"]}
    assert check_answers(QUIZ, part_id, wrong)["correct"] == 0
    marked = check_answers(QUIZ, part_id, {q["id"]: None for q in get_part(QUIZ, part_id)["questions"]})
    assert marked["correct"] == 0 and marked["answered"] == 0


def test_feedback_includes_every_option_and_explanation():
    marked = check_answers(QUIZ, "part-1", {"p1-roi-formula": " B "})
    question = next(q for q in marked["questions"] if q["id"] == "p1-roi-formula")
    source = next(q for q in QUIZ["parts"][0]["questions"] if q["id"] == "p1-roi-formula")
    assert question["chosen"] == "b" and not question["is_correct"]
    assert [o["explanation"] for o in question["options"]] == [o["explanation"] for o in source["options"]]
    assert sum(o["chosen"] for o in question["options"]) == 1


def test_progress_counts_only_checked_answers():
    """The page's tally: a question counts once its answer is checked; checking without an answer counts nothing."""
    answers = {"p1-design-features": "a", "p1-results-base": "a", "p1-ten-percent": "b"}
    tally = progress(QUIZ, "part-1", answers, ["p1-design-features", "p1-results-base", "p1-roi-formula"])
    assert tally == {"part": "part-1", "correct": 1, "checked": 2, "answered": 3, "total": 5}


def test_roi_question_is_consistent_with_the_formula():
    """The Phillips question's keyed answer is what the ROI formula gives for its own numbers."""
    from leadership_handbook.kinds.roi.rules import roi_percent

    question = next(q for q in QUIZ["parts"][0]["questions"] if q["id"] == "p1-roi-formula")
    keyed = next(o for o in question["options"] if o["correct"])
    assert keyed["text"] == f"{roi_percent(150_000, 60_000):g}%"


def test_each_keyed_option_is_the_one_its_explanation_calls_correct():
    """The file's convention: the keyed option's explanation opens with "Correct.", and no other option's does."""
    for part in QUIZ["parts"]:
        for question in part["questions"]:
            openers = {o["id"]: o["explanation"].startswith("Correct.") for o in question["options"]}
            keyed = {o["id"]: o["correct"] for o in question["options"]}
            assert openers == keyed, f"{question['id']}: the explanations and the correct flags disagree"


def test_no_question_credits_the_handbooks_adjustment_to_the_roi_methodology():
    """Attribution times confidence is this handbook's illustration of principle #7, not a Phillips formula."""
    for part in QUIZ["parts"]:
        for question in part["questions"]:
            text = " ".join([question["prompt"], *(o["explanation"] for o in question["options"])])
            assert "adjustment used in the ROI Methodology" not in text, question["id"]
