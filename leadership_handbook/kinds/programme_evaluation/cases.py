"""Inputs of the evaluation exercise's shared cases (``cases.json``); see :mod:`leadership_handbook.core.cases`.

A case's arguments come after the instrument. They cover Morris's (2008) five studies, the worked example,
random designs (seeded), raw scores pasted in many shapes, and bad input of every kind the form can meet.
"""

from __future__ import annotations

import random

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds.programme_evaluation import rules

INSTRUMENT = "programme_evaluation"

CALLS = {
    "effect_with_comparison": rules.effect_with_comparison,
    "effect_single_group": rules.effect_single_group,
    "people_needed": rules.people_needed,
    "plan": rules.plan,
    "utility": rules.utility,
    "summarise_scores": rules.summarise_scores,
    "evaluate": rules.evaluate,
    "attempt_figures": rules.attempt_figures,
}

# Morris (2008), Table 5: five training studies from Carlson and Schmidt (1999), trained then comparison group
# (the evidence brief, item 11). The pre-post correlations are those of metafor's worked analysis of the paper.
MORRIS = {
    "pre_t": [30.6, 23.5, 0.5, 53.4, 35.6],
    "post_t": [38.5, 26.8, 0.7, 75.9, 36.0],
    "sd_t": [15.0, 3.1, 0.1, 14.5, 4.7],
    "n_t": [20, 50, 9, 10, 14],
    "pre_c": [23.1, 24.9, 0.6, 55.7, 34.8],
    "post_c": [19.7, 25.3, 0.6, 60.7, 33.4],
    "sd_c": [13.8, 4.1, 0.2, 17.3, 3.1],
    "n_c": [20, 42, 9, 11, 14],
    "r": [0.47, 0.64, 0.77, 0.89, 0.44],
}


def morris_groups(i):
    """Study ``i`` (0 to 4) of Morris's Table 5 as (trained, comparison, r); post SDs are not needed for d_ppc2 and
    are set equal to the pre-test SDs."""
    m = MORRIS
    trained = {"n": m["n_t"][i], "pre_mean": m["pre_t"][i], "pre_sd": m["sd_t"][i], "post_mean": m["post_t"][i]}
    comparison = {"n": m["n_c"][i], "pre_mean": m["pre_c"][i], "pre_sd": m["sd_c"][i], "post_mean": m["post_c"][i]}
    trained["post_sd"], comparison["post_sd"] = m["sd_t"][i], m["sd_c"][i]
    return trained, comparison, m["r"][i]


def example_plan(instrument):
    ex = instrument["example"]
    return {
        "design": "comparison" if ex["comparison_group"] else "single",
        "trained": ex["trained"],
        "comparison": ex["comparison"],
        "r": ex["r"],
        "r_source": "assumed",
        "planning": ex["planning"],
        "value": ex["value"],
        "currency": instrument["currency"],
    }


def random_group(rng):
    sd = round(rng.uniform(0.5, 20), 1)
    pre = round(rng.uniform(-10, 90), 1)
    return {
        "n": rng.choice([3, 5, 12, 30, rng.randint(3, 400)]),
        "pre_mean": pre,
        "pre_sd": sd,
        "post_mean": round(pre + rng.uniform(-8, 12), 2),
        "post_sd": round(sd * rng.uniform(0.5, 2), 2),
    }


def random_scores(rng, rows, groups=("trained", "comparison"), sep=",", blank=False):
    lines = [sep.join(["group", "pre", "post"])]
    for n in range(rows):
        pre = round(rng.gauss(50, 10), rng.choice([0, 1, 2]))
        lines.append(sep.join([groups[n % len(groups)], str(pre), str(round(pre + rng.gauss(3, 6), 1))]))
        if blank and n % 7 == 0:
            lines.append("   ")
    return "\n".join(lines)


