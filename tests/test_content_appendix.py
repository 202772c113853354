"""The appendices read right: glossary, reading paths, session plans, the knowledge checks' parts, the bib entries.

Markdown- and YAML-level checks (no build), so they run in `make test-fast`. The rendered reference list is
checked in tests/test_references_page.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

from leadership_handbook.core.instruments import load

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
GLOSSARY = BOOK / "glossary.md"
SESSION_PLANS = BOOK / "session-plans.md"
READING_PATHS = BOOK / "reading-paths.md"
HANDBOOK = yaml.safe_load((ROOT / "leadership_handbook" / "core" / "handbook.yml").read_text(encoding="utf-8"))


def page_labels() -> dict[str, str]:
    """Each book page's first target (its label) to its path, for the appendices that handbook.yml does not list."""
    labels = {}
    for page in BOOK.glob("*.md"):
        match = re.search(r"^\(([a-z-]+)\)=$", page.read_text(encoding="utf-8"), re.M)
        if match:
            labels[match.group(1)] = f"book/{page.stem}"
    return labels


DOC_OF_LABEL = {**page_labels(), **{s["label"]: s["doc"] for s in HANDBOOK["sections"]}}
TERM_ROLE = re.compile(r"\{term\}`([^`]+)`")
# The one partnering brief (review defect 7): every page that shows it uses these columns, in this order.
BRIEF_COLUMNS = [column["label"] for column in load("partnering_planner")["brief_columns"]]  # the planner's
WORDS_PER_MINUTE = 200  # the reading speed the reading-paths page says it assumes
MINUTES_PER_EXERCISE = 15  # likewise, for each exercise on a path


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def notebook_text(path: Path) -> str:
    return "\n".join("".join(cell["source"]) for cell in json.loads(read(path))["cells"])


def glossary_entries() -> list[list[str]]:
    """The glossary's entries in page order, each as its list of terms (the first is the one it is sorted by)."""
    block = read(GLOSSARY).split("```{glossary}", 1)[1].split("\n```", 1)[0]
    entries, current = [], []
    for line in block.splitlines():
        if line.strip() and not line.startswith(" "):
            current.append(line.strip())
        elif current:
            entries.append(current)
            current = []
    if current:
        entries.append(current)
    return entries


def term_target(role_text: str) -> str:
    """`text <target>` links to target; plain `target` to itself; glossary terms match case-insensitively."""
    match = re.search(r"<([^>]+)>\s*$", role_text)
    return (match.group(1) if match else role_text).strip().lower()


def terms_used_outside_the_glossary() -> set[str]:
    texts = [read(p) for p in BOOK.glob("*.md") if p != GLOSSARY]
    texts += [notebook_text(p) for p in (ROOT / "exercises").glob("*.ipynb")]
    texts += [read(p) for p in (ROOT / "leadership_handbook" / "kinds").rglob("*.yml")]
    return {term_target(t) for text in texts for t in TERM_ROLE.findall(text)}


# ---------------------------------------------------------------- glossary


def test_glossary_is_alphabetical():
    """Case-insensitive order of each entry's first term; "70-20-10" sorts first, as digits do before letters."""
    firsts = [entry[0] for entry in glossary_entries()]
    assert len(firsts) > 20
    assert firsts == sorted(firsts, key=str.lower), "out of order: " + ", ".join(
        f"{a} / {b}" for a, b in zip(firsts, firsts[1:]) if a.lower() > b.lower()
    )


def test_every_glossary_entry_is_linked_from_the_book():
    """An entry no page links to with {term} is an orphan: link it from a page that uses it, or delete it."""
    used = terms_used_outside_the_glossary()
    orphans = [entry[0] for entry in glossary_entries() if not {t.lower() for t in entry} & used]
    assert orphans == [], f"glossary entries no page links to: {orphans}"


def test_every_term_link_has_an_entry():
    defined = {t.lower() for entry in glossary_entries() for t in entry}
    assert sorted(terms_used_outside_the_glossary() - defined) == []


