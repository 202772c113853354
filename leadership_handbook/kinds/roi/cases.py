"""Inputs of the ROI calculator's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`.

A case's arguments come after the instrument. A *plan* is what :func:`~.rules.inputs_from_example` reads
(``costs``, ``benefits``, ``intangibles``, ``hurdle_rate_pct``, ``currency``, ``title``): the Python rules
take it as :class:`~.rules.RoiInputs`, the JavaScript rules as the plain object, so the calls below wrap the
Python ones. ``monte_carlo_mulberry32`` is the page's simulation (its own generator), held equal exactly.
"""

from __future__ import annotations

import dataclasses
import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.roi import rules, uncertainty

INSTRUMENT = "roi_example"
PLAN_KEYS = ("costs", "benefits", "intangibles", "hurdle_rate_pct", "currency", "title")


def _inputs(plan):
    return rules.inputs_from_example(plan)


CALLS = {
    "inputs_from_example": lambda instrument, plan: dataclasses.asdict(_inputs(plan)),
    "evaluate": lambda instrument, plan: rules.evaluate(_inputs(plan)),
    "one_way_sensitivity": lambda instrument, plan, swing, points: uncertainty.one_way_sensitivity(
        _inputs(plan), swing, points
    ),
    "monte_carlo_mulberry32": lambda instrument, plan, settings: uncertainty.monte_carlo_mulberry32(
        _inputs(plan), **settings
    ),
    "summary_rows": lambda instrument, report: rules.summary_rows(report),
    "interpret": lambda instrument, report, rows, mc, quote: rules.interpret(report, rows, mc, quote),
    "attempt_figures": rules.attempt_figures,
}


def _typed(plan):
    """A plan as the page's form holds it: every figure as text, a blank row after each list."""
    text = lambda v: "" if v is None else str(v)  # noqa: E731
    return {
        "currency": plan["currency"],
        "hurdle_rate_pct": text(plan["hurdle_rate_pct"]),
        "costs": [{k: text(c[k]) for k in ("label", "category", "amount")} for c in plan["costs"]]
        + [{"label": "", "category": "other", "amount": ""}],
        "benefits": [
            {k: text(b[k]) for k in ("label", "annual_value", "attribution_pct", "confidence_pct", "basis")}
            for b in plan["benefits"]
        ]
        + [dict.fromkeys(("label", "annual_value", "attribution_pct", "confidence_pct", "basis"), "")],
        "intangibles": list(plan["intangibles"]) + [""],
    }


WORDS = [
    "Design",
    "delivery",
    "coaching",
    "venue",
    "people's time",
    "travel",
    "evaluation",
    "waste",
    "overtime",
    "“quoted” text",
    "<b>not bold</b>",
    "Ünïcödé",
    "a, b & c",
    "{bcr} braces",
    "emoji 😀",
]


