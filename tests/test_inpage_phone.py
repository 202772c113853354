"""Exercise pages on a phone (issue 16 items 5 and 7, convention 7), at 390 x 844 and at a laptop's 1280 x 800,
after answering every form: the page never scrolls sideways, a table wider than the screen scrolls in its own
box, chart text is at least 12 px as rendered, and the "Back to top" pill covers no text on a phone.

Every fixture page is measured; a kind that fails names itself and what is too small in the assertion."""

import pytest

PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
PAGES = ["self_assessment", "knowledge_check", "programme_audit", "barrier_log", "roi", "partnering_brief"]
PAGES += ["programme_evaluation", "knowledge_check_parts"]
SMALLEST_TEXT_PX = 12
# Answer the forms the same way each run (as bench/screenshots.py does); the ROI keeps its worked example.
ANSWER = """() => document.querySelectorAll('.lh-exercise:not([data-lh-kind=roi]) form.lh-form').forEach(form => {
  const groups = {};
  form.querySelectorAll('input[type=radio]').forEach(r => (groups[r.name] = groups[r.name] || []).push(r));
  Object.values(groups).forEach((radios, i) => { radios[(i * 7 + 3) % radios.length].checked = true; });
  form.querySelectorAll('select').forEach(s => { if (s.options.length > 1 && !s.value) s.selectedIndex = 1; });
  form.querySelectorAll('textarea, input[type=text]').forEach((t, i) => {
    t.value = t.value || (/date/.test(t.id) ? '2026-11-0' + (1 + i % 9) : 'Entry ' + (i + 1));
  });
  form.querySelectorAll('input[type=number]').forEach((t, i) => { t.value = t.value || String(10 * (i + 1)); });
  form.dispatchEvent(new Event('change', {bubbles: true}));
})"""
# Tables wider than the screen that no box of their own scrolls, and each chart's smallest rendered text.
MEASURE = """() => {
  const loose = [], small = {};
  document.querySelectorAll('.lh-exercise table').forEach(table => {
    if (table.getBoundingClientRect().width <= document.documentElement.clientWidth) return;
    let box = table.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    if (!box || box === document.documentElement || box === document.body
        || box.getBoundingClientRect().width > document.documentElement.clientWidth) loose.push(table.className);
  });
  document.querySelectorAll('.lh-exercise svg text').forEach(text => {
    const m = text.ownerSVGElement.getScreenCTM();
    if (!m || !text.getBBox().width) return;
    const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    const name = (text.ownerSVGElement.getAttribute('class') || 'svg') + ' text.' + (text.getAttribute('class') || '');
    small[name] = Math.min(small[name] || 1e9, Math.round(px * 10) / 10);
  });
  return {loose, small, width: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
          charts: document.querySelectorAll('.lh-exercise svg').length};
}"""


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
@pytest.mark.parametrize("fixture_page", PAGES)
def test_no_sideways_page_tables_scroll_in_a_box_and_chart_text_is_legible(
    page, exercise_site_url, fixture_page, viewport
):
    page.set_viewport_size(viewport)
    page.goto(exercise_site_url + f"{fixture_page}.html")
    page.evaluate(ANSWER)
    page.wait_for_timeout(100)
    got = page.evaluate(MEASURE)
    assert got["width"] <= got["view"], f"{fixture_page}: the page scrolls sideways ({got['width']} px)"
    assert got["loose"] == [], f"{fixture_page}: tables wider than the screen, not in a scrolling box"
    too_small = {name: px for name, px in got["small"].items() if px < SMALLEST_TEXT_PX - 0.05}
    assert too_small == {}, f"{fixture_page}: chart text under {SMALLEST_TEXT_PX} px as rendered"
    assert page.errors == []


def test_the_measure_sees_charts_and_small_text(page, exercise_site_url):
    """The measure is not empty: the ROI page draws a chart, and text shrunk on purpose is caught as too small."""
    page.set_viewport_size(PHONE)
    page.goto(exercise_site_url + "roi.html")
    assert page.evaluate(MEASURE)["charts"] >= 1
    page.evaluate("() => { document.querySelector('.lh-tornado').style.maxWidth = '200px'; }")
    assert min(page.evaluate(MEASURE)["small"].values()) < SMALLEST_TEXT_PX


def test_a_results_table_wider_than_a_phone_scrolls_in_its_own_focusable_box(page, exercise_site_url):
    page.set_viewport_size(PHONE)
    page.goto(exercise_site_url + "roi.html")
    for table in page.locator(".lh-results table").all():
        box = table.locator("xpath=..")
        assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        assert box.get_attribute("aria-label")


# The book theme shows the pill only below 1200 px: a tablet's width stands for the screens that have it.
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1024, "height": 768}], ids=["phone", "tablet"])
def test_back_to_top_covers_no_text(page, exercise_site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(exercise_site_url + "self_assessment.html")
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(200)
    page.evaluate("() => window.scrollBy(0, -300)")  # the theme shows the pill when the reader scrolls back up
    page.wait_for_timeout(300)
    pill = page.locator("#pst-back-to-top")
    if viewport is PHONE:
        assert not pill.is_visible()
        return
    assert pill.is_visible(), "the pill should still help on a wider screen"
    assert page.get_by_role("button", name="Back to top").is_visible()
    # No line of text on screen lies under it.
    under = pill.evaluate("""pill => {
      const p = pill.getBoundingClientRect(), hits = [];
      const walk = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom) hits.push(node.textContent);
        }
      }
      return hits;
    }""")
    assert under == [], under


def test_a_chart_is_drawn_again_when_the_screen_turns(page, exercise_site_url):
    """Drawn on a laptop, then the window narrows to a phone's: the chart's text is still 12 px or more."""
    page.set_viewport_size(LAPTOP)
    page.goto(exercise_site_url + "roi.html")
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(400)
    small = page.evaluate(MEASURE)["small"]
    assert small and min(small.values()) >= SMALLEST_TEXT_PX - 0.05, small
    assert page.errors == []