@pytest.mark.parametrize(
    "term",
    [
        # the terms the editor's review (section 4c) found used but undefined
        "hurdle rate",
        "isolation",
        "moderator",
        "generalisation",
        "maintenance",
        "utility reactions",
        "affective reactions",
        "New World Kirkpatrick Model",
        "closed skills",
        "job-within-the-job",
        "friction review",
        "horizon note",
        # the evaluation chapter's terms
        "comparison group",
        "effect size",
        "confidence interval",
        "single-group pre-post design",
        "wait-list comparison",
        "staggered roll-out",
        "utility analysis",
        "statistical power",
    ],
)
def test_glossary_defines(term):
    assert term.lower() in {t.lower() for entry in glossary_entries() for t in entry}


def test_glossary_states_no_uncited_effect_size_conventions():
    """Cohen's small/medium/large labels are in neither the evidence brief nor the bib (review row 111)."""
    assert not re.search(r"0\.2[^.]*small", read(GLOSSARY))


def test_future_proof_entry_has_both_senses():
    text = read(GLOSSARY).split("\nFuture-Proof\n", 1)[1].split("\n\n", 1)[0]
    assert "hidden curriculum" in text and "working life" in text


def test_partnering_brief_entry_lists_the_canonical_columns_in_order():
    text = read(GLOSSARY).split("\npartnering brief\n", 1)[1].split("\n\n", 1)[0]
    flat = re.sub(r"\s+", " ", text).lower()
    positions = [flat.find(column.lower()) for column in BRIEF_COLUMNS]
    assert -1 not in positions and positions == sorted(positions), positions


# ---------------------------------------------------------------- session plans


def agenda_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """Each agenda as (caption, rows of cells), from the {table} directives."""
    tables = []
    for caption, body in re.findall(r"```\{table\} ([^\n]+)\n(.*?)\n```", text, flags=re.S):
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in body.splitlines()[2:]]
        tables.append((caption, rows))
    return tables


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def test_every_agenda_adds_up():
    tables = agenda_tables(read(SESSION_PLANS))
    assert len(tables) == 6
    for caption, rows in tables:
        spans = [tuple(minutes(t) for t in row[0].split("-")) for row in rows]
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:])), f"{caption}: gaps or overlaps"
        expected = 90 if "90-minute" in caption else 210
        assert spans[0][0] == 0 and spans[-1][1] == expected, caption


ROOM_SUPPLIES = {"Flipchart", "Notes", "Sticky notes", "None", "Calculators"}


def exercise_titles() -> list[str]:
    titles = []
    for path in (ROOT / "exercises").glob("*.ipynb"):
        first = json.loads(read(path))["cells"][0]
        titles.append("".join(first["source"]).splitlines()[0].lstrip("# ").strip().lower())
    return titles


def sheet_headings(text: str) -> set[str]:
    sheets = text.split("(session-materials)=", 1)[1]
    return {h.strip() for h in re.findall(r"^### (.+)$", sheets, flags=re.M)}


def chapter_texts() -> str:
    docs = [s["doc"] for s in HANDBOOK["sections"] if s["part"] > 0]
    return "\n".join(read(ROOT / f"{doc}.md") for doc in docs)


def test_every_material_a_plan_names_exists():
    """Each entry of an agenda's Materials column is a room supply, a worksheet (an exercise), a case in a chapter
    ("Case: name") or a sheet printed at the end of the session plans ("Sheet: title")."""
    text = read(SESSION_PLANS)
    sheets, exercises, chapters = sheet_headings(text), exercise_titles(), chapter_texts()
    missing = []
    for caption, rows in agenda_tables(text):
        for row in rows:
            for material in (m.strip() for m in row[3].split(";")):
                if material in ROOM_SUPPLIES:
                    continue
                if material.startswith("Case: "):
                    title = re.sub(r"^\{handout\}`(.+?) <case-[a-z0-9-]+>`$", r"\1", material[6:])  # its title
                    found = title in chapters
                elif material.startswith("Sheet: "):
                    found = material[7:] in sheets
                else:
                    found = any(material.lower() in title for title in exercises)
                if not found:
                    missing.append(f"{caption}, {row[0]}: {material}")
    assert missing == [], "materials named but not in the book:\n" + "\n".join(missing)


