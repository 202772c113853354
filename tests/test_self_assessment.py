"""Self-assessment scoring: checked against an independent reference built from the rules, plus invariants."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_handbook.core.bands import band_for
from leadership_handbook.core.instruments import load, section_lookup
from leadership_handbook.core.rounding import round2, round_to
from leadership_handbook.kinds.self_assessment.rules import interpret, reverse_score, score_responses, validate_answers

FP = load("future_proof")
LO, HI = FP["scale"]["min"], FP["scale"]["max"]
NEED = FP["scoring"]["min_answered_per_dimension"]
IDS = [i["id"] for i in FP["items"]]
SETTINGS = settings(max_examples=300, deadline=None, database=None)

answers_strategy = st.fixed_dictionaries({i: st.one_of(st.none(), st.integers(LO, HI)) for i in IDS})


def reference_scores(answers):
    """Independent reference: exact fractions, half-up rounding, straight from the written rules."""
    out = {}
    for dim in FP["dimensions"]:
        values = []
        for item in FP["items"]:
            if item["dimension"] != dim["id"] or answers.get(item["id"]) is None:
                continue
            a = answers[item["id"]]
            values.append((LO + HI - a) if item["reverse"] else a)
        if len(values) < NEED:
            out[dim["id"]] = None
        else:
            mean = Fraction(sum(values), len(values))
            exact = Decimal(mean.numerator) / Decimal(mean.denominator)
            out[dim["id"]] = float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return out


def reference_band(score):
    if score is None:
        return None
    return [b["id"] for b in FP["bands"] if b["min"] <= score][-1]


@SETTINGS
@given(answers_strategy)
def test_scores_match_the_reference(answers):
    result = score_responses(FP, answers)
    expected = reference_scores(answers)
    for row in result["dimensions"]:
        assert row["score"] == expected[row["id"]]
        assert row["band"] == reference_band(expected[row["id"]])
        assert row["scored"] == (expected[row["id"]] is not None)


@SETTINGS
@given(answers_strategy)
def test_scores_stay_within_the_scale(answers):
    for row in score_responses(FP, answers)["dimensions"]:
        if row["score"] is not None:
            assert LO <= row["score"] <= HI
        assert 0 <= row["answered"] <= row["items"]


@SETTINGS
@given(st.integers(LO, HI))
def test_reverse_keying_is_symmetric(a):
    r = reverse_score(a, LO, HI)
    assert LO <= r <= HI
    assert reverse_score(r, LO, HI) == a  # reversing twice gives the answer back
    assert (r - (LO + HI) / 2) == -(a - (LO + HI) / 2)  # mirror image about the midpoint


@SETTINGS
@given(answers_strategy)
def test_mirroring_every_answer_mirrors_every_score(answers):
    mirrored = {k: None if v is None else LO + HI - v for k, v in answers.items()}
    a = score_responses(FP, answers)["dimensions"]
    b = score_responses(FP, mirrored)["dimensions"]
    for x, y in zip(a, b):
        if x["score"] is None:
            assert y["score"] is None
        else:
            assert x["sum"] + y["sum"] == (LO + HI) * x["answered"]
            assert abs((x["score"] + y["score"]) - (LO + HI)) <= 0.011  # equal before rounding


@SETTINGS
@given(answers_strategy, st.randoms())
def test_order_of_answers_does_not_matter(answers, rnd):
    keys = list(answers)
    rnd.shuffle(keys)
    assert score_responses(FP, {k: answers[k] for k in keys}) == score_responses(FP, answers)


def test_best_answers_give_top_score():
    best = {i["id"]: (LO if i["reverse"] else HI) for i in FP["items"]}
    assert all(row["score"] == HI for row in score_responses(FP, best)["dimensions"])
    worst = {i["id"]: (HI if i["reverse"] else LO) for i in FP["items"]}
    assert all(row["score"] == LO for row in score_responses(FP, worst)["dimensions"])


def blank_answers(instrument):
    return {item["id"]: None for item in instrument["items"]}


def test_partial_answer_rule():
    answers = blank_answers(FP)
    dim = FP["dimensions"][0]["id"]
    items = [i for i in FP["items"] if i["dimension"] == dim]
    for item in items[: NEED - 1]:
        answers[item["id"]] = 4
    row = score_responses(FP, answers)["dimensions"][0]
    assert row["score"] is None and row["band"] is None and row["answered"] == NEED - 1
    answers[items[NEED - 1]["id"]] = 4
    row = score_responses(FP, answers)["dimensions"][0]
    assert row["score"] is not None and row["answered"] == NEED


def test_missing_keys_count_as_unanswered():
    assert score_responses(FP, {})["answered"] == 0
    assert all(r["score"] is None for r in score_responses(FP, {})["dimensions"])
    assert validate_answers(FP, {IDS[0]: 3}) == {**blank_answers(FP), IDS[0]: 3}


@pytest.mark.parametrize(
    "score,band",
    [(1.0, "early"), (2.49, "early"), (2.5, "growing"), (3.74, "growing"), (3.75, "established"), (5.0, "established")],
)
def test_band_thresholds_are_inclusive_lower_bounds(score, band):
    assert band_for(FP["bands"], score)["id"] == band


def test_interpret_gives_next_steps_only_for_focus_bands():
    answers = {i["id"]: (2 if not i["reverse"] else 4) for i in FP["items"]}
    answers.update({i["id"]: (5 if not i["reverse"] else 1) for i in FP["items"] if i["dimension"] == "see"})
    notes = interpret(FP, score_responses(FP, answers), section_lookup())
    by_id = {n["id"]: n for n in notes}
    assert by_id["see"]["band"] == "established" and by_id["see"]["next_step"] is None
    assert by_id["spot"]["focus"] and by_id["spot"]["next_step"] == FP["dimensions"][1]["next_step"]
    assert all(isinstance(s, dict) and s["doc"] for n in notes for s in n["see_also"])


def test_interpret_explains_not_scored():
    notes = interpret(FP, score_responses(FP, {IDS[0]: 3}))
    assert notes[0]["band_label"] == "Not scored" and "1 of 4" in notes[0]["meaning"]


# --------------------------------------------------------------------- rounding: the JavaScript contract


@pytest.mark.parametrize(
    "x,decimals,js",
    [
        # Outputs of JavaScript's Number.prototype.toFixed, which the in-page scoring uses.
        (2.34, 1, 2.3),
        (2.35, 1, 2.4),
        (2.55, 1, 2.5),
        (-2.34, 1, -2.3),
        (12345.6789, 1, 12345.7),
        (1.005, 2, 1.0),
        (0.125, 2, 0.13),
        (0.375, 2, 0.38),
        (-0.125, 2, -0.13),
        (10 / 3, 2, 3.33),
        (11 / 3, 2, 3.67),
        (3.125, 2, 3.13),
        (-0.001, 2, 0.0),
    ],
)
def test_round_to_matches_javascript_tofixed(x, decimals, js):
    assert round_to(x, decimals) == js


def test_round2_never_returns_negative_zero():
    assert str(round2(-0.001)) == "0.0"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "3", None, True])
def test_round2_refuses_non_numbers(bad):
    with pytest.raises((TypeError, ValueError)):
        round2(bad)
