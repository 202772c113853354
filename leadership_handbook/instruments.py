"""Load and validate the instrument files in ``leadership_handbook/instruments/``.

Every exercise (self-assessment, audit checklist, barrier log, partnering planner, ROI example, knowledge
checks) is a YAML data file in that one folder. Each file names its ``kind``; the loader validates it against
``instruments/schema/<kind>.schema.json`` (JSON Schema 2020-12) and then checks what a schema cannot
express: unique ids, references between entries (an item's dimension, a feature's stage), band thresholds
and every chapter label or BibTeX key against ``handbook.yml``.

A file that fails raises :class:`InstrumentError` (a ``ValueError``) naming the file, the item id, the field
and what is allowed, for example::

    future_proof.yml: item 'see-3', field 'reverse': 'yes' is not true or false. Allowed: true or false.

The item id is the chain of ``id`` values from the top of the file down to the entry (``part-1/p1-roi/a``);
for a field outside any entry it is the file's own id. Field paths count list entries from 1.

:func:`load_instrument` returns a plain, JSON-serialisable ``dict`` (only dict, list, str, int, float, bool,
None; floats finite): the same data the in-page JavaScript reads, so both score from one source.

Note: this module (``instruments.py``) sits beside the data folder ``instruments/``, which has no
``__init__.py``; Python imports this module for ``leadership_handbook.instruments``. Keep it that way.
"""

from __future__ import annotations

import copy
import json
import math
from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from leadership_handbook.errors import InstrumentError, describe_value

__all__ = [
    "INSTRUMENT_DIR",
    "SCHEMA_DIR",
    "KINDS",
    "InstrumentError",
    "list_instruments",
    "load_instrument",
    "validate_instrument",
    "instrument_json",
    "load_handbook_index",
    "load_future_proof",
    "load_programme_audit",
    "load_barrier_log",
    "load_partnering_planner",
    "load_roi_example",
    "load_knowledge_checks",
    "section_lookup",
    "source_lookup",
]

INSTRUMENT_DIR = Path(__file__).resolve().parent / "instruments"
SCHEMA_DIR = INSTRUMENT_DIR / "schema"
KINDS = ("handbook_index", "likert", "checklist", "barrier_log", "partnering_planner", "roi_example",
         "knowledge_check")
INDEX_NAME = "handbook"

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of fields (key: value)",
    "null": "nothing (null)",
}


