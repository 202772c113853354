"""The visible sidebar toggles work on every page (see static/lh-sidebar-toggles.js for why and until when)."""

SCRIPT = "lh-sidebar-toggles.js"


def _add_script(app, pagename, templatename, context, doctree):
    app.add_js_file(SCRIPT, defer="defer")


def setup_sidebar_toggles(app):
    app.connect("html-page-context", _add_script)
