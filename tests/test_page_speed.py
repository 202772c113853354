"""What keeps pages light: the theme's CSS purged to what the pages use and shipped as one stylesheet a page (with
the proof that no pixel changes, for a sample of pages), no script that holds up the first paint, our scripts
minified, and notebook charts that load only when a reader reaches them. The numbers are `make bench`'s."""

import io
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from page_checks import STEADY, steady_screenshot
from PIL import Image, ImageChops

from leadership_handbook.minify_js import minified_files
from leadership_handbook.purge_css import (
    BUNDLE_PREFIX,
    bundle_css,
    bundle_manifest,
    joined_css,
    originals_dir,
    stylesheets,
    unbundle_css,
)
from leadership_handbook.site_check import html_pages, is_redirect

SAMPLE = ("book/does-it-work.html", "exercises/roi-calculator.html")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_the_theme_stylesheet_ships_only_what_the_pages_use(site):
    sheets = stylesheets(site)
    assert "_static/styles/pydata-sphinx-theme.css" in sheets
    for sheet in sheets:
        before, after = (originals_dir(site) / sheet).stat().st_size, (site / sheet).stat().st_size
        assert after <= before, sheet
    theme = "_static/styles/pydata-sphinx-theme.css"
    assert (site / theme).stat().st_size < 0.4 * (originals_dir(site) / theme).stat().st_size


# The theme's menus, opened as a reader opens them: the contents sidebar (a drawer on a phone) and the search dialog.
OPENERS = {
    "sidebar": "() => { const b = [...document.querySelectorAll('.primary-toggle')].find(x => x.offsetParent);"
    " if (b) b.click(); return !!b; }",
    "search": "() => { const b = [...document.querySelectorAll('.search-button__button')].find(x => x.offsetParent);"
    " if (b) b.click(); return !!b; }",
}
STATES = ("page", *OPENERS)  # "page": the whole page, closed; a menu opened: what the screen shows


def screenshot(page, state, settled=False):
    """The whole page (or, with a menu open, the screen); ``settled``: once two shots in a row agree."""
    full_page = state == "page"
    return steady_screenshot(page, full_page) if settled else page.screenshot(full_page=full_page, **STEADY)


def shots(browser, root, scheme, keys, settled=False):
    """{(page, viewport, state): screenshot} of the pages served from ``root``, in one colour scheme."""
    url, server = serve(root)
    images = {}
    try:
        for name in VIEWPORTS:
            context = browser.new_context(viewport=VIEWPORTS[name], device_scale_factor=1, color_scheme=scheme)
            page = context.new_page()
            for path, viewport, state in (key for key in keys if key[1] == name):
                page.goto(url + path, wait_until="load")
                page.evaluate("document.fonts.ready")
                if state in OPENERS:
                    assert page.evaluate(OPENERS[state]), f"{path}, {name}: no button opens the {state}"
                images[(path, viewport, state)] = screenshot(page, state, settled)
            context.close()
    finally:
        server.shutdown()
    return images


RELOADS = 3
EVERY_SHOT = [(path, viewport, state) for path in SAMPLE for viewport in VIEWPORTS for state in STATES]


def difference(png_one: bytes, png_two: bytes):
    """The box where two screenshots differ, or None when they are identical."""
    if png_one == png_two:
        return None  # the same pixels encode to the same bytes
    one, two = (Image.open(io.BytesIO(png)).convert("RGB") for png in (png_one, png_two))
    return (0, 0, *one.size) if one.size != two.size else ImageChops.difference(one, two).getbbox()


@pytest.mark.long
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_purging_the_css_changes_no_pixel(site, browser, tmp_path, scheme):
    """The sample pages, on a desktop and a phone, closed and with the sidebar and the search opened, look the same
    pixel for pixel with the purged bundle as with the theme's whole stylesheets."""
    whole = tmp_path / "whole"
    shutil.copytree(site, whole)
    shutil.copytree(originals_dir(site), originals_dir(whole))
    for sheet in stylesheets(site):
        shutil.copyfile(originals_dir(site) / sheet, whole / sheet)  # the stylesheets as the theme ships them
    unbundle_css(whole)  # and each page linking them one by one, not its (minified) bundle
    purged, unpurged = shots(browser, site, scheme, EVERY_SHOT), shots(browser, whole, scheme, EVERY_SHOT)
    # Chromium sometimes anti-aliases a rounded corner (the sidebar's search box, a form's box) a shade differently
    # from one load to the next (either site, about one load in three on a busy machine), and the scroll-spy can
    # land late: a pair that differs is shot again from fresh loads (settled from the second time on) and must then
    # be identical, pixel for pixel. A rule the purge dropped differs on every load.
    for attempt in range(RELOADS):
        differ = [key for key in EVERY_SHOT if difference(purged[key], unpurged[key]) is not None]
        if not differ:
            break
        purged.update(shots(browser, site, scheme, differ, settled=attempt > 0))
        unpurged.update(shots(browser, whole, scheme, differ, settled=attempt > 0))
    assert {key: difference(purged[key], unpurged[key]) for key in EVERY_SHOT} == dict.fromkeys(EVERY_SHOT)


