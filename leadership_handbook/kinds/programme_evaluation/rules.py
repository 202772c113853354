"""The rules of "Did our programme work?" (``kind: programme_evaluation``): effect sizes, their intervals, the
verdict, the numbers a design needs, and what an effect is worth.

* With a comparison group, the effect is Morris's (2008) d_ppc2: ``c_p * ((post_T - pre_T) - (post_C - pre_C)) /
  SD_pre``, with ``SD_pre = sqrt(((n_T - 1) sd_T^2 + (n_C - 1) sd_C^2) / (n_T + n_C - 2))`` the pooled pre-test
  SD and ``c_p = 1 - 3 / (4 (n_T + n_C - 2) - 1)``. Its variance is Morris's equation 25 with d in place of the
  true effect: ``2 c_p^2 (1 - r) k m (1 + d^2 / (2 (1 - r) k)) - d^2``, ``k = (n_T + n_C) / (n_T n_C)``,
  ``m = (n_T + n_C - 2) / (n_T + n_C - 4)``.
* With the trained group alone, the effect is its change over its pre-test SD, bias-corrected with
  ``c = 1 - 3 / (4 (n - 1) - 1)``, and its variance the large-sample one, ``2 (1 - r) / n + d^2 / (2 n)``
  (Becker 1988, as metafor's ``escalc(measure="SMCR")`` computes it). It overstates a programme's effect
  (Carlson and Schmidt 1999).
* The 95% interval is ``d +/- z * sqrt(variance)``; the verdict reads the interval as shown (rounded), so an
  interval that shows 0.00 at one end includes zero.
* The people a design needs for a two-sided test at 5% with 80% power (normal approximation): ``n = z^2 v / d^2``
  rounded up, ``z = z_alpha + z_beta`` and ``v`` the design's variance times its group size.
* Utility (this handbook's range over the reader's plausible values): ``N * T * d * SDy - N * C``.

Everything is computed unrounded and rounded once, at the end (``round2``). ``rules.js`` holds the same rules
for the page; the shared cases (``cases.json``) hold the two equal. Bad input raises
:class:`~leadership_handbook.core.errors.InputError` naming the group (or line) and the field.
"""

from __future__ import annotations

import math
import re

from leadership_handbook.core.errors import InputError, check_number, check_whole_number
from leadership_handbook.core.formatting import money, number2
from leadership_handbook.core.rounding import round2, round_to

__all__ = [
    "GROUP_FIELDS",
    "bias_correction",
    "check_group",
    "check_r",
    "effect_with_comparison",
    "effect_single_group",
    "people_needed",
    "plan",
    "utility",
    "summarise_scores",
    "evaluate",
    "fill",
    "attempt_figures",
]

SOURCE = "Your evaluation"
GROUP_FIELDS = ("n", "pre_mean", "pre_sd", "post_mean", "post_sd")
VALUE_FIELDS = ("workforce", "people", "years_low", "years_high", "sdy_low", "sdy_high", "cost_per_person")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _sum(values) -> float:
    """Left to right, as JavaScript adds (Python 3.12's sum() compensates, which JavaScript does not)."""
    total = 0.0
    for value in values:
        total += value
    return total


def fill(template: str, values) -> str:
    """A sentence from ``words``: each ``{name}`` replaced by ``values[name]``, in one pass."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), template)


def bias_correction(df) -> float:
    """The small-sample correction ``1 - 3 / (4 df - 1)``."""
    return 1 - 3 / (4 * df - 1)


def check_group(instrument, group, name) -> dict:
    """A group's summaries checked: n a whole number of at least limits.min_group_size, means numbers, SDs above 0."""
    limits = instrument["limits"]
    if not isinstance(group, dict):
        raise InputError(
            "it is not a set of figures", source=SOURCE, item_id=name, field="group", allowed="n, means, SDs"
        )
    top = limits["max_abs_score"]
    out = {
        "n": check_whole_number(
            group.get("n"),
            field="n",
            item_id=name,
            source=SOURCE,
            minimum=limits["min_group_size"],
            maximum=limits["max_group_size"],
        )
    }
    for field in GROUP_FIELDS[1:]:
        sd = field.endswith("_sd")
        out[field] = check_number(
            group.get(field),
            field=field,
            item_id=name,
            source=SOURCE,
            minimum=0 if sd else -top,
            maximum=top,
            exclusive_minimum=sd,
        )
    return out


