"""The ROI calculator (``kind: roi_example``): itemised costs, adjusted benefits and intangible benefits.

The form starts filled in with the instrument's fictional worked example (said so plainly above the form);
the page's script can blank it or fill the example in again. Without JavaScript the same HTML is a printable
worksheet: the example's figures plus a spare row in each table, with a "Counted" column to work out by hand.
Results (BCR, ROI, payback, sensitivity and a simulation) are worked out in the page by ``lh-roi_example.js``
with the same arithmetic as :mod:`leadership_handbook.roi`.
"""

from html import escape

from leadership_handbook.roi import COST_CATEGORIES, COST_CATEGORY_LABELS

SCRIPTS = ["lh-roi_example.js"]


def _num(value) -> str:
    """A number as a reader would type it: 3500, 40, 12.5 (no thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _n(n):
    """A row number inside a label, renumbered by the page's script when rows are added or removed."""
    return f'<span class="lh-n">{n}</span>'


def _input(pid, label, value="", *, field, cls="", numeric=False, hidden_label=True, lines=1):
    """A text input (or a box of ``lines`` lines) with its own <label> (``label`` is HTML, hidden visually only
    where a column heading shows it) and the message box beside it."""
    common = f'id="{pid}" name="{pid}" data-f="{field}" class="{cls}"'
    if lines > 1:
        control = f'<textarea {common} rows="{lines}">{escape(value)}</textarea>'
    else:
        mode = ' inputmode="decimal"' if numeric else ""
        control = f'<input type="text" {common} value="{escape(value)}"{mode} autocomplete="off">'
    label_cls = "lh-cell-label" if hidden_label else "lh-roi-label"
    return (f'<label class="{label_cls}" for="{pid}">{label}</label>{control}'
            f'<p class="lh-field-message" id="msg-{pid}"></p>')


def _number(pid, label, value, field):
    return _input(pid, label, _num(value), field=field, cls="lh-num", numeric=True)


def _remover(what, name):
    return (f'<button type="button" class="lh-remove-row" data-remove="{what}" aria-label="Remove {name}" hidden>'
            "Remove</button>")


def _cost_row(p, n, cost):
    pid, num = f"{p}-cost-{n}", _n(n)
    options = "".join(
        f'<option value="{c}"{" selected" if c == cost.get("category", "other") else ""}>'
        f"{escape(COST_CATEGORY_LABELS[c])}</option>" for c in COST_CATEGORIES)
    return (
        f'<tr class="lh-roi-cost" data-row="{n}"><th scope="row" class="lh-roi-n">{num}</th>'
        f'<td>{_input(pid + "-label", f"Cost {num}: what it is", cost.get("label", ""), field="label")}</td>'
        f'<td class="lh-roi-category"><label class="lh-cell-label" for="{pid}-category">Cost {num}: category</label>'
        f'<select id="{pid}-category" name="{pid}-category" data-f="category">{options}</select></td>'
        f'<td class="lh-roi-money">{_number(pid + "-amount", f"Cost {num}: amount", cost.get("amount"), "amount")}</td>'
        f'<td class="lh-row-tools">{_remover("cost", f"cost {n}")}</td></tr>'
    )


def _benefit_row(p, n, benefit):
    pid, num = f"{p}-benefit-{n}", _n(n)
    what = _input(pid + "-label", f"Benefit {num}: what improved", benefit.get("label", ""), field="label", lines=2)
    basis = _input(pid + "-basis", f'Source of the figure<span class="lh-sr"> for benefit {num}</span> (optional)',
                   benefit.get("basis", ""), field="basis", cls="lh-roi-basis", hidden_label=False)
    value = _number(pid + "-value", f"Benefit {num}: value in the first year", benefit.get("annual_value"),
                    "annual_value")
    share = _number(pid + "-attribution", f"Benefit {num}: % due to the programme", benefit.get("attribution_pct"),
                    "attribution_pct")
    sure = _number(pid + "-confidence", f"Benefit {num}: % confidence in that share", benefit.get("confidence_pct"),
                   "confidence_pct")
    return (
        f'<tr class="lh-roi-benefit" data-row="{n}"><th scope="row" class="lh-roi-n">{num}</th>'
        f'<td>{what}{basis}</td><td class="lh-roi-money">{value}</td>'
        f'<td class="lh-roi-pct">{share}</td><td class="lh-roi-pct">{sure}</td>'
        f'<td class="lh-roi-counted"><span class="lh-roi-counted-value" data-counted=""></span>'
        f'{_remover("benefit", f"benefit {n}")}</td></tr>'
    )


def _intangible_row(p, n, text):
    pid = f"{p}-intangible-{n}"
    return (f'<li class="lh-roi-intangible" data-row="{n}">'
            f'{_input(pid, f"Intangible benefit {_n(n)}", text, field="text", hidden_label=False)}'
            f'{_remover("intangible", f"intangible benefit {n}")}</li>')


