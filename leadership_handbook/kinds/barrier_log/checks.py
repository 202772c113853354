"""Cross-field checks of a barrier log instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import check_scale, problem, unique_ids

# What each entry field is chosen from (None: typed text). The rules read `choices` from the file; these are
# the lists the rules can work with (priority multiplies two scale values; a type's label is looked up).
CHOICES = {
    "date": None,
    "visible_task": None,
    "hidden_demand": None,
    "challenge": None,
    "barrier_type": "barrier_types",
    "frequency": "frequency_scale",
    "impact": "impact_scale",
    "could_teach": None,
}
# The fields an entry may leave empty and still rank (the rules need the others: priority, type, goal).
OPTIONAL = {"date", "visible_task", "hidden_demand"}
DATES = {"date"}  # the fields that hold a date


def check(data, problems):
    unique_ids(data, "barrier_types", problems)
    unique_ids(data, "quadrants", problems)
    for key in ("frequency_scale", "impact_scale"):
        check_scale(data, key, problems, expected_from=1)
    scoring = data["scoring"]
    for key in ("frequency_scale", "impact_scale"):
        values = [p["value"] for p in data[key]]
        if not values[0] < scoring["high_from"] <= values[-1]:
            problems.append(
                problem(
                    data,
                    ["scoring", "high_from"],
                    f"{scoring['high_from']} does not split {key}",
                    f"a whole number from {values[0] + 1} to {values[-1]}",
                )
            )
    if scoring["min_entries"] > scoring["max_entries"]:
        problems.append(
            problem(
                data,
                ["scoring", "min_entries"],
                "min_entries is above max_entries",
                f"a whole number up to {scoring['max_entries']}",
            )
        )
    combos = {(q["frequency"], q["impact"]) for q in data["quadrants"]}
    if len(combos) != 4:
        problems.append(
            problem(
                data,
                ["quadrants"],
                "the quadrants do not cover each high/low pair once",
                "one quadrant for each of high/high, high/low, low/high and low/low",
                field_override="quadrants",
            )
        )
    entries = data["entries"]
    seen = []
    for i, field in enumerate(entries["fields"]):
        path = ["entries", "fields", i]
        if field["id"] in seen:
            problems.append(
                problem(
                    data,
                    path + ["id"],
                    f"the field {field['id']!r} is listed twice",
                    "each of " + ", ".join(CHOICES) + " once",
                )
            )
        seen.append(field["id"])
        if field.get("optional", False) != (field["id"] in OPTIONAL):
            problems.append(
                problem(
                    data,
                    path + ["optional"],
                    f"{field['id']} cannot be {'required' if field['id'] in OPTIONAL else 'optional'}",
                    f"optional: {'true' if field['id'] in OPTIONAL else 'false'} (or left out)",
                )
            )
        if (field.get("input") == "date") != (field["id"] in DATES):
            problems.append(
                problem(
                    data,
                    path + ["input"],
                    f"{field['id']} cannot be {'a text' if field['id'] in DATES else 'a date'}",
                    "input: date" if field["id"] in DATES else "no input (a text field)",
                )
            )
        wanted = CHOICES[field["id"]]
        if field.get("choices") != wanted:
            problems.append(
                problem(
                    data,
                    path + ["choices"],
                    f"{field['id']} cannot be chosen from {field.get('choices') or 'typed text'}",
                    f"choices: {wanted}" if wanted else "no choices (a text field)",
                )
            )
    if entries["blank_rows"] > scoring["max_entries"]:
        problems.append(
            problem(
                data,
                ["entries", "blank_rows"],
                f"{entries['blank_rows']} blank entries are more than the log takes",
                f"a whole number up to scoring.max_entries ({scoring['max_entries']})",
            )
        )