def check_r(instrument, r) -> float:
    """A pre-post correlation strictly between -1 and 1."""
    edge = instrument["limits"]["r_open"]
    value = check_number(r, field="r", source=SOURCE, allowed="a number between -1 and 1")
    if not -edge < value < edge:
        raise InputError(f"{value:g} is out of range", source=SOURCE, field="r", allowed="a number between -1 and 1")
    return value


def _interval(instrument, d, variance) -> dict:
    se = math.sqrt(variance)
    z = instrument["z_interval"]
    return {"d": d, "variance": variance, "se": se, "low": d - z * se, "high": d + z * se}


def effect_with_comparison(instrument, trained, comparison, r) -> dict:
    """Morris's d_ppc2 and its approximate 95% interval (unrounded), with the figures it is made of."""
    t, c = check_group(instrument, trained, "trained"), check_group(instrument, comparison, "comparison")
    r = check_r(instrument, r)
    nt, nc = t["n"], c["n"]
    df = nt + nc - 2
    sd_pooled = math.sqrt(((nt - 1) * t["pre_sd"] * t["pre_sd"] + (nc - 1) * c["pre_sd"] * c["pre_sd"]) / df)
    change_t, change_c = t["post_mean"] - t["pre_mean"], c["post_mean"] - c["pre_mean"]
    cp = bias_correction(df)
    d = cp * (change_t - change_c) / sd_pooled
    total = nt + nc
    k = total / (nt * nc)
    variance = 2 * cp * cp * (1 - r) * k * ((total - 2) / (total - 4)) * (1 + d * d / (2 * (1 - r) * k)) - d * d
    out = _interval(instrument, d, variance)
    out.update({"sd_pooled": sd_pooled, "c_p": cp, "change_trained": change_t, "change_comparison": change_c})
    return out


def effect_single_group(instrument, group, r, name="trained") -> dict:
    """One group's bias-corrected change over its pre-test SD and its approximate 95% interval (unrounded)."""
    g = check_group(instrument, group, name)
    r = check_r(instrument, r)
    n = g["n"]
    cp = bias_correction(n - 1)
    d = cp * (g["post_mean"] - g["pre_mean"]) / g["pre_sd"]
    out = _interval(instrument, d, 2 * (1 - r) / n + d * d / (2 * n))
    out.update({"c_p": cp, "change": g["post_mean"] - g["pre_mean"]})
    return out


def people_needed(instrument, d, r, design, cohorts=2):
    """People per group (per cohort for ``staggered``) to detect ``d`` with the instrument's power, or ``None``
    for an effect below limits.min_plan_d. Designs: post_only, pre_post, single, staggered."""
    limits, power = instrument["limits"], instrument["power"]
    d = abs(check_number(d, field="d", source=SOURCE, maximum=limits["max_plan_d"], minimum=-limits["max_plan_d"]))
    r = check_r(instrument, r)
    if d < limits["min_plan_d"]:
        return None
    z = power["z_alpha"] + power["z_beta"]
    spread = {
        "post_only": lambda: 2 + d * d / 4,
        "pre_post": lambda: 4 * (1 - r) + d * d / 4,
        "single": lambda: 2 * (1 - r) + d * d / 2,
        "staggered": lambda: 2 * (1 - r) * cohorts / (cohorts - 1) + d * d / (2 * cohorts),
    }
    if design not in spread:
        raise InputError(f"{design!r} is not a design", source=SOURCE, field="design", allowed=", ".join(spread))
    if design == "staggered":
        cohorts = check_whole_number(cohorts, field="cohorts", source=SOURCE, minimum=2, maximum=limits["max_cohorts"])
    return math.ceil(z * z * spread[design]() / (d * d))


