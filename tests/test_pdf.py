"""The three PDFs: they open, have the right paper and length, carry every worksheet, keep answers out of the
participant workbook and in the facilitator guide, embed their fonts, and are tagged for a screen reader."""

import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from urllib.parse import urlsplit

import pikepdf
import pytest
from conftest import ROOT, made_once, run_folder
from pypdf import PdfReader, PdfWriter

from leadership_handbook.core.instruments import load
from leadership_handbook.print_pdf import CSS_SAFE, Edition, Section, css_string, edition_html, print_all, site_url
from leadership_handbook.site_check import PRINTED_LATER, html_pages
from leadership_handbook.tagged_pdf import with_artifacts

POINTS = {"a4": (595.92, 841.92), "letter": (612.0, 792.0)}
BOOK_TITLE = "Beyond the Course: Does Leadership Training Work?"
TITLES = {
    "handbook": f"{BOOK_TITLE}: The complete handbook",
    "participant-workbook": f"{BOOK_TITLE}: Participant workbook",
    "facilitator-guide": f"{BOOK_TITLE}: Facilitator guide: workbook, answer keys and session plans",
}
HEADINGS = {f"/H{level}" for level in range(1, 7)}
# PDF 1.7's standard structure types (ISO 32000-1, 14.8.4); any other needs a /RoleMap entry to one of them.
STANDARD_TYPES = {
    f"/{name}"
    for name in (
        "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 "
        "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot "
        "Ruby RB RT RP Warichu WT WP Figure Formula Form"
    ).split()
}


def normalised(text):
    """Text with ligatures (ﬁ, ﬀ) unfolded, word joiners (U+2060, which holds a minus to its number) dropped and
    white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text or "").replace("\u2060", "").split())


def pdf_page_texts(path) -> list[str]:
    """Each page's text, normalised, as poppler's pdftotext reads it in content-stream order (-raw): on every page
    of the three PDFs the same as pypdf's extract_text, in a tenth of the time."""
    assert shutil.which("pdftotext"), "pdftotext (Debian's poppler-utils, installed by `make browser`) is missing"
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    pages = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\f")[:-1]
    assert len(pages) == len(PdfReader(path).pages), f"{path}: pdftotext read {len(pages)} pages"
    return [normalised(page) for page in pages]


def printed_editions(site, browser, tmp_path_factory, paper="a4", only=None):
    """The folder the editions are printed into on ``paper``, and the printer's report: printed once per run, for
    every file that asks, however many xdist workers ask (conftest.made_once)."""

    def print_into(out):
        return out, print_all(ROOT, site, out, paper, date="2026-11-28", only=only, browser=browser)

    return made_once(run_folder(tmp_path_factory), f"pdf-{paper}-{'-'.join(only or ['all'])}", print_into)


LETTER_EDITIONS = ["participant-workbook", "facilitator-guide"]  # the guide too: its plans give the workbook's pages


@pytest.fixture(scope="session")
def printed(site, browser, tmp_path_factory):
    """The folder the three PDFs are printed into, and the printer's report."""
    return printed_editions(site, browser, tmp_path_factory)


@pytest.fixture(scope="session")
def pdfs(printed):
    out, report = printed
    return {slug: PdfReader(out / f"{slug}.pdf") for slug in report}, report


@pytest.fixture(scope="session")
def page_texts(printed):
    """Each PDF's text, page by page."""
    out, report = printed
    return {slug: pdf_page_texts(out / f"{slug}.pdf") for slug in report}


@pytest.fixture(scope="session")
def texts(page_texts):
    return {slug: " ".join(pages) for slug, pages in page_texts.items()}


def worksheet_titles(site):
    titles = []
    for page in html_pages(site / "exercises"):
        titles += re.findall(r'data-lh-title="([^"]+)"', page.read_text(encoding="utf-8"))
    return titles


def test_three_pdfs_on_a4_with_plausible_lengths(pdfs):
    readers, report = pdfs
    assert set(readers) == {"handbook", "participant-workbook", "facilitator-guide"}
    for slug, reader in readers.items():
        box = reader.pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(POINTS["a4"], abs=1), slug
        assert len(reader.pages) == report[slug]["pages"]
    assert 80 <= len(readers["handbook"].pages) <= 300
    assert 20 <= len(readers["participant-workbook"].pages) <= 120
    assert (
        len(readers["participant-workbook"].pages)
        < len(readers["facilitator-guide"].pages)
        < len(readers["handbook"].pages)
    )


