"""The programme audit (``kind: checklist``): one radio group per design feature, grouped by stage.

Each feature offers the instrument's response options and "Don't know" (scored as the instrument's
``scoring.unanswered_value`` and listed as a gap to find out about, as an unanswered feature is).
"""

from html import escape

SCRIPTS = ["lh-checklist.js"]

UNKNOWN = "unknown"  # the radio value for "Don't know"; scored as an unanswered feature


def render(instrument, context):
    options = instrument["response_options"]
    scoring = instrument["scoring"]
    key = " · ".join(f"<b>{escape(o['label'])}</b> ({o['value']} point{'' if o['value'] == 1 else 's'})"
                     for o in options)
    parts = [
        f'<p class="lh-scale-key">For each feature, choose how far it is in place in the programme: {key}. '
        f'Choose <b>Don\u2019t know</b> if you are not sure: it scores {scoring["unanswered_value"]} and is '
        f'listed as \u201c{escape(scoring["unanswered_status"])}\u201d.</p>'
    ]
    number = 0
    for stage in instrument["stages"]:
        features = [f for f in instrument["features"] if f["stage"] == stage["id"]]
        if not features:
            continue
        parts.append(f'<div class="lh-stage" data-stage="{escape(stage["id"])}">'
                     f'<p class="lh-stage-title"><strong>{escape(stage["label"])}</strong></p>'
                     '<ol class="lh-items lh-audit-items">')
        for feature in features:
            number += 1
            name = escape(feature["id"])
            choices = [(str(o["value"]), o["label"]) for o in options] + [(UNKNOWN, "Don\u2019t know")]
            radios = "".join(
                f'<label class="lh-choice"><input type="radio" name="{name}" value="{value}">'
                f"<span>{escape(label)}</span></label>"
                for value, label in choices
            )
            parts.append(
                f'<li class="lh-item" data-item="{name}"><fieldset>'
                f'<legend><span class="lh-number">{number}.</span> <strong>{escape(feature["label"])}.</strong> '
                f'{escape(feature["question"])}</legend>'
                f'<div class="lh-choices">{radios}</div>'
                f'<p class="lh-field-message" id="msg-{name}"></p></fieldset></li>'
            )
        parts.append("</ol></div>")
    return "\n".join(parts)
