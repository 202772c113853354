"""The ``answer-key`` directive: the scoring guide or answer key of one instrument, for facilitators.

    ```{answer-key} future_proof
    ```

Built from the same instrument file and rules as the exercise, so a key cannot disagree with the scoring.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from leadership_handbook.core.templates import render_answer_key
from leadership_handbook.sphinx_ext.exercise_form import SKIP_OTHER_BUILDERS, load_for_directive


class answer_key(nodes.General, nodes.Element):
    """An answer key or scoring guide, rendered from an instrument file."""


class AnswerKeyDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        node = answer_key(instrument=load_for_directive(self, self.arguments[0]))
        self.set_source_info(node)
        return [node]


def visit_answer_key_html(self, node):
    self.body.append(render_answer_key(node["instrument"]))
    raise nodes.SkipNode


def setup_answer_key(app):
    app.add_node(answer_key, html=(visit_answer_key_html, None), **SKIP_OTHER_BUILDERS)
    app.add_directive("answer-key", AnswerKeyDirective)