def test_the_comparison_sees_a_dropped_rule(site, browser, tmp_path):
    """The pixel check is not blind: with the theme's stylesheet emptied, the pages look different, closed and with
    each menu open."""
    broken = tmp_path / "broken"
    shutil.copytree(site, broken)
    shutil.copytree(originals_dir(site), originals_dir(broken))
    (broken / "_static/styles/pydata-sphinx-theme.css").write_text("", "utf-8")
    unbundle_css(broken)
    keys = [(SAMPLE[0], "desktop", state) for state in STATES]
    ok, bad = (shots(browser, root, "light", keys) for root in (site, broken))
    assert [key for key in keys if difference(ok[key], bad[key]) is None] == []


def test_notebook_charts_load_only_when_reached(site):
    charts = 0
    for page in sorted((site / "exercises").glob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for image in soup.select(".cell_output img"):
            charts += 1
            assert image.get("loading") == "lazy", f"{page.name}: {image.get('src')}"
    assert charts >= 4


def test_a_second_purge_starts_from_the_theme_s_stylesheets_not_the_last_purge(site, tmp_path):
    """An incremental build recopies only some stylesheets: purging again must not purge a purged copy, or a
    class a page starts using would find its rules gone."""
    import re

    from leadership_handbook.purge_css import purge_css

    copy = tmp_path / "html"
    shutil.copytree(site, copy)
    shutil.copytree(originals_dir(site), originals_dir(copy))
    theme = "_static/styles/pydata-sphinx-theme.css"
    classes = lambda css: set(re.findall(r"(?:^|[}])\.([a-z][a-z0-9-]{5,})\{", css))  # noqa: E731  (rule of its own)
    whole, purged = ((folder / theme).read_text("utf-8") for folder in (originals_dir(copy), copy))
    dropped = sorted(classes(whole) - classes(purged))
    assert dropped, "the first purge dropped nothing"
    (copy / "book" / "extra.html").write_text(f'<p class="{dropped[0]}">x</p>', "utf-8")  # a page now uses it
    purge_css(copy)  # the sheet in the site is still the last purge's output, as after an incremental build
    assert dropped[0] in classes((copy / theme).read_text("utf-8"))


def head_of(page) -> str:
    text = page.read_text("utf-8")
    return text[: text.index("</head>")]


def test_every_page_waits_for_one_stylesheet_and_no_script(site):
    """The first paint waits for the page and one stylesheet: every script in the <head> is deferred (or an inline
    module, which waits as they do), and the one inline classic script is the theme's colour mode, which must run
    before the first paint."""
    pages = [page for page in html_pages(site) if not is_redirect(page)]
    assert len(pages) >= 20
    for page in pages:
        soup = BeautifulSoup(head_of(page), "html.parser")
        sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet") if link.get("media", "all") == "all"]
        assert len(sheets) == 1 and BUNDLE_PREFIX.split("/")[-1] in sheets[0], f"{page.name}: {sheets}"
        assert "bootstrap.js" not in page.read_text("utf-8"), page.name  # lh-header-buttons.js runs the menus
        if page.name == "search.html":
            continue  # Sphinx's search template loads the search's own scripts; no reader lands there first
        for script in soup.find_all("script"):
            if script.get("type") in ("module", "application/json"):
                continue
            if script.get("src"):
                assert script.has_attr("defer") or script.has_attr("async"), f"{page.name}: {script}"
            else:
                assert 'localStorage.getItem("theme")' in (script.string or ""), f"{page.name}: {script}"


def test_a_bundle_finds_everything_its_sheets_pointed_to(site):
    bundles = sorted((site / "_static").glob(BUNDLE_PREFIX.split("/")[-1] + "*.css"))
    assert bundles
    for bundle in bundles:
        css = bundle.read_text("utf-8")
        assert "@import" not in css, bundle.name
        for url in re.findall(r"url\(\"?([^\")]+)", css):
            if not url.startswith(("data:", "#")):
                assert (bundle.parent / url.split("?")[0].split("#")[0]).is_file(), f"{bundle.name}: {url}"
        assert "Font Awesome Free icons (CC BY 4.0" in css  # the icons' credit outlives minifying


def test_joining_sheets_puts_imports_in_place_and_rewrites_their_urls(tmp_path):
    (tmp_path / "_static" / "styles").mkdir(parents=True)
    (tmp_path / "_static" / "base.css").write_text("/* base */\n.a { background: url(file.png); }", "utf-8")
    (tmp_path / "_static" / "styles" / "theme.css").write_text(
        '@import "../base.css";\n.b { src: url("../vendor/x.woff2") }\n'
        '.c { mask: url("data:image/svg+xml,%3Csvg/%3E") }',
        "utf-8",
    )
    css = joined_css(tmp_path, ["_static/styles/theme.css"])
    assert "/*! base */" in css and 'url("file.png")' in css and 'url("vendor/x.woff2")' in css
    assert 'url("data:image/svg+xml,%3Csvg/%3E")' in css and "@import" not in css
    assert css.index(".a {") < css.index(".b {")  # the imported sheet's rules come first, as @import puts them


def test_bundling_again_after_an_incremental_build_keeps_one_link_and_fresh_rules(site, tmp_path):
    copy = tmp_path / "html"
    shutil.copytree(site, copy)
    shutil.copytree(originals_dir(site), originals_dir(copy))
    page = copy / "book" / "does-it-work.html"
    bundled = page.read_text("utf-8")
    unbundle_css(page.parent.parent)  # as Sphinx rewrites a page it rebuilds: every sheet linked again
    assert head_of(page).count('rel="stylesheet"') > 1
    (copy / "_static" / "lh-site.css").write_text(".lh-new-rule { color: red }", "utf-8")
    bundle_css(copy)
    assert page.read_text("utf-8").count('rel="stylesheet"') == bundled.count('rel="stylesheet"') == 1
    link = re.search(r'href="\.\./(_static/lh-bundle-[^"?]+)', head_of(page)).group(1)
    assert ".lh-new-rule" in (copy / link).read_text("utf-8")
    assert link in bundle_manifest(copy).read_text("utf-8")


def test_our_scripts_ship_minified(site):
    from leadership_handbook.minify_js import ROOT as PACKAGE_ROOT

    scripts = [name for name in minified_files(site) if name.endswith(".js") and "/lh-" in name]
    assert "_static/lh-header-buttons.js" in scripts and len(scripts) >= 5
    source = PACKAGE_ROOT / "leadership_handbook" / "static" / "lh-header-buttons.js"
    shipped = (site / "_static" / "lh-header-buttons.js").read_text("utf-8")
    assert len(shipped) < 0.8 * len(source.read_text("utf-8")) and "\n  " not in shipped


RESULT_TOPS = "() => [...document.querySelectorAll('#search-results li')].map((li) => li.offsetTop)"


def test_search_results_stay_put_and_fetch_a_snippet_only_as_it_comes_into_view(site_url, browser):
    """lh-search-page.js: the count is written before the list is done, a snippet is the matching page's prose (not
    its header's buttons) as the build wrote it, only results in view are fetched, and nothing moves while the
    snippets arrive."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "search.html?q=evaluation", wait_until="load")
    page.locator("#search-results li").first.wait_for()
    found = re.search(r"found (\d+) page", page.locator("#search-results .search-summary").inner_text())
    assert found and int(found.group(1)) >= 12, "the count is written as the first result is listed"
    listed = int(found.group(1))
    page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length === {listed}")
    page.wait_for_function("() => document.querySelector('#search-results li p.lh-snippet').textContent.length > 40")
    tops = page.evaluate(RESULT_TOPS)
    page.wait_for_timeout(500)  # the snippets in view arrive
    first = page.locator("#search-results li p.lh-snippet").first.inner_text()
    assert "evaluation" in first.lower() and "Repository" not in first, first
    assert page.evaluate(RESULT_TOPS) == tops
    assert site_url + "searchindex.js" in fetched
    pages = {url.split("#")[0] for url in fetched if url.endswith(".html")} - {site_url + "search.html"}
    assert pages == set(), "a snippet comes from the page's prose the build wrote, not from the page"
    first = {url for url in fetched if url.startswith(site_url + "_search_text/") and not url.endswith(".rest.json")}
    rest = {url for url in fetched if url.endswith(".rest.json")}
    assert 0 < len(first) < listed, (len(first), listed)
    assert {url.replace(".rest.json", ".json") for url in rest} <= first  # the rest only after the first part
    # each fetched snippet is shown, from the first part or, where the match lies further on, from the rest
    shown = page.eval_on_selector_all("#search-results p.lh-snippet", "ps => ps.map(p => p.textContent)")
    assert len([text for text in shown if "evaluat" in text.lower()]) == len(first), shown
    context.close()
