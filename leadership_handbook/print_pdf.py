"""Print the handbook, the participant workbook and the facilitator guide as tagged PDFs from the built HTML site.

usage: python -m leadership_handbook.print_pdf [--html _build/html] [--out _build/pdf] [--paper a4|letter]

Headless Chromium (through Playwright) prints each edition as one document, tagged (a structure tree in reading
order, the language, the title, bookmarks from the headings), so nothing is merged or stamped afterwards, which
would drop the tags. The page margin boxes in lh-print.css draw the running heads and "page n of N"; every section
is a named page whose running head carries its title; the contents' page numbers come from a first pass.
tagged_pdf.py then adds what Chromium's tags lack (artifacts, a role map, the author, XMP metadata).
The workbook ends with a one-page handout for each case the session plans name (sphinx_ext/case_handouts.py),
without its model answer where the case marks one; the guide adds the model answers, and its plans give the
workbook page of each handout, so the workbook prints first.
Our own code because paged.js would add an npm toolchain to every build.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import posixpath
import string
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pikepdf
import yaml
from bs4 import BeautifulSoup
from markupsafe import Markup

from leadership_handbook.browser import launched
from leadership_handbook.core.templates import environment
from leadership_handbook.site_check import PRINTED_LATER
from leadership_handbook.sphinx_ext.case_handouts import ANSWER_SUFFIX
from leadership_handbook.tagged_pdf import finish

PAPER_SIZES = {"a4": ("210mm", "297mm"), "letter": ("8.5in", "11in")}
MARGINS = {"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "18mm"}  # Chromium's, not @page's (lh-print.css)
PRINT_CSS = Path(__file__).resolve().parent / "static" / "lh-print.css"
TEMPLATES = "print"  # core/templates/print/: the edition's document, cover, contents, summaries and worksheets
BOOK_TITLE = "Beyond the Course: Does Leadership Training Work?"
AUTHOR = "The Beyond the Course authors"
LANGUAGE = "en-GB"  # the book is written in British English; a screen reader picks its voice from this
MAX_PASSES = 4  # printing until the contents' page numbers agree with the pages; two passes in practice
FIT_STEPS = 3  # tighter type for a case handout that runs over its page: .lh-fit-1 to .lh-fit-3 in lh-print.css
CSS_SAFE = frozenset(string.ascii_letters + string.digits + " .,:;!?()-_/+")
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
    ".lh-paper",  # "this worksheet is in the workbook (PDF)": said on the site, not inside that PDF
)


ID_REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls", "headers")  # attributes naming ids


@dataclass
class Section:
    """One printed unit: it starts on a new page and gives its title to the running head."""

    title: str
    html: str
    kind: str = "chapter"  # chapter | summary | worksheet | appendix | handout
    docname: str = ""  # the site page it comes from: where its relative links start
    case: str = ""  # a handout's case (its label in the chapter), so a link to the case can jump to it


@dataclass
class Edition:
    slug: str
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)

    @property
    def full_title(self) -> str:
        """The PDF's title, which a reader's PDF viewer shows in place of the file name."""
        return f"{self.title}: {self.subtitle}"


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
    for notebook in article.select("section#run-it-as-a-notebook details.lh-notebook"):
        first = notebook.find("p")  # by convention, how to download the notebook: screen-only
        if first is not None and "download" in first.get_text().lower():
            first.decompose()
    _text_for_the_tags(soup, article)
    return article


def _text_for_the_tags(soup: BeautifulSoup, article) -> None:
    """Chromium tags text in the page, not what CSS generates or a select draws: a link's address and a select's
    choice become text of their own (the choice only for a screen reader, as the select shows it on paper)."""
    for link in article.select('a[href^="http"]'):
        address = soup.new_tag("span", attrs={"class": "lh-link-address"})
        address.string = f" ({link['href']})"
        link.append(address)
    for select in article.find_all("select"):
        chosen = select.find("option", selected=True)
        if chosen is not None and chosen.get("value"):
            choice = soup.new_tag("span", attrs={"class": "lh-choice-text"})
            choice.string = chosen.get_text(" ", strip=True)
            select.insert_after(choice)


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


# What only a filled-in form has: a worksheet on paper starts empty, whatever example the page starts with.
EXAMPLE_ONLY = (".lh-roi-example-note", ".lh-choice-text")


def blank_worksheet(block) -> None:
    """Empty every field of a form, in place, so it prints to be filled in by hand: no typed values, no ticks, and
    each choice list written out to circle one."""
    for selector in EXAMPLE_ONLY:
        for node in block.select(selector):
            node.decompose()
    for entry in block.find_all("input"):
        if entry.get("type", "text") not in ("radio", "checkbox"):
            entry.attrs.pop("value", None)
        entry.attrs.pop("checked", None)
    for box in block.find_all("textarea"):
        box.string = ""
    for select in block.find_all("select"):
        choices = [o.get_text(" ", strip=True) for o in select.find_all("option") if o.get("value")]
        circle = BeautifulSoup("", "html.parser").new_tag("span", attrs={"class": "lh-circle-one"})
        circle.string = "Circle one: " + " / ".join(choices)
        if select.get("id"):
            circle["id"] = select["id"]  # its label still points at it
        select.replace_with(circle)


def _worksheets(article: BeautifulSoup, docname: str, base_url: str) -> list[Section]:
    online = f"{base_url}{docname}.html"  # the page's own form, with its feedback: printed on every worksheet
    sheets = []
    for block in article.select("section.lh-exercise"):
        blank_worksheet(block)
        title = block.get("data-lh-title") or block.get("aria-label") or _title(article)
        sheets.append(
            Section(
                title, _render("worksheet", title=title, block=Markup(str(block)), online=online), "worksheet", docname
            )
        )
    return sheets


def _summary(article: BeautifulSoup, docname: str) -> Section:
    title = _title(article)
    parts = [
        Markup(str(section))
        for section in map(lambda i: article.find("section", id=i), SUMMARY_SECTIONS)
        if section is not None
    ]
    return Section(title, _render("summary", title=title, parts=parts), "summary", docname)


# ------------------------------------------------------------------------------------------ case handouts

HANDOUT_PLAN = "book/session-plans"  # the page whose {handout} roles name and number the workbook's case handouts
PARTICIPANT_EDITION = "participant-workbook"  # the edition whose pages the plans' handout references give


@dataclass
class Handout:
    number: int
    title: str
    case: str  # the label on the case in its chapter, "case-brackenfield"
    docname: str  # the chapter the case is in


def plan_handouts(html_dir: Path) -> list[Handout]:
    """The handouts the session plans name, in their numbers' order, read from the built plans page."""
    page = Path(html_dir) / f"{HANDOUT_PLAN}.html"
    if not page.exists():
        return []  # a book without session plans has no handouts
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found: dict[str, Handout] = {}
    for span in soup.select("span.lh-handout-ref[data-lh-case]"):
        handout = Handout(
            int(span["data-lh-handout"]), span["data-lh-title"], span["data-lh-case"], span["data-lh-doc"]
        )
        if not handout.docname:
            raise ValueError(f"{page}: no chapter has the case label {handout.case!r} that a handout names")
        earlier = found.setdefault(handout.case, handout)
        if earlier != handout:
            raise ValueError(f"{page}: the case {handout.case!r} is named as {earlier} and as {handout}")
    handouts = sorted(found.values(), key=lambda h: h.number)
    if [h.number for h in handouts] != list(range(1, len(handouts) + 1)):
        raise ValueError(f"{page}: the handouts are numbered {[h.number for h in handouts]}, not 1 to {len(handouts)}")
    return handouts


