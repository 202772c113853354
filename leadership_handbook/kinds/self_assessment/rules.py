"""The self-assessment's rules (``kind: self_assessment``, such as ``future_proof.yml``): score and interpret.

The rules live in the instrument file, and ``rules.js`` beside this file follows them exactly (the shared
cases in ``cases.json`` hold the two equal):

1. **Answers.** One answer per item id: a whole number from ``scale.min`` to ``scale.max``, or ``None`` (or a
   missing key) for "not answered". Anything else raises :class:`~leadership_handbook.core.errors.InputError`.
2. **Reverse keying.** A reverse-keyed item (``reverse: true``) answered ``a`` scores
   ``scale.min + scale.max - a``; other items score ``a``.
3. **Partial answers.** Unanswered items are left out. A dimension with fewer than
   ``scoring.min_answered_per_dimension`` answered items is *not scored*: its score is ``None``.
4. **Score.** A dimension's score is ``sum / count`` of its answered items' scores, computed as an IEEE
   double (the sum and count are exact integers), then rounded once with
   :func:`~leadership_handbook.core.rounding.round2`
   (half away from zero on the exact value: JavaScript ``Number((sum / count).toFixed(2))``).
5. **Band.** The band is the last band in file order whose ``min`` is at most the *rounded* score.

Nothing here prints or plots; every function returns plain data (dicts, lists, numbers, text).
"""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.core.bands import band_for
from leadership_handbook.core.errors import check_answer_map, check_whole_number
from leadership_handbook.core.rounding import round2

__all__ = [
    "reverse_score",
    "item_score",
    "validate_answers",
    "score_responses",
    "interpret",
    "attempt_figures",
]


def reverse_score(answer: int, scale_min: int, scale_max: int) -> int:
    """The score of a reverse-keyed answer (already checked): ``scale_min + scale_max - answer``."""
    return scale_min + scale_max - answer


def item_score(item: Mapping, answer: int, scale: Mapping) -> int:
    """The score one checked answer gives an item, after reverse keying where the item says so."""
    return reverse_score(answer, scale["min"], scale["max"]) if item["reverse"] else answer


def validate_answers(instrument: Mapping, answers, *, source: str = "Your answers") -> dict:
    """Check a reader's answers; return ``{item_id: int or None}`` for every item, in file order.

    Raises :class:`InputError` (a ``ValueError``) for an answer out of range, text, ``True``/``False``, a
    fraction, NaN or infinity, and for an item id the instrument does not have.
    """
    scale = instrument["scale"]
    ids = [item["id"] for item in instrument["items"]]
    allowed_answer = f"a whole number from {scale['min']} to {scale['max']}, or None for no answer"
    shown = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
    check_answer_map(
        answers,
        ids,
        source=source,
        noun="an item of this instrument",
        id_field="item id",
        example='{"see-1": 4, "see-2": None}',
        shown_ids=f"the item ids {shown} ({len(ids)} in all)",
    )
    clean = {}
    for item_id in ids:
        value = answers.get(item_id)
        clean[item_id] = (
            None
            if value is None
            else check_whole_number(
                value,
                field="answer",
                item_id=item_id,
                source=source,
                minimum=scale["min"],
                maximum=scale["max"],
                allowed=allowed_answer,
            )
        )
    return clean


def score_responses(instrument: Mapping, answers, *, source: str = "Your answers") -> dict:
    """Score every dimension of a Likert instrument.

    Returns a plain dict::

        {"instrument": "future-proof", "answered": 27, "total_items": 28,
         "min_answered_per_dimension": 3,
         "dimensions": [{"id": "see", "label": ..., "items": 4, "answered": 4,
                         "sum": 15, "score": 3.75, "scored": True, "band": "established"}, ...]}

    ``score`` is ``None`` and ``band`` is ``None`` for a dimension that has too few answers.
    """
    clean = validate_answers(instrument, answers, source=source)
    scale = instrument["scale"]
    need = instrument["scoring"]["min_answered_per_dimension"]
    dimensions = []
    for dim in instrument["dimensions"]:
        items = [item for item in instrument["items"] if item["dimension"] == dim["id"]]
        scores = [item_score(item, clean[item["id"]], scale) for item in items if clean[item["id"]] is not None]
        scored = len(scores) >= need
        score = round2(sum(scores) / len(scores)) if scored else None
        band = band_for(instrument["bands"], score)
        dimensions.append(
            {
                "id": dim["id"],
                "label": dim["label"],
                "items": len(items),
                "answered": len(scores),
                "sum": sum(scores),
                "score": score,
                "scored": scored,
                "band": band["id"] if band else None,
            }
        )
    return {
        "instrument": instrument["id"],
        "answered": sum(1 for v in clean.values() if v is not None),
        "total_items": len(clean),
        "min_answered_per_dimension": need,
        "dimensions": dimensions,
    }


def interpret(instrument: Mapping, result: Mapping, sections: Mapping | None = None) -> list[dict]:
    """Turn scores into readable interpretation and next steps, one dict per dimension (file order).

    For a dimension in a band with ``focus: true`` the suggestion is the dimension's own ``next_step``;
    otherwise it is the band's ``meaning`` (keep going). ``see_also`` lists the handbook sections to read,
    as ``{"label", "doc", "title"}`` when ``sections`` (see
    :func:`~leadership_handbook.core.instruments.section_lookup`)
    is given, else as labels.
    """
    bands = {b["id"]: b for b in instrument["bands"]}
    dims = {d["id"]: d for d in instrument["dimensions"]}
    need = instrument["scoring"]["min_answered_per_dimension"]
    out = []
    for row in result["dimensions"]:
        dim = dims[row["id"]]
        see = [sections[label] if sections else label for label in dim["see_also"]]
        if not row["scored"]:
            out.append(
                {
                    "id": row["id"],
                    "label": row["label"],
                    "score": None,
                    "band": None,
                    "band_label": "Not scored",
                    "meaning": (
                        f"Only {row['answered']} of {row['items']} statements answered; "
                        f"at least {need} are needed for a score."
                    ),
                    "focus": False,
                    "next_step": None,
                    "see_also": see,
                }
            )
            continue
        band = bands[row["band"]]
        out.append(
            {
                "id": row["id"],
                "label": row["label"],
                "score": row["score"],
                "band": band["id"],
                "band_label": band["label"],
                "meaning": band["meaning"],
                "focus": band["focus"],
                "next_step": dim["next_step"] if band["focus"] else None,
                "see_also": see,
            }
        )
    return out


def attempt_figures(instrument: Mapping, answers) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``): each dimension's score, ``None`` when it is
    not scored; a change of half a step of the scale (0.5) is worth a sentence."""
    return [
        {
            "id": d["id"],
            "label": d["label"],
            "value": d["score"] if d["scored"] else None,
            "unit": "score",
            "moved": 0.5,
        }
        for d in score_responses(instrument, answers)["dimensions"]
    ]
