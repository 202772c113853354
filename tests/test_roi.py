"""ROI arithmetic: formulas checked against exact fractions computed here from the inputs, and invariants."""

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.roi import rules, uncertainty

SETTINGS = settings(max_examples=300, deadline=None, database=None)
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)
percents = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = load("roi_example")
INPUTS = rules.inputs_from_example(EXAMPLE)


def exact_roi(b, c):
    return (Fraction(b) - Fraction(c)) / Fraction(c) * 100


@SETTINGS
@given(amounts, positive)
def test_roi_equals_net_benefits_over_costs(b, c):
    assert math.isclose(rules.roi_percent(b, c), float(exact_roi(b, c)), rel_tol=1e-12, abs_tol=1e-9)


@SETTINGS
@given(amounts, positive)
def test_bcr_and_roi_agree(b, c):
    bcr = rules.benefit_cost_ratio(b, c)
    assert math.isclose(bcr, float(Fraction(b) / Fraction(c)), rel_tol=1e-12)
    assert math.isclose(rules.roi_percent(b, c), (bcr - 1) * 100, rel_tol=1e-9, abs_tol=1e-7)
    assert (rules.roi_percent(b, c) > 0) == (b > c) or math.isclose(b, c, rel_tol=1e-15)


@SETTINGS
@given(amounts, percents, percents)
def test_adjustment_never_raises_a_benefit(value, attribution, confidence):
    adjusted = rules.benefit_after_adjustment(value, attribution, confidence)
    assert 0 <= adjusted <= value
    expected = Fraction(value) * Fraction(attribution) / 100 * Fraction(confidence) / 100
    assert math.isclose(adjusted, float(expected), rel_tol=1e-12, abs_tol=1e-12)


@SETTINGS
@given(amounts, percents, percents, percents)
def test_adjustment_is_monotone_in_each_percentage(value, a1, a2, confidence):
    low, high = sorted((a1, a2))
    adjust = rules.benefit_after_adjustment
    assert adjust(value, low, confidence) <= adjust(value, high, confidence)
    assert adjust(value, confidence, low) <= adjust(value, confidence, high)


@SETTINGS
@given(amounts)
def test_full_attribution_and_confidence_keep_the_value(value):
    assert rules.benefit_after_adjustment(value, 100, 100) == value
    assert rules.benefit_after_adjustment(value, 0, 100) == 0 == rules.benefit_after_adjustment(value, 100, 0)


@SETTINGS
@given(st.lists(st.tuples(amounts, percents, percents), min_size=1, max_size=8))
def test_adjusted_total_never_exceeds_unadjusted_total(parts):
    benefits = [rules.BenefitItem(f"b{n}", v, a, c) for n, (v, a, c) in enumerate(parts)]
    assert rules.total_benefits(benefits) <= sum(b.annual_value for b in benefits)


@SETTINGS
@given(positive, positive)
def test_payback_recovers_the_costs(c, b):
    months = rules.payback_months(c, b)
    assert math.isclose(months * b / 12, c, rel_tol=1e-9)


def test_payback_is_none_without_benefits():
    assert rules.payback_months(1000, 0) is None
    assert rules.evaluate(rules.RoiInputs([rules.CostItem("x", 10)], []))["payback_months"] is None


def test_worked_example_against_an_independent_calculation():
    costs = sum(Fraction(c["amount"]) for c in EXAMPLE["costs"])
    unadjusted = sum(Fraction(b["annual_value"]) for b in EXAMPLE["benefits"])
    benefits = sum(
        Fraction(b["annual_value"]) * Fraction(b["attribution_pct"], 100) * Fraction(b["confidence_pct"], 100)
        for b in EXAMPLE["benefits"]
    )
    report = rules.evaluate(INPUTS)
    assert report["total_costs"] == pytest.approx(float(costs), abs=0.005)
    assert report["unadjusted_benefits"] == pytest.approx(float(unadjusted), abs=0.005)
    assert report["adjusted_benefits"] == pytest.approx(float(benefits), abs=0.005)
    assert report["net_benefits"] == pytest.approx(float(benefits - costs), abs=0.005)
    assert report["bcr"] == pytest.approx(float(benefits / costs), abs=0.005)
    assert report["roi_pct"] == pytest.approx(float((benefits - costs) / costs * 100), abs=0.005)
    assert report["payback_months"] == pytest.approx(float(costs / benefits * 12), abs=0.005)
    assert report["meets_hurdle"] == (report["roi_pct"] >= EXAMPLE["hurdle_rate_pct"])
    assert sum(c["share_pct"] for c in report["costs"]) == pytest.approx(100, abs=0.05)
    assert report["intangibles"] == EXAMPLE["intangibles"]  # listed, not converted to money