def _marked(article, label: str):
    """The element a label marks: a section (Sphinx puts a section's label in an empty span inside it) or the
    paragraph or block the label stands before."""
    marked = article.find(id=label)
    if marked is None:
        return None
    if marked.name == "span" and not marked.contents and marked.parent.name == "section":
        return marked.parent
    return marked


def case_block(article, handout: Handout):
    """A copy of the whole case, from the chapter's built page."""
    marked = _marked(article, handout.case)
    if marked is None:
        raise ValueError(
            f"{handout.docname}.html: no element has the id {handout.case!r}; label the case in its chapter"
        )
    return copy.copy(marked)


def answer_start(case, label: str):
    """Where the case's model answer starts (its ``-answer`` label), or None if the case withholds nothing."""
    return _marked(case, label + ANSWER_SUFFIX)


def withhold_answer(case, label: str) -> bool:
    """Cuts the model answer out of ``case``, in place: from its label to the end of the case. False if the case
    has no answer label."""
    start = answer_start(case, label)
    if start is None:
        return False
    node = start
    while node is not case:
        for later in list(node.next_siblings):
            later.extract()
        parent = node.parent
        if node is start:
            node.extract()
        node = parent
    return True


def _headings_from(block, top: int) -> None:
    """Renumbers the block's headings so that its first level is ``top``, keeping their steps (a handout's title is
    its h1, so a case that was an h3 in its chapter must not skip h2)."""
    headings = block.find_all(["h2", "h3", "h4", "h5", "h6"])
    if block.name in ("h2", "h3", "h4", "h5", "h6"):
        headings.insert(0, block)
    if not headings:
        return
    shift = min(int(h.name[1]) for h in headings) - top
    for heading in headings:
        heading.name = f"h{min(int(heading.name[1]) - shift, 6)}"


