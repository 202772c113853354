""" "Did our programme work?" in the page: typed summaries give rules.evaluate's figures, a CSV file loaded with the
file input gives the same as its summaries, each bad input is explained beside its field and nothing typed is lost,
and answers survive a reload. The shared cases (kinds/programme_evaluation/cases.json) hold the rules equal."""

import json
import random
import time

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.programme_evaluation import cases, rules

INS = load("programme_evaluation")
P = INS["id"]
PAGE = "programme_evaluation.html"
GROUP_FIELDS = rules.GROUP_FIELDS


def two(x):
    return f"{x:.2f}"


def effect_on_page(page):
    return page.get_attribute(".lh-pe-effect tr[data-key=effect]", "data-value")


def expected_effect(report):
    e = report["effect"]
    return f"{two(e['d'])} {two(e['low'])} {two(e['high'])}"


def sentences(page):
    return page.eval_on_selector_all(".lh-pe-sentences li", "items => items.map(i => i.textContent)")


def wait_until(page, ready, seconds=10):
    """Poll (the page's CSP forbids the eval that page.wait_for_function needs)."""
    end = time.perf_counter() + seconds
    while not ready():
        assert time.perf_counter() < end, f"the page did not get there in time: {page.errors}"
        page.wait_for_timeout(50)


def start_blank(page):
    page.get_by_role("button", name="Start with a blank form").click()


def type_groups(page, trained, comparison=None):
    for name, group in (("trained", trained), ("comparison", comparison)):
        for field in GROUP_FIELDS:
            page.fill(f"#{P}-{name}-{field}", "" if group is None else str(group[field]))


def assert_clean(page):
    text = page.inner_text(".lh-results")
    assert "NaN" not in text and "undefined" not in text and "Infinity" not in text
    assert page.errors == []


def test_the_example_is_prefilled_marked_fictional_and_scored_as_in_python(page, exercise_site_url):
    page.goto(exercise_site_url + PAGE)
    assert "fictional example" in page.inner_text(f"#{P}-example-note").lower()
    assert "Results for the fictional example" in page.inner_text(".lh-results")
    report = rules.evaluate(INS, cases.example_plan(INS))
    assert effect_on_page(page) == expected_effect(report)
    assert sentences(page) == [s["text"] for s in report["sentences"]]
    chart = page.locator("svg.lh-pe-chart")
    assert chart.get_attribute("role") == "img" and "zero" in chart.get_attribute("aria-label")
    assert page.locator("svg.lh-pe-chart .lh-pe-zero").count() == 1
    plan = page.eval_on_selector_all(".lh-pe-plan tr[data-plan]", "rows => rows.map(r => r.dataset.value)")
    assert plan == [f"{r['post_only']} {r['pre_post']} {r['staggered']}" for r in report["planning"]]
    # The chart's text is at least 12px at a phone's width.
    page.set_viewport_size({"width": 390, "height": 800})
    sizes = page.eval_on_selector_all(
        "svg.lh-pe-chart text",
        """ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getBoundingClientRect().width
            / t.ownerSVGElement.viewBox.baseVal.width)""",
    )
    assert sizes and min(sizes) >= 12, sizes
    assert_clean(page)


def test_typed_summaries_give_the_python_figures(page, exercise_site_url):
    page.goto(exercise_site_url + PAGE)
    rng = random.Random(20261202)
    for n in range(5):
        trained, comparison = cases.random_group(rng), cases.random_group(rng)
        r = round(rng.uniform(-0.8, 0.9), 2)
        start_blank(page)
        single = n == 4
        if single:
            page.check(f"input[name={P}-design][value=single]")
        type_groups(page, trained, None if single else comparison)
        page.fill(f"#{P}-r", str(r))
        design = "single" if single else "comparison"
        plan = {"design": design, "trained": trained, "comparison": comparison, "r": r, "planning": None, "value": None}
        report = rules.evaluate(INS, plan)
        assert effect_on_page(page) == expected_effect(report), (n, plan)
        assert sentences(page) == [s["text"] for s in report["sentences"]]
        assert "Your results" in page.inner_text(".lh-results")
    assert_clean(page)