def plan(instrument, hoped_d, r, cohorts) -> list[dict]:
    """Planning rows: the hoped-for effect, then the meta-analytic ones for context, each with the people every
    design needs: ``[{"id", "label", "d", "post_only", "pre_post", "staggered", "staggered_total"}]``."""
    limits, words = instrument["limits"], instrument["words"]
    hoped = check_number(
        hoped_d, field="hoped_d", source=SOURCE, minimum=limits["min_plan_d"], maximum=limits["max_plan_d"]
    )
    cohorts = check_whole_number(cohorts, field="cohorts", source=SOURCE, minimum=2, maximum=limits["max_cohorts"])
    effects = [("hoped", fill(words["plan_hoped"], {"d": number2(hoped)}), hoped)]
    effects += [(e["id"], e["label"], e["d"]) for e in instrument["context_effects"]]
    rows = []
    for key, label, d in effects:
        row = {"id": key, "label": label, "d": d}
        for design in ("post_only", "pre_post", "staggered"):
            row[design] = people_needed(instrument, d, r, design, cohorts)
        row["staggered_total"] = row["staggered"] * cohorts
        row["cohorts"] = cohorts
        rows.append(row)
    return rows


def _check_value(instrument, value, groups) -> dict:
    limits, out = instrument["limits"], {}
    if not isinstance(value, dict):
        raise InputError("it is not a set of figures", source=SOURCE, field="value", allowed="the value inputs")
    for field in ("workforce", "people"):
        out[field] = check_whole_number(
            value.get(field), field=field, source=SOURCE, minimum=1, maximum=limits["max_group_size"]
        )
    for field in ("years_low", "years_high"):
        out[field] = check_number(
            value.get(field), field=field, source=SOURCE, minimum=0, maximum=limits["max_years"], exclusive_minimum=True
        )
    for field in ("sdy_low", "sdy_high", "cost_per_person"):
        out[field] = check_number(value.get(field), field=field, source=SOURCE, minimum=0, maximum=limits["max_money"])
    for low, high in (("years_low", "years_high"), ("sdy_low", "sdy_high")):
        if out[low] > out[high]:
            raise InputError("the low value is above the high one", source=SOURCE, field=low, allowed=f"at most {high}")
    if out["people"] > out["workforce"]:
        raise InputError(
            "more people trained than the workforce", source=SOURCE, field="people", allowed="at most the workforce"
        )
    if groups > out["workforce"]:
        raise InputError(
            "the groups are larger than the workforce", source=SOURCE, field="workforce", allowed="at least the groups"
        )
    return out


def utility(instrument, value, d, d_low, groups=0, currency=None) -> dict:
    """Net value ``N * T * d * SDy - N * C`` over the reader's low and high durations and SDy (rounded): its range
    at ``d`` and at the interval's low end ``d_low``, and the gross value at the middle of the ranges."""
    v = _check_value(instrument, value, groups)
    people, cost = v["people"], v["cost_per_person"]

    def net(years, sdy, effect):
        return people * years * effect * sdy - people * cost

    def whole(x):  # whole currency units: a range this rough has no pence
        return round_to(x, 0)

    def span(effect):
        values = [net(t, s, effect) for t in (v["years_low"], v["years_high"]) for s in (v["sdy_low"], v["sdy_high"])]
        return whole(min(values)), whole(max(values))

    low, high = span(d)
    low_d = span(d_low)
    mid_years, mid_sdy = (v["years_low"] + v["years_high"]) / 2, (v["sdy_low"] + v["sdy_high"]) / 2
    return {
        **v,
        "currency": currency or instrument["currency"],
        "d": round2(d),
        "d_low": round2(d_low),
        "net_low": low,
        "net_high": high,
        "low_d_net_low": low_d[0],
        "low_d_net_high": low_d[1],
        "gross_mid": whole(people * mid_years * d * mid_sdy),
        "total_cost": whole(people * cost),
    }


