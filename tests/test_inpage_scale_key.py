"""The self-assessment's scale key stays in view while a reader rates statement after statement (issue 16 item 7),
at phone and laptop widths."""

import pytest

WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_scale_key_is_on_screen_beside_the_last_statements(browser, exercise_site_url, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(exercise_site_url + "self_assessment.html")
    items = page.locator(".lh-item")
    assert items.count() >= 20
    items.nth(items.count() - 2).scroll_into_view_if_needed()
    key = page.locator(".lh-scale-key").bounding_box()
    item = items.nth(items.count() - 2).bounding_box()
    height = WIDTHS[width]["height"]
    assert 0 <= key["y"] < height and key["y"] + key["height"] <= item["y"] + 1, (key, item)
    context.close()
