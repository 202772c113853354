"""The barrier log's rules (``kind: barrier_log``, ``barrier_log.yml``): check the entries, rank them, place
them on the prioritisation matrix and turn the most pressing ones into learning goals.

The rules live in the instrument file, and ``rules.js`` beside this file follows them exactly (the shared
cases in ``cases.json`` hold the two equal):

1. **Entries.** Every entry has the fields of ``entries.fields``: text (non-empty once trimmed, at most
   ``entries.max_text_length`` characters as a reader counts them) or, for a field with ``choices``, one of
   that list's values (a barrier type's ``id``, a scale's whole-number ``value``). A field with
   ``optional: true`` may be missing, null or empty (it becomes ""); a field with ``input: date`` holds a
   real date written year-month-day (``2026-12-01``). An entry is named by its place in the log:
   ``entries.id_prefix`` and 1, 2, ... (``B1``, ``B2``, ...).
2. **Priority** = frequency × impact (``scoring.priority``); :func:`priority_range` gives its lowest and
   highest values on the file's scales.
3. **Order.** Priority, then impact, then frequency, all highest first; ties keep the order of entry.
4. **Matrix.** A frequency or impact of ``scoring.high_from`` or more is *high*; the (frequency, impact)
   pair picks one of the four ``quadrants``.
5. **Goals.** The first ``scoring.top_n`` entries in that order become the learning goals.
6. **In the page** (:func:`check_rows`): a blank entry (no text typed, no choice made; a date alone does not
   count) is ignored; an incomplete one gets, for each missing, too long or badly written field, the field's
   ``missing`` text or ``entries.messages.too_long``, inside ``entries.messages.needed``, and is not ranked.
   Each row is named by its own ``entry`` number (:func:`entry_numbers`), so that removing one entry never
   renames the others.

Nothing here prints or plots; every function returns plain data (dicts, lists, numbers, text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from leadership_handbook.core.errors import InputError, check_records, check_text, check_whole_number
from leadership_handbook.core.formatting import text_length

__all__ = [
    "choice_values",
    "entry_numbers",
    "validate_entries",
    "check_rows",
    "quadrant_for",
    "priority_range",
    "rank_entries",
    "prioritise",
    "goals_from_ranking",
    "learning_goals",
    "attempt_figures",
]


def _fill(template: str, **values) -> str:
    """The template with each ``{name}`` replaced by ``values[name]`` (rules.js fills them the same way)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m[1]]) if m[1] in values else m[0], template)


def _field(spec: Mapping, field_id: str) -> dict:
    return next(f for f in spec["entries"]["fields"] if f["id"] == field_id)


def _is_scale(spec: Mapping, field: Mapping) -> bool:
    return "value" in spec[field["choices"]][0]


def _priority(frequency: int, impact: int) -> int:
    return frequency * impact


