"""axe-core finds no violations, of any impact, on any page of the built site (the theme's pages included)."""

from axe_playwright_python.sync_playwright import Axe
from conftest import FIXTURES, serve

from leadership_handbook.site_check import html_pages, is_redirect

AXE = Axe()


def violations(page, url):
    page.goto(url, wait_until="load")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in AXE.run(page).response["violations"]]


def test_every_page_has_no_axe_violations(site, site_url, page):
    found = {}
    pages = [p for p in html_pages(site) if not is_redirect(p)]  # a redirect is checked where it lands
    assert len(pages) >= 10
    for path in pages:
        name = path.relative_to(site).as_posix()
        problems = violations(page, site_url + name)
        if problems:
            found[name] = problems
    assert found == {}


def test_axe_catches_missing_alt_text_low_contrast_and_unlabelled_inputs(page):
    url, server = serve(FIXTURES / "inaccessible_site")
    try:
        ids = {rule for rule, _, _ in violations(page, url + "index.html")}
    finally:
        server.shutdown()
    assert {"image-alt", "color-contrast", "label"} <= ids
