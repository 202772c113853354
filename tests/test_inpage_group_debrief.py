"""The group debrief in a real browser, fed with files the exercise pages themselves downloaded: 8 fictional
participants, the threshold, hostile files, the CSV of the aggregate, the print, and nothing kept or sent."""

import csv
import io
import json
import random
import statistics

import pytest
from page_checks import axe_violations
from pypdf import PdfReader

from leadership_handbook.core.formatting import format2
from leadership_handbook.core.instruments import load
from leadership_handbook.core.rounding import round2
from leadership_handbook.kinds.knowledge_check.rules import check_answers
from leadership_handbook.kinds.self_assessment.rules import score_responses

SELF = load("future_proof")
CHECKS = load("knowledge_checks")
AUDIT = load("programme_audit")
PART = CHECKS["parts"][0]
PEOPLE = 8  # fictional participants


def tick(page, answers):
    """Tick the radios as a participant would leave them, then fire one change event."""
    page.evaluate(
        """answers => {
        const form = document.querySelector('.lh-form');
        for (const [name, value] of Object.entries(answers)) {
            if (value === null) continue;
            form.querySelector(`input[name="${name}"][value="${value}"]`).checked = true;
        }
        form.dispatchEvent(new Event('change', {bubbles: true}));
    }""",
        answers,
    )


def download_answers(page, url, answers, folder, stem):
    """A participant's visit: open the exercise page, answer, press the JSON download, keep the file."""
    page.goto(url)
    tick(page, answers)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    target = folder / f"{stem}-{download.value.suggested_filename}"
    download.value.save_as(target)
    return target


def self_answers(rng):
    return {item["id"]: rng.randint(1, 5) for item in SELF["items"]}


def check_choices(rng):
    return {q["id"]: rng.choice([o["id"] for o in q["options"]]) for q in PART["questions"]}


@pytest.fixture(scope="module")
def room(browser, exercise_site_url, tmp_path_factory):
    """Eight participants' self-assessment and knowledge-check files and four audits, made by the pages."""
    folder = tmp_path_factory.mktemp("room")
    rng = random.Random(20261201)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    made = {"self": [], "checks": [], "audit": [], "self_answers": [], "check_answers": []}
    for n in range(PEOPLE):
        made["self_answers"].append(self_answers(rng))
        made["self"].append(
            download_answers(
                page, exercise_site_url + "self_assessment.html", made["self_answers"][-1], folder, f"p{n}"
            )
        )
        made["check_answers"].append(check_choices(rng))
        made["checks"].append(
            download_answers(
                page, exercise_site_url + "knowledge_check.html", made["check_answers"][-1], folder, f"p{n}"
            )
        )
    for n in range(4):
        audit = {f["id"]: rng.choice([o["value"] for o in AUDIT["response_options"]]) for f in AUDIT["features"]}
        made["audit"].append(download_answers(page, exercise_site_url + "programme_audit.html", audit, folder, f"p{n}"))
    context.close()
    return made


def open_group(page, exercise_site_url, files):
    page.goto(exercise_site_url + "group_debrief.html")
    page.set_input_files("input[type=file]", [str(f) for f in files])
    page.wait_for_selector(".lh-group-file-report")


def test_the_pages_download_the_agreed_format(room):
    exported = json.loads(room["checks"][0].read_text(encoding="utf-8"))
    assert exported["format"] == "beyond-the-course-answers" and exported["format_version"] == 1
    assert (exported["kind"], exported["instrument"], exported["part"]) == ("knowledge_check", CHECKS["id"], PART["id"])


def test_eight_participants_files_show_the_rooms_profile(page, exercise_site_url, room):
    open_group(page, exercise_site_url, room["self"] + room["checks"] + room["audit"])
    report = page.inner_text(".lh-group-file-report summary")
    assert report.startswith(f"{2 * PEOPLE + 4} files read: {2 * PEOPLE + 4} used, 0 refused")

    medians = dict(
        page.eval_on_selector_all(
            f'[data-group="{SELF["id"]}"] tr[data-score]', "rows => rows.map(r => [r.dataset.score, r.dataset.median])"
        )
    )
    scored = [score_responses(SELF, answers)["dimensions"] for answers in room["self_answers"]]
    for i, dimension in enumerate(SELF["dimensions"]):
        expected = round2(statistics.median(d[i]["score"] for d in scored))
        assert medians[dimension["id"]] == format2(expected), dimension["id"]
    assert page.locator(f'[data-group="{SELF["id"]}"] svg.lh-strip-chart circle').count() == (
        PEOPLE * len(SELF["dimensions"])
    )

    group = f'[data-group="{CHECKS["id"]}:{PART["id"]}"]'
    for question in PART["questions"]:
        chosen = [answers[question["id"]] for answers in room["check_answers"]]
        for option in question["options"]:
            share = page.get_attribute(
                f'{group} table[data-item="{question["id"]}"] tr[data-option="{option["id"]}"]', "data-share"
            )
            assert share == format2(round2(chosen.count(option["id"]) * 100 / PEOPLE)), (question["id"], option["id"])
    correct = [check_answers(CHECKS, PART["id"], a)["correct"] for a in room["check_answers"]]
    assert page.get_attribute(f'{group} tr[data-score="correct"]', "data-median") == format2(
        round2(statistics.median(correct))
    )
    assert page.locator(f"{group} .lh-group-split li").count() >= 1

    audit = page.locator(f'[data-group="{AUDIT["id"]}"]')
    assert "Nothing is shown below 5 files" in audit.inner_text()
    assert audit.locator("svg, table").count() == 0
    assert page.errors == []


