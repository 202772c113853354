"""Load and validate instrument files: the YAML data every exercise is built from.

An instrument is a YAML file in its kind's folder (``kinds/<kind>/<name>.yml``); the handbook's index of
chapters and sources is ``core/handbook.yml``. Each file names its ``kind``; the loader validates it against
that kind's ``schema.json`` (JSON Schema 2020-12, sharing ``core/common.schema.json``), then runs the kind's
``checks.check`` for what a schema cannot express, then checks every chapter label and BibTeX key against
``handbook.yml``.

A file that fails raises :class:`InstrumentError` (a ``ValueError``) naming the file, the item id, the field
and what is allowed, for example::

    future_proof.yml: item 'see-3', field 'reverse': 'yes' is not true or false. Allowed: true or false.

The item id is the chain of ``id`` values from the top of the file down to the entry (``part-1/p1-roi/a``);
for a field outside any entry it is the file's own id. Field paths count list entries from 1.

:func:`load` returns a plain, JSON-serialisable ``dict`` (only dict, list, str, int, float, bool, None;
floats finite): the same data the in-page JavaScript reads, so both score from one source.
"""

from __future__ import annotations

import copy
import json
import math
from functools import cache, lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from leadership_handbook.core.errors import InstrumentError, describe_value
from leadership_handbook.core.plain_words import describe_schema_error, locate, problem

__all__ = [
    "CORE_DIR",
    "INDEX_NAME",
    "InstrumentError",
    "instrument_path",
    "list_instruments",
    "load",
    "load_handbook_index",
    "validate_instrument",
    "section_lookup",
    "source_lookup",
]

CORE_DIR = Path(__file__).resolve().parent
KINDS_DIR = CORE_DIR.parent / "kinds"
INDEX_NAME = "handbook"
INDEX_KIND = "handbook_index"


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


def _instrument_files() -> dict[str, Path]:
    files = {p.stem: p for p in sorted(KINDS_DIR.glob("*/*.yml"))}
    files[INDEX_NAME] = CORE_DIR / f"{INDEX_NAME}.yml"
    return files


def list_instruments() -> list[str]:
    """Names of the instrument files (without ``.yml``), sorted; ``handbook`` is the index."""
    return sorted(_instrument_files())


def instrument_path(name_or_path) -> Path:
    """The file of an instrument: a name (``"future_proof"``, or ``"future-proof"``) or a path to a ``.yml``."""
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith((".yml", ".yaml")) or "/" in text:
        return Path(name_or_path)
    name = text.replace("-", "_")
    path = _instrument_files().get(name)
    if path is None:
        raise InstrumentError(
            "there is no instrument file with this name",
            file=f"{name}.yml",
            field="name",
            allowed=", ".join(list_instruments()),
        )
    return path


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InstrumentError(
            "the file does not exist", file=str(path), field="path", allowed="a .yml file in " + str(KINDS_DIR)
        ) from None
    except UnicodeDecodeError as exc:
        raise InstrumentError(
            f"the file is not UTF-8 text ({exc.reason})", file=path.name, field="encoding", allowed="UTF-8 text"
        ) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, _RepeatedKey):
            raise InstrumentError(
                f"{problem}, at {where}", file=path.name, field=str(exc.key), allowed="each field once per entry"
            ) from None
        raise InstrumentError(
            f"the YAML cannot be read at {where}: {problem}",
            file=path.name,
            field="YAML syntax",
            allowed="valid YAML (indent with spaces, quote text containing ': ' or '#')",
        ) from None


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
        yield (
            path,
            (
                f"{node!s} was read as a {type(node).__name__}, not text or a number"
                " (YAML reads unquoted dates and times this way)"
            ),
            "text in quotes, or a number",
        )


def _schema_path(kind: str) -> Path:
    return CORE_DIR / f"{INDEX_KIND}.schema.json" if kind == INDEX_KIND else KINDS_DIR / kind / "schema.json"


