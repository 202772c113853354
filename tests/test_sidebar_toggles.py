"""The visible sidebar toggles open and close the contents and the page's outline, by tap and by keyboard."""

import pytest

WIDTHS = {"phone": (390, 844), "tablet": (820, 1180), "desktop": (1280, 900)}
PAGE = "book/measuring-what-matters.html"


def visible(page, selector):
    """The one toggle of its kind that a reader can see."""
    shown = [t for t in page.locator(selector).all() if t.is_visible()]
    assert len(shown) == 1, f"{len(shown)} visible {selector}"
    return shown[0]


def is_open(page, dialog):
    return page.evaluate(f"document.querySelector('{dialog}').open")


def primary_hidden(page):
    return page.evaluate("document.getElementById('pst-primary-sidebar').classList.contains('pst-sidebar-hidden')")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("by", ["tap", "keyboard"])
def test_the_contents_toggle_works(browser, site_url, width, by):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width])), has_touch=by == "tap")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        toggle = visible(page, ".primary-toggle")

        def press():
            if by == "tap":
                toggle.tap()
            else:
                toggle.focus()
                page.keyboard.press("Enter")

        if width == "desktop":  # wide screens show the contents beside the page: the toggle hides and shows it
            assert not primary_hidden(page)
            press()
            assert primary_hidden(page)
            press()
            assert not primary_hidden(page)
        else:  # narrow screens open the contents in a dialog, closed with Escape
            press()
            assert is_open(page, "#pst-primary-sidebar-modal")
            assert page.locator("#pst-primary-sidebar-modal a.reference").first.is_visible()
            page.keyboard.press("Escape")
            assert not is_open(page, "#pst-primary-sidebar-modal")
    finally:
        context.close()


@pytest.mark.parametrize("width", ["phone", "tablet"])
@pytest.mark.parametrize("by", ["tap", "keyboard"])
def test_the_outline_toggle_opens_this_page_s_headings(browser, site_url, width, by):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width])), has_touch=by == "tap")
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        toggle = visible(page, ".secondary-toggle")
        if by == "tap":
            toggle.tap()
        else:
            toggle.focus()
            page.keyboard.press("Enter")
        assert is_open(page, "#pst-secondary-sidebar-modal")
        assert page.locator("#pst-secondary-sidebar-modal .toc-entry a").first.is_visible()
        page.keyboard.press("Escape")
        assert not is_open(page, "#pst-secondary-sidebar-modal")
    finally:
        context.close()