# --------------------------------------------------------------------------------------------- reading


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses repeated keys (plain PyYAML silently keeps the last one)."""


class _RepeatedKey(yaml.constructor.ConstructorError):
    def __init__(self, key, first_line, mark):
        super().__init__(None, None, f"found the field {key!r} twice (first on line {first_line})", mark)
        self.key = key


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _RepeatedKey(key, seen[key] + 1, key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def list_instruments() -> list[str]:
    """Names of the instrument files in the data folder (without ``.yml``), sorted."""
    return sorted(p.stem for p in INSTRUMENT_DIR.glob("*.yml"))


def _resolve(name_or_path) -> Path:
    if isinstance(name_or_path, Path) or str(name_or_path).endswith((".yml", ".yaml")) or "/" in str(
            name_or_path):
        return Path(name_or_path)
    name = str(name_or_path).replace("-", "_")
    path = INSTRUMENT_DIR / f"{name}.yml"
    if not path.exists():
        raise InstrumentError("there is no instrument file with this name", file=f"{name}.yml",
                              field="name", allowed=", ".join(list_instruments()))
    return path


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstrumentError("the file does not exist", file=str(path), field="path",
                              allowed="a .yml file in " + str(INSTRUMENT_DIR)) from None
    except UnicodeDecodeError as exc:
        raise InstrumentError(f"the file is not UTF-8 text ({exc.reason})", file=path.name, field="encoding",
                              allowed="UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, _RepeatedKey):
            raise InstrumentError(f"{problem}, at {where}", file=path.name, field=str(exc.key),
                                  allowed="each field once per entry") from None
        raise InstrumentError(f"the YAML cannot be read at {where}: {problem}", file=path.name,
                              field="YAML syntax",
                              allowed="valid YAML (indent with spaces, quote text containing ': ' or '#')"
                              ) from None


# --------------------------------------------------------------------------------------------- locating


def _locate(data, path) -> tuple[str | None, str]:
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


def _order_key(data, path):
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


# --------------------------------------------------------------------------------------------- plain data


def _plain_problems(node, path=()):
    """Values a JSON file could not hold: non-text keys, dates, NaN or infinity."""
    if isinstance(node, dict):
        for k, v in node.items():
            if not isinstance(k, str):
                yield path + (str(k),), f"the field name {k!r} is not text", "field names made of letters"
            else:
                yield from _plain_problems(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _plain_problems(v, path + (i,))
    elif isinstance(node, float) and not math.isfinite(node):
        yield path, f"{describe_value(node)} is not a usable number", "a finite number"
    elif node is None or isinstance(node, (str, bool, int, float)):
        return
    else:
        yield path, (f"{node!s} was read as a {type(node).__name__}, not text or a number"
                     " (YAML reads unquoted dates and times this way)"), "text in quotes, or a number"


# --------------------------------------------------------------------------------------------- schema


@lru_cache(maxsize=None)
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _allowed_fields(schema) -> str:
    props = list(schema.get("properties", {}))
    return "the fields " + ", ".join(props) if props else "no fields"


def _describe_error(error, data) -> dict:
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
    item, field = _locate(data, path)
    if extra_field is not None:
        field = f"{field}.{extra_field}" if field else extra_field
    # At one location, an unknown field is reported before the missing one it is probably a typo of.
    rank = 0 if validator == "additionalProperties" else 1
    return {"item_id": item, "field": field, "problem": problem, "allowed": allowed,
            "order": _order_key(data, path) + [rank]}


# --------------------------------------------------------------------------------------------- semantic checks


def _problem(data, path, problem, allowed, field_override=None):
    item, field = _locate(data, path)
    return {"item_id": item, "field": field_override or field, "problem": problem, "allowed": allowed,
            "order": _order_key(data, path)}


def _unique_ids(data, list_key, problems) -> list:
    """The entries' ids in file order; a repeated id is a problem."""
    seen = []
    for i, entry in enumerate(data[list_key]):
        if entry["id"] in seen:
            problems.append(_problem(data, [list_key, i, "id"], f"the id {entry['id']!r} is used twice",
                                     f"an id not used by another entry in {list_key}"))
        else:
            seen.append(entry["id"])
    return seen


def _check_scale(data, key, problems, *, expected_from=None):
    values = [p["value"] for p in data[key]]
    low = values[0] if expected_from is None else expected_from
    wanted = list(range(low, low + len(values)))
    if values != wanted:
        problems.append(_problem(data, [key], f"the values {values} are not consecutive whole numbers in order",
                                 f"values {wanted}", field_override=f"{key}.value"))


def _check_bands(data, problems, low, high, unit=""):
    bands = data["bands"]
    _unique_ids(data, "bands", problems)
    if bands[0]["min"] != low:
        problems.append(_problem(data, ["bands", 0, "min"], f"the first band starts at {bands[0]['min']}",
                                 f"the first band must start at the lowest possible score, {low}{unit}"))
    for i in range(1, len(bands)):
        if not bands[i - 1]["min"] < bands[i]["min"] <= high:
            problems.append(_problem(
                data, ["bands", i, "min"], f"{bands[i]['min']} does not follow {bands[i - 1]['min']}",
                f"a number above {bands[i - 1]['min']} and at most {high}{unit} (bands go in rising order)"))


