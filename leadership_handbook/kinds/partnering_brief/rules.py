"""Build a one-page partnering brief from wants, needs, evidence and agreed measures.

Each row the reader writes has ``want`` (what the client asked for), ``need`` (the capability behind it),
``evidence`` (one or more ids from ``partnering_planner.yml``'s ``evidence_options``), ``measures`` (one or
more ids from its ``measures``: Kirkpatrick levels or LTEM tiers), ``indicator`` (what you will see),
``owner`` and ``by`` (a date or a week, as text). A brief with no measure whose ``focus`` is in
``rules.beyond_reactions_focus`` (behaviour or results) carries the file's warning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from leadership_handbook.errors import InputError, check_records, check_text

__all__ = ["ROW_FIELDS", "validate_rows", "build_brief", "brief_table"]

ROW_FIELDS = ("want", "need", "evidence", "measures", "indicator", "owner", "by")
_TEXT_FIELDS = ("want", "need", "indicator", "owner", "by")


def _id_list(value, *, field, item_id, known, source):
    allowed = "one or more of " + ", ".join(known)
    noun = {"evidence": "evidence option", "measures": "measure"}.get(field, field)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence) or isinstance(value, (bytes, Mapping)):
        raise InputError(f"{value!r} is not a list of ids", source=source, item_id=item_id, field=field,
                         allowed=allowed + f' (a list such as ["{known[0]}"])')
    if not value:
        raise InputError("the list is empty", source=source, item_id=item_id, field=field,
                         allowed=allowed + f' (a list such as ["{known[0]}"])')
    out = []
    for v in value:
        if v not in known:
            raise InputError(f"{v!r} is not a known {noun}", source=source, item_id=item_id, field=field,
                             allowed=allowed)
        if v not in out:
            out.append(v)
    return out


def validate_rows(spec: Mapping, rows, *, source: str = "Your partnering plan") -> list[dict]:
    """Check the rows; return clean copies with ``id`` ``R1``, ``R2``... added."""
    rules = spec["rules"]
    evidence_ids = [e["id"] for e in spec["evidence_options"]]
    measure_ids = [m["id"] for m in spec["measures"]]
    clean = []
    for n, item_id, row in check_records(rows, fields=ROW_FIELDS, source=source, collection="the plan", noun="row",
                                         plural="rows", prefix="R", minimum=rules["min_rows"],
                                         maximum=rules["max_rows"]):
        out = {"id": item_id}
        for key in _TEXT_FIELDS:
            out[key] = check_text(row[key], field=key, item_id=item_id, source=source, max_length=300)
        out["evidence"] = _id_list(row["evidence"], field="evidence", item_id=item_id, known=evidence_ids,
                                   source=source)
        out["measures"] = _id_list(row["measures"], field="measures", item_id=item_id, known=measure_ids,
                                   source=source)
        clean.append(out)
    return clean


def build_brief(spec: Mapping, rows, *, source: str = "Your partnering plan") -> dict:
    """Validate the rows and resolve every id to its label; return ``{"rows", "warnings", "sources"}``.

    Each row gains ``evidence_labels``, ``measure_labels``, ``focus`` (the measures' focus words),
    ``beyond_reactions`` (True when a measure's focus is in ``rules.beyond_reactions_focus``) and ``cite``
    (the BibTeX keys behind its evidence and measures). ``sources`` lists every key used, in order of first use.
    """
    evidence = {e["id"]: e for e in spec["evidence_options"]}
    measures = {m["id"]: m for m in spec["measures"]}
    frameworks = {f["id"]: f for f in spec["frameworks"]}
    out_rows, sources = [], []
    for row in validate_rows(spec, rows, source=source):
        cite = []
        for e in row["evidence"]:
            cite += [k for k in evidence[e]["cite"] if k not in cite]
        for m in row["measures"]:
            cite += [k for k in frameworks[measures[m]["framework"]]["cite"] if k not in cite]
        sources += [k for k in cite if k not in sources]
        out_rows.append({
            **row,
            "evidence_labels": [evidence[e]["label"] for e in row["evidence"]],
            "measure_labels": [measures[m]["label"] for m in row["measures"]],
            "focus": [measures[m]["focus"] for m in row["measures"]],
            "beyond_reactions": bool(set(spec["rules"]["beyond_reactions_focus"])
                                     & {measures[m]["focus"] for m in row["measures"]}),
            "cite": cite,
        })
    warnings = []
    if not any(r["beyond_reactions"] for r in out_rows):
        warnings.append(spec["rules"]["warning_no_measure_beyond_reactions"])
    unsupported = [r["id"] for r in out_rows if r["evidence"] == ["no-direct-evidence"]]
    if unsupported:
        warnings.append(f"Rows {', '.join(unsupported)} rest on no direct research evidence: agree how you will "
                        "test them." if len(unsupported) > 1 else
                        f"Row {unsupported[0]} rests on no direct research evidence: agree how you will test it.")
    return {"planner": spec["id"], "rows": out_rows, "warnings": warnings, "sources": sources}


def brief_table(spec: Mapping, brief: Mapping) -> tuple[list[str], list[list[str]]]:
    """The partnering brief as (headers, rows of text), columns as in ``brief_columns``."""
    headers = [c["label"] for c in spec["brief_columns"]]
    rows = []
    for r in brief["rows"]:
        cells = []
        for column in spec["brief_columns"]:
            key = column["id"]
            if key == "evidence":
                cells.append("; ".join(r["evidence_labels"]))
            elif key == "measures":
                cells.append("; ".join(r["measure_labels"]))
            else:
                cells.append(r[key])
        rows.append(cells)
    return headers, rows
