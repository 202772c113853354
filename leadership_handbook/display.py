"""Show exercise results in a notebook as readable Markdown tables, short text and charts (no pandas).

The ``*_markdown`` functions return Markdown text (GitHub-flavoured tables), so they can be tested and
reused; :func:`show_markdown` displays text in Jupyter, Colab or the built book, and :func:`show_figure`
displays a chart as a PNG image.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from leadership_handbook.rounding import round2

__all__ = [
    "escape",
    "markdown_table",
    "money",
    "percent",
    "show_markdown",
    "show_table",
    "show_figure",
    "statements_markdown",
    "profile_markdown",
    "next_steps_markdown",
    "audit_features_markdown",
    "audit_summary_markdown",
    "audit_gaps_markdown",
    "barrier_table_markdown",
    "learning_goals_markdown",
    "roi_costs_markdown",
    "roi_benefits_markdown",
    "roi_summary_markdown",
    "sensitivity_markdown",
    "monte_carlo_markdown",
    "roi_interpretation_markdown",
    "partnering_brief_markdown",
    "partnering_checks_markdown",
    "question_markdown",
    "feedback_markdown",
    "sources_line",
]


def escape(text) -> str:
    """Make text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence], align: Sequence[str] | None = None,
                   bold_last: bool = False) -> str:
    """A GitHub-flavoured Markdown table. ``align`` holds "l" or "r" per column (default left);
    ``bold_last`` sets the last row (a total) in bold."""
    align = align or ["l"] * len(headers)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    for n, row in enumerate(rows, start=1):
        if len(row) != len(headers):
            raise ValueError(f"a table row has {len(row)} cells; the table has {len(headers)} columns")
        cells = [escape(c) for c in row]
        if bold_last and n == len(rows):
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def money(value, currency: str = "£") -> str:
    """``£12,345`` (pence shown only when there are any); negative amounts as ``−£1,200``."""
    value = round2(value)
    sign = "−" if value < 0 else ""
    value = abs(value)
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{sign}{currency}{text}"


def percent(value) -> str:
    """``23.2%`` style, from a number already rounded to 2 decimals (trailing zeros dropped)."""
    if value is None:
        return "n/a"
    text = f"{round2(value):,.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "−") + "%"


def show_markdown(text: str) -> None:
    """Display Markdown in the notebook (or print it when IPython is not running)."""
    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:  # pragma: no cover - IPython is installed with the package's notebooks
        print(text)
        return
    if get_ipython() is None:
        print(text)
    else:
        display(Markdown(text))


def show_table(headers, rows, align=None) -> None:
    """Display a Markdown table."""
    show_markdown(markdown_table(headers, rows, align))


def show_figure(fig, alt: str | None = None, dpi: int = 110) -> None:
    """Display a matplotlib Figure as a PNG image (works in Jupyter, Colab and the built book)."""
    from IPython.display import Image, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    display(Image(data=buffer.getvalue(), format="png", alt=alt))


# --------------------------------------------------------------------------------------------- self-assessment


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


# --------------------------------------------------------------------------------------------- programme audit


def audit_features_markdown(checklist: Mapping) -> str:
    """The audit questions, by stage, with their ids."""
    stages = {s["id"]: s["label"] for s in checklist["stages"]}
    rows = [[f["id"], stages[f["stage"]], f["label"], f["question"]] for f in checklist["features"]]
    return markdown_table(["Id", "Stage", "Feature", "Question"], rows)


def audit_summary_markdown(audit: Mapping) -> str:
    """Points and percentages overall and by stage, with the band."""
    rows = [[s["label"], f"{s['points']} of {s['max_points']}", percent(s["percent"])] for s in audit["stages"]]
    rows.append(["Whole programme", f"{audit['points']} of {audit['max_points']}", percent(audit["percent"])])
    table = markdown_table(["Stage", "Points", "Percent"], rows, ["l", "r", "r"], bold_last=True)
    return (f"{table}\n\n**{audit['band_label']}.** {audit['band_meaning']} "
            f"({audit['answered']} of {audit['total']} features answered.)")


def audit_gaps_markdown(checklist: Mapping, audit: Mapping) -> str:
    """The gaps, each with what the evidence says (the rationale names its sources) and a suggested action."""
    features = {f["id"]: f for f in checklist["features"]}
    rows = []
    for gap in audit["gaps"]:
        f = features[gap["id"]]
        rows.append([f["label"], gap["status"], f["rationale"], f["action"]])
    if not rows:
        return "No gaps: every feature is fully in place. Check that they happen as planned."
    return markdown_table(["Gap", "Now", "Why it matters", "Suggested action"], rows)


# --------------------------------------------------------------------------------------------- barrier log