def _semantic_likert(data, problems):
    scale = data["scale"]
    if scale["min"] >= scale["max"]:
        problems.append(_problem(data, ["scale", "max"], f"max {scale['max']} is not above min {scale['min']}",
                                 f"a whole number above {scale['min']}"))
        return
    labels = [p["value"] for p in scale["labels"]]
    wanted = list(range(scale["min"], scale["max"] + 1))
    if labels != wanted:
        problems.append(_problem(data, ["scale", "labels"], f"the labelled values {labels} do not match the scale",
                                 f"one label for each of {wanted}, in order", field_override="scale.labels"))
    dims = _unique_ids(data, "dimensions", problems)
    _unique_ids(data, "items", problems)
    counts = dict.fromkeys(dims, 0)  # file order
    for i, item in enumerate(data["items"]):
        if item["dimension"] not in dims:
            problems.append(_problem(data, ["items", i, "dimension"], f"{item['dimension']!r} is not a dimension",
                                     "one of " + ", ".join(dims)))
        else:
            counts[item["dimension"]] += 1
    need = data["scoring"]["min_answered_per_dimension"]
    for i, dim in enumerate(data["dimensions"]):
        if counts[dim["id"]] < need:
            problems.append(_problem(
                data, ["dimensions", i], f"the dimension has {counts[dim['id']]} items but needs {need} answered",
                f"at least scoring.min_answered_per_dimension ({need}) items per dimension",
                field_override="items"))
    _check_bands(data, problems, scale["min"], scale["max"])


def _semantic_checklist(data, problems):
    _check_scale(data, "response_options", problems, expected_from=0)
    values = [p["value"] for p in data["response_options"]]
    if data["scoring"]["unanswered_value"] not in values:
        problems.append(_problem(data, ["scoring", "unanswered_value"],
                                 f"{data['scoring']['unanswered_value']} is not a response value",
                                 "one of " + ", ".join(map(str, values))))
    stages = _unique_ids(data, "stages", problems)
    _unique_ids(data, "features", problems)
    for i, feature in enumerate(data["features"]):
        if feature["stage"] not in stages:
            problems.append(_problem(data, ["features", i, "stage"], f"{feature['stage']!r} is not a stage",
                                     "one of " + ", ".join(stages)))
    _check_bands(data, problems, 0, 100, "%")


def _semantic_barrier_log(data, problems):
    _unique_ids(data, "barrier_types", problems)
    _unique_ids(data, "quadrants", problems)
    for key in ("frequency_scale", "impact_scale"):
        _check_scale(data, key, problems, expected_from=1)
    scoring = data["scoring"]
    for key in ("frequency_scale", "impact_scale"):
        values = [p["value"] for p in data[key]]
        if not values[0] < scoring["high_from"] <= values[-1]:
            problems.append(_problem(data, ["scoring", "high_from"], f"{scoring['high_from']} does not split {key}",
                                     f"a whole number from {values[0] + 1} to {values[-1]}"))
    if scoring["min_entries"] > scoring["max_entries"]:
        problems.append(_problem(data, ["scoring", "min_entries"], "min_entries is above max_entries",
                                 f"a whole number up to {scoring['max_entries']}"))
    combos = {(q["frequency"], q["impact"]) for q in data["quadrants"]}
    if len(combos) != 4:
        problems.append(_problem(data, ["quadrants"], "the quadrants do not cover each high/low pair once",
                                 "one quadrant for each of high/high, high/low, low/high and low/low",
                                 field_override="quadrants"))


def _semantic_partnering(data, problems):
    frameworks = _unique_ids(data, "frameworks", problems)
    _unique_ids(data, "measures", problems)
    _unique_ids(data, "evidence_options", problems)
    for i, measure in enumerate(data["measures"]):
        if measure["framework"] not in frameworks:
            problems.append(_problem(data, ["measures", i, "framework"],
                                     f"{measure['framework']!r} is not a framework",
                                     "one of " + ", ".join(frameworks)))
    columns = [c["id"] for c in data["brief_columns"]]
    if len(set(columns)) != len(columns):
        problems.append(_problem(data, ["brief_columns"], "a column is listed twice", "each column once",
                                 field_override="brief_columns"))
    rules = data["rules"]
    if rules["min_rows"] > rules["max_rows"]:
        problems.append(_problem(data, ["rules", "min_rows"], "min_rows is above max_rows",
                                 f"a whole number up to {rules['max_rows']}"))


