"""Cross-field checks of a programme audit instrument: what its JSON Schema cannot express."""

from leadership_handbook.core.plain_words import check_bands, check_scale, problem, unique_ids


def check(data, problems):
    check_scale(data, "response_options", problems, expected_from=0)
    values = [p["value"] for p in data["response_options"]]
    if data["scoring"]["unanswered_value"] not in values:
        problems.append(
            problem(
                data,
                ["scoring", "unanswered_value"],
                f"{data['scoring']['unanswered_value']} is not a response value",
                "one of " + ", ".join(map(str, values)),
            )
        )
    if data["dont_know"]["value"] in map(str, values):  # the page could not tell the two radios apart
        problems.append(
            problem(
                data,
                ["dont_know", "value"],
                f"{data['dont_know']['value']!r} is the value of a response option",
                "an id other than " + ", ".join(map(str, values)),
            )
        )
    stages = unique_ids(data, "stages", problems)
    bases = unique_ids(data, "bases", problems)
    unique_ids(data, "features", problems)
    for i, feature in enumerate(data["features"]):
        for j, basis in enumerate(feature["basis"]):
            if basis not in bases:
                problems.append(
                    problem(
                        data, ["features", i, "basis", j], f"{basis!r} is not a basis", "one of " + ", ".join(bases)
                    )
                )
        if feature["stage"] not in stages:
            problems.append(
                problem(
                    data,
                    ["features", i, "stage"],
                    f"{feature['stage']!r} is not a stage",
                    "one of " + ", ".join(stages),
                )
            )
    check_bands(data, problems, 0, 100, "%")
