"""Training ROI arithmetic, following the Phillips ROI Methodology's formulas and conservative rules.

Formulas (Phillips ROI Methodology; ROI Institute guiding principles):

* fully loaded costs ``C`` = the sum of every cost item, in order (each item 0 or more; the total above 0);
* a benefit after the conservative adjustment = ``annual_value * ((attribution_pct / 100) * (confidence_pct / 100))``,
  in that order of operations, so it can never exceed ``annual_value``; only the first year is counted;
* adjusted benefits ``B`` = the sum of the adjusted benefits, in order;
* benefit-cost ratio ``BCR = B / C``;
* ``ROI % = (B - C) / C * 100``;
* payback period in months ``= C / B * 12`` (``None`` when ``B`` is 0: the programme never pays back).

Everything is computed unrounded; :func:`evaluate` rounds the reported figures once, at the end, with
:func:`~leadership_handbook.rounding.round2`. Intangible benefits are listed, never converted to money.

Bad input raises :class:`~leadership_handbook.errors.InputError` (a ``ValueError``): negative amounts, zero
total costs, percentages outside 0 to 100, NaN, infinity, text or ``True``/``False`` where a number belongs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from leadership_handbook.errors import InputError, check_number, check_percent, check_text, check_whole_number
from leadership_handbook.rounding import round2

__all__ = [
    "COST_CATEGORIES",
    "COST_CATEGORY_LABELS",
    "CostItem",
    "BenefitItem",
    "RoiInputs",
    "total_costs",
    "benefit_after_adjustment",
    "total_benefits",
    "benefit_cost_ratio",
    "roi_percent",
    "payback_months",
    "evaluate",
    "one_way_sensitivity",
    "monte_carlo",
    "inputs_from_example",
]

COST_CATEGORIES = ("needs_analysis", "design", "delivery", "participant_time", "venue_travel", "evaluation",
                   "overhead", "other")
COST_CATEGORY_LABELS = {"needs_analysis": "Needs analysis", "design": "Design", "delivery": "Delivery",
                        "participant_time": "People's time", "venue_travel": "Venue and travel",
                        "evaluation": "Evaluation", "overhead": "Overheads", "other": "Other"}
MAX_AMOUNT = 1e12
SOURCE = "Your ROI inputs"


def _money(value, *, field, item_id=None, positive=False, source=SOURCE) -> float:
    allowed = ("an amount above 0" if positive else "an amount of 0 or more") + ", up to 1,000,000,000,000"
    return check_number(value, field=field, item_id=item_id, source=source, minimum=0, maximum=MAX_AMOUNT,
                        exclusive_minimum=positive, allowed=allowed)


@dataclass(frozen=True)
class CostItem:
    """One line of the fully loaded costs. ``amount`` is 0 or more (a 0 line shows you considered it)."""

    label: str
    amount: float
    category: str = "other"

    def __post_init__(self):
        label = check_text(self.label, field="label", source=SOURCE, max_length=200)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "amount", _money(self.amount, field="amount", item_id=label))
        if self.category not in COST_CATEGORIES:
            raise InputError(f"{self.category!r} is not a cost category", source=SOURCE, item_id=label,
                             field="category", allowed="one of " + ", ".join(COST_CATEGORIES))


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
        label = check_text(self.label, field="label", source=SOURCE, max_length=200)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "annual_value", _money(self.annual_value, field="annual_value", item_id=label))
        object.__setattr__(self, "attribution_pct",
                           check_percent(self.attribution_pct, field="attribution_pct", item_id=label, source=SOURCE))
        object.__setattr__(self, "confidence_pct",
                           check_percent(self.confidence_pct, field="confidence_pct", item_id=label, source=SOURCE))
        if not isinstance(self.basis, str):
            raise InputError(f"{self.basis!r} is not text", source=SOURCE, item_id=label, field="basis",
                             allowed="text in quotes (may be empty)")

    @property
    def adjusted(self) -> float:
        """The benefit after the conservative adjustment (unrounded)."""
        return benefit_after_adjustment(self.annual_value, self.attribution_pct, self.confidence_pct)


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
                raise InputError(f"{name} is a {type(items).__name__}, not a list", source=SOURCE, field=name,
                                 allowed=f"a list of {kind.__name__}(...) entries")
            for n, item in enumerate(items, start=1):
                if not isinstance(item, kind):
                    raise InputError(f"entry {n} is not a {kind.__name__} (it is of type {type(item).__name__})",
                                     source=SOURCE,
                                     item_id=f"{name} #{n}", field=name, allowed=f"{kind.__name__}(...) entries")
            object.__setattr__(self, name, tuple(items))
        if not self.costs:
            raise InputError("there are no cost items", source=SOURCE, field="costs",
                             allowed="at least one CostItem, with a total above 0")
        total_costs(self.costs)  # raises if the total is 0
        if isinstance(self.intangibles, (str, bytes)) or not isinstance(self.intangibles, Sequence):
            raise InputError("intangibles is not a list", source=SOURCE, field="intangibles",
                             allowed='a list of text, such as ["Better teamwork"]')
        object.__setattr__(self, "intangibles", tuple(
            check_text(t, field="intangibles", item_id=f"intangible #{n}", source=SOURCE, max_length=200)
            for n, t in enumerate(self.intangibles, start=1)))
        if self.hurdle_rate_pct is not None:
            object.__setattr__(self, "hurdle_rate_pct", check_number(
                self.hurdle_rate_pct, field="hurdle_rate_pct", source=SOURCE, minimum=-100, maximum=1000,
                allowed="a percentage from -100 to 1000, or None"))


# --------------------------------------------------------------------------------------------- formulas


def total_costs(costs) -> float:
    """Fully loaded costs: the sum of the items' amounts (CostItem objects or plain amounts), above 0."""
    total = 0.0
    for n, item in enumerate(costs, start=1):
        amount = item.amount if isinstance(item, CostItem) else _money(item, field="amount", item_id=f"cost #{n}")
        total += amount
    if total <= 0:
        raise InputError(f"the costs add up to {total:g}", source=SOURCE, field="costs",
                         allowed="costs with a total above 0 (ROI divides by the costs)")
    return total


