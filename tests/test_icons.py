"""The theme's icons come from one small stylesheet; fontawesome.js (1.5 MB) is never loaded."""

from leadership_handbook.site_check import html_pages
from leadership_handbook.sphinx_ext.icons import FONTAWESOME_JS, ICON_CLASS, icon_paths, icons_css


def test_every_icon_on_every_page_has_a_rule_and_no_page_loads_fontawesome(site):
    css = (site / "_static" / "lh-icons.css").read_text(encoding="utf-8")
    used = set()
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        used |= set(ICON_CLASS.findall(text))
    assert {"bars", "magnifying-glass", "download"} <= used
    missing = sorted(name for name in used if f".fa-{name} " not in css)
    assert missing == []


def test_an_unknown_icon_gets_no_rule():
    packs = icon_paths(FONTAWESOME_JS.read_text(encoding="utf-8"))
    css = icons_css({"bars", "no-such-icon"}, packs)
    assert ".fa-bars " in css and "no-such-icon" not in css


def test_no_page_downloads_the_icon_font(site, site_url, page):
    """Pages with admonitions, download links and theme buttons draw every icon without the web font."""
    fonts = []
    page.on("request", lambda request: request.url.endswith((".woff2", ".woff", ".ttf")) and fonts.append(request.url))
    for name in ("book/intro.html", "exercises/roi-calculator.html", "book/measuring-what-matters.html"):
        page.goto(site_url + name, wait_until="networkidle")
    assert page.locator(".admonition").count() >= 1
    assert fonts == []
    css = (site / "_static" / "lh-icons.css").read_text(encoding="utf-8")
    assert ".admonition>.admonition-title:after" in css
