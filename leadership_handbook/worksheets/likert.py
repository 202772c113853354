"""A Likert self-assessment (``kind: likert``): one radio group per statement, in file order."""

from html import escape

SCRIPTS = ["lh-likert.js"]


def render(instrument, context):
    scale = instrument["scale"]
    labels = {entry["value"]: entry["label"] for entry in scale["labels"]}
    values = range(scale["min"], scale["max"] + 1)
    key = " · ".join(f"<b>{v}</b> {escape(labels.get(v, str(v)))}" for v in values)
    parts = [f'<p class="lh-scale-key">Scale: {key}</p>', '<ol class="lh-items">']
    for number, item in enumerate(instrument["items"], start=1):
        name = escape(item["id"])
        options = "".join(
            f'<label class="lh-choice"><input type="radio" name="{name}" value="{v}">'
            f'<span aria-hidden="true">{v}</span><span class="lh-sr">{escape(labels.get(v, str(v)))}</span></label>'
            for v in values
        )
        parts.append(
            f'<li class="lh-item" data-item="{name}"><fieldset>'
            f'<legend><span class="lh-number">{number}.</span> {escape(item["text"])}</legend>'
            f'<div class="lh-choices">{options}</div>'
            f'<p class="lh-field-message" id="msg-{name}"></p></fieldset></li>'
        )
    parts.append("</ol>")
    parts.append(_scoring_grid(instrument))
    return "\n".join(parts)


def statements_by_dimension(instrument):
    """[(dimension, [(statement number, item), ...]), ...] in file order; statements are numbered 1, 2, ..."""
    numbered = list(enumerate(instrument["items"], start=1))
    return [(dim, [(n, item) for n, item in numbered if item["dimension"] == dim["id"]])
            for dim in instrument["dimensions"]]


def _scoring_grid(instrument):
    """On paper only: a grid to total each dimension by hand, and an empty profile chart to plot it on."""
    scale = instrument["scale"]
    rows = []
    groups = statements_by_dimension(instrument)
    for dim, items in groups:
        cells = "".join(f'<td>{n}{" R" if item["reverse"] else ""}<br>&#160;</td>' for n, item in items)
        rows.append(f'<tr><th scope="row">{escape(dim["label"])}</th>{cells}<td></td><td></td></tr>')
    width = max(len(items) for _, items in groups)
    head = "".join(f'<th scope="col">Statement</th>' for _ in range(width))
    low, high = scale["min"], scale["max"]
    ticks = "".join(f'<th scope="col">{v}</th>' for v in range(low, high + 1))
    chart_rows = "".join(f'<tr><th scope="row">{escape(d["label"])}</th>' + "<td></td>" * (high - low + 1) + "</tr>"
                         for d in instrument["dimensions"])
    return (
        '<div class="lh-print-only lh-scoring">'
        '<p class="lh-results-title"><strong>Score it by hand</strong></p>'
        f"<p>Write each answer under its statement number. For a statement marked R, write {low + high} minus your "
        "answer instead. Add each row, then divide by the number of statements you answered.</p>"
        f'<table class="lh-table lh-scoring-grid"><caption>Scoring grid</caption><thead><tr><th scope="col">Dimension</th>'
        f'{head}<th scope="col">Total</th><th scope="col">Score</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        '<table class="lh-table lh-profile-grid"><caption>Your profile: mark each score on its row and join the marks'
        f'</caption><thead><tr><th scope="col">Dimension</th>{ticks}</tr></thead><tbody>{chart_rows}</tbody></table>'
        "</div>"
    )
