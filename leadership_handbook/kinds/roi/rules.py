"""The ROI calculator's rules (``kind: roi``, ``roi_example.yml``): the inputs, the formulas and the report.

The formulas follow the Phillips ROI Methodology and the ROI Institute's conservative guiding principles:

* fully loaded costs ``C`` = the sum of every cost item, in order (each item 0 or more; the total above 0);
* a benefit after the conservative adjustment = ``annual_value * ((attribution_pct / 100) * (confidence_pct / 100))``,
  in that order of operations, so it can never exceed ``annual_value``; only the first year is counted;
* adjusted benefits ``B`` = the sum of the adjusted benefits, in order;
* benefit-cost ratio ``BCR = B / C``;
* ``ROI % = (B - C) / C * 100``;
* payback period in months ``= C / B * 12`` (``None`` when ``B`` is 0: the programme never pays back).

Everything is computed unrounded; :func:`evaluate` rounds the reported figures once, at the end, with
:func:`~leadership_handbook.core.rounding.round2`. Intangible benefits are listed, never converted to money.
The inputs are in :mod:`.inputs`; sensitivity and the simulation are in :mod:`.uncertainty`.

The limits (``limits``), the cost categories (``cost_categories``) and the words of the results (``words``)
are read from ``roi_example.yml``. ``rules.js`` beside this file holds the same rules for the page and reads
the same file; the shared cases in ``cases.json`` hold the two equal.

Bad input raises :class:`~leadership_handbook.core.errors.InputError` (a ``ValueError``): negative amounts,
zero total costs, percentages outside 0 to 100, NaN, infinity, text or ``True``/``False`` where a number
belongs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.formatting import format2, money, percent
from leadership_handbook.core.rounding import round2

# The inputs are the rules' own vocabulary: importable from here as from .inputs.
from leadership_handbook.kinds.roi.inputs import (
    COST_CATEGORIES,
    COST_CATEGORY_LABELS,
    DEFAULT_CATEGORY,
    LIMITS,
    SOURCE,
    WORDS,
    BenefitItem,
    CostItem,
    RoiInputs,
    _money,
    _percent,
    adjusted_value,
    inputs_from_example,
    total_costs,
)

__all__ = [
    "benefit_rows",
    "COST_CATEGORIES",
    "COST_CATEGORY_LABELS",
    "DEFAULT_CATEGORY",
    "LIMITS",
    "WORDS",
    "CostItem",
    "BenefitItem",
    "RoiInputs",
    "total_costs",
    "adjusted_value",
    "benefit_after_adjustment",
    "total_benefits",
    "benefit_cost_ratio",
    "roi_percent",
    "payback_months",
    "evaluate",
    "summary_rows",
    "interpret",
    "fill",
    "inputs_from_example",
    "attempt_figures",
]


def benefit_after_adjustment(annual_value, attribution_pct, confidence_pct) -> float:
    """``annual_value * ((attribution_pct / 100) * (confidence_pct / 100))``: never more than ``annual_value``."""
    return adjusted_value(
        _money(annual_value, field="annual_value"),
        _percent(attribution_pct, field="attribution_pct"),
        _percent(confidence_pct, field="confidence_pct"),
    )


def total_benefits(benefits) -> float:
    """The sum of the adjusted benefits, in order."""
    total = 0.0
    for item in benefits:
        total += item.adjusted
    return total


def _pair(benefits, costs):
    return (_money(benefits, field="benefits"), _money(costs, field="costs", positive=True))


def benefit_cost_ratio(benefits, costs) -> float:
    """``benefits / costs`` (benefits 0 or more; costs above 0)."""
    b, c = _pair(benefits, costs)
    return b / c


def roi_percent(benefits, costs) -> float:
    """``(benefits - costs) / costs * 100``: net benefits as a percentage of fully loaded costs."""
    b, c = _pair(benefits, costs)
    return (b - c) / c * 100


def payback_months(costs, annual_benefits) -> float | None:
    """``costs / annual_benefits * 12``; ``None`` when there are no benefits (it never pays back)."""
    b, c = _pair(annual_benefits, costs)
    if b == 0:
        return None
    return c / b * 12


def evaluate(inputs: RoiInputs) -> dict:
    """The full calculation, rounded once at the end. Returns a plain dict::

    {"total_costs", "unadjusted_benefits", "adjusted_benefits", "net_benefits", "bcr", "roi_pct",
     "payback_months" (None if never), "hurdle_rate_pct", "meets_hurdle" (None if no hurdle),
     "costs": [{"label", "category", "amount", "share_pct"}],
     "benefits": [{"label", "annual_value", "attribution_pct", "confidence_pct", "adjusted"}],
     "intangibles": [...]}
    """
    if not isinstance(inputs, RoiInputs):
        raise InputError(
            f"{type(inputs).__name__} is not RoiInputs",
            source=SOURCE,
            field="inputs",
            allowed="RoiInputs(costs=[...], benefits=[...])",
        )
    c = total_costs(inputs.costs)
    b = total_benefits(inputs.benefits)
    roi = roi_percent(b, c)
    payback = payback_months(c, b)
    return {
        "title": inputs.title,
        "currency": inputs.currency,
        "total_costs": round2(c),
        "unadjusted_benefits": round2(sum(item.annual_value for item in inputs.benefits)),
        "adjusted_benefits": round2(b),
        "net_benefits": round2(b - c),
        "bcr": round2(benefit_cost_ratio(b, c)),
        "roi_pct": round2(roi),
        "payback_months": None if payback is None else round2(payback),
        "hurdle_rate_pct": inputs.hurdle_rate_pct,
        # Compared after rounding, so the verdict matches the ROI shown.
        "meets_hurdle": None if inputs.hurdle_rate_pct is None else round2(roi) >= inputs.hurdle_rate_pct,
        "costs": [
            {
                "label": i.label,
                "category": i.category,
                "amount": round2(i.amount),
                "share_pct": round2(i.amount * 100 / c),
            }
            for i in inputs.costs
        ],
        "benefits": [
            {
                "label": i.label,
                "annual_value": round2(i.annual_value),
                "attribution_pct": i.attribution_pct,
                "confidence_pct": i.confidence_pct,
                "adjusted": round2(i.adjusted),
                "basis": i.basis,
            }
            for i in inputs.benefits
        ],
        "intangibles": list(inputs.intangibles),
    }


def fill(template: str, values: Mapping) -> str:
    """A sentence from ``words``: each ``{name}`` replaced by ``values[name]``, in one pass (so a label that
    contains braces stays as typed)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), template)


