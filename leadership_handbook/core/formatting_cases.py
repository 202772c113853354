"""Inputs of the formatter's shared cases (``core/cases.json``); see :mod:`leadership_handbook.core.cases`."""

from leadership_handbook.core.formatting import count, format2, money, number2, percent, text_length
from leadership_handbook.core.rounding import round2

CALLS = {
    "round2": round2,
    "format2": format2,
    "number2": number2,
    "money": money,
    "percent": percent,
    "count": count,
    "text_length": text_length,
}


def inputs():
    values = [0, 1, -1, 0.005, 0.015, 1.005, 2.675, -2.675, 3.755, 1234.5, -17300, 1e9 + 0.125, 99.995, -0.001]
    cases = [{"name": f"round2 {v}", "call": "round2", "args": [v]} for v in values]
    cases += [{"name": f"format2 {v}", "call": "format2", "args": [v]} for v in values + [None]]
    cases += [{"name": f"number2 {v}", "call": "number2", "args": [v]} for v in values + [None]]
    cases += [{"name": f"money {v} {c}", "call": "money", "args": [v, c]} for v in values for c in ("£", "€")]
    cases += [{"name": f"percent {v}", "call": "percent", "args": [v]} for v in values + [None, 100, 250.5]]
    cases += [
        {"name": f"count {n}", "call": "count", "args": [n]} for n in (0, 7, 999, 1000, 5000, 123456, 1234567, -4500)
    ]
    cases += [
        {"name": f"length of {t!r}", "call": "text_length", "args": [t]}
        for t in ["", "plain", "naïve café", "a😀b", "👩‍💼 lead", "中文字"]
    ]
    return cases
