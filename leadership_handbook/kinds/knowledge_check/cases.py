"""Inputs of the knowledge checks' shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.knowledge_check import rules

INSTRUMENT = "knowledge_checks"
CALLS = {
    "part_ids": rules.part_ids,
    "get_part": rules.get_part,
    "check_answers": rules.check_answers,
    "progress": rules.progress,
    "attempt_figures": rules.attempt_figures,
}


def inputs():
    instrument = load(INSTRUMENT)
    parts = rules.part_ids(instrument)
    rng = random.Random(20261204)
    cases = [{"name": "the parts", "call": "part_ids", "args": []}]
    for part_id in parts:
        questions = rules.get_part(instrument, part_id)["questions"]
        ids = [q["id"] for q in questions]
        right = {q["id"]: next(o["id"] for o in q["options"] if o["correct"]) for q in questions}
        wrong = {q["id"]: next(o["id"] for o in q["options"] if not o["correct"]) for q in questions}
        cases += [
            {"name": f"{part_id}: the part", "call": "get_part", "args": [part_id]},
            {"name": f"{part_id}: no answers", "call": "check_answers", "args": [part_id, {}]},
            {"name": f"{part_id}: every answer blank", "call": "check_answers", "args": [part_id, dict.fromkeys(ids)]},
            {"name": f"{part_id}: every answer right", "call": "check_answers", "args": [part_id, right]},
            {"name": f"{part_id}: every answer wrong", "call": "check_answers", "args": [part_id, wrong]},
            {"name": f"{part_id}: nothing checked yet", "call": "progress", "args": [part_id, right, []]},
            {"name": f"{part_id}: all right and all checked", "call": "progress", "args": [part_id, right, ids]},
            {"name": f"{part_id}: checked without an answer", "call": "progress", "args": [part_id, {}, ids[:2]]},
        ]
    first = rules.get_part(instrument, parts[0])["questions"]
    cases += [
        {
            "name": "upper case and spaces are accepted",
            "call": "check_answers",
            "args": [parts[0], {first[0]["id"]: " B ", first[1]["id"]: "A", first[2]["id"]: "\tc\n"}],
        },
        {
            "name": "checked twice counts once",
            "call": "progress",
            "args": [parts[0], {first[0]["id"]: "a"}, [first[0]["id"], first[0]["id"]]],
        },
    ]
    for n in range(36):
        part_id = rng.choice(parts)
        questions = rules.get_part(instrument, part_id)["questions"]
        blank = rng.choice([0, 0.2, 0.5])
        answers = {}
        for q in questions:
            roll = rng.random()
            if roll < blank:
                if rng.random() < 0.5:
                    answers[q["id"]] = None
                continue
            letter = rng.choice(q["options"])["id"]
            answers[q["id"]] = letter.upper() if rng.random() < 0.2 else letter
        checked = [q["id"] for q in questions if rng.random() < 0.6]
        rng.shuffle(checked)
        cases.append({"name": f"random answers {n + 1}", "call": "check_answers", "args": [part_id, answers]})
        cases.append({"name": f"random progress {n + 1}", "call": "progress", "args": [part_id, answers, checked]})
    q = first[3]
    bad = [
        ("a part that does not exist", "check_answers", ["part-4", {}]),
        ("no part", "check_answers", [None, {}]),
        ("an unknown part in get_part", "get_part", ["Part 1"]),
        ("a letter out of range", "check_answers", [parts[0], {q["id"]: "e"}]),
        ("a word", "check_answers", [parts[0], {q["id"]: "yes"}]),
        ("an empty answer", "check_answers", [parts[0], {q["id"]: "  "}]),
        ("a number", "check_answers", [parts[0], {q["id"]: 1}]),
        ("true", "check_answers", [parts[0], {q["id"]: True}]),
        ("a list of letters", "check_answers", [parts[0], {q["id"]: ["a"]}]),
        (
            "a question of another part",
            "check_answers",
            [parts[0], {rules.get_part(instrument, parts[1])["questions"][0]["id"]: "a"}],
        ),
        ("answers as a list", "check_answers", [parts[0], ["a", "b"]]),
        ("answers as text", "check_answers", [parts[0], "abcab"]),
        ("no answers at all", "check_answers", [parts[0], None]),
        ("a bad answer in progress", "progress", [parts[0], {q["id"]: "z"}, []]),
        ("checked as text", "progress", [parts[0], {}, q["id"]]),
        ("checked as a dictionary", "progress", [parts[0], {}, {q["id"]: True}]),
        ("checked with an unknown question", "progress", [parts[0], {}, ["no-such-question"]]),
        ("progress of an unknown part", "progress", ["part-9", {}, []]),
    ]
    cases += [{"name": f"refuses {what}", "call": call, "args": args} for what, call, args in bad]
    # The figure an attempt is compared by, per part, from the page's {answers, checked}.
    for part_id in parts:
        questions = rules.get_part(instrument, part_id)["questions"]
        right = {q["id"]: next(o["id"] for o in q["options"] if o["correct"]) for q in questions}
        half = {q_id: (letter if n % 2 else None) for n, (q_id, letter) in enumerate(right.items())}
        cases += [
            {
                "name": f"{part_id}: attempt figures, all right",
                "call": "attempt_figures",
                "args": [{"answers": right, "checked": list(right)}, part_id],
            },
            {
                "name": f"{part_id}: attempt figures, half",
                "call": "attempt_figures",
                "args": [{"answers": half}, part_id],
            },
        ]
    cases.append({"name": "attempt figures refuse an unknown part", "call": "attempt_figures", "args": [{}, "part-9"]})
    return cases
