"""The barrier log in the page: ranking, quadrants and learning goals equal rules.py's; incomplete entries are
flagged beside the missing fields and left out; blank ones are ignored; answers persist, clear and export.

The shared cases (kinds/barrier_log/cases.json) hold rules.js equal to rules.py; these tests check the page
around them, with a few random logs put into the form field by field (tests/form_input.py)."""

import csv
import io
import json
import random
import re

from form_input import set_fields

from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import storage_key
from leadership_handbook.kinds.barrier_log.rules import learning_goals, prioritise

LOG = load("barrier_log")
FIELDS = tuple(f["id"] for f in LOG["entries"]["fields"])
REQUIRED = tuple(f["id"] for f in LOG["entries"]["fields"] if not f.get("optional"))
LABELS = {f["id"]: f["label"] for f in LOG["entries"]["fields"]}
# The key of the five-field log (before the date and the four-part method's visible task and hidden demand).
FIVE_FIELD_KEY = "lh:barrier-log:f29709d023"
# Today in the browser's own time zone, year-month-day.
TODAY = """() => { const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-'); }"""
MOST = LOG["entries"]["max_text_length"]
TYPES = [t["id"] for t in LOG["barrier_types"]]
WORDS = [
    "budget",
    "re-org",
    'my manager\'s "quick" asks',
    "late, vague briefs",
    "<b>politics</b>",
    "handover",
    "client calls",
    "  spaced out  ",
    "conflict",
    "priorities",
    "Ünïcode",
    "meetings",
]


def blank():
    return dict.fromkeys(FIELDS)


def fill_log(page, rows):
    """Clear the log, add entries until there are enough, and give each field its value, field by field (a reader's
    own typing: test_a_reader_fills_it_in_and_the_answers_survive_a_reload)."""
    page.get_by_role("button", name="Clear my answers").click()
    while page.locator(".lh-entry").count() < len(rows):
        page.get_by_role("button", name="Add a row").click()
    set_fields(
        page,
        [
            (f"#bl-{n}-{field}", str(row[field]))
            for n, row in enumerate(rows, start=1)
            for field in FIELDS
            if row.get(field) is not None
        ],
    )


def is_complete(row):
    return all(row.get(f) is not None and (not isinstance(row[f], str) or row[f].strip()) for f in REQUIRED)


def expected(rows, numbers=None):
    """What rules.py makes of the complete entries, with each entry named by its number in the form (by default
    its place: B1, B2, ...)."""
    numbers = numbers or range(1, len(rows) + 1)
    complete = [{k: v for k, v in row.items() if k != "entry"} for row in rows if is_complete(row)]
    place = [f"B{n}" for n, row in zip(numbers, rows) if is_complete(row)]
    if not complete:
        return [], []
    ranked = [
        [r["rank"], place[r["entry"] - 1], r["priority"], r["quadrant"], r["frequency"], r["impact"]]
        for r in prioritise(LOG, complete)
    ]
    goals = [
        [g["rank"], place[int(g["entry"][1:]) - 1], g["priority"], g["goal"]] for g in learning_goals(LOG, complete)
    ]
    return ranked, goals


def on_page(page):
    ranked = page.eval_on_selector_all(
        "tr[data-rank]",
        """rows => rows.map(r => [Number(r.dataset.rank),
        r.dataset.entry, Number(r.dataset.priority), r.dataset.quadrant, Number(r.dataset.frequency),
        Number(r.dataset.impact)])""",
    )
    goals = page.eval_on_selector_all(
        "ol.lh-goals li",
        """items => items.map(li => [Number(li.dataset.rank),
        li.dataset.entry, Number(li.dataset.priority), li.querySelector('strong').textContent])""",
    )
    return ranked, goals


def random_row(rng, state):
    row = {
        "challenge": rng.choice(WORDS),
        "barrier_type": rng.choice(TYPES),
        "frequency": rng.randint(1, 5),
        "impact": rng.randint(1, 5),
        "could_teach": rng.choice(WORDS) + " " + rng.choice(WORDS),
    }
    if rng.random() < 0.5:
        row["visible_task"] = rng.choice(WORDS)
    if state == "incomplete":
        for field in rng.sample(REQUIRED, rng.randint(1, 4)):
            row[field] = None
    elif state == "blank":
        row = blank()
    return row


