"""What the partnering planner's templates need beyond the instrument: its request cards' fields, the key to the
evidence options and measures (with their sources), and the measures that count, in words.

A card has one field per column of the file's ``brief_columns``, in that order (the fields of
:func:`~leadership_handbook.kinds.partnering_brief.rules.row_fields`): a text box for each text, and a list of
choices for the evidence and the measures. Without JavaScript the cards are a printable worksheet; in the page,
``form.js`` builds the one-page brief with ``rules.js``, the twin of ``rules.py``.
"""

from __future__ import annotations

from typing import NamedTuple

from leadership_handbook.core.instruments import source_lookup
from leadership_handbook.kinds.partnering_brief.rules import LIST_FIELDS, beyond_reactions_levels, row_fields

BLANK_CARDS = 3


class TextBox(NamedTuple):
    """A text field of a card; its label is the brief column's."""

    hint: str  # shown after the label, in brackets
    multiline: bool  # a textarea of two lines, else a one-line input


class ChoiceList(NamedTuple):
    """A field of a card that holds a list of ids: one select to start, and a button that adds another."""

    legend: str
    more: str  # the label of the button that adds a choice


TEXT_BOXES = {
    "want": TextBox("what the client asked for", multiline=True),
    "problem": TextBox("what is going wrong, or what should go better, at work", multiline=True),
    "need": TextBox("what people need to be able to do, and where", multiline=True),
    "need_evidence": TextBox("data or observations that show the problem and the need are real", multiline=True),
    "indicator": TextBox("the sign that it worked, and when", multiline=True),
    "owner": TextBox("who makes sure it happens", multiline=False),
    "by": TextBox("by when: a date, a week or a month", multiline=False),
}
CHOICE_LISTS = {
    "evidence": ChoiceList("Design evidence (research) behind the approach", "Add more evidence"),
    "measures": ChoiceList("Measure (Kirkpatrick level or LTEM tier)", "Add another measure"),
}


class CardField(NamedTuple):
    """One field of a request card, in column order: ``box`` for a text, ``choices`` for a list of ids."""

    field: str
    label: str
    box: TextBox | None
    choices: ChoiceList | None
    groups: list  # a list's options: [(optgroup label, or None for none, [(value, text), ...]), ...]


def _groups(spec, field):
    if field == "measures":
        return [
            (f["label"], [(m["id"], m["label"]) for m in spec["measures"] if m["framework"] == f["id"]])
            for f in spec["frameworks"]
        ]
    return [(None, [(o["id"], o["label"]) for o in spec[LIST_FIELDS[field]]])]


def card_fields(spec) -> list[CardField]:
    """A request card's fields, in the order of the file's ``brief_columns``."""
    labels = {c["id"]: c["label"] for c in spec["brief_columns"]}
    return [
        CardField(
            field,
            labels[field],
            TEXT_BOXES.get(field),
            CHOICE_LISTS.get(field),
            _groups(spec, field) if field in LIST_FIELDS else [],
        )
        for field in row_fields(spec)
    ]


def _or_list(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def levels_that_count(spec) -> list[str]:
    """The levels that count as going beyond reactions, in words: ["Kirkpatrick Level 3 or 4", "LTEM tier 7 or 8"]."""
    return [f"{group['level_name']} {_or_list(group['levels'])}" for group in beyond_reactions_levels(spec)]


def worksheet_context(instrument, context):
    sources = source_lookup()

    def cites(keys):
        return [(k, sources.get(k, k)) for k in keys]

    return {
        "p": instrument["id"],
        "cards": range(1, BLANK_CARDS + 1),
        "fields": card_fields(instrument),
        "evidence_key": [(e, cites(e["cite"])) for e in instrument["evidence_options"]],
        "framework_key": [
            (f, cites(f["cite"]), [m for m in instrument["measures"] if m["framework"] == f["id"]])
            for f in instrument["frameworks"]
        ],
        "levels_that_count": ", ".join(levels_that_count(instrument)),
    }


def answer_key_context(instrument):
    return {
        "columns": ", ".join(c["label"] for c in instrument["brief_columns"]),
        "focus_that_counts": _or_list(instrument["rules"]["beyond_reactions_focus"]),
        "levels_that_count": ", or ".join(levels_that_count(instrument)),
    }
