"""The ROI calculator in the page: the figures equal rules.evaluate's and uncertainty.one_way_sensitivity's for the
same inputs as a reader types them, the sentences are rules.interpret's, the simulation is seeded, equal to
uncertainty.monte_carlo_mulberry32's and close to uncertainty.monte_carlo's, bad input is explained beside the field,
and answers persist, clear and export. The shared cases (kinds/roi/cases.json) hold the rules themselves equal."""

import csv
import io
import json
import random

from form_input import set_fields

from leadership_handbook.core.formatting import percent
from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.roi import rules, uncertainty

EXAMPLE = load("roi_example")
P = EXAMPLE["id"]
ONE_WAY = EXAMPLE["sensitivity"]["one_way"]
MC = EXAMPLE["sensitivity"]["monte_carlo"]
SUMMARY_KEYS = ["total_costs", "adjusted_benefits", "net_benefits", "bcr", "roi_pct", "payback_months"]
WORDS = [
    "Design",
    "delivery",
    "coaching",
    "venue",
    "people's time",
    "travel",
    "evaluation",
    "waste",
    "overtime",
    "absence",
    "sales",
    "“quoted” text",
    "<b>not bold</b>",
    "Ünïcödé",
    "a, b & c",
    "  spaced  ",
]


def two(x):
    return "" if x is None else f"{x:.2f}"