def test_letter_paper_when_asked(site, browser, tmp_path_factory):
    out, report = printed_editions(site, browser, tmp_path_factory, "letter", LETTER_EDITIONS)
    assert list(report) == LETTER_EDITIONS  # only what was asked for
    reader = PdfReader(out / "participant-workbook.pdf")
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(POINTS["letter"], abs=1)
    assert len(reader.pages) == report["participant-workbook"]["pages"]
    starts = report["participant-workbook"]["starts"]
    assert tagging_problems(out / "participant-workbook.pdf", TITLES["participant-workbook"], starts) == []


def test_cover_and_contents(page_texts):
    workbook = page_texts["participant-workbook"]
    cover, contents = workbook[0], workbook[1]
    assert "PARTICIPANT WORKBOOK" in cover.upper() and "Beyond the Course" in cover
    assert "2026-11-28" in cover and "CC BY 4.0" in cover
    assert "page 1 of" not in cover and not cover.startswith(BOOK_TITLE)  # no running head, no page number
    assert contents.startswith(f"{BOOK_TITLE} Contents") and f"page 2 of {len(workbook)}" in contents


def top_level_bookmarks(reader):
    """[(title, page from 1), ...] of the outline's first level, read with pypdf."""
    return [
        (item.title, reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]


def pagination_problems(pages: list[str], bookmarks: list[tuple[str, int]], starts: dict[str, int]) -> list[str]:
    """Where the contents, the bookmarks (Chromium's, to each section's heading) and the running heads disagree
    with ``starts``, the page each section starts on: every page of a section is headed by the book's and
    the section's titles and numbered "page n of N"."""
    problems, total = [], len(pages)
    contents = " ".join(pages[1 : min(starts.values()) - 1])
    ends = [*list(starts.values())[1:], total + 1]
    for (title, start), end in zip(starts.items(), ends):
        if (title, start) not in bookmarks:
            problems.append(f"no bookmark to {title!r} on page {start}")
        if not re.search(re.escape(title) + rf"\s*\.*\s*{start}\b", contents):
            problems.append(f"the contents do not give {title!r} page {start}")
        for number in range(start, end):
            if not pages[number - 1].startswith(f"{BOOK_TITLE} {title}"):
                problems.append(f"page {number} is not headed {title!r}: {pages[number - 1][:100]!r}")
            if f"page {number} of {total}" not in pages[number - 1]:
                problems.append(f"page {number} does not say 'page {number} of {total}'")
    return problems


@pytest.mark.parametrize("slug", list(TITLES))
def test_contents_bookmarks_and_running_heads_match_the_pages(pdfs, page_texts, slug):
    readers, report = pdfs
    bookmarks = top_level_bookmarks(readers[slug])
    assert pagination_problems(page_texts[slug], bookmarks, report[slug]["starts"]) == []


def test_a_section_on_the_wrong_page_fails_the_pagination_check(pdfs, page_texts):
    """The companion: a section said to start a page later than it does is caught three ways."""
    readers, report = pdfs
    starts = dict(report["participant-workbook"]["starts"])
    title = list(starts)[2]
    starts[title] += 1
    problems = pagination_problems(
        page_texts["participant-workbook"], top_level_bookmarks(readers["participant-workbook"]), starts
    )
    assert any("bookmark" in p for p in problems) and any("contents" in p for p in problems), problems
    assert any(p.startswith(f"page {starts[title] - 1} is not headed") for p in problems), problems  # the real start


def test_every_worksheet_is_in_the_workbook_and_the_guide(site, texts):
    titles = worksheet_titles(site)
    assert len(titles) >= 8
    for title in titles:
        assert title in texts["participant-workbook"], title
        assert title in texts["facilitator-guide"], title


def explanations():
    quiz = load("knowledge_checks")
    return [
        " ".join(option["explanation"].split())[:60]
        for part in quiz["parts"]
        for question in part["questions"]
        for option in question["options"]
    ]


def test_answer_keys_only_in_the_facilitator_guide(texts):
    keys = explanations()
    assert len(keys) >= 30
    leaked = [k for k in keys if k in texts["participant-workbook"]]
    assert leaked == []
    assert "Answer key" not in texts["participant-workbook"]
    missing = [k for k in keys if k not in texts["facilitator-guide"]]
    assert missing == []
    assert "Session plans for facilitators" in texts["facilitator-guide"]
    assert "Scoring guide" in texts["facilitator-guide"]


def test_fonts_are_embedded(pdfs):
    readers, _ = pdfs
    for slug, reader in readers.items():
        for number, page in enumerate(reader.pages[:40], start=1):
            fonts = (page.get("/Resources") or {}).get("/Font") or {}
            for name, ref in fonts.items():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                descriptor = target.get("/FontDescriptor")
                assert descriptor is not None, f"{slug} page {number}: font {name} has no descriptor"
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    f"{slug} page {number}: font {name} is not embedded"
                )


