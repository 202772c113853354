"""What the self-assessment's templates need beyond the instrument: its scale's choices, its statements
grouped by dimension (for the hand-scoring grid and the scoring guide)."""

from __future__ import annotations


def statements_by_dimension(instrument):
    """[(dimension, [(statement number, item), ...]), ...] in file order; statements are numbered 1, 2, ..."""
    numbered = list(enumerate(instrument["items"], start=1))
    return [
        (dim, [(n, item) for n, item in numbered if item["dimension"] == dim["id"]]) for dim in instrument["dimensions"]
    ]


def _scale(instrument):
    scale = instrument["scale"]
    labels = {entry["value"]: entry["label"] for entry in scale["labels"]}
    return [(v, labels.get(v, str(v))) for v in range(scale["min"], scale["max"] + 1)]


def worksheet_context(instrument, context):
    groups = statements_by_dimension(instrument)
    scale = _scale(instrument)
    return {
        "scale": scale,
        "choices": [(v, v, label) for v, label in scale],
        "groups": groups,
        "grid_width": max(len(items) for _, items in groups),
    }


def answer_key_context(instrument):
    dimension_rows = [
        [dim["label"], ", ".join(f"{n}{' (R)' if item['reverse'] else ''}" for n, item in items)]
        for dim, items in statements_by_dimension(instrument)
    ]
    band_rows = [[b["label"], f"{b['min']:.2f}", b["meaning"]] for b in instrument["bands"]]
    return {"dimension_rows": dimension_rows, "band_rows": band_rows}
