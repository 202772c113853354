"""Cross-field checks of a knowledge check instrument: what its JSON Schema cannot express, or not clearly.

"Exactly one correct option" could be said in the schema (``contains: {properties: {correct: {const: true}}}``,
``minContains: 1, maxContains: 1``), but jsonschema's messages for it are written for programmers: "Too many
items match the given schema (expected at most 1)", or, with no correct option, the whole list of options
printed as Python data. So it is checked here, in words ("2 options are marked correct").
"""

from leadership_handbook.core.plain_words import problem, unique_ids


def check(data, problems):
    unique_ids(data, "parts", problems)
    seen = set()
    for p, part in enumerate(data["parts"]):
        for q, question in enumerate(part["questions"]):
            if question["id"] in seen:
                problems.append(
                    problem(
                        data,
                        ["parts", p, "questions", q, "id"],
                        f"the question id {question['id']!r} is used twice",
                        "a question id used once in the file",
                    )
                )
            seen.add(question["id"])
            letters = [o["id"] for o in question["options"]]
            if letters != [chr(ord("a") + k) for k in range(len(letters))]:
                problems.append(
                    problem(
                        data,
                        ["parts", p, "questions", q, "options"],
                        f"the options are lettered {letters}",
                        "options lettered a, b, c ... in order",
                        field_override="options.id",
                    )
                )
            right = sum(1 for o in question["options"] if o["correct"])
            if right != 1:
                problems.append(
                    problem(
                        data,
                        ["parts", p, "questions", q, "options"],
                        f"{right} options are marked correct",
                        "exactly one option with correct: true",
                        field_override="options.correct",
                    )
                )