def _cells(line):
    return [cell.strip().strip('"').strip() for cell in line.split("\t" if "\t" in line and "," not in line else ",")]


def summarise_scores(instrument, text, design) -> dict:
    """Raw scores (lines of ``group,pre,post`` after a header line naming those columns, in any order; blank lines
    skipped) as the summaries the rules take: ``{"trained", "comparison" (None for the single design), "r"}``,
    with r the pre-post correlation pooled within the groups (unrounded)."""
    words, limits = instrument["words"]["form"], instrument["limits"]
    if not isinstance(text, str):
        raise InputError("the scores are not text", source=SOURCE, field="scores", allowed="lines of group,pre,post")
    lines = [(n, line) for n, line in enumerate(text.replace("\ufeff", "").split("\n"), start=1) if line.strip()]
    if not lines:
        raise InputError(words["no_scores"], source=SOURCE, field="scores", allowed="lines of group,pre,post")
    head = [cell.lower() for cell in _cells(lines[0][1].strip())]
    if sorted(head) != ["group", "post", "pre"]:
        raise InputError(
            fill(words["header"], {"found": ", ".join(head)}), source=SOURCE, item_id="line 1", field="header"
        )
    if len(lines) - 1 > limits["max_rows"]:
        raise InputError(
            fill(words["too_many_rows"], {"count": len(lines) - 1, "maximum": int(limits["max_rows"])}),
            source=SOURCE,
            field="scores",
        )
    names = {name.lower(): key for key in ("trained", "comparison") for name in instrument["groups"][key]}
    scores = {"trained": ([], []), "comparison": ([], [])}
    at = {name: head.index(name) for name in ("group", "pre", "post")}
    for number, line in lines[1:]:
        cells = _cells(line.strip())
        where = f"line {number}"
        if len(cells) != 3:
            raise InputError(
                fill(words["row_cells"], {"line": number, "count": len(cells)}),
                source=SOURCE,
                item_id=where,
                field="row",
            )
        group = names.get(cells[at["group"]].lower())
        if group is None:
            typed = "“" + cells[at["group"]] + "”"
            raise InputError(
                fill(words["row_group"], {"line": number, "typed": typed}), source=SOURCE, item_id=where, field="group"
            )
        for column, target in (("pre", scores[group][0]), ("post", scores[group][1])):
            cell = cells[at[column]]
            value = float(cell) if NUMBER.match(cell) else math.nan
            if not math.isfinite(value) or abs(value) > limits["max_abs_score"]:
                typed = "“" + cell + "”"
                raise InputError(
                    fill(words["row_number"], {"line": number, "column": column, "typed": typed}),
                    source=SOURCE,
                    item_id=where,
                    field=column,
                )
            target.append(value)
    used = ["trained", "comparison"] if design == "comparison" else ["trained"]
    out, sxy, sxx, syy = {"trained": None, "comparison": None}, 0.0, 0.0, 0.0
    for group in used:
        pre, post = scores[group]
        n = len(pre)
        if n < limits["min_group_size"]:
            raise InputError(
                fill(words["group_size"], {"group": group, "count": n, "minimum": int(limits["min_group_size"])}),
                source=SOURCE,
                item_id=group,
                field="n",
            )
        mean_pre, mean_post = _sum(pre) / n, _sum(post) / n
        gxx = gyy = gxy = 0.0
        for x, y in zip(pre, post):
            gxx += (x - mean_pre) * (x - mean_pre)
            gyy += (y - mean_post) * (y - mean_post)
            gxy += (x - mean_pre) * (y - mean_post)
        for column, spread in (("pre", gxx), ("post", gyy)):
            if spread == 0:
                raise InputError(
                    fill(words["no_spread"], {"group": group, "column": column}),
                    source=SOURCE,
                    item_id=group,
                    field=column + "_sd",
                )
        sxx, syy, sxy = sxx + gxx, syy + gyy, sxy + gxy
        out[group] = {
            "n": n,
            "pre_mean": mean_pre,
            "pre_sd": math.sqrt(gxx / (n - 1)),
            "post_mean": mean_post,
            "post_sd": math.sqrt(gyy / (n - 1)),
        }
    r = sxy / math.sqrt(sxx * syy)
    if not -instrument["limits"]["r_open"] < r < instrument["limits"]["r_open"]:
        raise InputError(
            words["perfect_r"], source=SOURCE, field="r", allowed="scores that are not perfectly correlated"
        )
    out["r"] = r
    return out


