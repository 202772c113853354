"""HTML from Jinja2 templates: the exercise block around each kind's worksheet, and the answer keys.

One environment for the package: autoescape on (text from instrument files is never markup) and strict
undefined (a misspelt variable fails the build rather than printing nothing). Template names are
``<kind>/worksheet.html`` and ``<kind>/answer_key.html`` (from ``kinds/``) and the shared ``macros.html``,
``exercise.html`` and ``answer_keys.html`` (from ``core/templates/``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from leadership_handbook.core import formatting

CORE_DIR = Path(__file__).resolve().parent
KINDS_DIR = CORE_DIR.parent / "kinds"

__all__ = [
    "RenderContext",
    "environment",
    "storage_key",
    "former_storage_keys",
    "worksheet_title",
    "render_worksheet",
    "render_answer_key",
]


@dataclass
class RenderContext:
    """What a worksheet needs to know about the page it sits on."""

    links: dict = field(default_factory=dict)  # handbook label -> {"href": relative URL, "title": ...}
    page_title: str = ""  # the exercise page's title in the handbook's index, if the page is there
    # The printed editions, relative to the page ({"workbook": ..., "guide": ...}); empty outside the site.
    editions: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)  # directive options, e.g. {"part": "part-1"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(CORE_DIR / "templates"), FileSystemLoader(KINDS_DIR)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(money=formatting.money, percent=formatting.percent, format2=formatting.format2)
    return env


def storage_key(instrument: dict, part: str | None = None) -> str:
    """The browser storage key of one form, ``lh:<id>[:<part>]:<digest>``: one key per form, so that two parts
    of an instrument on one page never overwrite each other. The digest is of what that form shows (for a part,
    the instrument with only that part), so answers saved against an earlier version are never read into a
    changed one, and a change to one part leaves the other parts' answers alone."""
    shown = {key: value for key, value in instrument.items() if key != "former_shared_key"}  # history, not content
    if part is not None:
        shown["parts"] = [p for p in instrument["parts"] if p["id"] == part]
    digest = hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:10]
    return f"lh:{instrument['id']}:{part}:{digest}" if part else f"lh:{instrument['id']}:{digest}"


def former_storage_keys(instrument: dict, part: str | None = None) -> list[str]:
    """Keys this form's answers may have been saved under before, newest first: for a part, the key every part
    shared until each form had its own (``former_shared_key``: it holds the answers of whichever part was saved
    last), then the instrument's ``former_storage_keys`` (keys from before a rename)."""
    shared = [instrument["former_shared_key"]] if part and instrument.get("former_shared_key") else []
    return shared + list(instrument.get("former_storage_keys", []))


def worksheet_title(instrument: dict, context: RenderContext) -> str:
    """The worksheet's title: its page's (else the instrument's), and the part's for a knowledge check."""
    title = context.page_title or instrument["title"]
    part = next((p for p in instrument.get("parts", []) if p["id"] == context.options.get("part")), None)
    return f"{title}: {part['title']}" if part else title


def _spec_json(instrument: dict, context: RenderContext) -> str:
    spec = {"instrument": instrument, "links": context.links, "options": context.options}
    # "</" would end the <script> element that holds the spec.
    return json.dumps(spec, ensure_ascii=False, allow_nan=False).replace("</", "<\\/")


def render_worksheet(instrument: dict, context: RenderContext | None = None) -> str:
    """The whole exercise block: embedded spec, the form (the printable worksheet), toolbar and results area."""
    from leadership_handbook.kinds import KINDS

    context = context or RenderContext()
    kind = KINDS[instrument["kind"]]
    return (
        environment()
        .get_template("exercise.html")
        .render(
            kind=kind.name,
            instrument=instrument,
            store=storage_key(instrument, context.options.get("part")),
            former_stores=former_storage_keys(instrument, context.options.get("part")),
            title=worksheet_title(instrument, context),
            spec_json=_spec_json(instrument, context),
            worksheet=kind.render_worksheet(instrument, context),
            editions=context.editions,
        )
    )


def render_answer_key(instrument: dict) -> str:
    """The answer key or scoring guide of one instrument, for the facilitators' appendix."""
    from leadership_handbook.kinds import KINDS

    return (
        environment()
        .get_template("answer_keys.html")
        .render(body=KINDS[instrument["kind"]].render_answer_key(instrument))
    )
