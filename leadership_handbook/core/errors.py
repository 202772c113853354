"""Errors the exercises raise, and the checks that produce them.

Every error is a :class:`ValueError`, so ``except ValueError`` catches them all. The message names what was
wrong, where, and what is allowed, in words a reader who is not a programmer can act on::

    future_proof.yml, item 'see-2', field 'reverse': 'yes' is not true or false. Allowed: true or false.
    Your answers: item 'see-2', field 'answer': 7 is out of range. Allowed: a whole number from 1 to 5, or None.

* :class:`InputError` is raised for what a reader types into a notebook (answers, costs, percentages).
* :class:`InstrumentError` is raised for an instrument data file that does not match its schema.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from numbers import Integral, Real

__all__ = [
    "InputError",
    "InstrumentError",
    "check_number",
    "check_whole_number",
    "check_percent",
    "check_text",
    "check_answer_map",
    "check_records",
    "describe_value",
]


def describe_value(value) -> str:
    """Show a value the way a reader typed it: text in quotes, None as None."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, float) and math.isnan(value):
        return "NaN (not a number)"
    if isinstance(value, float) and math.isinf(value):
        return "infinity"
    return repr(value)


class InputError(ValueError):
    """Bad input: names the source, the item, the field, the problem and what is allowed."""

    def __init__(self, problem: str, *, source: str = "Your answers", item_id=None, field=None, allowed=None):
        self.source = source
        self.item_id = item_id
        self.field = field
        self.problem = problem
        self.allowed = allowed
        where = [source]
        if item_id is not None:
            where.append(f"item {item_id!r}")
        if field is not None:
            where.append(f"field {field!r}")
        message = ", ".join(where) + f": {problem}"
        if allowed:
            message += f". Allowed: {allowed}"
        if not message.endswith("."):
            message += "."
        super().__init__(message)


class InstrumentError(InputError):
    """An instrument data file failed validation (schema or cross-reference checks).

    ``file`` is the file's name, ``item_id`` the ``id`` of the nearest enclosing entry (or a position such as
    ``items[3]`` when that entry has no id), ``field`` the offending key, ``allowed`` what would be accepted.
    ``problems`` holds every problem found (the message shows the first and counts the rest).
    """

    def __init__(self, problem: str, *, file: str, item_id=None, field=None, allowed=None, problems=None):
        self.file = file
        self.problems = list(problems or [])
        extra = len(self.problems) - 1
        if extra > 0:
            problem = f"{problem} (and {extra} more problem{'s' if extra > 1 else ''} in this file)"
        super().__init__(problem, source=file, item_id=item_id, field=field, allowed=allowed)


def _is_number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def check_number(
    value,
    *,
    field,
    item_id=None,
    source="Your inputs",
    minimum=None,
    maximum=None,
    exclusive_minimum=False,
    allowed=None,
) -> float:
    """Return ``value`` as a finite float, or raise :class:`InputError`.

    Text, ``True``/``False``, ``None``, NaN and infinity are refused, as is anything outside the bounds.
    """
    if allowed is None:
        allowed = _range_words(minimum, maximum, exclusive_minimum)
    if isinstance(value, str):
        raise InputError(
            f"{describe_value(value)} is text, not a number (type the number without quotes)",
            source=source,
            item_id=item_id,
            field=field,
            allowed=allowed,
        )
    if not _is_number(value):
        raise InputError(
            f"{describe_value(value)} is not a number", source=source, item_id=item_id, field=field, allowed=allowed
        )
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise InputError(
            f"{describe_value(number)} cannot be used in a calculation",
            source=source,
            item_id=item_id,
            field=field,
            allowed=allowed,
        )
    too_low = minimum is not None and (number <= minimum if exclusive_minimum else number < minimum)
    too_high = maximum is not None and number > maximum
    if too_low or too_high:
        raise InputError(
            f"{describe_value(value)} is out of range", source=source, item_id=item_id, field=field, allowed=allowed
        )
    return number


def check_whole_number(
    value, *, field, item_id=None, source="Your inputs", minimum=None, maximum=None, allowed=None
) -> int:
    """Return ``value`` as an int, or raise :class:`InputError` (text, bools, fractions, NaN refused)."""
    if allowed is None:
        allowed = "a whole number" + _range_words(minimum, maximum, False, prefix=" ")
    if isinstance(value, Integral) and not isinstance(value, bool):
        number = int(value)
    else:
        check_number(value, field=field, item_id=item_id, source=source, allowed=allowed)
        raise InputError(
            f"{describe_value(value)} is not a whole number",
            source=source,
            item_id=item_id,
            field=field,
            allowed=allowed,
        )
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise InputError(f"{number} is out of range", source=source, item_id=item_id, field=field, allowed=allowed)
    return number


