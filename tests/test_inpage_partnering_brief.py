"""The partnering planner in the page: the brief equals rules.build_brief/brief_table for the same rows (the shared
cases hold the rules equal; here a few random plans, put in field by field), incomplete requests are explained beside
the field, and answers persist, clear and export."""

import csv
import io
import json
import random
import re

from form_input import set_fields

from leadership_handbook.core.instruments import load, source_lookup
from leadership_handbook.core.templates import storage_key
from leadership_handbook.kinds.partnering_brief.rules import LIST_FIELDS, brief_table, build_brief, row_fields

SPEC = load("partnering_planner")
P = SPEC["id"]
EVIDENCE = [e["id"] for e in SPEC["evidence_options"]]
MEASURES = [m["id"] for m in SPEC["measures"]]
TEXTS = [f for f in row_fields(SPEC) if f not in LIST_FIELDS]
# The key of the seven-column brief (before "Problem behind it" and "Evidence the need is real" were added).
SEVEN_COLUMN_KEY = "lh:partnering-planner:b089c9fe41"
WORDS = [
    "A one-day course",
    "coaching",
    "team leaders",
    "call quality",
    "“quoted”",
    "<em>not emphasised</em>",
    "fewer complaints",
    "Ünïcödé",
    "semi;colon",
    "a, b & c",
    "  spaced  ",
    "June",
    "Head of service",
]


