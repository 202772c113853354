"""Ship only the CSS a page can use: the theme's stylesheets purged against the built site (PurgeCSS, through
Node), so that a page no longer blocks on 400 KB of rules it never uses. build.py runs it after every HTML build.

Then each page gets ONE stylesheet in place of the six to nine it links (bundle_css): the purged sheets it names,
joined in its order, one file for all the pages that name the same sheets, so a page waits for one request.

usage: python -m leadership_handbook.purge_css HTML_DIR   (prints each stylesheet's size before and after)
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
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


def run_node_tool(script: Path, package: str, purpose: str, html_dir: Path, files: list[str]):
    """Run one of our Node scripts (PurgeCSS, esbuild) over ``files`` of the site; its JSON report, or PurgeError
    saying what to install or what failed."""
    node = shutil.which("node")
    if node is None:
        raise PurgeError(f"Node.js is needed to {purpose}: run `make node` (Debian's nodejs and npm)")
    if not (ROOT / "node_modules" / package).is_dir():
        raise PurgeError(f"{package} is not installed: run `make node_modules` (npm ci, from package-lock.json)")
    completed = subprocess.run([node, str(script), str(html_dir), *files], capture_output=True, text=True, cwd=ROOT)
    if completed.returncode != 0:
        raise PurgeError(f"{package} failed on {html_dir}:\n{completed.stderr.strip()}")
    return json.loads(completed.stdout)


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
    sheets = stylesheets(html_dir)
    kept = originals_dir(html_dir)
    for sheet in sheets:
        keep_original(html_dir / sheet, kept / sheet)
    scripts = loaded_scripts(html_dir)
    keep = {"scripts": scripts, "variables": sorted(variables_in_use(html_dir, scripts, sheets))}
    options = originals_dir(html_dir) / "purge-options.json"
    options.write_text(json.dumps(keep, indent=1), encoding="utf-8")
    report = run_node_tool(SCRIPT, "purgecss", "purge the theme's CSS", html_dir, [str(options), *sheets])
    for sheet in sheets:
        _fingerprint(kept / sheet).write_text(_digest(html_dir / sheet), encoding="utf-8")
    return report


SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
JS_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]+\.js)(?:\?[^"]*)?"')
CUSTOM_PROPERTY_USE = re.compile(r"""var\(\s*(--[\w-]+)|["'](--[\w-]+)["']""")


def loaded_scripts(html_dir: Path) -> list[str]:
    """The scripts the site's pages load (their <script src>, and a script a tag names to load on demand, such as
    lh-core.js's data-lh-file-check): the classes scripts add are among their words, and words in scripts no page
    loads (the theme's bootstrap.js and fontawesome.js, 1.5 MB between them) would keep rules no page can use."""
    from leadership_handbook.site_check import html_pages

    found = set()
    for page in html_pages(html_dir):
        for tag in SCRIPT_TAG.findall(page.read_text(encoding="utf-8")):
            attributes = dict(JS_ATTRIBUTE.findall(tag))
            src = attributes.pop("src", None)
            if src is None or src.startswith(KEPT_URLS):
                continue
            script = Path(os.path.normpath(page.parent / src))
            found |= {script} | {Path(os.path.normpath(script.parent / other)) for other in attributes.values()}
    return sorted(p.relative_to(html_dir).as_posix() for p in found if p.is_file() and html_dir in p.parents)


def variables_in_use(html_dir: Path, scripts: list[str], purged: list[str]) -> set[str]:
    """Custom properties that CSS outside the purge (our lh-*.css, the print sheet), a page or a script reads or
    sets: PurgeCSS sees only the sheets it purges, so it would drop a theme colour only our sheets use."""
    from leadership_handbook.site_check import html_pages

    purged = set(purged)
    others = [p for p in (html_dir / "_static").rglob("*.css") if p.relative_to(html_dir).as_posix() not in purged]
    texts = [p.read_text(encoding="utf-8") for p in others if not p.name.startswith(Path(BUNDLE_PREFIX).name)]
    texts += [(html_dir / script).read_text(encoding="utf-8") for script in scripts]
    texts += [page.read_text(encoding="utf-8") for page in html_pages(html_dir)]
    return {a or b for text in texts for a, b in CUSTOM_PROPERTY_USE.findall(text)}


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


# ---------------------------------------------------------------------------------------------- bundles

BUNDLE_PREFIX = "_static/lh-bundle-"
LINK = re.compile(r"<link\b[^>]*>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s]+)["']?\s*\)?\s*;""")
URL = re.compile(r"""url\(\s*("[^"]*"|'[^']*'|[^)'"\s]+)\s*\)""")
CHARSET = re.compile(r"""@charset\s+["'][^"']*["']\s*;""")
KEPT_URLS = ("data:", "http:", "https:", "//", "/", "#")


def bundle_manifest(html_dir: Path) -> Path:
    """Which sheets each bundle joins, kept beside the site: a page an incremental build did not rewrite still
    links its bundle, which is rebuilt from the newly purged sheets."""
    return originals_dir(html_dir) / "bundles.json"


def _screen_sheets(page_html: str, page: Path, html_dir: Path) -> list[tuple[str, str]]:
    """(link tag, sheet path in the site) for each of the head's own stylesheets that applies to the screen."""
    head = page_html[: page_html.find("</head>")]
    found = []
    for tag in LINK.findall(head):
        attributes = dict(ATTRIBUTE.findall(tag))
        href = attributes.get("href", "")
        if attributes.get("rel") != "stylesheet" or attributes.get("media", "all") not in ("all", "screen"):
            continue
        if href.startswith(KEPT_URLS):
            continue
        sheet = Path(os.path.normpath(page.parent / href.split("?")[0].split("#")[0]))
        if sheet.is_file() and html_dir in sheet.parents:
            found.append((tag, sheet.relative_to(html_dir).as_posix()))
    return found


def _relative_url(url: str, sheet_dir: str, bundle_dir: str) -> str:
    return os.path.relpath(os.path.normpath(os.path.join(sheet_dir, url)), bundle_dir).replace(os.sep, "/")


def joined_css(html_dir: Path, sheets: list[str], bundle_dir: str = "_static") -> str:
    """The sheets as one stylesheet in ``bundle_dir``: each @import put in its place, every url() rewritten."""

    def read(sheet: str, seen: tuple[str, ...]) -> str:
        if sheet in seen:
            raise PurgeError(f"{sheet} imports itself (through {' -> '.join(seen)})")
        text = CHARSET.sub("", (html_dir / sheet).read_text(encoding="utf-8")).lstrip()
        if text.startswith("/*") and not text.startswith("/*!"):
            text = "/*!" + text[2:]  # a sheet's opening comment (its credit, such as the icons') outlives minifying
        folder = posixpath.dirname(sheet)

        def rewrite(match):
            url = match.group(1).strip("\"'")
            return match.group(0) if url.startswith(KEPT_URLS) else f'url("{_relative_url(url, folder, bundle_dir)}")'

        def inline(match):
            imported = os.path.normpath(os.path.join(folder, match.group(1))).replace(os.sep, "/")
            return read(imported, (*seen, sheet))

        # url()s are rewritten in this sheet's own text only: an imported sheet's are relative to its own folder.
        pieces, at = [], 0
        for match in IMPORT.finditer(text):
            pieces += [URL.sub(rewrite, text[at : match.start()]), inline(match)]
            at = match.end()
        return "".join([*pieces, URL.sub(rewrite, text[at:])])

    return "\n".join(read(sheet, ()) for sheet in sheets)


def read_manifest(path: Path) -> dict:
    """A bundle manifest an earlier build left beside the site, or none."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def bundle_css(html_dir: Path) -> list[str]:
    """Give every page one stylesheet: the bundle of the sheets it links, in their order (print sheets and other
    sites' stay as they are). Returns the bundles written, relative to ``html_dir``."""
    from leadership_handbook.site_check import html_pages

    html_dir = Path(html_dir).resolve()
    manifest_path = bundle_manifest(html_dir)
    manifest = read_manifest(manifest_path)
    pages = {}
    for page in html_pages(html_dir):
        text = page.read_text(encoding="utf-8")
        links = _screen_sheets(text, page, html_dir)
        own = [sheet for _, sheet in links if not sheet.startswith(BUNDLE_PREFIX)]
        if len(own) < 2 or len(own) != len(links):
            if links and all(sheet.startswith(BUNDLE_PREFIX) for _, sheet in links):
                pages[page] = (text, links, None)  # bundled by an earlier build: its link is refreshed below
            continue
        name = BUNDLE_PREFIX + hashlib.sha256("\n".join(own).encode()).hexdigest()[:12] + ".css"
        manifest[name] = own
        pages[page] = (text, links, name)
    versions = {}
    for name, sheets in manifest.items():
        if all((html_dir / sheet).is_file() for sheet in sheets):
            (html_dir / name).write_text(joined_css(html_dir, sheets), encoding="utf-8")
            versions[name] = _digest(html_dir / name)[:8]
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    for page, (text, links, name) in pages.items():
        name = name or links[0][1]
        if name not in versions:
            raise PurgeError(f"{page}: links {name}, whose sheets are gone: rebuild with --clean")
        href = os.path.relpath(html_dir / name, page.parent).replace(os.sep, "/") + f"?v={versions[name]}"
        bundled = text.replace(links[0][0], f'<link rel="stylesheet" href="{href}" />', 1)
        for tag, _ in links[1:]:
            bundled = re.sub(r"[ \t]*" + re.escape(tag) + r"[ \t]*\n?", "", bundled, count=1)
        if bundled != text:
            page.write_text(bundled, encoding="utf-8")
    return sorted(versions)


def unbundle_css(html_dir: Path) -> None:
    """Each page's own stylesheet links back in place of its bundle: the pixel comparison's other side."""
    from leadership_handbook.site_check import html_pages

    html_dir = Path(html_dir).resolve()
    manifest = json.loads(bundle_manifest(html_dir).read_text(encoding="utf-8"))
    for page in html_pages(html_dir):
        text = page.read_text(encoding="utf-8")
        for tag, sheet in _screen_sheets(text, page, html_dir):
            if sheet in manifest:
                prefix = os.path.relpath(html_dir, page.parent).replace(os.sep, "/") + "/"
                tags = [f'<link rel="stylesheet" href="{prefix.removeprefix("./")}{s}" />' for s in manifest[sheet]]
                text = text.replace(tag, "\n".join(tags), 1)
        page.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for sheet in purge_css(Path(args[0] if args else "_build/html")):
        print(f"{sheet['file']}: {sheet['before'] / 1024:.1f} KB -> {sheet['after'] / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
