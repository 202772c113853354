"""The barrier log in a notebook: Markdown tables and charts (shown with :mod:`leadership_handbook.core.notebook`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from leadership_handbook.core.formatting import markdown_table
from leadership_handbook.core.notebook import LIGHT, MID, PALE, figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["barrier_table_markdown", "learning_goals_markdown", "prioritisation_matrix"]


def barrier_table_markdown(rows: Sequence[Mapping]) -> str:
    """The prioritised entries, with the four-part method's visible task and hidden demand where given."""
    body = [
        [
            r["rank"],
            r["id"],
            r.get("visible_task", ""),
            r.get("hidden_demand", ""),
            r["challenge"],
            r["type_label"],
            r["frequency"],
            r["impact"],
            r["priority"],
            r["quadrant_label"],
        ]
        for r in rows
    ]
    return markdown_table(
        [
            "Rank",
            "Entry",
            "Visible task",
            "Hidden demand",
            "Barrier",
            "Barrier type",
            "Frequency",
            "Impact",
            "Priority",
            "Quadrant",
        ],
        body,
        ["r", "l", "l", "l", "l", "l", "r", "r", "r", "l"],
    )


def learning_goals_markdown(goals: Sequence[Mapping]) -> str:
    """The top learning goals as a table, highest priority first."""
    rows = [
        [n, g["goal"], f"{g['entry']}: {g['challenge']}", g["priority"], f"{g['quadrant_label']}. {g['advice']}"]
        for n, g in enumerate(goals, start=1)
    ]
    return markdown_table(
        ["Goal", "What I want to learn", "From the challenge", "Priority", "Approach"], rows, ["r", "l", "l", "r", "l"]
    )


def prioritisation_matrix(
    spec: Mapping, rows: Sequence[Mapping], title: str = "Barrier prioritisation matrix"
) -> Figure:
    """Entries placed by frequency (x) and impact (y), with the four quadrants named in the corners."""
    freq = [p["value"] for p in spec["frequency_scale"]]
    imp = [p["value"] for p in spec["impact_scale"]]
    high = spec["scoring"]["high_from"]
    fig = figure(7.5, 6.2)
    ax = fig.add_subplot()
    x0, x1, y0, y1 = freq[0] - 0.5, freq[-1] + 0.5, imp[0] - 0.5, imp[-1] + 0.5
    split = high - 0.5
    ax.axvline(split, color="black", linewidth=1.2)
    ax.axhline(split, color="black", linewidth=1.2)
    ax.fill_between([split, x1], split, y1, color=PALE, zorder=0)
    for q in spec["quadrants"]:
        qx = x1 - 0.08 if q["frequency"] == "high" else x0 + 0.08
        qy = y1 - 0.1 if q["impact"] == "high" else y0 + 0.1
        ax.text(
            qx,
            qy,
            q["label"],
            ha="right" if q["frequency"] == "high" else "left",
            va="top" if q["impact"] == "high" else "bottom",
            fontsize=10,
            weight="bold",
            color=MID,
        )
    offsets = [(0, 0), (0.2, 0.2), (-0.2, 0.2), (0.2, -0.2), (-0.2, -0.2), (0, 0.3), (0, -0.3), (0.3, 0), (-0.3, 0)]
    placed = {}
    for row in rows:
        cell = (row["frequency"], row["impact"])
        k = placed.get(cell, 0)
        placed[cell] = k + 1
        dx, dy = offsets[k % len(offsets)]
        px, py = row["frequency"] + dx, row["impact"] + dy
        ax.scatter([px], [py], s=220, marker="o", facecolor="white", edgecolor="black", zorder=3)
        ax.text(px, py, row["id"], ha="center", va="center", fontsize=7, zorder=4)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xticks(freq, [str(v) for v in freq])
    ax.set_yticks(imp, [str(v) for v in imp])
    ax.set_xlabel(
        f"How often it happens ({freq[0]} = {spec['frequency_scale'][0]['label'].lower()}, "
        f"{freq[-1]} = {spec['frequency_scale'][-1]['label'].lower()})"
    )
    ax.set_ylabel(
        f"Impact ({imp[0]} = {spec['impact_scale'][0]['label'].lower()}, "
        f"{imp[-1]} = {spec['impact_scale'][-1]['label'].lower()})",
        fontsize=9,
    )
    ax.set_title(title)
    ax.grid(True, color=LIGHT, linewidth=0.6, zorder=0)
    return fig
