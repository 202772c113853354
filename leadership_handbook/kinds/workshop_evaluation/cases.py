"""Inputs of the workshop evaluation's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.workshop_evaluation import rules

INSTRUMENT = "workshop_evaluation"
CALLS = {
    "part_ids": rules.part_ids,
    "get_part": rules.get_part,
    "check_answer": rules.check_answer,
    "validate_answers": rules.validate_answers,
    "summarise": rules.summarise,
    "attempt_figures": rules.attempt_figures,
}


def _random_answer(rng, instrument, question):
    """A value the page could send for this question: in range, sometimes blank."""
    kind = question["kind"]
    if rng.random() < 0.2:
        blanks = {"text": [None, ""], "date": [None, ""], "multi": [None, []]}
        return rng.choice(blanks.get(kind, [None]))
    if kind == "scale":
        labels = next(s["labels"] for s in instrument["scales"] if s["id"] == question["choices"])
        return rng.choice(labels)["value"]
    if kind == "text":
        return rng.choice(["  Ask one open question first  ", "Coaching check-in with my team", "x" * 12])
    if kind == "date":
        return f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == "quiz":
        letter = rng.choice(question["options"])["id"]
        return letter.upper() if rng.random() < 0.2 else letter
    together = [o["id"] for o in question["options"] if not o.get("alone")]
    alone = [o["id"] for o in question["options"] if o.get("alone")]
    if alone and rng.random() < 0.2:
        return alone
    picked = rng.sample(together, rng.randint(1, 3))
    rng.shuffle(picked)
    return picked


def inputs():
    instrument = load(INSTRUMENT)
    rng = random.Random(20261213)
    cases = [{"name": "the parts", "call": "part_ids", "args": []}]
    for part_id in rules.part_ids(instrument):
        questions = rules.questions_of(rules.get_part(instrument, part_id))
        cases += [
            {"name": f"{part_id}: the part", "call": "get_part", "args": [part_id]},
            {"name": f"{part_id}: no answers", "call": "summarise", "args": [part_id, {}]},
            {
                "name": f"{part_id}: every answer blank",
                "call": "summarise",
                "args": [part_id, dict.fromkeys(q["id"] for q in questions)],
            },
        ]
        for n in range(20):
            answers = {q["id"]: _random_answer(rng, instrument, q) for q in questions}
            cases.append(
                {"name": f"{part_id}: random answers {n + 1}", "call": "summarise", "args": [part_id, answers]}
            )
    day = {q["id"]: q for q in rules.questions_of(rules.get_part(instrument, "end-of-session"))}
    later = {q["id"]: q for q in rules.questions_of(rules.get_part(instrument, "follow-up"))}
    one_short = {"es-useful-job": 5, "es-intend": 4, "es-confident": 2}
    cases += [
        {"name": "one rating is too few for a score", "call": "summarise", "args": ["end-of-session", one_short]},
        {
            "name": "a complete commitment",
            "call": "summarise",
            "args": [
                "end-of-session",
                {
                    "es-commit-what": "Ask before I tell",
                    "es-commit-who": "My team of six",
                    "es-commit-when": "2027-02-28",
                },
            ],
        },
        {"name": "a leap day", "call": "check_answer", "args": [day["es-commit-when"], "2028-02-29"]},
        {"name": "spaces round a date", "call": "check_answer", "args": [day["es-commit-when"], " 2027-03-01 "]},
        {"name": "text is trimmed", "call": "check_answer", "args": [day["es-commit-who"], "  my team  "]},
        {"name": "spaces only is no answer", "call": "check_answer", "args": [day["es-commit-what"], "   "]},
        {"name": "text at the limit", "call": "check_answer", "args": [day["es-commit-who"], "é" * 120]},
        {
            "name": "markup is only text",
            "call": "check_answer",
            "args": [day["es-commit-what"], "<img src=x onerror=alert(1)>"],
        },
        {
            "name": "ticks come back in file order",
            "call": "check_answer",
            "args": [later["fu-manager"], ["modelled", "before"]],
        },
        {"name": "a lone option alone", "call": "check_answer", "args": [later["fu-obstacles"], ["nothing"]]},
        {"name": "a quiz letter in capitals", "call": "check_answer", "args": [day["es-q-today"], " C "]},
    ]
    bad = [
        ("a part that does not exist", "summarise", ["day-two", {}]),
        ("no part", "summarise", [None, {}]),
        ("an unknown part in get_part", "get_part", ["End of session"]),
        ("answers as a list", "summarise", ["end-of-session", [4, 4]]),
        ("a question of the other part", "summarise", ["end-of-session", {"fu-applied-often": 3}]),
        ("a rating above the scale", "summarise", ["end-of-session", {"es-useful-job": 6}]),
        ("a rating of zero", "summarise", ["follow-up", {"fu-applied-often": 0}]),
        ("a rating as text", "summarise", ["end-of-session", {"es-intend": "4"}]),
        ("a fractional rating", "summarise", ["end-of-session", {"es-intend": 3.5}]),
        ("a true rating", "summarise", ["end-of-session", {"es-intend": True}]),
        ("text too long", "check_answer", [day["es-commit-who"], "é" * 121]),
        ("a number as text", "check_answer", [day["es-commit-what"], 42]),
        ("a date the other way round", "check_answer", [day["es-commit-when"], "31/01/2027"]),
        ("the 30th of February", "check_answer", [day["es-commit-when"], "2027-02-30"]),
        ("a 13th month", "check_answer", [day["es-commit-when"], "2027-13-01"]),
        ("a year long past", "check_answer", [day["es-commit-when"], "1999-12-31"]),
        ("a date as a number", "check_answer", [day["es-commit-when"], 20270131]),
        ("a quiz letter out of range", "check_answer", [day["es-q-today"], "d"]),
        ("a quiz answer as a number", "check_answer", [day["es-q-today"], 1]),
        ("ticks as text", "check_answer", [later["fu-manager"], "before"]),
        ("an unknown tick", "check_answer", [later["fu-manager"], ["bribed"]]),
        ("a tick twice", "check_answer", [later["fu-manager"], ["after", "after"]]),
        ("nothing with something", "check_answer", [later["fu-obstacles"], ["nothing", "no-time"]]),
        ("ticks holding a dictionary", "check_answer", [later["fu-obstacles"], [{"id": "no-time"}]]),
        ("a bad answer among good ones", "summarise", ["follow-up", {"fu-applied-often": 3, "fu-manager": ["x"]}]),
    ]
    cases += [{"name": f"refuses {what}", "call": call, "args": args} for what, call, args in bad]
    # The figures an attempt is compared by, per part: as the page holds answers ("" for a blank text), random,
    # and with a date the page would flag (left out, as the page leaves it out).
    for part_id in rules.part_ids(instrument):
        questions = rules.questions_of(rules.get_part(instrument, part_id))
        blank = {
            q["id"]: ([] if q["kind"] == "multi" else "" if q["kind"] in ("text", "date") else None) for q in questions
        }
        cases.append(
            {"name": f"{part_id}: attempt figures, blank", "call": "attempt_figures", "args": [blank, part_id]}
        )
        for n in range(4):
            answers = {q["id"]: _random_answer(rng, instrument, q) for q in questions}
            cases.append(
                {
                    "name": f"{part_id}: attempt figures, random {n + 1}",
                    "call": "attempt_figures",
                    "args": [answers, part_id],
                }
            )
        flagged = dict(blank, **{q["id"]: "next week" for q in questions if q["kind"] == "date"})
        cases.append(
            {
                "name": f"{part_id}: attempt figures, a date the page flags",
                "call": "attempt_figures",
                "args": [flagged, part_id],
            }
        )
    return cases