def benefit_rows(report: Mapping) -> list[list[str]]:
    """Each benefit as written in a table: label, annual value, attributed, confidence, counted."""
    cur = report["currency"]
    return [
        [
            b["label"],
            money(b["annual_value"], cur),
            percent(b["attribution_pct"]),
            percent(b["confidence_pct"]),
            money(b["adjusted"], cur),
        ]
        for b in report["benefits"]
    ]


def summary_rows(report: Mapping) -> list[dict]:
    """The results table, one row per figure: ``{"key", "label", "value" (the figure as 2 decimals, or true
    or false), "text" (as shown)}``; the hurdle row only when there is a hurdle rate."""
    cur, words, payback = report["currency"], WORDS["summary"], report["payback_months"]
    texts = {
        "total_costs": money(report["total_costs"], cur),
        "adjusted_benefits": money(report["adjusted_benefits"], cur),
        "net_benefits": money(report["net_benefits"], cur),
        "bcr": format2(report["bcr"]),
        "roi_pct": percent(report["roi_pct"]),
        "payback_months": WORDS["payback_never"]
        if payback is None
        else fill(WORDS["payback"], {"months": format2(payback)}),
    }
    rows = [
        {"key": key, "label": words[key], "value": format2(report[key]), "text": texts[key]}
        for key in words
        if key != "meets_hurdle"
    ]
    if report["hurdle_rate_pct"] is not None:
        verdict = WORDS["hurdle_met"] if report["meets_hurdle"] else WORDS["hurdle_missed"]
        rows.append(
            {
                "key": "meets_hurdle",
                "label": words["meets_hurdle"],
                "value": "true" if report["meets_hurdle"] else "false",
                "text": fill(verdict, {"hurdle": percent(report["hurdle_rate_pct"])}),
            }
        )
    return rows


