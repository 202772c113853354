"""The handbook's content rules: chapter structure, citations, evidence, originality and accessible markup."""

import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from sphinx_external_toc.parsing import parse_toc_yaml

from leadership_handbook import originality
from leadership_handbook.site_check import html_pages, is_redirect

REQUIRED_SECTIONS = [
    "Learning objectives",
    "Key takeaways",
    "Practitioner checklist",
    "Reflection prompts",
    "For facilitators",
    "Resources",
]
CITE = re.compile(r"\{cite:[pt]\}`([^`]+)`")


def chapters():
    """The chapters: every page in the toc's numbered parts."""
    site_map = parse_toc_yaml(ROOT / "_toc.yml")
    found = []
    for subtree in site_map[site_map.root.docname].subtrees:
        if subtree.caption and subtree.caption.startswith("Part"):
            found += [ROOT / f"{doc}.md" for doc in subtree.items]
    return found


CHAPTERS = chapters()


def prose_words(text):
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "", text)
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def test_the_book_has_three_parts_of_chapters():
    assert len(CHAPTERS) >= 9


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_the_required_parts_in_order(chapter):
    text = chapter.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    positions = [headings.index(name) for name in REQUIRED_SECTIONS if name in headings]
    assert [h for h in REQUIRED_SECTIONS if h not in headings] == []
    assert positions[0] == 0, "learning objectives come first"
    assert positions[1:] == sorted(positions[1:]), "the closing sections keep their order"
    objectives = text.split("## Learning objectives", 1)[1].split("\n## ", 1)[0]
    assert 3 <= len(re.findall(r"^- ", objectives, flags=re.M)) <= 5
    checklist = text.split("## Practitioner checklist", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^- \[ \] ", checklist, flags=re.M)) >= 3
    assert len(CITE.findall(text)) >= 3
    assert 1200 <= prose_words(text) <= 2500


def test_the_chapters_hold_at_least_15000_words():
    assert sum(prose_words(c.read_text(encoding="utf-8")) for c in CHAPTERS) >= 15000


def cited_keys():
    keys = set()
    sources = list((ROOT / "book").glob("*.md")) + list((ROOT / "exercises").glob("*.ipynb"))
    for path in sources:
        for group in CITE.findall(path.read_text(encoding="utf-8")):
            keys |= {k.strip() for k in group.split(",")}
    return keys


def bib_keys():
    return set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(encoding="utf-8"), re.M))


def test_every_cited_key_is_in_the_bibliography_and_every_entry_is_cited():
    cited, listed = cited_keys(), bib_keys()
    assert len(cited) >= 20
    assert sorted(cited - listed) == []
    assert sorted(listed - cited) == [], "book/references.bib holds only the entries the book cites"


# Figures the evidence brief marks UNVERIFIED, or circulating claims it says not to repeat.
UNVERIFIED = [
    r"\$7 for every \$1",
    r"1,?000 ?%",
    r"validated across millions",
    r"\b6 ?% of (the )?studies",
    r"negative to over 200 ?%",
    r"Hidden Curriculum of Work®",
    r"®",
]


def test_no_unverified_figure_is_printed():
    sources = (
        list((ROOT / "book").glob("*.md"))
        + list((ROOT / "exercises").glob("*.ipynb"))
        + list((ROOT / "leadership_handbook").glob("*/**/*.yml"))
    )
    assert len([p for p in sources if p.suffix == ".yml"]) >= 7, "the instrument files were not found"
    found = [
        (p.name, pattern)
        for p in sources
        for pattern in UNVERIFIED
        if re.search(pattern, p.read_text(encoding="utf-8"), flags=re.I)
    ]
    assert found == []


def test_no_sentence_is_copied_from_the_source():
    """0 runs of 8 words shared with the source posts, checked against the package's fingerprint of them."""
    report = originality.check(originality.load_fingerprint(), [ROOT / name for name in originality.DEFAULT_TARGETS])
    prose = [
        *CHAPTERS,
        *(ROOT / "exercises").glob("*.ipynb"),
        *(ROOT / "leadership_handbook" / "kinds").glob("*/*.yml"),
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
    ]
    assert len(prose) >= 20, "the chapters, notebooks or instrument files were not found"
    assert sorted(set(prose) - set(report.files)) == [], "the check did not read these"
    assert [str(finding) for finding in report.findings] == []


def test_headings_never_skip_a_level_and_images_have_alt_text(site):
    problems = []
    for page in html_pages(site):
        if is_redirect(page):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.bd-article") or soup
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{page.name}: h{before} then h{after}")
        for image in soup.find_all("img"):
            if not (image.get("alt") or "").strip():
                problems.append(f"{page.name}: image {image.get('src')} has no alt text")
    assert problems == []
