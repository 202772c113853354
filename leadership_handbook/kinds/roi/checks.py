"""Cross-field checks of a roi instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import problem, unique_ids


def check(data, problems):
    unique_ids(data, "costs", problems)
    unique_ids(data, "benefits", problems)
    if sum(c["amount"] for c in data["costs"]) <= 0:
        problems.append(problem(data, ["costs"], "the costs add up to zero",
                                 "costs whose total is above zero (ROI divides by the costs)",
                                 field_override="costs.amount"))
