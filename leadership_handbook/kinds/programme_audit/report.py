"""The programme audit in a notebook: Markdown tables and a chart (shown with
:mod:`leadership_handbook.core.notebook`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.patches import Patch

from leadership_handbook.core.formatting import markdown_table, percent
from leadership_handbook.core.notebook import DARK, figure
from leadership_handbook.kinds.programme_audit.page import basis_text
from leadership_handbook.kinds.programme_audit.rules import top_value

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["audit_features_markdown", "audit_summary_markdown", "audit_gaps_markdown", "audit_gap_chart"]


def audit_features_markdown(instrument: Mapping) -> str:
    """The audit questions, by stage, with their ids and what recommends each."""
    stages = {s["id"]: s["label"] for s in instrument["stages"]}
    rows = [
        [f["id"], stages[f["stage"]], f["label"], f["question"], basis_text(instrument, f)]
        for f in instrument["features"]
    ]
    return markdown_table(["Id", "Stage", "Feature", "Question", "Basis"], rows)


def audit_summary_markdown(audit: Mapping) -> str:
    """Points and percentages overall and by stage, with the band."""
    rows = [[s["label"], f"{s['points']} of {s['max_points']}", percent(s["percent"])] for s in audit["stages"]]
    rows.append(["Whole programme", f"{audit['points']} of {audit['max_points']}", percent(audit["percent"])])
    table = markdown_table(["Stage", "Points", "Percent"], rows, ["l", "r", "r"], bold_last=True)
    return (
        f"{table}\n\n**{audit['band_label']}.** {audit['band_meaning']} "
        f"({audit['answered']} of {audit['total']} features answered.)"
    )


def audit_gaps_markdown(instrument: Mapping, audit: Mapping) -> str:
    """The gaps, each with what the evidence says (the rationale names its sources) and a suggested action."""
    features = {f["id"]: f for f in instrument["features"]}
    rows = []
    for gap in audit["gaps"]:
        f = features[gap["id"]]
        rows.append([f["label"], gap["status"], f"{basis_text(instrument, f)}. {f['rationale']}", f["action"]])
    if not rows:
        return instrument["no_gaps"]
    return markdown_table(["Gap", "Now", "Basis and why it matters", "Suggested action"], rows)


def audit_gap_chart(instrument: Mapping, audit: Mapping, title: str = "Programme audit: where the gaps are") -> Figure:
    """Stacked horizontal bars per feature: points in place (dark) and the gap to the maximum (hatched)."""
    features = audit["features"]
    stages = {s["id"]: s["label"] for s in instrument["stages"]}
    top = top_value(instrument)
    fig = figure(8.5, 0.42 * len(features) + 1.9)
    ax = fig.add_subplot()
    y = np.arange(len(features))[::-1]
    for yy, f in zip(y, features):
        ax.barh(yy, f["points"], color=DARK, edgecolor="black", height=0.6)
        unknown = f["answer"] is None
        ax.barh(
            yy,
            f["gap"],
            left=f["points"],
            color="white",
            edgecolor="black",
            height=0.6,
            hatch="xx" if unknown else "///",
        )
        ax.text(top + 0.05, yy, f["status"], va="center", fontsize=8)
    labels = [f"{stages[f['stage']].split()[0]}: {f['label']}" for f in features]
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlim(0, top + 1.3)
    ax.set_xticks(range(top + 1))
    ax.set_xlabel(f"Points (0 = not in place, {top} = fully in place)")
    ax.set_ylabel("Design feature, by stage")
    ax.set_title(f"{title}\nOverall: {audit['percent']:.2f}% ({audit['band_label']})")
    fig.legend(
        handles=[
            Patch(facecolor=DARK, edgecolor="black", label="In place"),
            Patch(facecolor="white", edgecolor="black", hatch="///", label="Gap"),
            Patch(facecolor="white", edgecolor="black", hatch="xx", label="Gap (not known)"),
        ],
        loc="outside lower center",
        ncol=3,
        fontsize=8,
        frameon=False,
    )
    return fig