def _handout_sections(handout: Handout, article, chapter: str, base_url: str) -> tuple[Section, Section | None]:
    """The workbook's handout (without the model answer, where the case has one) and, where it has one, the
    guide's model answer: the whole case with a marker where the answer starts."""
    online = f"{base_url}{handout.docname}.html"  # the chapter's address, short enough to copy by hand
    values = {"chapter": chapter, "online": online, "case_url": f"{online}#{handout.case}", "number": handout.number}
    whole = case_block(article, handout)
    _headings_from(whole, 2)
    participant = copy.copy(whole)
    withheld = withhold_answer(participant, handout.case)
    title = f"Case handout {handout.number}: {handout.title}"
    body = _render("handout", title=title, case=Markup(str(participant)), withheld=withheld, model=False, **values)
    sections = [Section(title, body, "handout", handout.docname, handout.case)]
    if not withheld:
        return sections[0], None
    marker = BeautifulSoup("", "html.parser").new_tag("p", attrs={"class": "lh-handout-answer-start"})
    marker.string = "Model answer from here"
    answer_start(whole, handout.case).insert_before(marker)
    title = f"Model answer to handout {handout.number}: {handout.title}"
    body = _render("handout", title=title, case=Markup(str(whole)), withheld=False, model=True, **values)
    return sections[0], Section(title, body, "handout", handout.docname, handout.case)


def case_handouts(html_dir: Path, base_url: str, articles: dict) -> tuple[list[Section], list[Section]]:
    """The workbook's case handouts, one a case the plans name, and the guide's model answers."""
    handouts, answers = [], []
    for handout in plan_handouts(html_dir):
        article = articles.get(handout.docname) or _article(html_dir, handout.docname)
        participant, model = _handout_sections(handout, article, _title(article), base_url)
        handouts.append(participant)
        if model is not None:
            answers.append(model)
    return handouts, answers