def test_every_sheet_is_used_by_a_plan_and_labelled():
    """No sheet is printed that no plan uses, and each has a label the plans' Materials lists link to."""
    text = read(SESSION_PLANS)
    named = {m.strip()[7:] for _, rows in agenda_tables(text) for row in rows for m in row[3].split(";")}
    assert sheet_headings(text) <= named
    labels = re.findall(r"^\((sheet-[a-z-]+)\)=\n### ", text, flags=re.M)
    assert len(labels) == len(sheet_headings(text))
    for label in labels:
        assert f"{{ref}}`{label}`" in text.split("(session-materials)=")[0], f"no plan links to {label}"


def test_the_thesis_finding_is_not_a_debrief_correction():
    """The voluntary/mandatory split is a PARTIAL thesis-abstract finding (review defect 5): at most a link."""
    text = read(SESSION_PLANS)
    assert "lacerenza2015nuts" not in text
    assert not re.search(r"voluntary attendance went with", text, flags=re.I)


def roi_example_figures() -> dict[str, str]:
    """The calculator's default example, worked by its own rules, as the plans and the key print it."""
    from leadership_handbook.kinds.roi.rules import evaluate, inputs_from_example

    instrument = load("roi_example")
    report = evaluate(inputs_from_example(instrument))
    money = instrument["currency"]
    return {
        "costs": f"{money}{report['total_costs']:,.0f}",
        "counted benefits": f"{money}{report['adjusted_benefits']:,.0f}",
        "BCR": f"{report['bcr']:.2f}",
        "ROI": f"{report['roi_pct']:.1f}%",
        "hurdle rate": f"{report['hurdle_rate_pct']:.0f}%",
        "unadjusted ROI": f"{(report['unadjusted_benefits'] - report['total_costs']) / report['total_costs']:.0%}",
    }


def test_session_plans_use_the_calculators_roi_example():
    """One ROI example everywhere (review defect 9): the plans' figures are the calculator's default."""
    text = read(SESSION_PLANS)
    assert "Kestrel" not in text and "Harbourside Foods" in text
    missing = {name: figure for name, figure in roi_example_figures().items() if figure not in text}
    assert missing == {}, f"the session plans do not give the calculator's {missing}"


def test_answer_key_works_the_same_roi_example():
    from leadership_handbook.core.templates import render_answer_key

    key = render_answer_key(load("roi_example"))
    figures = roi_example_figures()
    for name in ("costs", "counted benefits", "BCR"):
        assert figures[name] in key, name
    roi = float(figures["ROI"].rstrip("%"))
    assert f"{roi:.2f}%" in key, "the key prints the ROI to two decimals"


def test_session_plans_use_the_canonical_brief_columns():
    flat = re.sub(r"\s+", " ", read(SESSION_PLANS)).lower()
    assert all(column.lower() in flat for column in BRIEF_COLUMNS)


def test_renamed_cases_are_renamed_here_too():
    """Names other helpers retired (recorded in /tmp/lh/requests/renames.md as "Old -> New (file)")."""
    retired = ["Harbourview", "Kestrel", "Calder Foods", "Millbrook", "Fenwick", "Tom Okafor", "Amira"]
    for path in (SESSION_PLANS, READING_PATHS, GLOSSARY):
        text = read(path)
        assert [name for name in retired if name in text] == [], path.name


# ---------------------------------------------------------------- reading paths


