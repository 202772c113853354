"""What a screen reader hears from the printed PDFs: no two words run together where a line wraps. Its own file,
with no fixture of its own wider than a test, so that xdist spreads its tests beside tests/test_pdf.py (poppler
takes most of a minute to read the tags of the three PDFs); the PDFs are still printed once per run for every file
(test_pdf.printed_editions)."""

import functools
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from test_pdf import TITLES, printed_editions

from leadership_handbook.site_check import html_pages


@pytest.fixture
def printed(site, browser, tmp_path_factory):
    return printed_editions(site, browser, tmp_path_factory)


# ------------------------------------------------------------------------- words a screen reader hears apart

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
LIGATURES = set("ﬀﬁﬂﬃﬄ")  # poppler stops reading a marked-content run at a ligature's ActualText: words cut short
PRINTED_WORDS = "Worksheet Contents page of Chapter summary Edition"  # written by the printer, not the site


def tagged_text(path) -> str:
    """The text of a PDF's tagged content in reading order, as poppler's pdfinfo reads it from the structure tree."""
    out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout
    return " ".join(re.findall(r'^\s*"(.*)"$', out, flags=re.M))


def run_together_words(text: str, vocabulary: set[str]) -> list[str]:
    """The words of ``text`` that are two words of ``vocabulary`` run together ("takepart"), as where a line wraps."""
    found = set()

    def known(part):  # a stray letter ("co" as "c" and "o") is no word run together
        return part in vocabulary and (len(part) > 1 or part in ("a", "i"))

    for word in WORD.findall(text):
        lower = word.lower()
        if lower in vocabulary or LIGATURES & set(word):
            continue
        if any(known(lower[:i]) and known(lower[i:]) for i in range(1, len(lower))):
            found.add(word)
    return sorted(found)


@pytest.fixture
def vocabulary(site):
    return site_words(site)


@functools.cache  # once a worker: a fixture wider than a test would keep this file on one worker (conftest.py)
def site_words(site) -> frozenset[str]:
    """Every word of the site's pages, their text and their form fields' values, and the printer's own."""
    words = set(PRINTED_WORDS.lower().split())
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        values = " ".join(
            str(tag.get("value", "")) + " " + str(tag.get("placeholder", "")) for tag in soup.find_all(True)
        )
        words |= {word.lower() for word in WORD.findall(soup.get_text(" ") + " " + values)}
    return frozenset(words)


@pytest.mark.parametrize("slug", list(TITLES))
def test_a_screen_reader_hears_the_words_where_lines_wrap(printed, vocabulary, slug):
    """Chromium drops the space at a soft line break unless it is preserved (print/keep_spaces.html); it still
    drops one that hangs past the right edge, about one line in a thousand."""
    assert shutil.which("pdfinfo"), "pdfinfo (Debian's poppler-utils, installed by `make browser`) is missing"
    out, _ = printed
    text = tagged_text(out / f"{slug}.pdf")
    if slug != "handbook":
        assert "who buy, design, run and take part in leadership training" in text  # wraps at "take" on the cover
    run_together = run_together_words(text, vocabulary)
    assert len(run_together) <= len(WORD.findall(text)) / 1000, run_together


def test_words_run_together_fail_the_check(vocabulary):
    """The companion: what the PDFs said before the spaces were preserved."""
    text = "An evidence-based handbook for people who buy, design, run and takepart in leadership training"
    assert run_together_words(text, vocabulary) == ["takepart"]
