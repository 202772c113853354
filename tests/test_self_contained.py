"""Check 4: no page loads anything from another host, and pages raise no JavaScript error in a real browser (every
page, in tests/test_every_page.py, in the same visit as the other per-page checks)."""

from conftest import FIXTURES, serve
from page_checks import open_watched

from leadership_handbook.site_check import remote_loads
from leadership_handbook.sphinx_ext.page_fixes import clean_script_files


def test_no_page_loads_from_another_host(site):
    problems = remote_loads(site)
    assert problems == [], "\n".join(map(str, problems))


def test_remote_scripts_styles_fonts_and_images_are_caught():
    targets = {p.target for p in remote_loads(FIXTURES / "remote_loads_site")}
    assert targets == {
        "https://cdn.example.org/theme.css",
        "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js",
        "//images.example.org/logo.png",
        "https://fonts.example.org/x.woff2",
    }


def test_a_page_that_throws_or_calls_out_is_caught(browser):
    """The companion of tests/test_every_page.py's check: a page that throws and one that calls out are caught."""
    url, server = serve(FIXTURES / "remote_loads_site")
    try:
        page = open_watched(browser, url + "index.html")
        errors, foreign = list(page.js_errors), list(page.foreign)
        page.context.close()
    finally:
        server.shutdown()
    assert any("THEBE_JS_URL" in error for error in errors)
    assert any("cdn.jsdelivr.net" in request for request in foreign)


def test_repeated_and_thebe_scripts_are_dropped():
    class Script:
        def __init__(self, filename, body=""):
            self.filename, self.attributes = filename, {"body": body} if body else {}

    scripts = [
        Script("a.js"),
        Script(None, 'const THEBE_JS_URL = "x"'),
        Script("sphinx-thebe.js"),
        Script(None, "let x = 1"),
        Script("a.js"),
        Script(None, "let x = 1"),
    ]
    assert [(s.filename, s.attributes.get("body")) for s in clean_script_files(scripts)] == [
        ("a.js", None),
        (None, "let x = 1"),
    ]
