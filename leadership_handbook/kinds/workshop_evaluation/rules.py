"""The workshop evaluation kit's rules (``kind: workshop_evaluation``, ``workshop_evaluation.yml``): check one
participant's answers to a part and summarise them section by section.

The rules live in the instrument file, and ``rules.js`` beside this file follows them exactly (the shared
cases in ``cases.json`` hold the two equal):

1. **Parts.** The file has parts (``end-of-session``, ``follow-up``); answers are checked one part at a time,
   as ``{question id: value}`` for that part's questions.
2. **Answers by type.** ``scale``: a whole number on the question's scale. ``text``: text of at most
   ``max_length`` characters once surrounding spaces are removed. ``date``: a calendar date written
   ``YYYY-MM-DD`` (years 2000 to 2100). ``quiz``: an option letter (upper case and spaces accepted).
   ``multi``: a list of option ids, each once, where an option marked ``alone`` ("Nothing got in the way") is
   never ticked with another. ``None``, a missing key, empty text and an empty list all mean "not answered".
   Anything else raises :class:`~leadership_handbook.core.errors.InputError` naming the question.
3. **Section score.** The mean of a section's answered rating questions, rounded once with
   :func:`~leadership_handbook.core.rounding.round2`; ``None`` with fewer than
   ``scoring.min_answered_per_section`` answered, or when the section has no rating questions.
4. **Commitment.** In a section marked ``commitment: true``, its text and date questions (what, with whom, by
   when) make one commitment: complete when all are answered; ``missing`` lists the others' ``short`` names.
5. **Knowledge check.** An unanswered question is not correct; the score is the number correct.

Nothing here prints; every function returns plain data (dicts, lists, numbers, text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from leadership_handbook.core.errors import InputError, check_answer_map, check_whole_number
from leadership_handbook.core.rounding import round2

__all__ = ["part_ids", "get_part", "questions_of", "check_answer", "validate_answers", "summarise", "attempt_figures"]

DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def part_ids(instrument: Mapping) -> list[str]:
    """The ids of the parts, in file order."""
    return [p["id"] for p in instrument["parts"]]


def get_part(instrument: Mapping, part_id) -> dict:
    """One part of the kit by id (``end-of-session`` or ``follow-up``)."""
    for part in instrument["parts"]:
        if part["id"] == part_id:
            return part
    raise InputError(
        f"{part_id!r} is not a part of the workshop evaluation",
        source="Your answers",
        field="part",
        allowed="one of " + ", ".join(part_ids(instrument)),
    )


def questions_of(part: Mapping) -> list[dict]:
    """Every question of a part, in file order."""
    return [q for section in part["sections"] for q in section["questions"]]


def _scale(instrument, question):
    labels = next(s["labels"] for s in instrument["scales"] if s["id"] == question["choices"])
    return labels[0]["value"], labels[-1]["value"]


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _refuse(question, problem, allowed):
    raise InputError(problem, source="Your answers", item_id=question["id"], field="answer", allowed=allowed)


def _check_text(question, value):
    limit = question["max_length"]
    allowed = f"text of at most {limit} characters, or None"
    if not isinstance(value, str):
        _refuse(question, f"{value!r} is not text", allowed)
    text = value.strip()
    if len(text) > limit:
        _refuse(question, f"it is {len(text)} characters long", allowed)
    return text or None


def _check_date(question, value):
    allowed = "a date written YYYY-MM-DD, such as 2027-01-31, from 2000 to 2100, or None"
    if not isinstance(value, str):
        _refuse(question, f"{value!r} is not a date", allowed)
    text = value.strip()
    if not text:
        return None
    match = DATE.match(text)
    if not match:
        _refuse(question, f"{text[:40]!r} is not written YYYY-MM-DD", allowed)
    year, month, day = (int(x) for x in match.groups())
    if not 2000 <= year <= 2100 or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        _refuse(question, f"{text!r} is not a date in the calendar", allowed)
    return text


def _check_letter(question, value):
    letters = [o["id"] for o in question["options"]]
    allowed = "one of the letters " + ", ".join(letters) + ", or None"
    if not isinstance(value, str):
        _refuse(question, f"{value!r} is not a letter", allowed)
    choice = value.strip().lower()
    if choice not in letters:
        _refuse(question, f"{value[:40]!r} is not an option of this question", allowed)
    return choice


def _check_ticks(question, value):
    ids = [o["id"] for o in question["options"]]
    allowed = "a list of the option ids " + ", ".join(ids) + ", each at most once"
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
        _refuse(question, f"{value!r} is not a list of options", allowed)
    for option_id in value:
        if option_id not in ids:
            _refuse(question, f"{str(option_id)[:40]!r} is not an option of this question", allowed)
    if len(set(value)) != len(value):
        _refuse(question, "an option is ticked twice", allowed)
    for option in question["options"]:
        if option.get("alone") and option["id"] in value and len(value) > 1:
            _refuse(
                question,
                f"{option['text']!r} is ticked with other options",
                f"either {option['text']!r} alone, or other options",
            )
    return [o["id"] for o in question["options"] if o["id"] in value]  # file order


def check_answer(instrument: Mapping, question: Mapping, value):
    """One answer, checked for its question's type: the clean value, or ``None`` for "not answered"."""
    kind = question["kind"]
    if value is None:
        return [] if kind == "multi" else None
    if kind == "scale":
        low, high = _scale(instrument, question)
        return check_whole_number(
            value,
            field="answer",
            item_id=question["id"],
            source="Your answers",
            minimum=low,
            maximum=high,
            allowed=f"a whole number from {low} to {high}, or None for no answer",
        )
    if kind == "text":
        return _check_text(question, value)
    if kind == "date":
        return _check_date(question, value)
    if kind == "quiz":
        return _check_letter(question, value)
    return _check_ticks(question, value)