def _is_date(text: str) -> bool:
    """Whether the text is a real date written year-month-day (2026-12-01), as rules.js's isDate decides."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return False
    year, month, day = (int(g) for g in match.groups())
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def entry_numbers(spec: Mapping, rows) -> list[int]:
    """Each page row's number: its own ``entry`` if that is a whole number from 1 not used by an earlier row,
    else one more than the largest number used so far. Rows saved before entries had numbers get 1, 2, ...
    (``spec`` is unused: every rule takes the instrument first, as the shared cases call them.)"""
    used, numbers = set(), []
    for row in rows:
        n = row.get("entry") if isinstance(row, Mapping) else None
        whole = isinstance(n, (int, float)) and not isinstance(n, bool) and math.isfinite(n) and n == int(n)
        n = int(n) if whole else None  # 3.0 is 3, as JavaScript reads it
        if n is None or n < 1 or n in used:
            n = max(used, default=0) + 1
        used.add(n)
        numbers.append(n)
    return numbers


def choice_values(spec: Mapping, field_id: str) -> list | None:
    """What an entry field may hold: a barrier type's ids or a scale's values, in file order; None for text."""
    field = _field(spec, field_id)
    if "choices" not in field:
        return None
    return [c["value"] if "value" in c else c["id"] for c in spec[field["choices"]]]


def _check_field(spec: Mapping, field: Mapping, value, item_id: str, source: str):
    name = field["id"]
    allowed = choice_values(spec, name)
    if allowed is None:
        if field.get("optional") and (value is None or (isinstance(value, str) and not value.strip())):
            return ""
        text = check_text(
            value, field=name, item_id=item_id, source=source, max_length=spec["entries"]["max_text_length"]
        )
        if field.get("input") == "date" and not _is_date(text):
            raise InputError(
                f"{text!r} is not a date",
                source=source,
                item_id=item_id,
                field=name,
                allowed="a date written year-month-day, such as 2026-12-01, or nothing",
            )
        return text
    if _is_scale(spec, field):
        return check_whole_number(
            value, field=name, item_id=item_id, source=source, minimum=allowed[0], maximum=allowed[-1]
        )
    if isinstance(value, bool) or value not in allowed:
        raise InputError(
            f"{value!r} is not a barrier type",
            source=source,
            item_id=item_id,
            field=name,
            allowed="one of " + ", ".join(allowed),
        )
    return value


def validate_entries(spec: Mapping, entries, *, source: str = "Your barrier log") -> list[dict]:
    """Check the entries; return clean copies with ``id`` (``B1``...) and ``entry`` (1, 2, ...) added.

    Raises :class:`~leadership_handbook.core.errors.InputError` for a log that is not a list, is too short or
    too long, and for the first bad field of the first bad entry.
    """
    scoring, form = spec["scoring"], spec["entries"]
    optional = [f["id"] for f in form["fields"] if f.get("optional")]
    if isinstance(entries, Sequence) and not isinstance(entries, (str, bytes)):
        # An optional field left out (a log written before it existed) is an empty one.
        entries = [
            {**dict.fromkeys(optional, ""), **{k: v for k, v in e.items() if v is not None or k not in optional}}
            if isinstance(e, Mapping)
            else e
            for e in entries
        ]
    clean = []
    for n, item_id, entry in check_records(
        entries,
        fields=[f["id"] for f in form["fields"]],
        source=source,
        collection="the log",
        noun="entry",
        plural="entries",
        prefix=form["id_prefix"],
        minimum=scoring["min_entries"],
        maximum=scoring["max_entries"],
        missing="this field is missing (every entry needs it)",
    ):
        # The barrier type is checked first, then the other fields in order (the order of the errors readers see).
        first = sorted(form["fields"], key=lambda f: not ("choices" in f and not _is_scale(spec, f)))
        values = {f["id"]: _check_field(spec, f, entry[f["id"]], item_id, source) for f in first}
        clean.append({"id": item_id, "entry": n, **{f["id"]: values[f["id"]] for f in form["fields"]}})
    return clean


def check_rows(spec: Mapping, rows) -> list[dict]:
    """The page's check of the entries as the form holds them, blanks and all (it never raises).

    One dict per row, in order: ``{"entry": n, "id": "B<n>", "blank": ..., "problems": {field: message},
    "clean": the entry as :func:`validate_entries` would return it if complete, else None}``. A row is blank
    when no text field has text and no choice is made.
    """
    form = spec["entries"]
    most, messages = form["max_text_length"], form["messages"]
    checked = []
    for n, row in zip(entry_numbers(spec, rows), rows):
        item_id = f"{form['id_prefix']}{n}"
        clean, problems, blank = {"id": item_id, "entry": n}, {}, True
        for field in form["fields"]:
            name, value = field["id"], row.get(field["id"])
            allowed = choice_values(spec, name)
            problem = None
            if allowed is None:
                text = value.strip() if isinstance(value, str) else ""
                blank = blank and (not text or field.get("input") == "date")
                if not text:
                    problem = None if field.get("optional") else field["missing"]
                elif text_length(text) > most:
                    problem = _fill(messages["too_long"], length=text_length(text), max=most)
                elif field.get("input") == "date" and not _is_date(text):
                    problem = field["missing"]
                clean[name] = text
            else:
                blank = blank and (value is None or value == "")
                chosen = not isinstance(value, bool) and value in allowed
                if not chosen:
                    problem = field["missing"]
                clean[name] = value if chosen else None
            if problem:
                problems[name] = _fill(messages["needed"], problem=problem, id=item_id)
        checked.append(
            {
                "entry": n,
                "id": item_id,
                "blank": blank,
                "problems": problems,
                "clean": None if blank or problems else clean,
            }
        )
    return checked


def quadrant_for(spec: Mapping, frequency: int, impact: int) -> dict:
    """The quadrant of the matrix a (frequency, impact) pair falls in (the file has one for each pair)."""
    high = spec["scoring"]["high_from"]
    key = ("high" if frequency >= high else "low", "high" if impact >= high else "low")
    return next(q for q in spec["quadrants"] if (q["frequency"], q["impact"]) == key)


def priority_range(spec: Mapping) -> list[int]:
    """The lowest and highest priority the file's scales allow: ``[1, 25]`` for two scales of 1 to 5."""
    products = [_priority(f["value"], i["value"]) for f in spec["frequency_scale"] for i in spec["impact_scale"]]
    return [min(products), max(products)]


