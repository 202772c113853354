"""The partnering brief's rules (``kind: partnering_brief``, ``partnering_planner.yml``): check a plan's rows and
build the one-page brief from them.

Every limit, id list and sentence comes from the instrument file, and ``rules.js`` beside this file follows the
same rules (the shared cases in ``cases.json`` hold the two equal):

1. **Rows.** A plan is a list of ``rules.min_rows`` to ``rules.max_rows`` rows. Each row is a dict with the
   fields of the file's ``brief_columns``: ``want`` (what the client asked for), ``problem`` (the problem
   behind it), ``need`` (the capability the organisation needs), ``need_evidence`` (what shows the need is
   real), ``evidence`` (the design evidence: one or more ids from ``evidence_options``), ``measures`` (one or
   more ids from ``measures``: Kirkpatrick levels or LTEM tiers), ``indicator`` (what you will see),
   ``owner`` and ``by`` (a date or a week, as text). A text is non-empty once its surrounding spaces are
   removed and at most ``rules.max_text_length`` characters long, counted as Python counts them (an emoji is
   one). A list may be given as one id in quotes; an id chosen twice counts once. The rows' shape is checked
   first (every row a dict with exactly those fields), then each row's texts (in column order), then its
   evidence and measures.
   The first problem raises :class:`~leadership_handbook.core.errors.InputError`; rows are ``R1``, ``R2``...
2. **Measures that count.** A measure whose ``focus`` is in ``rules.beyond_reactions_focus`` (behaviour on the
   job or results) counts; a brief with no such measure carries ``rules.warning_no_measure_beyond_reactions``.
3. **Direct evidence.** A row whose evidence options all have ``direct_evidence: false`` carries
   ``rules.warning_no_direct_evidence_one`` (or ``_many`` for several rows), with ``{rows}`` replaced by the
   row ids joined by ", ".
4. **Sources.** A row cites the keys of its evidence options, then those of its measures' frameworks, each once
   in order of first use; the brief's sources are every row's keys in the same way.

Nothing here prints or plots; every function returns plain data (dicts, lists, text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from leadership_handbook.core.errors import InputError, check_records, check_text

__all__ = [
    "LIST_FIELDS",
    "row_fields",
    "counts_beyond_reactions",
    "beyond_reactions_levels",
    "validate_rows",
    "build_brief",
    "brief_table",
    "attempt_figures",
]

# The two fields that hold lists of ids, and the part of the instrument file their ids come from.
LIST_FIELDS = {"evidence": "evidence_options", "measures": "measures"}
_NOUNS = {"evidence": "evidence option", "measures": "measure"}


def row_fields(spec: Mapping) -> list[str]:
    """The fields of a row, in column order: the ids of the file's ``brief_columns``."""
    return [column["id"] for column in spec["brief_columns"]]


def counts_beyond_reactions(spec: Mapping, measure: Mapping) -> bool:
    """Whether a measure looks beyond reactions: its focus is in ``rules.beyond_reactions_focus``."""
    return measure["focus"] in spec["rules"]["beyond_reactions_focus"]


def beyond_reactions_levels(spec: Mapping) -> list[dict]:
    """The levels that count, framework by framework (file order): ``[{"framework", "level_name", "levels"}]``."""
    out = []
    for framework in spec["frameworks"]:
        levels = [
            m["level"]
            for m in spec["measures"]
            if m["framework"] == framework["id"] and counts_beyond_reactions(spec, m)
        ]
        if levels:
            out.append({"framework": framework["id"], "level_name": framework["level_name"], "levels": levels})
    return out


def _id_list(value, *, field, item_id, known, source):
    allowed = "one or more of " + ", ".join(known)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Sequence) or isinstance(value, (bytes, Mapping)):
        raise InputError(
            f"{value!r} is not a list of ids",
            source=source,
            item_id=item_id,
            field=field,
            allowed=allowed + f' (a list such as ["{known[0]}"])',
        )
    if not value:
        raise InputError(
            "the list is empty",
            source=source,
            item_id=item_id,
            field=field,
            allowed=allowed + f' (a list such as ["{known[0]}"])',
        )
    out = []
    for v in value:
        if v not in known:
            raise InputError(
                f"{v!r} is not a known {_NOUNS[field]}", source=source, item_id=item_id, field=field, allowed=allowed
            )
        if v not in out:
            out.append(v)
    return out


