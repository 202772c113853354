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
    return "\n".join(parts)
