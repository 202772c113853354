"""The header's menus and "Back to top" without the theme's bootstrap.js (lh-header-buttons.js): each page is
opened twice, once as it would be without Bootstrap and once with Bootstrap's own script, and the two must look
and behave the same (placement, classes, aria-expanded, the arrow keys, Escape, a click outside, the pixels of each
opened menu).

Until templates/static/webpack-macros.html stops loading bootstrap.js, the handbook's pages still load it and
lh-header-buttons.js steps aside; these tests take it out of the page themselves, so they hold either way."""

import io
import re

import pytest
from page_checks import steady_screenshot
from PIL import Image, ImageChops

PAGE = "exercises/roi-calculator.html"
MENUS = (".dropdown-launch-buttons", ".dropdown-source-buttons", ".dropdown-download-buttons")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# The theme's two tags for bootstrap.js: its preload in the <head> and its script at the end of the <body>.
BOOTSTRAP_TAGS = re.compile(
    r'\s*<(?:link rel="preload" as="script"|script defer) [^>]*bootstrap\.js[^>]*>(?:</script>)?'
)

STATE = """menu => {
  const box = document.querySelector(menu), toggle = box.querySelector('.dropdown-toggle');
  const list = box.querySelector('.dropdown-menu'), at = list.getBoundingClientRect();
  return {style: list.getAttribute('style') || '', classes: list.className + ' / ' + toggle.className,
          expanded: toggle.getAttribute('aria-expanded'), box: [at.left, at.top, at.width, at.height],
          focus: document.activeElement === toggle ? 'toggle' : document.activeElement.textContent.trim()};
}"""


def open_variant(browser, site_url, viewport, with_bootstrap):
    """The page with Bootstrap's script (as the theme ships it) or without it (as the handbook ships it)."""
    page = browser.new_page(viewport=viewport, device_scale_factor=1)

    def rewrite(route):
        html = BOOTSTRAP_TAGS.sub("", route.fetch().text())
        if with_bootstrap:  # where the theme puts it: just before its own script
            theme = '<script defer src="../_static/scripts/pydata-sphinx-theme.js'
            assert theme in html
            html = html.replace(theme, '<script defer src="../_static/scripts/bootstrap.js"></script>\n' + theme, 1)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(site_url + PAGE, rewrite)
    page.goto(site_url + PAGE, wait_until="load")  # the deferred scripts have run; networkidle would add half a second
    page.evaluate("document.fonts.ready")
    assert page.evaluate("!!window.bootstrap") == with_bootstrap
    return page


def around(box, toggle, margin=24):
    """A clip holding the menu's box [left, top, width, height], its toggle and a margin, inside the page."""
    left, top = min(box[0], toggle["x"]) - margin, min(box[1], toggle["y"]) - margin
    right = max(box[0] + box[2], toggle["x"] + toggle["width"]) + margin
    bottom = max(box[1] + box[3], toggle["y"] + toggle["height"]) + margin
    left, top = max(left, 0), max(top, 0)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def walk(page):
    """What a reader sees and can do with each menu: open it, move with the keys, close it, and look."""
    seen = []
    for menu in MENUS:
        toggle = page.locator(f"{menu} .dropdown-toggle")
        toggle.click()
        page.wait_for_timeout(150)
        opened = page.evaluate(STATE, menu)
        seen.append(("opened", menu, opened))
        # the menu and its toggle with room for the shadow; the page below differed on a rounded corner's
        # anti-aliasing at times, a few pixels, with and without Bootstrap alike
        seen.append(("shot", menu, steady_screenshot(page, clip=around(opened["box"], toggle.bounding_box()))))
        for key in ("ArrowDown", "ArrowDown", "ArrowDown", "ArrowUp", "Escape"):
            page.keyboard.press(key)
            seen.append((key, menu, page.evaluate(STATE, menu)))
        toggle.focus()
        page.keyboard.press("ArrowUp")  # from the button, Up opens the menu on its last item
        seen.append(("up from the button", menu, page.evaluate(STATE, menu)))
        page.mouse.click(5, 600)
        page.wait_for_timeout(100)
        seen.append(("click outside", menu, page.evaluate(STATE, menu)))
    return seen


@pytest.mark.long
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_menus_look_and_behave_as_with_bootstrap(site_url, browser, viewport):
    ours = open_variant(browser, site_url, VIEWPORTS[viewport], with_bootstrap=False)
    theirs = open_variant(browser, site_url, VIEWPORTS[viewport], with_bootstrap=True)
    try:
        mine, bootstrap = walk(ours), walk(theirs)
    finally:
        ours.close()
        theirs.close()
    assert len(mine) == len(bootstrap)
    opened = [state for step, _, state in mine if step == "opened"]
    assert all(state["expanded"] == "true" and "show" in state["classes"] for state in opened)
    for (step, menu, one), (_, _, two) in zip(mine, bootstrap):
        if step == "shot":
            a, b = Image.open(io.BytesIO(one)).convert("RGB"), Image.open(io.BytesIO(two)).convert("RGB")
            assert ImageChops.difference(a, b).getbbox() is None, f"{menu} opened: pixels differ"
        else:
            assert one == two, f"{menu}, after {step}"


def back_to_top(page):
    """The style Bootstrap's code gives "Back to top" after scrolling down, then up, and where a click on it goes.
    (sphinx-book-theme hides the button with display: none !important; its state is kept as Bootstrap keeps it.)"""
    style = "document.getElementById('pst-back-to-top').getAttribute('style')"
    page.mouse.move(640, 450)  # over the article, which the window scrolls (the sidebars scroll on their own)
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    down = page.evaluate(style)
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(300)
    up = page.evaluate(style)
    page.evaluate("document.getElementById('pst-back-to-top').click()")
    page.wait_for_function("() => window.scrollY === 0")  # a function: the policy refuses an eval() at each poll
    return down, up


def test_back_to_top_keeps_bootstrap_s_state_and_goes_to_the_top(site_url, browser):
    seen = []
    for with_bootstrap in (False, True):
        page = open_variant(browser, site_url, VIEWPORTS["desktop"], with_bootstrap)
        try:
            seen.append(back_to_top(page))
        finally:
            page.close()
    assert seen[0] == seen[1] == ("display: none;", "display: block;")
