"""The exercise kinds: one folder each, the same files in every folder, the same name everywhere.

A kind's folder name is its YAML ``kind``, its page script ``lh-<kind>.js``, its ``data-lh-kind`` and the
name in its tests. Each folder holds (see CONTRIBUTING.md, "Adding a kind of exercise"):

- ``schema.json``: the JSON Schema of its instrument files (sharing ``core/common.schema.json``);
- ``checks.py``: ``check(data, problems)``, what the schema cannot express;
- its instrument file(s), ``<name>.yml``;
- ``rules.py`` and ``rules.js``: the same pure rules in Python and in JavaScript;
- ``cases.py`` and ``cases.json``: the shared cases both rules must pass;
- ``page.py``: the values its templates need (``worksheet_context``, ``answer_key_context``);
- ``worksheet.html`` and ``answer_key.html``: Jinja2 templates;
- ``form.js``: the page script (DOM only: read, write, render);
- ``report.py``: Markdown tables and charts for its notebook.

The registry below is built from the folders: a folder with a ``schema.json`` is a kind.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

KINDS_DIR = Path(__file__).resolve().parent

__all__ = ["KINDS", "Kind"]


@dataclass(frozen=True)
class Kind:
    name: str

    @property
    def folder(self) -> Path:
        return KINDS_DIR / self.name

    def module(self, name: str):
        return importlib.import_module(f"leadership_handbook.kinds.{self.name}.{name}")

    @property
    def check(self):
        """``check(data, problems)``: the instrument checks a schema cannot express."""
        return self.module("checks").check

    @property
    def script(self) -> str:
        """The page script's name in ``_static``: this kind's ``rules.js`` and ``form.js`` as one file."""
        return f"lh-{self.name}.js"

    @property
    def script_sources(self) -> list[Path]:
        return [self.folder / "rules.js", self.folder / "form.js"]

    def render_worksheet(self, instrument: dict, context) -> str:
        from leadership_handbook.core.templates import environment

        values = self.module("page").worksheet_context(instrument, context)
        return Markup(
            environment()
            .get_template(f"{self.name}/worksheet.html")
            .render(instrument=instrument, options=context.options, **values)
        )

    def render_answer_key(self, instrument: dict) -> str:
        from leadership_handbook.core.templates import environment

        values = self.module("page").answer_key_context(instrument)
        return Markup(
            environment().get_template(f"{self.name}/answer_key.html").render(instrument=instrument, **values)
        )


KINDS: dict[str, Kind] = {p.name: Kind(p.name) for p in sorted(KINDS_DIR.iterdir()) if (p / "schema.json").is_file()}