# ------------------------------------------------------------------------------------- tagged, accessible PDF


def structure_elements(pdf):
    """Every structure element in reading order (depth first), each with the page (from 1) its content starts on:
    that of its first marked content (an MCID on the element's /Pg, or a reference with its own /Pg)."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    found = []

    def page_of(node, default=None):
        return pages.get(node.Pg.objgen) if "/Pg" in node else default

    def visit(element):
        entry = [element, None]
        found.append(entry)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                first = page_of(element)
            elif isinstance(kid, pikepdf.Dictionary):
                first = visit(kid) if "/S" in kid else page_of(kid, page_of(element))
            else:
                first = None
            entry[1] = entry[1] or first
        return entry[1]

    root = pdf.Root.get("/StructTreeRoot")
    top = root.get("/K") if root is not None else None
    for element in top if isinstance(top, pikepdf.Array) else [top] if top is not None else []:
        visit(element)
    return [(element, page) for element, page in found]


DRAWING = {"Tj", "TJ", "'", '"', "Do", "sh", "INLINE IMAGE", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}


def content_problems(instructions) -> list[str]:
    """What in a content stream a PDF/UA checker rejects ([] if nothing): drawing that is neither tagged content
    (inside a BDC with an MCID) nor an /Artifact, tagged content inside an artifact, and an artifact that
    straddles q/Q or BT/ET."""
    problems, marks = [], []  # "tagged", "artifact" or "other", innermost last
    for instruction in instructions:
        operator = str(instruction.operator)
        if operator in ("BDC", "BMC"):
            operands = list(instruction.operands)
            tagged = len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
            if tagged and "artifact" in marks:
                problems.append("tagged content inside an artifact")
            marks.append("tagged" if tagged else "artifact" if operands[0] == "/Artifact" else "other")
        elif operator == "EMC":
            if not marks:
                problems.append("EMC closes nothing")
            marks = marks[:-1]
        elif operator in DRAWING and not {"tagged", "artifact"} & set(marks):
            problems.append(f"{operator} is neither tagged nor an artifact")
        elif operator in ("q", "Q", "BT", "ET") and "artifact" in marks:
            problems.append(f"an artifact straddles {operator}")
    if marks:
        problems.append("marked content left open")
    return problems


def tagging_problems(path, title: str, starts: dict[str, int]) -> list[str]:
    """What keeps a PDF from working with a screen reader ([] if nothing): a structure tree with headings in
    reading order, figures with alternative text, the language, the title shown, and a bookmark per section."""
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if "/StructTreeRoot" not in root:
            problems.append("no structure tree (/StructTreeRoot): the PDF is untagged")
        if not bool((root.get("/MarkInfo") or {}).get("/Marked", False)):
            problems.append("/MarkInfo /Marked is not true")
        language = str(root.get("/Lang", ""))
        if not re.fullmatch(r"en(-[A-Z]{2})?", language):
            problems.append(f"/Lang is {language!r}, not English")
        if str(pdf.docinfo.get("/Title", "")) != title:
            problems.append(f"/Title is {str(pdf.docinfo.get('/Title', ''))!r}, not {title!r}")
        if not bool((root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle", False)):
            problems.append("/ViewerPreferences /DisplayDocTitle is not true: viewers show the file name")
        elements = structure_elements(pdf)
        kinds = Counter(str(element.S) for element, _ in elements)
        if not HEADINGS & set(kinds):
            problems.append("no headings (H1 to H6) in the structure tree")
        role_map = (root.get("/StructTreeRoot") or {}).get("/RoleMap") or {}
        for kind in sorted(set(kinds) - STANDARD_TYPES):
            if str(role_map.get(kind, "")) not in STANDARD_TYPES:
                problems.append(f"{kind} is no PDF 1.7 structure type and /RoleMap maps it to none")
        for element, page in elements:
            if element.S == "/Figure" and not str(element.get("/Alt", "")).strip():
                problems.append(f"a Figure on page {page} has no /Alt text")
        order = [page for _, page in elements if page is not None]
        if order != sorted(order):
            problems.append("the structure tree is not in page order")
        for number, page in enumerate(pdf.pages, start=1):
            counts = Counter(content_problems(pikepdf.parse_content_stream(page)))
            problems += [f"page {number}: {problem} ({count}×)" for problem, count in sorted(counts.items())]
        heading_pages = [page for element, page in elements if element.S == "/H1"]
        for section, start in starts.items():
            if start not in heading_pages:
                problems.append(f"no H1 in the structure tree on page {start}, where {section!r} starts")
    bookmarks = top_level_bookmarks(PdfReader(path))
    for section, start in starts.items():
        if (section, start) not in bookmarks:
            problems.append(f"no bookmark to {section!r} on page {start}")
    return problems


@pytest.mark.parametrize("slug", list(TITLES))
def test_every_pdf_is_tagged_for_a_screen_reader(printed, slug):
    out, report = printed
    assert tagging_problems(out / f"{slug}.pdf", TITLES[slug], report[slug]["starts"]) == []


def test_the_handbook_tags_its_figures_lists_and_tables(printed):
    out, _ = printed
    with pikepdf.open(out / "handbook.pdf") as pdf:
        kinds = Counter(str(element.S) for element, _ in structure_elements(pdf))
    assert kinds["/Figure"] >= 4 and kinds["/Table"] >= 10 and kinds["/L"] >= 50 and kinds["/H2"] >= 50, kinds


def test_pdfinfo_calls_every_pdf_tagged(printed):
    assert shutil.which("pdfinfo"), "pdfinfo (Debian's poppler-utils, installed by `make browser`) is missing"
    out, report = printed
    for slug in report:
        info = subprocess.run(["pdfinfo", out / f"{slug}.pdf"], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, flags=re.M), f"{slug}:\n{info}"
        tree = subprocess.run(["pdfinfo", "-struct", out / f"{slug}.pdf"], capture_output=True, text=True, check=True)
        assert "Syntax Error" not in tree.stderr, f"{slug}: {tree.stderr[:500]}"  # e.g. an unmapped /Strong


def test_an_untagged_copy_fails_the_tagging_check(printed, tmp_path):
    """The companion: the workbook's pages copied with pypdf (as merging per-section PDFs did) lose the tags."""
    out, report = printed
    writer = PdfWriter()
    for page in PdfReader(out / "participant-workbook.pdf").pages:
        writer.add_page(page)
    writer.add_metadata({"/Title": TITLES["participant-workbook"]})
    writer.write(tmp_path / "untagged.pdf")
    problems = tagging_problems(
        tmp_path / "untagged.pdf", TITLES["participant-workbook"], report["participant-workbook"]["starts"]
    )
    assert any("untagged" in p for p in problems) and any("/MarkInfo" in p for p in problems)
    assert any("/Lang" in p for p in problems) and any("DisplayDocTitle" in p for p in problems)
    assert any("no headings" in p for p in problems) and any("no bookmark" in p for p in problems)
    assert any(p.startswith("no H1 in the structure tree on page 3") for p in problems)