@cache
def _validator(kind: str) -> Draft202012Validator:
    common = json.loads((CORE_DIR / "common.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource(common["$id"], Resource.from_contents(common))
    schema = json.loads(_schema_path(kind).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


def _check_index(data, problems):
    labels = {s["label"] for s in data["sections"]}
    if len(labels) != len(data["sections"]):
        problems.append(
            problem(
                data,
                ["sections"],
                "a section label is listed twice",
                "each label once",
                field_override="sections.label",
            )
        )
    keys = [s["key"] for s in data["sources"]]
    if len(set(keys)) != len(keys):
        problems.append(
            problem(data, ["sources"], "a source key is listed twice", "each key once", field_override="sources.key")
        )


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
            problems.append(
                problem(
                    data, list(path), f"{value!r} is not {what}", "one of " + ", ".join(known), field_override=field
                )
            )


def validate_instrument(data, source: str = "<instrument data>", kind: str | None = None) -> dict:
    """Validate instrument data already in memory; return a deep, plain copy or raise InstrumentError.

    ``source`` names the data in error messages (normally the file name). ``kind``, if given, must match
    the data's own ``kind``.
    """
    from leadership_handbook.kinds import KINDS  # the kinds import this module

    known = [INDEX_KIND, *KINDS]
    if not isinstance(data, dict):
        raise InstrumentError(
            f"the file holds {type(data).__name__ if data is not None else 'nothing'}, not a set of fields",
            file=source,
            field="(top level)",
            allowed="a YAML mapping starting with schema_version, kind and id",
        )
    if data.get("kind") not in known:
        item, _ = locate(data, [])
        raise InstrumentError(
            f"{describe_value(data.get('kind'))} is not a known kind",
            file=source,
            item_id=item,
            field="kind",
            allowed="one of " + ", ".join(known),
        )
    if kind is not None and data["kind"] != kind:
        item, _ = locate(data, [])
        raise InstrumentError(
            f"this file is a {data['kind']}, not a {kind}", file=source, item_id=item, field="kind", allowed=kind
        )
    problems = [problem(data, list(path), what, allowed) for path, what, allowed in _plain_problems(data)]
    if not problems:
        problems = [describe_schema_error(e, data) for e in _validator(data["kind"]).iter_errors(data)]
    if not problems:
        (_check_index if data["kind"] == INDEX_KIND else KINDS[data["kind"]].check)(data, problems)
    if not problems and data["kind"] != INDEX_KIND:
        _check_references(data, problems)
    if problems:
        problems.sort(key=lambda p: p["order"])
        first = problems[0]
        raise InstrumentError(
            first["problem"],
            file=source,
            item_id=first["item_id"],
            field=first["field"],
            allowed=first["allowed"],
            problems=problems,
        )
    return copy.deepcopy(data)


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime_ns: int, kind: str | None) -> dict:
    return validate_instrument(_read_yaml(path), source=path.name, kind=kind)


def load(name_or_path, kind: str | None = None) -> dict:
    """Read, validate and return an instrument as a plain JSON-serialisable dict (a fresh copy each call).

    ``name_or_path`` is an instrument's name (``"future_proof"``; hyphens work too: ``"future-proof"``) or a
    path to a ``.yml`` file elsewhere. ``kind`` optionally insists on a kind. Loads are cached by the file's
    path and modification time, so an edited file is read again.
    """
    path = instrument_path(name_or_path).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        mtime = -1  # _read_yaml reports the missing file in plain words
    return copy.deepcopy(_load_cached(path, mtime, kind))


def load_handbook_index() -> dict:
    """``handbook.yml``: chapter and exercise labels (with their page paths and titles) and source keys."""
    return load(INDEX_NAME, kind=INDEX_KIND)


def section_lookup(index: dict | None = None) -> dict:
    """``{label: {"label", "doc", "part", "title"}}`` from the handbook index."""
    index = index or load_handbook_index()
    return {s["label"]: s for s in index["sections"]}


def source_lookup(index: dict | None = None) -> dict:
    """``{bibtex_key: short citation}`` from the handbook index."""
    index = index or load_handbook_index()
    return {s["key"]: s["short"] for s in index["sources"]}
