"""The exercises' scripts and styles: built once per build, loaded only on the pages that use them.

Each page script is made of pure rules and DOM code kept in separate files (so Node can test the rules
alone), joined here into one file per kind to keep one request per kind: ``lh-core.js`` is the files of
``CORE_SOURCES`` in order (the pure ``formatting.js``, ``errors.js`` and ``bands.js``, then ``storage.js``,
``attempts.js``, ``page.js``, ``undo_bar.js`` and ``attempts_view.js``), and ``lh-<kind>.js`` is the kind's
``rules.js`` + ``form.js``. The checks a file loaded back into an exercise goes through, the group debrief's own
(``group_kinds.js``, ``attempt_checks.js`` for the kinds the group view does not read, ``group.js``), are
``lh-file-check.js``, which the page fetches only when a reader picks a file: its address (with a hash of its
text, so a changed file is fetched afresh) is the ``data-lh-file-check`` of ``lh-core.js``'s tag. The group
debrief's page loads ``lh-group.js`` alone: the pure core files, the rules of the kinds it reads, then
``group_kinds.js``, ``group.js`` and ``group_view.js`` (no storage: it keeps nothing). They are written to
``<outdir>/_lh_static`` and served from ``_static``, as sphinx-design serves its own assets.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from leadership_handbook.kinds import KINDS
from leadership_handbook.sphinx_ext.answer_key import answer_key
from leadership_handbook.sphinx_ext.exercise_form import exercise_form
from leadership_handbook.sphinx_ext.group_debrief import GROUP_KINDS, group_debrief

CORE_DIR = Path(__file__).resolve().parent.parent / "core"
CORE_SCRIPT = "lh-core.js"
CORE_NAMES = (
    "formatting.js",
    "errors.js",
    "bands.js",
    "storage.js",
    "attempts.js",
    "page.js",
    "undo_bar.js",
    "attempts_view.js",
)
CORE_SOURCES = [CORE_DIR / name for name in CORE_NAMES]
# Loaded on demand by attempts_view.js; they read the page's own kind's rules, already loaded (LH.rules).
FILE_CHECK_SCRIPT = "lh-file-check.js"
FILE_CHECK_SOURCES = [CORE_DIR / name for name in ("group_kinds.js", "attempt_checks.js", "group.js")]
GROUP_SCRIPT = "lh-group.js"
GROUP_SOURCES = (
    [CORE_DIR / name for name in ("formatting.js", "errors.js", "bands.js")]
    + [KINDS[kind].folder / "rules.js" for kind in GROUP_KINDS]
    + [CORE_DIR / name for name in ("group_kinds.js", "group.js", "group_view.js")]
)


def page_scripts() -> dict[str, list[Path]]:
    """``{script name in _static: [source files, in order]}``."""
    scripts = {CORE_SCRIPT: CORE_SOURCES, GROUP_SCRIPT: GROUP_SOURCES, FILE_CHECK_SCRIPT: FILE_CHECK_SOURCES}
    scripts.update({kind.script: kind.script_sources for kind in KINDS.values()})
    return scripts


def script_text(sources: list[Path]) -> str:
    """One page script: its source files joined, in order."""
    return "\n".join(source.read_text(encoding="utf-8").rstrip("\n") for source in sources) + "\n"


def file_check_address() -> str:
    """``lh-file-check.js?v=<crc32 of its text>``, relative to ``lh-core.js`` (both are in ``_static``)."""
    return f"{FILE_CHECK_SCRIPT}?v={zlib.crc32(script_text(FILE_CHECK_SOURCES).encode('utf-8')):08x}"


def _write_scripts(app):
    folder = Path(app.outdir) / "_lh_static"
    folder.mkdir(parents=True, exist_ok=True)
    for name, sources in page_scripts().items():
        text = script_text(sources)
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:  # keep mtimes for rebuilds
            target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(folder))


def _add_page_assets(app, pagename, templatename, context, doctree):
    """Load the exercise scripts and styles only on pages that have an exercise block."""
    if doctree is None:
        return
    kinds = {node["instrument"]["kind"] for node in doctree.findall(exercise_form)}
    has_keys = any(True for _ in doctree.findall(answer_key))
    if kinds or has_keys:
        app.add_css_file("lh-exercises.css")
    scripts = [CORE_SCRIPT] + [KINDS[kind].script for kind in sorted(kinds)] if kinds else []
    if any(True for _ in doctree.findall(group_debrief)):
        if not (kinds or has_keys):
            app.add_css_file("lh-exercises.css")
        app.add_css_file("lh-group.css")
        scripts.append(GROUP_SCRIPT)
    for priority, script in enumerate(scripts, start=600):
        extra = {"data-lh-file-check": file_check_address()} if script == CORE_SCRIPT else {}
        app.add_js_file(script, priority=priority, defer="defer", **extra)


def setup_page_assets(app):
    app.connect("builder-inited", _write_scripts)
    app.connect("html-page-context", _add_page_assets)
