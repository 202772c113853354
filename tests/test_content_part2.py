"""Part 2 chapters: a practical core for outcomes, each finding said once, and fictional names used in one chapter only.

Markdown-level checks (no build), so they run with the fast tests.
"""

import re

import pytest
import yaml
from conftest import ROOT
from sphinx_external_toc.parsing import parse_toc_yaml

BOOK = ROOT / "book"
PART2 = {
    "what-we-equip": BOOK / "what-we-equip-people-to-do.md",
    "intelligent-ld": BOOK / "intelligent-learning-and-development.md",
    "future-proof": BOOK / "future-proof-person.md",
    "people-who-develop-others": BOOK / "people-who-develop-others.md",
}
# Where the shared findings are stated in full (labels written by the Part 1/3 chapters' owner).
OPEN_SKILLS_HOME = BOOK / "why-programmes-fall-short.md"

# Capitalised words that start sentences or name kinds of organisation, not anyone in particular.
NOT_A_NAME = set(
    """A About Across After All Also An And Any As At Before Both But By Each Every Everyone Everything Example
    Examples Fictional For From Her Here His How If Illustrative Imagine In Invented It Its None Neither Note Numbers
    Of On Our Part She So Some That The Their There These They This Those To We What When Where Which While Who With
    Worked Year Years Association Associates Bank Borough Buses Company Council County District Distribution Foods
    Group Homes Hospital Hospitals Housing Insurance Learning Ltd Print Services Software Trust University Water
    Partners Health City Consultancy""".split()
)
NAME_RUN = re.compile(r"[A-Z][a-z]+(?:['’]s)?(?:(?:\s+(?:&\s+)?|\s*&\s*)[A-Z][a-z]+(?:['’]s)?)*")


def body(text):
    """The prose a reader sees, without front matter and Resources: a role's shown text kept, its target dropped."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = text.split("\n## Resources", 1)[0]
    text = re.sub(r"\{(?:term|doc|ref)\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)
    text = re.sub(r"\{term\}`([^`]*)`", r"\1", text)
    return re.sub(r"\{[a-z:-]+\}`[^`]*`", " ", text)


def sentences(text):
    return re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=#)|\n(?=```)", text)


def case_sections(text):
    """The '## ' sections that hold a worked case or example."""
    return [p for p in re.split(r"^## ", text, flags=re.M) if re.match(r"[^\n]*\bworked\b", p, re.I)]


def name_runs(text):
    """Runs of capitalised words, leading sentence words dropped: "Their manager, Amira Haddad" gives Amira Haddad."""
    runs = []
    for run in NAME_RUN.findall(text.replace("**", "")):
        words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[A-Z][a-z]+(?:['’]s)?", run)]
        while words and words[0] in NOT_A_NAME:
            words.pop(0)
        if words:
            runs.append(" ".join(words))
    return runs


def fictional_names(text):
    """The names a text labels fictional.

    Every capitalised name in a sentence or heading that says "fictional", and every name of two or more words in a
    worked case (where a person is often introduced after the label: "Their manager, Amira Haddad, ...").
    """
    names = {n for s in sentences(body(text)) if re.search(r"fictional", s, flags=re.I) for n in name_runs(s)}
    for case in case_sections(body(text)):
        names |= {n for n in name_runs(case.split("\n", 1)[-1]) if " " in n}
    return names


def name_tokens(names, corpus=""):
    """The distinctive words of the names: 'Tamsin Okafor' gives Tamsin and Okafor; 'Fenwick Water' gives Fenwick.

    A word the corpus also uses in lower case ("Three", "Over", "Engineers") is an ordinary word, not a name.
    """
    ordinary = set(re.findall(r"\b[a-z]+\b", corpus))
    words = {w for name in names for w in name.split() if w not in NOT_A_NAME and len(w) > 2}
    return {w for w in words if w.lower() not in ordinary}


def too_close(a, b):
    """Two name words a reader could confuse: one letter apart (Amara, Amira) or one stem (Harbourview, Harbourside)."""
    if min(len(a), len(b)) >= 7 and a[:7] == b[:7]:
        return True
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b)) <= 1


def labels(text):
    return set(re.findall(r"^\(([^)]+)\)=$", text, flags=re.M))


def name_collisions(texts):
    """(name word, chapter, other chapter) for every fictional name word of one chapter that another one also uses.

    A paragraph that links to the chapter holding the case ({ref} to one of its labels) may mention it by name.
    """
    corpus = "\n".join(body(t) for t in texts.values())
    tokens = {doc: name_tokens(fictional_names(text), corpus) for doc, text in texts.items()}
    found = []
    for doc, mine in tokens.items():
        targets = [re.escape(f"<{x}>`") + "|" + re.escape(f"`{x}`") for x in labels(texts[doc])]
        cross_refs = re.compile("|".join(targets) or "$^")
        for other, text in texts.items():
            if other == doc:
                continue
            own_text = "\n\n".join(p for p in re.split(r"\n\s*\n", text) if not cross_refs.search(p))
            used = set(re.findall(r"[A-Z][a-z]+", body(own_text)))
            found += [(t, doc, other) for t in sorted(mine & used)]
            found += [(t, doc, other) for t in sorted(mine) for u in sorted(tokens[other]) if too_close(t, u)]
    return found


def chapters():
    """Every chapter in the toc's numbered parts, by docname."""
    site_map = parse_toc_yaml(ROOT / "_toc.yml")
    found = {}
    for subtree in site_map[site_map.root.docname].subtrees:
        if subtree.caption and subtree.caption.startswith("Part"):
            found |= {doc: ROOT / f"{doc}.md" for doc in subtree.items}
    return found