def validate_answers(instrument: Mapping, part_id, answers) -> dict:
    """Check one participant's answers to a part; return ``{question id: clean value}`` for every question."""
    questions = questions_of(get_part(instrument, part_id))
    ids = [q["id"] for q in questions]
    check_answer_map(
        answers,
        ids,
        source="Your answers",
        noun=f"a question in {part_id}",
        id_field="question id",
        example='{"' + ids[0] + '": 4}',
    )
    return {q["id"]: check_answer(instrument, q, answers.get(q["id"])) for q in questions}


def _answered(value) -> bool:
    return value is not None and value != []


def _quiz(questions, clean):
    marked = []
    for q in questions:
        right = next(o["id"] for o in q["options"] if o["correct"])
        chosen = clean[q["id"]]
        marked.append(
            {
                "id": q["id"],
                "chosen": chosen,
                "correct_option": right,
                "is_correct": chosen == right,
                "options": [
                    {"id": o["id"], "text": o["text"], "correct": o["correct"], "explanation": o["explanation"]}
                    for o in q["options"]
                ],
            }
        )
    return {"correct": sum(m["is_correct"] for m in marked), "total": len(marked), "questions": marked}


def summarise(instrument: Mapping, part_id, answers) -> dict:
    """One participant's part, section by section. Returns a plain dict::

    {"part": "end-of-session", "title": ..., "answered": 9, "total": 12,
     "sections": [{"id", "title", "ltem", "kirkpatrick", "answered", "questions",
                   "ratings": 3, "rated": 3, "score": 4.33 or None,
                   "commitment": None or {"complete": bool, "missing": ["by when"]},
                   "quiz": None or {"correct", "total", "questions": [...]},
                   "ticked": [{"id", "options": [{"id", "text"}, ...]}, ...]}, ...]}
    """
    part = get_part(instrument, part_id)
    clean = validate_answers(instrument, part_id, answers)
    need = instrument["scoring"]["min_answered_per_section"]
    sections = []
    for section in part["sections"]:
        questions = section["questions"]
        ratings = [clean[q["id"]] for q in questions if q["kind"] == "scale"]
        rated = [v for v in ratings if v is not None]
        score = round2(sum(rated) / len(rated)) if rated and len(rated) >= need else None
        commitment = None
        if section.get("commitment"):
            parts_of = [q for q in questions if q["kind"] in ("text", "date")]
            missing = [q["short"] for q in parts_of if clean[q["id"]] is None]
            commitment = {"complete": not missing, "missing": missing}
        quizzes = [q for q in questions if q["kind"] == "quiz"]
        ticked = [
            {
                "id": q["id"],
                "options": [{"id": o["id"], "text": o["text"]} for o in q["options"] if o["id"] in clean[q["id"]]],
            }
            for q in questions
            if q["kind"] == "multi"
        ]
        sections.append(
            {
                "id": section["id"],
                "title": section["title"],
                "ltem": dict(section["ltem"]),
                "kirkpatrick": dict(section["kirkpatrick"]),
                "answered": sum(1 for q in questions if _answered(clean[q["id"]])),
                "questions": len(questions),
                "ratings": len(ratings),
                "rated": len(rated),
                "score": score,
                "commitment": commitment,
                "quiz": _quiz(quizzes, clean) if quizzes else None,
                "ticked": ticked,
            }
        )
    return {
        "part": part["id"],
        "title": part["title"],
        "answered": sum(1 for v in clean.values() if _answered(v)),
        "total": len(clean),
        "sections": sections,
    }


def attempt_figures(instrument: Mapping, answers, part_id) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``): each section's rating (half a step moves),
    the quiz's correct answers and, per tick list, how many were ticked (an option meant alone, such as "nothing",
    counts 0; none ticked is ``None``). An answer the page would flag is left out, as the page's results do."""
    part = get_part(instrument, part_id)
    answers = answers if isinstance(answers, Mapping) else {}
    clean = {}
    for question in questions_of(part):
        try:
            clean[question["id"]] = check_answer(instrument, question, answers.get(question["id"]))
        except InputError:
            clean[question["id"]] = None
    figures = []
    for section, shown in zip(part["sections"], summarise(instrument, part_id, clean)["sections"]):
        if shown["ratings"]:
            figures.append(
                {"id": shown["id"], "label": shown["title"], "value": shown["score"], "unit": "score", "moved": 0.5}
            )
        if shown["quiz"]:
            tried = any(q["chosen"] is not None for q in shown["quiz"]["questions"])  # an untouched quiz is not a 0
            label = f"{shown['title']} (correct answers, of {shown['quiz']['total']})"
            figures.append(
                {
                    "id": shown["id"] + "-correct",
                    "label": label,
                    "value": shown["quiz"]["correct"] if tried else None,
                    "unit": "count",
                    "moved": 1,
                }
            )
        for question in (q for q in section["questions"] if q["kind"] == "multi"):
            ticked = clean[question["id"]] or []
            counted = [o for o in question["options"] if not o.get("alone") and o["id"] in ticked]
            figures.append(
                {
                    "id": question["id"],
                    "label": shown["title"] + " (ticked)",
                    "value": len(counted) if ticked else None,
                    "unit": "count",
                    "moved": 1,
                }
            )
    return figures
