"""The ``group-debrief`` directive: a facilitator's view of the room's results, built from the answer files
participants downloaded from the exercise pages. The files are read in the browser and never leave it.

    ```{group-debrief}
    ```
    ```{group-debrief} future_proof knowledge_checks
    ```

With no argument it reads every instrument of a kind the group view knows (``GROUP_KINDS``). The instruments
are embedded as JSON in a ``<script type="application/json">`` (data, never run), so the page re-checks and
re-scores every file with the kind's own rules; the page's script is ``lh-group.js`` (``page_assets``).
"""

from __future__ import annotations

import json

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from leadership_handbook.core.instruments import list_instruments, load
from leadership_handbook.core.templates import environment
from leadership_handbook.sphinx_ext.exercise_form import SKIP_OTHER_BUILDERS, load_for_directive

# The kinds core/group_kinds.js summarises; a new kind is added there, here and in page_assets.GROUP_SOURCES.
GROUP_KINDS = ("self_assessment", "programme_audit", "knowledge_check", "workshop_evaluation")
DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3


class group_debrief(nodes.General, nodes.Element):
    """Holds the instruments the view reads; rendered to HTML at write time."""


def group_instruments() -> list[str]:
    """Every instrument file whose kind the group view knows, by file name."""
    names = []
    for name in list_instruments():
        try:
            kind = load(name).get("kind")
        except Exception:  # another file's problem is reported by its own directive, not here
            continue
        if kind in GROUP_KINDS:
            names.append(name)
    return names


class GroupDebriefDirective(SphinxDirective):
    optional_arguments = 20

    def run(self):
        names = self.arguments or group_instruments()
        instruments = {}
        for name in names:
            instrument = load_for_directive(self, name)
            if instrument["kind"] not in GROUP_KINDS:
                raise self.error(
                    f"group-debrief {name!r} is a {instrument['kind']} exercise; allowed: instruments of the kinds "
                    + ", ".join(GROUP_KINDS)
                )
            instruments[instrument["id"]] = instrument
        node = group_debrief(instruments=instruments)
        self.set_source_info(node)
        return [node]


def spec_json(instruments: dict) -> str:
    spec = {"instruments": instruments}
    # "</" would end the <script> element that holds the spec.
    return json.dumps(spec, ensure_ascii=False, allow_nan=False, sort_keys=True).replace("</", "<\\/")


def render_group_debrief(instruments: dict) -> str:
    titles = "; ".join(i["title"] for i in instruments.values())
    titles += "" if titles.endswith((".", "?", "!")) else "."
    return (
        environment()
        .get_template("group_debrief.html")
        .render(
            spec_json=spec_json(instruments),
            titles=titles,
            min_threshold=MIN_THRESHOLD,
            default_threshold=DEFAULT_THRESHOLD,
        )
    )


def visit_group_debrief_html(self, node):
    self.body.append(render_group_debrief(node["instruments"]))
    raise nodes.SkipNode


def setup_group_debrief(app):
    app.add_node(group_debrief, html=(visit_group_debrief_html, None), **SKIP_OTHER_BUILDERS)
    app.add_directive("group-debrief", GroupDebriefDirective)
