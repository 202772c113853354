"""The self-assessment in a notebook: Markdown tables and a chart, shown with
:mod:`leadership_handbook.core.notebook`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from leadership_handbook.core.formatting import markdown_table
from leadership_handbook.core.notebook import DARK, MID, PALE, figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["statements_markdown", "profile_markdown", "next_steps_markdown", "profile_chart"]


def statements_markdown(instrument: Mapping) -> str:
    """The statements to rate, grouped by dimension, with their ids."""
    dims = {d["id"]: d["label"] for d in instrument["dimensions"]}
    rows = [[item["id"], dims[item["dimension"]], item["text"]] for item in instrument["items"]]
    return markdown_table(["Id", "Dimension", "Statement"], rows)


def profile_markdown(result: Mapping, interpretation: Sequence[Mapping]) -> str:
    """Dimension scores with the number of statements answered and the band."""
    rows = []
    for row, note in zip(result["dimensions"], interpretation):
        score = "not scored" if row["score"] is None else f"{row['score']:.2f}"
        rows.append([row["label"], score, f"{row['answered']} of {row['items']}", note["band_label"]])
    return markdown_table(["Dimension", "Score", "Answered", "Band"], rows, ["l", "r", "r", "l"])


def next_steps_markdown(interpretation: Sequence[Mapping]) -> str:
    """Each dimension's meaning and, for dimensions to focus on, its next step and the chapters to read."""
    lines = []
    focus = [n for n in interpretation if n["focus"]]
    rest = [n for n in interpretation if not n["focus"]]
    for note in focus + rest:
        score = "" if note["score"] is None else f" ({note['score']:.2f}, {note['band_label'].lower()})"
        lines.append(f"- **{note['label']}**{score}: {note['meaning']}")
        if note["next_step"]:
            lines.append(f"  - *Try this:* {note['next_step']}")
        if note["see_also"] and (note["focus"] or note["score"] is None):
            titles = [s["title"] if isinstance(s, Mapping) else s for s in note["see_also"]]
            lines.append("  - *Read:* " + "; ".join(titles))
    return "\n".join(lines)


def profile_chart(instrument: Mapping, result: Mapping, title: str = "Your Future-Proof profile") -> Figure:
    """Horizontal bars of the dimension scores on the instrument's scale, over shaded interpretation bands."""
    scale, bands = instrument["scale"], instrument["bands"]
    dims = result["dimensions"]
    fig = figure(8, 0.55 * len(dims) + 2.0)
    ax = fig.add_subplot()
    lo, hi = scale["min"], scale["max"]
    edges = [b["min"] for b in bands] + [hi]
    for k, band in enumerate(bands):
        ax.axvspan(edges[k], edges[k + 1], color=PALE if k % 2 == 0 else "white", zorder=0)
        ax.text(
            (edges[k] + edges[k + 1]) / 2,
            len(dims) - 0.35,
            band["label"],
            ha="center",
            va="bottom",
            fontsize=9,
            style="italic",
            color=DARK,
        )
        if k:
            ax.axvline(edges[k], color=MID, linestyle=":", linewidth=1, zorder=1)
    y = np.arange(len(dims))[::-1]
    for yy, row in zip(y, dims):
        if row["score"] is None:
            ax.text(lo + 0.05, yy, "not scored (too few answers)", va="center", fontsize=9, style="italic")
            continue
        ax.barh(yy, row["score"] - lo, left=lo, height=0.55, color=MID, edgecolor="black", zorder=2)
        ax.text(row["score"] + 0.05, yy, f"{row['score']:.2f}", va="center", fontsize=9, zorder=3)
    ax.set_yticks(y, [row["label"] for row in dims])
    ax.set_xlim(lo, hi + 0.35)
    ax.set_ylim(-0.6, len(dims) + 0.1)
    ax.set_xticks(range(lo, hi + 1))
    ax.set_xlabel(f"Dimension score ({lo} = low, {hi} = high)")
    ax.set_ylabel("Dimension")
    ax.set_title(title)
    return fig
