"""How uncertain an ROI is: one-way sensitivity (one input at a time) and a seeded Monte Carlo simulation.

:func:`one_way_sensitivity` is also in ``rules.js`` (``oneWaySensitivity``), figure for figure. The page's
simulation cannot use NumPy's random stream, so it has its own small generator, mulberry32:
:func:`monte_carlo_mulberry32` is that simulation in Python (``monteCarloMulberry32`` in ``rules.js``), so the
shared cases hold the page's figures exactly. The notebook uses :func:`monte_carlo` (NumPy), whose figures
are close to the page's but not equal.
"""

from __future__ import annotations

import math

import numpy as np

from leadership_handbook.core.errors import check_number, check_whole_number
from leadership_handbook.core.rounding import round2
from leadership_handbook.kinds.roi.rules import SOURCE, WORDS, RoiInputs, adjusted_value, total_costs

__all__ = ["one_way_sensitivity", "monte_carlo", "mulberry32", "monte_carlo_mulberry32"]

_MOVED = ("annual_value", "attribution_pct", "confidence_pct")  # the inputs of each benefit, in this order


def _check_spread(value, field):
    return check_number(
        value,
        field=field,
        source=SOURCE,
        minimum=0,
        maximum=90,
        exclusive_minimum=True,
        allowed="a percentage above 0, up to 90",
    )


def _check_points(value, field):
    return check_number(
        value,
        field=field,
        source=SOURCE,
        minimum=0,
        maximum=50,
        exclusive_minimum=True,
        allowed="a number of percentage points above 0, up to 50",
    )


def _roi_of(benefits, costs):
    return (benefits - costs) / costs * 100


def _benefits_total(parts) -> float:
    """Adjusted benefits from (value, attribution, confidence) triples, in order."""
    total = 0.0
    for value, attribution, confidence in parts:
        total += adjusted_value(value, attribution, confidence)
    return total


def one_way_sensitivity(
    inputs: RoiInputs, amount_swing_pct: float = 20, percentage_points_swing: float = 15
) -> list[dict]:
    """Move one input at a time down and then up, holding the rest; record the ROI each time.

    Money inputs (each benefit's annual value, and the costs: all items scaled together) move by
    ``amount_swing_pct`` percent of their value. Attribution and confidence move by
    ``percentage_points_swing`` points, kept within 0 to 100. Rows come widest swing first (ties in input
    order); each has ``input``, ``label``, ``unit`` ("money" or "points"), ``base_setting``,
    ``low_setting``, ``high_setting``, ``roi_low``, ``roi_high``, ``swing`` (all rounded) and the
    unrounded ``base_roi``.
    """
    s = _check_spread(amount_swing_pct, "amount_swing_pct") / 100
    pp = _check_points(percentage_points_swing, "percentage_points_swing")
    c = total_costs(inputs.costs)
    base_parts = [(i.annual_value, i.attribution_pct, i.confidence_pct) for i in inputs.benefits]
    base_b = _benefits_total(base_parts)
    base = _roi_of(base_b, c)
    names = WORDS["inputs_moved"]
    rows = []

    def add(key, label, unit, value, low, high, roi_low, roi_high):
        rows.append(
            {
                "input": key,
                "label": label,
                "unit": unit,
                "base_setting": round2(value),
                "low_setting": round2(low),
                "high_setting": round2(high),
                "roi_low": round2(roi_low),
                "roi_high": round2(roi_high),
                "swing": round2(abs(roi_high - roi_low)),
                "base_roi": base,
            }
        )

    for n, item in enumerate(inputs.benefits):
        for position, moved in enumerate(_MOVED):
            value = base_parts[n][position]
            if position == 0:
                low, high, unit = value * (1 - s), value * (1 + s), "money"
            else:
                low, high, unit = max(0.0, value - pp), min(100.0, value + pp), "points"
            results = []
            for setting in (low, high):
                parts = [list(p) for p in base_parts]
                parts[n][position] = setting
                results.append(_roi_of(_benefits_total(parts), c))
            name = names[moved]
            add(f"benefits #{n + 1} {name}", f"{item.label}: {name}", unit, value, low, high, *results)
    c_low, c_high = c * (1 - s), c * (1 + s)
    add("costs", names["costs"], "money", c, c_low, c_high, _roi_of(base_b, c_low), _roi_of(base_b, c_high))
    order = sorted(range(len(rows)), key=lambda k: (-rows[k]["swing"], k))
    return [rows[k] for k in order]


def _check_simulation(runs, seed, amount_spread_pct, percentage_points_spread):
    return (
        check_whole_number(runs, field="runs", source=SOURCE, minimum=100, maximum=100_000),
        check_whole_number(seed, field="seed", source=SOURCE, minimum=0, maximum=2**63 - 1),
        _check_spread(amount_spread_pct, "amount_spread_pct") / 100,
        _check_points(percentage_points_spread, "percentage_points_spread"),
    )


def _triangular(rng, low, mode, high, runs):
    if low == high:
        return np.full(runs, float(mode))
    return rng.triangular(low, mode, high, size=runs)


