"""Inputs of the barrier log's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`."""

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.barrier_log import rules

INSTRUMENT = "barrier_log"
CALLS = {
    "choice_values": rules.choice_values,
    "entry_numbers": rules.entry_numbers,
    "validate_entries": rules.validate_entries,
    "check_rows": rules.check_rows,
    "quadrant_for": rules.quadrant_for,
    "priority_range": rules.priority_range,
    "rank_entries": rules.rank_entries,
    "prioritise": rules.prioritise,
    "goals_from_ranking": rules.goals_from_ranking,
    "learning_goals": rules.learning_goals,
    "attempt_figures": rules.attempt_figures,
}

# Text as readers type it: accents, an emoji (one character, two UTF-16 units), quotes and markup.
WORDS = [
    "budget",
    "re-org",
    'my manager\'s "quick" asks',
    "about <b>politics</b>",
    "Ünïcode",
    "late briefs 🙂",
    "handover",
    "conflict",
    "meetings",
    "a, b; c",
]


def inputs():
    spec = load(INSTRUMENT)
    fields = [f["id"] for f in spec["entries"]["fields"]]
    types = rules.choice_values(spec, "barrier_type")
    freq, imp = rules.choice_values(spec, "frequency"), rules.choice_values(spec, "impact")
    most = spec["entries"]["max_text_length"]
    high = spec["scoring"]["high_from"]
    rng = random.Random(20261202)

    def entry(**change):
        return {
            "challenge": "Late briefs",
            "barrier_type": types[0],
            "frequency": freq[-1],
            "impact": imp[0],
            "could_teach": "Asking early",
            **change,
        }

    texts = [f for f in fields if rules.choice_values(spec, f) is None]
    dates = ["2026-12-01", "2024-02-29", "", "  ", None]

    def random_entry():
        optional = {}
        if rng.random() < 0.7:  # entries saved before the four-part fields and the date existed have none
            optional = {
                "date": rng.choice(dates),
                "visible_task": rng.choice(["", " ".join(rng.sample(WORDS, rng.randint(1, 3)))]),
                "hidden_demand": " ".join(rng.sample(WORDS, rng.randint(1, 3))),
            }
        return {
            **optional,
            "challenge": " ".join(rng.sample(WORDS, rng.randint(1, 3))),
            "barrier_type": rng.choice(types),
            "frequency": rng.choice(freq),
            "impact": rng.choice(imp),
            "could_teach": " ".join(rng.sample(WORDS, rng.randint(1, 3))),
        }

    def random_row():
        state = rng.choice(["complete", "complete", "blank", "incomplete", "spaces", "too long"])
        row = random_entry()
        if state == "blank":
            row = {f: ("" if f in texts else None) for f in fields}
            if rng.random() < 0.5:
                row["date"] = "2026-12-01"  # a date alone leaves an entry blank
        elif state == "incomplete":
            for f in rng.sample(fields, rng.randint(1, len(fields) - 1)):
                row[f] = rng.choice([None, "", "   "]) if f in texts else None
        elif state == "spaces":
            row["challenge"] = "  \n" + row["challenge"] + "\t "
        elif state == "too long":
            row[rng.choice(texts)] = rng.choice(["x", "🙂"]) * (most + rng.randint(1, 3))
        if rng.random() < 0.5:
            row["entry"] = rng.choice([1, 2, 3, 7, 12, 0, -1, 2.0, 2.5, True, "3", None])
        return row

    cases = [{"name": f"choices of {f}", "call": "choice_values", "args": [f]} for f in fields]
    cases += [
        {"name": "entry numbers: none saved", "call": "entry_numbers", "args": [[{}, {}, {}]]},
        {
            "name": "entry numbers: kept after a removal",
            "call": "entry_numbers",
            "args": [[{"entry": 1}, {"entry": 3}]],
        },
        {
            "name": "entry numbers: repeated, not whole or not numbers",
            "call": "entry_numbers",
            "args": [[{"entry": 2}, {"entry": 2}, {"entry": 0}, {"entry": 1.5}, {"entry": True}, {"entry": "4"}, {}]],
        },
        {"name": "entry numbers: a whole number written 3.0", "call": "entry_numbers", "args": [[{"entry": 3.0}, {}]]},
        {
            "name": "the four-part fields and the date are kept",
            "call": "prioritise",
            "args": [[entry(date="2026-12-01", visible_task="Submit the budget", hidden_demand="Win two directors")]],
        },
        {
            "name": "optional fields left out, null or spaces are empty",
            "call": "validate_entries",
            "args": [[entry(), entry(date=None, visible_task="  "), entry(hidden_demand=None)]],
        },
        {"name": "a leap day", "call": "validate_entries", "args": [[entry(date="2024-02-29")]]},
        {
            "name": "page rows: numbered by their own entry, a date alone is blank",
            "call": "check_rows",
            "args": [[{**entry(), "entry": 4}, {"date": "2026-12-01", "entry": 6}, {**entry(), "entry": 9}]],
        },
        {
            "name": "page rows: a date that is not a date",
            "call": "check_rows",
            "args": [[entry(date="2026-02-30"), entry(date="01/12/2026"), entry(date=" 2026-12-01 ")]],
        },
    ]
    cases += [
        {"name": "priority range", "call": "priority_range", "args": []},
        {"name": "one entry", "call": "prioritise", "args": [[entry()]]},
        {"name": "text is trimmed", "call": "validate_entries", "args": [[entry(challenge="  x ", could_teach=" y")]]},
        {
            "name": "ties keep the order of entry",
            "call": "prioritise",
            "args": [[entry(frequency=3, impact=3), entry(frequency=3, impact=3), entry(frequency=3, impact=3)]],
        },
        {
            "name": "impact breaks ties in priority",
            "call": "prioritise",
            "args": [[entry(frequency=4, impact=2), entry(frequency=2, impact=4)]],
        },
        {
            "name": "frequency breaks ties in priority and impact",
            "call": "prioritise",
            "args": [[entry(frequency=2, impact=2), entry(frequency=2, impact=2, barrier_type=types[-1])]],
        },
        {
            "name": "text of the longest length, in emoji",
            "call": "validate_entries",
            "args": [[entry(challenge="🙂" * most, could_teach="é" * most)]],
        },
        {
            "name": "the longest log",
            "call": "learning_goals",
            "args": [[random_entry() for _ in range(spec["scoring"]["max_entries"])]],
        },
        {"name": "fewer entries than goals", "call": "learning_goals", "args": [[entry()]]},
        {
            "name": "every goal asked for",
            "call": "learning_goals",
            "args": [[random_entry() for _ in range(5)], spec["scoring"]["max_entries"]],
        },
        {"name": "one goal", "call": "learning_goals", "args": [[random_entry() for _ in range(5)], 1]},
        {
            "name": "default goals from a ranking",
            "call": "goals_from_ranking",
            "args": [rules.prioritise(spec, [random_entry() for _ in range(6)])],
        },
        {
            "name": "two goals from a ranking",
            "call": "goals_from_ranking",
            "args": [rules.prioritise(spec, [random_entry() for _ in range(6)]), 2],
        },
        {"name": "page rows: none", "call": "check_rows", "args": [[]]},
        {
            "name": "page rows: blank, partial, complete",
            "call": "check_rows",
            "args": [[{f: None for f in fields}, {"challenge": "Budget cut", "impact": 5}, entry()]],
        },
        {
            "name": "page rows: text that is only spaces is blank",
            "call": "check_rows",
            "args": [[{"challenge": "  ", "barrier_type": "", "frequency": None, "impact": None, "could_teach": "\n"}]],
        },
        {
            "name": "page rows: choices that are not on the lists",
            "call": "check_rows",
            "args": [
                [
                    entry(barrier_type="people", frequency=0, impact="3"),
                    entry(frequency=True, impact=freq[-1] + 1),
                    entry(barrier_type=1, challenge=7),
                ]
            ],
        },
        {
            "name": "page rows: text at and over the limit",
            "call": "check_rows",
            "args": [
                [
                    entry(challenge="x" * most, could_teach="🙂" * most),
                    entry(challenge=" " + "x" * (most + 1)),
                    entry(could_teach="🙂" * (most + 1)),
                ]
            ],
        },
        {
            "name": "rank the complete page rows, keeping their names",
            "call": "rank_entries",
            "args": [[c["clean"] for c in rules.check_rows(spec, [entry(), {}, entry(impact=imp[-1])]) if c["clean"]]],
        },
    ]
    cases += [
        {"name": f"quadrant of {f}, {i}", "call": "quadrant_for", "args": [f, i]}
        for f in (freq[0], high - 1, high, freq[-1])
        for i in (imp[0], high - 1, high, imp[-1])
    ]
    for n in range(40):
        log = [random_entry() for _ in range(rng.randint(1, 12))]
        if n % 2:
            cases.append({"name": f"random log {n + 1}", "call": "prioritise", "args": [log]})
        else:
            cases.append({"name": f"random log {n + 1}: goals", "call": "learning_goals", "args": [log]})
    for n in range(30):
        rows = [random_row() for _ in range(rng.randint(1, 8))]
        cases.append({"name": f"random page rows {n + 1}", "call": "check_rows", "args": [rows]})
        checked = rules.check_rows(spec, rows)
        cases.append(
            {
                "name": f"random page rows {n + 1}: ranked",
                "call": "rank_entries",
                "args": [[c["clean"] for c in checked if c["clean"]]],
            }
        )
    bad = [
        ("a frequency too high", [entry(frequency=freq[-1] + 1)]),
        ("a frequency of zero", [entry(frequency=0)]),
        ("an impact as text", [entry(impact="high")]),
        ("an impact as a numeral in quotes", [entry(impact="3")]),
        ("a fractional impact", [entry(impact=2.5)]),
        ("an impact of true", [entry(impact=True)]),
        ("an unknown barrier type", [entry(barrier_type="people")]),
        ("a barrier type as a number", [entry(barrier_type=1)]),
        ("a missing field", [{k: v for k, v in entry().items() if k != "could_teach"}]),
        ("a field set to null", [entry(frequency=None)]),
        ("an empty challenge", [entry(challenge="")]),
        ("a challenge of spaces", [entry(challenge="   ")]),
        ("a challenge as a number", [entry(challenge=42)]),
        ("too long a text", [entry(could_teach="x" * (most + 1))]),
        ("too long a text in emoji", [entry(challenge="🙂" * (most + 1))]),
        ("a misspelt field", [{**entry(), "impactt": 2}]),
        ("a date in another format", [entry(date="1/12/2026")]),
        ("a date that does not exist", [entry(date="2025-02-29")]),
        ("a date as a number", [entry(date=20261201)]),
        ("a visible task that is too long", [entry(visible_task="x" * (most + 1))]),
        ("an empty log", []),
        ("too long a log", [entry()] * (spec["scoring"]["max_entries"] + 1)),
        ("a log that is not a list", {"B1": entry()}),
        ("a log that is text", "my log"),
        ("an entry that is not a dictionary", [entry(), ["a list"]]),
        ("a bad second entry", [entry(), entry(impact=0)]),
    ]
    cases += [{"name": f"refuses {what}", "call": "prioritise", "args": [log]} for what, log in bad]
    cases += [
        {"name": f"refuses a top_n of {top!r}", "call": "learning_goals", "args": [[entry()], top]}
        for top in (0, -1, spec["scoring"]["max_entries"] + 1, 2.5, "3", True)
    ]
    cases.append(
        {
            "name": "refuses a bad entry when asked for goals",
            "call": "learning_goals",
            "args": [[entry(barrier_type="x")]],
        }
    )

    # The figures an attempt is compared by, from the page's {rows} (numbered, with blank and unfinished rows).
    def numbered(rows):
        return {"rows": [dict(row, entry=n) for n, row in enumerate(rows, start=1)]}

    blank_row = dict.fromkeys(fields, "") | {f: None for f in fields if rules.choice_values(spec, f) is not None}
    cases += [
        {"name": "attempt figures, one blank row", "call": "attempt_figures", "args": [numbered([blank_row])]},
        {
            "name": "attempt figures, two entries and an unfinished one",
            "call": "attempt_figures",
            "args": [numbered([entry(), entry(frequency=freq[0], impact=imp[-1]), dict(blank_row, challenge="Half")])],
        },
    ]
    for n in range(4):
        rows = [random_entry() for _ in range(rng.randint(1, 5))]
        cases.append({"name": f"attempt figures, random {n + 1}", "call": "attempt_figures", "args": [numbered(rows)]})
    return cases
