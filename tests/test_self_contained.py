"""Check 4: no page loads anything from another host, and pages raise no JavaScript error in a real browser."""

import re

from conftest import FIXTURES, serve

from leadership_handbook.site_check import html_pages, remote_loads
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


NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")


def visit(browser, url):
    """Open a page; return its JavaScript errors and the hosts of every request other than 127.0.0.1."""
    page = browser.new_page()
    errors, foreign = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    def record_and_block(route):
        foreign.append(route.request.url)
        route.abort()

    # The browser matches the pattern itself, so only requests bound for another host come back to Python.
    page.route(NOT_LOCAL, record_and_block)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    page.close()
    return errors, foreign


def test_every_page_runs_without_errors_or_foreign_requests(site, site_url, browser):
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    failures = {}
    for name in pages:
        errors, foreign = visit(browser, site_url + name)
        if errors or foreign:
            failures[name] = {"errors": errors, "requests": foreign}
    assert failures == {}


def test_a_page_that_throws_or_calls_out_is_caught(browser):
    url, server = serve(FIXTURES / "remote_loads_site")
    try:
        errors, foreign = visit(browser, url + "index.html")
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