def barrier_table_markdown(rows: Sequence[Mapping]) -> str:
    """The prioritised entries."""
    body = [[r["rank"], r["id"], r["challenge"], r["type_label"], r["frequency"], r["impact"], r["priority"],
             r["quadrant_label"]] for r in rows]
    return markdown_table(["Rank", "Entry", "Challenge", "Barrier type", "Frequency", "Impact", "Priority",
                           "Quadrant"], body, ["r", "l", "l", "l", "r", "r", "r", "l"])


def learning_goals_markdown(goals: Sequence[Mapping]) -> str:
    """The top learning goals as a table, highest priority first."""
    rows = [[n, g["goal"], f"{g['entry']}: {g['challenge']}", g["priority"], f"{g['quadrant_label']}. {g['advice']}"]
            for n, g in enumerate(goals, start=1)]
    return markdown_table(["Goal", "What I want to learn", "From the challenge", "Priority", "Approach"], rows,
                          ["r", "l", "l", "r", "l"])


# --------------------------------------------------------------------------------------------- ROI


def roi_costs_markdown(report: Mapping) -> str:
    """The fully loaded costs, itemised, with each item's share."""
    cur = report["currency"]
    from leadership_handbook.roi import COST_CATEGORY_LABELS

    rows = [[c["label"], COST_CATEGORY_LABELS.get(c["category"], c["category"]), money(c["amount"], cur),
             percent(c["share_pct"])]
            for c in report["costs"]]
    rows.append(["Fully loaded costs", "", money(report["total_costs"], cur), "100%"])
    return markdown_table(["Cost item", "Category", "Amount", "Share"], rows, ["l", "l", "r", "r"], bold_last=True)


def roi_benefits_markdown(report: Mapping) -> str:
    """The benefits before and after the conservative adjustment."""
    cur = report["currency"]
    rows = [[b["label"], money(b["annual_value"], cur), percent(b["attribution_pct"]), percent(b["confidence_pct"]),
             money(b["adjusted"], cur)] for b in report["benefits"]]
    rows.append(["Total", money(report["unadjusted_benefits"], cur), "", "", money(report["adjusted_benefits"], cur)])
    return markdown_table(["Benefit (first year)", "Improvement", "Due to programme", "Confidence",
                           "Counted"], rows, ["l", "r", "r", "r", "r"], bold_last=True)


def roi_summary_markdown(report: Mapping) -> str:
    """BCR, ROI, payback and the hurdle verdict."""
    cur = report["currency"]
    payback = "never (no benefits counted)" if report["payback_months"] is None else \
        f"{report['payback_months']:.2f} months"
    rows = [["Fully loaded costs", money(report["total_costs"], cur)],
            ["Benefits counted (after adjustment)", money(report["adjusted_benefits"], cur)],
            ["Net benefits", money(report["net_benefits"], cur)],
            ["Benefit-cost ratio (BCR)", f"{report['bcr']:.2f}"],
            ["ROI", percent(report["roi_pct"])],
            ["Payback period", payback]]
    if report["hurdle_rate_pct"] is not None:
        verdict = "meets" if report["meets_hurdle"] else "does not meet"
        rows.append(["Hurdle rate", f"{percent(report['hurdle_rate_pct'])}: the ROI {verdict} it"])
    return markdown_table(["Measure", "Result"], rows, ["l", "r"])


def sensitivity_markdown(rows: Sequence[Mapping], currency: str = "£", top: int = 8) -> str:
    """The one-way sensitivity rows, widest swing first."""
    def setting(r, key):
        return money(r[key], currency) if r["unit"] == "money" else percent(r[key])

    body = [[r["label"], f"{setting(r, 'low_setting')} to {setting(r, 'high_setting')}", percent(r["roi_low"]),
             percent(r["roi_high"]), f"{r['swing']:.2f}"] for r in list(rows)[:top]]
    return markdown_table(["Input moved", "From … to", "ROI if lower", "ROI if higher", "Swing (points)"], body,
                          ["l", "r", "r", "r", "r"])


def monte_carlo_markdown(mc: Mapping) -> str:
    """A short summary of the simulation."""
    rows = [["Runs (seed)", f"{mc['runs']:,} ({mc['seed']})"],
            ["Spread of money inputs", f"±{percent(mc['amount_spread_pct'])} of each value"],
            ["Spread of attribution and confidence", f"±{mc['percentage_points_spread']:g} percentage points"],
            ["Median ROI", percent(mc["p50"])],
            ["Middle 90% of runs", f"{percent(mc['p5'])} to {percent(mc['p95'])}"],
            ["Runs with a negative ROI", percent(mc["prob_negative"])]]
    if mc["prob_below_hurdle"] is not None:
        rows.append([f"Runs below the hurdle rate ({percent(mc['hurdle_rate_pct'])})", percent(mc["prob_below_hurdle"])])
    return markdown_table(["Simulation", "Result"], rows, ["l", "r"])


