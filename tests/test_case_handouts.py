"""Case handouts (issue 13, part 5): each case a session plan uses is a one-page handout in the participant workbook,
without its model answer where the plan has people work or role-play it first; the model answer is in the
facilitator guide, and the printed plans give the workbook page each handout is on."""

import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from test_content_appendix import agenda_tables
from test_pdf import BOOK_TITLE, LETTER_EDITIONS, normalised, pdf_page_texts, printed_editions

from leadership_handbook.print_pdf import (
    Edition,
    Handout,
    Section,
    answer_start,
    case_block,
    fill_handout_pages,
    plan_handouts,
    site_url,
    withhold_answer,
)

PLANS = ROOT / "book" / "session-plans.md"
HANDOUT_ROLE = re.compile(r"\{handout\}`([^`<]+?) <(case-[a-z0-9-]+)>`")
PAGE_REFERENCE = re.compile(r"workbook handout (\d+), p\. (\d+)\)")

# A case as Sphinx builds one: a label on its section (an empty span inside it) and one where its answer starts.
CASE_PAGE = """<article class="bd-article"><section id="a-worked-case"><span id="case-mill"></span>
<h2>A worked case</h2>
<div class="admonition"><p class="admonition-title">Worked example</p><p>Mill Lane is fictional.</p></div>
<section id="the-ask"><h3>The ask</h3><p>Asked for a course.</p><p id="case-mill-answer">Diagnosed the need.</p>
<p>Agreed a brief.</p></section><section id="the-redesign"><h3>The redesign</h3><p>Spaced sessions.</p></section>
</section><section id="key-takeaways"><h2>Key takeaways</h2><p>Not the case.</p></section></article>"""


def case_from(page: str, label: str = "case-mill"):
    article = BeautifulSoup(page, "html.parser").select_one("article")
    return case_block(article, Handout(1, "Mill Lane", label, "book/mill"))


# ----------------------------------------------------------------------------- the marking (no build needed)


def chapter_labels() -> dict[str, str]:
    """{label: the line after it} for every case label in the chapters."""
    labels = {}
    for chapter in sorted((ROOT / "book").glob("*.md")):
        for label, line in re.findall(r"^\((case-[a-z0-9-]+)\)=\n(.*)$", chapter.read_text("utf-8"), flags=re.M):
            assert label not in labels, f"{label} labels two places"
            labels[label] = line
    return labels


def test_every_case_an_agenda_uses_is_a_handout():
    """Each "Case: ..." in an agenda's Materials column names its handout, so the plan can give its number."""
    plain = []
    for caption, rows in agenda_tables(PLANS.read_text("utf-8")):
        for row in rows:
            for material in (m.strip() for m in row[3].split(";")):
                if material.startswith("Case: ") and not HANDOUT_ROLE.fullmatch(material[6:]):
                    plain.append(f"{caption}, {row[0]}: {material}")
    assert plain == [], "cases named without their handout:\n" + "\n".join(plain)


def test_every_handout_names_a_labelled_case_and_one_title():
    labels = chapter_labels()
    named = HANDOUT_ROLE.findall(PLANS.read_text("utf-8"))
    assert len({label for _, label in named}) >= 8
    titles = {}
    for title, label in named:
        assert label in labels, f"no chapter has the label ({label})="
        assert labels[label].startswith("#"), f"({label})= should stand on the case's heading: {labels[label]!r}"
        assert titles.setdefault(label, title) == title, f"{label} is called {titles[label]!r} and {title!r}"
    for label in labels:
        if label.endswith("-answer"):
            assert label.removesuffix("-answer") in labels, f"{label} marks the answer of no case"


def test_a_plan_naming_a_case_without_its_handout_fails_the_check():
    text = "```{table} Part 9, 90-minute session\n| Time | A | M | Materials |\n|---|---|---|---|\n"
    text += "| 0:00-1:30 | x | y | Case: Mill Lane |\n```"
    materials = [m for _, rows in agenda_tables(text) for row in rows for m in row[3].split(";")]
    assert materials == ["Case: Mill Lane"] and not HANDOUT_ROLE.fullmatch(materials[0][6:])


# ------------------------------------------------------------------------------ the printer, on small pages