def _bad_groups(good):
    return [
        ("a group of one", {**good, "n": 1}),
        ("a group of two", {**good, "n": 2}),
        ("a size that is not whole", {**good, "n": 12.5}),
        ("a size typed as text", {**good, "n": "24"}),
        ("a size of true", {**good, "n": True}),
        ("a pre-test SD of zero", {**good, "pre_sd": 0}),
        ("a negative pre-test SD", {**good, "pre_sd": -3}),
        ("a post-test SD of zero", {**good, "post_sd": 0}),
        ("a missing pre-test mean", {k: v for k, v in good.items() if k != "pre_mean"}),
        ("a post-test mean of null", {**good, "post_mean": None}),
        ("a mean typed as text", {**good, "post_mean": "66,9"}),
        ("a huge mean", {**good, "pre_mean": 1e12}),
    ]


def inputs():
    instrument = load(INSTRUMENT)
    ex = instrument["example"]
    t, c = ex["trained"], ex["comparison"]
    cases = []
    for i in range(5):
        trained, comparison, r = morris_groups(i)
        cases.append(
            {
                "name": f"Morris Table 5 study {i + 1}",
                "call": "effect_with_comparison",
                "args": [trained, comparison, r],
            }
        )
        cases.append(
            {"name": f"Morris study {i + 1}, trained alone", "call": "effect_single_group", "args": [trained, r]}
        )
    plan = example_plan(instrument)
    cases.append({"name": "the worked example", "call": "evaluate", "args": [plan]})
    cases.append(
        {"name": "the worked example, trained group only", "call": "evaluate", "args": [{**plan, "design": "single"}]}
    )
    cases.append(
        {
            "name": "the worked example, no planning or value",
            "call": "evaluate",
            "args": [{**plan, "planning": None, "value": None}],
        }
    )
    cases.append(
        {
            "name": "a clear effect",
            "call": "evaluate",
            "args": [{**plan, "trained": {**t, "n": 120, "post_mean": 70.1}, "comparison": {**c, "n": 118}}],
        }
    )
    cases.append(
        {
            "name": "a clear fall",
            "call": "evaluate",
            "args": [{**plan, "trained": {**t, "n": 200, "post_mean": 58.0}, "comparison": {**c, "n": 190}}],
        }
    )
    cases.append(
        {
            "name": "no change at all",
            "call": "evaluate",
            "args": [
                {**plan, "trained": {**t, "post_mean": t["pre_mean"]}, "comparison": {**c, "post_mean": c["pre_mean"]}}
            ],
        }
    )
    cases.append(
        {
            "name": "scores spread out after training",
            "call": "evaluate",
            "args": [{**plan, "trained": {**t, "post_sd": 19.5}}],
        }
    )
    cases.append(
        {"name": "a computed correlation", "call": "evaluate", "args": [{**plan, "r": 0.73, "r_source": "computed"}]}
    )
    cases.append({"name": "a negative correlation", "call": "evaluate", "args": [{**plan, "r": -0.4}]})
    rng = random.Random(20261201)
    for n in range(30):
        design = "comparison" if n % 4 else "single"
        r = rng.choice([0.5, round(rng.uniform(-0.9, 0.95), 2)])
        value = dict(ex["value"], workforce=100000) if n % 3 == 0 else None
        planning = {"hoped_d": rng.choice([0.2, 0.3, round(rng.uniform(0.05, 2), 2)]), "cohorts": rng.randint(2, 8)}
        p = {
            "design": design,
            "trained": random_group(rng),
            "comparison": random_group(rng),
            "r": r,
            "r_source": "assumed",
            "planning": planning if n % 2 else None,
            "value": value,
            "currency": "$",
        }
        cases.append({"name": f"random design {n + 1}", "call": "evaluate", "args": [p]})
    for d in (0.01, 0.05, 0.2, 0.3, 0.5, 0.82, 1.5, -0.4, 5):
        for design in ("post_only", "pre_post", "single", "staggered"):
            cohorts = 2 + int(abs(d) * 10) % 6
            cases.append(
                {
                    "name": f"people needed, {design}, d = {d}",
                    "call": "people_needed",
                    "args": [d, 0.5 if d > 0.3 else 0.8, design, cohorts],
                }
            )
    cases.append({"name": "the example's plan", "call": "plan", "args": [0.3, 0.5, 4]})
    cases.append({"name": "a plan with two cohorts", "call": "plan", "args": [0.25, 0.6, 2]})
    cases.append({"name": "the example's value", "call": "utility", "args": [ex["value"], 0.4, -0.19, 46, "£"]})
    cases.append({"name": "value of a negative effect", "call": "utility", "args": [ex["value"], -0.3, -0.9, 46, "€"]})
    # Raw scores: shapes a reader pastes, and what the rules make of them.
    cases.append(
        {"name": "scores, both groups", "call": "summarise_scores", "args": [random_scores(rng, 40), "comparison"]}
    )
    cases.append(
        {
            "name": "scores with blank lines and Windows line ends",
            "call": "summarise_scores",
            "args": [random_scores(rng, 30, blank=True).replace("\n", "\r\n") + "\n\n", "comparison"],
        }
    )
    cases.append(
        {
            "name": "scores from a spreadsheet (tabs)",
            "call": "summarise_scores",
            "args": [random_scores(rng, 25, sep="\t"), "comparison"],
        }
    )
    cases.append(
        {
            "name": "scores with columns in another order and capitals",
            "call": "summarise_scores",
            "args": [
                "\ufeffPost, Group ,PRE\n61,Trained,55\n70,trained,60\n58,TRAINED,57\n52,comparison,50\n"
                "49,Comparison,51\n60,comparison,55\n",
                "comparison",
            ],
        }
    )
    cases.append(
        {
            "name": "scores in quotes",
            "call": "summarise_scores",
            "args": ['"group","pre","post"\n"trained","1","2"\n"trained","2","5"\n"trained","4","4"', "single"],
        }
    )
    cases.append(
        {"name": "five thousand rows", "call": "summarise_scores", "args": [random_scores(rng, 5000), "comparison"]}
    )
    cases.append(
        {
            "name": "trained only, comparison rows ignored",
            "call": "summarise_scores",
            "args": [random_scores(rng, 12), "single"],
        }
    )
    bad_scores = [
        ("no scores", "  \n \n"),
        ("a header with wrong columns", "name,before,after\nA,1,2"),
        ("a header with a fourth column", "group,pre,post,notes\ntrained,1,2,x"),
        ("a line with two values", "group,pre,post\ntrained,1,2\ntrained,3"),
        ("an unknown group", "group,pre,post\ntrained,1,2\ncontrol,3,4"),
        ("text in a score", "group,pre,post\ntrained,1,2\ntrained,n/a,4"),
        ("a score with a comma decimal", "group\tpre\tpost\ntrained\t1,5\t2"),
        ("an infinite score", "group,pre,post\ntrained,1,1e400"),
        ("a comparison group too small", "group,pre,post\ntrained,1,2\ntrained,2,4\ntrained,3,3\ncomparison,1,1"),
        ("no spread in the pre-test", "group,pre,post\ntrained,5,2\ntrained,5,4\ntrained,5,3"),
        ("perfectly correlated scores", "group,pre,post\ntrained,1,3\ntrained,2,4\ntrained,5,7"),
    ]
    for name, text in bad_scores:
        design = "comparison" if "comparison" in name else "single"
        cases.append({"name": f"refuses {name}", "call": "summarise_scores", "args": [text, design]})
    for name, group in _bad_groups(t):
        cases.append({"name": f"refuses {name}", "call": "evaluate", "args": [{**plan, "trained": group}]})
        cases.append(
            {"name": f"refuses {name} (comparison group)", "call": "evaluate", "args": [{**plan, "comparison": group}]}
        )
    for name, r in (("r of 1", 1), ("r of -1", -1), ("r above 1", 1.2), ("r as text", "0.5"), ("no r", None)):
        cases.append({"name": f"refuses {name}", "call": "evaluate", "args": [{**plan, "r": r}]})
    value = ex["value"]
    bad_values = [
        ("more trained than the workforce", {**value, "people": 60}),
        ("groups larger than the workforce", {**value, "workforce": 40, "people": 40}),
        ("years the wrong way round", {**value, "years_low": 4}),
        ("SDy the wrong way round", {**value, "sdy_low": 20000}),
        ("zero years", {**value, "years_low": 0}),
        ("a negative cost", {**value, "cost_per_person": -5}),
        ("a workforce that is not whole", {**value, "workforce": 52.5}),
    ]
    for name, v in bad_values:
        cases.append({"name": f"refuses {name}", "call": "evaluate", "args": [{**plan, "value": v}]})
    for name, p in (("an unknown design", {**plan, "design": "both"}), ("a plan that is a list", [plan])):
        cases.append({"name": f"refuses {name}", "call": "evaluate", "args": [p]})
    for name, args in (
        ("a hoped-for effect of zero", [0, 0.5, 4]),
        ("one cohort", [0.3, 0.5, 1]),
        ("cohorts that are not whole", [0.3, 0.5, 2.5]),
    ):
        cases.append({"name": f"plan refuses {name}", "call": "plan", "args": args})
    cases.append({"name": "people needed refuses an unknown design", "call": "people_needed", "args": [0.3, 0.5, "x"]})

    # The figure an attempt is compared by, from what the page holds as typed: summaries (with "1,800"-style and
    # "\u2212" numbers), the single design, pasted scores, and entries the page would flag.
    def typed(group):
        return {k: str(v) for k, v in group.items()}

    page = {
        "design": "comparison",
        "source": "summaries",
        "r": "",
        "scores": "",
        "hoped_d": "",
        "cohorts": "",
        "currency": "",
        "trained": typed(t),
        "comparison": typed(c),
    }
    worth = {
        "workforce": "1,000",
        "people": "46",
        "years_low": "1",
        "years_high": "3",
        "sdy_low": "£8,000",
        "sdy_high": "12000",
        "cost_per_person": "1500",
    }
    scores = "group,pre,post\n" + "\n".join(
        f"{name},{pre},{post}"
        for name, rows in (
            ("trained", ((50, 58), (55, 61), (60, 63), (52, 60))),
            ("comparison", ((51, 52), (56, 57), (58, 60), (54, 53))),
        )
        for pre, post in rows
    )
    for name, answers in [
        ("the example as typed", page),
        ("r typed", dict(page, r="0.7")),
        ("the single design", dict(page, design="single", comparison=dict.fromkeys(t, ""))),
        ("numbers with commas and signs", dict(page, trained=dict(typed(t), n="1,200", pre_mean="\u22121.5"))),
        ("pasted scores", dict(page, source="scores", scores=scores)),
        ("pasted scores with a bad line", dict(page, source="scores", scores=scores + "\ntrained,x,3")),
        ("a field left blank", dict(page, trained=dict(typed(t), pre_sd=""))),
        ("a word for a number", dict(page, trained=dict(typed(t), n="twenty"))),
        ("nothing typed", dict(page, trained=dict.fromkeys(t, ""), comparison=dict.fromkeys(t, ""))),
        ("an unknown design, read as the page reads it", dict(page, design="other")),
        ("planning typed", dict(page, hoped_d="0.3", cohorts="4")),
        ("a planning figure the page would flag", dict(page, hoped_d="0.3", cohorts="one")),
        ("value typed", dict(page, **worth)),
        ("value with a range the wrong way round", dict(page, **dict(worth, years_low="5"))),
        ("value with more people trained than the workforce", dict(page, **dict(worth, workforce="20"))),
        ("value with a field left blank", dict(page, **dict(worth, cost_per_person=""))),
    ]:
        cases.append({"name": f"attempt figures, {name}", "call": "attempt_figures", "args": [answers]})
    return cases
