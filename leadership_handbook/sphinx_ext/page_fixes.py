"""Fixes to what the default Jupyter Book 1 stack puts on every page.

- The site has no kernel (no Thebe), so sphinx-thebe's scripts are dropped, and any script the stack emits
  twice is emitted once: this ends the ``THEBE_JS_URL has already been declared`` error on every page.
- The theme logs a console error when no colour mode is set ("Got invalid theme mode"): default to auto.
- Browsers ask for /favicon.ico when a page names no icon: name our own, so no request fails.
"""

from pathlib import Path

FAVICON = Path(__file__).resolve().parent.parent / "static" / "lh-favicon.svg"

THEBE_MARKERS = ("THEBE_JS_URL", "sphinx-thebe.js", "thebe@")


def _script_key(script):
    filename = getattr(script, "filename", script)
    attributes = getattr(script, "attributes", {}) or {}
    return (filename, attributes.get("body", ""))


def _is_thebe(script):
    filename, body = _script_key(script)
    return any(marker in (filename or "") or marker in body for marker in THEBE_MARKERS)


def clean_script_files(script_files):
    """Return the page's scripts without Thebe's and without repeats, in their original order."""
    seen, kept = set(), []
    for script in script_files:
        key = _script_key(script)
        if key in seen or _is_thebe(script):
            continue
        seen.add(key)
        kept.append(script)
    return kept


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if "script_files" in context:
        context["script_files"][:] = clean_script_files(context["script_files"])


def _on_config_inited(app, config):
    config.html_context.setdefault("default_mode", "auto")
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)


def setup_page_fixes(app):
    app.connect("config-inited", _on_config_inited)
    # Run after the themes and extensions that add scripts to the context.
    app.connect("html-page-context", _on_html_page_context, priority=900)