def test_the_threshold_can_rise_and_fall_but_never_below_three(page, exercise_site_url, room):
    open_group(page, exercise_site_url, room["audit"])
    assert page.locator("svg.lh-strip-chart").count() == 0
    assert page.get_by_role("button", name="Download the group’s results (CSV)").is_disabled()
    page.fill("input.lh-group-threshold", "4")
    assert page.locator(f'[data-group="{AUDIT["id"]}"] svg.lh-strip-chart').count() == 1
    page.fill("input.lh-group-threshold", "2")
    assert "never below 3" in page.inner_text(".lh-group-note")
    assert page.locator("svg.lh-strip-chart").count() == 1, "3 is used, and 4 files reach it"
    page.fill("input.lh-group-threshold", "9")
    assert page.locator("svg.lh-strip-chart").count() == 0


def test_wrong_and_hostile_files_each_get_a_message_and_break_nothing(page, exercise_site_url, room, tmp_path):
    good = json.loads(room["self"][0].read_text(encoding="utf-8"))
    first_item = SELF["items"][0]["id"]

    def variant(name, **changes):
        data = json.loads(json.dumps(good))
        data.update(changes)
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    hostile = [
        tmp_path / "not-json.json",
        variant("other-exercise.json", instrument="roi-example", kind="roi"),
        variant("other-version.json", instrument_version=7),
        variant("out-of-range.json", answers=dict(good["answers"], **{first_item: 9})),
        variant("script.json", answers=dict(good["answers"], **{first_item: "<img src=x onerror=window.pwned=1>"})),
        variant('<img src=x onerror="window.pwned=2">.json', exported="2026-12-01T09:00:00Z"),
        tmp_path / "huge.json",
    ]
    hostile[0].write_text("<html><script>window.pwned=3</script></html>", encoding="utf-8")
    with open(hostile[-1], "wb") as big:
        big.truncate(50 * 1024 * 1024)  # 50 MB, refused by its size before it is read
    open_group(page, exercise_site_url, room["self"][:5] + hostile + [room["self"][1]])
    rows = page.eval_on_selector_all(
        ".lh-group-file-report li", "rows => rows.map(r => [r.dataset.status, r.textContent])"
    )
    statuses = [status for status, _ in rows]
    assert statuses == ["used"] * 5 + ["refused"] * 5 + ["used", "refused", "duplicate"]
    text = [line for _, line in rows]
    assert "not JSON" in text[5] and "another exercise" in text[6] and "another version" in text[7]
    assert "out of range" in text[8] and "<img src=x onerror=window.pwned=1>" in text[9]
    assert "not opened" in text[11] and "same file as file 2" in text[12]
    assert page.evaluate("window.pwned") is None
    assert page.locator(".lh-group img, .lh-group script:not(.lh-group-spec)").count() == 0
    assert page.locator(f'[data-group="{SELF["id"]}"] .lh-group-count').get_attribute("data-files") == "6"
    assert page.errors == []


def test_no_names_nothing_kept_nothing_sent(page, exercise_site_url, room, tmp_path):
    named = []
    for n, path in enumerate(room["self"][:5]):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(name=f"Fictional Person {n}", email=f"person{n}@example.org")
        named.append(tmp_path / f"named-{n}.json")
        named[-1].write_text(json.dumps(data), encoding="utf-8")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(exercise_site_url + "group_debrief.html")
    stored = page.evaluate("[Object.entries(localStorage), Object.entries(sessionStorage)]")  # the theme's own
    page.set_input_files("input[type=file]", [str(f) for f in named])
    page.wait_for_selector(".lh-group-file-report")
    loaded = len(requests)
    assert page.locator("svg.lh-strip-chart").count() == 1
    shown = page.inner_text(".lh-group-results")
    assert "Fictional Person" not in shown and "example.org" not in shown
    assert page.evaluate("[Object.entries(localStorage), Object.entries(sessionStorage)]") == stored
    assert not any(key.startswith("lh:") for key, _ in stored[0] + stored[1])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the group’s results (CSV)").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert "Fictional Person" not in str(rows) and "named-" not in str(rows)
    score_rows = [row for row in rows[1:] if row[3] == "score"]
    assert len(score_rows) == len(SELF["dimensions"])
    assert len(rows) == 1 + len(SELF["dimensions"]) + len(SELF["items"]) * len(SELF["scale"]["labels"])
    assert all(url.startswith(exercise_site_url) or url.startswith("blob:") for url in requests[loaded:])


