"""Answer keys and scoring guides for facilitators, rendered from the same instrument files as the exercises.

On the site each key sits in a closed dropdown, so a reader does not see it by accident; on paper (the
facilitator guide) every dropdown prints open. The participant workbook never includes this page.
"""

from __future__ import annotations

from html import escape

from leadership_handbook.roi import evaluate, inputs_from_example
from leadership_handbook.worksheets.likert import statements_by_dimension


def _details(summary: str, body: str) -> str:
    return (f'<details class="lh-answer-key"><summary>{escape(summary)}</summary>'
            f'<div class="lh-answer-key-body">{body}</div></details>')


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    head_html = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (f'<table class="lh-table"><caption>{escape(caption)}</caption><thead><tr>{head_html}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _money(currency: str, value: float) -> str:
    return f"{currency}{value:,.2f}"


def likert(instrument: dict) -> str:
    scale = instrument["scale"]
    rows = []
    for dim, items in statements_by_dimension(instrument):
        listed = ", ".join(f"{n}{' (R)' if item['reverse'] else ''}" for n, item in items)
        rows.append([escape(dim["label"]), escape(listed)])
    bands = [[escape(b["label"]), f"{b['min']:.2f}", escape(b["meaning"])] for b in instrument["bands"]]
    low, high = scale["min"], scale["max"]
    steps = (f"<ol><li>For each statement marked (R), turn the answer round: a {low} counts as {high}, a {high} as "
             f"{low}; in general a reverse-worded answer <em>a</em> scores {low + high} − <em>a</em>.</li>"
             "<li>For each dimension, add the scores of the answered statements and divide by how many were "
             "answered. Round to two decimals.</li>"
             f"<li>A dimension with fewer than {instrument['scoring']['min_answered_per_dimension']} answered "
             "statements is not scored.</li><li>Find the band: the highest band whose minimum the score reaches.</li>"
             "</ol>")
    body = (steps + _table("Statements in each dimension ((R) = reverse-worded)", ["Dimension", "Statement numbers"], rows)
            + _table("Bands", ["Band", "From score", "What it suggests"], bands))
    return _details(f"Scoring guide: {instrument['title']}", body)


def checklist(instrument: dict) -> str:
    options = ", ".join(f"{o['label']} = {o['value']}" for o in instrument["response_options"])
    top = max(o["value"] for o in instrument["response_options"])
    bands = [[escape(b["label"]), f"{b['min']}%", escape(b["meaning"])] for b in instrument["bands"]]
    features = [[escape(f["label"]), escape(f["rationale"]), escape(f["action"])] for f in instrument["features"]]
    body = (f"<p>Score each feature: {escape(options)}; a feature nobody knows about scores 0 and is listed as a gap. "
            f"The overall score is the total points × 100 ÷ ({len(instrument['features'])} features × {top}), rounded to "
            "two decimals; each stage is scored the same way over its own features.</p>"
            + _table("Bands", ["Band", "From", "What it suggests"], bands)
            + _table("What each feature is and what to do about a gap", ["Feature", "Why it matters", "Action"], features))
    return _details(f"Scoring guide: {instrument['title']}", body)


def barrier_log(instrument: dict) -> str:
    scoring = instrument["scoring"]
    quadrants = [[escape(q["label"]), escape(q["frequency"]), escape(q["impact"]), escape(q["advice"])]
                 for q in instrument["quadrants"]]
    body = ("<ol><li>Priority = frequency × impact (1 to 25).</li>"
            "<li>Rank the entries by priority, then impact, then frequency, highest first; ties keep the order "
            "they were written in.</li>"
            f"<li>A frequency or impact of {scoring['high_from']} or more counts as high in the matrix.</li>"
            f"<li>The top {scoring['top_n']} entries become the learning goals.</li></ol>"
            + _table("The four quadrants", ["Quadrant", "Frequency", "Impact", "Advice"], quadrants))
    return _details(f"Scoring guide: {instrument['title']}", body)


def roi_example(instrument: dict) -> str:
    result = evaluate(inputs_from_example(instrument))
    cur = result["currency"]
    benefits = [[escape(b["label"]), _money(cur, b["annual_value"]), f"{b['attribution_pct']:g}%",
                 f"{b['confidence_pct']:g}%", _money(cur, b["adjusted"])] for b in result["benefits"]]
    payback = "never" if result["payback_months"] is None else f"{result['payback_months']:.2f} months"
    body = (f"<p>The fictional worked example, {escape(result['title'])}, worked through.</p>"
            + _table("Benefits after the conservative adjustments (value × attribution × confidence)",
                     ["Benefit", "Annual value", "Attributed", "Confidence", "Counted"], benefits)
            + "<ul>"
            f"<li>Fully loaded costs: {_money(cur, result['total_costs'])}</li>"
            f"<li>Benefits counted: {_money(cur, result['adjusted_benefits'])} "
            f"(before adjustment: {_money(cur, result['unadjusted_benefits'])})</li>"
            f"<li>Benefit-cost ratio = benefits ÷ costs = {result['bcr']:.2f}</li>"
            f"<li>ROI = (benefits − costs) ÷ costs × 100 = {result['roi_pct']:.2f}%</li>"
            f"<li>Payback = costs ÷ annual benefits × 12 = {payback}</li>"
            "</ul><p>Intangible benefits are listed beside the figures and never converted to money.</p>")
    return _details(f"Answer key: {instrument['title']}", body)


def partnering_planner(instrument: dict) -> str:
    body = ("<p>A complete partnering brief has, for every stated want: the capability need behind it, the evidence "
            "for working on it, one measure agreed before design starts, an owner and a date. Check the brief against "
            "these questions:</p><ul>"
            "<li>Is each need a capability people will use on the job, not a course title?</li>"
            "<li>Does each measure sit beyond reactions (a Kirkpatrick level 3 or 4, or an LTEM tier of 5 or more)?</li>"
            "<li>Does every row have an owner outside L&amp;D as well as within it?</li></ul>")
    return _details(f"Checking guide: {instrument['title']}", body)


def knowledge_check(instrument: dict) -> str:
    parts = []
    for part in instrument["parts"]:
        questions = []
        for number, question in enumerate(part["questions"], start=1):
            right = next(o for o in question["options"] if o["correct"])
            options = "".join(f"<li><strong>{escape(o['id'])}.</strong> {escape(o['text'])}: "
                              f"{escape(o['explanation'])}</li>" for o in question["options"])
            questions.append(f"<li><p>{escape(question['prompt'])}</p><p><strong>Answer: {escape(right['id'])}.</strong> "
                             f"{escape(right['text'])}</p><ul>{options}</ul></li>")
        parts.append(_details(f"Answer key: {part['title']}", f"<ol>{''.join(questions)}</ol>"))
    return "".join(parts)


RENDERERS = {"likert": likert, "checklist": checklist, "barrier_log": barrier_log, "roi_example": roi_example,
             "partnering_planner": partnering_planner, "knowledge_check": knowledge_check}


def render_answer_key(instrument: dict) -> str:
    return f'<div class="lh-answer-keys">{RENDERERS[instrument["kind"]](instrument)}</div>'
