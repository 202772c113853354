"""Instrument problems in plain words: where a problem is (item id, field) and what is allowed.

Used by the loader (for schema errors) and by every kind's ``checks.py`` (for what a schema cannot express).
A problem is a dict ``{"item_id", "field", "problem", "allowed", "order"}``; ``order`` sorts problems into
the order of the file, so a reader is told about the first one first.
"""

from __future__ import annotations

from leadership_handbook.core.errors import describe_value

__all__ = ["locate", "order_key", "describe_schema_error", "problem", "unique_ids", "check_scale", "check_bands"]

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of fields (key: value)",
    "null": "nothing (null)",
}


def locate(data, path) -> tuple[str | None, str]:
    """Item id (chain of ids below the root, or the root id) and field path for a location in ``data``."""
    ids, field_parts, node = [], [], data
    for part in path:
        if isinstance(node, dict) and isinstance(node.get("id"), str) and node is not data:
            ids.append(node["id"])
            field_parts = []
        if isinstance(part, int):
            if field_parts:
                field_parts[-1] += f"[{part + 1}]"
            else:
                field_parts.append(f"[{part + 1}]")
        else:
            field_parts.append(str(part))
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    if isinstance(node, dict) and isinstance(node.get("id"), str) and node is not data:
        ids.append(node["id"])
        field_parts = []
    root_id = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    item = "/".join(ids) if ids else root_id
    return item, ".".join(field_parts) if field_parts else None


def order_key(data, path):
    """Document order of a location: position of each key in its mapping, or of each index in its list."""
    key, node = [], data
    for part in path:
        if isinstance(node, dict):
            keys = list(node)
            key.append(keys.index(part) if part in keys else len(keys))
        else:
            key.append(part if isinstance(part, int) else 0)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return key


def _allowed_fields(schema) -> str:
    props = list(schema.get("properties", {}))
    return "the fields " + ", ".join(props) if props else "no fields"


def describe_schema_error(error, data) -> dict:
    """Turn a jsonschema error into (item, field, problem, allowed) in plain words."""
    path = list(error.absolute_path)
    schema, instance, validator = error.schema, error.instance, error.validator
    description = schema.get("description") if isinstance(schema, dict) else None
    value = describe_value(instance) if not isinstance(instance, (dict, list)) else "this entry"
    extra_field = None
    if validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        extra_field = missing[0] if missing else None
        problem, allowed = "this required field is missing", _allowed_fields(schema)
    elif validator == "additionalProperties":
        known = set(schema.get("properties", {}))
        unknown = [name for name in instance if name not in known]
        extra_field = unknown[0] if unknown else None
        problem, allowed = "this is not a field of this entry (check the spelling)", _allowed_fields(schema)
    elif validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in wanted)
        problem, allowed = f"{value} is not {words}", description or words
    elif validator == "enum":
        problem = f"{value} is not allowed"
        allowed = "one of " + ", ".join(str(v) for v in error.validator_value)
    elif validator == "const":
        problem, allowed = f"{value} is not allowed", description or repr(error.validator_value)
    elif validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        problem, allowed = f"{value} is out of range", description or f"{validator} {error.validator_value}"
    elif validator in ("minLength", "pattern"):
        problem = "the text is empty" if instance == "" or str(instance).strip() == "" else f"{value} is not allowed"
        allowed = description or "non-empty text"
    elif validator == "minItems":
        problem = f"the list has {len(instance)} entr{'y' if len(instance) == 1 else 'ies'}"
        allowed = f"a list of at least {error.validator_value}"
    elif validator == "maxItems":
        problem = f"the list has {len(instance)} entries"
        allowed = f"a list of at most {error.validator_value}"
    elif validator == "uniqueItems":
        problem, allowed = "the list repeats an entry", "a list without repeats"
    else:
        problem, allowed = error.message, description or "see the schema"
    item, field = locate(data, path)
    if extra_field is not None:
        field = f"{field}.{extra_field}" if field else extra_field
    # At one location, an unknown field is reported before the missing one it is probably a typo of.
    rank = 0 if validator == "additionalProperties" else 1
    return {
        "item_id": item,
        "field": field,
        "problem": problem,
        "allowed": allowed,
        "order": order_key(data, path) + [rank],
    }


def problem(data, path, problem, allowed, field_override=None):
    item, field = locate(data, path)
    return {
        "item_id": item,
        "field": field_override or field,
        "problem": problem,
        "allowed": allowed,
        "order": order_key(data, path),
    }


def unique_ids(data, list_key, problems) -> list:
    """The entries' ids in file order; a repeated id is a problem."""
    seen = []
    for i, entry in enumerate(data[list_key]):
        if entry["id"] in seen:
            problems.append(
                problem(
                    data,
                    [list_key, i, "id"],
                    f"the id {entry['id']!r} is used twice",
                    f"an id not used by another entry in {list_key}",
                )
            )
        else:
            seen.append(entry["id"])
    return seen


def check_scale(data, key, problems, *, expected_from=None):
    values = [p["value"] for p in data[key]]
    low = values[0] if expected_from is None else expected_from
    wanted = list(range(low, low + len(values)))
    if values != wanted:
        problems.append(
            problem(
                data,
                [key],
                f"the values {values} are not consecutive whole numbers in order",
                f"values {wanted}",
                field_override=f"{key}.value",
            )
        )


def check_bands(data, problems, low, high, unit=""):
    bands = data["bands"]
    unique_ids(data, "bands", problems)
    if bands[0]["min"] != low:
        problems.append(
            problem(
                data,
                ["bands", 0, "min"],
                f"the first band starts at {bands[0]['min']}",
                f"the first band must start at the lowest possible score, {low}{unit}",
            )
        )
    for i in range(1, len(bands)):
        if not bands[i - 1]["min"] < bands[i]["min"] <= high:
            problems.append(
                problem(
                    data,
                    ["bands", i, "min"],
                    f"{bands[i]['min']} does not follow {bands[i - 1]['min']}",
                    f"a number above {bands[i - 1]['min']} and at most {high}{unit} (bands go in rising order)",
                )
            )