def text(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def random_plan(rng):
    rows = []
    for _ in range(rng.randint(1, 5)):
        row = {field: text(rng) for field in TEXTS}
        row["evidence"] = (
            ["no-direct-evidence"] if rng.random() < 0.15 else [rng.choice(EVIDENCE) for _ in range(rng.randint(1, 3))]
        )
        row["measures"] = [rng.choice(MEASURES) for _ in range(rng.randint(1, 3))]
        rows.append(row)
    return rows


def request_fields(page, n, row):
    """[(selector, value, chosen from a list)] of request n, with a box added for each further choice, as a reader
    adds them."""
    card = page.locator(f'.lh-pp-row[data-row="{n}"]')
    fields = [(f"#{P}-{n}-{field}", row[field], False) for field in TEXTS]
    for field, more in (("evidence", "Add more evidence"), ("measures", "Add another measure")):
        for k, value in enumerate(row[field], start=1):
            if page.locator(f"#{P}-{n}-{field}-{k}").count() == 0:
                card.get_by_role("button", name=more).click()
            fields.append((f"#{P}-{n}-{field}-{k}", value, True))
    return fields


def fill_row(page, n, row):
    """Fill request n as a reader would: add the boxes its choices need, type the texts, choose from the lists."""
    for selector, value, chosen in request_fields(page, n, row):
        (page.select_option if chosen else page.fill)(selector, value)


def fill_plan(page, rows):
    """Clear the brief, add requests and their boxes until there are enough, and put in each field one after
    another (tests/form_input.py; a reader's own typing: fill_row)."""
    page.get_by_role("button", name="Clear my answers").click()
    while page.locator(".lh-pp-row").count() < len(rows):
        page.get_by_role("button", name="Add a request").click()
    fields = [(selector, value) for n, row in enumerate(rows, 1) for selector, value, _ in request_fields(page, n, row)]
    set_fields(page, fields)


def page_brief(page):
    return page.eval_on_selector_all(
        ".lh-pp-brief tbody tr",
        """rows => rows.map(r => ({
        id: r.dataset.row, cells: [...r.querySelectorAll('td')].map(c => c.textContent), cite: r.dataset.cite,
        evidence: r.dataset.evidence, measures: r.dataset.measures}))""",
    )


def expected_brief(rows, cards=None):
    """What rules.py makes of the rows, each row named by its request card (R4 is Request 4; by default 1, 2, ...)."""
    brief = build_brief(SPEC, rows)
    headers, table = brief_table(SPEC, brief)
    if cards:
        name = {f"R{i}": f"R{card}" for i, card in enumerate(cards, start=1)}
        for r in brief["rows"]:
            r["id"] = name[r["id"]]
        brief["warnings"] = [re.sub(r"\bR\d+\b", lambda m: name[m[0]], w) for w in brief["warnings"]]
    return (
        brief,
        headers,
        [
            {
                "id": r["id"],
                "cells": cells,
                "cite": ";".join(r["cite"]),
                "evidence": ";".join(r["evidence"]),
                "measures": ";".join(r["measures"]),
            }
            for r, cells in zip(brief["rows"], table)
        ],
    )


def assert_matches_python(page, rows, cards=None):
    brief, headers, expected = expected_brief(rows, cards)
    assert page_brief(page) == expected
    shown_headers = page.eval_on_selector_all(".lh-pp-brief thead th", "ths => ths.map(t => t.textContent)")
    assert shown_headers == ["Row"] + headers
    warnings = page.eval_on_selector_all(".lh-pp-warnings li", "items => items.map(i => i.dataset.warning)")
    assert warnings == brief["warnings"]
    sources = page.locator(".lh-pp-sources")
    if brief["sources"]:
        assert sources.get_attribute("data-sources") == ";".join(brief["sources"])
        lookup = source_lookup()
        assert sources.inner_text() == "Sources: " + "; ".join(lookup[k] for k in brief["sources"]) + "."
    else:
        assert sources.count() == 0
    assert "NaN" not in page.inner_text(".lh-results") and "undefined" not in page.inner_text(".lh-results")
    return brief


def test_the_brief_equals_build_brief_for_random_plans(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    rng = random.Random(20260420)
    for _ in range(4):
        rows = random_plan(rng)
        fill_plan(page, rows)
        assert_matches_python(page, rows)
    assert page.errors == []


def test_a_reader_fills_in_a_brief_and_it_survives_a_reload(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    assert "Fill in at least one request" in page.inner_text(".lh-results")
    row = {
        "want": "A one-day customer-service refresher",
        "problem": "Complaints about difficult calls keep rising",
        "need": "Team leaders who coach through difficult calls",
        "need_evidence": "Call reviews: little feedback after hard calls",
        "evidence": ["needs-analysis", "practice-feedback"],
        "measures": ["kirkpatrick-1"],
        "indicator": "Happy sheets after the day",
        "owner": "L&D",
        "by": "End of March",
    }
    fill_row(page, 1, row)
    brief = assert_matches_python(page, [row])
    assert SPEC["rules"]["warning_no_measure_beyond_reactions"] in page.inner_text(".lh-pp-warnings")
    # Adding a behaviour measure clears the warning.
    page.get_by_role("button", name="Add another measure").first.click()
    page.select_option(f"#{P}-1-measures-2", "ltem-7")
    row["measures"].append("ltem-7")
    brief = assert_matches_python(page, [row])
    assert brief["warnings"] == [] and page.locator(".lh-pp-warnings").count() == 0

    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    assert page.input_value(f"#{P}-1-want") == row["want"]
    assert page.input_value(f"#{P}-1-measures-2") == "ltem-7"
    assert page.locator(f"#{P}-1-evidence-2").input_value() == "practice-feedback"
    assert_matches_python(page, [row])

    # A second request added, then the first removed: the cards renumber, and the brief names rows by card.
    page.get_by_role("button", name="Add a request").click()  # request 4 (three blank cards to start)
    second = {**row, "want": "A keynote speaker", "evidence": ["no-direct-evidence"], "measures": ["kirkpatrick-4"]}
    fill_row(page, 4, second)
    assert_matches_python(page, [row, second], cards=[1, 4])
    page.get_by_role("button", name="Remove request 1", exact=True).click()
    assert page.input_value(f"#{P}-3-want") == second["want"]
    brief = assert_matches_python(page, [second], cards=[3])
    assert brief["warnings"] == ["Row R3 rests on no direct research evidence: agree how you will test it."]
    # The removal can be undone, and the undo is saved.
    assert "Request 1 was removed." in page.inner_text(".lh-undo")
    page.get_by_role("button", name="Undo: Request 1 was removed.").click()
    assert page.input_value(f"#{P}-1-want") == row["want"]
    assert_matches_python(page, [row, second], cards=[1, 4])
    page.reload()
    assert_matches_python(page, [row, second], cards=[1, 4])

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator(".lh-pp-row").count() == 3
    assert page.locator(".lh-pp-brief").count() == 0
    page.reload()
    assert page.input_value(f"#{P}-3-want") == ""
    assert page.errors == []


def test_incomplete_or_bad_rows_get_messages_beside_the_fields(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    page.fill(f"#{P}-2-want", "Feedback forms after every session")
    for field, says in (
        ("problem", "problem behind"),
        ("need", "capability"),
        ("need_evidence", "need is real"),
        ("evidence", "evidence option"),
        ("measures", "measure"),
        ("indicator", "what you will see"),
        ("owner", "who owns"),
        ("by", "date"),
    ):
        assert says in page.inner_text(f"#msg-{P}-2-{field}").lower(), field
    control = page.locator(f"#{P}-2-evidence-1")
    assert control.get_attribute("aria-invalid") == "true"
    assert control.get_attribute("aria-describedby") == f"msg-{P}-2-evidence"
    assert page.inner_text(f"#msg-{P}-1-want") == ""  # a blank card is left out, not complained about
    results = page.inner_text(".lh-results")
    assert "Request 2 is not in the brief yet" in results and "NaN" not in results
    assert page.locator(".lh-pp-brief").count() == 0

    longest = SPEC["rules"]["max_text_length"]
    page.fill(f"#{P}-2-need", "x" * (longest + 1))
    assert f"{longest + 1} characters" in page.inner_text(f"#msg-{P}-2-need")
    # Characters are counted as Python counts them: an emoji is one, not two UTF-16 units.
    page.fill(f"#{P}-2-need", "😀" * longest)
    assert page.inner_text(f"#msg-{P}-2-need") == ""
    page.fill(f"#{P}-2-need", "😀" * (longest + 1))
    assert f"{longest + 1} characters long: keep it to {longest}." in page.inner_text(f"#msg-{P}-2-need")
    page.fill(f"#{P}-2-need", "   ")
    assert "capability" in page.inner_text(f"#msg-{P}-2-need").lower()
    row = {
        "want": "Feedback forms after every session",
        "problem": "Nobody knows whether past programmes changed anything",
        "need": "Evidence of change at work",
        "need_evidence": "Reviews held only satisfaction scores",
        "evidence": ["success-cases"],
        "measures": ["kirkpatrick-1", "kirkpatrick-1"],
        "indicator": "Interviews",
        "owner": "L&D partner",
        "by": "September",
    }
    fill_row(page, 2, row)
    assert page.inner_text(f"#msg-{P}-2-need") == ""
    assert page.locator(f"#{P}-2-need").get_attribute("aria-invalid") is None
    brief = assert_matches_python(page, [row], cards=[2])
    assert brief["rows"][0]["measures"] == ["kirkpatrick-1"]  # a measure chosen twice counts once, as in Python

    # Up to max_rows requests: then the button says no more.
    while page.locator(".lh-pp-row").count() < SPEC["rules"]["max_rows"]:
        page.get_by_role("button", name="Add a request").click()
    assert page.get_by_role("button", name="Add a request").is_disabled()
    assert page.errors == []


def test_answers_export_as_csv_and_json(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    rows = random_plan(random.Random(3))[:2]
    fill_plan(page, rows)
    brief, headers, expected = expected_brief(rows)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    filled = [r for r in exported["answers"]["rows"] if r["want"]]
    assert [r["want"] for r in filled] == [r["want"] for r in rows]
    assert [[v for v in r["evidence"] if v] for r in filled] == [r["evidence"] for r in rows]
    results = exported["results"]
    assert results["warnings"] == brief["warnings"] and results["sources"] == brief["sources"]
    assert results["table"]["rows"] == brief_table(SPEC, brief)[1]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    table = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    n = len(headers)
    assert table[0][: n + 3] == ["Row"] + headers + ["Evidence ids", "Measure ids"]
    assert [r[1 : n + 1] for r in table[1:]] == [e["cells"] for e in expected]
    assert [r[n + 1] for r in table[1:]] == [";".join(dict.fromkeys(r["evidence"])) for r in rows]
    assert [r[n + 2] for r in table[1:]] == [";".join(dict.fromkeys(r["measures"])) for r in rows]
    assert page.errors == []


def test_a_finished_brief_stays_in_view_while_the_next_request_is_drafted(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    first = random_plan(random.Random(11))[0]
    fill_row(page, 1, first)
    assert_matches_python(page, [first])
    page.fill(f"#{P}-2-want", "A leadership podcast series")  # the next request, just started
    assert_matches_python(page, [first])  # the finished one is still there, with its own name
    note = page.locator(".lh-results .lh-error")
    assert note.get_attribute("data-unfinished") == "2" and "Request 2 is not in the brief yet" in note.inner_text()
    assert "need attention" not in page.inner_text(".lh-results")
    fill_row(page, 2, {**first, "want": "A leadership podcast series"})
    assert_matches_python(page, [first, {**first, "want": "A leadership podcast series"}])
    assert page.locator(".lh-results .lh-error").count() == 0
    assert page.errors == []


def test_a_brief_saved_with_seven_columns_still_loads(page, exercise_site_url):
    """Rows saved before the problem and the evidence the need is real were asked for load with those two empty,
    marked beside the fields; nothing else is lost."""
    assert SEVEN_COLUMN_KEY in SPEC["former_storage_keys"] and SEVEN_COLUMN_KEY != storage_key(SPEC)
    old = {
        "want": "Feedback forms",
        "need": "Evidence of change",
        "evidence": ["success-cases"],
        "measures": ["ltem-7"],
        "indicator": "Interviews",
        "owner": "L&D",
        "by": "June",
    }
    raw = json.dumps({"version": 1, "saved": "2026-11-20T09:00:00.000Z", "answers": {"rows": [old]}})
    page.goto(exercise_site_url + "partnering_brief.html")
    page.evaluate("([key, raw]) => { localStorage.clear(); localStorage.setItem(key, raw); }", [SEVEN_COLUMN_KEY, raw])
    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    for field in ("want", "need", "indicator", "owner", "by"):
        assert page.input_value(f"#{P}-1-{field}") == old[field]
    assert page.input_value(f"#{P}-1-evidence-1") == "success-cases"
    assert page.input_value(f"#{P}-1-problem") == ""
    assert "problem behind" in page.inner_text(f"#msg-{P}-1-problem").lower()
    page.fill(f"#{P}-1-problem", "Nobody knows what changed")
    page.fill(f"#{P}-1-need_evidence", "Only satisfaction scores so far")
    assert_matches_python(
        page, [{**old, "problem": "Nobody knows what changed", "need_evidence": "Only satisfaction scores so far"}]
    )
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", storage_key(SPEC)))
    assert stored["answers"]["rows"][0]["problem"] == "Nobody knows what changed"
    assert page.errors == []


def test_the_worksheet_is_accessible_and_printable(page, exercise_site_url):
    page.goto(exercise_site_url + "partnering_brief.html")
    block = page.locator(".lh-exercise")
    assert block.locator("h1, h2, h3, h4, h5, h6").count() == 0
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.lh-form :is(input, select, textarea)')]
        .filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map(e => e.id)""")
    assert unnamed == []
    ids = page.eval_on_selector_all(".lh-exercise [id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert block.locator("[data-cite-key]").count() > 0
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.lh-pp-key").get_attribute("open") is not None
    assert not page.get_by_role("button", name="Add a request").is_visible()
    assert page.errors == []