def _semantic_roi(data, problems):
    _unique_ids(data, "costs", problems)
    _unique_ids(data, "benefits", problems)
    if sum(c["amount"] for c in data["costs"]) <= 0:
        problems.append(_problem(data, ["costs"], "the costs add up to zero",
                                 "costs whose total is above zero (ROI divides by the costs)",
                                 field_override="costs.amount"))


def _semantic_knowledge(data, problems):
    _unique_ids(data, "parts", problems)
    seen = set()
    for p, part in enumerate(data["parts"]):
        for q, question in enumerate(part["questions"]):
            if question["id"] in seen:
                problems.append(_problem(data, ["parts", p, "questions", q, "id"],
                                         f"the question id {question['id']!r} is used twice",
                                         "a question id used once in the file"))
            seen.add(question["id"])
            letters = [o["id"] for o in question["options"]]
            if letters != [chr(ord("a") + k) for k in range(len(letters))]:
                problems.append(_problem(data, ["parts", p, "questions", q, "options"],
                                         f"the options are lettered {letters}",
                                         "options lettered a, b, c ... in order", field_override="options.id"))
            right = sum(1 for o in question["options"] if o["correct"])
            if right != 1:
                problems.append(_problem(data, ["parts", p, "questions", q, "options"],
                                         f"{right} options are marked correct",
                                         "exactly one option with correct: true",
                                         field_override="options.correct"))


def _semantic_index(data, problems):
    labels = {s["label"] for s in data["sections"]}
    if len(labels) != len(data["sections"]):
        problems.append(_problem(data, ["sections"], "a section label is listed twice", "each label once",
                                 field_override="sections.label"))
    keys = [s["key"] for s in data["sources"]]
    if len(set(keys)) != len(keys):
        problems.append(_problem(data, ["sources"], "a source key is listed twice", "each key once",
                                 field_override="sources.key"))


_SEMANTIC = {
    "likert": _semantic_likert,
    "checklist": _semantic_checklist,
    "barrier_log": _semantic_barrier_log,
    "partnering_planner": _semantic_partnering,
    "roi_example": _semantic_roi,
    "knowledge_check": _semantic_knowledge,
    "handbook_index": _semantic_index,
}