def test_damaged_tags_fail_the_tagging_check(printed, tmp_path):
    """The companion: a figure without alternative text, no language, another title, sections out of order."""
    out, report = printed
    with pikepdf.open(out / "handbook.pdf") as pdf:
        figure = next(element for element, _ in structure_elements(pdf) if element.S == "/Figure")
        del figure["/Alt"]
        pdf.Root.Lang = pikepdf.String("")
        document = pdf.Root.StructTreeRoot.K
        document.K = pikepdf.Array(reversed(list(document.K)))
        del pdf.Root.StructTreeRoot["/RoleMap"]
        pdf.pages[1].contents_add(pdf.make_stream(b"0 0 1 1 re f"), prepend=True)  # a square, untagged
        pdf.save(tmp_path / "damaged.pdf")
    problems = tagging_problems(tmp_path / "damaged.pdf", TITLES["participant-workbook"], report["handbook"]["starts"])
    assert any("Figure" in p and "/Alt" in p for p in problems), problems
    assert any("/Lang" in p for p in problems) and any("/Title" in p for p in problems), problems
    assert "the structure tree is not in page order" in problems
    assert "/Strong is no PDF 1.7 structure type and /RoleMap maps it to none" in problems
    assert "page 2: f is neither tagged nor an artifact (1×)" in problems


