"""The printed editions are published with the site and a facilitator finds them from the pages they start on:
the intro, the session plans and every exercise page (issue 13, part 5)."""

from bs4 import BeautifulSoup

from leadership_handbook.site_check import PRINTED_LATER

WORKBOOK, GUIDE = "pdf/participant-workbook.pdf", "pdf/facilitator-guide.pdf"


def linked_pdfs(site, page: str) -> set[str]:
    """The editions a built page links to, as paths from the site's root."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    depth = page.count("/")
    found = set()
    for link in soup.select("article a[href$='.pdf']"):
        href = link["href"]
        for _ in range(depth):
            href = href.removeprefix("../")
        found.add(href)
    return found


def test_the_intro_and_the_session_plans_link_the_workbook_and_the_guide(site):
    for page in ("book/intro.html", "book/session-plans.html"):
        assert {WORKBOOK, GUIDE} <= linked_pdfs(site, page), page


def test_every_exercise_page_links_the_workbook(site):
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "exercises").glob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        assert WORKBOOK in linked_pdfs(site, page), page


def test_every_linked_edition_is_one_the_printer_makes(site):
    for page in site.rglob("*.html"):
        for pdf in linked_pdfs(site, page.relative_to(site).as_posix()):
            assert pdf in PRINTED_LATER, f"{page.relative_to(site)}: {pdf}"
