"""Mark the knowledge checks (``knowledge_checks.yml``) and give feedback on every option.

Rules (declared in the file's ``scoring`` block): an answer is an option letter (``"a"``, ``"b"``, ...;
upper case and surrounding spaces are accepted) or ``None`` for "not answered"; an unanswered question
counts as not correct; the score is the number of correct answers out of the part's questions.
"""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.errors import InputError

__all__ = ["part_ids", "get_part", "blank_quiz_answers", "check_answers"]


def part_ids(quiz: Mapping) -> list[str]:
    """The ids of the parts, in file order."""
    return [p["id"] for p in quiz["parts"]]


def get_part(quiz: Mapping, part_id: str) -> dict:
    """One part of the knowledge checks by id (``part-1``, ``part-2``, ``part-3``)."""
    for part in quiz["parts"]:
        if part["id"] == part_id:
            return part
    raise InputError(f"{part_id!r} is not a part of the knowledge checks", source="Your answers", field="part",
                     allowed="one of " + ", ".join(part_ids(quiz)))


def blank_quiz_answers(quiz: Mapping, part_id: str) -> dict:
    """``{question_id: None}`` for every question of a part."""
    return {q["id"]: None for q in get_part(quiz, part_id)["questions"]}


def _clean_choice(question, value, source):
    letters = [o["id"] for o in question["options"]]
    allowed = "one of the letters " + ", ".join(f'"{x}"' for x in letters) + ", or None"
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{value!r} is not a letter", source=source, item_id=question["id"], field="answer",
                         allowed=allowed + " (letters go in quotes)")
    choice = value.strip().lower()
    if choice not in letters:
        raise InputError(f"{value!r} is not an option of this question", source=source, item_id=question["id"],
                         field="answer", allowed=allowed)
    return choice


def check_answers(quiz: Mapping, part_id: str, answers, *, source: str = "Your answers") -> dict:
    """Mark one part. Returns a plain dict::

        {"part": "part-1", "title": ..., "correct": 3, "answered": 4, "total": 5,
         "questions": [{"id", "prompt", "chosen" (letter or None), "correct_option", "is_correct",
                        "cite", "options": [{"id", "text", "correct", "chosen", "explanation"}, ...]}]}
    """
    part = get_part(quiz, part_id)
    ids = [q["id"] for q in part["questions"]]
    if not isinstance(answers, Mapping):
        raise InputError(f"the answers are a {type(answers).__name__}, not a dictionary", source=source,
                         field="answers", allowed='a dictionary such as {"' + ids[0] + '": "a"}')
    for key in answers:
        if key not in ids:
            raise InputError(f"{key!r} is not a question in {part_id}", source=source, item_id=key,
                             field="question id", allowed="the question ids " + ", ".join(ids))
    questions, correct, answered = [], 0, 0
    for question in part["questions"]:
        chosen = _clean_choice(question, answers.get(question["id"]), source)
        right = next(o["id"] for o in question["options"] if o["correct"])
        is_correct = chosen == right
        correct += is_correct
        answered += chosen is not None
        questions.append({
            "id": question["id"],
            "prompt": question["prompt"],
            "chosen": chosen,
            "correct_option": right,
            "is_correct": is_correct,
            "cite": list(question["cite"]),
            "options": [{"id": o["id"], "text": o["text"], "correct": o["correct"], "chosen": o["id"] == chosen,
                         "explanation": o["explanation"]} for o in question["options"]],
        })
    return {"part": part["id"], "title": part["title"], "correct": correct, "answered": answered,
            "total": len(questions), "questions": questions}