# ------------------------------------------------------------------- running heads: titles in CSS, without a build

HOSTILE_TITLE = 'Say "no" </style><script>alert(1)</script> \\ café – 50% off; }'


def css_string_problems(literal: str, text: str) -> list[str]:
    """Why ``literal`` is not a safe CSS string for ``text`` inside <style> ([] if it is)."""
    if not (literal.startswith('"') and literal.endswith('"')):
        return ["not a double-quoted string"]
    inner = literal[1:-1]
    problems = [f"{c!r} is written raw" for c in sorted(set(re.sub(r"\\[0-9a-f]{6}", "", inner)) - CSS_SAFE)]
    # As CSS reads it: an escape takes one white space after it as its own end.
    if re.sub(r"\\([0-9a-f]{1,6})(?:\r\n|[ \t\r\n\f])?", lambda m: chr(int(m.group(1), 16)), inner) != text:
        problems.append("it does not read back as the text")
    return problems


def test_a_title_becomes_a_safe_css_string():
    for text in ("1. Does leadership training work?", HOSTILE_TITLE, ""):
        assert css_string_problems(str(css_string(text)), text) == []


def test_a_title_quoted_naively_fails_the_css_string_check():
    problems = css_string_problems('"' + HOSTILE_TITLE + '"', HOSTILE_TITLE)
    assert "'\"' is written raw" in problems and "'<' is written raw" in problems


