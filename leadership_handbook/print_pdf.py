"""Print the handbook, the participant workbook and the facilitator guide as PDFs from the built HTML site.

usage: python -m leadership_handbook.print_pdf [--html _build/html] [--out _build/pdf] [--paper a4|letter]

Headless Chromium (through Playwright) prints each section on its own, so every section starts on a new page
and its page count is known; a cover, a table of contents with page numbers, and running heads with
"page n of N" are then added. Our own code because Chromium's header templates cannot change with the
chapter or count pages across sections, and paged.js would add an npm toolchain to every build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter

from leadership_handbook.browser import launched
from leadership_handbook.core.templates import environment

PAPER_SIZES = {"a4": ("210mm", "297mm"), "letter": ("8.5in", "11in")}
MARGINS = {"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "18mm"}
PRINT_CSS = Path(__file__).resolve().parent / "static" / "lh-print.css"
TEMPLATES = "print"  # core/templates/print/: the document, cover, contents, running heads and section wrappers
BOOK_TITLE = "Beyond the Course: Does Leadership Training Work?"
LICENCE = (
    "Text licensed under Creative Commons Attribution 4.0 (CC BY 4.0); code licensed MIT. "
    "Adapted from the series ROI on Training: Does Leadership Training Work? by Ron of Developing "
    "Leaders, with Jesse Sostrin."
)
SUMMARY_SECTIONS = ("learning-objectives", "key-takeaways", "reflection-prompts")
# Elements that belong to the screen, never to paper.
SCREEN_ONLY = (
    "a.headerlink",
    "script",
    "noscript",
    ".lh-toolbar",
    ".lh-status",
    ".lh-results",
    "button",
    ".toggle-button",
    ".copybtn",
    "#searchbox",
    ".sd-tab-set input",
)


@dataclass
class Section:
    """One printed unit: it starts on a new page and gives its title to the running head."""

    title: str
    html: str
    kind: str = "chapter"  # chapter | summary | worksheet | appendix


@dataclass
class Edition:
    slug: str
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- reading the site


def _article(html_dir: Path, docname: str) -> BeautifulSoup:
    page = html_dir / f"{docname}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise ValueError(f"{page}: no <article class='bd-article'>; was the site built by this book?")
    for selector in SCREEN_ONLY:
        for node in article.select(selector):
            node.decompose()
    for details in article.find_all("details"):
        details["open"] = ""  # dropdowns print open
    return article


def _title(article: BeautifulSoup) -> str:
    heading = article.find("h1")
    return " ".join(heading.get_text(" ", strip=True).split()) if heading else ""


def _toc_parts(root: Path) -> list[tuple[str, list[str]]]:
    """[(part caption, [docname, ...]), ...] in book order, from _toc.yml."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(root / "_toc.yml")
    parts = []
    for subtree in site_map[site_map.root.docname].subtrees:
        parts.append((subtree.caption or "", [item for item in subtree.items]))
    return parts


def _part_kind(caption: str) -> str:
    caption = caption.lower()
    if caption.startswith("part"):
        return "chapter"
    if "exercise" in caption:
        return "exercise"
    return "appendix"


def _render(name: str, **values) -> str:
    return environment().get_template(f"{TEMPLATES}/{name}.html").render(**values)


def _worksheets(article: BeautifulSoup) -> list[Section]:
    sheets = []
    for block in article.select("section.lh-exercise"):
        title = block.get("data-lh-title") or block.get("aria-label") or _title(article)
        sheets.append(Section(title, _render("worksheet", title=title, block=Markup(str(block))), "worksheet"))
    return sheets


def _summary(article: BeautifulSoup) -> Section:
    title = _title(article)
    parts = [
        Markup(str(section))
        for section in map(lambda i: article.find("section", id=i), SUMMARY_SECTIONS)
        if section is not None
    ]
    return Section(title, _render("summary", title=title, parts=parts), "summary")


def build_editions(root: Path, html_dir: Path) -> list[Edition]:
    """The three editions, assembled from the built pages in _toc.yml order."""
    root, html_dir = Path(root).resolve(), Path(html_dir).resolve()
    intro = _article(html_dir, "book/intro")
    handbook = Edition("handbook", BOOK_TITLE, "The complete handbook", [Section(_title(intro), str(intro), "chapter")])
    chapters, worksheets, appendices = [], [], {}
    for caption, docnames in _toc_parts(root):
        kind = _part_kind(caption)
        for docname in docnames:
            article = _article(html_dir, docname)
            handbook.sections.append(
                Section(_title(article), str(article), "chapter" if kind != "appendix" else "appendix")
            )
            if kind == "chapter":
                chapters.append(_summary(article))
            elif kind == "exercise":
                worksheets.extend(_worksheets(article))
            else:
                appendices[Path(docname).name] = Section(_title(article), str(article), "appendix")
    workbook = Edition("participant-workbook", BOOK_TITLE, "Participant workbook", chapters + worksheets)
    guide_extras = [appendices[name] for name in ("session-plans", "answer-keys") if name in appendices]
    guide = Edition(
        "facilitator-guide",
        BOOK_TITLE,
        "Facilitator guide: workbook, answer keys and session plans",
        guide_extras + chapters + worksheets,
    )
    return [handbook, workbook, guide]


# ---------------------------------------------------------------------------------------------- printing


def _document(body: str, base: Path, stylesheets: list[str], extra_class: str = "") -> str:
    return _render(
        "document",
        base=base.as_uri(),
        book_title=BOOK_TITLE,
        stylesheets=stylesheets,
        print_css=PRINT_CSS.as_uri(),
        classes=extra_class,
        body=Markup(body),
    )