def test_chart_text_is_at_least_12px_on_a_phone_and_each_exercise_prints_on_one_page(page, exercise_site_url, room):
    page.set_viewport_size({"width": 390, "height": 844})
    open_group(page, exercise_site_url, room["self"] + room["checks"] + room["audit"])
    page.fill("input.lh-group-threshold", "4")  # the four audits too
    assert page.locator("svg.lh-strip-chart").count() == 3
    smallest = page.eval_on_selector_all(
        "svg.lh-strip-chart text",
        "ts => Math.min(...ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))",
    )
    assert smallest >= 12
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 3, "one exercise a page"
    texts = [p.extract_text() for p in printed.pages]
    assert [SELF["title"] in texts[0], PART["title"] in texts[1], AUDIT["title"][:20] in texts[2]] == [True] * 3
    assert "Strongly agree" not in texts[0], "the statement tables stay closed in print"
    page.emulate_media(media="print")
    assert page.locator(".lh-group-controls").is_hidden()
    assert page.locator("h1:visible, .lh-group-file-report:visible, nav:visible").count() == 0
    assert page.locator(".lh-strip-chart").first.is_visible()


def test_the_results_view_has_no_axe_violations(page, exercise_site_url, room):
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        open_group(page, exercise_site_url, room["self"] + room["checks"] + room["audit"][:1] + [room["self"][0]])
        assert axe_violations(page) == [], width


def test_files_dropped_on_the_box_count_and_remove_all_clears_the_view(page, exercise_site_url, room):
    page.goto(exercise_site_url + "group_debrief.html")
    texts = [path.read_text(encoding="utf-8") for path in room["self"][:5]]
    page.evaluate(
        """texts => {
        const dropped = new DataTransfer();
        texts.forEach((text, i) => dropped.items.add(new File([text], `p${i}.json`, {type: "application/json"})));
        document.querySelector('.lh-group-drop').dispatchEvent(
            new DragEvent('drop', {dataTransfer: dropped, bubbles: true, cancelable: true}));
    }""",
        texts,
    )
    page.wait_for_selector(".lh-group-file-report")
    assert page.inner_text(".lh-group-status").startswith("5 of 5 files used")
    assert page.locator("svg.lh-strip-chart").count() == 1
    page.get_by_role("button", name="Remove all files").click()
    assert page.locator(".lh-group-file-report, svg.lh-strip-chart").count() == 0
    assert page.inner_text(".lh-group-status") == "All files were removed from the page."
    assert page.errors == []


FILL = """([index, answers]) => {
    const form = document.querySelectorAll('.lh-form')[index];
    for (const [name, value] of Object.entries(answers)) {
        for (const input of form.querySelectorAll(`[name="${name}"]`)) {
            if (input.type === 'radio') input.checked = input.value === String(value);
            else if (input.type === 'checkbox') input.checked = value.includes(input.value);
            else input.value = value;
        }
    }
    form.dispatchEvent(new Event('change', {bubbles: true}));
}"""


def test_the_workshop_evaluation_day_then_follow_up_and_no_written_answer_shown(page, exercise_site_url, tmp_path):
    kit = load("workshop_evaluation")
    secret = "Fictional Person said <b>this</b>"
    files = []
    rng = random.Random(13)
    for n in range(6):
        for index, part in enumerate(kit["parts"]):
            answers = {}
            for section in part["sections"]:
                for q in section["questions"]:
                    if q["kind"] == "scale":
                        answers[q["id"]] = rng.randint(1, 5)
                    elif q["kind"] == "quiz":
                        answers[q["id"]] = rng.choice([o["id"] for o in q["options"]])
                    elif q["kind"] == "multi":
                        answers[q["id"]] = [q["options"][n % 2]["id"]]
                    elif q["kind"] == "date":
                        answers[q["id"]] = "2027-01-15"
                    else:
                        answers[q["id"]] = secret
            page.goto(exercise_site_url + "workshop_evaluation.html")
            page.evaluate(FILL, [index, answers])
            with page.expect_download() as download:
                page.get_by_role("button", name="Download my answers (JSON)").nth(index).click()
            files.append(tmp_path / f"p{n}-{download.value.suggested_filename}")
            download.value.save_as(files[-1])
    open_group(page, exercise_site_url, list(reversed(files)))
    assert page.inner_text(".lh-group-status").startswith("12 of 12 files used")
    shown = page.eval_on_selector_all(".lh-group-profile", "ps => ps.map(p => p.dataset.group)")
    assert shown == [f"{kit['id']}:{part['id']}" for part in kit["parts"]], "the day first, then the follow-up"
    assert all(", downloaded on " in line for line in page.locator(".lh-group-count").all_inner_texts())
    text = page.inner_text(".lh-group-results")
    assert "6 of 6 wrote a complete commitment" in text
    assert "Fictional Person" not in text and "2027" not in text
    assert page.locator(".lh-group-results b").count() == 0
    assert page.errors == []