def section(text, heading):
    """The text under a '## heading' up to the next '## '."""
    parts = re.split(r"^## ", text, flags=re.M)
    matches = [p for p in parts if p.startswith(heading)]
    assert matches, f"no '## {heading}' section"
    return matches[0]


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", body(text)) if p.strip()]


# The extractor itself, on planted texts, so the whole-book test cannot pass by finding nothing.


def test_the_extractor_finds_names_in_every_labelling_pattern():
    text = (
        "```{admonition} Worked example\nLarkfield Water is a **fictional** water company, and Tamsin Okafor a "
        "fictional team leader.\n```\n\nThe division, led by a fictional matron, Grace Oyelaran, met monthly. "
        "Kestrel Foods (fictional) runs a programme. Harrow & Vale Insurance, Fieldstone Learning and the people "
        "below are fictional.\n\n### Amara's results (fictional)\n\n## Worked case: one programme\n\nTheir "
        "manager, Amira Haddad, sees it as her job.\n"
    )
    names = fictional_names(text)
    assert {"Larkfield Water", "Tamsin Okafor", "Grace Oyelaran", "Kestrel Foods", "Amara", "Amira Haddad"} <= names
    assert {"Larkfield", "Tamsin", "Okafor", "Grace", "Oyelaran", "Harrow", "Vale", "Fieldstone"} <= name_tokens(names)


def test_a_planted_duplicate_is_caught_and_distinct_names_pass():
    first = "Tamsin Okafor is a fictional team leader at Larkfield Water, a fictional utility."
    assert name_collisions({"a": first, "b": "Tom Okafor, a fictional L&D lead, meets the board."}) != []
    assert name_collisions({"a": first, "b": "The planner's example is Larkfield District Council."}) != []
    assert name_collisions({"a": "Amara is a fictional team leader.", "b": "Amira, a fictional manager."}) != []
    assert name_collisions({"a": "Harbourview Homes is fictional.", "b": "Harbourside Foods is fictional."}) != []
    assert name_collisions({"a": first, "b": "Renata Morrow, a fictional team leader, runs a service desk."}) == []


def test_no_fictional_name_is_used_in_two_chapters():
    texts = {doc: path.read_text(encoding="utf-8") for doc, path in chapters().items()}
    assert sum(len(fictional_names(t)) for t in texts.values()) >= len(PART2), "the extractor found the cases"
    assert name_collisions(texts) == []