def benefit_after_adjustment(annual_value, attribution_pct, confidence_pct) -> float:
    """``annual_value * ((attribution_pct / 100) * (confidence_pct / 100))``: never more than ``annual_value``."""
    value = _money(annual_value, field="annual_value")
    attribution = check_percent(attribution_pct, field="attribution_pct", source=SOURCE)
    confidence = check_percent(confidence_pct, field="confidence_pct", source=SOURCE)
    return value * ((attribution / 100) * (confidence / 100))


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


# --------------------------------------------------------------------------------------------- reports


def _roi_of(benefit_values, costs_total):
    return (benefit_values - costs_total) / costs_total * 100


def evaluate(inputs: RoiInputs) -> dict:
    """The full calculation, rounded once at the end. Returns a plain dict::

        {"total_costs", "unadjusted_benefits", "adjusted_benefits", "net_benefits", "bcr", "roi_pct",
         "payback_months" (None if never), "hurdle_rate_pct", "meets_hurdle" (None if no hurdle),
         "costs": [{"label", "category", "amount", "share_pct"}],
         "benefits": [{"label", "annual_value", "attribution_pct", "confidence_pct", "adjusted"}],
         "intangibles": [...]}
    """
    if not isinstance(inputs, RoiInputs):
        raise InputError(f"{type(inputs).__name__} is not RoiInputs", source=SOURCE, field="inputs",
                         allowed="RoiInputs(costs=[...], benefits=[...])")
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
        "costs": [{"label": i.label, "category": i.category, "amount": round2(i.amount),
                   "share_pct": round2(i.amount * 100 / c)} for i in inputs.costs],
        "benefits": [{"label": i.label, "annual_value": round2(i.annual_value), "attribution_pct": i.attribution_pct,
                      "confidence_pct": i.confidence_pct, "adjusted": round2(i.adjusted), "basis": i.basis}
                     for i in inputs.benefits],
        "intangibles": list(inputs.intangibles),
    }


def _check_spread(value, field):
    return check_number(value, field=field, source=SOURCE, minimum=0, maximum=90, exclusive_minimum=True,
                        allowed="a percentage above 0, up to 90")


def _check_points(value, field):
    return check_number(value, field=field, source=SOURCE, minimum=0, maximum=50, exclusive_minimum=True,
                        allowed="a number of percentage points above 0, up to 50")


def _benefits_total(parts) -> float:
    """Adjusted benefits from (value, attribution, confidence) triples, with the same arithmetic as above."""
    total = 0.0
    for value, attribution, confidence in parts:
        total += value * ((attribution / 100) * (confidence / 100))
    return total


def one_way_sensitivity(inputs: RoiInputs, amount_swing_pct: float = 20, percentage_points_swing: float = 15
                        ) -> list[dict]:
    """Move one input at a time down and then up, holding the rest; record the ROI each time.

    Money inputs (each benefit's annual value, and the costs: all items scaled together) move by
    ``amount_swing_pct`` percent of their value. Attribution and confidence move by
    ``percentage_points_swing`` points, kept within 0 to 100. Rows come widest swing first (ties in input
    order); each has ``input``, ``label``, ``unit`` ("money" or "points"), ``base_setting``,
    ``low_setting``, ``high_setting``, ``roi_low``, ``roi_high``, ``swing`` (all rounded) and the
    unrounded ``base_roi``.
    """
    s = _check_spread(amount_swing_pct, "amount_swing_pct") / 100
    pp = _check_points(percentage_points_swing, "percentage_points_swing")
    c = total_costs(inputs.costs)
    base_parts = [(i.annual_value, i.attribution_pct, i.confidence_pct) for i in inputs.benefits]
    base_b = _benefits_total(base_parts)
    base = _roi_of(base_b, c)
    rows = []

    def add(key, label, unit, value, low, high, roi_low, roi_high):
        rows.append({"input": key, "label": label, "unit": unit, "base_setting": round2(value),
                     "low_setting": round2(low), "high_setting": round2(high), "roi_low": round2(roi_low),
                     "roi_high": round2(roi_high), "swing": round2(abs(roi_high - roi_low)), "base_roi": base})

    names = ("annual value", "share due to programme", "confidence")
    for n, item in enumerate(inputs.benefits):
        for position, name in enumerate(names):
            value = base_parts[n][position]
            if position == 0:
                low, high, unit = value * (1 - s), value * (1 + s), "money"
            else:
                low, high, unit = max(0.0, value - pp), min(100.0, value + pp), "points"
            results = []
            for setting in (low, high):
                parts = [list(p) for p in base_parts]
                parts[n][position] = setting
                results.append(_roi_of(_benefits_total(parts), c))
            add(f"benefits #{n + 1} {name}", f"{item.label}: {name}", unit, value, low, high, *results)
    c_low, c_high = c * (1 - s), c * (1 + s)
    add("costs", "Fully loaded costs (all items together)", "money", c, c_low, c_high, _roi_of(base_b, c_low),
        _roi_of(base_b, c_high))
    order = sorted(range(len(rows)), key=lambda k: (-rows[k]["swing"], k))
    return [rows[k] for k in order]


