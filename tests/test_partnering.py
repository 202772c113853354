"""Partnering planner: ids resolve to labels and sources; the brief warns when nothing goes beyond reactions."""

from leadership_handbook.instruments import load_partnering_planner
from leadership_handbook.partnering import brief_table, build_brief

PLAN = load_partnering_planner()
ROW = {"want": "A one-day course", "need": "Earlier, clearer conversations", "evidence": ["needs-analysis"],
       "measures": ["kirkpatrick-1"], "indicator": "Happy sheets", "owner": "L&D", "by": "June"}
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
