"""Inputs of the self-assessment's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.self_assessment import rules

INSTRUMENT = "future_proof"
CALLS = {
    "validate_answers": rules.validate_answers,
    "score_responses": rules.score_responses,
    "interpret": rules.interpret,
    "attempt_figures": rules.attempt_figures,
}


def inputs():
    instrument = load(INSTRUMENT)
    ids = [item["id"] for item in instrument["items"]]
    low, high = instrument["scale"]["min"], instrument["scale"]["max"]
    rng = random.Random(20261201)
    cases = [
        {"name": "no answers", "call": "score_responses", "args": [{}]},
        {"name": "every answer the lowest", "call": "score_responses", "args": [dict.fromkeys(ids, low)]},
        {"name": "every answer the highest", "call": "score_responses", "args": [dict.fromkeys(ids, high)]},
    ]
    short = {i: 4 for i in ids if not i.startswith(ids[0].split("-")[0])} | {ids[0]: 5}
    cases.append(
        {
            "name": "one dimension short of answers",
            "call": "interpret",
            "args": [rules.score_responses(instrument, short)],
        }
    )
    for n in range(40):
        blank = rng.choice([0, 0, 0.2, 0.5])
        answers = {i: (None if rng.random() < blank else rng.randint(low, high)) for i in ids}
        cases.append({"name": f"random answers {n + 1}", "call": "score_responses", "args": [answers]})
        if n % 2:
            cases.append(
                {
                    "name": f"reading of random answers {n + 1}",
                    "call": "interpret",
                    "args": [rules.score_responses(instrument, answers)],
                }
            )
    bad = [
        ("above the scale", {ids[0]: high + 1}),
        ("below the scale", {ids[1]: low - 1}),
        ("text", {ids[0]: "4"}),
        ("a fraction", {ids[2]: 3.5}),
        ("true", {ids[3]: True}),
        ("an unknown item", {"no-such-item": 3}),
        ("a list", [4, 4, 4]),
    ]
    cases += [{"name": f"refuses {what}", "call": "score_responses", "args": [answers]} for what, answers in bad]
    cases.append(
        {"name": "validates and keeps blanks", "call": "validate_answers", "args": [{ids[0]: None, ids[1]: 2}]}
    )
    # The figures two attempts are compared by: one at the middle, one with a dimension short of answers.
    cases.append(
        {"name": "attempt figures, every answer 3", "call": "attempt_figures", "args": [dict.fromkeys(ids, 3)]}
    )
    cases.append({"name": "attempt figures, a dimension unscored", "call": "attempt_figures", "args": [short]})
    return cases
