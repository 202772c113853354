"""Notebook charts load only when a reader scrolls to them (or opens the section that holds them): they are the
heaviest files of an exercise page, and none of them is what a reader sees first."""

from docutils import nodes
from sphinx.transforms import SphinxTransform


class LazyNotebookImages(SphinxTransform):
    default_priority = 900  # after MyST-NB has turned the cells' outputs into image nodes

    def apply(self):
        for image in self.document.findall(nodes.image):
            if any("cell_output" in parent["classes"] for parent in _parents(image)):
                image["loading"] = "lazy"  # docutils writes loading="lazy" on the <img>


def _parents(node):
    """The elements that hold ``node``, innermost first."""
    while isinstance(node.parent, nodes.Element):
        node = node.parent
        yield node


def setup_lazy_images(app):
    app.add_post_transform(LazyNotebookImages)
