"""Each kind's attempt_figures (the figures two dated attempts are compared by, core/attempts.js) and the page
scripts they ride in: what each figure means for its kind, checked against the kind's own rules, and the group
debrief's checks kept out of lh-core.js (fetched only when a reader loads a file back)."""

import importlib
import re

import pytest

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds import KINDS
from leadership_handbook.sphinx_ext import page_assets

UNITS = {"score", "percent", "count", "money", "ratio", "d"}


def rules_of(kind):
    return importlib.import_module(f"leadership_handbook.kinds.{kind}.rules")


def cases_of(kind):
    return importlib.import_module(f"leadership_handbook.kinds.{kind}.cases")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_figures_and_shared_cases_for_them(kind):
    assert hasattr(rules_of(kind), "attempt_figures")
    module = cases_of(kind)
    assert module.CALLS["attempt_figures"] is rules_of(kind).attempt_figures
    cases = [c for c in module.inputs() if c["call"] == "attempt_figures"]
    assert len(cases) >= 2
    instrument = load(module.INSTRUMENT)
    for case in cases:
        try:
            figures = rules_of(kind).attempt_figures(instrument, *case["args"])
        except Exception as error:  # a case may be a refusal; it must be the rules' own InputError
            assert type(error).__name__ == "InputError", case["name"]
            continue
        assert figures, case["name"]
        for figure in figures:
            assert {"id", "label", "value", "unit", "moved"} <= set(figure), case["name"]
            assert figure["unit"] in UNITS
            assert figure["moved"] is None or figure["moved"] > 0


def test_the_self_assessment_compares_each_dimension_score():
    instrument = load("future_proof")
    answers = {item["id"]: 4 for item in instrument["items"]}
    scored = rules_of("self_assessment").score_responses(instrument, answers)["dimensions"]
    figures = rules_of("self_assessment").attempt_figures(instrument, answers)
    assert [(f["id"], f["value"]) for f in figures] == [(d["id"], d["score"]) for d in scored]
    assert {f["moved"] for f in figures} == {0.5}


def test_the_audit_counts_one_step_of_one_answer_as_a_change():
    instrument = load("programme_audit")
    top = max(o["value"] for o in instrument["response_options"])
    first = instrument["features"][0]["id"]
    low = rules_of("programme_audit").attempt_figures(instrument, {"answers": {}, "unknown": []})
    high = rules_of("programme_audit").attempt_figures(instrument, {"answers": {first: top}, "unknown": []})
    assert low[0]["id"] == "overall" and low[0]["value"] == 0
    assert high[0]["value"] - low[0]["value"] >= high[0]["moved"]  # the smallest step is worth a sentence


def test_roi_figures_are_the_calculators_own_for_the_typed_worked_example():
    instrument = load("roi_example")
    typed = cases_of("roi")._typed({key: instrument[key] for key in cases_of("roi").PLAN_KEYS})
    report = rules_of("roi").evaluate(rules_of("roi").inputs_from_example(instrument))
    figures = {f["id"]: f for f in rules_of("roi").attempt_figures(instrument, typed)}
    assert figures["roi_pct"]["value"] == report["roi_pct"]
    assert figures["bcr"]["value"] == report["bcr"]
    assert figures["net_benefits"]["value"] == report["net_benefits"]
    assert figures["net_benefits"]["moved"] == report["total_costs"] / 20
    assert figures["net_benefits"]["currency"] == instrument["currency"]


def test_the_evaluation_figure_is_the_effect_and_its_interval_of_the_typed_example():
    instrument = load("programme_evaluation")
    example = instrument["example"]
    typed = {"design": "comparison", "source": "summaries", "r": str(example["r"])}
    typed |= {g: {k: str(v) for k, v in example[g].items()} for g in ("trained", "comparison")}
    plan = {"design": "comparison", "r": example["r"], "trained": example["trained"]}
    plan["comparison"] = example["comparison"]
    effect = rules_of("programme_evaluation").evaluate(instrument, plan)["effect"]
    (figure,) = rules_of("programme_evaluation").attempt_figures(instrument, typed)
    assert (figure["value"], figure["low"], figure["high"]) == (effect["d"], effect["low"], effect["high"])
    spoiled = dict(typed, trained=dict(typed["trained"], n="twenty"))
    assert rules_of("programme_evaluation").attempt_figures(instrument, spoiled)[0]["value"] is None


def test_the_follow_up_counts_a_tick_meant_alone_as_none_got_in_the_way():
    instrument = load("workshop_evaluation")
    part = rules_of("workshop_evaluation").get_part(instrument, "follow-up")
    ticks = next(q for q in rules_of("workshop_evaluation").questions_of(part) if q["kind"] == "multi")
    alone = next(o["id"] for o in ticks["options"] if o.get("alone"))
    others = [o["id"] for o in ticks["options"] if not o.get("alone")][:2]
    counted = {}
    for name, value in (("alone", [alone]), ("two", others), ("none", [])):
        figures = rules_of("workshop_evaluation").attempt_figures(instrument, {ticks["id"]: value}, "follow-up")
        counted[name] = next(f["value"] for f in figures if f["id"] == ticks["id"])
    assert counted == {"alone": 0, "two": 2, "none": None}


def test_lh_core_leaves_out_the_group_checks_and_the_page_fetches_them_by_a_hashed_address():
    scripts = page_assets.page_scripts()
    core = [p.name for p in scripts[page_assets.CORE_SCRIPT]]
    assert "group.js" not in core and "group_kinds.js" not in core
    assert core[-1] == "attempts_view.js" and "attempts.js" in core
    assert [p.name for p in scripts[page_assets.FILE_CHECK_SCRIPT]] == [
        "group_kinds.js",
        "attempt_checks.js",
        "group.js",
    ]
    assert re.fullmatch(r"lh-file-check\.js\?v=[0-9a-f]{8}", page_assets.file_check_address())
    # No kind's rules: the checks read the page's own, already loaded, from LH.rules when a file is picked.
    assert all(path.parent == page_assets.CORE_DIR for path in scripts[page_assets.FILE_CHECK_SCRIPT])
    assert "LH.groupKinds = factory(LH.rules)" in page_assets.script_text(scripts[page_assets.FILE_CHECK_SCRIPT])