def fill_handout_pages(edition: Edition, pages: dict[str, int]) -> None:
    """Writes the workbook page of each handout into the plans this edition prints: "(workbook handout 2, p. 37)".
    ``pages`` maps each case to the page its handout starts on in the printed workbook."""
    for section in edition.sections:
        if section.docname != HANDOUT_PLAN or section.kind == "handout":
            continue
        soup = BeautifulSoup(section.html, "html.parser")
        for span in soup.select("span.lh-handout-ref[data-lh-case]"):
            case = span["data-lh-case"]
            if case not in pages:
                raise ValueError(f"{HANDOUT_PLAN}: the workbook has no handout for {case!r}")
            span.string = f"(workbook handout {span['data-lh-handout']}, p. {pages[case]})"
        section.html = str(soup)


def build_editions(root: Path, html_dir: Path) -> list[Edition]:
    """The three editions, assembled from the built pages in _toc.yml order."""
    root, html_dir = Path(root).resolve(), Path(html_dir).resolve()
    base_url = site_url(root)
    intro = _article(html_dir, "book/intro")
    handbook = Edition(
        "handbook", BOOK_TITLE, "The complete handbook", [Section(_title(intro), str(intro), "chapter", "book/intro")]
    )
    chapters, worksheets, appendices, articles = [], [], {}, {}
    for caption, docnames in _toc_parts(root):
        kind = _part_kind(caption)
        for docname in docnames:
            article = _article(html_dir, docname)
            handbook.sections.append(
                Section(_title(article), str(article), "chapter" if kind != "appendix" else "appendix", docname)
            )
            if kind == "chapter":
                articles[docname] = article
                chapters.append(_summary(article, docname))
            elif kind == "exercise":
                worksheets.extend(_worksheets(article, docname, base_url))
            else:
                appendices[Path(docname).name] = Section(_title(article), str(article), "appendix", docname)
    handouts, model_answers = case_handouts(html_dir, base_url, articles)
    workbook = Edition(PARTICIPANT_EDITION, BOOK_TITLE, "Participant workbook", chapters + worksheets + handouts)
    guide_extras = [
        appendices[name] for name in ("session-plans", "group-debrief", "answer-keys") if name in appendices
    ]
    # The guide holds the whole workbook too, so a facilitator can copy any page of it for the room.
    guide = Edition(
        "facilitator-guide",
        BOOK_TITLE,
        "Facilitator guide: workbook, answer keys and session plans",
        guide_extras + model_answers + chapters + worksheets + handouts,
    )
    return [handbook, workbook, guide]


# ---------------------------------------------------------------------------------------------- printing


def css_string(text: str) -> Markup:
    """``text`` as a double-quoted CSS string, safe inside <style>: anything but letters, digits, spaces and
    harmless punctuation becomes a six-digit hex escape. CSS reads one white space after an escape as part of it,
    so a space that follows one is escaped too ("Sable & Finch" would otherwise print as "Sable &Finch")."""
    quoted, after_escape = [], False
    for char in text:
        after_escape = char not in CSS_SAFE or (after_escape and char == " ")
        quoted.append(f"\\{ord(char):06x}" if after_escape else char)
    return Markup('"' + "".join(quoted) + '"')


def _stylesheets(html_dir: Path) -> list[str]:
    """The stylesheets a content page uses (theme, design, notebooks) and the exercises' own."""
    soup = BeautifulSoup((html_dir / "book" / "intro.html").read_text(encoding="utf-8"), "html.parser")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    return sheets + ["../_static/lh-exercises.css"]


@cache
def site_url(root: Path = Path(".")) -> str:
    """The published site's address (``html.baseurl`` in _config.yml), ending in a slash."""
    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    url = (config.get("html") or {}).get("baseurl") or ""
    if not url.startswith("https://"):
        raise ValueError(f"_config.yml: html.baseurl is {url!r}; the PDFs' links need the site's https:// address")
    return url.rstrip("/") + "/"


