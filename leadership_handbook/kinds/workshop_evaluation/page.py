"""What the workshop evaluation's templates need beyond the instrument: the part a worksheet shows, each
section's level labels and sources, each rating question's choices, and for the guide every part's sections with
the keyed quiz answers (from the rules' marking, never restated by hand).

The quiz explanations travel only in the page's embedded data, shown after a reader answers; the printed
worksheet has the questions and options, never the answers. The directive has already refused a ``:part:``
that the file does not have.
"""

from __future__ import annotations

from leadership_handbook.core.formatting import sources_line
from leadership_handbook.core.instruments import source_lookup
from leadership_handbook.kinds.workshop_evaluation import rules


def levels_line(section) -> str:
    """``LTEM Tier 3, learner perceptions · Kirkpatrick Level 1, reaction``: the label every section carries."""
    ltem, level = section["ltem"], section["kirkpatrick"]
    return (
        f"LTEM Tier {ltem['tier']}, {ltem['name'].lower()} · "
        f"Kirkpatrick Level {level['level']}, {level['name'].lower()}"
    )


def _scale_choices(instrument):
    return {
        s["id"]: {
            "choices": [(p["value"], p["value"], p["label"]) for p in s["labels"]],
            "key": [(p["value"], p["label"]) for p in s["labels"]],
        }
        for s in instrument["scales"]
    }


def _sections(instrument, part):
    sources = source_lookup()
    numbered, n = [], 0
    for section in part["sections"]:
        questions = []
        for question in section["questions"]:
            n += 1
            questions.append((n, question))
        # The scale's key goes before the first rating of a section and before any rating on another scale.
        keys, last = set(), None
        for number, q in questions:
            if q["kind"] == "scale" and q["choices"] != last:
                keys.add(number)
                last = q["choices"]
        numbered.append(
            {
                "section": section,
                "levels": levels_line(section),
                "sources": sources_line(section["cite"], sources),
                "key_before": keys,
                "questions": questions,
            }
        )
    return numbered


def worksheet_context(instrument, context):
    part = rules.get_part(instrument, context.options.get("part"))
    return {"part": part, "sections": _sections(instrument, part), "scales": _scale_choices(instrument)}


def answer_key_context(instrument):
    """Every part with its sections (levels, how to read, limits) and the keyed quiz answers, as the rules mark them."""
    parts = []
    for part_id in rules.part_ids(instrument):
        part = rules.get_part(instrument, part_id)
        marked = rules.summarise(instrument, part_id, {})
        quizzes = {s["id"]: s["quiz"] for s in marked["sections"] if s["quiz"]}
        sections = []
        for entry in _sections(instrument, part):
            quiz = quizzes.get(entry["section"]["id"])
            prompts = {q["id"]: q["text"] for _, q in entry["questions"]}
            keyed = (
                [
                    (prompts[q["id"]], next(o for o in q["options"] if o["id"] == q["correct_option"]), q["options"])
                    for q in quiz["questions"]
                ]
                if quiz
                else []
            )
            sections.append(dict(entry, keyed=keyed))
        parts.append((part, sections))
    return {"parts": parts}
