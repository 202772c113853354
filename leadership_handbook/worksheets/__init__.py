"""Printable worksheets and in-page forms, rendered as HTML from the instrument files.

The same HTML is the worksheet a reader prints (or sees without JavaScript) and the form that the page's
JavaScript scores. One module per kind of instrument; each has ``render(instrument, context) -> str`` and
names the page scripts it needs in ``SCRIPTS``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from html import escape

from leadership_handbook.worksheets import barrier_log, checklist, knowledge_check, likert, partnering, roi

KINDS = {
    "likert": likert,
    "checklist": checklist,
    "barrier_log": barrier_log,
    "roi_example": roi,
    "partnering_planner": partnering,
    "knowledge_check": knowledge_check,
}


@dataclass
class RenderContext:
    """What a worksheet needs to know about the page it sits on."""

    links: dict = field(default_factory=dict)  # handbook label -> {"href": relative URL, "title": ...}
    page_title: str = ""  # the exercise page's title in the handbook's index, if the page is there
    options: dict = field(default_factory=dict)  # directive options, e.g. {"part": "part-1"}


def storage_key(instrument: dict) -> str:
    """The browser storage key: the instrument's id and a digest of its content, so answers saved against an
    earlier version of an instrument are never read into a changed one."""
    digest = hashlib.sha256(json.dumps(instrument, sort_keys=True).encode()).hexdigest()[:10]
    return f"lh:{instrument['id']}:{digest}"


def worksheet_title(instrument: dict, context: RenderContext) -> str:
    """The worksheet's title: its page's (else the instrument's), and the part's for a knowledge check."""
    title = context.page_title or instrument["title"]
    part = next((p for p in instrument.get("parts", []) if p["id"] == context.options.get("part")), None)
    return f"{title}: {part['title']}" if part else title


def scripts_for(kind: str) -> list[str]:
    return ["lh-core.js", *KINDS[kind].SCRIPTS]


def render_worksheet(instrument: dict, context: RenderContext | None = None) -> str:
    """The whole exercise block: embedded spec, the form/worksheet, the toolbar and the results area."""
    context = context or RenderContext()
    module = KINDS[instrument["kind"]]
    spec = {"instrument": instrument, "links": context.links, "options": context.options}
    spec_json = json.dumps(spec, ensure_ascii=False, allow_nan=False).replace("</", "<\\/")
    title = escape(worksheet_title(instrument, context))
    return (
        f'<section class="lh-exercise" data-lh-kind="{instrument["kind"]}" '
        f'data-lh-store="{storage_key(instrument)}" data-lh-title="{title}" aria-label="{title}">\n'
        f'<script type="application/json" class="lh-spec">{spec_json}</script>\n'
        f'<form class="lh-form" novalidate>\n{module.render(instrument, context)}\n</form>\n'
        '<div class="lh-toolbar" hidden></div>\n'
        '<div class="lh-status" role="status" aria-live="polite"></div>\n'
        '<div class="lh-results" aria-live="polite"></div>\n'
        '<noscript><p class="lh-noscript">Scoring in the page needs JavaScript. You can still print this '
        'worksheet, fill it in by hand and score it with the scoring guide.</p></noscript>\n'
        "</section>"
    )
