"""Cross-field checks of a programme_evaluation instrument: what its JSON Schema cannot express.

The worked example must keep to the exercise's own limits (``limits``), which rules.py and rules.js read, and
every sentence the rules fill in must exist (``words``).
"""

from leadership_handbook.core.plain_words import problem, unique_ids

SENTENCES = (
    "r_assumed r_computed overstates trained_alone above below includes_zero single_above single_below "
    "single_includes_zero needed needed_single needed_tiny spread plan_hoped value_range value_low_d "
    "value_roi value_no_comparison"
).split()


def check(data, problems):
    unique_ids(data, "context_effects", problems)
    limits, example = data["limits"], data["example"]
    for key in SENTENCES:
        if key not in data["words"]:
            problems.append(problem(data, ["words", key], "this sentence is missing", "text, with {name} for figures"))
    for group in ("trained", "comparison"):
        if example[group]["n"] < limits["min_group_size"]:
            problems.append(
                problem(
                    data,
                    ["example", group, "n"],
                    f"{example[group]['n']} is below limits.min_group_size",
                    f"a whole number of at least {limits['min_group_size']:g}",
                )
            )
    value = example["value"]
    for low, high in (("years_low", "years_high"), ("sdy_low", "sdy_high")):
        if value[low] > value[high]:
            problems.append(problem(data, ["example", "value", low], "it is above the high value", f"at most {high}"))
    groups = example["trained"]["n"] + (example["comparison"]["n"] if example["comparison_group"] else 0)
    if value["people"] > value["workforce"] or groups > value["workforce"]:
        problems.append(
            problem(data, ["example", "value", "workforce"], "it is smaller than the groups", "the whole workforce")
        )
    names = [name.lower() for key in ("trained", "comparison") for name in data["groups"][key]]
    if len(set(names)) != len(names):
        problems.append(problem(data, ["groups"], "a group name is listed twice", "each name once"))
