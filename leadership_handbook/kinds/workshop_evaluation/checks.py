"""Cross-field checks of a workshop evaluation instrument: what its JSON Schema cannot express.

Which fields a question needs depends on its ``kind`` (a rating names a scale, a text a length, a quiz has
lettered options with one correct, a tick list has options with at most one that must stand alone); the schema
could say so with ``if``/``then``, but its messages would be written for programmers, so it is checked here.
"""

from leadership_handbook.core.plain_words import problem, unique_ids

NEEDS = {"scale": {"choices"}, "text": {"max_length"}, "date": set(), "quiz": {"options"}, "multi": {"options"}}
OPTIONAL = {"scale": set(), "text": {"short"}, "date": {"short"}, "quiz": set(), "multi": set()}


def _check_scales(data, problems):
    scales = unique_ids(data, "scales", problems)
    for i, scale in enumerate(data["scales"]):
        values = [p["value"] for p in scale["labels"]]
        wanted = list(range(values[0], values[0] + len(values)))
        if values != wanted:
            problems.append(
                problem(
                    data,
                    ["scales", i, "labels"],
                    f"the values {values} are not consecutive whole numbers in order",
                    f"values {wanted}",
                    field_override="labels.value",
                )
            )
    return scales


def _check_options(data, path, question, problems):
    options = question["options"]
    ids = [o["id"] for o in options]
    if len(set(ids)) != len(ids):
        problems.append(problem(data, path + ["options"], f"the option ids {ids} repeat", "each option id once"))
    if question["kind"] == "quiz":
        if ids != [chr(ord("a") + k) for k in range(len(ids))]:
            problems.append(
                problem(
                    data,
                    path + ["options"],
                    f"the options are lettered {ids}",
                    "options lettered a, b, c ... in order",
                    field_override="options.id",
                )
            )
        for k, option in enumerate(options):
            for key in ("correct", "explanation"):
                if key not in option:
                    problems.append(
                        problem(data, path + ["options", k], f"a quiz option needs {key!r}", f"the field {key}")
                    )
            if "alone" in option:
                problems.append(
                    problem(data, path + ["options", k, "alone"], "a quiz has one answer anyway", "no alone field")
                )
        right = sum(1 for o in options if o.get("correct"))
        if right != 1:
            problems.append(
                problem(
                    data,
                    path + ["options"],
                    f"{right} options are marked correct",
                    "exactly one option with correct: true",
                    field_override="options.correct",
                )
            )
    else:
        for k, option in enumerate(options):
            for key in ("correct", "explanation"):
                if key in option:
                    problems.append(
                        problem(data, path + ["options", k, key], "a tick list has no right answer", f"no {key} field")
                    )


def _check_question(data, path, question, scales, problems):
    kind = question["kind"]
    extras = {"choices", "max_length", "options", "short"}
    for key in sorted(extras):
        if key in NEEDS[kind] and key not in question:
            problems.append(problem(data, path, f"a {kind} question needs {key!r}", f"the field {key}"))
        if key not in NEEDS[kind] | OPTIONAL[kind] and key in question:
            problems.append(problem(data, path + [key], f"a {kind} question has no {key}", f"no {key} field"))
    if kind == "scale" and "choices" in question and question["choices"] not in scales:
        problems.append(
            problem(data, path + ["choices"], f"{question['choices']!r} is not a scale", "one of " + ", ".join(scales))
        )
    if kind in ("quiz", "multi") and "options" in question:
        _check_options(data, path, question, problems)


def check(data, problems):
    scales = _check_scales(data, problems)
    unique_ids(data, "parts", problems)
    seen = set()
    for p, part in enumerate(data["parts"]):
        section_ids = set()
        for s, section in enumerate(part["sections"]):
            path = ["parts", p, "sections", s]
            if section["id"] in section_ids:
                problems.append(
                    problem(data, path + ["id"], f"the section id {section['id']!r} is used twice", "a new id")
                )
            section_ids.add(section["id"])
            for q, question in enumerate(section["questions"]):
                qpath = path + ["questions", q]
                if question["id"] in seen:
                    problems.append(
                        problem(
                            data,
                            qpath + ["id"],
                            f"the question id {question['id']!r} is used twice",
                            "a question id used once in the file",
                        )
                    )
                seen.add(question["id"])
                _check_question(data, qpath, question, scales, problems)
            if section.get("commitment"):
                parts_of = [q for q in section["questions"] if q["kind"] in ("text", "date")]
                if not parts_of or any("short" not in q for q in parts_of):
                    problems.append(
                        problem(
                            data,
                            path + ["commitment"],
                            "a commitment needs text or date questions, each with a short name",
                            "text and date questions in this section, each with a short field",
                        )
                    )
