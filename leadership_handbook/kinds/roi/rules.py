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
Sensitivity and the simulation are in :mod:`.uncertainty`.

The limits (``limits``), the cost categories (``cost_categories``) and the words of the results (``words``)
are read from ``roi_example.yml``. ``rules.js`` beside this file holds the same rules for the page and reads
the same file; the shared cases in ``cases.json`` hold the two equal.

Bad input raises :class:`~leadership_handbook.core.errors.InputError` (a ``ValueError``): negative amounts,
zero total costs, percentages outside 0 to 100, NaN, infinity, text or ``True``/``False`` where a number
belongs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from leadership_handbook.core.errors import InputError, check_number, check_text
from leadership_handbook.core.formatting import format2, money, percent
from leadership_handbook.core.instruments import load
from leadership_handbook.core.rounding import round2

__all__ = [
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
]

INSTRUMENT = "roi_example"
_DATA = load(INSTRUMENT)
LIMITS = _DATA["limits"]
WORDS = _DATA["words"]
COST_CATEGORIES = tuple(c["id"] for c in _DATA["cost_categories"])
COST_CATEGORY_LABELS = {c["id"]: c["label"] for c in _DATA["cost_categories"]}
DEFAULT_CATEGORY = _DATA["default_cost_category"]
SOURCE = "Your ROI inputs"


def _money(value, *, field, item_id=None, positive=False, source=SOURCE) -> float:
    top = LIMITS["max_amount"]
    allowed = ("an amount above 0" if positive else "an amount of 0 or more") + f", up to {money(top, '')}"
    return check_number(
        value,
        field=field,
        item_id=item_id,
        source=source,
        minimum=0,
        maximum=top,
        exclusive_minimum=positive,
        allowed=allowed,
    )


def _percent(value, *, field, item_id=None) -> float:
    low, high = LIMITS["percent"]["minimum"], LIMITS["percent"]["maximum"]
    return check_number(
        value,
        field=field,
        item_id=item_id,
        source=SOURCE,
        minimum=low,
        maximum=high,
        allowed=f"a number from {low:g} to {high:g} (50 means 50%)",
    )


def _text(value, *, field, item_id=None) -> str:
    return check_text(value, field=field, item_id=item_id, source=SOURCE, max_length=LIMITS["max_text_length"])


def _category(value, *, field, item_id=None) -> str:
    if value not in COST_CATEGORIES:
        raise InputError(
            f"{value!r} is not a cost category",
            source=SOURCE,
            item_id=item_id,
            field=field,
            allowed="one of " + ", ".join(COST_CATEGORIES),
        )
    return value


def _basis(value, *, field, item_id=None) -> str:
    if not isinstance(value, str):
        raise InputError(
            f"{value!r} is not text",
            source=SOURCE,
            item_id=item_id,
            field=field,
            allowed="text in quotes (may be empty)",
        )
    return value


def _check_fields(item, **checks) -> None:
    """Check a frozen item's label, then each named field with its check (the label names the item in the
    messages), and keep the clean values."""
    label = _text(item.label, field="label")
    object.__setattr__(item, "label", label)
    for name, check in checks.items():
        object.__setattr__(item, name, check(getattr(item, name), field=name, item_id=label))


@dataclass(frozen=True)
class CostItem:
    """One line of the fully loaded costs. ``amount`` is 0 or more (a 0 line shows you considered it)."""

    label: str
    amount: float
    category: str = DEFAULT_CATEGORY

    def __post_init__(self):
        _check_fields(self, amount=_money, category=_category)


@dataclass(frozen=True)
class BenefitItem:
    """One monetary benefit for the first year, with the conservative adjustment's two percentages.

    ``attribution_pct``: the share of the improvement attributed to the programme (0 to 100).
    ``confidence_pct``: the estimator's confidence in that attribution (0 to 100).
    """

    label: str
    annual_value: float
    attribution_pct: float
    confidence_pct: float
    basis: str = ""

    def __post_init__(self):
        _check_fields(self, annual_value=_money, attribution_pct=_percent, confidence_pct=_percent, basis=_basis)

    @property
    def adjusted(self) -> float:
        """The benefit after the conservative adjustment (unrounded)."""
        return adjusted_value(self.annual_value, self.attribution_pct, self.confidence_pct)