def roi_interpretation_markdown(report: Mapping, rows: Sequence[Mapping], mc: Mapping | None = None) -> str:
    """A few plain sentences on what the figures mean, built from the results (no new numbers)."""
    cur = report["currency"]
    lines = []
    if report["roi_pct"] >= 0:
        lines.append(f"- Every {cur}1 spent returned about {cur}{report['bcr']:.2f} in counted benefits, so the "
                     f"programme's net benefit is {money(report['net_benefits'], cur)} (ROI {percent(report['roi_pct'])}).")
    else:
        lines.append(f"- The counted benefits do not cover the costs: the net benefit is "
                     f"{money(report['net_benefits'], cur)} (ROI {percent(report['roi_pct'])}).")
    if report["hurdle_rate_pct"] is not None:
        verdict = "clears" if report["meets_hurdle"] else "falls short of"
        lines.append(f"- The ROI {verdict} the hurdle rate of {percent(report['hurdle_rate_pct'])}.")
    if report["unadjusted_benefits"] > 0:
        kept = round2(report["adjusted_benefits"] * 100 / report["unadjusted_benefits"])
        lines.append(f"- The conservative adjustments keep {percent(kept)} of the improvements first estimated; "
                     "the rest is put down to other causes or to uncertainty in the estimates.")
    if rows:
        top = rows[0]
        low, high = sorted((top["roi_low"], top["roi_high"]))
        lines.append(f"- The input that moves the ROI most is *{top['label']}*: across the range tested the ROI "
                     f"runs from {percent(low)} to {percent(high)}. Check that figure first.")
    if mc:
        text = (f"- With every input uncertain at once, the middle 90% of simulated runs lie between "
                f"{percent(mc['p5'])} and {percent(mc['p95'])}; {percent(mc['prob_negative'])} of runs lose money")
        if mc["prob_below_hurdle"] is not None:
            text += f" and {percent(mc['prob_below_hurdle'])} fall below the hurdle rate"
        lines.append(text + ".")
    if report["intangibles"]:
        lines.append(f"- {len(report['intangibles'])} intangible benefits are reported beside these figures, "
                     "not converted to money.")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- partnering


def partnering_brief_markdown(headers: Sequence[str], rows: Sequence[Sequence], warnings: Sequence[str]) -> str:
    """The partnering brief table followed by any warnings."""
    text = markdown_table(headers, rows)
    if warnings:
        text += "\n\n" + "\n".join(f"- **Check:** {w}" for w in warnings)
    return text


def partnering_checks_markdown(brief: Mapping) -> str:
    """Two counts that show whether the brief can show change at work, and whether it rests on evidence."""
    rows = brief["rows"]
    beyond = [r["id"] for r in rows if r["beyond_reactions"]]
    evidenced = [r["id"] for r in rows if r["evidence"] != ["no-direct-evidence"]]
    lines = [f"- Rows with a measure of behaviour on the job or of results: {len(beyond)} of {len(rows)}"
             + (f" ({', '.join(beyond)})." if beyond else "."),
             f"- Rows that rest on research evidence: {len(evidenced)} of {len(rows)}"
             + (f" ({', '.join(evidenced)})." if evidenced else ".")]
    if not brief["warnings"]:
        lines.append("- No warnings: every check passed.")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- knowledge checks


def sources_line(keys: Sequence[str], sources: Mapping) -> str:
    """``Sources: A (2017); B (2012).`` from BibTeX keys, or an empty string."""
    keys = list(keys)
    return ("Sources: " + "; ".join(sources.get(k, k) for k in keys) + ".") if keys else ""


def question_markdown(number: int, question: Mapping) -> str:
    """A question and its lettered options."""
    lines = [f"**{number}. {question['prompt']}**", ""]
    lines += [f"- **{o['id']}**: {o['text']}" for o in question["options"]]
    return "\n".join(lines)


def feedback_markdown(marked: Mapping, sources: Mapping) -> str:
    """Feedback on one marked part: each question, the reader's choice and every option's explanation."""
    lines = [f"**Score: {marked['correct']} of {marked['total']}** ({marked['answered']} answered).", ""]
    for n, q in enumerate(marked["questions"], start=1):
        if q["chosen"] is None:
            verdict = f"not answered; the answer is **{q['correct_option']}**"
        elif q["is_correct"]:
            verdict = f"you chose **{q['chosen']}**: correct"
        else:
            verdict = f"you chose **{q['chosen']}**; the answer is **{q['correct_option']}**"
        lines.append(f"**{n}. {q['prompt']}** ({verdict})")
        lines.append("")
        for o in q["options"]:
            marks = []
            if o["correct"]:
                marks.append("correct answer")
            if o["chosen"]:
                marks.append("your choice")
            tag = f" *({', '.join(marks)})*" if marks else ""
            lines.append(f"- **{o['id']}**: {o['text']}{tag}. {o['explanation']}")
        cite = sources_line(q["cite"], sources)
        if cite:
            lines.append(f"- *{cite}*")
        lines.append("")
    return "\n".join(lines).rstrip()
