"""Charts for the exercises, readable in black and white (greys, hatching and direct labels, no colour).

Every function returns a :class:`matplotlib.figure.Figure` built with the object-oriented API, not pyplot:
nothing is registered with pyplot, so no figure is left open and nothing needs closing. Show one in a
notebook with :func:`leadership_handbook.display.show_figure`, or save it with ``fig.savefig("name.png")``.
Each chart has a title and axis labels; each notebook also prints the same numbers as a table.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

__all__ = ["profile_chart", "audit_gap_chart", "prioritisation_matrix", "sensitivity_chart"]

DARK, MID, LIGHT, PALE = "0.15", "0.45", "0.8", "0.93"


def _figure(width, height) -> Figure:
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig


def profile_chart(instrument: Mapping, result: Mapping, title: str = "Your Future-Proof profile") -> Figure:
    """Horizontal bars of the dimension scores on the instrument's scale, over shaded interpretation bands."""
    scale, bands = instrument["scale"], instrument["bands"]
    dims = result["dimensions"]
    fig = _figure(8, 0.55 * len(dims) + 2.0)
    ax = fig.add_subplot()
    lo, hi = scale["min"], scale["max"]
    edges = [b["min"] for b in bands] + [hi]
    for k, band in enumerate(bands):
        ax.axvspan(edges[k], edges[k + 1], color=PALE if k % 2 == 0 else "white", zorder=0)
        ax.text((edges[k] + edges[k + 1]) / 2, len(dims) - 0.35, band["label"], ha="center", va="bottom",
                fontsize=9, style="italic", color=DARK)
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


def audit_gap_chart(checklist: Mapping, audit: Mapping, title: str = "Programme audit: where the gaps are"
                    ) -> Figure:
    """Stacked horizontal bars per feature: points in place (dark) and the gap to the maximum (hatched)."""
    features = audit["features"]
    stages = {s["id"]: s["label"] for s in checklist["stages"]}
    top = max(o["value"] for o in checklist["response_options"])
    fig = _figure(8.5, 0.42 * len(features) + 1.9)
    ax = fig.add_subplot()
    y = np.arange(len(features))[::-1]
    for yy, f in zip(y, features):
        ax.barh(yy, f["points"], color=DARK, edgecolor="black", height=0.6)
        unknown = f["answer"] is None
        ax.barh(yy, f["gap"], left=f["points"], color="white", edgecolor="black", height=0.6,
                hatch="xx" if unknown else "///")
        ax.text(top + 0.05, yy, f["status"], va="center", fontsize=8)
    labels = [f"{stages[f['stage']].split()[0]}: {f['label']}" for f in features]
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlim(0, top + 1.3)
    ax.set_xticks(range(top + 1))
    ax.set_xlabel(f"Points (0 = not in place, {top} = fully in place)")
    ax.set_ylabel("Design feature, by stage")
    ax.set_title(f"{title}\nOverall: {audit['percent']:.2f}% ({audit['band_label']})")
    fig.legend(handles=[Patch(facecolor=DARK, edgecolor="black", label="In place"),
                        Patch(facecolor="white", edgecolor="black", hatch="///", label="Gap"),
                        Patch(facecolor="white", edgecolor="black", hatch="xx", label="Gap (not known)")],
               loc="outside lower center", ncol=3, fontsize=8, frameon=False)
    return fig


def prioritisation_matrix(spec: Mapping, rows: Sequence[Mapping], title: str = "Barrier prioritisation matrix"
                          ) -> Figure:
    """Entries placed by frequency (x) and impact (y), with the four quadrants named in the corners."""
    freq = [p["value"] for p in spec["frequency_scale"]]
    imp = [p["value"] for p in spec["impact_scale"]]
    high = spec["scoring"]["high_from"]
    fig = _figure(7.5, 6.2)
    ax = fig.add_subplot()
    x0, x1, y0, y1 = freq[0] - 0.5, freq[-1] + 0.5, imp[0] - 0.5, imp[-1] + 0.5
    split = high - 0.5
    ax.axvline(split, color="black", linewidth=1.2)
    ax.axhline(split, color="black", linewidth=1.2)
    ax.fill_between([split, x1], split, y1, color=PALE, zorder=0)
    for q in spec["quadrants"]:
        qx = x1 - 0.08 if q["frequency"] == "high" else x0 + 0.08
        qy = y1 - 0.1 if q["impact"] == "high" else y0 + 0.1
        ax.text(qx, qy, q["label"], ha="right" if q["frequency"] == "high" else "left",
                va="top" if q["impact"] == "high" else "bottom", fontsize=10, weight="bold", color=MID)
    offsets = [(0, 0), (0.2, 0.2), (-0.2, 0.2), (0.2, -0.2), (-0.2, -0.2), (0, 0.3), (0, -0.3), (0.3, 0),
               (-0.3, 0)]
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
    ax.set_xlabel(f"How often it happens ({freq[0]} = {spec['frequency_scale'][0]['label'].lower()}, "
                  f"{freq[-1]} = {spec['frequency_scale'][-1]['label'].lower()})")
    ax.set_ylabel(f"Impact ({imp[0]} = {spec['impact_scale'][0]['label'].lower()}, "
                  f"{imp[-1]} = {spec['impact_scale'][-1]['label'].lower()})", fontsize=9)
    ax.set_title(title)
    ax.grid(True, color=LIGHT, linewidth=0.6, zorder=0)
    return fig


