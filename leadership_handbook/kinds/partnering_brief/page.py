"""The wants-versus-needs partnering planner (``kind: partnering_planner``): one card per client request.

Each request has the fields of :data:`leadership_handbook.partnering.ROW_FIELDS`: the stated want, the capability
need, the evidence (one or more of the file's evidence options), the agreed measures (Kirkpatrick levels or LTEM
tiers), what we will see, the owner and the date. Without JavaScript the cards are a printable worksheet, with a key
to the evidence options and measures; in the page, ``lh-partnering_planner.js`` builds the one-page brief with the
same rules as :func:`~leadership_handbook.partnering.build_brief` and
:func:`~leadership_handbook.partnering.brief_table`.
"""

from html import escape

from leadership_handbook.instruments import source_lookup

SCRIPTS = ["lh-partnering_planner.js"]
BLANK_ROWS = 3

# (field, label, hint, multi-line)
_TEXTS = {
    "want": ("Stated want", "what the client asked for", True),
    "need": ("Capability need", "what people need to be able to do, and where", True),
    "indicator": ("What we will see", "the sign that it worked, and when", True),
    "owner": ("Owner", "who makes sure it happens", False),
    "by": ("Date", "by when: a date, a week or a month", False),
}


def _text_field(pid, field):
    label, hint, multi = _TEXTS[field]
    fid = f"{pid}-{field}"
    control = (f'<textarea id="{fid}" name="{fid}" data-f="{field}" rows="2"></textarea>' if multi else
               f'<input type="text" id="{fid}" name="{fid}" data-f="{field}" autocomplete="off">')
    return (f'<div class="lh-pp-field lh-pp-{field}"><label for="{fid}">{escape(label)} '
            f'<span class="lh-pp-hint">({escape(hint)})</span></label>{control}'
            f'<p class="lh-field-message" id="msg-{fid}"></p></div>')


def _options(spec, field):
    if field == "evidence":
        return "".join(f'<option value="{escape(e["id"])}">{escape(e["label"])}</option>'
                       for e in spec["evidence_options"])
    groups = []
    for framework in spec["frameworks"]:
        options = "".join(f'<option value="{escape(m["id"])}">{escape(m["label"])}</option>'
                          for m in spec["measures"] if m["framework"] == framework["id"])
        groups.append(f'<optgroup label="{escape(framework["label"])}">{options}</optgroup>')
    return "".join(groups)


def _choice_field(pid, spec, field, legend, more):
    fid = f"{pid}-{field}"
    return (f'<fieldset class="lh-pp-field lh-pp-choices lh-pp-{field}"><legend>{escape(legend)}</legend>'
            f'<div class="lh-pp-selects" data-choices="{field}"><div class="lh-pp-choice">'
            f'<label for="{fid}-1">Choice 1</label><select id="{fid}-1" name="{fid}-1" data-f="{field}">'
            f'<option value="">Choose\u2026</option>{_options(spec, field)}</select></div></div>'
            f'<p class="lh-field-message" id="msg-{fid}"></p>'
            f'<button type="button" class="lh-button lh-button-secondary lh-pp-more" data-more="{field}" hidden>'
            f"{escape(more)}</button></fieldset>")


def _row(spec, p, n):
    pid = f"{p}-{n}"
    return (
        f'<fieldset class="lh-pp-row" data-row="{n}"><legend>Request {n}</legend><div class="lh-pp-grid">'
        + _text_field(pid, "want") + _text_field(pid, "need")
        + _choice_field(pid, spec, "evidence", "Evidence behind the approach", "Add more evidence")
        + _choice_field(pid, spec, "measures", "Agreed measure (Kirkpatrick level or LTEM tier)", "Add another measure")
        + _text_field(pid, "indicator") + _text_field(pid, "owner") + _text_field(pid, "by")
        + f'</div><button type="button" class="lh-remove-row" data-remove="row" aria-label="Remove request {n}" '
        f"hidden>Remove this request</button></fieldset>"
    )


def _key(spec):
    sources = source_lookup()

    def cites(keys):
        if not keys:
            return "no source"
        return "; ".join(f'<span data-cite-key="{escape(k)}">{escape(sources.get(k, k))}</span>' for k in keys)

    evidence = "".join(
        f'<li><strong>{escape(e["label"])}.</strong> {escape(e["summary"])} <span class="lh-pp-src">'
        f"({cites(e['cite'])})</span></li>" for e in spec["evidence_options"])
    frameworks = "".join(
        f'<li><strong>{escape(f["label"])}</strong> <span class="lh-pp-src">({cites(f["cite"])})</span>: '
        + "; ".join(escape(m["label"]) for m in spec["measures"] if m["framework"] == f["id"]) + ".</li>"
        for f in spec["frameworks"])
    return (f'<details class="lh-pp-key"><summary>What the evidence options and measures mean</summary>'
            f'<p><strong>Evidence options</strong></p><ul>{evidence}</ul>'
            f'<p><strong>Measures</strong>: agree at least one measure of behaviour on the job or of results '
            f"(Kirkpatrick Level 3 or 4, LTEM tier 7 or 8).</p><ul>{frameworks}</ul></details>")


def render(instrument, context):
    p = escape(instrument["id"])
    rules = instrument["rules"]
    rows = "".join(_row(instrument, p, n) for n in range(1, BLANK_ROWS + 1))
    return "\n".join([
        f'<div class="lh-pp" data-max-rows="{rules["max_rows"]}">',
        f"<p>Write one request per card ({rules['min_rows']} to {rules['max_rows']}): from what the client asked "
        "for, to the capability the organisation needs, to the evidence behind your approach, to the measure you "
        "agree before anything is designed. Choose as many evidence options and measures as apply.</p>",
        _key(instrument),
        f'<div class="lh-pp-rows" data-rows="row">{rows}</div>',
        f'<button type="button" class="lh-button lh-button-secondary lh-add-row" data-add="row" hidden>Add a request'
        f"</button>",
        f'<p class="lh-field-message" id="msg-{p}-rows"></p>',
        "</div>",
    ])
