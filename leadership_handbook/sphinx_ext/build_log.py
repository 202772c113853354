"""The build's own warnings, written to a file for leadership_handbook.build to read.

A build that executes notebooks shares its stderr with the notebook kernels it starts, so a kernel's log line
(for example ``ERROR:tornado.general:Uncaught exception in ZMQStream callback`` when a kernel shuts down
under load) lands among Sphinx's warnings. Reading the build's text for "ERROR:" counted such lines as
warnings of the book. This handler records exactly what Sphinx and its extensions log as a warning or error
(the "sphinx" logger namespace), nothing else, into the file named by ``LH_WARNING_LOG``.
"""

from __future__ import annotations

import logging
import os

from docutils.nodes import Node
from sphinx.util.logging import get_node_location

WARNING_LOG = "LH_WARNING_LOG"


class _WarningFile(logging.Handler):
    def __init__(self, path: str, app):
        super().__init__(level=logging.WARNING)
        self.path, self.app = path, app

    def _where(self, location) -> str:
        """The file and line, as Sphinx prints them: a location is a node, a docname or (docname, line)."""
        if isinstance(location, Node):
            return get_node_location(location) or ""
        docname, line = location if isinstance(location, tuple) else (location, None)
        if not docname:
            return ""
        path = self.app.env.doc2path(docname) if self.app.env and docname in self.app.env.all_docs else docname
        return f"{path}:{line}" if line else str(path)

    def emit(self, record):
        where = self._where(getattr(record, "location", None))
        where = f"{where}: " if where else ""
        message = " ".join(record.getMessage().split())
        with open(self.path, "a", encoding="utf-8") as log:
            log.write(f"{where}{record.levelname}: {message}\n")


def setup_build_log(app):
    path = os.environ.get(WARNING_LOG)
    if path:
        logging.getLogger("sphinx").addHandler(_WarningFile(path, app))