@dataclass(frozen=True)
class RoiInputs:
    """Everything one ROI calculation needs. ``hurdle_rate_pct`` is the organisation's minimum ROI, if any."""

    costs: Sequence[CostItem]
    benefits: Sequence[BenefitItem]
    intangibles: Sequence[str] = field(default_factory=tuple)
    hurdle_rate_pct: float | None = None
    currency: str = "£"
    title: str = ""

    def __post_init__(self):
        for name, kind in (("costs", CostItem), ("benefits", BenefitItem)):
            items = getattr(self, name)
            if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Sequence):
                raise InputError(
                    f"{name} is a {type(items).__name__}, not a list",
                    source=SOURCE,
                    field=name,
                    allowed=f"a list of {kind.__name__}(...) entries",
                )
            for n, item in enumerate(items, start=1):
                if not isinstance(item, kind):
                    raise InputError(
                        f"entry {n} is not a {kind.__name__} (it is of type {type(item).__name__})",
                        source=SOURCE,
                        item_id=f"{name} #{n}",
                        field=name,
                        allowed=f"{kind.__name__}(...) entries",
                    )
            object.__setattr__(self, name, tuple(items))
        if not self.costs:
            raise InputError(
                "there are no cost items",
                source=SOURCE,
                field="costs",
                allowed="at least one CostItem, with a total above 0",
            )
        total_costs(self.costs)  # raises if the total is 0
        if isinstance(self.intangibles, (str, bytes)) or not isinstance(self.intangibles, Sequence):
            raise InputError(
                "intangibles is not a list",
                source=SOURCE,
                field="intangibles",
                allowed='a list of text, such as ["Better teamwork"]',
            )
        object.__setattr__(
            self,
            "intangibles",
            tuple(
                _text(t, field="intangibles", item_id=f"intangible #{n}")
                for n, t in enumerate(self.intangibles, start=1)
            ),
        )
        if self.hurdle_rate_pct is not None:
            low, high = LIMITS["hurdle_rate_pct"]["minimum"], LIMITS["hurdle_rate_pct"]["maximum"]
            object.__setattr__(
                self,
                "hurdle_rate_pct",
                check_number(
                    self.hurdle_rate_pct,
                    field="hurdle_rate_pct",
                    source=SOURCE,
                    minimum=low,
                    maximum=high,
                    allowed=f"a percentage from {low:g} to {high:g}, or None",
                ),
            )


def total_costs(costs) -> float:
    """Fully loaded costs: the sum of the items' amounts (CostItem objects or plain amounts), above 0."""
    total = 0.0
    for n, item in enumerate(costs, start=1):
        amount = item.amount if isinstance(item, CostItem) else _money(item, field="amount", item_id=f"cost #{n}")
        total += amount
    if total <= 0:
        raise InputError(
            f"the costs add up to {total:g}",
            source=SOURCE,
            field="costs",
            allowed="costs with a total above 0 (ROI divides by the costs)",
        )
    return total


def adjusted_value(annual_value, attribution_pct, confidence_pct):
    """The conservative adjustment's arithmetic on checked numbers (or NumPy arrays of them), unrounded:
    ``annual_value * ((attribution_pct / 100) * (confidence_pct / 100))``."""
    return annual_value * ((attribution_pct / 100) * (confidence_pct / 100))


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


def inputs_from_example(example: Mapping) -> RoiInputs:
    """Build :class:`RoiInputs` from a validated ``roi`` instrument (see ``roi_example.yml``), or from any
    mapping with its ``costs``, ``benefits``, ``intangibles``, ``currency``, ``title`` (and ``hurdle_rate_pct``)."""
    return RoiInputs(
        costs=[CostItem(c["label"], c["amount"], c["category"]) for c in example["costs"]],
        benefits=[
            BenefitItem(b["label"], b["annual_value"], b["attribution_pct"], b["confidence_pct"], b["basis"])
            for b in example["benefits"]
        ],
        intangibles=list(example["intangibles"]),
        hurdle_rate_pct=example.get("hurdle_rate_pct"),
        currency=example["currency"],
        title=example["title"],
    )
