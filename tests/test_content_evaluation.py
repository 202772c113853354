"""Content of the evaluation chapter (issue 12) and of the ROI example in "Measuring what matters" (issue 14).

Each test reads the Markdown as written, so that it fails if the chapter loses a section, a figure stops
following from the numbers it is computed from, or the ROI example drifts from the calculator's default.
"""

from __future__ import annotations

import math
import re
from statistics import NormalDist

import pytest
from conftest import ROOT

from leadership_handbook.core.instruments import load, load_handbook_index
from leadership_handbook.kinds.roi import rules as roi_rules

CHAPTER = ROOT / "book" / "evaluating-your-programme.md"
MEASURING = ROOT / "book" / "measuring-what-matters.md"
LABEL = "evaluating-your-programme"
CITE = re.compile(r"\{cite:[pt]\}`([^`]+)`")
# The fictional names this chapter's case uses: no other page of the book or notebook may use them.
CASE_NAMES = ["Wexcombe", "Marek Pembury", "Siobhan Tarrant"]


def chapter_text() -> str:
    return CHAPTER.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The body under a heading (any level) up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, flags=re.M)
    assert match, f"no heading {heading!r}"
    level = len(match.group(1))
    rest = text[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``text`` (header and rule dropped), cells stripped."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip().startswith("|"):
            lines.append(line.strip())
        elif lines:
            break  # the first table ends at its first line that is not a row
    assert len(lines) >= 3, "no table found"
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def number(cell: str) -> float:
    """A figure as printed (−, £, commas, 'k' for thousands) read back as a float."""
    cleaned = cell.replace("−", "-").replace("£", "").replace(",", "").replace("*", "").strip()
    scale = 1000 if cleaned.endswith("k") else 1
    return float(cleaned.rstrip("k")) * scale


# ---------------------------------------------------------------- place in the book


def test_the_chapter_is_in_part_1_right_after_measuring_what_matters():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = re.findall(r"file:\s*(\S+)", toc)
    assert files[files.index("book/measuring-what-matters") + 1] == "book/evaluating-your-programme"
    sections = load_handbook_index()["sections"]
    labels = [s["label"] for s in sections]
    entry = sections[labels.index(LABEL)]
    assert entry["part"] == 1 and entry["doc"] == "book/evaluating-your-programme"
    assert labels[labels.index("measuring-what-matters") + 1] == LABEL
    assert chapter_text().startswith("---") and f"({LABEL})=\n# " in chapter_text()


def test_the_chapter_cites_the_design_sources_and_links_its_exercise():
    text = chapter_text()
    keys = {k.strip() for group in CITE.findall(text) for k in group.split(",")}
    assert {"morris2008estimating", "carlson1999impact", "avolio2010estimating"} <= keys
    exercise = section(text, "Exercise")
    assert "{doc}`../exercises/programme-evaluation`" in exercise
    assert "{doc}`../exercises/roi-calculator`" in exercise


def test_the_chapter_links_every_evaluation_glossary_term():
    terms = [
        "comparison group",
        "effect size",
        "confidence interval",
        "single-group pre-post design",
        "wait-list comparison",
        "staggered roll-out",
        "utility analysis",
        "statistical power",
    ]
    linked = {t.lower() for t in re.findall(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`", chapter_text())}
    assert [t for t in terms if t not in linked] == []
    glossary = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8").lower()
    assert [t for t in terms if f"\n{t}\n" not in glossary] == []


# ---------------------------------------------------------------- the isolation designs


def test_the_isolation_designs_are_ranked_strongest_first():
    rows = table_rows(section(chapter_text(), "Isolating the programme's effect"))
    expected = ["wait-list", "staggered", "matched", "trend-line", "manager or expert", "participants"]
    assert [row[0] for row in rows] == [str(rank) for rank in range(1, len(expected) + 1)]
    for row, word in zip(rows, expected):
        assert word in row[1].lower(), f"rank {row[0]} should be the {word} design: {row[1]}"
        assert row[2] and row[3], f"rank {row[0]} says when it is feasible and what it costs"


def test_the_ranking_is_labelled_as_the_handbooks_judgement():
    body = section(chapter_text(), "Isolating the programme's effect")
    assert "this handbook's judgement" in body


# ---------------------------------------------------------------- the arithmetic the chapter shows


def test_the_percentile_for_d_of_0_3_is_the_normal_curves():
    body = section(chapter_text(), "What d = 0.3 means for a team")
    percentile = round(NormalDist().cdf(0.3) * 100)
    superiority = round(NormalDist().cdf(0.3 / math.sqrt(2)) * 100)
    assert f"{percentile}nd percentile" in body
    assert f"about {superiority} times in 100" in body


def test_the_interval_widths_follow_the_large_sample_formula():
    rows = table_rows(section(chapter_text(), "Small groups give wide intervals"))
    assert [int(row[0]) for row in rows] == [10, 30, 100]
    z, d = NormalDist().inv_cdf(0.975), 0.3
    for row in rows:
        n = int(row[0])
        se = math.sqrt(2 / n + d * d / (4 * n))  # two groups of n: (n + n) / (n n) + d^2 / (2 (n + n))
        low, high = (number(x) for x in row[1].split(" to "))
        assert (low, high) == (round(d - z * se, 2), round(d + z * se, 2)), row
        assert number(row[2]) == pytest.approx(high - low, abs=0.006)
    power_n = math.ceil(2 * (z + NormalDist().inv_cdf(0.8)) ** 2 / d**2)
    assert f"about {power_n} people a group" in section(chapter_text(), "Small groups give wide intervals")


def morris_d(n_t, n_c, pre_t, post_t, pre_c, post_c, sd_t, sd_c):
    """Morris (2008) d_ppc2, written out here independently of the exercise's rules."""
    df = n_t + n_c - 2
    pooled = math.sqrt(((n_t - 1) * sd_t**2 + (n_c - 1) * sd_c**2) / df)
    return (1 - 3 / (4 * df - 1)) * ((post_t - pre_t) - (post_c - pre_c)) / pooled


def test_the_worked_arithmetic_gives_the_effect_it_states():
    box = section(chapter_text(), "Why before-and-after alone overstates the effect")
    assert "(8 − 3) ÷ 10 = 0.5" in box and "8 ÷ 10 = 0.8" in box
    d = morris_d(20, 20, 50, 58, 50, 53, 10, 10)
    assert f"about {d:.2f}" in box


def wexcombe_data():
    rows = {row[0]: row[1:] for row in table_rows(section(chapter_text(), "The data"))}
    n_t, n_c = (int(x) for x in rows["People"])
    # "62 (10)": the January mean and, in brackets, its standard deviation.
    before = rows["Coaching score, January (standard deviation)"]
    (pre_t, sd_t), (pre_c, sd_c) = ([float(x) for x in re.findall(r"[\d.]+", cell)] for cell in before)
    post_t, post_c = (float(x) for x in rows["Coaching score, June"])
    return n_t, n_c, pre_t, post_t, pre_c, post_c, sd_t, sd_c


def test_the_case_effect_and_interval_follow_from_its_data():
    n_t, n_c, pre_t, post_t, pre_c, post_c, sd_t, sd_c = wexcombe_data()
    analysis = section(chapter_text(), "The analysis")
    d = morris_d(n_t, n_c, pre_t, post_t, pre_c, post_c, sd_t, sd_c)
    assert f"about {d:.2f}" in analysis
    single = (1 - 3 / (4 * (n_t - 1) - 1)) * (post_t - pre_t) / sd_t
    assert f"about {single:.2f}" in analysis
    r = float(re.search(r"correlation of ([\d.]+)", section(chapter_text(), "The data")).group(1))
    # Morris's equation 25 with d in place of the true effect (the approximation the exercise uses).
    total, k, cp = n_t + n_c, (n_t + n_c) / (n_t * n_c), 1 - 3 / (4 * (n_t + n_c - 2) - 1)
    variance = 2 * cp**2 * (1 - r) * k * ((total - 2) / (total - 4)) * (1 + d * d / (2 * (1 - r) * k)) - d * d
    low, high = d - 1.96 * math.sqrt(variance), d + 1.96 * math.sqrt(variance)
    assert f"interval from {low:.2f} to {high:.2f}" in analysis
    assert low > 0, "the case says the interval excludes zero"


def test_the_case_agrees_with_the_exercise_rules():
    from leadership_handbook.kinds.programme_evaluation import rules as pe

    instrument = load("programme_evaluation")
    n_t, n_c, pre_t, post_t, pre_c, post_c, sd_t, sd_c = wexcombe_data()
    r = float(re.search(r"correlation of ([\d.]+)", section(chapter_text(), "The data")).group(1))
    trained = {"n": n_t, "pre_mean": pre_t, "pre_sd": sd_t, "post_mean": post_t, "post_sd": sd_t}
    comparison = {"n": n_c, "pre_mean": pre_c, "pre_sd": sd_c, "post_mean": post_c, "post_sd": sd_c}
    effect = pe.effect_with_comparison(instrument, trained, comparison, r)
    analysis = section(chapter_text(), "The analysis")
    assert f"about {effect['d']:.2f}" in analysis
    assert f"interval from {effect['low']:.2f} to {effect['high']:.2f}" in analysis


def test_the_case_utility_table_is_the_formula():
    analysis = section(chapter_text(), "The analysis")
    people, cost = 36, 4000
    assert f"£{people * cost:,}" in analysis and f"£{cost:,} each" in analysis
    rows = table_rows(analysis)
    years = {"6 months": 0.5, "1 year": 1, "2 years": 2}
    sdys = [15000, 25000, 35000]
    assert [row[0] for row in rows] == list(years)
    for row in rows:
        for cell, sdy in zip(row[1:], sdys):
            net = people * years[row[0]] * 0.40 * sdy - people * cost
            assert number(cell) * 1000 == pytest.approx(net), (row[0], sdy)
    middle = people * 1 * 0.40 * 25000 - people * cost
    assert f"£{middle:,.0f}, an ROI of {middle / (people * cost) * 100:.0f}%" in analysis
    low = -(people * 1 * 0.03 * 25000 - people * cost)
    assert f"loss of £{low:,.0f}" in analysis


# ---------------------------------------------------------------- the report to the board


def test_the_board_template_has_every_row_the_issue_asks_for():
    rows = table_rows(section(chapter_text(), "A one-page report to the board"))
    text = " ".join(" ".join(row) for row in rows).lower()
    for needed in [
        "each level",
        "baseline",
        "isolation method",
        "95% interval",
        "roi range",
        "intangibles",
        "decision asked for",
    ]:
        assert needed in text, needed
    case = table_rows(section(chapter_text(), "The board report"))
    assert len(case) == len(rows), "the case fills in every row of the template"
    assert all(row[1] for row in case)


# ---------------------------------------------------------------- fictional names


def test_the_case_is_fictional_and_its_names_are_used_nowhere_else():
    case = section(chapter_text(), "Worked case: the Wexcombe Foundation")
    assert "fictional" in case.lower()
    others = [p for p in [*(ROOT / "book").glob("*.md"), *(ROOT / "exercises").glob("*.ipynb")] if p != CHAPTER]
    assert len(others) >= 10
    clashes = [(p.name, name) for p in others for name in CASE_NAMES if name in p.read_text(encoding="utf-8")]
    assert clashes == []
    assert all(name in chapter_text() for name in CASE_NAMES)


# ---------------------------------------------------------------- the ROI example in "Measuring what matters"


def roi_example_box() -> str:
    text = MEASURING.read_text(encoding="utf-8")
    body = section(text, "Worked example: an ROI calculation")
    match = re.search(r"```\{admonition\} Worked example.*?\n```\n", body, flags=re.S)
    assert match, "the worked example box is missing"
    return match.group(0)


def pounds(value: float) -> str:
    return f"£{value:,.0f}" if value == int(value) else f"£{value:,.2f}"


def test_the_chapters_roi_example_is_the_calculators_default():
    example = load("roi_example")
    report = roi_rules.evaluate(roi_rules.inputs_from_example(example))
    box = roi_example_box()
    organisation = example["title"].split(" supervisor")[0]
    assert organisation in box and "fictional" in box.lower()
    costs = table_rows(box)
    assert [number(row[1]) for row in costs[:-1]] == [item["amount"] for item in example["costs"]]
    assert number(costs[-1][1]) == report["total_costs"]
    benefit_table = box.split("| Improvement in the first year", 1)[1]
    benefits = table_rows("| Improvement in the first year" + benefit_table)
    for row, item in zip(benefits, report["benefits"], strict=False):
        assert number(row[1]) == item["annual_value"]
        assert number(row[2].rstrip("%")) == item["attribution_pct"]
        assert number(row[3].rstrip("%")) == item["confidence_pct"]
        assert number(row[4]) == item["adjusted"]
    assert len(benefits) == len(report["benefits"]) + 1
    assert number(benefits[-1][1]) == report["unadjusted_benefits"]
    assert number(benefits[-1][4]) == report["adjusted_benefits"]
    costs_shown, net_shown = pounds(report["total_costs"]), pounds(report["net_benefits"])
    assert f"BCR = {pounds(report['adjusted_benefits'])} ÷ {costs_shown} = {report['bcr']:.2f}" in box
    assert f"ROI = {net_shown} ÷ {costs_shown} × 100 = {report['roi_pct']:.1f}%" in box
    assert f"about {report['payback_months']:.1f} months" in box


def test_the_roi_example_states_the_hurdle_and_unadjusted_figures_of_the_calculator():
    example = load("roi_example")
    report = roi_rules.evaluate(roi_rules.inputs_from_example(example))
    body = section(MEASURING.read_text(encoding="utf-8"), "Worked example: an ROI calculation")
    unadjusted = (report["unadjusted_benefits"] - report["total_costs"]) / report["total_costs"] * 100
    assert f"about {unadjusted:.0f}%" in body
    assert f"hurdle rate is {example['hurdle_rate_pct']}%" in body
    assert report["meets_hurdle"] is True and "clears it" in body


def test_measuring_labels_estimates_as_the_fallback_and_links_the_designs():
    text = MEASURING.read_text(encoding="utf-8")
    body = section(text, "Worked example: an ROI calculation")
    assert "fallback" in body and f"{{ref}}`{LABEL}`" in body
    assert "Kestrel" not in text, "one ROI example everywhere: the calculator's"


def test_the_payback_period_is_not_given_to_the_phillips_formulas():
    body = section(MEASURING.read_text(encoding="utf-8"), "The Phillips ROI Methodology: turning results into money")
    formulas = body.split("```{admonition} The two formulas", 1)[1].split("```", 1)[0]
    assert "payback" not in formulas.lower()
    assert "not one of the methodology's two formulas" in body