def test_the_answer_is_cut_from_its_label_to_the_end_of_the_case():
    case = case_from(CASE_PAGE)
    assert withhold_answer(case, "case-mill")
    text = " ".join(case.get_text(" ").split())
    assert "Mill Lane is fictional." in text and "Asked for a course." in text
    for answer in ("Diagnosed the need.", "Agreed a brief.", "The redesign", "Spaced sessions."):
        assert answer not in text, answer
    assert "Not the case." not in text  # the case only, never the rest of the chapter


def test_a_case_labelled_on_a_subsection_loses_that_subsection_whole():
    page = CASE_PAGE.replace('<p id="case-mill-answer">', "<p>").replace(
        '<section id="the-redesign">', '<section id="the-redesign"><span id="case-mill-answer"></span>'
    )
    case = case_from(page)
    assert answer_start(case, "case-mill").get("id") == "the-redesign"
    assert withhold_answer(case, "case-mill")
    text = case.get_text(" ")
    assert "Agreed a brief." in text and "The redesign" not in text and "Spaced sessions." not in text


def test_a_case_without_an_answer_label_prints_whole():
    case = case_from(CASE_PAGE.replace(' id="case-mill-answer"', ""))
    before = str(case)
    assert not withhold_answer(case, "case-mill")
    assert str(case) == before


def test_a_missing_case_label_is_a_clear_error():
    with pytest.raises(ValueError, match="no element has the id 'case-gone'"):
        case_from(CASE_PAGE, "case-gone")


def test_the_printed_plans_get_the_workbook_pages():
    plan = Section(
        "Session plans",
        '<p>Case: <a href="x.html#case-mill">Mill Lane</a> <span class="lh-handout-ref" data-lh-case="case-mill" '
        'data-lh-handout="1">(workbook handout 1)</span></p>',
        "appendix",
        "book/session-plans",
    )
    edition = Edition("guide", "Book", "Guide", [plan])
    fill_handout_pages(edition, {"case-mill": 37})
    assert "(workbook handout 1, p. 37)" in plan.html
    with pytest.raises(ValueError, match="no handout for 'case-mill'"):
        fill_handout_pages(Edition("guide", "Book", "Guide", [plan]), {})


def test_handout_numbers_with_a_gap_are_refused(tmp_path):
    spans = "".join(
        f'<span class="lh-handout-ref" data-lh-case="case-{n}" data-lh-handout="{n}" data-lh-title="C{n}" '
        f'data-lh-doc="book/c{n}">(workbook handout {n})</span>'
        for n in (1, 3)
    )
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "session-plans.html").write_text(f"<p>{spans}</p>", "utf-8")
    with pytest.raises(ValueError, match=r"numbered \[1, 3\]"):
        plan_handouts(tmp_path)


# ----------------------------------------------------------------------------- the printed workbook and guide


@pytest.fixture(scope="module", params=["letter", "a4"])  # Letter first, while test_pdf.py prints A4
def printed_paper(request, site, browser, tmp_path_factory):
    """(paper, {slug: page texts}, report) for the workbook and the guide on each paper."""
    only = None if request.param == "a4" else LETTER_EDITIONS  # A4: the print tests/test_pdf.py already makes
    out, report = printed_editions(site, browser, tmp_path_factory, request.param, only)
    texts = {slug: pdf_page_texts(out / f"{slug}.pdf") for slug in LETTER_EDITIONS}
    return request.param, texts, report


def sections_pages(report: dict, slug: str) -> dict[str, tuple[int, int]]:
    """{section title: (first page, page count)} of one printed edition."""
    starts = list(report[slug]["starts"].items())
    ends = [start for _, start in starts[1:]] + [report[slug]["pages"] + 1]
    return {title: (start, end - start) for (title, start), end in zip(starts, ends)}


def squeezed(text: str) -> str:
    """Text without white space: a PDF's text breaks lines after hyphens and spaces brackets apart."""
    return re.sub(r"\s+", "", text)


