"""Nothing a reader typed is lost to one tap (issue 16 item 4, convention 6): every button that clears, replaces or
removes answers goes through ctx.undoable, which offers "Undo" for a minute (at least 30 s) in a bar kept in view,
and the undo is itself saved. Checked at phone and laptop widths on the fixture book's exercise pages."""

import pytest

from leadership_handbook.core.instruments import load

P = load("roi_example")["id"]
PAGES = ["roi", "self_assessment", "knowledge_check", "programme_audit", "barrier_log", "partnering_brief"]
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}

# Answer every field of the page's forms the same way each run (as bench/screenshots.py does).
ANSWER = """() => document.querySelectorAll('form.lh-form').forEach(form => {
  const groups = {};
  form.querySelectorAll('input[type=radio]').forEach(r => (groups[r.name] = groups[r.name] || []).push(r));
  Object.values(groups).forEach((radios, i) => { radios[(i * 7 + 3) % radios.length].checked = true; });
  form.querySelectorAll('select').forEach((s, i) => { if (s.options.length > 1) s.selectedIndex = 1; });
  form.querySelectorAll('textarea, input[type=text]').forEach((t, i) => { t.value = 'Typed ' + (i + 1); });
  form.querySelectorAll('input[type=checkbox]').forEach((c, i) => { c.checked = i % 2 === 0; });
  form.dispatchEvent(new Event('change', {bubbles: true}));
})"""
STORED = """() => Object.fromEntries(Object.keys(localStorage)
  .filter(k => k.startsWith('lh:') && !k.endsWith(':set-aside'))
  .map(k => [k, JSON.parse(localStorage.getItem(k)).answers]))"""


def stored(page):
    return page.evaluate(STORED)


def undo_bar(page):
    return page.locator(".lh-undo:visible")


def in_view(page, locator):
    box, size = locator.bounding_box(), page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] >= 0
        and (box["x"] + box["width"] <= size["width"])
    )


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
@pytest.mark.parametrize("kind", PAGES)
def test_clear_my_answers_can_be_undone_and_the_undo_is_saved(page, exercise_site_url, kind, viewport):
    page.set_viewport_size(viewport)
    page.goto(exercise_site_url + f"{kind}.html")
    page.evaluate(ANSWER)
    typed = stored(page)
    assert typed, "answering the form saved nothing"
    page.get_by_role("button", name="Clear my answers").first.click()
    assert stored(page) != typed
    bar = undo_bar(page)
    assert bar.count() == 1 and "cleared" in bar.inner_text()
    assert in_view(page, bar), "the undo offer is off screen"
    page.get_by_role("button", name="Undo: Your answers were cleared", exact=False).click()
    assert stored(page) == typed
    assert undo_bar(page).count() == 0
    assert "Undone" in page.inner_text(".lh-status")
    page.reload()
    assert stored(page) == typed
    assert page.errors == []


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_roi_start_blank_refill_and_remove_row_can_each_be_undone(page, exercise_site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(exercise_site_url + "roi.html")
    page.fill(f"#{P}-cost-1-amount", "4321")
    page.fill(f"#{P}-cost-2-label", "Typed by the reader")
    typed = stored(page)
    for name in ["Start with a blank form", "Fill in the fictional example again"]:
        page.get_by_role("button", name=name).click()
        assert page.input_value(f"#{P}-cost-1-amount") != "4321"
        bar = undo_bar(page)
        assert bar.count() == 1 and in_view(page, bar), name
        bar.get_by_role("button").click()
        assert page.input_value(f"#{P}-cost-1-amount") == "4321", name
        assert page.input_value(f"#{P}-cost-2-label") == "Typed by the reader", name
        assert stored(page) == typed, name
    page.get_by_role("button", name="Remove cost 1", exact=True).click()
    assert page.input_value(f"#{P}-cost-1-label") == "Typed by the reader"
    assert "row 1 was removed" in undo_bar(page).inner_text()
    undo_bar(page).get_by_role("button").click()
    assert page.input_value(f"#{P}-cost-1-amount") == "4321"
    page.reload()
    assert stored(page) == typed and page.input_value(f"#{P}-cost-1-amount") == "4321"
    assert page.errors == []


def test_the_undo_offer_lasts_at_least_30_seconds_and_offers_stack(page, exercise_site_url):
    page.clock.install()
    page.goto(exercise_site_url + "roi.html")
    page.fill(f"#{P}-cost-1-amount", "4321")
    page.get_by_role("button", name="Remove cost 2", exact=True).click()
    page.get_by_role("button", name="Start with a blank form").click()
    page.clock.run_for(31_000)
    assert undo_bar(page).count() == 1
    undo_bar(page).get_by_role("button").click()  # the blank form is undone ...
    assert page.input_value(f"#{P}-cost-1-amount") == "4321"
    assert "row 2 was removed" in undo_bar(page).inner_text()  # ... and the removal before it is offered next
    page.clock.run_for(30_000)
    assert undo_bar(page).count() == 0
    saved = list(stored(page).values())
    assert len(saved) == 1 and saved[0]["costs"][0]["amount"] == "4321"
    assert page.errors == []