def _stylesheets(html_dir: Path) -> list[str]:
    """The stylesheets a content page uses (theme, design, notebooks) and the exercises' own."""
    soup = BeautifulSoup((html_dir / "book" / "intro.html").read_text(encoding="utf-8"), "html.parser")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    return sheets + ["../_static/lh-exercises.css"]


class Printer:
    def __init__(self, browser, html_dir: Path, work_dir: Path, paper: str):
        self.page = browser.new_page()
        self.html_dir, self.work_dir, self.paper = html_dir, work_dir, paper
        self.base = html_dir / "book"  # every content page sits one folder down, so relative links resolve
        self.stylesheets = _stylesheets(html_dir)
        self.count = 0

    def pdf(self, body: str, margins: dict | None = None, extra_class: str = "", background: bool = True) -> bytes:
        self.count += 1
        source = self.work_dir / f"print-{self.count:03d}.html"
        classes = f"lh-paper-{self.paper} {extra_class}".strip()
        source.write_text(_document(body, self.base, self.stylesheets, classes), encoding="utf-8")
        self.page.goto(source.as_uri(), wait_until="load")
        width, height = PAPER_SIZES[self.paper]
        return self.page.pdf(
            width=width,
            height=height,
            margin=margins or MARGINS,
            print_background=background,
            prefer_css_page_size=False,
        )


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _cover(edition: Edition, date: str) -> str:
    return _render("cover", edition=edition, date=date, licence=LICENCE)


def _contents(sections: list[Section], starts: list[int]) -> str:
    return _render("contents", rows=list(zip(sections, starts)))


def _running_heads(heads: list[str], total: int, first_numbered: int) -> str:
    """One sheet per page after the cover: the book and section titles on top, "page n of N" below."""
    return _render("running_heads", heads=heads, total=total, first_numbered=first_numbered, book_title=BOOK_TITLE)


def print_edition(printer: Printer, edition: Edition, out: Path, date: str, cache: dict) -> dict:
    """Print one edition to ``out``; returns its page count and section start pages."""
    bodies = []
    for section in edition.sections:
        key = (section.kind, section.html)
        if key not in cache:
            cache[key] = printer.pdf(_render("section", kind=section.kind, body=Markup(section.html)))
        bodies.append(cache[key])
    cover = printer.pdf(_cover(edition, date), extra_class="lh-cover-page")
    # The contents' length depends only on its entries, so print it once with zeros to learn its pages.
    contents_pages = _pages(printer.pdf(_contents(edition.sections, [0] * len(edition.sections))))
    starts, page = [], 1 + contents_pages + 1
    for body in bodies:
        starts.append(page)
        page += _pages(body)
    contents = printer.pdf(_contents(edition.sections, starts))
    assert _pages(contents) == contents_pages, "the contents changed length when page numbers were filled in"
    total = page - 1

    heads = ["Contents"] * contents_pages
    for section, body in zip(edition.sections, bodies):
        heads += [section.title] * _pages(body)
    overlay = PdfReader(
        io.BytesIO(
            printer.pdf(
                _running_heads(heads, total, 2),
                margins={k: "0" for k in MARGINS},
                extra_class="lh-overlay",
                background=False,
            )
        )
    )
    writer = PdfWriter()
    for pdf in [cover, contents, *bodies]:
        for page_obj in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page_obj)
    for index, page_obj in enumerate(writer.pages[1:]):
        page_obj.merge_page(overlay.pages[index])
    writer.add_metadata({"/Title": f"{edition.title}: {edition.subtitle}", "/Author": "The Beyond the Course authors"})
    for section, start in zip(edition.sections, starts):
        writer.add_outline_item(title=section.title, page_number=start - 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as handle:
        writer.write(handle)
    return {"pages": total, "starts": dict(zip((s.title for s in edition.sections), starts))}


def print_all(
    root: Path,
    html_dir: Path,
    out_dir: Path,
    paper: str = "a4",
    date: str | None = None,
    only: list[str] | None = None,
    browser=None,
) -> dict:
    """Print the editions (all, or those named in ``only``); ``browser`` reuses a running Chromium."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper {paper!r} is not known; allowed: {', '.join(PAPER_SIZES)}")
    if browser is None:
        with launched() as chromium:
            return print_all(root, html_dir, out_dir, paper, date, only, chromium)
    date = date or dt.date.today().isoformat()
    editions = [e for e in build_editions(root, html_dir) if only is None or e.slug in only]
    report = {}
    with tempfile.TemporaryDirectory() as work:
        printer = Printer(browser, Path(html_dir).resolve(), Path(work), paper)
        cache: dict = {}
        for edition in editions:
            started = time.perf_counter()
            report[edition.slug] = print_edition(printer, edition, Path(out_dir) / f"{edition.slug}.pdf", date, cache)
            report[edition.slug]["seconds"] = round(time.perf_counter() - started, 1)
        printer.page.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--html", type=Path, default=Path("_build/html"))
    parser.add_argument("--out", type=Path, default=Path("_build/pdf"))
    parser.add_argument("--paper", default="a4", choices=sorted(PAPER_SIZES))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = print_all(args.root, args.html, args.out, args.paper)
    for slug, info in report.items():
        print(f"{args.out / (slug + '.pdf')}: {info['pages']} pages ({args.paper}), {info['seconds']} s")
    print(f"printed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
