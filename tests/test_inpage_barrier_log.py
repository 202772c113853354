"""The barrier log in the page: ranking, quadrants and learning goals equal rules.py's; incomplete entries are
flagged beside the missing fields and left out; blank ones are ignored; answers persist, clear and export.

The shared cases (kinds/barrier_log/cases.json) hold rules.js equal to rules.py; these tests check the page
around them, with a few random logs typed as a reader would."""

import csv
import io
import json
import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.barrier_log.rules import learning_goals, prioritise

LOG = load("barrier_log")
FIELDS = tuple(f["id"] for f in LOG["entries"]["fields"])
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
    """Clear the log, add entries until there are enough, and type each field as a reader would."""
    page.get_by_role("button", name="Clear my answers").click()
    while page.locator(".lh-entry").count() < len(rows):
        page.get_by_role("button", name="Add a row").click()
    for n, row in enumerate(rows, start=1):
        for field in FIELDS:
            value = row[field]
            if value is None:
                continue
            if field in ("challenge", "could_teach"):
                page.fill(f"#bl-{n}-{field}", value)
            else:
                page.select_option(f"#bl-{n}-{field}", str(value))


def is_complete(row):
    return all(row[f] is not None and (not isinstance(row[f], str) or row[f].strip()) for f in FIELDS)


def expected(rows):
    """What rules.py makes of the complete entries, with each entry named by its place in the form."""
    complete = [row for row in rows if is_complete(row)]
    place = [f"B{n}" for n, row in enumerate(rows, start=1) if is_complete(row)]
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
    if state == "incomplete":
        for field in rng.sample(FIELDS, rng.randint(1, 4)):
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
    assert "Fill in all five fields" in page.inner_text(".lh-results")
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
        page.get_by_label("The challenge: what happens?").nth(n - 1).fill(row["challenge"])
        page.locator(f"#bl-{n}-barrier_type").select_option(
            label=next(t["label"] for t in LOG["barrier_types"] if t["id"] == row["barrier_type"])
        )
        page.locator(f"#bl-{n}-frequency").select_option(str(row["frequency"]))
        page.locator(f"#bl-{n}-impact").select_option(str(row["impact"]))
        page.get_by_label("What it could teach me").nth(n - 1).fill(row["could_teach"])
    assert on_page(page) == expected(rows)
    matrix = page.locator("svg.lh-matrix[role=img]")
    assert matrix.count() == 1 and "B1: how often 4, impact 4, Act now" in matrix.get_attribute("aria-label")
    for quadrant in LOG["quadrants"]:
        assert quadrant["label"] in matrix.text_content()
    goals = page.inner_text("ol.lh-goals")
    assert "Re-planning with my team" in goals and "Act now" in goals
    assert page.locator("ol.lh-goals li").count() == LOG["scoring"]["top_n"]

    # Add an entry (focus goes to it), then remove entry B2: the later entries move up and are renumbered.
    page.get_by_role("button", name="Add a row").click()
    assert page.locator(".lh-entry").count() == 6
    assert page.evaluate("document.activeElement.id") == "bl-6-challenge"
    page.get_by_role("button", name="Remove entry B2").click()
    assert page.locator(".lh-entry").count() == 5
    assert page.input_value("#bl-2-challenge") == rows[2]["challenge"]
    assert page.locator(".lh-entry legend").all_inner_texts() == [f"Entry B{n}" for n in range(1, 6)]
    rows = [rows[0], rows[2], rows[3], blank(), blank()]
    assert on_page(page) == expected(rows)

    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    assert page.locator(".lh-entry").count() == 5
    assert page.input_value("#bl-3-could_teach") == "Contracting clearly"
    assert page.input_value("#bl-2-frequency") == "5"
    assert on_page(page) == expected(rows)

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator(".lh-entry").count() == 5
    assert page.eval_on_selector_all(".lh-entry textarea, .lh-entry select", "els => els.every(e => e.value === '')")
    assert "Fill in all five fields" in page.inner_text(".lh-results")
    page.reload()
    assert page.input_value("#bl-1-challenge") == ""
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
    for field in ("challenge", "impact"):
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
    assert download.value.suggested_filename == "barrier-log.json"
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    saved = exported["answers"]["rows"]
    assert len(saved) == 5
    assert [{k: (v if v != "" else None) for k, v in row.items()} for row in saved[:3]] == rows
    complete = [row for row in saved if is_complete(row)]
    python = prioritise(LOG, complete)  # the complete entries work in the notebook as they are
    assert [r["priority"] for r in exported["results"]["rows"]] == [r["priority"] for r in python]
    assert [r["quadrant"] for r in exported["results"]["rows"]] == [r["quadrant"] for r in python]
    assert [r["id"] for r in exported["results"]["rows"]] == ["B3", "B1"]
    assert [g["goal"] for g in exported["results"]["goals"]] == [g["goal"] for g in learning_goals(LOG, complete)]
    assert exported["results"]["incomplete"] == ["B2"]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    table = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [r["entry"] for r in table] == ["B1", "B2", "B3", "B4", "B5"]
    assert table[0]["challenge"] == 'Say "yes", then re-plan'
    assert (table[0]["priority"], table[0]["quadrant"], table[0]["rank"]) == ("12", "Act now", "2")
    assert (table[2]["priority"], table[2]["rank"]) == ("25", "1")
    assert table[1]["challenge"] == "Half-written" and table[1]["priority"] == "" and table[1]["rank"] == ""
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
