"""Every page carries a Content-Security-Policy (a <meta http-equiv>) that allows scripts, styles, fonts and
images from the site only, with no 'unsafe-eval' and no 'unsafe-inline' for scripts; Chromium reports no
violation of it on any page (tests/test_every_page.py, in the same visit as the other per-page checks), and the
theme's search form and header buttons still work under it."""

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, serve
from page_checks import open_watched, policy_violations

from leadership_handbook.build import build_book
from leadership_handbook.site_check import html_pages
from leadership_handbook.sphinx_ext.content_security import (
    NoPolicyMeta,
    inline_code,
    policy,
    source_hash,
    with_page_policy,
)
from leadership_handbook.sphinx_ext.page_fixes import fix_body_html


def policy_directives(path) -> dict[str, list[str]]:
    """The page's policy as {directive: sources}; fails unless it is one <meta> in <head> before any script or style."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(metas) == 1 and soup.head in metas[0].parents, f"{path.name}: one policy <meta> in <head>"
    first_code = soup.head.find(["script", "style", "link"])
    assert first_code is None or metas[0] in first_code.find_all_previous("meta"), f"{path.name}: policy comes late"
    return {part.split()[0]: part.split()[1:] for part in metas[0]["content"].split(";") if part.strip()}


PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="">
<script>let mode = "auto";</script><script src="a.js"></script><script type="module">import "./b.js";</script>
<noscript><style>.js-only { display: none; }</style></noscript></head>
<body><script type="application/json">{"spec": 1}</script><script>alert(1)</script>
<a href="javascript:alert(2)">x</a><p style="color: red" onclick="alert(3)">y</p></body></html>"""


def test_only_the_heads_inline_code_is_hashed_and_the_rest_is_listed_as_refused():
    code = inline_code(PAGE)
    assert code.head_scripts == ['let mode = "auto";', 'import "./b.js";']  # a src or a data block needs no hash
    assert code.head_styles == [".js-only { display: none; }"]
    assert [what.split(" ")[0] for what in code.refused] == ["inline", "javascript:", "style", "inline"]
    fixed, refused = with_page_policy(PAGE)
    assert source_hash('let mode = "auto";') in fixed and source_hash("alert(1)") not in fixed
    assert source_hash(".js-only { display: none; }") in fixed and refused == code.refused


def test_the_policy_allows_each_hash_once_and_a_page_without_its_meta_is_refused():
    assert policy(["'sha256-a'", "'sha256-a'"]).count("'sha256-a'") == 1
    assert source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # the digest of nothing
    with pytest.raises(NoPolicyMeta):
        with_page_policy("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")


def test_thebes_kernel_settings_leave_the_page_body():
    body = '<p>Text.</p>\n<script type="text/x-thebe-config">\n{ requestKernel: true }\n</script>\n'
    body += "<script>kernelName = 'python3'</script>\n"
    assert fix_body_html(body) == "<p>Text.</p>\n"


def test_every_page_has_a_policy_that_allows_only_the_site_and_no_inline_or_eval_code(site):
    pages = html_pages(site)
    assert len(pages) >= 10
    for path in pages:
        directives = policy_directives(path)
        name = path.relative_to(site).as_posix()
        script_sources = directives["script-src"]
        assert script_sources[0] == "'self'", name
        assert all(source.startswith("'sha256-") for source in script_sources[1:]), (name, script_sources)
        assert all(source == "'self'" or source.startswith("'sha256-") for source in directives["style-src"]), name
        assert directives["font-src"] == ["'self'"] and directives["img-src"] == ["'self'", "data:"], name
        assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"], name
        assert "'unsafe-eval'" not in str(directives) and "'unsafe-inline'" not in str(directives), name


def test_injected_code_is_refused_and_the_pages_own_head_script_runs(browser, tmp_path):
    """The build step that writes the policy, on a page whose content holds a script, a handler and a style."""
    shutil.copytree(FIXTURES / "csp_site", tmp_path, dirs_exist_ok=True)
    source = tmp_path / "index.html"
    page_html, refused = with_page_policy(source.read_text(encoding="utf-8"))
    source.write_text(page_html, encoding="utf-8")
    assert [what.split(" ")[0] for what in refused] == ["inline", "inline", "style"]
    url, server = serve(tmp_path)
    try:
        page = open_watched(browser, url + "index.html")
        ran = page.evaluate("({...document.documentElement.dataset})")
        found = policy_violations(page)
        page.context.close()
    finally:
        server.shutdown()
    assert ran == {"headScript": "ran"}
    directives = {violation.split(" ")[0] for violation in found}
    assert {"script-src-elem", "script-src-attr", "style-src-attr"} <= directives, found


def test_search_form_submits_and_lists_results_under_the_policy(site_url, browser):
    page = open_watched(browser, site_url + "book/intro.html")
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.matches('#pst-search-dialog input[name=q]')")  # ready to type
    page.keyboard.type("transfer")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "search.html?q=transfer" in url)
    # Sphinx's search lists its results one at a time, a few milliseconds apart: wait for the third
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length >= 3", timeout=10_000)
    field = page.locator(".bd-search-container input[name=q]")
    field.fill("evaluation")
    page.locator(".bd-search-container button[type=submit]").click()
    page.wait_for_url(lambda url: "search.html?q=evaluation" in url)
    page.locator("#search-results li").first.wait_for()
    assert policy_violations(page) == []
    page.context.close()


def test_header_buttons_print_and_go_full_screen_without_inline_handlers(site_url, browser):
    page = open_watched(browser, site_url + "book/intro.html")
    page.evaluate("() => { window.lhPrinted = 0; window.print = () => { window.lhPrinted += 1; }; }")
    page.locator(".dropdown-download-buttons .dropdown-toggle").click()
    page.locator("[data-lh-onclick='window.print()']").click()
    assert page.evaluate("window.lhPrinted") == 1
    page.locator("[data-lh-onclick='toggleFullScreen()']").click()
    # a function, evaluated once: an expression would be eval()ed again at each poll, which the policy refuses
    page.wait_for_function("() => document.fullscreenElement !== null")
    assert page.locator("[onclick]").count() == 0
    assert policy_violations(page) == []
    page.context.close()


@pytest.mark.build  # builds a Sphinx project: not part of make test-fast
def test_a_page_whose_content_holds_inline_code_fails_the_strict_build(tmp_path):
    """What an imported file could smuggle into a page's content is refused in the browser and fails the build."""
    book = tmp_path / "mini_book"
    shutil.copytree(FIXTURES / "mini_book", book)
    with open(book / "chapter.md", "a", encoding="utf-8") as chapter:
        chapter.write('\n<p onmouseover="alert(1)">Hover.</p>\n\n<script>alert(2)</script>\n')
    result = build_book(book)
    assert not result.ok
    refused = [line for line in result.warnings if "Content-Security-Policy refuses" in line]
    assert len(refused) == 2 and all(line.count("chapter.html") == 1 for line in refused), result.warnings
    page = (book / "_build" / "html" / "chapter.html").read_text(encoding="utf-8")
    assert source_hash("alert(2)") not in page
