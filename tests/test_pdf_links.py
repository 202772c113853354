"""Links in the printed PDFs: to a section of the same PDF, or to the published site; never to a file on the machine
that printed them, and never to a page the site does not have."""

import pytest

from leadership_handbook.print_pdf import Edition, Section, linked_sections, site_url

SITE = "https://example.org/book/"


@pytest.fixture
def small_site(tmp_path):
    for name in ("book/intro.html", "book/glossary.html", "exercises/roi-calculator.html", "_static/x.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<p>page</p>", "utf-8")
    return tmp_path


def edition(*sections):
    return Edition("test", "Book", "Test", list(sections))


def test_links_go_inside_the_pdf_or_to_the_published_site(small_site):
    intro = Section(
        "Intro",
        '<h2 id="learning-objectives">Aims</h2><a href="#learning-objectives">aims</a>'
        '<a href="glossary.html#term-roi">ROI</a><a href="../exercises/roi-calculator.html#do-it">form</a>'
        '<a href="https://doi.org/10.1/x">doi</a><a href="../_static/x.pdf">file</a>'
        '<label for="q1">Q</label><input id="q1"><a href="../pdf/facilitator-guide.pdf">guide</a>',
        "chapter",
        "book/intro",
    )
    glossary = Section(
        "Glossary", '<dt id="term-roi">ROI</dt><h2 id="learning-objectives">x</h2>', "appendix", "book/glossary"
    )
    first, second = linked_sections(edition(intro, glossary), small_site, SITE)
    assert 'href="#s1-learning-objectives"' in first  # a heading of the same page, not the glossary's twin
    assert 'href="#s2-term-roi"' in first  # a page printed whole in this edition: inside the PDF
    assert f'href="{SITE}exercises/roi-calculator.html#do-it"' in first  # not printed whole: the published site
    assert 'href="https://doi.org/10.1/x"' in first
    assert f'href="{SITE}_static/x.pdf"' in first
    assert 'for="s1-q1"' in first and 'id="s1-q1"' in first
    assert f'href="{SITE}pdf/facilitator-guide.pdf"' in first  # another edition, printed after the site
    assert 'id="s2-term-roi"' in second and 'id="s2-learning-objectives"' in second
    assert "file:" not in first + second


def test_a_link_to_a_page_the_site_does_not_have_stops_the_print(small_site):
    broken = Section("Intro", '<a href="missing-chapter.html">gone</a>', "chapter", "book/intro")
    with pytest.raises(ValueError, match="missing-chapter.html.*does not have"):
        linked_sections(edition(broken), small_site, SITE)


def test_a_link_to_a_case_jumps_to_its_handout_in_an_edition_that_prints_one(small_site):
    plan = Section(
        "Plans",
        '<a href="glossary.html#case-mill">Mill Lane</a><a href="glossary.html#term-roi">ROI</a>',
        "appendix",
        "book/intro",
    )
    handout = Section("Case handout 1: Mill Lane", "<h1>Mill Lane</h1>", "handout", "book/glossary", "case-mill")
    linked, _ = linked_sections(edition(plan, handout), small_site, SITE)
    assert 'href="#lh-page-2"' in linked  # the handout, inside the PDF
    assert f'href="{SITE}book/glossary.html#term-roi"' in linked  # the rest of that page: on the site
    alone, _ = linked_sections(
        edition(plan, Section("Glossary", '<p id="case-mill">x</p>', "appendix", "book/glossary")), small_site, SITE
    )
    assert 'href="#s2-case-mill"' in alone  # where the chapter prints whole, the link goes to the case in it


def test_the_site_address_comes_from_the_config():
    assert site_url().startswith("https://") and site_url().endswith("/")


def test_a_worksheet_prints_blank_with_each_choice_written_out():
    from bs4 import BeautifulSoup

    from leadership_handbook.print_pdf import blank_worksheet

    block = BeautifulSoup(
        '<section class="lh-exercise"><div class="lh-roi-example-note">Filled with the example</div>'
        '<input type="text" value="Facilitator fees"><input type="radio" value="3" checked>'
        '<textarea>My notes</textarea><label for="c">Category</label>'
        '<select id="c"><option value="fees" selected>Fees</option><option value="time">Time</option></select>'
        "</section>",
        "html.parser",
    )
    blank_worksheet(block)
    html = str(block)
    assert "Facilitator fees" not in html and "checked" not in html and "My notes" not in html
    assert "example" not in html and "<select" not in html
    assert 'id="c">Circle one: Fees / Time</span>' in html
    assert 'value="3"' in html  # a radio keeps its value: it is the answer it stands for, not a typed one