def test_ranking_and_goals_in_the_page_equal_the_python_ones(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    rng = random.Random(20261128)
    compared = 0
    for n in range(6):
        count = rng.randint(1, 8)
        states = ["complete"] * count
        if n % 3 == 1:  # some sets have an incomplete and a blank entry among the complete ones
            states[rng.randrange(count)] = "incomplete"
            states.insert(rng.randrange(count + 1), "blank")
        rows = [random_row(rng, s) for s in states]
        fill_log(page, rows)
        ranked, goals = expected(rows)
        assert on_page(page) == (ranked, goals), rows
        incomplete = [f"B{i}" for i, s in enumerate(states, start=1) if s == "incomplete"]
        note = page.locator("p.lh-incomplete")
        assert (note.get_attribute("data-incomplete").split() if note.count() else []) == incomplete
        text = page.inner_text(".lh-results")
        assert "NaN" not in text and "undefined" not in text
        compared += bool(ranked)
    assert compared >= 5
    assert page.errors == []


def test_ties_keep_the_order_of_entry(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    same = {"challenge": "c", "barrier_type": "change", "frequency": 3, "impact": 3, "could_teach": "t"}
    rows = [dict(same, frequency=4, impact=2), dict(same), dict(same, frequency=2, impact=4), dict(same)]
    fill_log(page, rows)
    ranked, goals = on_page(page)
    assert [r[1] for r in ranked] == ["B2", "B4", "B3", "B1"] and (ranked, goals) == expected(rows)
    # All four points are drawn in the matrix, those in the same cell side by side.
    assert page.locator("svg.lh-matrix g[data-entry]").count() == 4
    assert page.errors == []


def test_a_reader_fills_it_in_and_the_answers_survive_a_reload(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    assert page.locator(".lh-entry").count() == 5
    assert page.locator(".lh-exercise h1, .lh-exercise h2, .lh-exercise h3, .lh-exercise h4").count() == 0
    assert "Fill in every field" in page.inner_text(".lh-results")
    rows = [
        {
            "challenge": "Priorities change every week",
            "barrier_type": "change",
            "frequency": 4,
            "impact": 4,
            "could_teach": "Re-planning with my team",
        },
        {
            "challenge": "Two directors disagree",
            "barrier_type": "politics",
            "frequency": 2,
            "impact": 5,
            "could_teach": "Influencing without authority",
        },
        {
            "challenge": "Back-to-back meetings",
            "barrier_type": "resources",
            "frequency": 5,
            "impact": 2,
            "could_teach": "Protecting time to think",
        },
        {
            "challenge": "Vague requests",
            "barrier_type": "ambiguity",
            "frequency": 3,
            "impact": 3,
            "could_teach": "Contracting clearly",
        },
    ]
    for n, row in enumerate(rows, start=1):
        page.get_by_label(LABELS["challenge"]).nth(n - 1).fill(row["challenge"])
        page.locator(f"#bl-{n}-barrier_type").select_option(
            label=next(t["label"] for t in LOG["barrier_types"] if t["id"] == row["barrier_type"])
        )
        page.locator(f"#bl-{n}-frequency").select_option(str(row["frequency"]))
        page.locator(f"#bl-{n}-impact").select_option(str(row["impact"]))
        page.get_by_label(LABELS["could_teach"]).nth(n - 1).fill(row["could_teach"])
    assert on_page(page) == expected(rows)
    matrix = page.locator("svg.lh-matrix[role=img]")
    assert matrix.count() == 1 and "B1: how often 4, impact 4, Act now" in matrix.get_attribute("aria-label")
    for quadrant in LOG["quadrants"]:
        assert quadrant["label"] in matrix.text_content()
    goals = page.inner_text("ol.lh-goals")
    assert "Re-planning with my team" in goals and "Act now" in goals
    assert page.locator("ol.lh-goals li").count() == LOG["scoring"]["top_n"]

    # Add an entry (focus goes to it), then remove entry B2: the others keep their numbers.
    page.get_by_role("button", name="Add a row").click()
    assert page.locator(".lh-entry").count() == 6
    assert page.evaluate("document.activeElement.id") == "bl-6-visible_task"
    page.get_by_role("button", name="Remove entry B2").click()
    assert page.locator(".lh-entry").count() == 5
    assert page.input_value("#bl-3-challenge") == rows[2]["challenge"]
    assert page.locator(".lh-entry legend").all_inner_texts() == [f"Entry B{n}" for n in (1, 3, 4, 5, 6)]
    rows = [rows[0], rows[2], rows[3], blank(), blank()]
    assert on_page(page) == expected(rows, [1, 3, 4, 5, 6])

    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    assert page.locator(".lh-entry").count() == 5
    assert page.input_value("#bl-4-could_teach") == "Contracting clearly"
    assert page.input_value("#bl-3-frequency") == "5"
    assert on_page(page) == expected(rows, [1, 3, 4, 5, 6])

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator(".lh-entry").count() == 5
    assert page.eval_on_selector_all(".lh-entry textarea, .lh-entry select", "els => els.every(e => e.value === '')")
    assert "Fill in every field" in page.inner_text(".lh-results")
    page.reload()
    assert page.input_value("#bl-1-challenge") == ""
    assert page.errors == []


def complete_entry(n, **change):
    return {
        "challenge": f"Barrier {n}",
        "barrier_type": "change",
        "frequency": n % 5 + 1,
        "impact": (n * 2) % 5 + 1,
        "could_teach": f"Lesson {n}",
        **change,
    }


def test_a_removed_entry_can_be_undone_and_no_entry_is_renumbered(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    rows = [complete_entry(n) for n in range(1, 5)]
    fill_log(page, rows)
    before = on_page(page)
    page.get_by_role("button", name="Remove entry B2").click()
    assert page.locator(".lh-entry legend").all_inner_texts() == ["Entry B1", "Entry B3", "Entry B4", "Entry B5"]
    assert on_page(page) == expected([rows[0], rows[2], rows[3], blank()], [1, 3, 4, 5])
    assert "Entry B2 was removed." in page.inner_text(".lh-undo")
    page.get_by_role("button", name="Undo: Entry B2 was removed.").click()
    assert page.input_value("#bl-2-challenge") == "Barrier 2"
    assert on_page(page) == before
    page.reload()
    assert on_page(page) == before  # the undo was saved
    # A new entry takes the next unused number, even after a removal.
    page.get_by_role("button", name="Remove entry B5").click()
    page.get_by_role("button", name="Add a row").click()
    assert page.locator(".lh-entry legend").all_inner_texts()[-1] == "Entry B5"
    page.get_by_role("button", name="Remove entry B1").click()
    page.get_by_role("button", name="Add a row").click()
    assert page.locator(".lh-entry legend").all_inner_texts() == [f"Entry B{n}" for n in (2, 3, 4, 5, 6)]
    assert page.errors == []


def test_each_entry_is_dated_today_and_the_date_can_be_changed(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    today = page.evaluate(TODAY)
    assert page.input_value("#bl-1-date") == ""  # a blank entry has no date yet
    page.fill("#bl-1-challenge", "Late briefs")
    assert page.input_value("#bl-1-date") == today
    page.get_by_role("button", name="Add a row").click()
    assert page.input_value("#bl-6-date") == today
    page.fill("#bl-1-date", "2026-11-03")
    fill_log(page, [complete_entry(1, date="2026-11-03", visible_task="Run the rota", hidden_demand="Win two leads")])
    assert page.input_value("#bl-1-date") == "2026-11-03"
    assert page.inner_text('tr[data-entry="B1"]').count("2026-11-03") == 1
    page.reload()
    assert page.input_value("#bl-1-date") == "2026-11-03"
    assert page.input_value("#bl-1-visible_task") == "Run the rota"
    assert page.input_value("#bl-1-hidden_demand") == "Win two leads"
    assert page.errors == []


def test_entries_saved_before_the_four_part_fields_still_load_and_rank(page, exercise_site_url):
    assert FIVE_FIELD_KEY in LOG["former_storage_keys"] and FIVE_FIELD_KEY != storage_key(LOG)
    old = [complete_entry(1), complete_entry(2, frequency=5, impact=5), complete_entry(3)]
    raw = json.dumps({"version": 1, "saved": "2026-11-20T09:00:00.000Z", "answers": {"rows": old}})
    page.goto(exercise_site_url + "barrier_log.html")
    page.evaluate("([key, raw]) => { localStorage.clear(); localStorage.setItem(key, raw); }", [FIVE_FIELD_KEY, raw])
    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    assert page.locator(".lh-entry legend").all_inner_texts() == ["Entry B1", "Entry B2", "Entry B3"]
    assert page.input_value("#bl-2-challenge") == "Barrier 2" and page.input_value("#bl-2-date") == ""
    assert page.input_value("#bl-2-visible_task") == "" and page.inner_text("#msg-bl-2-visible_task") == ""
    assert on_page(page) == expected(old)
    assert page.errors == []


def test_on_a_phone_the_ranking_scrolls_in_its_own_box_and_the_matrix_text_is_readable(page, exercise_site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(exercise_site_url + "barrier_log.html")
    fill_log(page, [complete_entry(n, challenge="A long barrier that takes a whole sentence " * 2) for n in (1, 2, 3)])
    assert page.locator("tr[data-rank]").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".lh-table-scroll").filter(has=page.locator("table.lh-ranking"))
    assert box.count() == 1 and box.get_attribute("role") == "region" and box.get_attribute("tabindex") == "0"
    smallest = page.eval_on_selector(
        "svg.lh-matrix",
        """svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const holdsText = (t) => [...t.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
        const sizes = [...svg.querySelectorAll('text, tspan')].filter(holdsText)
          .map((t) => parseFloat(getComputedStyle(t).fontSize));
        return Math.min(...sizes) * scale; }""",
    )
    assert smallest >= 12, smallest
    assert page.errors == []


def test_incomplete_entries_get_messages_and_blank_ones_are_ignored(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    complete = {
        "challenge": "Late briefs",
        "barrier_type": "ambiguity",
        "frequency": 4,
        "impact": 3,
        "could_teach": "Asking the right questions early",
    }
    partial = dict(blank(), challenge="Budget cut mid-year", impact=5)
    fill_log(page, [blank(), partial, complete])
    # The blank entry B1: no messages, nothing marked.
    assert page.locator("#bl-1-challenge").get_attribute("aria-invalid") is None
    assert page.inner_text("#msg-bl-1-challenge") == ""
    # The incomplete entry B2: a message beside each missing field, tied to it for screen readers.
    for field in ("barrier_type", "frequency", "could_teach"):
        control = page.locator(f"#bl-2-{field}")
        assert control.get_attribute("aria-invalid") == "true"
        assert control.get_attribute("aria-describedby") == f"msg-bl-2-{field}"
        assert "needed to rank entry B2" in page.inner_text(f"#msg-bl-2-{field}")
    assert "Choose how often it happens" in page.inner_text("#msg-bl-2-frequency")
    for field in ("challenge", "impact", "visible_task", "hidden_demand", "date"):
        assert page.inner_text(f"#msg-bl-2-{field}") == ""
    assert "Entry B2 is not ranked yet" in page.inner_text(".lh-results")
    assert on_page(page) == expected([blank(), partial, complete])
    assert [r[1] for r in on_page(page)[0]] == ["B3"]

    # Too long a text is refused as check_text would (over MOST characters after trimming; an emoji is one).
    page.fill("#bl-3-challenge", "x" * (MOST + 1))
    assert f"{MOST + 1} characters long" in page.inner_text("#msg-bl-3-challenge")
    assert page.locator("tr[data-rank]").count() == 0
    assert "Entries B2, B3 are not ranked yet" in page.inner_text(".lh-results")
    page.fill("#bl-3-challenge", "  " + "🙂" * MOST + "  ")
    assert page.inner_text("#msg-bl-3-challenge") == ""
    page.fill("#bl-3-challenge", "  " + "x" * MOST + "  ")
    assert page.inner_text("#msg-bl-3-challenge") == ""

    # Completing B2 brings it into the ranking and clears its messages.
    page.select_option("#bl-2-barrier_type", "resources")
    page.select_option("#bl-2-frequency", "2")
    page.fill("#bl-2-could_teach", "Making the case for resources")
    assert page.locator("#bl-2-frequency").get_attribute("aria-invalid") is None
    assert page.inner_text("#msg-bl-2-frequency") == ""
    partial.update(barrier_type="resources", frequency=2, could_teach="Making the case for resources")
    complete["challenge"] = "x" * MOST
    assert on_page(page) == expected([blank(), partial, complete])
    text = page.inner_text(".lh-results")
    assert "NaN" not in text and "undefined" not in text and "not ranked" not in text
    assert page.errors == []


def test_answers_export_as_csv_and_json(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    rows = [
        {
            "challenge": 'Say "yes", then re-plan',
            "barrier_type": "relationships",
            "frequency": 3,
            "impact": 4,
            "could_teach": "Saying no, kindly",
        },
        dict(blank(), challenge="Half-written"),
        {
            "challenge": "New system",
            "barrier_type": "change",
            "frequency": 5,
            "impact": 5,
            "could_teach": "Learning fast",
        },
    ]
    fill_log(page, rows)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    assert re.fullmatch(r"barrier-log-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    saved = exported["answers"]["rows"]
    assert len(saved) == 5 and [row["entry"] for row in saved] == [1, 2, 3, 4, 5]
    typed = [{k: v for k, v in r.items() if k != "date"} for r in rows]  # a started entry is dated today
    assert [{k: (row[k] if row[k] != "" else None) for k in r} for row, r in zip(saved, typed)] == typed
    complete = [{k: v for k, v in row.items() if k != "entry"} for row in saved if is_complete(row)]
    python = prioritise(LOG, complete)  # the complete entries work in the notebook as they are
    assert [r["priority"] for r in exported["results"]["rows"]] == [r["priority"] for r in python]
    assert [r["quadrant"] for r in exported["results"]["rows"]] == [r["quadrant"] for r in python]
    assert [r["id"] for r in exported["results"]["rows"]] == ["B3", "B1"]
    assert [g["goal"] for g in exported["results"]["goals"]] == [g["goal"] for g in learning_goals(LOG, complete)]
    assert exported["results"]["incomplete"] == ["B2"]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    table = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    # Plain column names: the labels the reader sees; a type by its label.
    assert list(table[0])[: len(FIELDS) + 4] == ["Entry"] + [LABELS[f] for f in FIELDS] + [
        "Priority",
        "Quadrant",
        "Rank",
    ]
    assert [r["Entry"] for r in table] == ["B1", "B2", "B3", "B4", "B5"]
    assert table[0][LABELS["challenge"]] == 'Say "yes", then re-plan'
    assert table[0][LABELS["barrier_type"]] == "Difficult relationships"
    assert (table[0]["Priority"], table[0]["Quadrant"], table[0]["Rank"]) == ("12", "Act now", "2")
    assert (table[2]["Priority"], table[2]["Rank"]) == ("25", "1")
    assert table[1][LABELS["challenge"]] == "Half-written" and table[1]["Priority"] == "" and table[1]["Rank"] == ""
    assert page.errors == []


def test_the_log_stops_at_its_maximum_length(page, exercise_site_url):
    page.goto(exercise_site_url + "barrier_log.html")
    add = page.get_by_role("button", name="Add a row")
    while add.is_enabled():
        add.click()
    assert page.locator(".lh-entry").count() == LOG["scoring"]["max_entries"]
    page.get_by_role("button", name=f"Remove entry B{LOG['scoring']['max_entries']}").click()
    assert add.is_enabled()
    assert page.errors == []
