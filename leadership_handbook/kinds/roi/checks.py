"""Cross-field checks of a roi instrument: what its JSON Schema cannot express.

The worked example must keep to the calculator's own limits and cost categories, which the same file
declares (``limits``, ``cost_categories``) for rules.py and rules.js to read.
"""

from leadership_handbook.core.formatting import text_length
from leadership_handbook.core.plain_words import problem, unique_ids


def _check_range(data, name, problems):
    low, high = data["limits"][name]["minimum"], data["limits"][name]["maximum"]
    if low >= high:
        problems.append(
            problem(
                data,
                ["limits", name, "maximum"],
                f"the maximum {high:g} is not above the minimum {low:g}",
                f"a number above {low:g}",
            )
        )


def _check_example(data, problems):
    limits = data["limits"]
    top, longest = limits["max_amount"], limits["max_text_length"]
    categories = [c["id"] for c in data["cost_categories"]]
    if data["default_cost_category"] not in categories:
        problems.append(
            problem(
                data,
                ["default_cost_category"],
                f"{data['default_cost_category']!r} is not a cost category",
                "one of " + ", ".join(categories),
            )
        )
    for i, cost in enumerate(data["costs"]):
        if cost["category"] not in categories:
            problems.append(
                problem(
                    data,
                    ["costs", i, "category"],
                    f"{cost['category']!r} is not a cost category",
                    "one of " + ", ".join(categories),
                )
            )
    amounts = [(["costs", i, "amount"], c["amount"]) for i, c in enumerate(data["costs"])]
    amounts += [(["benefits", i, "annual_value"], b["annual_value"]) for i, b in enumerate(data["benefits"])]
    for path, amount in amounts:
        if amount > top:
            problems.append(
                problem(data, path, f"{amount:g} is above limits.max_amount", f"an amount from 0 to {top:,.0f}")
            )
    texts = [(["costs", i, "label"], c["label"]) for i, c in enumerate(data["costs"])]
    texts += [(["benefits", i, "label"], b["label"]) for i, b in enumerate(data["benefits"])]
    texts += [(["intangibles", i], t) for i, t in enumerate(data["intangibles"])]
    for path, text in texts:
        if text_length(text.strip()) > longest:
            problems.append(
                problem(
                    data,
                    path,
                    f"it is {text_length(text.strip())} characters long",
                    f"text of 1 to {longest} characters (limits.max_text_length)",
                )
            )
    hurdle = limits["hurdle_rate_pct"]
    if not hurdle["minimum"] <= data["hurdle_rate_pct"] <= hurdle["maximum"]:
        problems.append(
            problem(
                data,
                ["hurdle_rate_pct"],
                f"{data['hurdle_rate_pct']:g} is out of range",
                f"a percentage from {hurdle['minimum']:g} to {hurdle['maximum']:g}",
            )
        )
    percent = limits["percent"]
    for i, benefit in enumerate(data["benefits"]):
        for field in ("attribution_pct", "confidence_pct"):
            if not percent["minimum"] <= benefit[field] <= percent["maximum"]:
                problems.append(
                    problem(
                        data,
                        ["benefits", i, field],
                        f"{benefit[field]:g} is out of range",
                        f"a number from {percent['minimum']:g} to {percent['maximum']:g}",
                    )
                )


def check(data, problems):
    unique_ids(data, "costs", problems)
    unique_ids(data, "benefits", problems)
    unique_ids(data, "cost_categories", problems)
    if sum(c["amount"] for c in data["costs"]) <= 0:
        problems.append(
            problem(
                data,
                ["costs"],
                "the costs add up to zero",
                "costs whose total is above zero (ROI divides by the costs)",
                field_override="costs.amount",
            )
        )
    for name in ("hurdle_rate_pct", "percent"):
        _check_range(data, name, problems)
    _check_example(data, problems)
