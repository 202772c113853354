"""Ship only the CSS a page can use: the theme's stylesheets purged against the built site (PurgeCSS, through
Node), so that a page no longer blocks on 400 KB of rules it never uses. build.py runs it after every HTML build.

usage: python -m leadership_handbook.purge_css HTML_DIR   (prints each stylesheet's size before and after)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().with_name("purge_css.mjs")
# The stylesheets that come with the theme and the extensions, written for every site that could use them. Ours
# (lh-*.css) are written for the pages that use them and are left whole.
PURGED = (
    "_static/styles/pydata-sphinx-theme.css",
    "_static/styles/sphinx-book-theme.css",
    "_static/sphinx-design.min.css",
    "_static/basic.css",
    "_static/pygments.css",
    "_static/togglebutton.css",
    "_static/copybutton.css",
    "_static/sphinx-thebe.css",
    "_static/lh-icons.css",
)


class PurgeError(RuntimeError):
    pass


def stylesheets(html_dir: Path) -> list[str]:
    """The purged stylesheets this site has (MyST-NB's carries a content hash in its name)."""
    found = [name for name in PURGED if (html_dir / name).exists()]
    found += sorted(p.relative_to(html_dir).as_posix() for p in (html_dir / "_static").glob("mystnb.*.css"))
    return found


def originals_dir(html_dir: Path) -> Path:
    """Where the stylesheets are kept as they were before the purge, beside the site (never published): the
    pixel comparison puts them back to show that the purge changes nothing a reader sees."""
    return Path(html_dir).resolve().parent / "css-before-purge"


def purge_css(html_dir: Path) -> list[dict]:
    """Rewrite the site's theme stylesheets in place with only the rules its pages and scripts can use."""
    html_dir = Path(html_dir).resolve()
    node = shutil.which("node")
    if node is None:
        raise PurgeError("Node.js is needed to purge the theme's CSS: run `make node` (Debian's nodejs and npm)")
    if not (ROOT / "node_modules" / "purgecss").is_dir():
        raise PurgeError("PurgeCSS is not installed: run `make node_modules` (npm ci, from package-lock.json)")
    sheets = stylesheets(html_dir)
    kept = originals_dir(html_dir)
    for sheet in sheets:
        keep_original(html_dir / sheet, kept / sheet)
    completed = subprocess.run([node, str(SCRIPT), str(html_dir), *sheets], capture_output=True, text=True, cwd=ROOT)
    if completed.returncode != 0:
        raise PurgeError(f"PurgeCSS failed on {html_dir}:\n{completed.stderr.strip()}")
    for sheet in sheets:
        _fingerprint(kept / sheet).write_text(_digest(html_dir / sheet), encoding="utf-8")
    return json.loads(completed.stdout)


def keep_original(sheet: Path, original: Path) -> None:
    """Before a purge, the stylesheet as the theme ships it: an incremental build recopies only some of them, so
    a sheet that is still our last purge's output is put back from the original kept beside the site."""
    fingerprint = _fingerprint(original)
    if original.exists() and fingerprint.exists() and fingerprint.read_text(encoding="utf-8") == _digest(sheet):
        shutil.copyfile(original, sheet)
        return
    original.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sheet, original)


def _fingerprint(original: Path) -> Path:
    return original.with_name(original.name + ".purged-sha256")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for sheet in purge_css(Path(args[0] if args else "_build/html")):
        print(f"{sheet['file']}: {sheet['before'] / 1024:.1f} KB -> {sheet['after'] / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
