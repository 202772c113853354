"""The hidden-curriculum barrier log (``kind: barrier_log``): a list of entries, five fields each.

The server renders ``BLANK_ROWS`` blank entries (the printable worksheet); the page's script can add and
remove entries. Every entry is a fieldset numbered B1, B2, ... with the challenge, the barrier type, how
often it happens, its impact and what it could teach the reader.
"""

from html import escape

SCRIPTS = ["lh-barrier_log.js"]

BLANK_ROWS = 5

FIELDS = (  # (field, label, kind)
    ("challenge", "The challenge: what happens?", "text"),
    ("barrier_type", "Type of barrier", "select"),
    ("frequency", "How often", "select"),
    ("impact", "Impact", "select"),
    ("could_teach", "What it could teach me", "text"),
)


def _options(instrument, field):
    if field == "barrier_type":
        return [(t["id"], t["label"]) for t in instrument["barrier_types"]]
    scale = instrument["frequency_scale" if field == "frequency" else "impact_scale"]
    return [(str(p["value"]), f"{p['value']}: {p['label']}") for p in scale]


def entry_html(instrument, number: int) -> str:
    """One blank entry; the page's script builds the same markup when a reader adds an entry."""
    entry = f"B{number}"
    fields = []
    for field, label, kind in FIELDS:
        fid = f"bl-{number}-{field}"
        if kind == "text":
            control = f'<textarea id="{fid}" name="{fid}" rows="2"></textarea>'
        else:
            options = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in _options(instrument, field))
            control = f'<select id="{fid}" name="{fid}"><option value="">Choose\u2026</option>{options}</select>'
        fields.append(
            f'<div class="lh-field lh-field-{kind}" data-field="{field}"><label for="{fid}">{escape(label)}</label>'
            f'{control}<p class="lh-field-message" id="msg-{fid}"></p></div>'
        )
    return (
        f'<li class="lh-entry" data-entry="{number}"><fieldset><legend>Entry {entry}</legend>'
        f'<div class="lh-entry-fields">{"".join(fields)}</div>'
        f'<button type="button" class="lh-button lh-button-secondary lh-remove-row" hidden>Remove entry {entry}</button>'
        "</fieldset></li>"
    )


def _key(title, pairs):
    items = "".join(f"<li><b>{escape(a)}</b> {escape(b)}</li>" for a, b in pairs)
    return f'<div class="lh-key-part"><p><strong>{escape(title)}</strong></p><ul>{items}</ul></div>'


def render(instrument, context):
    types = [(t["label"] + ":", t["description"]) for t in instrument["barrier_types"]]
    freq = [(str(p["value"]), p["label"]) for p in instrument["frequency_scale"]]
    imp = [(str(p["value"]), p["label"]) for p in instrument["impact_scale"]]
    top_n = instrument["scoring"]["top_n"]
    parts = [
        f'<p class="lh-scale-key">Write one entry for each challenge your work throws at you that no job description '
        f'mentions. Fill in all five fields: a complete entry is ranked by how often it happens times its impact, and '
        f'your top {top_n} become learning goals.</p>',
        '<div class="lh-key">',
        _key("Types of barrier", types),
        _key("How often (1 to 5)", freq),
        _key("Impact (1 to 5)", imp),
        "</div>",
        '<ol class="lh-entries">',
        *(entry_html(instrument, n) for n in range(1, BLANK_ROWS + 1)),
        "</ol>",
        '<button type="button" class="lh-button lh-button-secondary lh-add-row" hidden>Add a row</button>',
    ]
    return "\n".join(parts)
