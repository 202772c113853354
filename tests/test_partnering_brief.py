"""Partnering planner: ids resolve to labels and sources; the brief warns when nothing goes beyond reactions."""

import pytest

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import RenderContext, render_answer_key, render_worksheet
from leadership_handbook.kinds.partnering_brief.rules import beyond_reactions_levels, brief_table, build_brief

PLAN = load("partnering_planner")
ROW = {
    "want": "A one-day course",
    "problem": "Disputes reach HR too late",
    "need": "Earlier, clearer conversations",
    "need_evidence": "Case logs",
    "evidence": ["needs-analysis"],
    "measures": ["kirkpatrick-1"],
    "indicator": "Happy sheets",
    "owner": "L&D",
    "by": "June",
}
BEYOND = set(PLAN["rules"]["beyond_reactions_focus"])


def test_reaction_only_brief_warns():
    brief = build_brief(PLAN, [ROW])
    assert PLAN["rules"]["warning_no_measure_beyond_reactions"] in brief["warnings"]


def test_every_behaviour_or_results_measure_clears_the_warning():
    for measure in PLAN["measures"]:
        brief = build_brief(PLAN, [{**ROW, "measures": [measure["id"]]}])
        warned = PLAN["rules"]["warning_no_measure_beyond_reactions"] in brief["warnings"]
        assert warned == (measure["focus"] not in BEYOND), measure["id"]


def test_labels_and_sources_resolve():
    brief = build_brief(PLAN, [{**ROW, "evidence": "transfer-climate", "measures": ["ltem-7", "ltem-7"]}])
    row = brief["rows"][0]
    evidence = next(e for e in PLAN["evidence_options"] if e["id"] == "transfer-climate")
    assert row["evidence"] == ["transfer-climate"] and row["measures"] == ["ltem-7"]
    assert row["evidence_labels"] == [evidence["label"]]
    for key in evidence["cite"] + ["thalheimer2018ltem"]:
        assert key in brief["sources"]


def test_no_direct_evidence_is_flagged():
    brief = build_brief(PLAN, [{**ROW, "evidence": ["no-direct-evidence"], "measures": ["kirkpatrick-4"]}])
    assert any("R1" in w and "no direct research evidence" in w for w in brief["warnings"])


def test_brief_table_has_the_declared_columns():
    brief = build_brief(PLAN, [ROW, {**ROW, "want": "Coaching"}])
    headers, rows = brief_table(PLAN, brief)
    assert headers == [c["label"] for c in PLAN["brief_columns"]]
    assert len(rows) == 2 and all(len(r) == len(headers) for r in rows)
    assert rows[1][0] == "Coaching"


def test_the_brief_has_the_handbooks_nine_columns_in_order():
    """One partnering brief everywhere (review defect 7): these labels, in this order."""
    assert [c["label"] for c in PLAN["brief_columns"]] == [
        "Stated want",
        "Problem behind it",
        "Capability need",
        "Evidence the need is real",
        "Design evidence (research)",
        "Measure (level or tier)",
        "What we will see",
        "Owner",
        "Date",
    ]
    headers, rows = brief_table(PLAN, build_brief(PLAN, [ROW]))
    assert rows[0][1] == ROW["problem"] and rows[0][3] == ROW["need_evidence"]
    assert headers.index("Problem behind it") < headers.index("Capability need")


def test_a_row_without_the_problem_behind_it_is_refused_naming_the_field():
    with pytest.raises(InputError) as caught:
        build_brief(PLAN, [{**ROW, "problem": "  "}])
    assert caught.value.field == "problem"
    old = {k: v for k, v in ROW.items() if k not in ("problem", "need_evidence")}
    with pytest.raises(InputError) as caught:
        build_brief(PLAN, [old])
    assert caught.value.field == "problem" and "need_evidence" in str(caught.value)


def test_rows_resting_only_on_options_without_direct_evidence_are_flagged_with_the_files_words():
    undirect = [e["id"] for e in PLAN["evidence_options"] if e.get("direct_evidence") is False]
    assert undirect == ["no-direct-evidence"]
    rows = [
        {**ROW, "evidence": undirect},
        ROW,
        {**ROW, "evidence": undirect + ["success-cases"]},
        {**ROW, "evidence": undirect},
    ]
    rules = PLAN["rules"]
    assert build_brief(PLAN, rows)["warnings"][-1] == rules["warning_no_direct_evidence_many"].replace(
        "{rows}", "R1, R4"
    )
    assert build_brief(PLAN, rows[:2])["warnings"][-1] == rules["warning_no_direct_evidence_one"].replace(
        "{rows}", "R1"
    )
    assert [r["direct_evidence"] for r in build_brief(PLAN, rows)["rows"]] == [False, True, True, False]


def test_texts_are_counted_in_characters_as_a_reader_counts_them():
    longest = PLAN["rules"]["max_text_length"]
    assert build_brief(PLAN, [{**ROW, "need": "😀" * longest}])["rows"][0]["need"] == "😀" * longest
    with pytest.raises(InputError) as caught:
        build_brief(PLAN, [{**ROW, "need": "😀" * (longest + 1)}])
    assert caught.value.field == "need" and f"{longest + 1} characters" in str(caught.value)


def test_the_worksheet_and_the_answer_key_name_the_levels_the_rule_counts():
    levels = beyond_reactions_levels(PLAN)
    counted = {(m["framework"], m["level"]) for m in PLAN["measures"] if m["focus"] in BEYOND}
    assert {(g["framework"], level) for g in levels for level in g["levels"]} == counted
    assert levels == [
        {"framework": "kirkpatrick", "level_name": "Kirkpatrick Level", "levels": [3, 4]},
        {"framework": "ltem", "level_name": "LTEM tier", "levels": [7, 8]},
    ]
    key = render_answer_key(PLAN)
    assert "(Kirkpatrick Level 3 or 4, or LTEM tier 7 or 8)" in key and "5 or more" not in key
    assert "look at behaviour or results" in key
    worksheet = render_worksheet(PLAN, RenderContext())
    assert "(Kirkpatrick Level 3 or 4, LTEM tier 7 or 8)" in worksheet
    assert "(Kirkpatrick Level 3 or 4, or LTEM tier 7 or 8)" in PLAN["rules"]["warning_no_measure_beyond_reactions"]
