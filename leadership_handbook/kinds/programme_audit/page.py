"""What the programme audit's templates need beyond the instrument: its features numbered and grouped by stage
(one radio group each: the response options, then "Don't know"), and the figures of its scoring guide.

"Don't know" (the instrument's ``dont_know``) scores as an unanswered feature: ``scoring.unanswered_value``,
listed as a gap to find out about.
"""

from __future__ import annotations

from leadership_handbook.kinds.programme_audit.rules import top_value


def features_by_stage(instrument):
    """[(stage, [(feature number, feature), ...]), ...] in file order, leaving out stages with no features;
    features are numbered 1, 2, ... in the order they are shown."""
    groups, number = [], 0
    for stage in instrument["stages"]:
        features = [f for f in instrument["features"] if f["stage"] == stage["id"]]
        if features:
            groups.append((stage, [(number + n, f) for n, f in enumerate(features, start=1)]))
            number += len(features)
    return groups


def basis_text(instrument, feature) -> str:
    """What recommends a feature, in words: "Research finding", or "Research finding and evaluation model"."""
    labels = {b["id"]: b["label"] for b in instrument["bases"]}
    words = [labels[b] for b in feature["basis"]]
    return " and ".join([words[0]] + [w[0].lower() + w[1:] for w in words[1:]])


def worksheet_context(instrument, context):
    choices = [(str(o["value"]), o["label"]) for o in instrument["response_options"]]
    choices.append((instrument["dont_know"]["value"], instrument["dont_know"]["label"]))
    basis = {f["id"]: basis_text(instrument, f) for f in instrument["features"]}
    return {"groups": features_by_stage(instrument), "choices": choices, "basis": basis}


def answer_key_context(instrument):
    band_rows = [[b["label"], f"{b['min']}%", b["meaning"]] for b in instrument["bands"]]
    feature_rows = [
        [f["label"], basis_text(instrument, f), f["rationale"], f["action"]] for f in instrument["features"]
    ]
    basis_rows = [[b["label"], b["meaning"]] for b in instrument["bases"]]
    return {
        "top": top_value(instrument),
        "band_rows": band_rows,
        "feature_rows": feature_rows,
        "basis_rows": basis_rows,
    }
