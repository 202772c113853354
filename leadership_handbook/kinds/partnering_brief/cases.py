"""Inputs of the partnering brief's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.partnering_brief import rules

INSTRUMENT = "partnering_planner"
CALLS = {
    "validate_rows": rules.validate_rows,
    "build_brief": rules.build_brief,
    "brief_table": rules.brief_table,
    "attempt_figures": rules.attempt_figures,
}

# The worked example of the notebook: three requests from a fictional council.
EXAMPLE = [
    {
        "want": "A one-day customer-service refresher for all team leaders",
        "problem": "Complaints about how difficult calls are handled have risen for two quarters",
        "need": "Team leaders who coach their advisers through difficult calls, week by week",
        "need_evidence": "Call reviews show advisers rarely get feedback after a hard call",
        "evidence": ["needs-analysis", "practice-feedback", "spaced-sessions"],
        "measures": ["kirkpatrick-3", "ltem-6"],
        "indicator": "A coaching conversation observed every fortnight; call-quality scores",
        "owner": "Head of customer services",
        "by": "End of March",
    },
    {
        "want": "An inspiring keynote speaker at the managers' away-day",
        "problem": "The new ways of working agreed last year are used in some teams and not others",
        "need": "Managers who back the new ways of working after the event",
        "need_evidence": "Staff survey: half the teams say their manager never mentions the new ways",
        "evidence": ["transfer-climate", "required-drivers"],
        "measures": ["kirkpatrick-3", "kirkpatrick-4"],
        "indicator": "Monthly follow-up check-ins held; fewer complaints escalated",
        "owner": "Director of operations",
        "by": "June",
    },
    {
        "want": "Feedback forms at the end of every session",
        "problem": "Nobody can say whether past programmes changed anything at work",
        "need": "Evidence of whether anything changed at work, and why",
        "need_evidence": "The last two programme reviews held only satisfaction scores",
        "evidence": ["success-cases"],
        "measures": ["kirkpatrick-1", "ltem-7"],
        "indicator": "Interviews with the five most and five least successful participants after three months",
        "owner": "L&D business partner",
        "by": "September",
    },
]
ROW = {
    "want": "A one-day course",
    "problem": "Disputes reach HR too late",
    "need": "Earlier, clearer conversations",
    "need_evidence": "Case logs",
    "evidence": ["needs-analysis"],
    "measures": ["kirkpatrick-1"],
    "indicator": "Happy sheets",
    "owner": "L&D",
    "by": "June",
}
WORDS = [
    "A one-day course",
    "coaching",
    "team leaders",
    "call quality",
    "“quoted”",
    "less < more > none",
    "fewer complaints",
    "Ünïcödé",
    "semi;colon",
    "a, b & c",
    "  spaced  ",
    "June",
    "Head of service",
    "😀 smile",
    "line\nbreak",
    "tab\there",
    "café",
    "👩‍👩‍👧 family",
]


def _row(**change):
    return {**ROW, **change}


def _random_plan(rng, evidence, measures, undirect):
    rows = []
    for _ in range(rng.randint(1, 6)):
        row = {
            field: " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
            for field in ("want", "problem", "need", "need_evidence", "indicator", "owner", "by")
        }
        row["evidence"] = (
            list(undirect) if rng.random() < 0.2 else [rng.choice(evidence) for _ in range(rng.randint(1, 3))]
        )
        row["measures"] = [rng.choice(measures) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.1:
            row["evidence"] = row["evidence"][0]  # one id given as text
        rows.append(dict(sorted(row.items(), key=lambda _: rng.random())))  # fields in any order
    return rows


def inputs():
    spec = load(INSTRUMENT)
    evidence = [e["id"] for e in spec["evidence_options"]]
    measures = [m["id"] for m in spec["measures"]]
    undirect = [e["id"] for e in spec["evidence_options"] if not e.get("direct_evidence", True)]
    longest = spec["rules"]["max_text_length"]
    most = spec["rules"]["max_rows"]
    rng = random.Random(20261202)

    def brief(name, rows):
        return {"name": name, "call": "build_brief", "args": [rows]}

    cases = [
        brief("the worked example", EXAMPLE),
        {"name": "the worked example, checked", "call": "validate_rows", "args": [EXAMPLE]},
        {"name": "the worked example as a table", "call": "brief_table", "args": [rules.build_brief(spec, EXAMPLE)]},
        brief("a reaction-only brief warns", [ROW]),
        brief("no direct evidence in one row", [_row(evidence=undirect, measures=["kirkpatrick-4"])]),
        brief("no direct evidence in two rows", [_row(evidence=undirect), ROW, _row(evidence=undirect * 2)]),
        brief("no direct evidence beside other evidence is not warned", [_row(evidence=undirect + ["success-cases"])]),
        brief("one id as text, an id twice", [_row(evidence="transfer-climate", measures=["ltem-7", "ltem-7"])]),
        brief("the most rows", [_row(want=f"Request {n}") for n in range(most)]),
        brief(
            "texts at the longest, counted as a reader counts them",
            [_row(want="x" * longest, need="😀" * longest, indicator="👩‍👩‍👧" * (longest // 5))],
        ),
        brief("surrounding spaces are removed", [_row(want="  padded  ", owner="\tL&D\n")]),
        brief("fields in another order", [dict(reversed(list(ROW.items())))]),
    ]
    cases += [brief(f"measure {m} alone", [_row(measures=[m])]) for m in measures]
    cases += [brief(f"evidence {e} alone", [_row(evidence=[e], measures=["ltem-8"])]) for e in evidence]
    for n in range(40):
        plan = _random_plan(rng, evidence, measures, undirect)
        cases.append(brief(f"random plan {n + 1}", plan))
        if n % 4 == 0:
            cases.append(
                {
                    "name": f"random plan {n + 1} as a table",
                    "call": "brief_table",
                    "args": [rules.build_brief(spec, plan)],
                }
            )
    bad = [
        ("an unknown measure", [_row(measures=["kirkpatrick-5"])]),
        ("an unknown evidence option", [_row(evidence=["gut-feeling"])]),
        ("an empty want", [_row(want="  ")]),
        ("an empty problem", [_row(problem="")]),
        (
            "a row of the seven-column brief, without a problem or evidence the need is real",
            [{k: v for k, v in ROW.items() if k not in ("problem", "need_evidence")}],
        ),
        ("no measures", [_row(measures=[])]),
        ("an empty id as text", [_row(measures="")]),
        ("evidence as a dictionary", [_row(evidence={"needs-analysis": True})]),
        ("evidence as a number", [_row(evidence=3)]),
        ("a want that is a number", [_row(want=12)]),
        ("a need one character too long", [_row(need="😀" * (longest + 1))]),
        ("an owner that is a list", [_row(owner=["L&D"])]),
        ("no rows", []),
        ("too many rows", [ROW] * (most + 1)),
        ("a plan that is text", "my plan"),
        ("a plan that is a dictionary", {"rows": [ROW]}),
        ("a row that is a list", [ROW, list(ROW.values())]),
        ("a misspelt field", [{**ROW, "owners": "L&D"}]),
        ("a missing field", [{k: v for k, v in ROW.items() if k != "indicator"}]),
        ("a field that is None", [_row(by=None)]),
        ("row 2's shape before row 1's texts", [_row(want=""), {"want": "x"}]),
        ("a text before the evidence", [_row(evidence=["gut-feeling"], by="")]),
        ("the first text in column order", [_row(by="", indicator="", need="")]),
        ("the evidence before the measures", [_row(evidence=[], measures=[])]),
        ("the first bad row", [ROW, _row(measures=["none"]), _row(want="")]),
    ]
    cases += [brief(f"refuses {what}", rows) for what, rows in bad]
    cases.append(
        {"name": "validate refuses an unknown measure", "call": "validate_rows", "args": [[_row(measures=["ltem-9"])]]}
    )

    # The figures an attempt is compared by, from the page's cards: texts as typed, selects left at "" in lists.
    def card(row, **change):
        out = {k: (list(v) + [""] if isinstance(v, list) else v) for k, v in row.items()}
        return out | change

    blank_card = {k: ([""] if isinstance(v, list) else "") for k, v in EXAMPLE[0].items()}
    cases += [
        {"name": "attempt figures, a blank card", "call": "attempt_figures", "args": [{"rows": [blank_card]}]},
        {
            "name": "attempt figures, the example",
            "call": "attempt_figures",
            "args": [{"rows": [card(r) for r in EXAMPLE]}],
        },
        {
            "name": "attempt figures, one complete, one without measures, one blank",
            "call": "attempt_figures",
            "args": [{"rows": [card(EXAMPLE[0]), card(EXAMPLE[1], measures=["", ""], owner="  "), blank_card]}],
        },
    ]
    return cases
