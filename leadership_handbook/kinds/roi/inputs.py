"""The ROI calculator's inputs (``kind: roi``): cost and benefit items, checked as they are made.

The limits (``limits``) and the cost categories (``cost_categories``) are read from ``roi_example.yml``, as
``rules.js`` reads them for the page. A bad value raises :class:`~leadership_handbook.core.errors.InputError`
naming the item (by its label) and the field. The formulas are in :mod:`.rules`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from leadership_handbook.core.errors import InputError, check_number, check_text
from leadership_handbook.core.formatting import money
from leadership_handbook.core.instruments import load

__all__ = [
    "COST_CATEGORIES",
    "COST_CATEGORY_LABELS",
    "DEFAULT_CATEGORY",
    "LIMITS",
    "WORDS",
    "CostItem",
    "BenefitItem",
    "RoiInputs",
    "adjusted_value",
    "total_costs",
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
