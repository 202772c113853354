"""Barrier log: priority, ordering, quadrants and learning goals follow the rules in barrier_log.yml."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.barrier_log.rules import (
    check_rows,
    entry_numbers,
    learning_goals,
    prioritise,
    priority_range,
    quadrant_for,
    validate_entries,
)

LOG = load("barrier_log")
TYPES = [t["id"] for t in LOG["barrier_types"]]
HIGH = LOG["scoring"]["high_from"]
SETTINGS = settings(max_examples=200, deadline=None, database=None)

entries = st.lists(
    st.fixed_dictionaries(
        {
            "challenge": st.text(alphabet="abcdefgh ", min_size=1, max_size=20).filter(str.strip),
            "barrier_type": st.sampled_from(TYPES),
            "frequency": st.integers(1, 5),
            "impact": st.integers(1, 5),
            "could_teach": st.text(alphabet="ijklmnop ", min_size=1, max_size=20).filter(str.strip),
        }
    ),
    min_size=1,
    max_size=LOG["scoring"]["max_entries"],
)


@SETTINGS
@given(entries)
def test_priority_is_frequency_times_impact_and_in_range(log):
    for row in prioritise(LOG, log):
        source = log[row["entry"] - 1]
        assert row["priority"] == source["frequency"] * source["impact"]
        assert 1 <= row["priority"] <= 25
        assert priority_range(LOG)[0] <= row["priority"] <= priority_range(LOG)[1]


@SETTINGS
@given(entries)
def test_order_follows_the_declared_rule(log):
    rows = prioritise(LOG, log)
    keys = [(-r["priority"], -r["impact"], -r["frequency"], r["entry"]) for r in rows]
    assert keys == sorted(keys)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert sorted(r["entry"] for r in rows) == list(range(1, len(log) + 1))


@SETTINGS
@given(entries)
def test_quadrants_follow_the_threshold(log):
    for row in prioritise(LOG, log):
        q = next(q for q in LOG["quadrants"] if q["id"] == row["quadrant"])
        assert (q["frequency"] == "high") == (row["frequency"] >= HIGH)
        assert (q["impact"] == "high") == (row["impact"] >= HIGH)


@SETTINGS
@given(entries)
def test_learning_goals_are_the_top_entries(log):
    goals = learning_goals(LOG, log)
    rows = prioritise(LOG, log)
    assert len(goals) == min(LOG["scoring"]["top_n"], len(log))
    assert [g["entry"] for g in goals] == [r["id"] for r in rows[: len(goals)]]
    assert [g["goal"] for g in goals] == [r["could_teach"] for r in rows[: len(goals)]]


def test_ties_keep_entry_order():
    same = {"challenge": "c", "barrier_type": "change", "frequency": 3, "impact": 3, "could_teach": "t"}
    rows = prioritise(LOG, [same, dict(same), dict(same)])
    assert [r["id"] for r in rows] == ["B1", "B2", "B3"]


def test_impact_breaks_ties_in_priority():
    rows = prioritise(
        LOG,
        [
            {
                "challenge": "frequent, small",
                "barrier_type": "resources",
                "frequency": 4,
                "impact": 2,
                "could_teach": "a",
            },
            {"challenge": "rare, serious", "barrier_type": "politics", "frequency": 2, "impact": 4, "could_teach": "b"},
        ],
    )
    assert [r["id"] for r in rows] == ["B2", "B1"]


def test_text_is_trimmed_and_ids_added():
    clean = validate_entries(
        LOG, [{"challenge": "  x ", "barrier_type": "other", "frequency": 1, "impact": 1, "could_teach": " y"}]
    )
    assert clean[0]["challenge"] == "x" and clean[0]["could_teach"] == "y" and clean[0]["id"] == "B1"


def test_corners_of_the_matrix():
    assert quadrant_for(LOG, 5, 5)["id"] == "act-now"
    assert quadrant_for(LOG, 1, 5)["id"] == "prepare"
    assert quadrant_for(LOG, 5, 1)["id"] == "build-a-habit"
    assert quadrant_for(LOG, 1, 1)["id"] == "watch"
    assert quadrant_for(LOG, HIGH, HIGH)["id"] == "act-now"
    assert quadrant_for(LOG, HIGH - 1, HIGH - 1)["id"] == "watch"


def test_priority_range_is_that_of_the_scales():
    assert priority_range(LOG) == [1, 25]


ENTRY = {"challenge": "c", "barrier_type": "change", "frequency": 3, "impact": 3, "could_teach": "t"}


def test_the_log_has_the_four_part_methods_fields_in_order():
    """future-proof-person's method: the visible task, the hidden demand, the barrier, what it could teach."""
    ids = [f["id"] for f in LOG["entries"]["fields"]]
    method = ["visible_task", "hidden_demand", "challenge", "could_teach"]
    assert [i for i in ids if i in method] == method and "date" in ids
    labels = {f["id"]: f["label"] for f in LOG["entries"]["fields"]}
    for field, words in (
        ("visible_task", "visible task"),
        ("hidden_demand", "hidden demand"),
        ("challenge", "barrier"),
    ):
        assert words in labels[field].lower()


def test_entries_saved_before_the_new_fields_still_rank_and_keep_them_when_given():
    old = prioritise(LOG, [ENTRY])[0]
    assert old["date"] == "" and old["visible_task"] == "" and old["hidden_demand"] == "" and old["rank"] == 1
    new = {**ENTRY, "date": "2026-12-01", "visible_task": "Run the rota", "hidden_demand": " Keep staff on side "}
    row = prioritise(LOG, [new])[0]
    assert (row["date"], row["visible_task"], row["hidden_demand"]) == (
        "2026-12-01",
        "Run the rota",
        "Keep staff on side",
    )
    assert prioritise(LOG, [{**ENTRY, "date": None, "visible_task": "  "}])[0]["visible_task"] == ""


@pytest.mark.parametrize("date", ["2026-02-29", "1/12/2026", "2026-13-01", "2026-12-1", 20261201])
def test_a_date_that_is_not_a_real_year_month_day_is_refused_naming_the_field(date):
    with pytest.raises(InputError) as caught:
        prioritise(LOG, [{**ENTRY, "date": date}])
    assert caught.value.field == "date" and caught.value.item_id == "B1"


def test_page_rows_keep_their_own_numbers_and_a_date_alone_is_blank():
    rows = [{**ENTRY, "entry": 1}, {"date": "2026-12-01", "entry": 4}, {**ENTRY, "entry": 5}]
    checked = check_rows(LOG, rows)
    assert [c["id"] for c in checked] == ["B1", "B4", "B5"]
    assert [c["blank"] for c in checked] == [False, True, False]
    assert entry_numbers(LOG, [{}, {}, {"entry": 2}, {"entry": 9}, {}]) == [1, 2, 3, 9, 10]
    bad_date = check_rows(LOG, [{**ENTRY, "date": "2026-02-30"}])[0]
    assert "date" in bad_date["problems"] and bad_date["clean"] is None