# What-we-equip has a practical core; the theory lives in one chapter.


def test_what_we_equip_teaches_how_to_write_capability_outcomes_with_examples():
    text = PART2["what-we-equip"].read_text(encoding="utf-8")
    core = section(text, "Writing capability outcomes")
    rows = [r for r in re.findall(r"^\|(.+)\|$", core, flags=re.M) if not set(r) <= set("|-: ")]
    weak_strong = [r for r in rows if "Weak" not in r]
    assert len(weak_strong) >= 5, "a before/after table of weak and strong outcomes for several roles"
    assert re.search(r"^\| Role \| Weak", core, flags=re.M)
    assert len(re.findall(r"^\d\. \*\*", core, flags=re.M)) >= 4, "a short, numbered method"
    assert len(re.findall(r"^- .+\?$", core, flags=re.M)) >= 4, "checking questions"


def test_the_learning_theory_is_explained_in_one_part_2_chapter_only():
    def cited(doc, key):
        return key in PART2[doc].read_text(encoding="utf-8").split("\n## Resources", 1)[0]

    for key in ("kolb1984experiential", "senge1990fifth", "argyris1974theory"):
        assert [doc for doc in PART2 if cited(doc, key)] == ["intelligent-ld"], key
    assert not cited("what-we-equip", "argyris1978organizational")
    assert [doc for doc in PART2 if "### Kolb" in PART2[doc].read_text(encoding="utf-8")] == ["intelligent-ld"]


# Each finding said once.


def open_skill_mentions(text):
    """Paragraphs that state Blume's contrast of open and closed skills (a role's shown text counts as text)."""
    paras = re.split(r"\n\s*\n", text.split("\n## Resources", 1)[0])
    return [p for p in paras if re.search(r"open[- ]skill", body(p), re.I) and re.search(r"closed", body(p), re.I)]


def test_blumes_open_skill_finding_is_stated_in_full_once_and_linked_from_elsewhere():
    texts = {doc: path.read_text(encoding="utf-8") for doc, path in chapters().items()}
    home = OPEN_SKILLS_HOME.relative_to(ROOT).with_suffix("").as_posix()
    assert open_skill_mentions(texts[home]), "its home states it"
    others = {doc: open_skill_mentions(text) for doc, text in texts.items() if doc != home}
    unlinked = [(doc, p[:80]) for doc, ps in others.items() for p in ps if "open-skills-evidence" not in p]
    assert unlinked == [], "a mention outside the home links to it"
    in_full = [doc for doc, ps in others.items() if any(re.search(r"89 |predictors|conscientious", p) for p in ps)]
    assert len(in_full) <= 1, in_full


def test_the_open_skill_check_sees_a_restatement_written_with_roles():
    planted = "Most predictors mattered more for {term}`open skills <open skills>` than for closed skills."
    assert open_skill_mentions(planted) and "open-skills-evidence" not in open_skill_mentions(planted)[0]


@pytest.mark.parametrize("doc", PART2, ids=str)
def test_part_2_chapters_link_to_the_salas_and_moderator_findings_instead_of_restating_them(doc):
    text = body(PART2[doc].read_text(encoding="utf-8"))
    assert "matters as much as the event itself" not in text
    assert "335 independent samples" not in text
    for p in re.split(r"\n\s*\n", PART2[doc].read_text(encoding="utf-8")):
        features = [f for f in ("needs analysis", "feedback", "practice", "spac", "on-site", "face-to-face") if f in p]
        assert len(features) < 4 or "{ref}`design-features-evidence`" in p, p[:120]


@pytest.mark.parametrize("doc", PART2, ids=str)
def test_part_2_chapters_open_with_learning_objectives_and_one_sentence_of_context(doc):
    text = PART2[doc].read_text(encoding="utf-8")
    before = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S).split("## Learning objectives", 1)[0]
    assert re.sub(r"^\(.+\)=$|^# .+$", "", before, flags=re.M).strip() == ""
    first_section = text.split("## Learning objectives", 1)[1].split("\n## ", 2)[1]
    first_paragraph = first_section.split("\n\n", 2)[1]
    assert len(re.findall(r"[.?!](?:\s|$)", first_paragraph.strip())) == 1, first_paragraph


