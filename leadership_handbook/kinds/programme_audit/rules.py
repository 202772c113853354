"""Score the programme audit checklist (``programme_audit.yml``) from its declarative rules.

1. **Answers.** One answer per feature id: one of the ``response_options`` values (0, 1, 2), or ``None``
   (or a missing key) for "don't know".
2. **Partial answers.** An unanswered feature scores ``scoring.unanswered_value`` (0) and gets the status
   ``scoring.unanswered_status``; it is listed among the gaps so that someone finds out.
3. **Percentages.** For the whole audit and for each stage: ``points * 100 / max_points`` as an IEEE
   double, where ``max_points`` is the number of features times the highest option value, rounded once with
   :func:`~leadership_handbook.rounding.round2` (JavaScript ``Number((points * 100 / max).toFixed(2))``).
4. **Band.** The last band whose ``min`` is at most the rounded overall percentage.
5. **Gaps.** Every feature below the highest option value, in file order, with its gap in points.
"""

from __future__ import annotations

from collections.abc import Mapping

from leadership_handbook.errors import InputError, check_whole_number
from leadership_handbook.rounding import round2
from leadership_handbook.scoring import band_for

__all__ = ["validate_audit_answers", "score_audit", "blank_audit_answers"]


def blank_audit_answers(checklist: Mapping) -> dict:
    """``{feature_id: None}`` for every feature, in file order."""
    return {f["id"]: None for f in checklist["features"]}


def validate_audit_answers(checklist: Mapping, answers, *, source: str = "Your audit") -> dict:
    """Check the answers; return ``{feature_id: int or None}`` for every feature, in file order."""
    values = [o["value"] for o in checklist["response_options"]]
    ids = [f["id"] for f in checklist["features"]]
    words = ", ".join(f"{o['value']} ({o['label']})" for o in checklist["response_options"])
    allowed = f"{words}, or None if you don't know"
    if not isinstance(answers, Mapping):
        raise InputError(f"the answers are a {type(answers).__name__}, not a dictionary", source=source,
                         field="answers", allowed='a dictionary such as {"needs-analysis": 2, "spaced": None}')
    for key in answers:
        if key not in ids:
            raise InputError(f"{key!r} is not a feature of this checklist", source=source, item_id=key,
                             field="feature id", allowed="the feature ids " + ", ".join(ids))
    clean = {}
    for feature_id in ids:
        value = answers.get(feature_id)
        if value is not None:
            value = check_whole_number(value, field="answer", item_id=feature_id, source=source,
                                       minimum=min(values), maximum=max(values), allowed=allowed)
            if value not in values:
                raise InputError(f"{value} is not an option", source=source, item_id=feature_id, field="answer",
                                 allowed=allowed)
        clean[feature_id] = value
    return clean


def _percent(points: int, max_points: int) -> float:
    return round2(points * 100 / max_points)


def score_audit(checklist: Mapping, answers, *, source: str = "Your audit") -> dict:
    """Score an audit. Returns a plain dict::

        {"points": 14, "max_points": 24, "percent": 58.33, "band": "mixed", "band_label": ...,
         "answered": 11, "total": 12,
         "features": [{"id", "label", "stage", "answer", "points", "max", "gap", "status"}, ...],
         "stages": [{"id", "label", "points", "max_points", "percent"}, ...],
         "gaps": [the features with gap > 0, in file order]}
    """
    clean = validate_audit_answers(checklist, answers, source=source)
    options = {o["value"]: o["label"] for o in checklist["response_options"]}
    top = max(options)
    scoring = checklist["scoring"]
    features = []
    for feature in checklist["features"]:
        answer = clean[feature["id"]]
        points = scoring["unanswered_value"] if answer is None else answer
        features.append({
            "id": feature["id"],
            "label": feature["label"],
            "stage": feature["stage"],
            "answer": answer,
            "points": points,
            "max": top,
            "gap": top - points,
            "status": scoring["unanswered_status"] if answer is None else options[answer],
        })
    stages = []
    for stage in checklist["stages"]:
        rows = [f for f in features if f["stage"] == stage["id"]]
        if not rows:
            continue
        points, max_points = sum(f["points"] for f in rows), top * len(rows)
        stages.append({"id": stage["id"], "label": stage["label"], "points": points, "max_points": max_points,
                       "percent": _percent(points, max_points)})
    points, max_points = sum(f["points"] for f in features), top * len(features)
    percent = _percent(points, max_points)
    band = band_for(checklist["bands"], percent)
    return {
        "checklist": checklist["id"],
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