def label(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def amount_text(rng, value):
    """How a reader might type an amount: mostly plain, sometimes with a thousands separator or a £ sign."""
    style = rng.random()
    if style < 0.15 and value >= 1000 and value == int(value):
        return f"{int(value):,}"
    if style < 0.25:
        return f"£{value:g}" if value == int(value) else f"£{value}"
    return f"{value:g}" if value == int(value) else str(value)


def random_plan(rng):
    costs = []
    for _ in range(rng.randint(1, 10)):
        value = rng.choice([0, rng.randint(1, 200000), round(rng.uniform(0, 50000), 2), round(rng.uniform(0, 999), 1)])
        costs.append({"label": label(rng), "category": rng.choice(rules.COST_CATEGORIES), "amount": value})
    if sum(c["amount"] for c in costs) == 0:
        costs[0]["amount"] = 1234.5
    benefits = []
    for _ in range(rng.randint(0, 6)):
        benefits.append(
            {
                "label": label(rng),
                "basis": rng.choice(["", "Payroll records", "Manager estimates"]),
                "annual_value": rng.choice([0, rng.randint(1, 500000), round(rng.uniform(0, 90000), 2)]),
                "attribution_pct": rng.choice([0, 100, rng.randint(0, 100), round(rng.uniform(0, 100), 1)]),
                "confidence_pct": rng.choice([100, rng.randint(0, 100), round(rng.uniform(0, 100), 2)]),
            }
        )
    intangibles = [label(rng) for _ in range(rng.randint(0, 4))]
    hurdle = rng.choice([None, None, 0, rng.randint(-50, 200), round(rng.uniform(-20, 60), 1)])
    return {"costs": costs, "benefits": benefits, "intangibles": intangibles, "hurdle": hurdle}


def python_inputs(plan):
    return rules.RoiInputs(
        costs=[rules.CostItem(c["label"], float(c["amount"]), c["category"]) for c in plan["costs"]],
        benefits=[
            rules.BenefitItem(
                b["label"],
                float(b["annual_value"]),
                float(b["attribution_pct"]),
                float(b["confidence_pct"]),
                b["basis"],
            )
            for b in plan["benefits"]
        ],
        intangibles=plan["intangibles"],
        hurdle_rate_pct=plan["hurdle"],
    )


def start_blank(page):
    page.get_by_role("button", name="Start with a blank form").click()


def ensure_rows(page, what, count):
    rows = page.locator(f"[data-rows={what}] > *")
    while rows.count() < count:
        page.locator(f'button[data-add="{what}"]').click()


def fill_plan(page, plan, rng):
    """Put the plan into a blank form field by field, each amount as a reader might type it (tests/form_input.py)."""
    start_blank(page)
    ensure_rows(page, "cost", len(plan["costs"]))
    ensure_rows(page, "benefit", len(plan["benefits"]))
    ensure_rows(page, "intangible", len(plan["intangibles"]))
    fields = []
    for n, c in enumerate(plan["costs"], start=1):
        fields += [(f"#{P}-cost-{n}-label", c["label"]), (f"#{P}-cost-{n}-category", c["category"])]
        fields.append((f"#{P}-cost-{n}-amount", amount_text(rng, c["amount"])))
    for n, b in enumerate(plan["benefits"], start=1):
        fields += [(f"#{P}-benefit-{n}-label", b["label"]), (f"#{P}-benefit-{n}-basis", b["basis"])]
        fields.append((f"#{P}-benefit-{n}-value", amount_text(rng, b["annual_value"])))
        fields.append(
            (f"#{P}-benefit-{n}-attribution", f"{b['attribution_pct']}" + ("%" if rng.random() < 0.2 else ""))
        )
        fields.append((f"#{P}-benefit-{n}-confidence", f"{b['confidence_pct']}"))
    fields += [(f"#{P}-intangible-{n}", t) for n, t in enumerate(plan["intangibles"], start=1)]
    fields.append((f"#{P}-hurdle", "" if plan["hurdle"] is None else str(plan["hurdle"])))
    set_fields(page, fields)


def page_summary(page):
    return dict(
        page.eval_on_selector_all(
            ".lh-roi-summary tr[data-key]", "rows => rows.map(r => [r.dataset.key, r.dataset.value])"
        )
    )


def page_sensitivity(page):
    return page.eval_on_selector_all(
        ".lh-roi-sensitivity tr[data-input]",
        """rows => rows.map(r => [r.dataset.input,
        r.querySelector('th').textContent, r.dataset.lowSetting, r.dataset.highSetting, r.dataset.roiLow,
        r.dataset.roiHigh, r.dataset.swing])""",
    )


def expected_summary(report):
    out = {k: two(report[k]) for k in SUMMARY_KEYS}
    if report["hurdle_rate_pct"] is not None:
        out["meets_hurdle"] = "true" if report["meets_hurdle"] else "false"
    return out


def expected_sensitivity(rows):
    return [
        [
            r["input"],
            r["label"],
            two(r["low_setting"]),
            two(r["high_setting"]),
            two(r["roi_low"]),
            two(r["roi_high"]),
            two(r["swing"]),
        ]
        for r in rows
    ]


def assert_matches_python(page, inputs):
    report = rules.evaluate(inputs)
    rows = uncertainty.one_way_sensitivity(inputs, **ONE_WAY)
    assert page_summary(page) == expected_summary(report)
    assert page_sensitivity(page) == expected_sensitivity(rows)
    counted = page.eval_on_selector_all("[data-counted]", "cells => cells.map(c => c.dataset.counted).filter(Boolean)")
    assert counted == [two(b["adjusted"]) for b in report["benefits"]]
    # The tornado chart draws the same rows, in the same order (two bars each).
    bars = page.eval_on_selector_all("svg.lh-tornado rect[data-input]", "bars => bars.map(b => b.dataset.input)")
    assert bars == [r["input"] for r in rows for _ in range(2)]
    chart = page.locator("svg.lh-tornado")
    assert chart.get_attribute("role") == "img" and "Tornado chart" in chart.get_attribute("aria-label")
    results = page.inner_text(".lh-results")
    assert "NaN" not in results and "undefined" not in results and "Infinity" not in results
    return report


def test_the_worked_example_is_prefilled_marked_fictional_and_scored_as_in_python(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    note = page.locator(f"#{P}-example-note")
    assert "fictional example" in note.inner_text().lower()
    assert "Results for the fictional example" in page.inner_text(".lh-results")
    report = assert_matches_python(page, rules.inputs_from_example(EXAMPLE))
    assert page_summary(page)["roi_pct"] == two(report["roi_pct"])
    intangibles = page.eval_on_selector_all(".lh-roi-intangible-list li", "items => items.map(i => i.textContent)")
    assert intangibles == EXAMPLE["intangibles"]
    # "What the figures say" is rules.interpret's (the intangible benefits are listed under their own heading).
    inputs = rules.inputs_from_example(EXAMPLE)
    rows = uncertainty.one_way_sensitivity(inputs, **ONE_WAY)
    mc = uncertainty.monte_carlo_mulberry32(inputs, **MC)
    said = page.evaluate("""() => [...[...document.querySelectorAll(".lh-results .lh-results-title")]
        .find(p => p.textContent === "What the figures say").nextElementSibling.querySelectorAll("li")]
        .map(li => li.textContent)""")
    assert said == [s["text"] for s in rules.interpret(report, rows, mc) if s["id"] != "intangibles"]
    assert page.errors == []


def test_figures_equal_the_python_functions_for_random_inputs(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    rng = random.Random(20260419)
    for _ in range(6):  # the shared cases compare the rules on many more plans; this checks the page's wiring
        plan = random_plan(rng)
        fill_plan(page, plan, rng)
        assert_matches_python(page, python_inputs(plan))
        assert "Results for the fictional example" not in page.inner_text(".lh-results")
    assert page.errors == []


def test_the_simulation_is_seeded_repeatable_and_close_to_numpys(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")

    def simulated():
        return dict(
            page.eval_on_selector_all(
                ".lh-roi-simulation tr[data-key]", "rows => rows.map(r => [r.dataset.key, r.dataset.value])"
            )
        )

    first = simulated()
    assert first["runs"] == str(MC["runs"])
    # The page's own generator, ported to Python: the same figures exactly.
    port = uncertainty.monte_carlo_mulberry32(rules.inputs_from_example(EXAMPLE), **MC)
    assert first["p50"] == two(port["p50"]) and first["p5-p95"] == f"{two(port['p5'])} {two(port['p95'])}"
    assert first["prob_negative"] == two(port["prob_negative"])
    assert first["prob_below_hurdle"] == two(port["prob_below_hurdle"])
    assert "own small random-number generator" in page.inner_text(".lh-results")
    page.reload()
    assert simulated() == first  # the same seed gives the same figures every time
    # A different stream from NumPy's, so not equal, but the same distributions: the summaries are close.
    python = uncertainty.monte_carlo(rules.inputs_from_example(EXAMPLE), **MC)
    p5, p95 = (float(x) for x in first["p5-p95"].split())
    assert abs(float(first["p50"]) - python["p50"]) < 2
    assert abs(p5 - python["p5"]) < 2.5 and abs(p95 - python["p95"]) < 2.5
    assert abs(float(first["prob_negative"]) - python["prob_negative"]) < 2.5
    assert abs(float(first["prob_below_hurdle"]) - python["prob_below_hurdle"]) < 3.5
    assert float(first["prob_not_negative"]) == round(100 - float(first["prob_negative"]), 2)
    # Another seed's run in the page stays close too, with more inputs.
    rng = random.Random(7)
    plan = random_plan(rng)
    while not plan["benefits"]:
        plan = random_plan(rng)
    inputs = python_inputs(plan)
    js = page.evaluate(
        """([plan, cfg]) => LH.rules.roi.monteCarloMulberry32(
        JSON.parse(document.querySelector("script.lh-spec").textContent).instrument,
        {...plan, hurdle_rate_pct: plan.hurdle, currency: "£", title: ""}, cfg)""",
        [plan, {**MC, "runs": 20000}],
    )
    py = uncertainty.monte_carlo(inputs, runs=20000, seed=11)
    spread = max(1.0, abs(py["p95"] - py["p5"]) * 0.05)
    assert abs(js["p50"] - py["p50"]) < spread
    assert abs(js["mean"] - py["mean"]) < spread
    assert page.errors == []


def test_bad_input_gets_a_message_beside_the_field_and_no_nan(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    cases = [
        (f"{P}-cost-2-amount", "-500", "below 0"),
        (f"{P}-cost-2-amount", "lots", "is not a number"),
        (f"{P}-cost-2-amount", "NaN", "is not a number"),
        (f"{P}-cost-2-amount", "Infinity", "is not a number"),
        (f"{P}-benefit-1-attribution", "120", "out of range"),
        (f"{P}-benefit-1-confidence", "-5", "below 0"),
        (f"{P}-benefit-1-value", "12abc", "is not a number"),
        (f"{P}-hurdle", "5000", "out of range"),
    ]
    for field, typed, says in cases:
        page.get_by_role("button", name="Fill in the fictional example again").click()
        page.fill(f"#{field}", typed)
        message = page.locator(f"#msg-{field}")
        assert says in message.inner_text(), (field, typed)
        box = page.locator(f"#{field}")
        assert box.get_attribute("aria-invalid") == "true"
        assert box.get_attribute("aria-describedby") == f"msg-{field}"
        results = page.inner_text(".lh-results")
        assert "NaN" not in results and "need" in results
        assert page.locator(".lh-roi-summary").count() == 0 and page.locator("svg.lh-tornado").count() == 0
    # Fixed again: the message goes and the results come back.
    page.fill(f"#{P}-hurdle", "20")
    assert page.locator(f"#msg-{P}-hurdle").inner_text() == ""
    assert page.locator(f"#{P}-hurdle").get_attribute("aria-invalid") is None
    assert page_summary(page) == expected_summary(rules.evaluate(rules.inputs_from_example(EXAMPLE)))

    # A started row with a missing field, and costs that add up to 0.
    start_blank(page)
    assert "Enter at least one cost" in page.inner_text(".lh-results")
    page.fill(f"#{P}-cost-1-label", "Venue")
    assert "Enter the amount" in page.inner_text(f"#msg-{P}-cost-1-amount")
    page.fill(f"#{P}-cost-1-amount", "0")
    assert "add up to 0" in page.inner_text(f"#msg-{P}-costs")
    page.fill(f"#{P}-benefit-2-value", "1000")
    assert "Say what improved" in page.inner_text(f"#msg-{P}-benefit-2-label")
    assert "Enter the % due to the programme" in page.inner_text(f"#msg-{P}-benefit-2-attribution")
    assert "NaN" not in page.inner_text(".lh-results")
    assert page.errors == []


def test_answers_persist_clear_and_rows_can_be_added_and_removed(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    page.fill(f"#{P}-cost-1-amount", "4000")
    page.locator('button[data-add="cost"]').click()
    costs = len(EXAMPLE["costs"]) + 2
    page.fill(f"#{P}-cost-{costs}-label", "Coaching follow-up")
    page.fill(f"#{P}-cost-{costs}-amount", "2,500")
    # A new row has no category until the reader chooses one, and says so.
    assert page.input_value(f"#{P}-cost-{costs}-category") == ""
    assert page.inner_text(f"#msg-{P}-cost-{costs}-category") == EXAMPLE["words"]["form"]["cost_category"]
    assert page.locator(".lh-roi-summary").count() == 0
    page.select_option(f"#{P}-cost-{costs}-category", "delivery")
    page.fill(f"#{P}-intangible-2", "Better teamwork")
    before = page_summary(page)
    page.reload()
    assert "restored" in page.inner_text(".lh-status")
    assert page.input_value(f"#{P}-cost-1-amount") == "4000"
    assert page.input_value(f"#{P}-cost-{costs}-amount") == "2,500"
    assert page.input_value(f"#{P}-intangible-2") == "Better teamwork"
    assert page_summary(page) == before
    assert float(before["total_costs"]) == sum(c["amount"] for c in EXAMPLE["costs"]) + 500 + 2500

    # Remove the first cost: the rows renumber and the total drops by its amount.
    page.get_by_role("button", name="Remove cost 1", exact=True).click()
    assert page.input_value(f"#{P}-cost-1-label") == EXAMPLE["costs"][1]["label"]
    assert float(page_summary(page)["total_costs"]) == float(before["total_costs"]) - 4000
    assert page.locator(f"#{P}-cost-{costs}-label").count() == 0

    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("[data-rows=cost] > tr").count() == len(rules.COST_CATEGORIES)
    assert all(page.input_value(f"#{P}-cost-{n}-amount") == "" for n in range(1, 9))
    assert "Enter at least one cost" in page.inner_text(".lh-results")
    # Nothing is kept after clearing: a reload starts again from the page's fictional example.
    page.reload()
    assert "restored" not in page.inner_text(".lh-status")
    assert page.input_value(f"#{P}-cost-1-amount") == "3500"
    assert "Results for the fictional example" in page.inner_text(".lh-results")
    # A blank form, once typed in, is what comes back.
    start_blank(page)
    page.fill(f"#{P}-cost-1-label", "Design")
    page.reload()
    assert page.input_value(f"#{P}-cost-1-label") == "Design" and page.input_value(f"#{P}-cost-1-amount") == ""
    assert page.input_value(f"#{P}-hurdle") == ""
    page.get_by_role("button", name="Fill in the fictional example again").click()
    assert "Results for the fictional example" in page.inner_text(".lh-results")
    assert page.errors == []


def test_answers_export_as_csv_and_json(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    page.fill(f"#{P}-benefit-2-confidence", "65")
    plan_inputs = rules.inputs_from_example(
        {
            **EXAMPLE,
            "benefits": [{**b, "confidence_pct": 65} if n == 1 else b for n, b in enumerate(EXAMPLE["benefits"])],
        }
    )
    report = rules.evaluate(plan_inputs)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["answers"]["benefits"][1]["confidence_pct"] == "65"
    assert [c["label"] for c in exported["answers"]["costs"] if c["label"]] == [c["label"] for c in EXAMPLE["costs"]]
    result = exported["results"]
    assert result["valid"] is True and result["example"] is False
    for key in SUMMARY_KEYS + ["unadjusted_benefits", "meets_hurdle"]:
        assert result["report"][key] == report[key], key
    assert [b["adjusted"] for b in result["report"]["benefits"]] == [b["adjusted"] for b in report["benefits"]]
    expected_rows = uncertainty.one_way_sensitivity(plan_inputs, **ONE_WAY)
    assert [(r["input"], r["roi_low"], r["roi_high"]) for r in result["sensitivity"]] == [
        (r["input"], r["roi_low"], r["roi_high"]) for r in expected_rows
    ]
    assert result["monte_carlo"]["seed"] == MC["seed"] and "samples" not in result["monte_carlo"]

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    # Plain column and row names (words.csv), the exercise, its version, currency and date on every row.
    words = EXAMPLE["words"]["csv"]
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.splitlines()[0].split(",")[:7] == [f'"{c}"' if "," in c else c for c in words["columns"]]
    rows = list(csv.DictReader(io.StringIO(text)))
    section, names = words["sections"], words["rows"]
    assert [r["Item"] for r in rows if r["Section"] == section["cost"]] == [c["label"] for c in EXAMPLE["costs"]]
    labels = {c["id"]: c["label"] for c in EXAMPLE["cost_categories"]}
    assert [r["Category or source"] for r in rows if r["Section"] == section["cost"]] == [
        labels[c["category"]] for c in EXAMPLE["costs"]
    ]
    counted = [r["Counted"] for r in rows if r["Section"] == section["benefit"]]
    assert counted == [two(b["adjusted"]) for b in report["benefits"]]
    assert [r["Item"] for r in rows if r["Section"] == section["intangible"]] == EXAMPLE["intangibles"]
    results = {r["Item"]: r["Amount"] for r in rows if r["Section"] == section["result"]}
    assert results[names["roi_pct"]] == two(report["roi_pct"]) and results[names["bcr"]] == two(report["bcr"])
    assert results[names["meets_hurdle"]] == ("yes" if report["meets_hurdle"] else "no")
    simulated = {r["Item"] for r in rows if r["Section"] == section["simulation"]}
    assert simulated >= {names[k] for k in ["p5", "p50", "p95", "prob_negative"]}
    assert {r["Exercise"] for r in rows} == {P} and {r["Currency"] for r in rows} == {EXAMPLE["currency"]}
    assert {r["Exercise version"] for r in rows} == {str(EXAMPLE["schema_version"])}
    assert page.errors == []


def test_the_worksheet_is_accessible_and_printable(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    block = page.locator(".lh-exercise")
    assert block.locator("h1, h2, h3, h4, h5, h6").count() == 0
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.lh-form :is(input, select, textarea)')]
        .filter(e => !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map(e => e.id)""")
    assert unnamed == []
    assert page.evaluate(
        "() => new Set([...document.querySelectorAll('.lh-exercise [id]')].map(e => e.id)).size"
    ) == page.evaluate("() => document.querySelectorAll('.lh-exercise [id]').length")
    page.emulate_media(media="print")
    assert not page.locator('button[data-add="cost"]').is_visible()
    assert not page.get_by_role("button", name="Remove cost 1", exact=True).is_visible()
    assert page.locator("svg.lh-tornado").is_visible()
    assert page.errors == []


def test_a_point_before_three_digits_is_read_as_decimals_and_said_so(page, exercise_site_url):
    page.goto(exercise_site_url + "roi.html")
    page.fill(f"#{P}-cost-1-amount", "1.800")
    said = page.inner_text(f"#msg-{P}-cost-1-amount")
    assert "“1.800” was read as 1.8" in said and "type 1800 or 1,800" in said
    assert page.get_attribute(f"#{P}-cost-1-amount", "aria-invalid") is None  # a warning: the figure is still used
    assert page.locator(".lh-roi-summary").count() == 1
    for typed in ["1800", "1,800", "1.8", "0.125", "£2.50"]:
        page.fill(f"#{P}-cost-1-amount", typed)
        assert page.inner_text(f"#msg-{P}-cost-1-amount") == "", typed
    assert page.errors == []


def test_a_short_live_summary_stays_in_view_while_the_reader_edits_on_a_phone(page, exercise_site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(exercise_site_url + "roi.html")
    report = rules.evaluate(rules.inputs_from_example(EXAMPLE))
    field = page.locator(f"#{P}-benefit-2-confidence")
    field.scroll_into_view_if_needed()
    live = page.locator(".lh-roi-live")
    box = live.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box  # on screen while the inputs are
    assert f"ROI {percent(report['roi_pct'])}" in live.inner_text().replace("\n", " ")
    field.fill("10")
    changed = rules.evaluate(
        rules.inputs_from_example(
            {
                **EXAMPLE,
                "benefits": [{**b, "confidence_pct": 10} if n == 1 else b for n, b in enumerate(EXAMPLE["benefits"])],
            }
        )
    )
    assert f"ROI {percent(changed['roi_pct'])}" in live.inner_text().replace("\n", " ")
    assert page.errors == []
