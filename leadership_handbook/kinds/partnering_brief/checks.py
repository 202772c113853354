"""Cross-field checks of a partnering brief instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import problem, unique_ids


def check(data, problems):
    frameworks = unique_ids(data, "frameworks", problems)
    unique_ids(data, "measures", problems)
    unique_ids(data, "evidence_options", problems)
    for i, measure in enumerate(data["measures"]):
        if measure["framework"] not in frameworks:
            problems.append(
                problem(
                    data,
                    ["measures", i, "framework"],
                    f"{measure['framework']!r} is not a framework",
                    "one of " + ", ".join(frameworks),
                )
            )
    columns = [c["id"] for c in data["brief_columns"]]
    if len(set(columns)) != len(columns):
        problems.append(
            problem(
                data, ["brief_columns"], "a column is listed twice", "each column once", field_override="brief_columns"
            )
        )
    rules = data["rules"]
    if rules["min_rows"] > rules["max_rows"]:
        problems.append(
            problem(
                data, ["rules", "min_rows"], "min_rows is above max_rows", f"a whole number up to {rules['max_rows']}"
            )
        )
