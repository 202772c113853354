"""What keeps pages light: the theme's CSS purged to what the pages use (with the proof that no pixel changes, for
a sample of pages), and notebook charts that load only when a reader reaches them. The numbers are `make bench`'s."""

import io
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from PIL import Image, ImageChops

from leadership_handbook.purge_css import originals_dir, stylesheets

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


def settled_screenshot(page, tries=8):
    """A screenshot once the page has stopped changing (the theme's scroll-spy and transitions finish late on a
    busy machine): two shots in a row that agree."""
    shot = page.screenshot(full_page=True, animations="disabled", caret="hide")
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = page.screenshot(full_page=True, animations="disabled", caret="hide")
        if again == shot:
            return shot
        shot = again
    return shot


def shots(browser, root, scheme):
    """Screenshots of the sample pages served from ``root``, at each width, in one colour scheme."""
    url, server = serve(root)
    images = {}
    try:
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1, color_scheme=scheme)
            page = context.new_page()
            for path in SAMPLE:
                page.goto(url + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                images[(path, name)] = settled_screenshot(page)
            context.close()
    finally:
        server.shutdown()
    return images


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_purging_the_css_changes_no_pixel(site, browser, tmp_path, scheme):
    whole = tmp_path / "whole"
    shutil.copytree(site, whole)
    for sheet in stylesheets(site):
        shutil.copyfile(originals_dir(site) / sheet, whole / sheet)  # the stylesheets as the theme ships them
    purged, unpurged = shots(browser, site, scheme), shots(browser, whole, scheme)
    for key, png in purged.items():
        one, two = Image.open(io.BytesIO(png)).convert("RGB"), Image.open(io.BytesIO(unpurged[key])).convert("RGB")
        assert one.size == two.size, key
        assert ImageChops.difference(one, two).getbbox() is None, f"{key}: pixels differ"


def test_the_comparison_sees_a_dropped_rule(site, browser, tmp_path):
    """The pixel check is not blind: with the theme's stylesheet emptied, the pages look different."""
    broken = tmp_path / "broken"
    shutil.copytree(site, broken)
    (broken / "_static/styles/pydata-sphinx-theme.css").write_text("", "utf-8")
    ok, bad = shots(browser, site, "light"), shots(browser, broken, "light")
    key = (SAMPLE[0], "desktop")
    one, two = Image.open(io.BytesIO(ok[key])).convert("RGB"), Image.open(io.BytesIO(bad[key])).convert("RGB")
    assert one.size != two.size or ImageChops.difference(one, two).getbbox() is not None


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
