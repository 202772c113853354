"""Bad input gets a clear ValueError naming where, which field and what is allowed; never a crash or NaN."""

import pytest

from leadership_handbook.core.errors import InputError
from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.barrier_log import rules as barrier_log
from leadership_handbook.kinds.knowledge_check import rules as knowledge_checks
from leadership_handbook.kinds.partnering_brief import rules as partnering
from leadership_handbook.kinds.programme_audit import rules as programme_audit
from leadership_handbook.kinds.roi import rules as roi
from leadership_handbook.kinds.roi import uncertainty as roi_uncertainty
from leadership_handbook.kinds.self_assessment import rules as scoring

FP = load("future_proof")
AUDIT = load("programme_audit")
LOG = load("barrier_log")
PLAN = load("partnering_planner")
QUIZ = load("knowledge_checks")
NAN, INF = float("nan"), float("inf")

ENTRY = {
    "challenge": "Two managers set me conflicting priorities",
    "barrier_type": "politics",
    "frequency": 4,
    "impact": 3,
    "could_teach": "How to negotiate priorities openly",
}
ROW = {
    "want": "A one-day course",
    "problem": "Disputes reach HR too late",
    "need": "Earlier, clearer conversations",
    "need_evidence": "Case logs",
    "evidence": ["needs-analysis"],
    "measures": ["kirkpatrick-3"],
    "indicator": "Fewer escalations",
    "owner": "Ops director",
    "by": "June",
}
COST = [roi.CostItem("Design", 1000)]


def entry(**change):
    return [{**ENTRY, **change}]


def row(**change):
    return [{**ROW, **change}]


def without(d, key):
    return [{k: v for k, v in d.items() if k != key}]