# Sostrin's words as the source has them; the handbook's constructions labelled as ours.


def test_the_three_moves_and_their_techniques_are_marked_as_this_handbooks():
    text = body(PART2["intelligent-ld"].read_text(encoding="utf-8"))
    assert "Sostrin suggests teaching three moves" not in text
    assert "Sostrin's point is that the three moves" not in text
    moves = section(text, "Three moves instead of one skill")
    assert re.search(r"label is ours|this handbook's label", moves)
    assert moves.count("(this handbook's)") == 3, "each of the three techniques"


def test_kolb_is_cited_for_the_cycle_and_the_inventory_is_named_correctly():
    text = " ".join(body(PART2["intelligent-ld"].read_text(encoding="utf-8")).split())
    assert "later built on" not in text
    assert "Learning Style Inventory associated with the model" in text


# Cases that do not pre-decide the argument.

OUTCOME_CHANGE = re.compile(
    r"\b(?:fell|fallen|rose|risen|dropped|climbed|went (?:up|down)|rises|falls)\b[^.]{0,60}?\bfrom\b[^.]{0,40}?\d"
    r"|\bfrom (?:about )?(?:\d+|one in \w+)[^.]{0,40}? to (?:about )?(?:\d+|\w+ in \w+)",
)


@pytest.mark.parametrize("doc", PART2, ids=str)
def test_part_2_cases_report_no_outcome_numbers_without_a_comparison(doc):
    for p in paragraphs(PART2[doc].read_text(encoding="utf-8")):
        if OUTCOME_CHANGE.search(p):
            assert re.search(r"comparison", p, re.I), p[:160]


def test_the_outcome_check_catches_the_old_cases():
    assert OUTCOME_CHANGE.search("escalations have fallen from about 30 a month to about 18")
    assert OUTCOME_CHANGE.search("rises from about one in three in the first month to four in five")


def test_every_part_2_chapter_has_a_worked_case():
    assert all(case_sections(body(p.read_text(encoding="utf-8"))) for p in PART2.values())


def test_part_2_has_a_capacity_building_case_that_does_not_end_in_success():
    cases = [c for p in PART2.values() for c in case_sections(body(p.read_text(encoding="utf-8")))]
    assert any(re.search(r"proved nothing|could not tell|cannot say|inconclusive", c) for c in cases)


# The chapters describe the exercises as the instrument files define them.

KINDS = ROOT / "leadership_handbook" / "kinds"


def test_the_chapters_name_the_self_assessment_dimensions_as_the_instrument_does():
    instrument = yaml.safe_load((KINDS / "self_assessment" / "future_proof.yml").read_text(encoding="utf-8"))
    labels = {d["id"]: d["label"] for d in instrument["dimensions"]}
    for doc, expected in (("future-proof", set(labels)), ("intelligent-ld", {"judge", "develop", "anticipate"})):
        exercise = " ".join(section(PART2[doc].read_text(encoding="utf-8"), "Exercise").split())
        quoted = set(re.findall(r'"([^"]+)"', exercise))
        assert quoted <= set(labels.values()), f"{doc} names a dimension the self-assessment does not have"
        assert {labels[i] for i in expected} <= quoted, doc


def test_the_four_part_method_matches_the_barrier_logs_fields():
    instrument = yaml.safe_load((KINDS / "barrier_log" / "barrier_log.yml").read_text(encoding="utf-8"))
    fields = [f["label"].lower() for f in instrument["entries"]["fields"]]
    method = section(PART2["future-proof"].read_text(encoding="utf-8"), "Spotting barriers")
    parts = re.findall(r"^\d\. \*\*(.+?)\*\*", method, flags=re.M)
    assert len(parts) == 4
    for part in parts:
        assert any(label.startswith(part.lower()) for label in fields), f"the barrier log has no field for {part!r}"