def sensitivity_chart(rows: Sequence[Mapping], base_roi: float, monte_carlo: Mapping | None = None,
                      hurdle_rate_pct: float | None = None, top: int = 8,
                      title: str = "How sensitive is the ROI?") -> Figure:
    """A tornado chart of the one-way sensitivity rows and, if given, a histogram of the Monte Carlo ROI."""
    rows = list(rows)[:top]
    panels = 2 if monte_carlo else 1
    fig = _figure(10, 0.55 * len(rows) + 2.4 + (3.2 if monte_carlo else 0))
    axes = fig.subplots(panels, 1, squeeze=False)[:, 0]
    ax = axes[0]
    y = np.arange(len(rows))[::-1]
    for yy, r in zip(y, rows):
        ax.barh(yy, r["roi_low"] - base_roi, left=base_roi, color=MID, edgecolor="black", height=0.6)
        ax.barh(yy, r["roi_high"] - base_roi, left=base_roi, color="white", edgecolor="black", hatch="///",
                height=0.6)
    ax.axvline(base_roi, color="black", linewidth=1.5)
    ax.axvline(0, color="black", linestyle="--", linewidth=1)
    if hurdle_rate_pct is not None:
        ax.axvline(hurdle_rate_pct, color="black", linestyle="-.", linewidth=1.2)
    ax.set_yticks(y, [textwrap.fill(r["label"], 42) for r in rows], fontsize=8)
    ax.set_xlabel("ROI (%) when this one input moves down or up")
    ax.set_ylabel("Input")
    ax.set_title(f"{title}\nOne input at a time")
    handles = [Patch(facecolor=MID, edgecolor="black", label="Input lower"),
               Patch(facecolor="white", edgecolor="black", hatch="///", label="Input higher"),
               Line2D([], [], color="black", linewidth=1.5, label=f"Calculated ROI ({base_roi:.2f}%)"),
               Line2D([], [], color="black", linestyle="--", linewidth=1, label="Break-even (0%)")]
    if hurdle_rate_pct is not None:
        handles.append(Line2D([], [], color="black", linestyle="-.", linewidth=1.2,
                              label=f"Hurdle rate ({hurdle_rate_pct:g}%)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    if monte_carlo:
        ax2 = axes[1]
        samples = np.asarray(monte_carlo["samples"])
        ax2.hist(samples, bins=40, color=LIGHT, edgecolor=MID)
        lines = [(monte_carlo["p5"], ":", f"5th percentile: {monte_carlo['p5']:.2f}%"),
                 (monte_carlo["p50"], "-", f"Median: {monte_carlo['p50']:.2f}%"),
                 (monte_carlo["p95"], ":", f"95th percentile: {monte_carlo['p95']:.2f}%"),
                 (0, "--", "Break-even (0%)")]
        if hurdle_rate_pct is not None:
            lines.append((hurdle_rate_pct, "-.", f"Hurdle rate ({hurdle_rate_pct:g}%)"))
        for value, style, name in lines:
            ax2.axvline(value, color="black", linestyle=style, linewidth=1.2, label=name)
        ax2.set_xlabel("ROI (%) across simulated runs")
        ax2.set_ylabel("Number of runs")
        ax2.set_title(f"All inputs uncertain at once ({monte_carlo['runs']:,} runs, seed {monte_carlo['seed']})")
        ax2.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig
