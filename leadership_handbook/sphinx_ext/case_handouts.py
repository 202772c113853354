"""The ``handout`` role: a session plan names a case that the participant workbook prints as a one-page handout.

``{handout}`Brackenfield Print <case-brackenfield>``` links to the case in its chapter and says which handout it
is: "Brackenfield Print (workbook handout 2)". A case is marked in its chapter by a label on its section,
``(case-brackenfield)=``, and the part that is its model answer by a label where that part starts,
``(case-brackenfield-answer)=``; the answer runs from there to the end of the case. Handouts are numbered in the
order the page first names them, so the plan is the one place their numbers come from. The printer
(print_pdf.py) reads the numbers, the cases and their chapters from the built page, and in the printed guide adds
the workbook page each handout is on.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

CASE_PREFIX = "case-"  # every case's label starts so, which keeps them apart from the book's other labels
ANSWER_SUFFIX = "-answer"  # the label where a case's model answer starts: "case-brackenfield-answer"


class handout(nodes.Inline, nodes.TextElement):
    """ "(workbook handout 2)", with the case's label, title, number and chapter for the printer."""


class HandoutRole(SphinxRole):
    def run(self):
        has_title, title, label = split_explicit_title(self.text)
        label = label.strip().lower()
        if not has_title or not label.startswith(CASE_PREFIX) or label.endswith(ANSWER_SUFFIX):
            message = (
                f"handout: {self.text!r} should be written `Case title <{CASE_PREFIX}name>`, naming the label on "
                f"the case's section in its chapter (not its {ANSWER_SUFFIX} label)"
            )
            return [], [self.inliner.reporter.error(message, line=self.lineno)]
        link = pending_xref(
            "", nodes.inline(title, title), refdomain="std", reftype="ref", reftarget=label, refexplicit=True
        )
        link["refdoc"], link["refwarn"] = self.env.docname, True
        return [link, nodes.Text(" "), handout("", case=label, title=title)], []


class NumberHandouts(SphinxTransform):
    """Numbers each case in the order the page first names it, and writes the number in."""

    default_priority = 500

    def apply(self):
        numbers: dict[str, int] = {}
        for node in self.document.findall(handout):
            node["number"] = numbers.setdefault(node["case"], len(numbers) + 1)
            node += nodes.Text(f"(workbook handout {node['number']})")


class FindCaseChapters(SphinxPostTransform):
    """Records the chapter each case is in, once every page has been read."""

    default_priority = 5

    def run(self, **kwargs):
        labels = self.env.get_domain("std").anonlabels
        for node in self.document.findall(handout):
            node["doc"] = labels.get(node["case"], ("", ""))[0]  # a missing label is the link's warning


def visit_handout_html(translator, node):
    data = {"data-lh-case": node["case"], "data-lh-handout": str(node["number"])}
    data |= {"data-lh-title": node["title"], "data-lh-doc": node.get("doc", "")}
    translator.body.append(translator.starttag(node, "span", "", CLASS="lh-handout-ref", **data))


def depart_handout_html(translator, node):
    translator.body.append("</span>")


def setup_case_handouts(app):
    app.add_node(handout, html=(visit_handout_html, depart_handout_html))
    app.add_role("handout", HandoutRole())
    app.add_transform(NumberHandouts)
    app.add_post_transform(FindCaseChapters)