def _walk_refs(node, path=()):
    """Yield (path, kind, value) for every chapter label and BibTeX key a file refers to."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "chapter" and isinstance(value, str):
                yield path + (key,), "label", value
            elif key in ("see_also", "chapters", "cite") and isinstance(value, list):
                for i, v in enumerate(value):
                    yield path + (key, i), "key" if key == "cite" else "label", v
            else:
                yield from _walk_refs(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_refs(value, path + (i,))


def _check_references(data, problems):
    index = load_handbook_index()
    labels = [s["label"] for s in index["sections"]]
    keys = [s["key"] for s in index["sources"]]
    for path, kind, value in _walk_refs(data):
        known = labels if kind == "label" else keys
        if value not in known:
            what = "a handbook section label" if kind == "label" else "a source key listed in handbook.yml"
            field = ".".join(str(p) for p in path[-2:-1]) if isinstance(path[-1], int) else None
            problems.append(_problem(data, list(path), f"{value!r} is not {what}", "one of " + ", ".join(known),
                                     field_override=field))


# --------------------------------------------------------------------------------------------- public API


def validate_instrument(data, source: str = "<instrument data>", kind: str | None = None) -> dict:
    """Validate instrument data already in memory; return a deep, plain copy or raise InstrumentError.

    ``source`` names the data in error messages (normally the file name). ``kind``, if given, must match
    the data's own ``kind``.
    """
    if not isinstance(data, dict):
        raise InstrumentError(f"the file holds {type(data).__name__ if data is not None else 'nothing'}, "
                              "not a set of fields", file=source, field="(top level)",
                              allowed="a YAML mapping starting with schema_version, kind and id")
    if data.get("kind") not in KINDS:
        item, _ = _locate(data, [])
        raise InstrumentError(f"{describe_value(data.get('kind'))} is not a known kind", file=source,
                              item_id=item, field="kind", allowed="one of " + ", ".join(KINDS))
    if kind is not None and data["kind"] != kind:
        item, _ = _locate(data, [])
        raise InstrumentError(f"this file is a {data['kind']}, not a {kind}", file=source, item_id=item,
                              field="kind", allowed=kind)
    problems = [_problem(data, list(path), problem, allowed) for path, problem, allowed in _plain_problems(data)]
    if not problems:
        problems = [_describe_error(e, data) for e in _validator(data["kind"]).iter_errors(data)]
    if not problems:
        _SEMANTIC[data["kind"]](data, problems)
    if not problems and data["kind"] != "handbook_index":
        _check_references(data, problems)
    if problems:
        problems.sort(key=lambda p: p["order"])
        first = problems[0]
        raise InstrumentError(first["problem"], file=source, item_id=first["item_id"], field=first["field"],
                              allowed=first["allowed"], problems=problems)
    return copy.deepcopy(data)


def load_instrument(name_or_path, kind: str | None = None) -> dict:
    """Read, validate and return an instrument as a plain JSON-serialisable dict.

    ``name_or_path`` is a file name in the data folder without ``.yml`` (``"future_proof"``; hyphens work
    too: ``"future-proof"``) or a path to a ``.yml`` file elsewhere. ``kind`` optionally insists on a kind.
    """
    path = _resolve(name_or_path)
    data = _read_yaml(path)
    return validate_instrument(data, source=path.name, kind=kind)


def instrument_json(name_or_path, indent: int | None = None) -> str:
    """The validated instrument as JSON text (for embedding in a web page)."""
    return json.dumps(load_instrument(name_or_path), ensure_ascii=False, indent=indent, allow_nan=False)


def load_handbook_index() -> dict:
    """``handbook.yml``: chapter and exercise labels (with their page paths and titles) and source keys."""
    return load_instrument(INDEX_NAME, kind="handbook_index")


def load_future_proof() -> dict:
    """The Future-Proof readiness self-assessment (kind ``likert``)."""
    return load_instrument("future_proof", kind="likert")


def load_programme_audit() -> dict:
    """The programme audit checklist (kind ``checklist``)."""
    return load_instrument("programme_audit", kind="checklist")


def load_barrier_log() -> dict:
    """The barrier log's types, scales and prioritisation rules (kind ``barrier_log``)."""
    return load_instrument("barrier_log", kind="barrier_log")


def load_partnering_planner() -> dict:
    """The partnering planner's measures and evidence options (kind ``partnering_planner``)."""
    return load_instrument("partnering_planner", kind="partnering_planner")


def load_roi_example() -> dict:
    """The ROI calculator's fictional worked example (kind ``roi_example``)."""
    return load_instrument("roi_example", kind="roi_example")


def load_knowledge_checks() -> dict:
    """The knowledge checks for the three parts (kind ``knowledge_check``)."""
    return load_instrument("knowledge_checks", kind="knowledge_check")


def section_lookup(index: dict | None = None) -> dict:
    """``{label: {"label", "doc", "part", "title"}}`` from the handbook index."""
    index = index or load_handbook_index()
    return {s["label"]: s for s in index["sections"]}


def source_lookup(index: dict | None = None) -> dict:
    """``{bibtex_key: short citation}`` from the handbook index."""
    index = index or load_handbook_index()
    return {s["key"]: s["short"] for s in index["sources"]}
