"""Fewer script requests a page: each run of deferred scripts a page loads one after another becomes one file.

A deferred script runs in document order once the page is parsed, so a run of them with nothing between can be one
file that holds them in that order: the same code runs in the same order, and a slow connection makes one request
in place of five. The files are shared by every page that loads the same run, so they are cached across pages.
build.py runs this after minify_js.py. Only runs of strict-mode scripts are joined (a file's "use strict" holds
only at the top of a file, so a sloppy script must not share a file with a strict one); Sphinx's
documentation_options.js, which is not, stays on its own.

The exercises' scripts (a run holding lh-core.js: the forms are in the page's HTML and work without them until
they start) are fetched only once the page has loaded, by the small static/lh-after-load.js, so the page's text
paints first: on a slow phone that is what decides when the page looks ready.

usage: python -m leadership_handbook.script_bundles HTML_DIR   (prints each bundle and the scripts it joins)
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path

from leadership_handbook.purge_css import ATTRIBUTE, KEPT_URLS, PurgeError, originals_dir, read_manifest
from leadership_handbook.sphinx_ext.page_assets import CORE_SCRIPT

SCRIPT_BUNDLE_PREFIX = "_static/lh-scripts-"
AFTER_LOAD_SCRIPTS = "_static/" + CORE_SCRIPT  # a bundle holding it is fetched after the page's load event
AFTER_LOAD_LOADER = "_static/lh-after-load.js"
LOADER_LINK = re.compile(re.escape(AFTER_LOAD_LOADER.rsplit("/", 1)[1]) + r"\?v=[0-9a-f]+")
# A deferred script file with no body, alone on its line.
SCRIPT_LINE = re.compile(r'[ \t]*<script\b(?=[^>]*\bdefer\b)(?=[^>]*\bsrc=")[^>]*></script>[ \t]*\n?')
# Strict from its first statement: a "use strict" directive, or one function expression whose body starts with it.
STRICT = re.compile(
    r"""\A\s*(?:/\*.*?\*/\s*)*"""  # licence comments
    r"""(?:["']use strict["']|\(\s*(?:function\s*\([^)]*\)|\([^)]*\)\s*=>)\s*\{\s*["']use strict["'])""",
    re.S,
)


class ScriptTag:
    def __init__(self, tag: str, page: Path, html_dir: Path):
        self.tag = tag
        self.attributes = dict(ATTRIBUTE.findall(tag))
        src = self.attributes.get("src", "")
        self.file = None
        if not src.startswith(KEPT_URLS) and set(self.attributes) - {"src", "defer"} <= _carried(self.attributes):
            path = Path(os.path.normpath(page.parent / src.split("?")[0]))
            if path.is_file() and html_dir in path.parents:
                self.file = path.relative_to(html_dir).as_posix()


def _carried(attributes: dict) -> set[str]:
    """Attributes a bundle's tag can carry for one of its scripts: data-* (a script reads its own tag's data)."""
    return {name for name in attributes if name.startswith("data-")}


def _runs(text: str, page: Path, html_dir: Path) -> list[list[ScriptTag]]:
    """Each run of two or more adjacent deferred local strict scripts in the page, as their tags."""
    runs, current, end = [], [], None
    for match in SCRIPT_LINE.finditer(text):
        tag = ScriptTag(match.group(0), page, html_dir)
        joinable = tag.file not in (None, AFTER_LOAD_LOADER)
        joinable = joinable and STRICT.match((html_dir / tag.file).read_text(encoding="utf-8"))
        if current and (match.start() != end or not joinable):
            runs.append(current)
            current = []
        if joinable:
            current.append(tag)
        end = match.end()
    runs.append(current)
    return [run for run in runs if len(run) > 1 and _carried_once(run)]


def _carried_once(run: list[ScriptTag]) -> bool:
    names = [name for tag in run for name in _carried(tag.attributes)]
    return len(names) == len(set(names))


def bundle_manifest(html_dir: Path) -> Path:
    """Which scripts each bundle joins, kept beside the site: a page an incremental build did not rewrite still
    links its bundle, which is rebuilt from the newly copied scripts."""
    return originals_dir(html_dir) / "script-bundles.json"


BUNDLED = re.compile(re.escape(SCRIPT_BUNDLE_PREFIX.rsplit("/", 1)[1]) + r"([0-9a-f]{12})\.js\?v=[0-9a-f]+")


def bundle_scripts(html_dir: Path) -> dict[str, list[str]]:
    """Replace each run of deferred scripts on every page by one file; returns {bundle: the scripts it joins}."""
    from leadership_handbook.site_check import html_pages

    html_dir = Path(html_dir).resolve()
    manifest_path = bundle_manifest(html_dir)
    manifest = read_manifest(manifest_path)
    pages = {}
    for page in html_pages(html_dir):
        text = page.read_text(encoding="utf-8")
        runs = _runs(text, page, html_dir)
        for run in runs:
            manifest[_bundle_name(run)] = [tag.file for tag in run]
        if runs or BUNDLED.search(text):
            pages[page] = (text, runs)
    versions = {}
    for name, files in manifest.items():
        if all((html_dir / file).is_file() for file in files):
            joined = "\n;".join((html_dir / file).read_text(encoding="utf-8").strip() for file in files)
            (html_dir / name).write_text('"use strict";\n' + joined + "\n", encoding="utf-8")
            versions[name] = _digest((html_dir / name).read_bytes())[:8]
    loader_file = html_dir / AFTER_LOAD_LOADER
    loader = loader_file.is_file() and f"{loader_file.name}?v={_digest(loader_file.read_bytes())[:8]}"
    for page, (text, runs) in pages.items():
        for run in runs:
            name = _bundle_name(run)
            src = name
            data = "".join(f' {k}="{v}"' for tag in run for k, v in tag.attributes.items() if k.startswith("data-"))
            if AFTER_LOAD_SCRIPTS in (tag.file for tag in run):
                if not loader:
                    raise PurgeError(f"{page}: its exercises' scripts need {AFTER_LOAD_LOADER}, not in the site")
                # Relative to the loader, which is beside the bundle in _static.
                data += f' data-lh-after-load="{name.rsplit("/", 1)[1]}?v=0"'
                src = AFTER_LOAD_LOADER
            href = os.path.relpath(html_dir / src, page.parent).replace(os.sep, "/") + "?v=0"
            indent = run[0].tag[: len(run[0].tag) - len(run[0].tag.lstrip(" \t"))]
            text = text.replace(run[0].tag, f'{indent}<script{data} defer="defer" src="{href}"></script>\n', 1)
            for tag in run[1:]:
                text = text.replace(tag.tag, "", 1)
        text = LOADER_LINK.sub(loader, text) if loader else text
        text = BUNDLED.sub(functools.partial(_current, page, versions), text)
        page.write_text(text, encoding="utf-8")
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return {name: manifest[name] for name in sorted(versions)}


def _bundle_name(run: list[ScriptTag]) -> str:
    return SCRIPT_BUNDLE_PREFIX + _digest("\n".join(tag.file for tag in run).encode())[:12] + ".js"


def _current(page: Path, versions: dict, match) -> str:
    """A bundle's link with the version of the file just written (a page an incremental build kept has an old one)."""
    name = SCRIPT_BUNDLE_PREFIX + match.group(1) + ".js"
    if name not in versions:
        raise PurgeError(f"{page}: links {name}, whose scripts are gone: rebuild with --clean")
    return f"{name.rsplit('/', 1)[1]}?v={versions[name]}"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for name, files in bundle_scripts(Path(args[0] if args else "_build/html")).items():
        print(f"{name}: {', '.join(files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
