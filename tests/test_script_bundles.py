"""Each run of deferred scripts a page loads is one file (leadership_handbook/script_bundles.py): the same code in the
same order, strict scripts only, the data a script reads from its own tag kept, and fresh after an incremental
build."""

import json
import re

from leadership_handbook.script_bundles import SCRIPT_BUNDLE_PREFIX, _runs, bundle_manifest, bundle_scripts
from leadership_handbook.site_check import html_pages, is_redirect

STRICT_A = '"use strict";const A=1;\n'
STRICT_B = '(function(){"use strict";window.B=A+1})();\n'
STRICT_C = '(()=>{"use strict";window.C=2})();\n'
SLOPPY = "var OPTIONS={pagename:''};\n"


def tiny_site(tmp_path):
    site = tmp_path / "html"
    (site / "_static").mkdir(parents=True)
    for name, text in {"a.js": STRICT_A, "b.js": STRICT_B, "c.js": STRICT_C, "options.js": SLOPPY}.items():
        (site / "_static" / name).write_text(text, encoding="utf-8")
    (site / "book").mkdir()
    page = (
        "<html><head>\n"
        '    <script defer="defer" src="../_static/options.js?v=1"></script>\n'
        '    <script defer="defer" src="../_static/a.js?v=1"></script>\n'
        '    <script defer="defer" src="../_static/b.js?v=1"></script>\n'
        '    <script type="module">OPTIONS.pagename = "x";</script>\n'
        '    <script data-check="check.js?v=2" defer="defer" src="../_static/c.js?v=1"></script>\n'
        '    <script defer="defer" src="../_static/b.js?v=1"></script>\n'
        "</head><body><p>Text</p></body></html>\n"
    )
    for name in ("one", "two"):
        (site / "book" / f"{name}.html").write_text(page, encoding="utf-8")
    return site


def scripts_of(page_text: str) -> list[str]:
    return re.findall(r'<script\b[^>]*?(?:src="([^"]*)"[^>]*)?>', page_text)


def test_runs_become_one_file_each_in_order_and_shared_by_pages(tmp_path):
    site = tiny_site(tmp_path)
    bundles = bundle_scripts(site)
    assert sorted(bundles.values()) == [["_static/a.js", "_static/b.js"], ["_static/c.js", "_static/b.js"]]
    one, two = ((site / "book" / f"{n}.html").read_text(encoding="utf-8") for n in ("one", "two"))
    assert one == two  # both pages link the same shared files
    sources = [s for s in scripts_of(one) if s]
    assert sources[0] == "../_static/options.js?v=1"  # the sloppy script is not joined to strict ones
    assert len(sources) == 3 and all(s.startswith("../" + SCRIPT_BUNDLE_PREFIX) for s in sources[1:])
    assert one.index("options.js") < one.index(sources[1]) < one.index('type="module"') < one.index(sources[2])
    for name, files in bundles.items():
        text = (site / name).read_text(encoding="utf-8")
        assert text.startswith('"use strict";')
        at = [text.index((site / file).read_text(encoding="utf-8").strip()) for file in files]
        assert at == sorted(at)  # each file whole, in the page's order
    assert 'data-check="check.js?v=2"' in re.search(r"<script[^>]*c\.js|<script data-check[^>]*>", one).group(0)


def test_a_page_an_incremental_build_kept_gets_the_new_code(tmp_path):
    site = tiny_site(tmp_path)
    bundle_scripts(site)
    kept = (site / "book" / "one.html").read_text(encoding="utf-8")
    (site / "_static" / "a.js").write_text('"use strict";const A=41;\n', encoding="utf-8")  # the new build's copy
    (site / "book" / "two.html").unlink()
    bundle_scripts(site)
    manifest = json.loads(bundle_manifest(site).read_text(encoding="utf-8"))
    joined = next(name for name, files in manifest.items() if files[0] == "_static/a.js")
    assert "const A=41" in (site / joined).read_text(encoding="utf-8")
    refreshed = (site / "book" / "one.html").read_text(encoding="utf-8")
    assert refreshed != kept and re.search(re.escape(joined.rsplit("/", 1)[1]) + r"\?v=[0-9a-f]{8}", refreshed)


