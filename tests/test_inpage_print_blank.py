""" "Print a blank copy" (issue 13 part 4): every exercise page prints its form empty, to fill in by hand, with its
hand-scoring extras and no results; the reader's answers are put back afterwards and were never erased."""

import io
import json
import unicodedata

import pytest
from pypdf import PdfReader

from leadership_handbook.core.instruments import load

KINDS = ["roi", "self_assessment", "programme_audit", "barrier_log", "partnering_brief", "knowledge_check"]
EXAMPLE = load("roi_example")


def stored_answers(page):
    """What the browser keeps for each form, without the time of the last save."""
    keys = page.evaluate("() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('lh:')))")
    return {key: json.loads(value)["answers"] for key, value in keys.items()}


def print_blank(page):
    page.evaluate("() => { window.print = () => { window.lhPrinted = true; }; }")
    page.get_by_role("button", name="Print a blank copy").first.click()
    assert page.evaluate("() => window.lhPrinted") is True
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    return unicodedata.normalize("NFKC", text)  # "fi" and "fl" as letters, not ligatures


def test_the_roi_worksheet_prints_blank_though_the_form_holds_the_example(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    label = EXAMPLE["costs"][0]["label"]
    first = page.locator("[data-f=label]").first
    assert first.input_value() == label  # the page starts with the fictional example
    text = print_blank(page)
    assert "A blank copy to fill in by hand" in text and "Fully loaded costs" in text
    assert label[:25] not in text and "Results for the fictional example" not in text
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert first.input_value() == label  # put back once the print dialog closes


@pytest.mark.parametrize("kind", KINDS)
def test_every_form_prints_a_blank_copy_and_keeps_the_answers(page, exercise_site_url, kind):
    page.goto(exercise_site_url + f"{kind}.html")
    radios = page.locator("form.lh-form input[type=radio]")
    texts = page.locator("form.lh-form textarea, form.lh-form input[type=text]:not([data-f=currency])")
    if radios.count():
        radios.first.check()
    elif texts.count():
        texts.first.fill("My own words for the test")
    page.evaluate("() => document.querySelector('form.lh-form').dispatchEvent(new Event('change', {bubbles: true}))")
    page.wait_for_timeout(300)  # the save that follows the change
    stored = stored_answers(page)
    assert stored, "the answer was not saved"
    text = print_blank(page)
    assert "A blank copy to fill in by hand" in text
    assert "My own words for the test" not in text, text[max(0, text.find("My own words") - 300) :][:400]
    assert stored_answers(page) == stored  # nothing saved blank
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    if radios.count():
        assert radios.first.is_checked()
    elif texts.count():
        assert texts.first.input_value() == "My own words for the test"


def test_the_self_assessment_blank_copy_carries_its_hand_scoring_guide(page, exercise_site_url):
    page.goto(exercise_site_url + "self_assessment.html")
    assert "Score it by hand" in print_blank(page)