def cards(text: str) -> dict[str, str]:
    return dict(re.findall(r"```\{grid-item-card\} ([^\n]+)\n(.*?)\n```", text, flags=re.S))


def stated_minutes(card: str) -> float:
    footer = re.search(r":footer: Time: about ([^;,\n]+)", card).group(1)
    match = re.match(r"([\d½¾¼]+)\s*(hours?|minutes)", footer.replace(" ¾", "¾").replace(" ½", "½"))
    value = float(match.group(1).replace("¾", ".75").replace("½", ".5").replace("¼", ".25"))
    return value * 60 if match.group(2).startswith("hour") else value


def words(label_or_doc: str) -> int:
    doc = DOC_OF_LABEL.get(label_or_doc, label_or_doc)
    text = re.sub(r"```.*?```", " ", read(ROOT / f"{doc}.md"), flags=re.S)
    return len(text.split())


def estimated_minutes(card: str) -> float:
    path = card.split("**Your path**", 1)[1]
    labels = dict.fromkeys(re.findall(r"\{ref\}`([a-z-]+)`", path))
    pages = [label for label in labels if DOC_OF_LABEL.get(label, "").startswith("book/")]
    exercises = set(re.findall(r"\{doc\}`\.\./exercises/([a-z-]+)`", path))
    return sum(words(p) for p in pages) / WORDS_PER_MINUTE + MINUTES_PER_EXERCISE * len(exercises)


@pytest.mark.parametrize("role", ["Participant", "Facilitator", "L&D or HR analyst"])
def test_path_times_match_the_chapters(role):
    """Whole-chapter paths: the stated time is within a quarter of 200 words a minute plus 15 minutes an exercise."""
    card = cards(read(READING_PATHS))[role]
    stated, estimate = stated_minutes(card), estimated_minutes(card)
    assert 0.75 * estimate <= stated <= 1.25 * estimate, f"{role}: says {stated:.0f} min, chapters give {estimate:.0f}"


def test_sponsor_path_reads_sections_so_takes_less_than_its_chapters():
    card = cards(read(READING_PATHS))["Executive sponsor"]
    assert stated_minutes(card) < estimated_minutes(card)


def test_facilitator_session_range_matches_the_chapters():
    timings = []
    for doc in (s["doc"] for s in HANDBOOK["sections"] if s["part"] > 0):
        section = read(ROOT / f"{doc}.md").split("## For facilitators", 1)[1].split("\n## ", 1)[0]
        timings.append(int(re.search(r"Suggested (?:timing|segment)\D*(\d+)", section).group(1)))
    card = cards(read(READING_PATHS))["Facilitator"]
    assert f"a session of {min(timings)} to {max(timings)} minutes" in card


HANDBOOK_PART = {s["label"]: s["part"] for s in HANDBOOK["sections"]}


def test_analyst_path_covers_managers_and_evaluation():
    card = cards(read(READING_PATHS))["L&D or HR analyst"]
    for label in ("people-who-develop-others", "evaluating-your-programme", "measuring-what-matters"):
        assert f"{{ref}}`{label}`" in card


# ---------------------------------------------------------------- knowledge checks

# Where each question's answer is taught: (chapter label, a phrase that chapter must contain). A new question
# must be added here with its chapter, which must be in the question's own part.
QUESTION_SOURCES = {
    "p1-design-features": ("why-programmes-fall-short", "spaced"),
    "p1-results-base": ("does-it-work", "234"),
    "p1-ten-percent": ("measuring-what-matters", "Georgenson"),
    "p1-roi-formula": ("measuring-what-matters", "benefit-cost ratio"),
    "p1-70-20-10": ("measuring-what-matters", "Clardy"),
    "p2-transactional": ("what-we-equip", "transactional"),
    "p2-intelligent-ld": ("intelligent-ld", "three moves"),
    "p2-future-proof": ("future-proof", "two senses"),
    "p2-hidden-curriculum": ("future-proof", "Anyon"),
    "p2-open-skills": ("people-who-develop-others", "open skill"),
    "p3-first-step": ("wants-versus-needs", "needs analysis"),
    "p3-cosmetic-customisation": ("wants-versus-needs", "what would change in the design if your"),
    "p3-buyers-questions": ("wants-versus-needs", "What will you need from us and from our managers"),
    "p3-roles": ("partnering", "Names the result"),
    "p3-required-drivers": ("partnering", "required drivers"),
}


