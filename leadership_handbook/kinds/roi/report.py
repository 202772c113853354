"""The ROI calculator in a notebook: Markdown tables and charts (shown with :mod:`leadership_handbook.core.notebook`).

The results table and the sentences of "What the figures say" come from :mod:`.rules` (``summary_rows``,
``interpret``), which the page shows too.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from leadership_handbook.core.formatting import count, markdown_table, money, percent
from leadership_handbook.core.notebook import LIGHT, MID, figure
from leadership_handbook.kinds.roi.rules import COST_CATEGORY_LABELS, benefit_rows, interpret, summary_rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "roi_costs_markdown",
    "roi_benefits_markdown",
    "roi_summary_markdown",
    "sensitivity_markdown",
    "monte_carlo_markdown",
    "roi_interpretation_markdown",
    "sensitivity_chart",
]


def roi_costs_markdown(report: Mapping) -> str:
    """The fully loaded costs, itemised, with each item's share."""
    cur = report["currency"]
    rows = [
        [
            c["label"],
            COST_CATEGORY_LABELS.get(c["category"], c["category"]),
            money(c["amount"], cur),
            percent(c["share_pct"]),
        ]
        for c in report["costs"]
    ]
    rows.append(["Fully loaded costs", "", money(report["total_costs"], cur), "100%"])
    return markdown_table(["Cost item", "Category", "Amount", "Share"], rows, ["l", "l", "r", "r"], bold_last=True)


def roi_benefits_markdown(report: Mapping) -> str:
    """The benefits before and after the conservative adjustment."""
    cur = report["currency"]
    rows = benefit_rows(report)
    rows.append(["Total", money(report["unadjusted_benefits"], cur), "", "", money(report["adjusted_benefits"], cur)])
    return markdown_table(
        ["Benefit (first year)", "Improvement", "Due to programme", "Confidence", "Counted"],
        rows,
        ["l", "r", "r", "r", "r"],
        bold_last=True,
    )


def roi_summary_markdown(report: Mapping) -> str:
    """BCR, ROI, payback and the hurdle verdict: the page's results table."""
    rows = [[row["label"], row["text"]] for row in summary_rows(report)]
    return markdown_table(["Measure", "Result"], rows, ["l", "r"])


def sensitivity_markdown(rows: Sequence[Mapping], currency: str = "£", top: int = 8) -> str:
    """The one-way sensitivity rows, widest swing first."""

    def setting(r, key):
        return money(r[key], currency) if r["unit"] == "money" else percent(r[key])

    body = [
        [
            r["label"],
            f"{setting(r, 'low_setting')} to {setting(r, 'high_setting')}",
            percent(r["roi_low"]),
            percent(r["roi_high"]),
            f"{r['swing']:.2f}",
        ]
        for r in list(rows)[:top]
    ]
    return markdown_table(
        ["Input moved", "From … to", "ROI if lower", "ROI if higher", "Swing (points)"], body, ["l", "r", "r", "r", "r"]
    )


def monte_carlo_markdown(mc: Mapping) -> str:
    """A short summary of the simulation."""
    rows = [
        ["Runs (seed)", f"{count(mc['runs'])} ({mc['seed']})"],
        ["Spread of money inputs", f"±{percent(mc['amount_spread_pct'])} of each value"],
        ["Spread of attribution and confidence", f"±{mc['percentage_points_spread']:g} percentage points"],
        ["Median ROI", percent(mc["p50"])],
        ["Middle 90% of runs", f"{percent(mc['p5'])} to {percent(mc['p95'])}"],
        ["Runs with a negative ROI", percent(mc["prob_negative"])],
    ]
    if mc["prob_below_hurdle"] is not None:
        rows.append(
            [f"Runs below the hurdle rate ({percent(mc['hurdle_rate_pct'])})", percent(mc["prob_below_hurdle"])]
        )
    return markdown_table(["Simulation", "Result"], rows, ["l", "r"])


def roi_interpretation_markdown(report: Mapping, rows: Sequence[Mapping], mc: Mapping | None = None) -> str:
    """A few plain sentences on what the figures mean, built from the results (no new numbers): the page's
    sentences, with the input that matters most in italics."""
    return "\n".join("- " + sentence["text"] for sentence in interpret(report, rows, mc, ("*", "*")))


def sensitivity_chart(
    rows: Sequence[Mapping],
    base_roi: float,
    monte_carlo: Mapping | None = None,
    hurdle_rate_pct: float | None = None,
    top: int = 8,
    title: str = "How sensitive is the ROI?",
) -> Figure:
    """A tornado chart of the one-way sensitivity rows and, if given, a histogram of the Monte Carlo ROI."""
    rows = list(rows)[:top]
    panels = 2 if monte_carlo else 1
    fig = figure(10, 0.55 * len(rows) + 2.4 + (3.2 if monte_carlo else 0))
    axes = fig.subplots(panels, 1, squeeze=False)[:, 0]
    ax = axes[0]
    y = np.arange(len(rows))[::-1]
    for yy, r in zip(y, rows):
        ax.barh(yy, r["roi_low"] - base_roi, left=base_roi, color=MID, edgecolor="black", height=0.6)
        ax.barh(yy, r["roi_high"] - base_roi, left=base_roi, color="white", edgecolor="black", hatch="///", height=0.6)
    ax.axvline(base_roi, color="black", linewidth=1.5)
    ax.axvline(0, color="black", linestyle="--", linewidth=1)
    if hurdle_rate_pct is not None:
        ax.axvline(hurdle_rate_pct, color="black", linestyle="-.", linewidth=1.2)
    ax.set_yticks(y, [textwrap.fill(r["label"], 42) for r in rows], fontsize=8)
    ax.set_xlabel("ROI (%) when this one input moves down or up")
    ax.set_ylabel("Input")
    ax.set_title(f"{title}\nOne input at a time")
    handles = [
        Patch(facecolor=MID, edgecolor="black", label="Input lower"),
        Patch(facecolor="white", edgecolor="black", hatch="///", label="Input higher"),
        Line2D([], [], color="black", linewidth=1.5, label=f"Calculated ROI ({base_roi:.2f}%)"),
        Line2D([], [], color="black", linestyle="--", linewidth=1, label="Break-even (0%)"),
    ]
    if hurdle_rate_pct is not None:
        handles.append(
            Line2D([], [], color="black", linestyle="-.", linewidth=1.2, label=f"Hurdle rate ({hurdle_rate_pct:g}%)")
        )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    if monte_carlo:
        ax2 = axes[1]
        samples = np.asarray(monte_carlo["samples"])
        ax2.hist(samples, bins=40, color=LIGHT, edgecolor=MID)
        lines = [
            (monte_carlo["p5"], ":", f"5th percentile: {monte_carlo['p5']:.2f}%"),
            (monte_carlo["p50"], "-", f"Median: {monte_carlo['p50']:.2f}%"),
            (monte_carlo["p95"], ":", f"95th percentile: {monte_carlo['p95']:.2f}%"),
            (0, "--", "Break-even (0%)"),
        ]
        if hurdle_rate_pct is not None:
            lines.append((hurdle_rate_pct, "-.", f"Hurdle rate ({hurdle_rate_pct:g}%)"))
        for value, style, name in lines:
            ax2.axvline(value, color="black", linestyle=style, linewidth=1.2, label=name)
        ax2.set_xlabel("ROI (%) across simulated runs")
        ax2.set_ylabel("Number of runs")
        ax2.set_title(f"All inputs uncertain at once ({count(monte_carlo['runs'])} runs, seed {monte_carlo['seed']})")
        ax2.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig
