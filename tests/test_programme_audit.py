"""Programme audit scoring follows programme_audit.yml: points, percentages, the unanswered rule, gaps."""

import copy
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_handbook.core.errors import InstrumentError
from leadership_handbook.core.instruments import load, validate_instrument
from leadership_handbook.core.templates import RenderContext, render_answer_key, render_worksheet
from leadership_handbook.kinds.programme_audit.rules import score_audit

AUDIT = load("programme_audit")
IDS = [f["id"] for f in AUDIT["features"]]
VALUES = [o["value"] for o in AUDIT["response_options"]]
TOP = max(VALUES)
SETTINGS = settings(max_examples=300, deadline=None, database=None)
answers_strategy = st.fixed_dictionaries({i: st.one_of(st.none(), st.sampled_from(VALUES)) for i in IDS})


@SETTINGS
@given(answers_strategy)
def test_percent_matches_an_independent_calculation(answers):
    result = score_audit(AUDIT, answers)
    points = sum(0 if v is None else v for v in answers.values())
    exact = Fraction(points * 100, TOP * len(IDS))
    assert result["points"] == points and result["max_points"] == TOP * len(IDS)
    assert abs(result["percent"] - float(exact)) <= 0.005 + 1e-9
    assert 0 <= result["percent"] <= 100
    band = [b for b in AUDIT["bands"] if b["min"] <= result["percent"]][-1]
    assert result["band"] == band["id"]


@SETTINGS
@given(answers_strategy)
def test_gaps_are_every_feature_below_the_top(answers):
    result = score_audit(AUDIT, answers)
    assert [g["id"] for g in result["gaps"]] == [i for i in IDS if answers[i] != TOP]
    assert sum(s["points"] for s in result["stages"]) == result["points"]
    for s in result["stages"]:
        assert 0 <= s["percent"] <= 100


def test_unanswered_counts_as_zero_and_is_flagged():
    result = score_audit(AUDIT, {})
    assert result["points"] == 0 and result["answered"] == 0
    assert all(f["status"] == AUDIT["scoring"]["unanswered_status"] for f in result["features"])
    assert len(result["gaps"]) == len(IDS)


def test_everything_in_place_is_the_top_band():
    result = score_audit(AUDIT, {i: TOP for i in IDS})
    assert result["percent"] == 100 and result["gaps"] == [] and result["band"] == AUDIT["bands"][-1]["id"]


@pytest.mark.parametrize("count_full", [0, 5, 9, 12])
def test_band_follows_thresholds(count_full):
    answers = dict.fromkeys(IDS)
    for i in IDS[:count_full]:
        answers[i] = TOP
    result = score_audit(AUDIT, answers)
    expected = [b["id"] for b in AUDIT["bands"] if b["min"] <= result["percent"]][-1]
    assert result["band"] == expected


def test_the_scoring_guide_states_the_rules_of_the_data():
    """The answer key's formula is built from the instrument, so it follows a change to the options or features."""
    changed = copy.deepcopy(AUDIT)
    changed["response_options"].append({"value": TOP + 1, "label": "Embedded in the job"})
    changed["features"] = changed["features"][:7]
    html = render_answer_key(changed)
    assert f"Embedded in the job = {TOP + 1}" in html and f"(7 features × {TOP + 1})" in html
    result = score_audit(changed, {f["id"]: TOP + 1 for f in changed["features"]})
    assert result["max_points"] == 7 * (TOP + 1) and result["percent"] == 100


def test_dont_know_is_a_radio_of_its_own_scored_as_unanswered():
    html = render_worksheet(AUDIT, RenderContext())
    dont_know = AUDIT["dont_know"]
    assert html.count(f'value="{dont_know["value"]}"><span>{dont_know["label"]}</span>') == len(IDS)
    bad = copy.deepcopy(AUDIT)
    bad["dont_know"]["value"] = str(TOP)  # the page could not tell it from the top option
    with pytest.raises(InstrumentError, match="dont_know"):
        validate_instrument(bad)
