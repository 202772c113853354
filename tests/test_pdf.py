"""The three PDFs: they open, have the right paper and length, carry every worksheet, keep answers out of the
participant workbook and in the facilitator guide, and embed their fonts."""

import re
import unicodedata

import pytest
from conftest import ROOT
from pypdf import PdfReader

from leadership_handbook.core.instruments import load
from leadership_handbook.print_pdf import print_all
from leadership_handbook.site_check import html_pages

POINTS = {"a4": (595.92, 841.92), "letter": (612.0, 792.0)}


def text_of(reader):
    """All the text, with ligatures (ﬁ, ﬀ) unfolded and white space collapsed."""
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="session")
def pdfs(site, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    report = print_all(ROOT, site, out, "a4", date="2026-11-28", browser=browser)
    return {slug: PdfReader(out / f"{slug}.pdf") for slug in report}, report


@pytest.fixture(scope="session")
def texts(pdfs):
    readers, _ = pdfs
    return {slug: text_of(reader) for slug, reader in readers.items()}


def worksheet_titles(site):
    titles = []
    for page in html_pages(site / "exercises"):
        titles += re.findall(r'data-lh-title="([^"]+)"', page.read_text(encoding="utf-8"))
    return titles


def test_three_pdfs_on_a4_with_plausible_lengths(pdfs):
    readers, report = pdfs
    assert set(readers) == {"handbook", "participant-workbook", "facilitator-guide"}
    for slug, reader in readers.items():
        box = reader.pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(POINTS["a4"], abs=1), slug
        assert len(reader.pages) == report[slug]["pages"]
    assert 80 <= len(readers["handbook"].pages) <= 300
    assert 20 <= len(readers["participant-workbook"].pages) <= 120
    assert (
        len(readers["participant-workbook"].pages)
        < len(readers["facilitator-guide"].pages)
        < len(readers["handbook"].pages)
    )


def test_letter_paper_when_asked(site, browser, tmp_path):
    report = print_all(ROOT, site, tmp_path, "letter", only=["participant-workbook"], browser=browser)
    reader = PdfReader(tmp_path / "participant-workbook.pdf")
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(POINTS["letter"], abs=1)
    assert len(reader.pages) == report["participant-workbook"]["pages"]


def test_cover_contents_and_running_heads(pdfs, texts):
    readers, report = pdfs
    workbook = readers["participant-workbook"]
    cover = " ".join(workbook.pages[0].extract_text().split())
    assert "PARTICIPANT WORKBOOK" in cover.upper() and "Beyond the Course" in cover
    assert "2026-11-28" in cover and "CC BY 4.0" in cover
    contents = " ".join(workbook.pages[1].extract_text().split())
    assert "Contents" in contents and "Beyond the Course" in contents
    total = len(workbook.pages)
    for title, start in list(report["participant-workbook"]["starts"].items())[:3]:
        page_text = " ".join(workbook.pages[start - 1].extract_text().split())
        assert f"page {start} of {total}" in page_text
        assert title.split(":")[0] in page_text


def test_every_worksheet_is_in_the_workbook_and_the_guide(site, texts):
    titles = worksheet_titles(site)
    assert len(titles) >= 8
    for title in titles:
        assert title in texts["participant-workbook"], title
        assert title in texts["facilitator-guide"], title


def explanations():
    quiz = load("knowledge_checks")
    return [
        " ".join(option["explanation"].split())[:60]
        for part in quiz["parts"]
        for question in part["questions"]
        for option in question["options"]
    ]


def test_answer_keys_only_in_the_facilitator_guide(texts):
    keys = explanations()
    assert len(keys) >= 30
    leaked = [k for k in keys if k in texts["participant-workbook"]]
    assert leaked == []
    assert "Answer key" not in texts["participant-workbook"]
    missing = [k for k in keys if k not in texts["facilitator-guide"]]
    assert missing == []
    assert "Session plans for facilitators" in texts["facilitator-guide"]
    assert "Scoring guide" in texts["facilitator-guide"]


def test_fonts_are_embedded(pdfs):
    readers, _ = pdfs
    for slug, reader in readers.items():
        for number, page in enumerate(reader.pages[:40], start=1):
            fonts = (page.get("/Resources") or {}).get("/Font") or {}
            for name, ref in fonts.items():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                descriptor = target.get("/FontDescriptor")
                assert descriptor is not None, f"{slug} page {number}: font {name} has no descriptor"
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    f"{slug} page {number}: font {name} is not embedded"
                )
