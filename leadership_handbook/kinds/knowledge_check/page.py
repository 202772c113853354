"""Knowledge checks (``kind: knowledge_check``): one radio group per question of one part.

The explanations travel only in the page's embedded data, shown after a reader answers; the printed
worksheet has the questions and options, never the answers.
"""

from html import escape

SCRIPTS = ["lh-quiz.js"]


def render(instrument, context):
    part_id = context.options.get("part")
    part = next((p for p in instrument["parts"] if p["id"] == part_id), None)
    if part is None:
        allowed = ", ".join(p["id"] for p in instrument["parts"])
        raise ValueError(f"knowledge check: part {part_id!r} does not exist; allowed: {allowed}")
    parts = [f'<ol class="lh-questions" data-part="{escape(part["id"])}">']
    for number, question in enumerate(part["questions"], start=1):
        qid = escape(question["id"])
        options = "".join(
            f'<li><label class="lh-option"><input type="radio" name="{qid}" value="{escape(option["id"])}">'
            f' <span class="lh-letter">{escape(option["id"])}.</span> {escape(option["text"])}</label></li>'
            for option in question["options"]
        )
        parts.append(
            f'<li class="lh-question" data-question="{qid}"><fieldset>'
            f'<legend><span class="lh-number">{number}.</span> {escape(question["prompt"])}</legend>'
            f'<ul class="lh-options">{options}</ul>'
            f'<button type="button" class="lh-check" data-question="{qid}" hidden>Check my answer</button>'
            f'<div class="lh-feedback" id="feedback-{qid}" aria-live="polite"></div>'
            "</fieldset></li>"
        )
    parts.append("</ol>")
    return "\n".join(parts)
