"""Minify what the site's pages load of ours: the handbook's scripts (``_static/lh-*.js``), Sphinx's small page
scripts and the stylesheet bundles (purge_css.bundle_css), with esbuild through Node. build.py runs it after the
purge; the sources in the package stay as they are written, and the live preview serves them unminified.

usage: python -m leadership_handbook.minify_js HTML_DIR   (prints each file's size before and after)
"""

from __future__ import annotations

import sys
from pathlib import Path

from leadership_handbook.purge_css import BUNDLE_PREFIX, run_node_tool
from leadership_handbook.script_bundles import SCRIPT_BUNDLE_PREFIX

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().with_name("minify_js.mjs")
# Sphinx's scripts on every page and the search page's, shipped readable; the theme's own (under _static/scripts/)
# are minified already.
SPHINX_SCRIPTS = (
    "_static/documentation_options.js",
    "_static/doctools.js",
    "_static/sphinx_highlight.js",
    "_static/searchtools.js",
    "_static/language_data.js",
)


def minified_files(html_dir: Path) -> list[str]:
    """What is minified, relative to ``html_dir``."""
    static = Path(html_dir) / "_static"
    bundled = Path(SCRIPT_BUNDLE_PREFIX).name
    ours = [p for p in static.glob("lh-*.js") if not p.name.startswith(bundled)]  # bundles join minified files
    names = sorted(p.relative_to(html_dir).as_posix() for p in ours)
    names += [name for name in SPHINX_SCRIPTS if (Path(html_dir) / name).is_file()]
    names += sorted(p.relative_to(html_dir).as_posix() for p in static.glob(Path(BUNDLE_PREFIX).name + "*.css"))
    return names


def minify(html_dir: Path) -> list[dict]:
    """Rewrite the site's own scripts and bundles minified; returns each file's size before and after."""
    html_dir = Path(html_dir).resolve()
    return run_node_tool(SCRIPT, "esbuild", "minify the site's scripts", html_dir, minified_files(html_dir))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for file in minify(Path(args[0] if args else "_build/html")):
        print(f"{file['file']}: {file['before'] / 1024:.1f} KB -> {file['after'] / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