def check_percent(value, *, field, item_id=None, source="Your inputs") -> float:
    """A percentage from 0 to 100 inclusive, typed as a number (50 means 50%)."""
    return check_number(
        value,
        field=field,
        item_id=item_id,
        source=source,
        minimum=0,
        maximum=100,
        allowed="a number from 0 to 100 (50 means 50%)",
    )


def check_text(value, *, field, item_id=None, source="Your inputs", max_length=500) -> str:
    """Non-empty text (surrounding spaces removed), at most ``max_length`` characters."""
    allowed = f"text of 1 to {max_length} characters, in quotes"
    if not isinstance(value, str):
        raise InputError(
            f"{describe_value(value)} is not text", source=source, item_id=item_id, field=field, allowed=allowed
        )
    text = value.strip()
    if not text:
        raise InputError("it is empty", source=source, item_id=item_id, field=field, allowed=allowed)
    if len(text) > max_length:
        raise InputError(
            f"it is {len(text)} characters long", source=source, item_id=item_id, field=field, allowed=allowed
        )
    return text


def _range_words(minimum, maximum, exclusive_minimum, prefix=""):
    def fmt(x):
        return f"{x:g}" if isinstance(x, float) else str(x)

    if minimum is not None and maximum is not None:
        return (
            f"{prefix}from {fmt(minimum)} to {fmt(maximum)}"
            if prefix
            else f"a number from {fmt(minimum)} to {fmt(maximum)}"
        )
    if minimum is not None:
        word = "above" if exclusive_minimum else "of at least"
        return f"{prefix}{word} {fmt(minimum)}" if prefix else f"a number {word} {fmt(minimum)}"
    if maximum is not None:
        return f"{prefix}of at most {fmt(maximum)}" if prefix else f"a number of at most {fmt(maximum)}"
    return "" if prefix else "a number"


def check_answer_map(answers, ids, *, source, noun, id_field, example, shown_ids=None) -> None:
    """Answers keyed by id: refuse anything but a dictionary, and any key that is not one of ``ids``.

    ``noun`` completes "'x' is not ..." (``"an item of this instrument"``), ``id_field`` names the key
    (``"item id"``), ``example`` is a dictionary shown as text, ``shown_ids`` how the ids are listed.
    """
    if not isinstance(answers, Mapping):
        raise InputError(
            f"the answers are a {type(answers).__name__}, not a dictionary",
            source=source,
            field="answers",
            allowed=f"a dictionary such as {example}",
        )
    for key in answers:
        if key not in ids:
            raise InputError(
                f"{key!r} is not {noun}",
                source=source,
                item_id=key,
                field=id_field,
                allowed=shown_ids or ("the " + id_field + "s " + ", ".join(ids)),
            )


def check_records(
    records, *, fields, source, collection, noun, plural, prefix, minimum, maximum, missing="this field is missing"
):
    """Check a list of dictionaries (barrier-log entries, partnering-plan rows) field by field.

    Yields ``(number, item_id, record)`` for each record, numbered from 1 with ids ``prefix1``, ``prefix2``...
    Raises :class:`InputError` for a collection that is not a list or has too few or too many records, and
    for a record that is not a dictionary, has an unknown field, or lacks one of ``fields``.
    """
    fields_words = ", ".join(fields)
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Sequence):
        raise InputError(
            f"{collection} is a {type(records).__name__}, not a list of {plural}",
            source=source,
            field=plural,
            allowed=f"a list of {plural}, each a dictionary with the fields {fields_words}",
        )
    if not minimum <= len(records) <= maximum:
        raise InputError(
            f"{collection} has {len(records)} {plural}",
            source=source,
            field=plural,
            allowed=f"from {minimum} to {maximum} {plural}",
        )
    for number, record in enumerate(records, start=1):
        item_id = f"{prefix}{number}"
        if not isinstance(record, Mapping):
            raise InputError(
                f"{noun} {number} is a {type(record).__name__}, not a dictionary",
                source=source,
                item_id=item_id,
                field=noun,
                allowed=f"a dictionary with the fields {fields_words}",
            )
        for key in record:
            if key not in fields:
                raise InputError(
                    f"{key!r} is not a field of {'an' if noun[0] in 'aeiou' else 'a'} {noun} (check the spelling)",
                    source=source,
                    item_id=item_id,
                    field=str(key),
                    allowed=f"the fields {fields_words}",
                )
        for key in fields:
            if key not in record or record[key] is None:
                raise InputError(
                    missing, source=source, item_id=item_id, field=key, allowed=f"the fields {fields_words}"
                )
        yield number, item_id, record
