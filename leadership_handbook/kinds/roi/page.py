"""What the ROI calculator's templates need beyond the instrument: its rows as typed values, and the worked
example's figures for the answer key.

The form starts filled in with the instrument's fictional worked example (said so plainly above the form);
the page's script can blank it or fill the example in again. Without JavaScript the same HTML is a printable
worksheet: the example's figures plus a spare row in each table, with a "Counted" column to work out by hand.
The answer key's figures come from :func:`.rules.evaluate`, so the key cannot disagree with the rules.
"""

from __future__ import annotations

from leadership_handbook.core.formatting import typed
from leadership_handbook.kinds.roi.rules import benefit_rows, evaluate, inputs_from_example, summary_rows


def worksheet_context(instrument, context):
    """The example's rows plus one spare row in each table, numbered from 1, every number as typed."""
    spare = ""  # the spare row has no category until the reader chooses one
    costs = [
        {"label": c["label"], "category": c["category"], "amount": typed(c["amount"])} for c in instrument["costs"]
    ] + [{"label": "", "category": spare, "amount": ""}]
    benefits = [
        {
            "label": b["label"],
            "basis": b["basis"],
            "annual_value": typed(b["annual_value"]),
            "attribution_pct": typed(b["attribution_pct"]),
            "confidence_pct": typed(b["confidence_pct"]),
        }
        for b in instrument["benefits"]
    ]
    benefits.append(dict.fromkeys(["label", "basis", "annual_value", "attribution_pct", "confidence_pct"], ""))
    one_way = instrument["sensitivity"]["one_way"]
    return {
        "costs": list(enumerate(costs, start=1)),
        "benefits": list(enumerate(benefits, start=1)),
        "intangibles": list(enumerate(list(instrument["intangibles"]) + [""], start=1)),
        "categories": [(c["id"], c["label"]) for c in instrument["cost_categories"]],
        "hurdle": typed(instrument.get("hurdle_rate_pct")),
        "swing": typed(one_way["amount_swing_pct"]),
        "points": typed(one_way["percentage_points_swing"]),
    }


def answer_key_context(instrument):
    """The worked example's report, its benefits' table, and its summary figures as the results table words
    them."""
    report = evaluate(inputs_from_example(instrument))
    summary = {row["key"]: row["text"] for row in summary_rows(report)}
    return {"report": report, "benefit_rows": benefit_rows(report), "summary": summary}