def _rounded(effect) -> dict:
    return {key: round2(effect[key]) for key in ("d", "se", "low", "high")}


def _verdict(shown) -> str:
    return "above" if shown["low"] > 0 else "below" if shown["high"] < 0 else "includes_zero"


def evaluate(instrument, plan_) -> dict:
    """The whole evaluation of a plan ``{"design", "trained", "comparison", "r", "r_source" ("assumed" or
    "computed"), "planning" ({"hoped_d", "cohorts"} or None), "value" (the value inputs or None), "currency"}``,
    rounded once at the end, with its sentences ``[{"id", "text"}]``."""
    words, power = instrument["words"], instrument["power"]
    if not isinstance(plan_, dict):
        raise InputError("it is not a plan", source=SOURCE, field="plan", allowed="the evaluation's inputs")
    design = plan_.get("design")
    if design not in ("comparison", "single"):
        raise InputError(f"{design!r} is not a design", source=SOURCE, field="design", allowed="comparison or single")
    r = check_r(instrument, plan_.get("r"))
    trained = check_group(instrument, plan_.get("trained"), "trained")
    alone = effect_single_group(instrument, trained, r)
    if design == "comparison":
        comparison = check_group(instrument, plan_.get("comparison"), "comparison")
        effect = effect_with_comparison(instrument, trained, comparison, r)
        groups = [("trained", trained), ("comparison", comparison)]
    else:
        comparison, effect, groups = None, alone, [("trained", trained)]
    shown, alone_shown = _rounded(effect), _rounded(alone)
    verdict = _verdict(shown)
    figures = {"d": number2(shown["d"]), "low": number2(shown["low"]), "high": number2(shown["high"])}
    sentences = [(verdict if design == "comparison" else "single_" + verdict, figures)]
    source = "r_computed" if plan_.get("r_source") == "computed" else "r_assumed"
    sentences.append((source, {"r": number2(r)}))
    if design == "comparison":
        sentences.append(("trained_alone", {"d": number2(alone_shown["d"])}))
    else:
        sentences.append(("overstates", {}))
    top = instrument["limits"]["max_plan_d"]
    needed = people_needed(instrument, max(-top, min(top, effect["d"])), r, "pre_post" if comparison else "single")
    sayings = {"d": number2(shown["d"]), "n": needed, "power": power["power_pct"], "alpha": power["alpha_pct"]}
    if needed is None:
        sentences.append(("needed_tiny", sayings))
    else:
        sentences.append(("needed" if comparison else "needed_single", sayings))
    ratio = trained["post_sd"] / trained["pre_sd"]
    if ratio > instrument["limits"]["spread_ratio"] or ratio < 1 / instrument["limits"]["spread_ratio"]:
        sentences.append(("spread", {"pre_sd": number2(trained["pre_sd"]), "post_sd": number2(trained["post_sd"])}))
    report = {
        "design": design,
        "r": round2(r),
        "r_source": "computed" if source == "r_computed" else "assumed",
        "groups": [
            {
                "group": name,
                "n": g["n"],
                **{k: round2(g[k]) for k in GROUP_FIELDS[1:]},
                "change": round2(g["post_mean"] - g["pre_mean"]),
            }
            for name, g in groups
        ],
        "effect": shown,
        "trained_alone": alone_shown,
        "verdict": verdict,
        "needed": needed,
        "sd_pooled": round2(effect["sd_pooled"]) if design == "comparison" else round2(trained["pre_sd"]),
        "planning": None,
        "value": None,
    }
    planning = plan_.get("planning")
    if planning is not None:
        report["planning"] = plan(instrument, planning.get("hoped_d"), r, planning.get("cohorts"))
    value = plan_.get("value")
    if value is not None:
        currency = plan_.get("currency") or instrument["currency"]
        size = trained["n"] + (comparison["n"] if comparison else 0)
        worth = utility(instrument, value, effect["d"], effect["low"], size, currency)
        report["value"] = worth
        sentences += _value_sentences(instrument, worth, design)
    report["sentences"] = [{"id": key, "text": fill(words[key], values)} for key, values in sentences]
    return report