def monte_carlo(
    inputs: RoiInputs,
    runs: int = 5000,
    seed: int = 2026,
    amount_spread_pct: float = 25,
    percentage_points_spread: float = 15,
) -> dict:
    """Seeded Monte Carlo ROI: every input uncertain at once, each drawn from a triangular distribution.

    Money inputs (each benefit's annual value, each cost item) are drawn from
    ``triangular(v * (1 - s), v, v * (1 + s))`` with ``s = amount_spread_pct / 100``; attribution and
    confidence from ``triangular(max(0, p - d), p, min(100, p + d))`` with ``d = percentage_points_spread``.
    Draws come from ``numpy.random.default_rng(seed)`` in a fixed order (for each benefit: value,
    attribution, confidence; then each cost), so the same inputs and seed always give the same result.
    With costs above 0 and a spread of at most 90%, every run's ROI is a finite number.

    Returns ``{"runs", "seed", "mean", "p5", "p50", "p95", "prob_negative", "prob_below_hurdle",
    "hurdle_rate_pct", "amount_spread_pct", "percentage_points_spread", "samples"}``: ROI figures and
    probabilities (percentages of runs) rounded at the end; ``samples`` (unrounded ROI per run) is for charts.
    """
    runs, seed, s, d = _check_simulation(runs, seed, amount_spread_pct, percentage_points_spread)
    rng = np.random.default_rng(seed)
    b = np.zeros(runs)
    for item in inputs.benefits:
        v, a, k = item.annual_value, item.attribution_pct, item.confidence_pct
        value = _triangular(rng, v * (1 - s), v, v * (1 + s), runs)
        attribution = _triangular(rng, max(0.0, a - d), a, min(100.0, a + d), runs)
        confidence = _triangular(rng, max(0.0, k - d), k, min(100.0, k + d), runs)
        b += adjusted_value(value, attribution, confidence)
    c = np.zeros(runs)
    for item in inputs.costs:
        c += _triangular(rng, item.amount * (1 - s), item.amount, item.amount * (1 + s), runs)
    roi = _roi_of(b, c)
    hurdle = inputs.hurdle_rate_pct
    return {
        "runs": runs,
        "seed": seed,
        "amount_spread_pct": amount_spread_pct,
        "percentage_points_spread": percentage_points_spread,
        "mean": round2(float(roi.mean())),
        "p5": round2(float(np.percentile(roi, 5))),
        "p50": round2(float(np.percentile(roi, 50))),
        "p95": round2(float(np.percentile(roi, 95))),
        "prob_negative": round2(float((roi < 0).mean() * 100)),
        "prob_below_hurdle": None if hurdle is None else round2(float((roi < hurdle).mean() * 100)),
        "hurdle_rate_pct": hurdle,
        "samples": roi.tolist(),
    }


def mulberry32(seed: int):
    """The page's random numbers: mulberry32 (public domain), as ``rules.js`` computes it with 32-bit
    integers. Returns a function giving the next number in [0, 1) each call."""
    state = seed & 0xFFFFFFFF

    def draw() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((state ^ (state >> 15)) * (1 | state)) & 0xFFFFFFFF
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return draw


def monte_carlo_mulberry32(
    inputs: RoiInputs,
    runs: int = 5000,
    seed: int = 2026,
    amount_spread_pct: float = 25,
    percentage_points_spread: float = 15,
) -> dict:
    """The page's simulation: :func:`monte_carlo`'s draws in the same order, from :func:`mulberry32`, each
    by the inverse of the triangular distribution function (as NumPy draws it), percentiles interpolated as
    NumPy's default. Returns the summary without ``samples``, naming the generator."""
    runs, seed, s, d = _check_simulation(runs, seed, amount_spread_pct, percentage_points_spread)
    draw = mulberry32(seed)

    def draws(low, mode, high):
        out = []
        for _ in range(runs):
            u = draw()
            if low == high:
                out.append(mode)
            elif u <= (mode - low) / (high - low):
                out.append(low + math.sqrt(u * (high - low) * (mode - low)))
            else:
                out.append(high - math.sqrt((1 - u) * (high - low) * (high - mode)))
        return out

    def points(p):
        return draws(max(0, p - d), p, min(100, p + d))

    b, c = [0.0] * runs, [0.0] * runs
    for item in inputs.benefits:
        v = item.annual_value
        parts = zip(draws(v * (1 - s), v, v * (1 + s)), points(item.attribution_pct), points(item.confidence_pct))
        b = [total + adjusted_value(*part) for total, part in zip(b, parts)]
    for item in inputs.costs:
        c = [total + value for total, value in zip(c, draws(item.amount * (1 - s), item.amount, item.amount * (1 + s)))]
    roi = [_roi_of(benefits, costs) for benefits, costs in zip(b, c)]
    total = 0.0
    for value in roi:
        total += value
    hurdle = inputs.hurdle_rate_pct
    ordered = sorted(roi)

    def quantile(p):
        x = (runs - 1) * p / 100
        low = math.floor(x)
        return ordered[low] + (x - low) * (ordered[min(low + 1, runs - 1)] - ordered[low])

    return {
        "runs": runs,
        "seed": seed,
        "generator": WORDS["simulation_generator"],
        "amount_spread_pct": amount_spread_pct,
        "percentage_points_spread": percentage_points_spread,
        "mean": round2(total / runs),
        "p5": round2(quantile(5)),
        "p50": round2(quantile(50)),
        "p95": round2(quantile(95)),
        "prob_negative": round2(sum(r < 0 for r in roi) / runs * 100),
        "prob_below_hurdle": None if hurdle is None else round2(sum(r < hurdle for r in roi) / runs * 100),
        "hurdle_rate_pct": hurdle,
    }
