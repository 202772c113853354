"""The ``exercise-form`` directive: an exercise that works in the page, built from an instrument file.

    ```{exercise-form} future_proof
    ```
    ```{exercise-form} knowledge_checks
    :part: part-1
    ```

The block is the printable worksheet (and what a reader sees without JavaScript); the page's scripts,
added only to pages that hold such a block, score it in the browser.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from leadership_handbook.instruments import InstrumentError, load_handbook_index, load_instrument
from leadership_handbook.worksheets import RenderContext, render_worksheet, scripts_for

INSTRUMENTS_DIR = Path(__file__).resolve().parent.parent / "instruments"
logger = logging.getLogger(__name__)


class exercise_form(nodes.General, nodes.Element):
    """Holds the instrument; rendered to HTML at write time, when page-relative links are known."""


class answer_key(nodes.General, nodes.Element):
    """An answer key or scoring guide for facilitators, rendered from an instrument file."""


class ExerciseFormDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"part": directives.unchanged}

    def run(self):
        name = self.arguments[0]
        try:
            instrument = load_instrument(name)
        except (InstrumentError, FileNotFoundError, ValueError) as error:
            raise self.error(f"exercise-form {name!r}: {error}") from error
        self.env.note_dependency(str(INSTRUMENTS_DIR / f"{name.replace('-', '_')}.yml"))  # rebuild on edit
        node = exercise_form(instrument=instrument, options=dict(self.options))
        self.set_source_info(node)
        return [node]


class AnswerKeyDirective(ExerciseFormDirective):
    """```{answer-key} future_proof``` : the scoring guide or answer key of one instrument."""

    option_spec = {}

    def run(self):
        (node,) = super().run()
        key = answer_key(instrument=node["instrument"])
        self.set_source_info(key)
        return [key]


def visit_answer_key_html(self, node):
    from leadership_handbook.worksheets.answer_keys import render_answer_key

    self.body.append(render_answer_key(node["instrument"]))
    raise nodes.SkipNode


def _links_from(builder, docname):
    return {section["label"]: {"href": builder.get_relative_uri(docname, section["doc"]), "title": section["title"]}
            for section in load_handbook_index()["sections"]}


def visit_exercise_form_html(self, node):
    builder = self.builder
    docname = builder.current_docname
    titles = {s["doc"]: s["title"] for s in load_handbook_index()["sections"]}
    context = RenderContext(links=_links_from(builder, docname), options=node["options"],
                            page_title=titles.get(docname, ""))
    try:
        self.body.append(render_worksheet(node["instrument"], context))
    except ValueError as error:
        logger.warning(f"exercise-form: {error}", location=node)
    raise nodes.SkipNode


def skip_node(self, node):
    raise nodes.SkipNode


def _add_page_assets(app, pagename, templatename, context, doctree):
    """Load the exercise scripts and styles only on pages that have an exercise block."""
    if doctree is None:
        return
    kinds = {node["instrument"]["kind"] for node in doctree.findall(exercise_form)}
    has_keys = any(True for _ in doctree.findall(answer_key))
    if kinds or has_keys:
        app.add_css_file("lh-exercises.css")
    scripts = []
    for kind in sorted(kinds):
        scripts += [s for s in scripts_for(kind) if s not in scripts]
    for priority, script in enumerate(scripts, start=600):
        app.add_js_file(script, priority=priority, defer="defer")


def setup_exercise_forms(app):
    app.add_node(exercise_form, html=(visit_exercise_form_html, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_directive("exercise-form", ExerciseFormDirective)
    app.add_node(answer_key, html=(visit_answer_key_html, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_directive("answer-key", AnswerKeyDirective)
    app.connect("html-page-context", _add_page_assets)
