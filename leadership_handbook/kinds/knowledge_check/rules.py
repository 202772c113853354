"""The knowledge checks' rules (``kind: knowledge_check``, ``knowledge_checks.yml``): mark a part's answers.

The rules live in the instrument file (its ``scoring`` block), and ``rules.js`` beside this file follows them
exactly (the shared cases in ``cases.json`` hold the two equal):

1. **Parts.** The file has parts (``part-1``, ``part-2``, ...); answers are marked one part at a time.
2. **Answers.** One answer per question id of the part: an option letter (``"a"``, ``"b"``, ...; upper case
   and surrounding spaces are accepted) or ``None`` (or a missing key) for "not answered". Anything else
   raises :class:`~leadership_handbook.core.errors.InputError`.
3. **Marking.** Each question has exactly one option with ``correct: true``. An unanswered question counts
   as not correct; the score is the number of correct answers out of the part's questions.
4. **In the page** a reader checks one question at a time: :func:`progress` counts the answered questions,
   the checked ones and the correct answers among those checked.

Nothing here prints; every function returns plain data (dicts, lists, numbers, text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from leadership_handbook.core.errors import InputError, check_answer_map

__all__ = ["part_ids", "get_part", "check_answers", "progress", "attempt_figures"]


def part_ids(instrument: Mapping) -> list[str]:
    """The ids of the parts, in file order."""
    return [p["id"] for p in instrument["parts"]]


def get_part(instrument: Mapping, part_id: str) -> dict:
    """One part of the knowledge checks by id (``part-1``, ``part-2``, ``part-3``)."""
    for part in instrument["parts"]:
        if part["id"] == part_id:
            return part
    raise InputError(
        f"{part_id!r} is not a part of the knowledge checks",
        source="Your answers",
        field="part",
        allowed="one of " + ", ".join(part_ids(instrument)),
    )


def _clean_choice(question, value, source):
    letters = [o["id"] for o in question["options"]]
    allowed = "one of the letters " + ", ".join(f'"{x}"' for x in letters) + ", or None"
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{value!r} is not a letter",
            source=source,
            item_id=question["id"],
            field="answer",
            allowed=allowed + " (letters go in quotes)",
        )
    choice = value.strip().lower()
    if choice not in letters:
        raise InputError(
            f"{value!r} is not an option of this question",
            source=source,
            item_id=question["id"],
            field="answer",
            allowed=allowed,
        )
    return choice


def check_answers(instrument: Mapping, part_id: str, answers, *, source: str = "Your answers") -> dict:
    """Mark one part. Returns a plain dict::

    {"part": "part-1", "title": ..., "correct": 3, "answered": 4, "total": 5,
     "questions": [{"id", "prompt", "chosen" (letter or None), "correct_option", "is_correct",
                    "cite", "options": [{"id", "text", "correct", "chosen", "explanation"}, ...]}]}
    """
    part = get_part(instrument, part_id)
    ids = [q["id"] for q in part["questions"]]
    check_answer_map(
        answers,
        ids,
        source=source,
        noun=f"a question in {part_id}",
        id_field="question id",
        example='{"' + ids[0] + '": "a"}',
    )
    questions, correct, answered = [], 0, 0
    for question in part["questions"]:
        chosen = _clean_choice(question, answers.get(question["id"]), source)
        right = next(o["id"] for o in question["options"] if o["correct"])
        is_correct = chosen == right
        correct += is_correct
        answered += chosen is not None
        questions.append(
            {
                "id": question["id"],
                "prompt": question["prompt"],
                "chosen": chosen,
                "correct_option": right,
                "is_correct": is_correct,
                "cite": list(question["cite"]),
                "options": [
                    {
                        "id": o["id"],
                        "text": o["text"],
                        "correct": o["correct"],
                        "chosen": o["id"] == chosen,
                        "explanation": o["explanation"],
                    }
                    for o in question["options"]
                ],
            }
        )
    return {
        "part": part["id"],
        "title": part["title"],
        "correct": correct,
        "answered": answered,
        "total": len(questions),
        "questions": questions,
    }


def progress(
    instrument: Mapping, part_id: str, answers, checked: Sequence[str], *, source: str = "Your answers"
) -> dict:
    """The page's tally of one part: ``checked`` lists the questions whose answer the reader has checked.

    Returns ``{"part", "correct", "checked", "answered", "total"}``: ``checked`` counts the checked questions
    that have an answer, ``correct`` the correct answers among them.
    """
    marked = check_answers(instrument, part_id, answers, source=source)
    ids = [q["id"] for q in marked["questions"]]
    if isinstance(checked, (str, bytes, Mapping)) or not isinstance(checked, Sequence):
        raise InputError(
            f"the checked questions are a {type(checked).__name__}, not a list",
            source=source,
            field="checked",
            allowed='a list of question ids such as ["' + ids[0] + '"]',
        )
    for key in checked:
        if key not in ids:
            raise InputError(
                f"{key!r} is not a question in {part_id}",
                source=source,
                item_id=key,
                field="checked",
                allowed="the question ids " + ", ".join(ids),
            )
    done = [q for q in marked["questions"] if q["id"] in checked and q["chosen"] is not None]
    return {
        "part": marked["part"],
        "correct": sum(q["is_correct"] for q in done),
        "checked": len(done),
        "answered": marked["answered"],
        "total": marked["total"],
    }


def attempt_figures(instrument: Mapping, saved, part_id) -> list[dict]:
    """The figure an attempt is compared by (``core/attempts.js``): the part's correct answers, from the page's
    ``{"answers", "checked"}`` (or the answers alone); one more or fewer is worth a sentence."""
    inner = saved.get("answers") if isinstance(saved, Mapping) else None
    marked = check_answers(instrument, part_id, inner if isinstance(inner, Mapping) else saved)
    label = f"Correct answers (of {marked['total']})"
    return [{"id": "correct", "label": label, "value": marked["correct"], "unit": "count", "moved": 1}]