def answer_sentences(site, handout: Handout) -> list[str]:
    """The sentences of the case's model answer, as the chapter's built page has them (at least five words each),
    without white space."""
    article = BeautifulSoup((site / f"{handout.docname}.html").read_text("utf-8"), "html.parser")
    for link in article.select("a.headerlink"):
        link.decompose()  # the screen's "#" beside each heading
    case = case_block(article.select_one("article"), handout)
    start = answer_start(case, handout.case)
    if start is None:
        return []
    whole = " ".join(case.get_text(" ").split())
    withhold_answer(case, handout.case)
    kept = " ".join(case.get_text(" ").split())
    answer = whole[len(kept) :] if whole.startswith(kept) else whole.replace(kept, "")
    return [squeezed(s) for s in re.split(r"(?<=[.:;?!])\s+", normalised(answer)) if len(s.split()) >= 5]


def test_every_case_the_plans_name_is_one_page_in_the_workbook(site, printed_paper):
    paper, _, report = printed_paper
    handouts = plan_handouts(site)
    assert len(handouts) >= 8
    pages = sections_pages(report, "participant-workbook")
    for handout in handouts:
        title = f"Case handout {handout.number}: {handout.title}"
        assert title in pages, f"{paper}: the workbook has no {title!r}"
        assert pages[title][1] == 1, f"{paper}: {title!r} takes {pages[title][1]} pages"
    answered = [h for h in handouts if answer_sentences(site, h)]
    assert len(answered) >= 4
    guide = sections_pages(report, "facilitator-guide")
    for handout in answered:
        title = f"Model answer to handout {handout.number}: {handout.title}"
        assert guide.get(title, (0, 0))[1] == 1, f"{paper}: the guide's {title!r} is not one page"


def test_handouts_are_fitted_before_the_editions_print_so_each_prints_twice(printed_paper):
    """print_pdf.fit_handouts sets each handout's type first, on its own; an edition is then printed twice (to
    measure, then with its contents' page numbers), not once more for each step a handout is set tighter."""
    paper, _, report = printed_paper
    assert {slug: report[slug]["passes"] for slug in LETTER_EDITIONS} == dict.fromkeys(LETTER_EDITIONS, 2), paper


def test_the_workbook_never_prints_a_model_answer(site, printed_paper):
    paper, texts, report = printed_paper
    workbook = squeezed(" ".join(texts["participant-workbook"]))
    guide_pages = sections_pages(report, "facilitator-guide")
    for handout in plan_handouts(site):
        sentences = answer_sentences(site, handout)
        leaked = [s for s in sentences if s in workbook]
        assert leaked == [], f"{paper}: handout {handout.number} prints its answer: {leaked[:2]}"
        if sentences:  # ... and the guide's model answer has it, on its own page
            start, _ = guide_pages[f"Model answer to handout {handout.number}: {handout.title}"]
            page = squeezed(texts["facilitator-guide"][start - 1])
            assert all(s in page for s in sentences), f"{paper}: the model answer to {handout.number} is not whole"
            assert "MODELANSWERFROMHERE" in page.upper()


def test_each_handout_says_it_is_fictional_and_where_it_is_online(site, printed_paper):
    paper, texts, report = printed_paper
    pages = sections_pages(report, "participant-workbook")
    for handout in plan_handouts(site):
        start, _ = pages[f"Case handout {handout.number}: {handout.title}"]
        page = texts["participant-workbook"][start - 1]
        assert "Fictional case" in page, f"{paper}: handout {handout.number}"
        address = f"{site_url(ROOT)}{handout.docname}.html"
        assert address in page.replace(" ", ""), f"{paper}: handout {handout.number} lacks {address}"


def test_the_printed_plans_give_the_page_each_handout_is_on(site, printed_paper):
    paper, texts, report = printed_paper
    workbook = texts["participant-workbook"]
    handouts = {str(h.number): h for h in plan_handouts(site)}
    plans = sections_pages(report, "facilitator-guide")["Session plans for facilitators"]
    plan_text = " ".join(texts["facilitator-guide"][plans[0] - 1 : plans[0] - 1 + plans[1]])
    references = PAGE_REFERENCE.findall(plan_text)
    assert {number for number, _ in references} == set(handouts), f"{paper}: not every handout has its page"
    for number, page in references:
        head = f"{BOOK_TITLE} Case handout {number}: {handouts[number].title}"
        assert workbook[int(page) - 1].startswith(head), f"{paper}: handout {number} is not on workbook p. {page}"