def test_every_question_comes_from_a_chapter_of_its_part():
    quiz = load("knowledge_checks")
    problems = []
    for part in quiz["parts"]:
        for question in part["questions"]:
            if question["id"] not in QUESTION_SOURCES:
                problems.append(f"{question['id']}: not mapped to the chapter that teaches it")
                continue
            label, phrase = QUESTION_SOURCES[question["id"]]
            if label not in part["chapters"]:
                problems.append(f"{question['id']}: taught in {label}, which is not in {part['id']}")
            elif phrase.lower() not in read(ROOT / f"{DOC_OF_LABEL[label]}.md").lower():
                problems.append(f"{question['id']}: {label} no longer says {phrase!r}")
    assert problems == [], "\n".join(problems)


def test_each_part_lists_only_its_own_chapters():
    quiz = load("knowledge_checks")
    for number, part in enumerate(quiz["parts"], start=1):
        assert {HANDBOOK_PART[label] for label in part["chapters"]} == {number}, part["id"]


def test_notebook_follows_the_exercise_page_layout():
    """Convention 1: title and intro, "Do it here" with the forms, then one "Run it as a notebook" section."""
    cells = json.loads(read(ROOT / "exercises" / "knowledge-checks.ipynb"))["cells"]
    headings = [
        line for cell in cells if cell["cell_type"] == "markdown" for line in "".join(cell["source"]).splitlines()
    ]
    h2 = [h for h in headings if h.startswith("## ")]
    assert h2 == ["## Do it here, in your browser", "## Run it as a notebook"]
    text = "\n".join("".join(cell["source"]) for cell in cells)
    do_it_here = text.split("## Do it here, in your browser", 1)[1].split("## Run it as a notebook", 1)[0]
    assert do_it_here.count("```{exercise-form} knowledge_checks") == 3
    assert all("remove-input" in cell["metadata"].get("tags", []) for cell in cells if cell["cell_type"] == "code")
    after = text.split("## Run it as a notebook", 1)[1]
    assert not re.search(r"^### .*\b(Your|your)\b", after, flags=re.M), "notebook headings are named for the example"


# ---------------------------------------------------------------- references.bib (the source of the printed list)


def test_every_bib_entry_has_author_year_and_title_and_no_printed_note():
    bib = parse_file(str(BOOK / "references.bib"))
    problems = []
    for key, entry in bib.entries.items():
        for field in ("title", "year"):
            if not entry.fields.get(field):
                problems.append(f"{key}: no {field}")
        if not entry.persons.get("author"):
            problems.append(f"{key}: no author")
        note = entry.fields.get("note", "")
        if re.search(r"VERIFIED|PARTIAL|not seen|verified|convenience", note):
            problems.append(f"{key}: an editorial note in the printed `note` field (use `annote`)")
        if "Book" in entry.fields.get("howpublished", ""):
            problems.append(f"{key}: a 'Book' label in howpublished")
    assert problems == [], "\n".join(problems)


def test_suffixed_names_are_written_for_bibtex():
    """`Arthur, Winfred, Jr.` prints "Jr. Arthur, Winfred"; BibTeX wants `Arthur, Jr., Winfred`."""
    text = read(BOOK / "references.bib")
    assert not re.search(r"\b\w+, [A-Z][\w.]*( [A-Z]\.)?, Jr\.", text)
    for name in ("Arthur, Jr., Winfred", "Bennett, Jr., Winston", "McCall, Jr., Morgan W."):
        assert name in text