def _triangular(rng, low, mode, high, runs):
    if low == high:
        return np.full(runs, float(mode))
    return rng.triangular(low, mode, high, size=runs)


def monte_carlo(inputs: RoiInputs, runs: int = 5000, seed: int = 2026, amount_spread_pct: float = 25,
                percentage_points_spread: float = 15) -> dict:
    """Seeded Monte Carlo ROI: every input uncertain at once, each drawn from a triangular distribution.

    Money inputs (each benefit's annual value, each cost item) are drawn from
    ``triangular(v * (1 - s), v, v * (1 + s))`` with ``s = amount_spread_pct / 100``; attribution and
    confidence from ``triangular(max(0, p - d), p, min(100, p + d))`` with ``d = percentage_points_spread``.
    Draws come from ``numpy.random.default_rng(seed)`` in a fixed order (for each benefit: value,
    attribution, confidence; then each cost), so the same inputs and seed always give the same result.

    Returns ``{"runs", "seed", "mean", "p5", "p50", "p95", "prob_negative", "prob_below_hurdle",
    "hurdle_rate_pct", "amount_spread_pct", "percentage_points_spread", "samples"}``: ROI figures and
    probabilities (percentages of runs) rounded at the end; ``samples`` (unrounded ROI per run) is for charts.
    """
    runs = check_whole_number(runs, field="runs", source=SOURCE, minimum=100, maximum=100_000)
    seed = check_whole_number(seed, field="seed", source=SOURCE, minimum=0, maximum=2**63 - 1)
    s = _check_spread(amount_spread_pct, "amount_spread_pct") / 100
    d = _check_points(percentage_points_spread, "percentage_points_spread")
    rng = np.random.default_rng(seed)
    b = np.zeros(runs)
    for item in inputs.benefits:
        v, a, k = item.annual_value, item.attribution_pct, item.confidence_pct
        value = _triangular(rng, v * (1 - s), v, v * (1 + s), runs)
        attribution = _triangular(rng, max(0.0, a - d), a, min(100.0, a + d), runs)
        confidence = _triangular(rng, max(0.0, k - d), k, min(100.0, k + d), runs)
        b += value * ((attribution / 100) * (confidence / 100))
    c = np.zeros(runs)
    for item in inputs.costs:
        c += _triangular(rng, item.amount * (1 - s), item.amount, item.amount * (1 + s), runs)
    roi = (b - c) / c * 100
    if not np.all(np.isfinite(roi)):  # cannot happen with costs above 0 and a spread of at most 90%
        raise InputError("a simulated run produced no usable ROI", source=SOURCE, field="amount_spread_pct",
                         allowed="a smaller spread")
    hurdle = inputs.hurdle_rate_pct
    return {
        "runs": runs,
        "seed": seed,
        "amount_spread_pct": amount_spread_pct,
        "percentage_points_spread": percentage_points_spread,
        "mean": round2(float(roi.mean())),
        "p5": round2(float(np.percentile(roi, 5))),
        "p50": round2(float(np.percentile(roi, 50))),
        "p95": round2(float(np.percentile(roi, 95))),
        "prob_negative": round2(float((roi < 0).mean() * 100)),
        "prob_below_hurdle": None if hurdle is None else round2(float((roi < hurdle).mean() * 100)),
        "hurdle_rate_pct": hurdle,
        "samples": roi.tolist(),
    }


def inputs_from_example(example: Mapping) -> RoiInputs:
    """Build :class:`RoiInputs` from a validated ``roi_example`` instrument (see ``roi_example.yml``)."""
    return RoiInputs(
        costs=[CostItem(c["label"], c["amount"], c["category"]) for c in example["costs"]],
        benefits=[BenefitItem(b["label"], b["annual_value"], b["attribution_pct"], b["confidence_pct"], b["basis"])
                  for b in example["benefits"]],
        intangibles=list(example["intangibles"]),
        hurdle_rate_pct=example.get("hurdle_rate_pct"),
        currency=example["currency"],
        title=example["title"],
    )
