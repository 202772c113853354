"""The programme audit's rules (``kind: programme_audit``, such as ``programme_audit.yml``): score the checklist.

The rules live in the instrument file, and ``rules.js`` beside this file follows them exactly (the shared
cases in ``cases.json`` hold the two equal):

1. **Answers.** One answer per feature id: one of the ``response_options`` values (0, 1, 2), or ``None``
   (or a missing key) for "don't know". Anything else raises
   :class:`~leadership_handbook.core.errors.InputError`.
2. **Partial answers.** An unanswered feature scores ``scoring.unanswered_value`` (0) and gets the status
   ``scoring.unanswered_status``; it is listed among the gaps so that someone finds out.
3. **Percentages.** For the whole audit and for each stage: ``points * 100 / max_points`` as an IEEE
   double, where ``max_points`` is the number of features times the highest option value, rounded once with
   :func:`~leadership_handbook.core.rounding.round2` (JavaScript ``Number((points * 100 / max).toFixed(2))``).
4. **Band.** The last band whose ``min`` is at most the rounded overall percentage.
5. **Gaps.** Every feature below the highest option value, in file order, with its gap in points.

Nothing here prints or plots; every function returns plain data (dicts, lists, numbers, text).
"""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.core.bands import band_for
from leadership_handbook.core.errors import InputError, check_answer_map, check_whole_number
from leadership_handbook.core.rounding import round2

__all__ = ["top_value", "validate_audit_answers", "score_audit", "attempt_figures"]


def top_value(instrument: Mapping) -> int:
    """The highest response option value: the points of a feature that is fully in place."""
    return max(o["value"] for o in instrument["response_options"])


def validate_audit_answers(instrument: Mapping, answers, *, source: str = "Your audit") -> dict:
    """Check the answers; return ``{feature_id: int or None}`` for every feature, in file order."""
    values = [o["value"] for o in instrument["response_options"]]
    ids = [f["id"] for f in instrument["features"]]
    words = ", ".join(f"{o['value']} ({o['label']})" for o in instrument["response_options"])
    allowed = f"{words}, or None if you don't know"
    check_answer_map(
        answers,
        ids,
        source=source,
        noun="a feature of this checklist",
        id_field="feature id",
        example='{"needs-analysis": 2, "spaced": None}',
    )
    clean = {}
    for feature_id in ids:
        value = answers.get(feature_id)
        if value is not None:
            value = check_whole_number(
                value,
                field="answer",
                item_id=feature_id,
                source=source,
                minimum=min(values),
                maximum=max(values),
                allowed=allowed,
            )
            if value not in values:
                raise InputError(
                    f"{value} is not an option", source=source, item_id=feature_id, field="answer", allowed=allowed
                )
        clean[feature_id] = value
    return clean


def _percent(points: int, max_points: int) -> float:
    return round2(points * 100 / max_points)


def score_audit(instrument: Mapping, answers, *, source: str = "Your audit") -> dict:
    """Score an audit. Returns a plain dict::

        {"checklist": "programme-audit", "points": 14, "max_points": 24, "percent": 58.33, "band": "mixed",
         "band_label": ..., "band_meaning": ..., "answered": 11, "total": 12,
         "features": [{"id", "label", "stage", "answer", "points", "max", "gap", "status"}, ...],
         "stages": [{"id", "label", "points", "max_points", "percent"}, ...],
         "gaps": [the features with gap > 0, in file order]}

    (``checklist`` holds the instrument's id under its former name, as the page's JSON export has it.)
    """
    clean = validate_audit_answers(instrument, answers, source=source)
    options = {o["value"]: o["label"] for o in instrument["response_options"]}
    top = top_value(instrument)
    scoring = instrument["scoring"]
    features = []
    for feature in instrument["features"]:
        answer = clean[feature["id"]]
        points = scoring["unanswered_value"] if answer is None else answer
        features.append(
            {
                "id": feature["id"],
                "label": feature["label"],
                "stage": feature["stage"],
                "answer": answer,
                "points": points,
                "max": top,
                "gap": top - points,
                "status": scoring["unanswered_status"] if answer is None else options[answer],
            }
        )
    stages = []
    for stage in instrument["stages"]:
        rows = [f for f in features if f["stage"] == stage["id"]]
        if not rows:
            continue
        points, max_points = sum(f["points"] for f in rows), top * len(rows)
        stages.append(
            {
                "id": stage["id"],
                "label": stage["label"],
                "points": points,
                "max_points": max_points,
                "percent": _percent(points, max_points),
            }
        )
    points, max_points = sum(f["points"] for f in features), top * len(features)
    percent = _percent(points, max_points)
    band = band_for(instrument["bands"], percent)
    return {
        "checklist": instrument["id"],
        "points": points,
        "max_points": max_points,
        "percent": percent,
        "band": band["id"],
        "band_label": band["label"],
        "band_meaning": band["meaning"],
        "answered": sum(1 for v in clean.values() if v is not None),
        "total": len(features),
        "features": features,
        "stages": stages,
        "gaps": [f for f in features if f["gap"] > 0],
    }


def attempt_figures(instrument: Mapping, saved) -> list[dict]:
    """The figures an attempt is compared by (``core/attempts.js``): the whole programme's percent and each
    stage's, from the page's ``{"answers", "unknown"}`` (or the answers alone). One answer one step up moves a
    group by 100 / its points; half of that is the smallest change worth a sentence."""
    inner = saved.get("answers") if isinstance(saved, Mapping) else None
    result = score_audit(instrument, inner if isinstance(inner, Mapping) else saved)

    def figure(figure_id, label, group):
        return {
            "id": figure_id,
            "label": label,
            "value": group["percent"],
            "unit": "percent",
            "moved": round2(50 / group["max_points"]),
        }

    return [figure("overall", "Whole programme", result)] + [figure(s["id"], s["label"], s) for s in result["stages"]]
