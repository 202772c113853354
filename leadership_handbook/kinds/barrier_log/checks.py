"""Cross-field checks of a barrier log instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import check_scale, problem, unique_ids


def check(data, problems):
    unique_ids(data, "barrier_types", problems)
    unique_ids(data, "quadrants", problems)
    for key in ("frequency_scale", "impact_scale"):
        check_scale(data, key, problems, expected_from=1)
    scoring = data["scoring"]
    for key in ("frequency_scale", "impact_scale"):
        values = [p["value"] for p in data[key]]
        if not values[0] < scoring["high_from"] <= values[-1]:
            problems.append(problem(data, ["scoring", "high_from"], f"{scoring['high_from']} does not split {key}",
                                     f"a whole number from {values[0] + 1} to {values[-1]}"))
    if scoring["min_entries"] > scoring["max_entries"]:
        problems.append(problem(data, ["scoring", "min_entries"], "min_entries is above max_entries",
                                 f"a whole number up to {scoring['max_entries']}"))
    combos = {(q["frequency"], q["impact"]) for q in data["quadrants"]}
    if len(combos) != 4:
        problems.append(problem(data, ["quadrants"], "the quadrants do not cover each high/low pair once",
                                 "one quadrant for each of high/high, high/low, low/high and low/low",
                                 field_override="quadrants"))
