"""The evaluation exercise in a notebook: Markdown tables, the chart of the effect and its interval, and a one-page
board summary (shown with :mod:`leadership_handbook.core.notebook`). Every figure comes from :func:`.rules.evaluate`,
which the page's rules.js matches, and every sentence from the instrument's ``words``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from leadership_handbook.core.formatting import markdown_table, money, number2
from leadership_handbook.core.notebook import DARK, MID, figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "data_markdown",
    "effect_markdown",
    "sentences_markdown",
    "planning_markdown",
    "value_markdown",
    "effect_chart",
    "board_summary_markdown",
]

GROUP_NAMES = {"trained": "Trained group", "comparison": "Comparison group"}


def group_rows(report: Mapping) -> list[list[str]]:
    """Each group's name, size, pre and post means (SDs) and change, as the notebook and the answer key show them."""
    return [
        [
            GROUP_NAMES[g["group"]],
            str(g["n"]),
            f"{number2(g['pre_mean'])} ({number2(g['pre_sd'])})",
            f"{number2(g['post_mean'])} ({number2(g['post_sd'])})",
            number2(g["change"]),
        ]
        for g in report["groups"]
    ]


def data_markdown(report: Mapping) -> str:
    """Each group's size, means and SDs, and its change."""
    rows = group_rows(report)
    return markdown_table(
        ["Group", "People", "Pre-test mean (SD)", "Post-test mean (SD)", "Change"], rows, ["l", "r", "r", "r", "r"]
    )


def _interval(e):
    return f"{number2(e['d'])} ({number2(e['low'])} to {number2(e['high'])})"


def effect_markdown(report: Mapping) -> str:
    """The effect with its 95% interval and, beside it, the trained group's own change."""
    rows = [
        [
            "Effect of the programme" if report["design"] == "comparison" else "Before-and-after change (overstated)",
            _interval(report["effect"]),
        ]
    ]
    if report["design"] == "comparison":
        rows.append(["Trained group alone (overstates)", _interval(report["trained_alone"])])
    rows.append(["Pre-post correlation used", f"{number2(report['r'])} ({report['r_source']})"])
    return markdown_table(["Measure", "d (95% interval)"], rows, ["l", "r"])


def sentences_markdown(report: Mapping) -> str:
    """What the figures say: the page's sentences, as a list."""
    return "\n".join("- " + s["text"] for s in report["sentences"])


def planning_markdown(rows) -> str:
    """People each design needs, for the hoped-for effect and the meta-analytic ones."""
    body = [
        [
            r["label"],
            str(r["post_only"]),
            str(r["pre_post"]),
            f"{r['staggered']} × {r['cohorts']} = {r['staggered_total']}",
        ]
        for r in rows
    ]
    return markdown_table(
        ["Effect", "Post-test only (per group)", "Before and after (per group)", "Staggered (per cohort × cohorts)"],
        body,
        ["l", "r", "r", "r"],
    )


def value_markdown(value: Mapping) -> str:
    """The utility estimate's inputs and range."""
    cur = value["currency"]
    rows = [
        ["People trained (N)", str(value["people"])],
        ["Years the effect lasts (T)", f"{value['years_low']:g} to {value['years_high']:g}"],
        [
            "SD of yearly performance in money (SDy)",
            f"{money(value['sdy_low'], cur)} to {money(value['sdy_high'], cur)}",
        ],
        ["Cost per person (C)", money(value["cost_per_person"], cur)],
        [
            f"Net value at d = {number2(value['d'])}",
            f"{money(value['net_low'], cur)} to {money(value['net_high'], cur)}",
        ],
        [
            f"Net value at d = {number2(value['d_low'])} (the interval's low end)",
            f"{money(value['low_d_net_low'], cur)} to {money(value['low_d_net_high'], cur)}",
        ],
    ]
    return markdown_table(["Utility: N × T × d × SDy − N × C", "Value"], rows, ["l", "r"])


def _chart_text(effect: Mapping) -> str:
    """The effect and its interval as a chart label: a true minus, without the word joiner the fonts may lack."""
    return f"{number2(effect['d'])} ({number2(effect['low'])} to {number2(effect['high'])})".replace("\u2060", "")


def effect_chart(report: Mapping, title: str = "The effect and its 95% interval") -> Figure:
    """The estimate (a dot) and its interval (a bar) for the effect and the trained group alone, with zero marked."""
    rows = [
        ("Effect of the programme" if report["design"] == "comparison" else "Before-and-after change", report["effect"])
    ]
    if report["design"] == "comparison":
        rows.append(("Trained group alone (overstates)", report["trained_alone"]))
    fig = figure(7, 1.1 * len(rows) + 1.4)
    ax = fig.subplots()
    for y, (_, e) in enumerate(reversed(rows)):
        ax.plot([e["low"], e["high"]], [y, y], color=DARK, linewidth=3, solid_capstyle="butt")
        ax.plot([e["d"]], [y], "o", color=DARK, markersize=9)
        ax.annotate(
            _chart_text(e),
            (e["d"], y),
            xytext=(0, 10),
            textcoords="offset points",
            ha="center",
            fontsize=11,
        )
    ax.axvline(0, color=MID, linestyle="--", linewidth=1.2)
    ax.set_yticks(range(len(rows)), [label for label, _ in reversed(rows)], fontsize=11)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    low = min(-0.5, *(e["low"] for _, e in rows))
    high = max(1.0, *(e["high"] for _, e in rows))
    ax.set_xlim(low - 0.1, high + 0.1)
    ax.set_xlabel("Effect size d (dashed line: no effect)", fontsize=11)
    ax.set_title(title, fontsize=12)
    return fig


def board_summary_markdown(report: Mapping, instrument: Mapping, measure: str, decision: str) -> str:
    """This handbook's one-page report to the board, filled in from the evaluation."""
    trained = report["groups"][0]
    comparison = report["groups"][1] if len(report["groups"]) > 1 else None
    e, v = report["effect"], report["value"]
    design = instrument["words"]["design"][report["design"]]
    baseline = f"trained {number2(trained['pre_mean'])}" + (
        f", comparison {number2(comparison['pre_mean'])}" if comparison else ""
    )
    result = f"trained {number2(trained['post_mean'])}" + (
        f", comparison {number2(comparison['post_mean'])}" if comparison else ""
    )
    rows = [
        ["What was measured", measure],
        ["Design (how the effect was isolated)", design],
        ["Baseline (pre-test means)", baseline],
        ["Result (post-test means)", result],
        ["Effect with its 95% interval", f"d = {number2(e['d'])} ({number2(e['low'])} to {number2(e['high'])})"],
        ["What that means", report["sentences"][0]["text"]],
        ["People a conclusive study would need", f"about {report['needed']} a group" if report["needed"] else "n/a"],
    ]
    if v:
        cur = v["currency"]
        rows.append(["Net value (utility range)", f"{money(v['net_low'], cur)} to {money(v['net_high'], cur)}"])
    rows.append(["Decision asked for", decision])
    return markdown_table(["Board summary", ""], rows)