def linked_sections(edition: Edition, html_dir: Path, base_url: str) -> list[str]:
    """Each section's HTML with links that work in the PDF: a link to a page printed whole in this edition jumps to
    it inside the PDF; any other link to the site goes to the published site (never to a file on this machine).
    Ids get their section's prefix, because every page has its own "learning-objectives" and the like."""
    whole = {}  # docname -> section number, for the pages this edition prints whole; "docname#case" for handouts
    for number, section in enumerate(edition.sections, start=1):
        if section.kind in ("chapter", "appendix"):
            whole.setdefault(section.docname, number)
        elif section.kind == "handout":
            whole.setdefault(f"{section.docname}#{section.case}", number)
    soups = [BeautifulSoup(section.html, "html.parser") for section in edition.sections]
    ids = [{node["id"] for node in soup.find_all(id=True)} for soup in soups]
    out = []
    for number, (section, soup) in enumerate(zip(edition.sections, soups), start=1):
        prefix = f"s{number}-"
        for node in soup.find_all(id=True):
            node["id"] = prefix + node["id"]
        for name in ID_REFERENCES:
            for node in soup.find_all(attrs={name: True}):
                value = node[name]
                tokens = value if isinstance(value, list) else value.split()
                node[name] = " ".join(prefix + token for token in tokens)
        for link in soup.find_all("a", href=True):
            link["href"] = _pdf_href(link["href"], section.docname, number, whole, ids, html_dir, base_url)
        out.append(str(soup))
    return out


def _pdf_href(href: str, docname: str, number: int, whole: dict, ids: list, html_dir: Path, base_url: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href  # http, https, mailto: already an address anyone can open
    fragment = parts.fragment
    if not parts.path:
        target = docname
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path))
        if target.startswith("../"):
            raise ValueError(f"{docname}.html: the link {href!r} leaves the site")
        if target in PRINTED_LATER:
            return base_url + target  # another edition: on the published site, beside the pages
        if not (html_dir / target).exists():
            raise ValueError(f"{docname}.html: the link {href!r} points to {target}, which the site does not have")
        target = target.removesuffix(".html")
    if target == docname and fragment and fragment in ids[number - 1]:
        return f"#s{number}-{fragment}"
    if target not in whole and f"{target}#{fragment}" in whole:
        return f"#lh-page-{whole[f'{target}#{fragment}']}"  # a case this edition prints as a handout
    if target in whole:
        at = whole[target]
        return f"#s{at}-{fragment}" if fragment and fragment in ids[at - 1] else f"#lh-page-{at}"
    page = target + ".html" if (html_dir / f"{target}.html").exists() else target
    return base_url + page + (f"#{fragment}" if fragment else "")


def edition_html(
    edition: Edition,
    starts: list[int],
    date: str,
    html_dir: Path,
    base_url: str,
    bodies: list[str] | None = None,
    fits: list[int] | None = None,
) -> str:
    """The whole edition as one HTML document: cover, contents (with ``starts`` as its page numbers), sections;
    ``fits`` gives each section's step of tighter type (0: none; handouts only, see print_edition)."""
    bodies = bodies if bodies is not None else linked_sections(edition, html_dir, base_url)
    fits = fits or [0] * len(edition.sections)
    sections = [
        {"page": f"lh-page-{number}", "kind": s.kind, "title": s.title, "body": Markup(body), "fit": fit}
        for number, (s, body, fit) in enumerate(zip(edition.sections, bodies, fits), start=1)
    ]
    heads = [{"name": "lh-page-contents", "head_css": css_string("Contents")}]
    heads += [{"name": s["page"], "head_css": css_string(s["title"])} for s in sections]
    return _render(
        "document",
        lang=LANGUAGE,
        base=(html_dir / "book").as_uri(),  # every content page sits one folder down, so relative links resolve
        title=edition.full_title,
        stylesheets=_stylesheets(html_dir),
        print_css=PRINT_CSS.as_uri(),
        book_title_css=css_string(BOOK_TITLE),
        pages=heads,
        cover=Markup(_render("cover", edition=edition, date=date, licence=LICENCE, site=base_url)),
        contents=Markup(_render("contents", rows=list(zip(sections, starts)))),
        sections=sections,
    )