# (id, callable, field named, text that must appear in the "Allowed" part, item named or None)
CASES = [
    # --- self-assessment answers
    ("self-assessment-too-high", lambda: scoring.score_responses(FP, {"see-1": 6}), "answer", "from 1 to 5", "see-1"),
    ("self-assessment-zero", lambda: scoring.score_responses(FP, {"see-2": 0}), "answer", "from 1 to 5", "see-2"),
    ("self-assessment-text", lambda: scoring.score_responses(FP, {"see-1": "4"}), "answer", "from 1 to 5", "see-1"),
    ("self-assessment-nan", lambda: scoring.score_responses(FP, {"spot-1": NAN}), "answer", "whole number", "spot-1"),
    (
        "self-assessment-infinity",
        lambda: scoring.score_responses(FP, {"spot-1": INF}),
        "answer",
        "whole number",
        "spot-1",
    ),
    (
        "self-assessment-fraction",
        lambda: scoring.score_responses(FP, {"learn-2": 3.5}),
        "answer",
        "whole number",
        "learn-2",
    ),
    ("self-assessment-bool", lambda: scoring.score_responses(FP, {"learn-2": True}), "answer", "or None", "learn-2"),
    ("self-assessment-unknown-item", lambda: scoring.score_responses(FP, {"see-9": 3}), "item id", "see-1", "see-9"),
    ("self-assessment-not-a-dict", lambda: scoring.score_responses(FP, [4, 4, 4]), "answers", "dictionary", None),
    # a reverse-keyed statement (see-3) is checked before it is turned round
    ("reverse-out-of-range", lambda: scoring.score_responses(FP, {"see-3": 9}), "answer", "from 1 to 5", "see-3"),
    # --- programme audit
    (
        "audit-not-an-option",
        lambda: programme_audit.score_audit(AUDIT, {"needs-analysis": 3}),
        "answer",
        "2 (Fully in place)",
        "needs-analysis",
    ),
    (
        "audit-negative",
        lambda: programme_audit.score_audit(AUDIT, {"spaced": -1}),
        "answer",
        "0 (Not in place)",
        "spaced",
    ),
    (
        "audit-text",
        lambda: programme_audit.score_audit(AUDIT, {"spaced": "yes"}),
        "answer",
        "None if you don't know",
        "spaced",
    ),
    (
        "audit-unknown-feature",
        lambda: programme_audit.score_audit(AUDIT, {"spacing": 2}),
        "feature id",
        "spaced",
        "spacing",
    ),
    # --- ROI
    ("cost-negative", lambda: roi.CostItem("Venue", -50), "amount", "0 or more", "Venue"),
    ("cost-text", lambda: roi.CostItem("Venue", "1,000"), "amount", "0 or more", "Venue"),
    ("cost-nan", lambda: roi.CostItem("Venue", NAN), "amount", "0 or more", "Venue"),
    ("cost-infinite", lambda: roi.CostItem("Venue", INF), "amount", "0 or more", "Venue"),
    ("cost-category", lambda: roi.CostItem("Venue", 10, "catering"), "category", "venue_travel", "Venue"),
    ("cost-empty-label", lambda: roi.CostItem("  ", 10), "label", "text", None),
    ("costs-total-zero", lambda: roi.RoiInputs([roi.CostItem("Venue", 0)], []), "costs", "above 0", None),
    ("costs-none", lambda: roi.RoiInputs([], []), "costs", "at least one CostItem", None),
    ("roi-zero-costs", lambda: roi.roi_percent(1000, 0), "costs", "above 0", None),
    ("roi-negative-costs", lambda: roi.roi_percent(1000, -10), "costs", "above 0", None),
    ("roi-negative-benefits", lambda: roi.roi_percent(-1, 10), "benefits", "0 or more", None),
    ("bcr-text-benefits", lambda: roi.benefit_cost_ratio("lots", 10), "benefits", "0 or more", None),
    ("payback-zero-costs", lambda: roi.payback_months(0, 100), "costs", "above 0", None),
    ("attribution-over-100", lambda: roi.BenefitItem("Waste", 1000, 120, 50), "attribution_pct", "0 to 100", "Waste"),
    ("confidence-negative", lambda: roi.BenefitItem("Waste", 1000, 50, -5), "confidence_pct", "0 to 100", "Waste"),
    ("confidence-nan", lambda: roi.BenefitItem("Waste", 1000, 50, NAN), "confidence_pct", "0 to 100", "Waste"),
    ("adjust-infinite-value", lambda: roi.benefit_after_adjustment(INF, 50, 50), "annual_value", "0 or more", None),
    (
        "adjust-percent-as-text",
        lambda: roi.benefit_after_adjustment(100, "50%", 50),
        "attribution_pct",
        "0 to 100",
        None,
    ),
    ("hurdle-text", lambda: roi.RoiInputs(COST, [], hurdle_rate_pct="20%"), "hurdle_rate_pct", "-100 to 1000", None),
    ("benefits-not-items", lambda: roi.RoiInputs(COST, [1000]), "benefits", "BenefitItem", "benefits #1"),
    (
        "mc-too-few-runs",
        lambda: roi_uncertainty.monte_carlo(roi.RoiInputs(COST, []), runs=10),
        "runs",
        "from 100 to 100000",
        None,
    ),
    (
        "mc-spread-zero",
        lambda: roi_uncertainty.monte_carlo(roi.RoiInputs(COST, []), amount_spread_pct=0),
        "amount_spread_pct",
        "above 0, up to 90",
        None,
    ),
    (
        "one-way-swing-too-big",
        lambda: roi_uncertainty.one_way_sensitivity(roi.RoiInputs(COST, []), 100),
        "amount_swing_pct",
        "above 0, up to 90",
        None,
    ),
    (
        "one-way-points-nan",
        lambda: roi_uncertainty.one_way_sensitivity(roi.RoiInputs(COST, []), 20, NAN),
        "percentage_points_swing",
        "up to 50",
        None,
    ),
    # --- barrier log
    (
        "log-frequency-too-high",
        lambda: barrier_log.prioritise(LOG, entry(frequency=6)),
        "frequency",
        "from 1 to 5",
        "B1",
    ),
    ("log-impact-text", lambda: barrier_log.prioritise(LOG, entry(impact="high")), "impact", "from 1 to 5", "B1"),
    (
        "log-unknown-type",
        lambda: barrier_log.prioritise(LOG, entry(barrier_type="people")),
        "barrier_type",
        "relationships",
        "B1",
    ),
    (
        "log-missing-lesson",
        lambda: barrier_log.prioritise(LOG, without(ENTRY, "could_teach")),
        "could_teach",
        "could_teach",
        "B1",
    ),
    ("log-empty-challenge", lambda: barrier_log.prioritise(LOG, entry(challenge="")), "challenge", "text", "B1"),
    ("log-misspelt-field", lambda: barrier_log.prioritise(LOG, [{**ENTRY, "impactt": 2}]), "impactt", "impact", "B1"),
    ("log-empty", lambda: barrier_log.prioritise(LOG, []), "entries", "from 1 to 30", None),
    ("log-top-n-zero", lambda: barrier_log.learning_goals(LOG, entry(), top_n=0), "top_n", "from 1 to 30", None),
    # --- partnering planner
    (
        "plan-unknown-measure",
        lambda: partnering.build_brief(PLAN, row(measures=["kirkpatrick-5"])),
        "measures",
        "kirkpatrick-1",
        "R1",
    ),
    (
        "plan-unknown-evidence",
        lambda: partnering.build_brief(PLAN, row(evidence=["gut-feeling"])),
        "evidence",
        "needs-analysis",
        "R1",
    ),
    ("plan-empty-want", lambda: partnering.build_brief(PLAN, row(want="  ")), "want", "text", "R1"),
    ("plan-no-measures", lambda: partnering.build_brief(PLAN, row(measures=[])), "measures", "one or more", "R1"),
    ("plan-no-rows", lambda: partnering.build_brief(PLAN, []), "rows", "from 1 to 12", None),
    # --- knowledge checks
    (
        "quiz-letter-out-of-range",
        lambda: knowledge_checks.check_answers(QUIZ, "part-1", {"p1-roi-formula": "e"}),
        "answer",
        '"a", "b", "c", "d"',
        "p1-roi-formula",
    ),
    (
        "quiz-number-not-letter",
        lambda: knowledge_checks.check_answers(QUIZ, "part-1", {"p1-roi-formula": 1}),
        "answer",
        "letters go in quotes",
        "p1-roi-formula",
    ),
    (
        "quiz-unknown-question",
        lambda: knowledge_checks.check_answers(QUIZ, "part-1", {"p2-transactional": "a"}),
        "question id",
        "p1-design-features",
        "p2-transactional",
    ),
    ("quiz-unknown-part", lambda: knowledge_checks.check_answers(QUIZ, "part-4", {}), "part", "part-1", None),
]


def test_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("call,field,allowed,item", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_a_clear_value_error(call, field, allowed, item):
    with pytest.raises(InputError) as caught:
        call()
    err = caught.value
    message = str(err)
    assert isinstance(err, ValueError)
    assert err.field == field and f"field {field!r}" in message
    assert err.allowed and allowed in err.allowed and f"Allowed: {err.allowed}" in message
    if item is not None:
        assert err.item_id == item and f"item {item!r}" in message
    assert "nan" not in message.replace("NaN (not a number)", "").lower().split()


def test_answers_out_of_range_do_not_score_silently():
    """A partly bad answer set raises instead of scoring the good answers and dropping the bad one."""
    answers = {i["id"]: 3 for i in FP["items"]}
    answers["sustain-4"] = 7
    with pytest.raises(ValueError, match=r"item 'sustain-4', field 'answer': 7 is out of range"):
        scoring.score_responses(FP, answers)