def test_reported_figures_have_at_most_two_decimals():
    report = rules.evaluate(INPUTS)
    for key in ("total_costs", "adjusted_benefits", "net_benefits", "bcr", "roi_pct", "payback_months"):
        assert round(report[key] * 100) == pytest.approx(report[key] * 100, abs=1e-6)


# ------------------------------------------------------------------------------------------- sensitivity


def test_one_way_rows_bracket_the_base_and_are_ordered():
    rows = uncertainty.one_way_sensitivity(INPUTS, 20, 15)
    base = rules.roi_percent(rules.total_benefits(INPUTS.benefits), rules.total_costs(INPUTS.costs))
    assert len(rows) == 3 * len(INPUTS.benefits) + 1
    swings = [r["swing"] for r in rows]
    assert swings == sorted(swings, reverse=True)
    for r in rows:
        assert min(r["roi_low"], r["roi_high"]) - 0.01 <= base <= max(r["roi_low"], r["roi_high"]) + 0.01
        assert r["low_setting"] <= r["base_setting"] <= r["high_setting"]
    cost_row = next(r for r in rows if r["input"] == "costs")
    assert cost_row["roi_low"] > base > cost_row["roi_high"]  # cheaper programme, higher ROI


def test_one_way_cost_row_matches_the_formula():
    rows = uncertainty.one_way_sensitivity(INPUTS, 10, 5)
    b, c = rules.total_benefits(INPUTS.benefits), rules.total_costs(INPUTS.costs)
    cost_row = next(r for r in rows if r["input"] == "costs")
    assert cost_row["roi_low"] == pytest.approx(float(exact_roi(b, Fraction(c) * Fraction(9, 10))), abs=0.005)
    assert cost_row["roi_high"] == pytest.approx(float(exact_roi(b, Fraction(c) * Fraction(11, 10))), abs=0.005)


def test_one_way_caps_percentages_at_100():
    inputs = rules.RoiInputs([rules.CostItem("c", 100)], [rules.BenefitItem("b", 1000, 95, 90)])
    rows = uncertainty.one_way_sensitivity(inputs, 20, 15)
    for r in rows:
        if r["unit"] == "points":
            assert 0 <= r["low_setting"] <= r["high_setting"] <= 100


def test_monte_carlo_is_reproducible_with_a_seed():
    a = uncertainty.monte_carlo(INPUTS, runs=1000, seed=7)
    b = uncertainty.monte_carlo(INPUTS, runs=1000, seed=7)
    c = uncertainty.monte_carlo(INPUTS, runs=1000, seed=8)
    assert a == b
    assert a["samples"] != c["samples"]


def test_monte_carlo_summary_is_consistent():
    mc = uncertainty.monte_carlo(INPUTS, runs=2000, seed=1)
    samples = np.asarray(mc["samples"])
    assert len(samples) == 2000 and np.all(np.isfinite(samples))
    assert mc["p5"] <= mc["p50"] <= mc["p95"]
    assert 0 <= mc["prob_negative"] <= mc["prob_below_hurdle"] <= 100  # hurdle 20% is above 0
    assert mc["prob_negative"] == pytest.approx((samples < 0).mean() * 100, abs=0.005)
    # every run stays inside the bounds the spreads allow
    low_b = sum(
        b.annual_value * 0.75 * max(0, b.attribution_pct - 15) / 100 * max(0, b.confidence_pct - 15) / 100
        for b in INPUTS.benefits
    )
    high_c = rules.total_costs(INPUTS.costs) * 1.25
    assert samples.min() >= (low_b - high_c) / high_c * 100 - 1e-9


@SETTINGS
@given(
    st.lists(st.tuples(amounts, percents, percents), min_size=0, max_size=4),
    st.lists(positive, min_size=1, max_size=4),
    st.integers(0, 2**32),
)
def test_monte_carlo_never_returns_nan(benefits, costs, seed):
    assume(sum(costs) > 0)
    inputs = rules.RoiInputs(
        [rules.CostItem(f"c{n}", c) for n, c in enumerate(costs)],
        [rules.BenefitItem(f"b{n}", v, a, k) for n, (v, a, k) in enumerate(benefits)],
    )
    mc = uncertainty.monte_carlo(inputs, runs=100, seed=seed)
    assert all(math.isfinite(mc[k]) for k in ("mean", "p5", "p50", "p95", "prob_negative"))


def test_the_pages_own_simulation_is_seeded_and_close_to_numpys():
    settings = EXAMPLE["sensitivity"]["monte_carlo"]
    page = uncertainty.monte_carlo_mulberry32(INPUTS, **settings)
    assert page == uncertainty.monte_carlo_mulberry32(INPUTS, **settings)
    assert page["generator"] == rules.WORDS["simulation_generator"]
    numpy = uncertainty.monte_carlo(INPUTS, **settings)
    assert abs(page["p50"] - numpy["p50"]) < 2 and abs(page["mean"] - numpy["mean"]) < 2
    assert abs(page["p5"] - numpy["p5"]) < 2.5 and abs(page["p95"] - numpy["p95"]) < 2.5
    assert abs(page["prob_below_hurdle"] - numpy["prob_below_hurdle"]) < 3.5


