"""Checks on the built HTML site: internal links resolve, external links are listed, nothing loads from
another host.

Our own code because Sphinx's linkcheck does not verify anchors inside the built pages offline, and the
self-contained rule (no remote script, style, font, image or frame) is specific to this book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch something when the page is read.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
# <link rel=...> values that fetch a resource (a plain rel="canonical" or "license" does not).
LOADING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Problem:
    page: str
    target: str
    reason: str

    def __str__(self):
        return f"{self.page}: {self.target} ({self.reason})"


def _is_remote(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in {"http", "https", "ftp", "ws", "wss"}


def _is_skippable(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme
    return scheme in {"mailto", "tel", "javascript", "data", "blob"} or url.strip() == ""


def html_pages(html_dir: Path) -> list[Path]:
    return sorted(p for p in Path(html_dir).rglob("*.html") if "_static" not in p.parts)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _ids(soup: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)} | {
        tag["name"] for tag in soup.find_all("a", attrs={"name": True})
    }


# The PDFs are printed from the built site, so they join it after the HTML build (`make book`, the publish job):
# a link to one of them is right if it names an edition the printer makes.
PRINTED_LATER = frozenset(f"pdf/{slug}.pdf" for slug in ("handbook", "participant-workbook", "facilitator-guide"))


def check_internal_links(html_dir: Path) -> list[Problem]:
    """Every internal href/src of every page resolves to a file, and every #anchor to an element id."""
    html_dir = Path(html_dir).resolve()
    ids_cache: dict[Path, set[str]] = {}
    problems = []
    for page in html_pages(html_dir):
        soup = _soup(page)
        ids_cache.setdefault(page, _ids(soup))
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            for attribute in ("href", "src"):
                url = tag.get(attribute)
                if not url or _is_remote(url) or _is_skippable(url):
                    continue
                path_part, fragment = urldefrag(url)
                path_part = unquote(urlsplit(path_part).path)
                target = (page.parent / path_part).resolve() if path_part else page
                if target.is_dir():
                    target = target / "index.html"
                rel = page.relative_to(html_dir).as_posix()
                printed_later = target.is_relative_to(html_dir) and target.relative_to(html_dir).as_posix()
                if not target.exists() and printed_later not in PRINTED_LATER:
                    problems.append(Problem(rel, url, "no such file"))
                    continue
                if fragment and target.suffix == ".html":
                    if target not in ids_cache:
                        ids_cache[target] = _ids(_soup(target))
                    if unquote(fragment) not in ids_cache[target]:
                        problems.append(Problem(rel, url, "no element with this id"))
    return problems


def external_links(html_dir: Path) -> dict[str, list[str]]:
    """Every external link target, with the pages that link to it."""
    html_dir = Path(html_dir).resolve()
    links: dict[str, list[str]] = {}
    for page in html_pages(html_dir):
        rel = page.relative_to(html_dir).as_posix()
        for tag in _soup(page).find_all("a", href=True):
            if _is_remote(tag["href"]):
                links.setdefault(tag["href"], []).append(rel)
    return links


def remote_loads(html_dir: Path) -> list[Problem]:
    """Every resource a page or stylesheet would fetch from another host when read."""
    html_dir = Path(html_dir).resolve()
    problems = []
    for page in html_pages(html_dir):
        rel = page.relative_to(html_dir).as_posix()
        soup = _soup(page)
        for name, attributes in LOADING_ATTRIBUTES.items():
            for tag in soup.find_all(name):
                for attribute in attributes:
                    for url in re.split(r",\s*", tag.get(attribute, "") or ""):
                        url = url.strip().split(" ")[0]
                        if url and _is_remote(url):
                            problems.append(Problem(rel, url, f"<{name} {attribute}> loads from another host"))
        for tag in soup.find_all("link", href=True):
            rels = {r.lower() for r in tag.get("rel", [])}
            if rels & LOADING_LINK_RELS and _is_remote(tag["href"]):
                problems.append(
                    Problem(rel, tag["href"], f"<link rel={' '.join(sorted(rels))}> loads from another host")
                )
        for style in soup.find_all("style"):
            problems += _remote_css_urls(rel, style.get_text())
        for tag in soup.find_all(style=True):
            problems += _remote_css_urls(rel, tag["style"])
    for css in sorted(html_dir.rglob("*.css")):
        problems += _remote_css_urls(
            css.relative_to(html_dir).as_posix(), css.read_text(encoding="utf-8", errors="replace")
        )
    return problems


def _remote_css_urls(where: str, css: str) -> list[Problem]:
    found = []
    for match in CSS_URL.finditer(css):
        url = match.group(1) or match.group(2)
        if _is_remote(url):
            found.append(Problem(where, url, "stylesheet loads from another host"))
    return found


def is_redirect(page: Path) -> bool:
    """A stub page that only sends the browser elsewhere (such as the root index.html)."""
    return bool(_soup(Path(page)).find("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}))