def laid_out(pdf: bytes, count: int) -> tuple[list[int], int]:
    """The page (from 1) each of ``count`` sections starts on, read from the named destinations its contents link
    made (Chromium writes them as the catalogue's /Dests: name -> [page, /XYZ, ...]), and the page count. pikepdf
    (qpdf) reads a printed edition in about a seventh of pypdf's time."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        numbers = {page.obj.objgen: number for number, page in enumerate(document.pages, start=1)}
        destinations = document.Root.get("/Dests", pikepdf.Dictionary())
        starts = []
        for number in range(1, count + 1):
            destination = destinations.get(f"/lh-page-{number}")
            if destination is None:
                raise ValueError(f"section {number} has no named destination: is its contents entry a link to it?")
            starts.append(numbers[destination[0].objgen])
        return starts, len(document.pages)


def overflowing_handouts(starts: list[int], page_count: int, edition: Edition) -> list[int]:
    """The indexes of the handouts that run over one page, from where each section starts and the page count."""
    ends = [*starts[1:], page_count + 1]
    return [i for i, s in enumerate(edition.sections) if s.kind == "handout" and ends[i] - starts[i] > 1]


def _lay_out(tab, source: Path, html: str, count: int, paper: str, tagged: bool) -> tuple[bytes, list[int], int]:
    """Print the document ``html`` (of ``count`` sections) once, from ``source``: the PDF, the page each section
    starts on and the page count."""
    source.write_text(html, encoding="utf-8")
    tab.goto(source.as_uri(), wait_until="load")
    width, height = PAPER_SIZES[paper]
    pdf = tab.pdf(width=width, height=height, margin=MARGINS, print_background=True, tagged=tagged, outline=tagged)
    return (pdf, *laid_out(pdf, count))


def fit_handouts(tab, editions: list[Edition], date: str, paper: str, html_dir: Path, work: Path, base_url: str):
    """{handout title: its step of tighter type}, for every handout the editions print: all of them laid out, on
    their own, in one small document, and each that runs over its page set a step tighter (up to FIT_STEPS) until
    none does. A handout starts a page of its own, so it takes the same pages there as in an edition; fitted first,
    it no longer costs each edition a whole printing a step (the workbook on Letter: five printings -> two)."""
    handouts = {}
    for edition in editions:
        for section in edition.sections:
            if section.kind == "handout":
                handouts.setdefault(section.title, section)
    sheet = Edition("handouts", BOOK_TITLE, "Case handouts", list(handouts.values()))
    fits = [0] * len(sheet.sections)
    bodies = linked_sections(sheet, html_dir, base_url)
    for _ in range(FIT_STEPS + 1 if sheet.sections else 0):
        html = edition_html(sheet, [0] * len(fits), date, html_dir, base_url, bodies, fits)
        _, found, page_count = _lay_out(tab, work / "handouts.html", html, len(fits), paper, tagged=False)
        tighter = [i for i in overflowing_handouts(found, page_count, sheet) if fits[i] < FIT_STEPS]
        if not tighter:
            break
        for index in tighter:
            fits[index] += 1
    return {section.title: fit for section, fit in zip(sheet.sections, fits)}


def print_edition(
    tab,
    edition: Edition,
    out: Path,
    date: str,
    paper: str,
    html_dir: Path,
    work: Path,
    base_url: str,
    fitted: dict[str, int] | None = None,
) -> dict:
    """Print one edition to ``out`` as one tagged PDF; returns its page count and section start pages.

    The contents' page numbers are known only once the edition is laid out, so it is printed with the numbers
    the previous pass found until they agree: two passes, unless filling them in moves a section. Its handouts
    start at the step of tighter type ``fitted`` gives them (fit_handouts); one that still runs over its page is
    set a step tighter (up to FIT_STEPS) and the edition laid out again; one still too long stays so, for the
    tests to report (tests/test_case_handouts.py)."""
    source = work / f"{edition.slug}.html"
    starts = [0] * len(edition.sections)
    fits = [(fitted or {}).get(s.title, 0) if s.kind == "handout" else 0 for s in edition.sections]
    bodies = linked_sections(edition, html_dir, base_url)
    for number in range(MAX_PASSES + FIT_STEPS):
        tagged = number > 0  # the first pass only measures, and tags change no layout, so it skips them
        html = edition_html(edition, starts, date, html_dir, base_url, bodies, fits)
        pdf, found, page_count = _lay_out(tab, source, html, len(fits), paper, tagged)
        tighter = [i for i in overflowing_handouts(found, page_count, edition) if fits[i] < FIT_STEPS]
        for index in tighter:
            fits[index] += 1
        if tagged and found == starts and not tighter:
            break
        starts = found
    else:
        raise RuntimeError(f"{edition.slug}: the contents' page numbers still moved after {MAX_PASSES} passes")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    pages = finish(out, AUTHOR)  # artifacts, role map and author: what Chromium's tags lack (tagged_pdf.py)
    titles = [s.title for s in edition.sections]
    return {
        "pages": pages,
        "passes": number + 1,  # printings of the whole edition: two, once its handouts are fitted
        "starts": dict(zip(titles, starts)),
        "tighter": {t: f for t, f in zip(titles, fits) if f},  # handouts set in tighter type, and how many steps
        "overflowing": [titles[i] for i in overflowing_handouts(starts, page_count, edition)],  # still over one page
    }


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
    html_dir = Path(html_dir).resolve()
    every = build_editions(root, html_dir)
    editions = [e for e in every if only is None or e.slug in only]
    # The workbook prints first: the plans in the other editions give the pages its handouts are on.
    workbook = next(e for e in every if e.slug == PARTICIPANT_EDITION)
    editions.sort(key=lambda e: e is not workbook)
    base_url = site_url(Path(root).resolve())
    report, pages = {}, None
    tab = browser.new_page()
    tab.emulate_media(media="print")  # the document's own script reads the styles it is printed with
    with tempfile.TemporaryDirectory() as work:
        # the workbook's handouts too: it is laid out to count its pages when only the guide or handbook is asked for
        fitted = fit_handouts(tab, [workbook, *editions], date, paper, html_dir, Path(work), base_url)
        for edition in editions:
            if pages is None and edition is not workbook and any(s.docname == HANDOUT_PLAN for s in edition.sections):
                measured = print_edition(
                    tab, workbook, Path(work) / "workbook.pdf", date, paper, html_dir, Path(work), base_url, fitted
                )
                pages = handout_pages(workbook, measured)  # the workbook was not asked for: laid out to count only
            started = time.perf_counter()
            if pages is not None:
                fill_handout_pages(edition, pages)
            out = Path(out_dir) / f"{edition.slug}.pdf"
            report[edition.slug] = print_edition(tab, edition, out, date, paper, html_dir, Path(work), base_url, fitted)
            report[edition.slug]["seconds"] = round(time.perf_counter() - started, 1)
            if edition is workbook:
                pages = handout_pages(workbook, report[edition.slug])
    tab.close()
    return report


def handout_pages(workbook: Edition, printed: dict) -> dict[str, int]:
    """{case: the page its handout starts on}, from the printed workbook's report."""
    return {s.case: printed["starts"][s.title] for s in workbook.sections if s.kind == "handout"}


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
        for title, steps in info["tighter"].items():
            print(f"  {title}: set {steps} of {FIT_STEPS} steps tighter to fit one page")
        for title in info["overflowing"]:
            print(f"  {title}: runs over one page even at the tightest type (shorten it in its chapter)")
    print(f"printed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
