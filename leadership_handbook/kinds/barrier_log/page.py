"""What the barrier log's templates need beyond the instrument: its blank entries and the keys to its types
and scales (the worksheet), its quadrants and priority range (the scoring guide).

The server renders ``entries.blank_rows`` blank entries, numbered B1, B2, ... (the printable worksheet). To add
an entry, the page's script copies the first of them and renumbers it, so the entry's markup is written once,
in ``worksheet.html``.
"""

from __future__ import annotations

from typing import NamedTuple

from leadership_handbook.kinds.barrier_log.rules import priority_range


class Control(NamedTuple):
    """One field of an entry, as the worksheet shows it."""

    id: str  # the field's id in entries.fields
    label: str
    kind: str  # "text" (a text box), "date" (a date picker) or "select" (a list to choose from)
    options: list[tuple[str, str]]  # (value, shown text) of each choice; none for text
    optional: bool  # the entry ranks without it


def controls(instrument) -> list[Control]:
    """The fields of an entry, in the form's order."""
    out = []
    for field in instrument["entries"]["fields"]:
        optional = field.get("optional", False)
        if "choices" not in field:
            out.append(Control(field["id"], field["label"], field.get("input", "text"), [], optional))
            continue
        options = [
            (str(c["value"]), f"{c['value']}: {c['label']}") if "value" in c else (c["id"], c["label"])
            for c in instrument[field["choices"]]
        ]
        out.append(Control(field["id"], field["label"], "select", options, optional))
    return out


def _scale_key(instrument, field_id):
    """A scale field's key: its title ("How often (1 to 5)") and each value's meaning."""
    field = next(f for f in instrument["entries"]["fields"] if f["id"] == field_id)
    scale = instrument[field["choices"]]
    title = f"{field['label']} ({scale[0]['value']} to {scale[-1]['value']})"
    return title, [(str(p["value"]), p["label"]) for p in scale]


def worksheet_context(instrument, context):
    keys = [
        ("Types of barrier", [(t["label"] + ":", t["description"]) for t in instrument["barrier_types"]]),
        _scale_key(instrument, "frequency"),
        _scale_key(instrument, "impact"),
    ]
    return {
        "keys": keys,
        "controls": controls(instrument),
        "prefix": instrument["entries"]["id_prefix"],
        "numbers": range(1, instrument["entries"]["blank_rows"] + 1),
    }


def answer_key_context(instrument):
    low, high = priority_range(instrument)
    quadrant_rows = [[q["label"], q["frequency"], q["impact"], q["advice"]] for q in instrument["quadrants"]]
    return {"priority_low": low, "priority_high": high, "quadrant_rows": quadrant_rows}
