"""Inputs of the programme audit's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.programme_audit import rules

INSTRUMENT = "programme_audit"
CALLS = {
    "top_value": rules.top_value,
    "validate_audit_answers": rules.validate_audit_answers,
    "score_audit": rules.score_audit,
    "attempt_figures": rules.attempt_figures,
}


def inputs():
    instrument = load(INSTRUMENT)
    ids = [f["id"] for f in instrument["features"]]
    values = [o["value"] for o in instrument["response_options"]]
    low, top = min(values), max(values)
    first_stage = [f["id"] for f in instrument["features"] if f["stage"] == instrument["stages"][0]["id"]]
    rng = random.Random(20261202)
    cases = [
        {"name": "the highest option value", "call": "top_value", "args": []},
        {"name": "no answers", "call": "score_audit", "args": [{}]},
        {"name": "every feature don't know", "call": "score_audit", "args": [dict.fromkeys(ids)]},
        {"name": "every feature not in place", "call": "score_audit", "args": [dict.fromkeys(ids, low)]},
        {"name": "every feature fully in place (no gaps)", "call": "score_audit", "args": [dict.fromkeys(ids, top)]},
        {
            "name": "only the first stage, fully in place",
            "call": "score_audit",
            "args": [dict.fromkeys(first_stage, top)],
        },
        {"name": "one point (a percentage that rounds)", "call": "score_audit", "args": [{ids[-1]: 1}]},
        {
            "name": "validates and keeps blanks",
            "call": "validate_audit_answers",
            "args": [{ids[0]: None, ids[1]: top, ids[2]: low}],
        },
    ]
    # Points filled in file order, on either side of each band's edge (40% and 75% of 24 points, here).
    most = len(ids) * top
    edges = sorted(
        {min(most, max(0, b["min"] * most // 100 + d)) for b in instrument["bands"] for d in (-1, 0, 1)}
        | {1, most - 1, most}
    )
    for points in edges:
        answers, left = {}, points
        for feature_id in ids:
            answers[feature_id] = min(top, left)
            left -= answers[feature_id]
        cases.append({"name": f"{points} of {most} points, in file order", "call": "score_audit", "args": [answers]})
    for n in range(32):
        blank = rng.choice([0, 0, 0.15, 0.4])
        answers = {i: (None if rng.random() < blank else rng.choice(values)) for i in ids}
        if n % 3 == 0:  # a missing key counts as unanswered, as None does
            answers = {k: v for k, v in answers.items() if v is not None}
        cases.append({"name": f"random audit {n + 1}", "call": "score_audit", "args": [answers]})
    bad = [
        ("a value that is not an option", {ids[0]: top + 1}),
        ("a negative value", {ids[5]: -1}),
        ("text", {ids[5]: "yes"}),
        ("a number as text", {ids[1]: str(top)}),
        ("a fraction", {ids[2]: 0.5}),
        ("true", {ids[3]: True}),
        ("false", {ids[4]: False}),
        ("an unknown feature", {"spacing": top}),
        ("a list", [top] * len(ids)),
        ("text instead of answers", "all fully in place"),
        ("a bad answer after good ones", {ids[0]: top, ids[1]: low, ids[-1]: 9}),
    ]
    cases += [{"name": f"refuses {what}", "call": "score_audit", "args": [answers]} for what, answers in bad]
    cases.append(
        {
            "name": "validation refuses an unknown feature",
            "call": "validate_audit_answers",
            "args": [{ids[0]: top, "no-such-feature": low}],
        }
    )
    # The figures an attempt is compared by, from the page's {answers, unknown} and from answers alone.
    cases += [
        {
            "name": "attempt figures, nothing answered",
            "call": "attempt_figures",
            "args": [{"answers": {}, "unknown": []}],
        },
        {
            "name": "attempt figures, the first stage in place, one not known",
            "call": "attempt_figures",
            "args": [{"answers": dict.fromkeys(first_stage, top), "unknown": [ids[-1]]}],
        },
        {"name": "attempt figures, answers alone", "call": "attempt_figures", "args": [dict.fromkeys(ids, low)]},
        {
            "name": "attempt figures refuse a value not an option",
            "call": "attempt_figures",
            "args": [{"answers": {ids[0]: 9}}],
        },
    ]
    return cases