# ------------------------------------------------------------------------------------------- one source


def test_limits_categories_and_words_come_from_the_instrument():
    assert rules.COST_CATEGORIES == tuple(c["id"] for c in EXAMPLE["cost_categories"])
    assert rules.COST_CATEGORY_LABELS == {c["id"]: c["label"] for c in EXAMPLE["cost_categories"]}
    assert rules.CostItem("x", 1).category == EXAMPLE["default_cost_category"]
    limits = EXAMPLE["limits"]
    top, longest, hurdle = limits["max_amount"], limits["max_text_length"], limits["hurdle_rate_pct"]
    assert rules.CostItem("x", top).amount == top
    rules.CostItem("😀" * longest, 1)  # characters as a reader counts them: an emoji is one
    cost = [rules.CostItem("x", 1)]
    assert rules.RoiInputs(cost, [], hurdle_rate_pct=hurdle["minimum"]).hurdle_rate_pct == hurdle["minimum"]
    for bad, field in [
        (lambda: rules.CostItem("x", top * 1.5), "amount"),
        (lambda: rules.CostItem("x" * (longest + 1), 1), "label"),
        (lambda: rules.RoiInputs(cost, [], ["y" * (longest + 1)]), "intangibles"),
        (lambda: rules.RoiInputs(cost, [], hurdle_rate_pct=hurdle["maximum"] + 1), "hurdle_rate_pct"),
        (lambda: rules.BenefitItem("x", 1, limits["percent"]["maximum"] + 1, 50), "attribution_pct"),
    ]:
        with pytest.raises(InputError) as error:
            bad()
        assert error.value.field == field
    rows = uncertainty.one_way_sensitivity(INPUTS)
    assert next(r for r in rows if r["input"] == "costs")["label"] == rules.WORDS["inputs_moved"]["costs"]


def test_both_items_check_their_label_first_and_name_it_in_later_messages():
    for make, field in [
        (lambda: rules.CostItem("  Venue ", -5), "amount"),
        (lambda: rules.CostItem("  Venue ", 5, "catering"), "category"),
        (lambda: rules.BenefitItem("  Venue ", 5, 50, 150), "confidence_pct"),
        (lambda: rules.BenefitItem("  Venue ", 5, 50, 50, basis=3), "basis"),
    ]:
        with pytest.raises(InputError) as error:
            make()
        assert (error.value.item_id, error.value.field) == ("Venue", field)
    with pytest.raises(InputError) as error:
        rules.BenefitItem(" ", 5, 50, 50)
    assert (error.value.item_id, error.value.field) == (None, "label")


def test_the_sentences_and_the_summary_come_from_the_instruments_words():
    report = rules.evaluate(INPUTS)
    rows = uncertainty.one_way_sensitivity(INPUTS)
    said = rules.interpret(report, rows, uncertainty.monte_carlo(INPUTS, runs=500))
    assert [s["id"] for s in said] == [
        "gain",
        "hurdle_met",
        "adjustments",
        "top_input",
        "simulation_hurdle",
        "intangibles",
    ]
    assert said[0]["text"].startswith("Every £1 spent returned about £1.23 in counted benefits")
    assert f"“{rows[0]['label']}”" in said[3]["text"]
    assert "*" + rows[0]["label"] + "*" in rules.interpret(report, rows, quote=("*", "*"))[3]["text"]
    summary = {r["key"]: r for r in rules.summary_rows(report)}
    assert [r["label"] for r in summary.values()] == list(rules.WORDS["summary"].values())
    assert summary["total_costs"]["text"] == "£65,000" and summary["meets_hurdle"]["value"] == "true"
    assert rules.fill("{a} then {b}", {"a": "{b}", "b": "x"}) == "{b} then x"  # one pass: braces in a label stay


def test_the_notebook_reads_its_worked_example_from_the_instrument():
    notebook = json.loads((ROOT / "exercises" / "roi-calculator.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    prose = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert 'instrument = load("roi_example")' in code and "inputs_from_example(instrument)" in code
    assert not [item["label"] for item in EXAMPLE["costs"] + EXAMPLE["benefits"] if item["label"] in code]
    assert not [text for text in EXAMPLE["intangibles"] if text in code]
    # What the notebook still says in words matches the instrument.
    assert ", ".join(rules.COST_CATEGORIES) in code
    one_way = EXAMPLE["sensitivity"]["one_way"]
    assert f"moves {one_way['amount_swing_pct']:g}% down and up" in prose
    assert f"moves {one_way['percentage_points_swing']:g} percentage points" in prose
