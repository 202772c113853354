"""ROI arithmetic: formulas checked against exact fractions computed here from the inputs, and invariants."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from leadership_handbook import roi
from leadership_handbook.instruments import load_roi_example

SETTINGS = settings(max_examples=300, deadline=None, database=None)
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0.01, max_value=1e9, allow_nan=False, allow_infinity=False)
percents = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)

EXAMPLE = load_roi_example()
INPUTS = roi.inputs_from_example(EXAMPLE)


def exact_roi(b, c):
    return (Fraction(b) - Fraction(c)) / Fraction(c) * 100


@SETTINGS
@given(amounts, positive)
def test_roi_equals_net_benefits_over_costs(b, c):
    assert math.isclose(roi.roi_percent(b, c), float(exact_roi(b, c)), rel_tol=1e-12, abs_tol=1e-9)


@SETTINGS
@given(amounts, positive)
def test_bcr_and_roi_agree(b, c):
    bcr = roi.benefit_cost_ratio(b, c)
    assert math.isclose(bcr, float(Fraction(b) / Fraction(c)), rel_tol=1e-12)
    assert math.isclose(roi.roi_percent(b, c), (bcr - 1) * 100, rel_tol=1e-9, abs_tol=1e-7)
    assert (roi.roi_percent(b, c) > 0) == (b > c) or math.isclose(b, c, rel_tol=1e-15)


@SETTINGS
@given(amounts, percents, percents)
def test_adjustment_never_raises_a_benefit(value, attribution, confidence):
    adjusted = roi.benefit_after_adjustment(value, attribution, confidence)
    assert 0 <= adjusted <= value
    expected = Fraction(value) * Fraction(attribution) / 100 * Fraction(confidence) / 100
    assert math.isclose(adjusted, float(expected), rel_tol=1e-12, abs_tol=1e-12)


@SETTINGS
@given(amounts, percents, percents, percents)
def test_adjustment_is_monotone_in_each_percentage(value, a1, a2, confidence):
    low, high = sorted((a1, a2))
    assert roi.benefit_after_adjustment(value, low, confidence) <= roi.benefit_after_adjustment(value, high, confidence)
    assert roi.benefit_after_adjustment(value, confidence, low) <= roi.benefit_after_adjustment(value, confidence, high)


@SETTINGS
@given(amounts)
def test_full_attribution_and_confidence_keep_the_value(value):
    assert roi.benefit_after_adjustment(value, 100, 100) == value
    assert roi.benefit_after_adjustment(value, 0, 100) == 0 == roi.benefit_after_adjustment(value, 100, 0)


@SETTINGS
@given(st.lists(st.tuples(amounts, percents, percents), min_size=1, max_size=8))
def test_adjusted_total_never_exceeds_unadjusted_total(parts):
    benefits = [roi.BenefitItem(f"b{n}", v, a, c) for n, (v, a, c) in enumerate(parts)]
    assert roi.total_benefits(benefits) <= sum(b.annual_value for b in benefits)


@SETTINGS
@given(positive, positive)
def test_payback_recovers_the_costs(c, b):
    months = roi.payback_months(c, b)
    assert math.isclose(months * b / 12, c, rel_tol=1e-9)


def test_payback_is_none_without_benefits():
    assert roi.payback_months(1000, 0) is None
    assert roi.evaluate(roi.RoiInputs([roi.CostItem("x", 10)], []))["payback_months"] is None


def test_worked_example_against_an_independent_calculation():
    costs = sum(Fraction(c["amount"]) for c in EXAMPLE["costs"])
    unadjusted = sum(Fraction(b["annual_value"]) for b in EXAMPLE["benefits"])
    benefits = sum(Fraction(b["annual_value"]) * Fraction(b["attribution_pct"], 100) * Fraction(b["confidence_pct"], 100)
                   for b in EXAMPLE["benefits"])
    report = roi.evaluate(INPUTS)
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
    report = roi.evaluate(INPUTS)
    for key in ("total_costs", "adjusted_benefits", "net_benefits", "bcr", "roi_pct", "payback_months"):
        assert round(report[key] * 100) == pytest.approx(report[key] * 100, abs=1e-6)


# ------------------------------------------------------------------------------------------- sensitivity


def test_one_way_rows_bracket_the_base_and_are_ordered():
    rows = roi.one_way_sensitivity(INPUTS, 20, 15)
    base = roi.roi_percent(roi.total_benefits(INPUTS.benefits), roi.total_costs(INPUTS.costs))
    assert len(rows) == 3 * len(INPUTS.benefits) + 1
    swings = [r["swing"] for r in rows]
    assert swings == sorted(swings, reverse=True)
    for r in rows:
        assert min(r["roi_low"], r["roi_high"]) - 0.01 <= base <= max(r["roi_low"], r["roi_high"]) + 0.01
        assert r["low_setting"] <= r["base_setting"] <= r["high_setting"]
    cost_row = next(r for r in rows if r["input"] == "costs")
    assert cost_row["roi_low"] > base > cost_row["roi_high"]  # cheaper programme, higher ROI


def test_one_way_cost_row_matches_the_formula():
    rows = roi.one_way_sensitivity(INPUTS, 10, 5)
    b, c = roi.total_benefits(INPUTS.benefits), roi.total_costs(INPUTS.costs)
    cost_row = next(r for r in rows if r["input"] == "costs")
    assert cost_row["roi_low"] == pytest.approx(float(exact_roi(b, Fraction(c) * Fraction(9, 10))), abs=0.005)
    assert cost_row["roi_high"] == pytest.approx(float(exact_roi(b, Fraction(c) * Fraction(11, 10))), abs=0.005)


def test_one_way_caps_percentages_at_100():
    inputs = roi.RoiInputs([roi.CostItem("c", 100)], [roi.BenefitItem("b", 1000, 95, 90)])
    rows = roi.one_way_sensitivity(inputs, 20, 15)
    for r in rows:
        if r["unit"] == "points":
            assert 0 <= r["low_setting"] <= r["high_setting"] <= 100


def test_monte_carlo_is_reproducible_with_a_seed():
    a = roi.monte_carlo(INPUTS, runs=1000, seed=7)
    b = roi.monte_carlo(INPUTS, runs=1000, seed=7)
    c = roi.monte_carlo(INPUTS, runs=1000, seed=8)
    assert a == b
    assert a["samples"] != c["samples"]


def test_monte_carlo_summary_is_consistent():
    mc = roi.monte_carlo(INPUTS, runs=2000, seed=1)
    samples = np.asarray(mc["samples"])
    assert len(samples) == 2000 and np.all(np.isfinite(samples))
    assert mc["p5"] <= mc["p50"] <= mc["p95"]
    assert 0 <= mc["prob_negative"] <= mc["prob_below_hurdle"] <= 100  # hurdle 20% is above 0
    assert mc["prob_negative"] == pytest.approx((samples < 0).mean() * 100, abs=0.005)
    # every run stays inside the bounds the spreads allow
    low_b = sum(b.annual_value * 0.75 * max(0, b.attribution_pct - 15) / 100 * max(0, b.confidence_pct - 15) / 100
                for b in INPUTS.benefits)
    high_c = roi.total_costs(INPUTS.costs) * 1.25
    assert samples.min() >= (low_b - high_c) / high_c * 100 - 1e-9


@SETTINGS
@given(st.lists(st.tuples(amounts, percents, percents), min_size=0, max_size=4),
       st.lists(positive, min_size=1, max_size=4), st.integers(0, 2**32))
def test_monte_carlo_never_returns_nan(benefits, costs, seed):
    assume(sum(costs) > 0)
    inputs = roi.RoiInputs([roi.CostItem(f"c{n}", c) for n, c in enumerate(costs)],
                           [roi.BenefitItem(f"b{n}", v, a, k) for n, (v, a, k) in enumerate(benefits)])
    mc = roi.monte_carlo(inputs, runs=100, seed=seed)
    assert all(math.isfinite(mc[k]) for k in ("mean", "p5", "p50", "p95", "prob_negative"))
