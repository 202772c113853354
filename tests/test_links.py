"""Check 3: every internal link, image and anchor in the built site resolves; external links are https."""

from conftest import FIXTURES

from leadership_handbook.site_check import check_internal_links, external_links, html_pages

# Sources whose archived address is plain http: an https address for them was not verified.
HTTP_EXCEPTIONS = {
    "http://leadershiptrainingdevelopment.com/roi-on-training-does-leadership-training-work-part-1",
    "http://leadershiptrainingdevelopment.com/roi-on-training-does-leadership-training-work-part-2",
    "http://roiinstitutecanada.com/roi-methodology/guiding-principles/",
}


def test_every_internal_link_resolves(site):
    assert len(html_pages(site)) >= 10
    problems = check_internal_links(site)
    assert problems == [], "\n".join(map(str, problems))


def test_external_links_are_https(site):
    links = external_links(site)
    insecure = {
        url: pages for url, pages in links.items() if not url.startswith("https://") and url not in HTTP_EXCEPTIONS
    }
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
