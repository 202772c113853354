"""Progress over time (issue 13 part 2) on the self-assessment's fixture page: save two attempts, compare them
(table, chart, what moved), delete one and put it back, reload, download the history and load it back in a fresh
browser context, and a hostile file refused with a message."""

import json

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.self_assessment.rules import score_responses

INSTRUMENT = load("future_proof")
ITEM_IDS = [item["id"] for item in INSTRUMENT["items"]]
FIRST = INSTRUMENT["dimensions"][0]


def middle_answers():
    return {i: 3 for i in ITEM_IDS}


def first_dimension_raised():
    """Every statement of the first dimension at its best answer (reverse-worded ones flipped), the rest at 3."""
    answers = middle_answers()
    for item in INSTRUMENT["items"]:
        if item["dimension"] == FIRST["id"]:
            answers[item["id"]] = 1 if item.get("reverse") else 5
    return answers


def set_answers(page, answers):
    page.evaluate(
        """answers => {
        const form = document.querySelector('.lh-form');
        form.reset();
        for (const [name, value] of Object.entries(answers)) {
            form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
        }
        form.dispatchEvent(new Event('change', {bubbles: true}));
    }""",
        answers,
    )


def status_after_file(page, path):
    """The file is read asynchronously (FileReader): wait for what the page says about it."""
    page.evaluate("() => { document.querySelector('.lh-attempts-status').textContent = ''; }")
    page.set_input_files(".lh-attempts input[type=file]", str(path))
    page.wait_for_function("() => document.querySelector('.lh-attempts-status').textContent !== ''")
    return page.inner_text(".lh-attempts-status")


def attempt_rows(page):
    return page.locator(".lh-attempt-list li[data-attempt]")


def save_two_attempts(page, url):
    page.goto(url + "self_assessment.html")
    set_answers(page, middle_answers())
    page.get_by_role("button", name="Save this attempt").click()
    set_answers(page, first_dimension_raised())
    page.get_by_role("button", name="Save this attempt").click()
    assert attempt_rows(page).count() == 2


def expected_change():
    before = score_responses(INSTRUMENT, middle_answers())["dimensions"][0]["score"]
    after = score_responses(INSTRUMENT, first_dimension_raised())["dimensions"][0]["score"]
    return round(after - before, 2)


def test_two_attempts_compare_delete_undo_and_reload(page, exercise_site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    save_two_attempts(page, exercise_site_url)
    change = page.locator(f'.lh-attempt-compare tr[data-dimension="{FIRST["id"]}"] td').nth(2).inner_text()
    assert change == f"+{expected_change():.2f}"
    assert expected_change() >= 0.5
    notes = page.locator(".lh-attempt-next li")
    assert notes.first.get_attribute("data-moved") == "up"
    assert notes.first.inner_text().startswith(FIRST["label"] + " improved by ")
    # Chart text at least 12 px as rendered on a 390 px phone (convention 7).
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.lh-change text')).map(t => {
        const box = t.getBoundingClientRect(), svg = t.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale; })"""
    )
    assert sizes and min(sizes) >= 11.9, sizes
    page.get_by_role("button", name="Delete the attempt saved on", exact=False).first.click()
    assert attempt_rows(page).count() == 1
    assert "deleted" in page.inner_text(".lh-attempts-status")
    page.get_by_role("button", name="Put back the attempt of", exact=False).click()
    assert attempt_rows(page).count() == 2
    page.reload()
    assert attempt_rows(page).count() == 2
    assert page.locator(".lh-attempt-compare tr[data-dimension]").count() == len(INSTRUMENT["dimensions"])
    assert page.errors == []


def test_download_holds_the_history_and_loads_back_in_a_fresh_browser(page, browser, exercise_site_url, tmp_path):
    save_two_attempts(page, exercise_site_url)
    with page.expect_download() as got:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    payload = json.loads(open(got.value.path(), encoding="utf-8").read())
    assert [a["answers"] for a in payload["attempts"]] == [middle_answers(), first_dimension_raised()]
    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)

    fresh = browser.new_context().new_page()
    errors = []
    fresh.on("pageerror", lambda error: errors.append(str(error)))
    fresh.goto(exercise_site_url + "self_assessment.html")
    set_answers(fresh, {i: 2 for i in ITEM_IDS})  # typed on this device before loading: kept as an attempt
    assert "Nothing is changed yet" in status_after_file(fresh, saved)
    fresh.get_by_role("button", name="Restore them").click()
    assert fresh.locator(".lh-attempt-list li[data-attempt]").count() == 3
    checked = fresh.evaluate(
        "() => Object.fromEntries(Array.from(document.querySelectorAll('.lh-form input[type=radio]:checked'))"
        ".map(r => [r.name, Number(r.value)]))"
    )
    assert checked == first_dimension_raised()  # the file's answers are in the form
    assert "Undo" in fresh.inner_text(".lh-undo")  # and the form's own undo offers the answers typed here back
    fresh.reload()
    assert fresh.locator(".lh-attempt-list li[data-attempt]").count() == 3
    assert errors == []
    fresh.context.close()


def test_a_hostile_file_is_refused_with_a_message(page, exercise_site_url, tmp_path):
    page.goto(exercise_site_url + "self_assessment.html")
    hostile = {
        "format": "beyond-the-course-answers",
        "format_version": 1,
        "kind": "self_assessment",
        "instrument": INSTRUMENT["id"],
        "instrument_version": INSTRUMENT["schema_version"],
        "part": None,
        "exported": "2026-12-01T10:00:00Z",
        "answers": {ITEM_IDS[0]: "<img src=x onerror=alert(1)>"},
        "attempts": [],
    }
    for name, text in [("not-json.json", "<script>alert(1)</script>"), ("hostile.json", json.dumps(hostile))]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert status_after_file(page, path).startswith("That file was not loaded."), name
        assert page.locator(".lh-attempts img, .lh-attempts script").count() == 0
        assert page.get_by_role("button", name="Restore them").count() == 0
    assert page.errors == []
