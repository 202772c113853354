"""The printed reference list reads as a reader expects: names, no editorial notes, no type labels, every detail.

Renders the references page in the session's strict build (the `site` fixture) and reads every entry of it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from pybtex.database import parse_file
from pybtex.richtext import Text

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "book" / "references.bib"

# Words that belong to the editors' notes on verification (now in `annote`), never to a printed reference.
NOTE_WORDS = ("VERIFIED", "PARTIAL", "not seen", "NOT verified", "convenience", "complete before citing", "believed")
# "Jr." printed before a name ("Jr. Arthur, Winfred"): what BibTeX does with `Arthur, Winfred, Jr.`.
JR_BEFORE_NAME = re.compile(r"(?:^|, |and )Jr\. [A-Z]")
# A bare type label such as "Book" or "Book, 2nd edition" where a publisher should be.
TYPE_LABEL = re.compile(r"\bBook\b")


def plain(latex: str) -> str:
    """A BibTeX field as a reader sees it, lower-cased (the plain style sentence-cases article titles)."""
    text = unicodedata.normalize("NFC", Text.from_latex(latex).render_as("text"))
    return re.sub(r"\s+", " ", text).strip().lower()


def folded(text: str) -> str:
    """Printed text, lower-cased with its spaces collapsed, to compare with `plain`."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


def rendered_entries(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    entries = soup.select("div.citation-list div.citation")
    texts = (unicodedata.normalize("NFC", entry.find("p").get_text()) for entry in entries)
    return [re.sub(r"\s+", " ", text).strip() for text in texts]


def problems_in_references_page(html: str, bib_path: Path = BIB) -> list[str]:
    """Every way the rendered reference list falls short of print, one line each (empty when it is fit to print)."""
    bib = parse_file(str(bib_path))
    entries = rendered_entries(html)
    problems = []
    if len(entries) != len(bib.entries):
        problems.append(f"the page lists {len(entries)} entries; references.bib holds {len(bib.entries)}")
    for text in entries:
        if JR_BEFORE_NAME.search(text):
            problems.append(f"'Jr.' printed before a name: {text[:90]}")
        for word in NOTE_WORDS:
            if word in text:
                problems.append(f"editorial note {word!r} printed: {text[:90]}")
        if TYPE_LABEL.search(text):
            problems.append(f"a 'Book' type label printed: {text[:90]}")
    for key, entry in bib.entries.items():
        title = plain(entry.fields.get("title", ""))
        if not title:
            problems.append(f"{key}: no title")
            continue
        matches = [text for text in entries if title in folded(text)]
        if not matches:
            problems.append(f"{key}: its title {title[:60]!r} is not on the page")
            continue
        year = entry.fields.get("year", "")
        dated = [text for text in matches if year and year in text]
        if not dated:
            problems.append(f"{key}: no year printed (year field {year!r})")
            continue
        text = dated[0]  # two editions share a title: the one with this entry's year
        authors = entry.persons.get("author", [])
        if not authors:
            problems.append(f"{key}: no author")
        for person in authors:
            surname = plain(" ".join(person.last_names))
            if surname not in folded(text):
                problems.append(f"{key}: author {surname!r} is not printed")
        doi = entry.fields.get("doi")
        if doi and doi not in text:
            problems.append(f"{key}: the bib has DOI {doi} but the page does not print it")
        url = entry.fields.get("url")
        if url and url not in text:
            problems.append(f"{key}: the bib has URL {url} but the page does not print it")
    return problems


def test_the_checks_catch_each_defect_they_name():
    """The checker itself, on a page made of the defects the editor found (so it cannot pass on anything)."""
    page = (
        '<div role="list" class="citation-list"><div class="citation"><p>Jr. Arthur, Winfred, Jr. Bennett, Winston. '
        "Effectiveness. 2003. VERIFIED. d = 0.60.</p></div>"
        '<div class="citation"><p>Jack J. Phillips. Return on investment. Book, 2nd edition, 2003.</p></div></div>'
    )
    found = "\n".join(problems_in_references_page(page))
    for expected in ("'Jr.' printed before a name", "editorial note 'VERIFIED'", "'Book' type label", "entries"):
        assert expected in found


def test_the_printed_reference_list_is_fit_to_print(site):
    html = (site / "book" / "references.html").read_text(encoding="utf-8")
    assert rendered_entries(html), "the references page lists no entries"
    problems = problems_in_references_page(html)
    assert problems == [], "\n".join(problems)