def interpret(
    report: Mapping, rows: Sequence[Mapping], mc: Mapping | None = None, quote: Sequence[str] = ("“", "”")
) -> list[dict]:
    """What the figures say, in plain sentences built from the results (no new numbers): ``[{"id", "text"}]``.

    ``rows`` are the one-way sensitivity rows (widest first) and ``mc`` a simulation's summary, each left out
    when empty; ``quote`` is the pair of marks put around the name of the input that matters most.
    """
    said, cur = WORDS["interpretation"], report["currency"]
    figures = {
        "currency": cur,
        "bcr": format2(report["bcr"]),
        "net_benefits": money(report["net_benefits"], cur),
        "roi": percent(report["roi_pct"]),
    }
    out = [("gain" if report["roi_pct"] >= 0 else "loss", figures)]
    if report["hurdle_rate_pct"] is not None:
        out.append(
            (
                "hurdle_met" if report["meets_hurdle"] else "hurdle_missed",
                {"hurdle": percent(report["hurdle_rate_pct"])},
            )
        )
    if report["unadjusted_benefits"] > 0:
        out.append(
            (
                "adjustments",
                {"kept": percent(round2(report["adjusted_benefits"] * 100 / report["unadjusted_benefits"]))},
            )
        )
    if rows:
        low, high = sorted((rows[0]["roi_low"], rows[0]["roi_high"]))
        out.append(
            ("top_input", {"input": quote[0] + rows[0]["label"] + quote[1], "low": percent(low), "high": percent(high)})
        )
    if mc:
        values = {"p5": percent(mc["p5"]), "p95": percent(mc["p95"]), "negative": percent(mc["prob_negative"])}
        if mc["prob_below_hurdle"] is None:
            out.append(("simulation", values))
        else:
            out.append(("simulation_hurdle", {**values, "below_hurdle": percent(mc["prob_below_hurdle"])}))
    if report["intangibles"]:
        out.append(("intangibles", {"count": len(report["intangibles"])}))
    return [{"id": key, "text": fill(said[key], values)} for key, values in out]


def _typed_number(typed):
    """A number as the page reads one a reader typed (``rules.js`` parseNumber: "£1,800", "50%"); NaN if not one."""
    text = re.sub(r"\s*%$", "", re.sub(r"^[£$€¥]\s*", "", str(typed).strip()))
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", text):
        text = text.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?", text, re.IGNORECASE):
        return math.nan
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value  # JavaScript has one number type


def attempt_figures(instrument: Mapping, answers) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``), from the page's answers (text as typed): ROI %,
    the benefit-cost ratio and the net benefit in the attempt's currency. 5 points of ROI, 0.05 of the ratio and 5%
    of the costs in money are worth a sentence. Answers the page would flag leave all three ``None``."""

    def blank(value):
        return value is None or str(value).strip() == ""

    def number(value):
        return None if blank(value) else _typed_number(value)

    currency = str(answers.get("currency") or "").strip() or instrument["currency"]
    fields = ("label", "basis", "annual_value", "attribution_pct", "confidence_pct")
    try:
        inputs = RoiInputs(
            costs=[
                CostItem(str(c.get("label") or "").strip(), number(c.get("amount")), c.get("category") or None)
                for c in answers["costs"]
                if not blank(c.get("label")) or not blank(c.get("amount"))
            ],
            benefits=[
                BenefitItem(
                    str(b.get("label") or "").strip(),
                    number(b.get("annual_value")),
                    number(b.get("attribution_pct")),
                    number(b.get("confidence_pct")),
                    str(b.get("basis") or "").strip(),
                )
                for b in answers["benefits"]
                if not all(blank(b.get(f)) for f in fields)
            ],
            intangibles=[t.strip() for t in answers["intangibles"] if not blank(t)],
            hurdle_rate_pct=number(answers.get("hurdle_rate_pct")),
            currency=currency,
        )
        report = evaluate(inputs)
    except InputError:
        report = None
    bars = {"roi_pct": ("percent", 5), "bcr": ("ratio", 0.05), "net_benefits": ("money", None)}
    return [
        {
            "id": key,
            "label": instrument["words"]["summary"][key],
            "value": report[key] if report else None,
            "unit": unit,
            "moved": (report["total_costs"] / 20 if report else None) if moved is None else moved,
            "currency": currency,
        }
        for key, (unit, moved) in bars.items()
    ]
