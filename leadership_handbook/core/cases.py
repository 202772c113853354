"""Shared cases: the inputs and expected outputs that the Python rules and the JavaScript rules must both pass.

Each kind keeps ``cases.json`` in its folder (and the formatter keeps ``core/cases.json``). A case calls one
rule with some arguments and expects either a result (compared as JSON) or an error naming an item and a field::

    {"name": "...", "call": "score_responses", "args": [{"see-1": 4}], "expected": {...}}
    {"name": "...", "call": "score_responses", "args": [{"see-1": 9}],
     "raises": {"item_id": "see-1", "field": "answer"}}

The inputs come from each kind's ``cases.py`` (``inputs()``, and ``CALLS``, the rules by name); the expected
values are written by the Python rules:

    python -m leadership_handbook.core.cases          # rewrite every cases.json from the Python rules

``tests/test_shared_cases.py`` fails when a file is out of date with the Python rules, and
``tests/js/shared_cases.test.js`` (``node --test``) runs every file against the JavaScript rules, where a
rule named ``score_responses`` in a case is ``scoreResponses`` in JavaScript.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import load

CORE_DIR = Path(__file__).resolve().parent
KINDS_DIR = CORE_DIR.parent / "kinds"

__all__ = ["case_files", "expected_cases", "run_case", "write_all"]


def case_files() -> dict[str, Path]:
    """``{"core": core/cases.json, "<kind>": kinds/<kind>/cases.json, ...}`` for every source of cases."""
    files = {"core": CORE_DIR / "cases.json"}
    files.update({p.parent.name: p.parent / "cases.json" for p in sorted(KINDS_DIR.glob("*/cases.py"))})
    return files


def _module(source: str):
    return importlib.import_module(
        "leadership_handbook.core.formatting_cases" if source == "core" else f"leadership_handbook.kinds.{source}.cases"
    )


def run_case(calls: dict, instrument: dict | None, case: dict) -> dict:
    """The case with its outcome from the Python rules: ``expected`` or ``raises``."""
    args = ([instrument] if instrument is not None else []) + json.loads(json.dumps(case["args"]))
    out = {k: case[k] for k in ("name", "call", "args")}
    try:
        out["expected"] = calls[case["call"]](*args)
    except InputError as error:
        out["raises"] = {"item_id": error.item_id, "field": error.field}
    return json.loads(json.dumps(out, allow_nan=False))  # as JSON holds it: tuples become lists


def expected_cases(source: str) -> dict:
    """The whole case file for one source, as the Python rules say it should be."""
    module = _module(source)
    name = getattr(module, "INSTRUMENT", None)
    instrument = load(name) if name else None
    cases = [run_case(module.CALLS, instrument, case) for case in module.inputs()]
    return {
        "about": "Written by `python -m leadership_handbook.core.cases` from the Python rules; "
        "tests run it against the JavaScript rules. Do not edit by hand.",
        "instrument": {"name": name, "data": instrument} if name else None,
        "cases": cases,
    }


def dumps(data: dict) -> str:
    """The case file as text: one case a line, so a change to a rule shows as a diff of the cases it moves."""

    def line(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    cases = ",\n".join("  " + line(case) for case in data["cases"])
    return f'{{"about": {line(data["about"])},\n "instrument": {line(data["instrument"])},\n "cases": [\n{cases}\n]}}\n'


def write_all() -> None:
    for source, path in case_files().items():
        data = expected_cases(source)
        path.write_text(dumps(data), encoding="utf-8")
        print(f"{path.relative_to(KINDS_DIR.parent)}: {len(data['cases'])} cases")


if __name__ == "__main__":
    write_all()
    sys.exit(0)