def test_no_page_of_the_book_loads_two_deferred_scripts_in_a_row(site):
    pages = list(html_pages(site))
    assert len(pages) > 20
    for page in pages:
        assert _runs(page.read_text(encoding="utf-8"), page, site) == [], page
    intro = (site / "book" / "intro.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<script\b[^>]*\bsrc=", intro)) <= 3
    assert SCRIPT_BUNDLE_PREFIX.rsplit("/", 1)[1] in intro


def test_every_page_has_a_description_and_the_search_page_blocks_on_no_script(site):
    """Search engines show a page's description (Lighthouse's SEO audit fails a page without one); the search
    page's own scripts (templates/search.html) are deferred like every other page's and its index is preloaded, not
    run as a blocking script; its search still works (tests/test_csp.py searches under the policy, from a URL and
    the form)."""
    for page in html_pages(site):
        if is_redirect(page):  # the root index.html, which only sends the reader on
            continue
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{40,}"', text), page
    head = (site / "search.html").read_text(encoding="utf-8").split("</head>")[0]
    tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head)
    assert any("searchtools.js" in tag for tag in tags) and any("lh-search-page.js" in tag for tag in tags)
    assert all(" defer" in tag for tag in tags), tags
    assert not any("searchindex.js" in tag for tag in tags)  # it runs once the page has loaded
    assert '<link rel="preload" as="script" href="searchindex.js" />' in head


def test_the_exercises_bundle_is_linked_through_the_after_load_loader(tmp_path):
    site = tiny_site(tmp_path)
    (site / "_static" / "lh-core.js").write_text('"use strict";window.LH={};\n', encoding="utf-8")
    (site / "_static" / "lh-after-load.js").write_text("(function(){'use strict'})();\n", encoding="utf-8")
    page = site / "book" / "one.html"
    text = page.read_text(encoding="utf-8").replace("../_static/a.js", "../_static/lh-core.js")
    page.write_text(text, encoding="utf-8")
    bundles = bundle_scripts(site)
    core = next(name for name, files in bundles.items() if files == ["_static/lh-core.js", "_static/b.js"])
    linked = page.read_text(encoding="utf-8")
    tag = re.search(r"<script[^>]*lh-after-load[^>]*>", linked).group(0)
    assert re.search(r'src="\.\./_static/lh-after-load\.js\?v=[0-9a-f]{8}"', tag) and " defer" in tag
    assert re.search(r'data-lh-after-load="' + re.escape(core.rsplit("/", 1)[1]) + r'\?v=[0-9a-f]{8}"', tag)
    assert f'src="../{core}' not in linked  # fetched by the loader only
    other = (site / "book" / "two.html").read_text(encoding="utf-8")
    assert "lh-after-load" not in other and len(re.findall(r'src="\.\./' + SCRIPT_BUNDLE_PREFIX, other)) == 2
    bundle_scripts(site)  # again, as an incremental build does: the page keeps one loader, linking the same file
    assert page.read_text(encoding="utf-8") == linked


def test_an_exercise_page_fetches_its_scripts_after_the_load_event_and_its_form_starts(page, site_url):
    page.goto(site_url + "exercises/roi-calculator.html")  # conftest.py's goto waits for the forms to start
    timing = page.evaluate(
        """() => ({ load: performance.getEntriesByType("navigation")[0].loadEventStart,
                    bundles: performance.getEntriesByType("resource").filter((r) => r.name.includes("/lh-scripts-"))
                      .map((r) => ({ name: r.name, start: r.startTime })) })"""
    )
    late = [b for b in timing["bundles"] if b["start"] >= timing["load"]]
    assert len(late) == 1 and len(timing["bundles"]) == 2, timing  # the theme's bundle before, the form's after
    assert page.locator(".lh-exercise.lh-ready").count() == 1
    assert page.get_by_role("button", name="Print a blank copy").count() == 1  # lh-exercise-page.js ran too
    assert page.locator(".lh-results").inner_text().strip()  # the worked example's results
    assert page.errors == []