def rank_entries(spec: Mapping, entries) -> list[dict]:
    """Checked entries (from :func:`validate_entries`, or the ``clean`` of :func:`check_rows`) with
    ``priority``, ``quadrant``, ``quadrant_label``, ``type_label`` and ``rank``, most pressing first."""
    types = {t["id"]: t["label"] for t in spec["barrier_types"]}
    rows = []
    for entry in entries:
        quadrant = quadrant_for(spec, entry["frequency"], entry["impact"])
        rows.append(
            {
                **entry,
                "priority": _priority(entry["frequency"], entry["impact"]),
                "quadrant": quadrant["id"],
                "quadrant_label": quadrant["label"],
                "type_label": types[entry["barrier_type"]],
            }
        )
    rows.sort(key=lambda r: (-r["priority"], -r["impact"], -r["frequency"], r["entry"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def prioritise(spec: Mapping, entries, *, source: str = "Your barrier log") -> list[dict]:
    """The entries checked and ranked: :func:`rank_entries` of :func:`validate_entries`."""
    return rank_entries(spec, validate_entries(spec, entries, source=source))


def goals_from_ranking(spec: Mapping, rows, top_n: int | None = None) -> list[dict]:
    """The first ``top_n`` (default ``scoring.top_n``) ranked rows as learning goals, best first."""
    if top_n is None:
        top_n = spec["scoring"]["top_n"]
    quadrants = {q["id"]: q for q in spec["quadrants"]}
    return [
        {
            "rank": row["rank"],
            "entry": row["id"],
            "goal": row["could_teach"],
            "challenge": row["challenge"],
            "priority": row["priority"],
            "quadrant_label": row["quadrant_label"],
            "advice": quadrants[row["quadrant"]]["advice"],
        }
        for row in rows[:top_n]
    ]


def learning_goals(spec: Mapping, entries, top_n: int | None = None, *, source: str = "Your barrier log") -> list[dict]:
    """The top entries (``scoring.top_n`` unless ``top_n`` is given, up to ``scoring.max_entries``) as
    learning goals, best first."""
    if top_n is None:
        top_n = spec["scoring"]["top_n"]
    top_n = check_whole_number(top_n, field="top_n", source=source, minimum=1, maximum=spec["scoring"]["max_entries"])
    return goals_from_ranking(spec, prioritise(spec, entries, source=source), top_n)


def attempt_figures(spec: Mapping, saved) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``), from the page's ``{"rows"}``: how many
    barriers are ranked (complete entries) and the top one's priority (how often x impact); one moves."""
    ranked = rank_entries(spec, [c["clean"] for c in check_rows(spec, saved["rows"]) if c["clean"]])
    return [
        {"id": "barriers", "label": "Barriers ranked", "value": len(ranked), "unit": "count", "moved": 1},
        {
            "id": "top-priority",
            "label": "Top barrier's priority (how often \u00d7 impact)",
            "value": ranked[0]["priority"] if ranked else None,
            "unit": "count",
            "moved": 1,
        },
    ]