def _value_sentences(instrument, worth, design):
    cur = worth["currency"]
    out = [
        (
            "value_range",
            {"low": money(worth["net_low"], cur), "high": money(worth["net_high"], cur), "d": number2(worth["d"])},
        ),
        (
            "value_low_d",
            {
                "d": number2(worth["d_low"]),
                "low": money(worth["low_d_net_low"], cur),
                "high": money(worth["low_d_net_high"], cur),
            },
        ),
        ("value_roi", {"benefit": money(worth["gross_mid"], cur)}),
    ]
    if design == "single":
        out.append(("value_no_comparison", {}))
    return out


def _typed_number(typed):
    """A number as the page reads one a reader typed ("1,800", "£40", "\u22120.2"); NaN when it is not one."""
    text = re.sub("^\u2212", "-", re.sub(r"^[£$€]\s*", "", str("" if typed is None else typed).strip()))
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", text):
        text = text.replace(",", "")
    if not NUMBER.match(text):
        return math.nan
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value  # JavaScript has one number type


def _blank(typed) -> bool:
    return typed is None or str(typed).strip() == ""


def attempt_figures(instrument, answers) -> list[dict]:
    """The figure an attempt is compared by (``core/attempts.js``): the effect d with its 95% interval (``low``,
    ``high``), from what the page holds as typed, read as the page's own ``check`` reads it (rules.js): the plan it
    would evaluate, planning and value included. An entry the page would flag leaves the three ``None``, as the
    page then shows no results. A change of 0.1 in d is worth a sentence."""
    design = "single" if answers.get("design") == "single" else "comparison"
    plan_ = {"design": design, "r": instrument["default_r"], "r_source": "assumed", "planning": None, "value": None}
    pasted = answers.get("source") == "scores"
    try:
        if not _blank(answers.get("r")) and not pasted:
            plan_["r"] = _typed_number(answers["r"])
        if pasted:
            plan_.update(summarise_scores(instrument, answers.get("scores"), design), r_source="computed")
        else:
            for group in ("trained",) if design == "single" else ("trained", "comparison"):
                typed = answers.get(group) or {}
                plan_[group] = {f: _typed_number(typed.get(f)) for f in GROUP_FIELDS}
        if not all(_blank(answers.get(f)) for f in ("hoped_d", "cohorts")):
            plan_["planning"] = {f: _typed_number(answers.get(f)) for f in ("hoped_d", "cohorts")}
        if not all(_blank(answers.get(f)) for f in VALUE_FIELDS):
            plan_["value"] = {f: _typed_number(answers.get(f)) for f in VALUE_FIELDS}
        effect = evaluate(instrument, plan_)["effect"]
    except InputError:
        effect = {"d": None, "low": None, "high": None}
    return [
        {
            "id": "d",
            "label": "Effect (d)",
            "value": effect["d"],
            "low": effect["low"],
            "high": effect["high"],
            "unit": "d",
            "moved": 0.1,
        }
    ]