def _add_button(what, label):
    return (f'<button type="button" class="lh-button lh-button-secondary lh-add-row" data-add="{what}" hidden>'
            f"{escape(label)}</button>")


def render(instrument, context):
    p = escape(instrument["id"])
    cur = escape(instrument.get("currency", "£"))
    costs = list(instrument["costs"]) + [{}]
    benefits = list(instrument["benefits"]) + [{}]
    intangibles = list(instrument["intangibles"]) + [""]
    one_way = instrument["sensitivity"]["one_way"]
    hurdle = _num(instrument.get("hurdle_rate_pct"))
    parts = [
        f'<div class="lh-roi" data-currency="{cur}">',
        f'<div class="lh-roi-example-note" id="{p}-example-note"><p><strong>A fictional example.</strong> '
        f"The form starts filled in with {escape(instrument['title'])}: {escape(instrument['description'])} "
        "None of it is a research finding. Replace the figures with your own programme's, or start with a blank "
        "form.</p>"
        '<p class="lh-roi-actions">'
        '<button type="button" class="lh-button lh-button-secondary" data-action="blank" hidden>Start with a blank form'
        "</button> "
        '<button type="button" class="lh-button lh-button-secondary" data-action="example" hidden>Fill in the '
        "fictional example again</button></p></div>",
        '<div class="lh-roi-settings"><div>'
        + _input(p + "-currency", "Currency symbol", instrument.get("currency", "£"), field="currency",
                 cls="lh-roi-short", hidden_label=False)
        + "</div><div>"
        + _input(p + "-hurdle", "Minimum acceptable ROI (hurdle rate), in %: optional", hurdle,
                 field="hurdle_rate_pct", cls="lh-roi-short", numeric=True, hidden_label=False)
        + "</div></div>",
        # Costs
        f'<table class="lh-table lh-roi-table lh-roi-costs"><caption>Fully loaded costs: every cost of the '
        "programme for one year, including people's time. Type plain numbers, such as 3500.</caption>"
        '<thead><tr><th scope="col" class="lh-roi-n">#</th><th scope="col">Cost item</th>'
        '<th scope="col" class="lh-roi-category">Category</th>'
        f'<th scope="col" class="lh-roi-money">Amount (<span class="lh-roi-cur">{cur}</span>)</th>'
        '<th scope="col" class="lh-row-tools"><span class="lh-sr">Remove</span></th></tr></thead>'
        f'<tbody data-rows="cost">{"".join(_cost_row(p, n, c) for n, c in enumerate(costs, start=1))}</tbody>'
        "</table>",
        _add_button("cost", "Add a cost"),
        f'<p class="lh-field-message" id="msg-{p}-costs"></p>',
        # Benefits
        '<table class="lh-table lh-roi-table lh-roi-benefits"><caption>Benefits in money, first year only. Each is '
        "counted as value × % due to the programme × % confidence, so it is never more than the value.</caption>"
        '<thead><tr><th scope="col" class="lh-roi-n">#</th>'
        '<th scope="col">Benefit, and where the figure comes from</th>'
        f'<th scope="col" class="lh-roi-money">Value in the first year (<span class="lh-roi-cur">{cur}</span>)</th>'
        '<th scope="col" class="lh-roi-pct">% due to the programme</th>'
        '<th scope="col" class="lh-roi-pct">% confidence</th>'
        '<th scope="col" class="lh-roi-counted">Counted</th></tr></thead>'
        f'<tbody data-rows="benefit">'
        f'{"".join(_benefit_row(p, n, b) for n, b in enumerate(benefits, start=1))}</tbody></table>',
        _add_button("benefit", "Add a benefit"),
        f'<p class="lh-field-message" id="msg-{p}-benefits"></p>',
        # Intangibles
        '<fieldset class="lh-roi-intangibles"><legend>Intangible benefits: reported beside the figures, '
        "never converted to money</legend>"
        '<ul data-rows="intangible">'
        + "".join(_intangible_row(p, n, t) for n, t in enumerate(intangibles, start=1))
        + "</ul>" + _add_button("intangible", "Add an intangible benefit") + "</fieldset>",
        '<p class="lh-roi-hint"><strong>Working it out by hand:</strong> add up the costs (C) and the counted '
        "benefits (B). Benefit-cost ratio = B ÷ C; ROI % = (B − C) ÷ C × 100; payback in months = C ÷ B × 12. "
        f"To test the result, move each money amount {_num(one_way['amount_swing_pct'])}% down and up, and each "
        f"percentage {_num(one_way['percentage_points_swing'])} points, one at a time.</p>",
        "</div>",
    ]
    return "\n".join(parts)