def _label(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _random_plan(rng, categories):
    costs = [
        {
            "label": _label(rng),
            "category": rng.choice(categories),
            "amount": rng.choice(
                [0, rng.randint(1, 200000), round(rng.uniform(0, 50000), 2), round(rng.uniform(0, 999), 1)]
            ),
        }
        for _ in range(rng.randint(1, 10))
    ]
    if sum(c["amount"] for c in costs) == 0:
        costs[0]["amount"] = 1234.5
    benefits = [
        {
            "label": _label(rng),
            "basis": rng.choice(["", "Payroll records", "Manager estimates"]),
            "annual_value": rng.choice([0, rng.randint(1, 500000), round(rng.uniform(0, 90000), 2)]),
            "attribution_pct": rng.choice([0, 100, rng.randint(0, 100), round(rng.uniform(0, 100), 1)]),
            "confidence_pct": rng.choice([100, rng.randint(0, 100), round(rng.uniform(0, 100), 2)]),
        }
        for _ in range(rng.randint(0, 6))
    ]
    return {
        "costs": costs,
        "benefits": benefits,
        "intangibles": [_label(rng) for _ in range(rng.randint(0, 4))],
        "hurdle_rate_pct": rng.choice([None, None, 0, rng.randint(-50, 200), round(rng.uniform(-20, 60), 1)]),
        "currency": rng.choice(["£", "$", "€", "CHF "]),
        "title": "",
    }


def _with(plan, **changes):
    return {**plan, **changes}


def _bad_plans(example, limits):
    cost, benefit = example["costs"][0], example["benefits"][0]
    top, longest = limits["max_amount"], limits["max_text_length"]

    def costs(**change):
        return _with(example, costs=[{**cost, **change}] + example["costs"][1:])

    def benefits(**change):
        return _with(example, benefits=[{**benefit, **change}] + example["benefits"][1:])

    return [
        ("a negative cost", costs(amount=-500)),
        ("a cost typed as text", costs(amount="3,500")),
        ("a cost of true", costs(amount=True)),
        ("a cost above the largest amount", costs(amount=top * 2)),
        ("an unknown cost category", costs(category="catering")),
        ("a cost with no label", costs(label="  ")),
        ("a cost label that is a number", costs(label=12)),
        ("a cost label one character too long", costs(label="x" * (longest + 1))),
        ("an emoji label one character too long", costs(label="😀" * (longest + 1))),
        ("a negative benefit", benefits(annual_value=-1)),
        ("an attribution above 100", benefits(attribution_pct=120)),
        ("a confidence below 0", benefits(confidence_pct=-5)),
        ("a percentage typed as text", benefits(attribution_pct="50%")),
        ("a basis that is not text", benefits(basis=7)),
        ("a benefit with no label", benefits(label="")),
        ("no costs", _with(example, costs=[])),
        ("costs that add up to 0", _with(example, costs=[{**cost, "amount": 0}, {**cost, "amount": 0}])),
        ("an intangible too long", _with(example, intangibles=["ok", "y" * (longest + 1)])),
        ("an empty intangible", _with(example, intangibles=[" "])),
        ("a hurdle below its range", _with(example, hurdle_rate_pct=limits["hurdle_rate_pct"]["minimum"] - 1)),
        ("a hurdle above its range", _with(example, hurdle_rate_pct=limits["hurdle_rate_pct"]["maximum"] + 0.5)),
        ("a hurdle typed as text", _with(example, hurdle_rate_pct="20%")),
    ]


def inputs():
    instrument = load(INSTRUMENT)
    limits, categories = instrument["limits"], [c["id"] for c in instrument["cost_categories"]]
    one_way, simulation = instrument["sensitivity"]["one_way"], instrument["sensitivity"]["monte_carlo"]
    swing, points = one_way["amount_swing_pct"], one_way["percentage_points_swing"]
    example = {key: instrument[key] for key in PLAN_KEYS}
    top, longest = limits["max_amount"], limits["max_text_length"]
    cost = {"label": "Venue", "category": categories[0], "amount": 1000}
    gain = {"label": "Less waste", "basis": "", "annual_value": 5000, "attribution_pct": 50, "confidence_pct": 50}
    edge = [
        ("the worked example", example),
        ("no benefits", _with(example, benefits=[])),
        (
            "nothing attributed to the programme",
            _with(example, benefits=[{**b, "attribution_pct": 0} for b in example["benefits"]]),
        ),
        ("no hurdle rate", _with(example, hurdle_rate_pct=None)),
        ("a loss, below a hurdle of 0", _with(example, hurdle_rate_pct=0, benefits=example["benefits"][:1])),
        (
            "an ROI exactly at the hurdle",
            {
                "costs": [cost],
                "benefits": [gain],
                "intangibles": [],
                "hurdle_rate_pct": 25,
                "currency": "£",
                "title": "",
            },
        ),
        (
            "percentages at 0 and 100",
            {
                "costs": [cost],
                "benefits": [
                    {**gain, "attribution_pct": 100, "confidence_pct": 0},
                    {**gain, "attribution_pct": 100, "confidence_pct": 100},
                ],
                "intangibles": ["Better teamwork"],
                "hurdle_rate_pct": None,
                "currency": "$",
                "title": "Edge",
            },
        ),
        (
            "the largest amounts",
            {
                "costs": [{**cost, "amount": top}],
                "benefits": [{**gain, "annual_value": top}],
                "intangibles": [],
                "hurdle_rate_pct": limits["hurdle_rate_pct"]["maximum"],
                "currency": "£",
                "title": "",
            },
        ),
        (
            "tiny amounts",
            {
                "costs": [{**cost, "amount": 0.01}, {**cost, "amount": 0}],
                "benefits": [{**gain, "annual_value": 0.01}],
                "intangibles": [],
                "hurdle_rate_pct": limits["hurdle_rate_pct"]["minimum"],
                "currency": "£",
                "title": "",
            },
        ),
        ("the longest labels", _with(example, costs=[{**cost, "label": "x" * longest}], intangibles=["😀" * longest])),
        (
            "labels with spaces round them",
            _with(example, costs=[{**cost, "label": "  Venue  "}], intangibles=["  Teamwork "]),
        ),
    ]
    cases = []
    for name, plan in edge:
        cases.append({"name": f"checks {name}", "call": "inputs_from_example", "args": [plan]})
        cases.append({"name": f"evaluates {name}", "call": "evaluate", "args": [plan]})
        cases.append({"name": f"sensitivity of {name}", "call": "one_way_sensitivity", "args": [plan, swing, points]})
    rng = random.Random(20261202)
    plans = [_random_plan(rng, categories) for _ in range(30)]
    for n, plan in enumerate(plans, start=1):
        cases.append({"name": f"evaluates random plan {n}", "call": "evaluate", "args": [plan]})
        moved = [swing, points] if n % 3 else [rng.choice([5, 10, 50, 90]), rng.choice([1, 5, 25, 50])]
        cases.append({"name": f"sensitivity of random plan {n}", "call": "one_way_sensitivity", "args": [plan, *moved]})
    simulated = [
        ("the worked example", example, simulation),
        ("no benefits", _with(example, benefits=[]), {**simulation, "runs": 500}),
        ("the worked example, another seed", example, {**simulation, "seed": 7, "runs": 1000}),
    ]
    simulated += [
        (
            f"random plan {n}",
            plans[n],
            {
                "runs": 300 + 100 * n,
                "seed": rng.randint(0, 2**32),
                "amount_spread_pct": rng.choice([1, 25, 90]),
                "percentage_points_spread": rng.choice([1, 15, 50]),
            },
        )
        for n in range(0, 12, 2)
    ]
    for name, plan, settings in simulated:
        cases.append({"name": f"simulates {name}", "call": "monte_carlo_mulberry32", "args": [plan, settings]})
    for n, (name, plan) in enumerate(edge[:8] + [(f"random plan {k}", plans[k]) for k in range(10)]):
        inputs_ = rules.inputs_from_example(plan)
        try:
            report = rules.evaluate(inputs_)
        except ValueError:
            continue
        rows = uncertainty.one_way_sensitivity(inputs_, swing, points)
        mc = uncertainty.monte_carlo_mulberry32(inputs_, runs=200, seed=n)
        cases.append({"name": f"summary of {name}", "call": "summary_rows", "args": [report]})
        quote = ["*", "*"] if n % 2 else ["“", "”"]
        cases.append({"name": f"reading of {name}", "call": "interpret", "args": [report, rows[:1], mc, quote]})
        if n < 3:
            cases.append(
                {
                    "name": f"reading of {name} without a simulation",
                    "call": "interpret",
                    "args": [report, rows[:1], None, quote],
                }
            )
    for name, plan in _bad_plans(example, limits):
        cases.append({"name": f"refuses {name}", "call": "inputs_from_example", "args": [plan]})
        cases.append({"name": f"evaluate refuses {name}", "call": "evaluate", "args": [plan]})
    whole = {**gain, "annual_value": top, "attribution_pct": 100, "confidence_pct": 100}
    big = {
        "costs": [cost],
        "benefits": [whole] * 2,
        "intangibles": [],
        "hurdle_rate_pct": None,
        "currency": "£",
        "title": "",
    }
    cases.append(
        {"name": "evaluate refuses benefits that add up past the largest amount", "call": "evaluate", "args": [big]}
    )
    cases.append(
        {
            "name": "evaluate refuses costs that add up past the largest amount",
            "call": "evaluate",
            "args": [_with(big, costs=[{**cost, "amount": top}] * 2, benefits=[gain])],
        }
    )
    cases.append(
        {
            "name": "sensitivity refuses a negative cost",
            "call": "one_way_sensitivity",
            "args": [_bad_plans(example, limits)[0][1], swing, points],
        }
    )
    # The figures an attempt is compared by, from the page's typed answers: the edge plans above, typed forms of
    # numbers ("£1,800", "50%"), and answers the page would flag (every figure then None).
    typed = _typed(example)
    flagged = [
        ("no costs at all", dict(typed, costs=[{"label": "", "category": "other", "amount": ""}])),
        ("a cost without an amount", dict(typed, costs=[{"label": "Venue", "category": "venue_travel", "amount": ""}])),
        ("a word for an amount", dict(typed, costs=[dict(typed["costs"][0], amount="lots")])),
        ("a percentage over 100", dict(typed, benefits=[dict(typed["benefits"][0], attribution_pct="140")])),
        ("a negative hurdle text", dict(typed, hurdle_rate_pct="-x")),
    ]
    grouped = dict(typed, costs=[dict(typed["costs"][0], amount="£3,500")], hurdle_rate_pct="20%")
    for name, plan in edge[:7]:
        cases.append({"name": f"attempt figures, {name}", "call": "attempt_figures", "args": [_typed(plan)]})
    for name, answers in flagged + [("amounts typed as \u00a31,800 and 20%", grouped)]:
        cases.append({"name": f"attempt figures, {name}", "call": "attempt_figures", "args": [answers]})
    return cases