def test_a_csv_file_gives_the_same_as_its_summaries(page, exercise_site_url, tmp_path):
    page.goto(exercise_site_url + PAGE)
    text = cases.random_scores(random.Random(5), 40, blank=True)
    path = tmp_path / "scores.csv"
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    page.set_input_files(f"#{P}-file", str(path))
    wait_until(page, lambda: len(page.input_value(f"#{P}-scores")) > 100)
    assert page.is_checked(f"input[name={P}-source][value=scores]")
    summary = rules.summarise_scores(INS, text, "comparison")
    plan = {
        **cases.example_plan(INS),
        "trained": summary["trained"],
        "comparison": summary["comparison"],
        "r": summary["r"],
        "r_source": "computed",
    }
    report = rules.evaluate(INS, plan)
    assert effect_on_page(page) == expected_effect(report)
    assert "computed from the scores" in page.inner_text(".lh-results")
    # Typing the same summaries (and r) gives the same effect.
    typed = {
        g: {f: summary[g][f] if f == "n" else round(summary[g][f], 10) for f in GROUP_FIELDS}
        for g in ("trained", "comparison")
    }
    type_groups(page, typed["trained"], typed["comparison"])
    page.fill(f"#{P}-r", str(round(summary["r"], 10)))
    assert page.is_checked(f"input[name={P}-source][value=summaries]")
    assert effect_on_page(page) == expected_effect(report)
    # Five thousand rows stay quick (on a blank form: the example's workforce is smaller than that).
    start_blank(page)
    big = cases.random_scores(random.Random(6), 5000)
    path.write_text(big, encoding="utf-8")
    start = time.perf_counter()
    page.set_input_files(f"#{P}-file", str(path))
    wait_until(page, lambda: len(page.input_value(f"#{P}-scores")) > 50000 and page.locator(".lh-pe-effect").count())
    assert time.perf_counter() - start < 5
    assert "5000" not in page.inner_text(f"#msg-{P}-scores")
    assert_clean(page)


def test_each_bad_input_is_explained_beside_its_field_and_kept(page, exercise_site_url):
    page.goto(exercise_site_url + PAGE)
    bad = [
        (f"{P}-trained-n", "1", "out of range"),
        (f"{P}-comparison-n", "12.5", "not a whole number"),
        (f"{P}-trained-pre_sd", "0", "out of range"),
        (f"{P}-comparison-post_sd", "-2", "out of range"),
        (f"{P}-trained-post_mean", "", "Enter this"),
        (f"{P}-trained-pre_mean", "about sixty", "is not a number"),
        (f"{P}-r", "1.5", "out of range"),
        (f"{P}-r", "-1", "out of range"),
        (f"{P}-workforce", "30", "larger than the workforce"),
        (f"{P}-people", "60", "More people trained"),
        (f"{P}-years_low", "5", "low value is above"),
        (f"{P}-hoped_d", "0", "out of range"),
        (f"{P}-cohorts", "1", "out of range"),
    ]
    for field, typed, says in bad:
        page.get_by_role("button", name="Fill in the fictional example again").click()
        page.fill(f"#{field}", typed)
        assert says in page.inner_text(f"#msg-{field}"), (field, typed)
        assert page.get_attribute(f"#{field}", "aria-invalid") == "true"
        assert page.input_value(f"#{field}") == typed  # nothing the reader typed is lost
        assert "need" in page.inner_text(".lh-results") and page.locator(".lh-pe-effect").count() == 0
    page.get_by_role("button", name="Fill in the fictional example again").click()
    assert page.locator(".lh-pe-effect").count() == 1
    # Raw scores: wrong columns, a bad line, an unknown group, too few people; blank lines are fine.
    scores = [
        ("name,before,after\nA,1,2", "must name the columns group, pre and post"),
        ("group,pre,post\ntrained,1,2\ntrained,3", "Line 3 has 2 values"),
        ("group,pre,post\ntrained,1,2\ncontrol,3,4", "Use trained or comparison"),
        ("group,pre,post\ntrained,1,x", "is not a number"),
        ("group,pre,post\n\ntrained,1,2\n\ntrained,2,4\ntrained,3,3\ncomparison,1,1\n", "needs at least 3"),
    ]
    for text, says in scores:
        page.fill(f"#{P}-scores", text)
        assert says in page.inner_text(f"#msg-{P}-scores"), text
        assert page.input_value(f"#{P}-scores") == text
    page.fill(f"#{P}-scores", "group,pre,post\n\ntrained,1,2\n  \ntrained,2,4\ntrained,3,3\n")
    page.check(f"input[name={P}-design][value=single]")
    assert page.inner_text(f"#msg-{P}-scores") == "" and page.locator(".lh-pe-effect").count() == 1
    assert any("overstates" in s for s in sentences(page))
    assert_clean(page)


def test_answers_survive_a_reload_and_export(page, exercise_site_url):
    page.goto(exercise_site_url + PAGE)
    page.fill(f"#{P}-trained-post_mean", "70.5")
    page.fill(f"#{P}-sdy_high", "15000")
    before = effect_on_page(page)
    page.reload()
    assert page.input_value(f"#{P}-trained-post_mean") == "70.5"
    assert page.input_value(f"#{P}-sdy_high") == "15000"
    assert effect_on_page(page) == before
    page.fill(
        f"#{P}-scores",
        "group,pre,post\ntrained,1,2\ntrained,2,4\ntrained,3,3\ncomparison,1,1\ncomparison,2,2.5\ncomparison,4,3",
    )
    page.reload()
    assert page.is_checked(f"input[name={P}-source][value=scores]")
    assert page.input_value(f"#{P}-scores").startswith("group,pre,post\ntrained,1,2")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (JSON)").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["answers"]["source"] == "scores" and exported["results"]["valid"] is True
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers (CSV)").click()
    rows = open(download.value.path(), encoding="utf-8").read().splitlines()
    assert rows[0].startswith("section,item,value") and any(r.startswith("effect,d,") for r in rows)
    assert_clean(page)
