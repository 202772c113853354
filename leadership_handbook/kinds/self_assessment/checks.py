"""Cross-field checks of a self assessment instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import check_bands, problem, unique_ids


def check(data, problems):
    scale = data["scale"]
    if scale["min"] >= scale["max"]:
        problems.append(
            problem(
                data,
                ["scale", "max"],
                f"max {scale['max']} is not above min {scale['min']}",
                f"a whole number above {scale['min']}",
            )
        )
        return
    labels = [p["value"] for p in scale["labels"]]
    wanted = list(range(scale["min"], scale["max"] + 1))
    if labels != wanted:
        problems.append(
            problem(
                data,
                ["scale", "labels"],
                f"the labelled values {labels} do not match the scale",
                f"one label for each of {wanted}, in order",
                field_override="scale.labels",
            )
        )
    dims = unique_ids(data, "dimensions", problems)
    unique_ids(data, "items", problems)
    counts = dict.fromkeys(dims, 0)  # file order
    for i, item in enumerate(data["items"]):
        if item["dimension"] not in dims:
            problems.append(
                problem(
                    data,
                    ["items", i, "dimension"],
                    f"{item['dimension']!r} is not a dimension",
                    "one of " + ", ".join(dims),
                )
            )
        else:
            counts[item["dimension"]] += 1
    need = data["scoring"]["min_answered_per_dimension"]
    for i, dim in enumerate(data["dimensions"]):
        if counts[dim["id"]] < need:
            problems.append(
                problem(
                    data,
                    ["dimensions", i],
                    f"the dimension has {counts[dim['id']]} items but needs {need} answered",
                    f"at least scoring.min_answered_per_dimension ({need}) items per dimension",
                    field_override="items",
                )
            )
    check_bands(data, problems, scale["min"], scale["max"])
