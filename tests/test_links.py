"""Check 3: every internal link, image and anchor in the built site resolves; external links are https."""

from conftest import FIXTURES
from leadership_handbook.site_check import check_internal_links, external_links, html_pages

# External links that may stay plain http (none today); add a host here only with a reason.
HTTP_EXCEPTIONS: set[str] = set()


def test_every_internal_link_resolves(site):
    assert len(html_pages(site)) >= 10
    problems = check_internal_links(site)
    assert problems == [], "\n".join(map(str, problems))


def test_external_links_are_https(site):
    links = external_links(site)
    insecure = {url: pages for url, pages in links.items()
                if not url.startswith("https://") and url not in HTTP_EXCEPTIONS}
    assert insecure == {}


def test_a_broken_anchor_and_a_missing_image_are_caught():
    problems = check_internal_links(FIXTURES / "broken_anchor_site")
    found = {(p.page, p.target, p.reason) for p in problems}
    assert found == {
        ("index.html", "sub/page.html#missing-anchor", "no element with this id"),
        ("sub/page.html", "missing.png", "no such file"),
    }


def test_external_links_are_collected_with_their_pages():
    links = external_links(FIXTURES / "broken_anchor_site")
    assert links == {"https://example.org/": ["index.html"], "http://example.org/insecure": ["index.html"]}
