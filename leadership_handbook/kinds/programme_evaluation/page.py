"""What the evaluation exercise's templates need beyond the instrument: the worked example's figures as a reader
types them (the form starts filled in with it, said so above the form), and the example solved for the answer key.

Without JavaScript the same HTML is a printable worksheet: the example's figures, the formulas to work by hand,
and blank lines for the raw scores. The answer key's figures come from :func:`.rules.evaluate`, so the key cannot
disagree with the rules.
"""

from __future__ import annotations

from leadership_handbook.core.formatting import money, number2, typed
from leadership_handbook.kinds.programme_evaluation.cases import example_plan
from leadership_handbook.kinds.programme_evaluation.report import GROUP_NAMES, group_rows
from leadership_handbook.kinds.programme_evaluation.rules import GROUP_FIELDS, evaluate

FIELD_LABELS = {
    "n": "People (n)",
    "pre_mean": "Pre-test mean",
    "pre_sd": "Pre-test SD",
    "post_mean": "Post-test mean",
    "post_sd": "Post-test SD",
}
VALUE_FIELDS = [
    ("workforce", "Workforce: everyone who could take the programme (people)"),
    ("people", "People trained, or to be trained (N)"),
    ("years_low", "Years the effect lasts (T): low"),
    ("years_high", "Years the effect lasts (T): high"),
    ("sdy_low", "SD of yearly performance in money (SDy): low"),
    ("sdy_high", "SD of yearly performance in money (SDy): high"),
    ("cost_per_person", "Cost per person trained (C)"),
]


def worksheet_context(instrument, context):
    ex = instrument["example"]
    groups = [
        (key, GROUP_NAMES[key], [(field, FIELD_LABELS[field], typed(ex[key][field])) for field in GROUP_FIELDS])
        for key in ("trained", "comparison")
    ]
    return {
        "groups": groups,
        "field_labels": [FIELD_LABELS[f] for f in GROUP_FIELDS],
        "r": typed(ex["r"]),
        "default_r": typed(instrument["default_r"]),
        "hoped_d": typed(ex["planning"]["hoped_d"]),
        "cohorts": typed(ex["planning"]["cohorts"]),
        "value_fields": [(field, label, typed(ex["value"][field])) for field, label in VALUE_FIELDS],
        "trained_names": ", ".join(instrument["groups"]["trained"]),
        "comparison_names": ", ".join(instrument["groups"]["comparison"]),
        "min_group": typed(instrument["limits"]["min_group_size"]),
    }


def answer_key_context(instrument):
    """The worked example's report, with its figures written as the page writes them."""
    report = evaluate(instrument, example_plan(instrument))
    value, cur = report["value"], instrument["currency"]
    shown = {
        "d": number2(report["effect"]["d"]),
        "low": number2(report["effect"]["low"]),
        "high": number2(report["effect"]["high"]),
        "alone": number2(report["trained_alone"]["d"]),
        "sd_pooled": number2(report["sd_pooled"]),
        "net_low": money(value["net_low"], cur),
        "net_high": money(value["net_high"], cur),
        "gross_mid": money(value["gross_mid"], cur),
    }
    planning = [
        [
            row["label"],
            number2(row["d"]),
            str(row["post_only"]),
            str(row["pre_post"]),
            f"{row['staggered']} × {row['cohorts']}",
        ]
        for row in report["planning"]
    ]
    groups = group_rows(report)
    return {"report": report, "shown": shown, "planning_rows": planning, "group_rows": groups}