def validate_rows(spec: Mapping, rows, *, source: str = "Your partnering plan") -> list[dict]:
    """Check the rows; return clean copies with ``id`` ``R1``, ``R2``... added."""
    rules = spec["rules"]
    fields = row_fields(spec)
    records = list(
        check_records(
            rows,
            fields=tuple(fields),
            source=source,
            collection="the plan",
            noun="row",
            plural="rows",
            prefix="R",
            minimum=rules["min_rows"],
            maximum=rules["max_rows"],
        )
    )
    clean = []
    for _, item_id, row in records:
        out = {"id": item_id}
        for key in fields:
            if key not in LIST_FIELDS:
                out[key] = check_text(
                    row[key], field=key, item_id=item_id, source=source, max_length=rules["max_text_length"]
                )
        for key, options in LIST_FIELDS.items():
            out[key] = _id_list(
                row[key], field=key, item_id=item_id, known=[o["id"] for o in spec[options]], source=source
            )
        clean.append(out)
    return clean


def build_brief(spec: Mapping, rows, *, source: str = "Your partnering plan") -> dict:
    """Validate the rows and resolve every id to its label; return ``{"planner", "rows", "warnings", "sources"}``.

    Each row gains ``evidence_labels``, ``measure_labels``, ``focus`` (the measures' focus words),
    ``beyond_reactions`` (True when one of its measures counts, rule 2), ``direct_evidence`` (True when one of
    its evidence options has direct evidence, rule 3) and ``cite`` (the BibTeX keys behind its evidence and
    measures). ``sources`` lists every key used, in order of first use.
    """
    rules = spec["rules"]
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
        out_rows.append(
            {
                **row,
                "evidence_labels": [evidence[e]["label"] for e in row["evidence"]],
                "measure_labels": [measures[m]["label"] for m in row["measures"]],
                "focus": [measures[m]["focus"] for m in row["measures"]],
                "beyond_reactions": any(counts_beyond_reactions(spec, measures[m]) for m in row["measures"]),
                "direct_evidence": any(evidence[e].get("direct_evidence", True) for e in row["evidence"]),
                "cite": cite,
            }
        )
    warnings = []
    if not any(r["beyond_reactions"] for r in out_rows):
        warnings.append(rules["warning_no_measure_beyond_reactions"])
    unsupported = [r["id"] for r in out_rows if not r["direct_evidence"]]
    if unsupported:
        warning = rules["warning_no_direct_evidence_many" if len(unsupported) > 1 else "warning_no_direct_evidence_one"]
        warnings.append(warning.replace("{rows}", ", ".join(unsupported)))
    return {"planner": spec["id"], "rows": out_rows, "warnings": warnings, "sources": sources}


def brief_table(spec: Mapping, brief: Mapping) -> tuple[list[str], list[list[str]]]:
    """The partnering brief as (headers, rows of text), columns as in ``brief_columns``; lists joined by "; "."""
    headers = [c["label"] for c in spec["brief_columns"]]
    labels = {"evidence": "evidence_labels", "measures": "measure_labels"}
    rows = [["; ".join(r[labels[key]]) if key in labels else r[key] for key in row_fields(spec)] for r in brief["rows"]]
    return headers, rows


def attempt_figures(spec: Mapping, saved) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``), from the page's cards ``{"rows"}`` (texts as
    typed, lists of chosen ids with "" for a select left alone): how many requests are complete (each passes
    :func:`validate_rows` alone, as the brief takes it) and how many fields hold something; one moves."""
    texts = [f for f in row_fields(spec) if f not in LIST_FIELDS]
    complete = fields = 0
    for card in saved["rows"]:
        row = {f: str(card.get(f) or "").strip() for f in texts}
        row.update({f: list(dict.fromkeys(v for v in (card.get(f) or []) if v)) for f in LIST_FIELDS})
        filled = sum(1 for value in row.values() if value)
        if not filled:
            continue
        fields += filled
        try:
            validate_rows(spec, [row])
            complete += 1
        except InputError:
            pass
    return [
        {"id": "requests", "label": "Requests complete", "value": complete, "unit": "count", "moved": 1},
        {"id": "fields", "label": "Fields filled in", "value": fields, "unit": "count", "moved": 1},
    ]