def test_the_edition_document_links_its_contents_and_names_a_page_per_section(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.html").write_text('<link rel="stylesheet" href="../_static/theme.css">', "utf-8")
    sections = [Section("Plain title", "<p>One</p>"), Section(HOSTILE_TITLE, "<p>Two</p>", "worksheet")]
    html = edition_html(
        Edition("test", "Book", "Test edition", sections), [3, 7], "2026-11-28", tmp_path, "https://example.org/b/"
    )
    assert '<html lang="en-GB">' in html and "<title>Book: Test edition</title>" in html
    assert re.search(r'href="#lh-page-1">Plain title</a><span class="lh-toc-page">3<', html)
    assert re.search(
        r'href="#lh-page-2"><b class="lh-toc-kind">Worksheet: </b>[^<]*</a><span class="lh-toc-page">7<', html
    )
    assert '<section class="lh-print-section lh-worksheet lh-page-2" id="lh-page-2">' in html
    style = html.split("<style>")[1].split("</style>")[0]
    assert f"@page lh-page-2 {{ @top-left {{ content: {css_string(BOOK_TITLE)}; }}" in style
    assert f"@top-right {{ content: {css_string(HOSTILE_TITLE)}; }}" in style and "<" not in style
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html  # text in the contents too


# ----------------------------------------------------------------- artifacts in a content stream, without a build

# What Chromium writes, in small: a page background, a running head and its rule, the page's clip, tagged text
# with a ligature (a /Span with its ActualText), and a select's drawn text with one.
CHROMIUM_PAGE = b"""q 1 1 1 rg 0 0 10 10 re f Q
q 0 0 0 rg BT /F1 8 Tf 1 0 0 1 5 5 Tm <0001> Tj 2 0 Td <0002> Tj ET 0 10 m 10 10 l S Q
q 0 0 100 100 re W* n
/NonStruct <</MCID 0>> BDC BT /F1 8 Tf <0003> Tj /Span <</ActualText (fi)>> BDC <0004> Tj EMC ET EMC
BT <0005> Tj /Span <</ActualText (fi)>> BDC <0006> Tj EMC <0007> Tj ET
Q"""


def instructions_of(data: bytes):
    scratch = pikepdf.new()  # the stream lives as long as its PDF does
    return pikepdf.parse_content_stream(scratch.make_stream(data))


def test_untagged_drawing_becomes_artifacts_and_nothing_else_changes():
    before = instructions_of(CHROMIUM_PAGE)
    assert content_problems(before) != []
    after = instructions_of(pikepdf.unparse_content_stream(with_artifacts(before)))  # and it parses again
    assert content_problems(after) == []
    unmarked = [(str(i.operator), list(i.operands)) for i in after if str(i.operator) not in ("BMC", "EMC")]
    assert unmarked == [(str(i.operator), list(i.operands)) for i in before if str(i.operator) not in ("BMC", "EMC")]
    assert sum(1 for i in after if str(i.operator) == "BMC") == 4  # background, head, its rule, select's text


def test_one_artifact_around_everything_fails_the_content_check():
    """The companion: wrapping the whole page straddles q/Q and BT/ET and holds the tagged text."""
    wrapped = instructions_of(b"/Artifact BMC " + CHROMIUM_PAGE + b" EMC")
    problems = content_problems(wrapped)
    assert "tagged content inside an artifact" in problems and "an artifact straddles BT" in problems


def pdf_links(path):
    """[(page number, uri or None, has an internal destination)] for every link annotation in the PDF."""
    reader = PdfReader(path)
    links = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            links.append((number, action.get("/URI"), annotation.get("/Dest") is not None or action.get("/D")))
    return links


# ------------------------------------------------------------------------------------------- the real PDFs


@pytest.mark.parametrize("slug", ["handbook", "participant-workbook", "facilitator-guide"])
def test_no_pdf_link_points_to_this_machine_or_a_missing_page(printed, site, slug):
    base = site_url()
    links = pdf_links(printed[0] / f"{slug}.pdf")
    uris = [uri for _, uri, _ in links if uri]
    assert len(links) > 20, f"{slug}: only {len(links)} links; were the links dropped?"
    assert [u for u in uris if not u.startswith(("https://", "http://", "mailto:"))] == []
    missing = []
    for uri in uris:
        if uri.startswith(base):
            path = urlsplit(uri).path.removeprefix(urlsplit(base).path)
            if not (site / path).exists() and path not in PRINTED_LATER:  # the other editions join the site later
                missing.append(uri)
    assert missing == []
    assert any(internal for _, _, internal in links), f"{slug}: no link jumps inside the PDF"


def test_the_workbook_gives_the_site_address_on_its_cover_and_worksheets(page_texts):
    base = site_url()
    pages = page_texts["participant-workbook"]
    assert base.rstrip("/") in "".join(pages[0].split())  # a long address may wrap
    sheets = [p for p in pages if "Fill it in online" in p]
    assert len(sheets) >= 6


def test_the_workbook_worksheets_print_blank(page_texts):
    """The workbook is filled in by hand: no worksheet in it carries the fictional example's figures or labels."""
    example = load("roi_example")
    sheets = " ".join(p for p in page_texts["participant-workbook"] if "Fill it in online" in p)
    assert "Fully loaded costs" in sheets  # the ROI worksheet is there ...
    for cost in example["costs"]:
        assert " ".join(cost["label"].split())[:30] not in sheets, cost["label"]  # ... and empty


def test_the_site_links_the_editions_the_printer_makes(printed):
    """The site's links to pdf/<edition>.pdf (site_check.PRINTED_LATER) name exactly the editions printed."""
    _, report = printed
    assert {f"pdf/{slug}.pdf" for slug in report} == PRINTED_LATER


@pytest.mark.parametrize("phrase", ["download button", "Show code cell", "savefig(", "import leadership_handbook"])
def test_nothing_meant_for_the_screen_prints(texts, phrase):
    for slug, text in texts.items():
        assert phrase not in text, f"{slug}: {phrase!r}"
