"""Downloads a reader can use (issue 16 item 6, convention 2): the JSON answer file has the agreed keys, the
exercise's id and version, the part, the date and the currency; the CSV has plain column names with the same
facts on every row; both files are named `<instrument-id>[-<part>]-<YYYY-MM-DD>`; the toolbar says what a
download is for and that sharing it is the reader's choice."""

import csv
import datetime as dt
import io
import json
import re

import pytest

from leadership_handbook.core.instruments import load

PAGES = {  # fixture page -> the instrument file of its first form
    "self_assessment": "future_proof",
    "knowledge_check": "knowledge_checks",
    "programme_audit": "programme_audit",
    "barrier_log": "barrier_log",
    "roi": "roi_example",
    "partnering_brief": "partnering_planner",
}
KEYS = ["format", "format_version", "kind", "instrument", "instrument_version", "part", "exported", "currency"]
KEYS += ["answers", "results", "attempts"]
META_COLUMNS = ["Exercise", "Part", "Exercise version", "Currency", "Exported (UTC)"]


def download(page, name, nth=0):
    with page.expect_download() as got:
        page.get_by_role("button", name=name).nth(nth).click()
    return got.value.suggested_filename, open(got.value.path(), encoding="utf-8").read()


@pytest.mark.parametrize("fixture_page", sorted(PAGES))
def test_json_and_csv_downloads_follow_the_answer_file_format(page, exercise_site_url, fixture_page):
    instrument = load(PAGES[fixture_page])
    page.goto(exercise_site_url + f"{fixture_page}.html")
    part = page.evaluate("() => JSON.parse(document.querySelector('script.lh-spec').textContent).options.part || null")
    stem = instrument["id"] + (f"-{part}" if part else "")
    name, text = download(page, "Download my answers (JSON)")
    today = dt.date.today().isoformat()
    assert name == f"{stem}-{today}.json"
    answers = json.loads(text)
    assert list(answers) == KEYS
    assert answers["format"] == "beyond-the-course-answers" and answers["format_version"] == 1
    assert answers["kind"] == instrument["kind"] and answers["instrument"] == instrument["id"]
    assert answers["instrument_version"] == instrument.get("schema_version", instrument.get("version"))
    assert answers["part"] == part and answers["attempts"] == []
    exported = dt.datetime.fromisoformat(answers["exported"].replace("Z", "+00:00"))
    assert abs((dt.datetime.now(dt.UTC) - exported).total_seconds()) < 120
    assert answers["currency"] == instrument.get("currency")
    assert isinstance(answers["answers"], dict) and isinstance(answers["results"], dict)

    name, text = download(page, "Download my answers (CSV)")
    assert name == f"{stem}-{today}.csv"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-5:] == META_COLUMNS
    assert all(not re.search(r"[a-z]_[a-z]", column) for column in rows[0]), rows[0]  # no code names
    facts = [instrument["id"], part or "", str(answers["instrument_version"]), answers["currency"] or ""]
    for row in rows[1:]:
        assert row[-5:-1] == facts
        assert abs((dt.datetime.fromisoformat(row[-1].replace("Z", "+00:00")) - exported).total_seconds()) < 60
    assert page.errors == []


def test_each_part_downloads_under_its_own_name(page, exercise_site_url):
    page.goto(exercise_site_url + "knowledge_check_parts.html")
    name, text = download(page, "Download my answers (JSON)", nth=1)
    assert name == f"knowledge-checks-part-2-{dt.date.today().isoformat()}.json"
    assert json.loads(text)["part"] == "part-2"
    assert page.errors == []


def test_the_toolbar_says_what_a_download_is_for_and_that_sharing_is_the_readers_choice(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    said = page.inner_text(".lh-privacy")
    assert "facilitator" in said and "your choice" in said and "Nothing is sent anywhere" in said
