"""The ``exercise-form`` directive: an exercise that works in the page, built from an instrument file.

    ```{exercise-form} future_proof
    ```
    ```{exercise-form} knowledge_checks
    :part: part-1
    ```

The block is the printable worksheet (and what a reader sees without JavaScript); the page's scripts,
added only to pages that hold such a block (``page_assets``), score it in the browser.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from leadership_handbook.core.instruments import InstrumentError, instrument_path, load, load_handbook_index
from leadership_handbook.core.templates import RenderContext, render_worksheet

TEMPLATES = Path(__file__).resolve().parent.parent / "core" / "templates"  # exercise.html, macros.html, ...

logger = logging.getLogger(__name__)


class exercise_form(nodes.General, nodes.Element):
    """Holds the instrument; rendered to HTML at write time, when page-relative links are known."""


def load_for_directive(directive: SphinxDirective, name: str) -> dict:
    """The instrument a directive names; its file becomes a dependency of the page, since Sphinx would not
    otherwise rebuild the page when only the YAML changes."""
    try:
        instrument = load(name)
    except (InstrumentError, FileNotFoundError, ValueError) as error:
        raise directive.error(f"{directive.name} {name!r}: {error}") from error
    directive.env.note_dependency(str(instrument_path(name)))
    # The page is made from templates too: a change to one rebuilds the page (in `make serve` as well).
    from leadership_handbook.kinds import KINDS

    folder = KINDS[instrument["kind"]].folder
    for template in (folder / "worksheet.html", folder / "answer_key.html", *TEMPLATES.glob("*.html")):
        directive.env.note_dependency(str(template))
    return instrument


class ExerciseFormDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"part": directives.unchanged}

    def run(self):
        instrument = load_for_directive(self, self.arguments[0])
        parts = [p["id"] for p in instrument.get("parts", [])]
        part = self.options.get("part")
        if parts and part not in parts:
            raise self.error(
                f"exercise-form {self.arguments[0]!r}: part {part!r} does not exist; allowed: {', '.join(parts)}"
            )
        if part and not parts:
            raise self.error(f"exercise-form {self.arguments[0]!r} has no parts; remove the :part: option")
        node = exercise_form(instrument=instrument, options=dict(self.options))
        self.set_source_info(node)
        return [node]


def visit_exercise_form_html(self, node):
    docname = self.builder.current_docname
    sections = load_handbook_index()["sections"]
    links = {
        s["label"]: {"href": self.builder.get_relative_uri(docname, s["doc"]), "title": s["title"]} for s in sections
    }
    titles = {s["doc"]: s["title"] for s in sections}
    up = "../" * docname.count("/")  # the PDFs sit in pdf/ at the site's root (`make book`, the publish job)
    editions = {"workbook": f"{up}pdf/participant-workbook.pdf", "guide": f"{up}pdf/facilitator-guide.pdf"}
    context = RenderContext(links=links, options=node["options"], page_title=titles.get(docname, ""), editions=editions)
    self.body.append(render_worksheet(node["instrument"], context))
    raise nodes.SkipNode


def skip_node(self, node):
    raise nodes.SkipNode


SKIP_OTHER_BUILDERS = {b: (skip_node, None) for b in ("latex", "text", "man", "texinfo")}


def setup_exercise_form(app):
    app.add_node(exercise_form, html=(visit_exercise_form_html, None), **SKIP_OTHER_BUILDERS)
    app.add_directive("exercise-form", ExerciseFormDirective)
