"""What a screen reader hears from the printed PDFs: no two words run together where a line wraps. Its own file,
with no fixture of its own wider than a test, so that xdist spreads its tests beside tests/test_pdf.py; the PDFs are
still printed once per run for every file (test_pdf.printed_editions)."""

import functools
import re
import shutil
import subprocess

import pikepdf
import pytest
from bs4 import BeautifulSoup
from test_pdf import TITLES, printed_editions

from leadership_handbook.site_check import html_pages


@pytest.fixture
def printed(site, browser, tmp_path_factory):
    return printed_editions(site, browser, tmp_path_factory)


# ------------------------------------------------------------------------- words a screen reader hears apart

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
LIGATURES = set("ﬀﬁﬂﬃﬄ")  # a ligature's glyph read without its ActualText: a word that may be cut short
PRINTED_WORDS = "Worksheet Contents page of Chapter summary Edition"  # written by the printer, not the site


HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
SHOWN = {"Tj", "TJ", "'", '"'}  # the operators that draw text


def utf16(digits: bytes) -> str:
    return bytes.fromhex(digits.decode()).decode("utf-16-be", errors="replace")


def unicode_of(font) -> tuple[dict[bytes, str], int]:
    """A font's {character code: text} from its /ToUnicode CMap (bfchar and bfrange), and its code length in bytes."""
    width = 2 if font.get("/Subtype") == "/Type0" else 1
    codes: dict[bytes, str] = {}
    if "/ToUnicode" not in font:
        return codes, width
    cmap = font.ToUnicode.read_bytes()
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", cmap)
    width = len(space.group(1)) // 2 if space else width
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, flags=re.S):
        pairs = HEX.findall(block)
        codes.update((bytes.fromhex(code.decode()), utf16(text)) for code, text in zip(pairs[::2], pairs[1::2]))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, flags=re.S):
        for low, high, target in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", block):
            first, count, size = int(low, 16), int(high, 16) - int(low, 16) + 1, len(low) // 2
            if target.startswith(b"["):  # one text a code
                texts = [utf16(text) for text in HEX.findall(target)]
            else:  # consecutive texts from the first
                digits = target[1:-1]
                texts = [utf16(b"%0*X" % (len(digits), int(digits, 16) + n)) for n in range(count)]
            codes.update(((first + n).to_bytes(size, "big"), text) for n, text in enumerate(texts))
    return codes, width


def marked_content_texts(stream, resources, fonts: dict) -> dict[int, str]:
    """{MCID: its text} for one content stream: the glyphs drawn inside each tagged run, as their /ToUnicode
    gives them, or a /Span's /ActualText in place of the glyphs it covers (Chromium's ligatures and clusters)."""
    texts: dict[int, list[str]] = {}
    marks: list[tuple[int | None, bool]] = []  # per open BDC/BMC: (its MCID, whether an ActualText replaces it)
    font, saved = None, []
    font_resources = resources.get("/Font") or {}
    for operands, operator in pikepdf.parse_content_stream(stream):
        operator = str(operator)
        if operator in ("BDC", "BMC"):
            properties = operands[1] if operator == "BDC" else None
            if isinstance(properties, pikepdf.Name):
                properties = (resources.get("/Properties") or {}).get(properties)
            properties = properties if isinstance(properties, pikepdf.Dictionary) else {}
            marks.append((int(properties.MCID) if "/MCID" in properties else None, "/ActualText" in properties))
            owner = next((mcid for mcid, _ in reversed(marks) if mcid is not None), None)
            if "/ActualText" in properties and owner is not None:
                texts.setdefault(owner, []).append(str(properties.ActualText))
        elif operator == "EMC" and marks:
            marks.pop()
        elif operator == "q":
            saved.append(font)
        elif operator == "Q" and saved:
            font = saved.pop()
        elif operator == "Tf" and operands[0] in font_resources:
            ref = font_resources[operands[0]]
            key = ref.objgen if ref.is_indirect else id(ref)
            font = fonts[key] if key in fonts else fonts.setdefault(key, unicode_of(ref))
        elif operator in SHOWN:
            owner = next((mcid for mcid, _ in reversed(marks) if mcid is not None), None)
            if owner is None or font is None or any(replaced for _, replaced in marks):
                continue  # an artifact, or glyphs an ActualText already spoke for
            shown = operands[0] if operator == "TJ" else [operands[-1]]
            codes, width = font
            for string in (bytes(item) for item in shown if isinstance(item, pikepdf.String)):
                texts.setdefault(owner, []).extend(
                    codes.get(string[i : i + width], "") for i in range(0, len(string), width)
                )
    return {mcid: "".join(parts) for mcid, parts in texts.items()}


def tagged_runs(path) -> list[str]:
    """The text of each marked-content run of a PDF's tagged content, in reading order (the structure tree's), as
    poppler's `pdfinfo -struct-text` reads them, but in one pass over each page (poppler reads a page once per run:
    20 s for the handbook) and without poppler's stop at an ActualText (it drops the rest of a run after a
    ligature)."""
    with pikepdf.open(path) as pdf:
        fonts, streams, parts = {}, {}, []

        def texts_of(stream, resources):
            if stream.objgen not in streams:
                streams[stream.objgen] = marked_content_texts(stream, resources, fonts)
            return streams[stream.objgen]

        def visit(element, page):
            page = element.get("/Pg", page)  # an element without /Pg is on its parent's page
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):
                    parts.append(texts_of(page, pikepdf.Page(page).resources).get(kid, ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    visit(kid, page)
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    on = kid.get("/Pg", page)
                    stream, resources = (kid.Stm, kid.Stm.get("/Resources")) if "/Stm" in kid else (on, None)
                    resources = resources if resources is not None else pikepdf.Page(on).resources
                    parts.append(texts_of(stream, resources).get(int(kid.MCID), ""))

        visit(pdf.Root.StructTreeRoot, None)
    return parts


def tagged_text(path) -> str:
    """What a screen reader hears of a tagged PDF: its runs' text, in reading order."""
    return " ".join(tagged_runs(path))


def poppler_runs(path) -> list[str]:
    """The runs' text as `pdfinfo -struct-text` prints them (the reference for tagged_runs, on small PDFs)."""
    assert shutil.which("pdfinfo"), "pdfinfo (Debian's poppler-utils, installed by `make browser`) is missing"
    out = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True, check=True).stdout
    return re.findall(r'^\s*"(.*)"$', out, flags=re.M)


def run_together_words(text: str, vocabulary: set[str]) -> list[str]:
    """The words of ``text`` that are two words of ``vocabulary`` run together ("takepart"), as where a line wraps."""
    found = set()

    def known(part):  # a stray letter ("co" as "c" and "o") is no word run together
        return part in vocabulary and (len(part) > 1 or part in ("a", "i"))

    for word in WORD.findall(text):
        lower = word.lower()
        if lower in vocabulary or LIGATURES & set(word):
            continue
        if any(known(lower[:i]) and known(lower[i:]) for i in range(1, len(lower))):
            found.add(word)
    return sorted(found)


@pytest.fixture
def vocabulary(site):
    return site_words(site)


@functools.cache  # once a worker: a fixture wider than a test would keep this file on one worker (conftest.py)
def site_words(site) -> frozenset[str]:
    """Every word of the site's pages, their text and their form fields' values, and the printer's own."""
    words = set(PRINTED_WORDS.lower().split())
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        values = " ".join(
            str(tag.get("value", "")) + " " + str(tag.get("placeholder", "")) for tag in soup.find_all(True)
        )
        words |= {word.lower() for word in WORD.findall(soup.get_text(" ") + " " + values)}
    return frozenset(words)


@pytest.mark.parametrize("slug", list(TITLES))
def test_a_screen_reader_hears_the_words_where_lines_wrap(printed, vocabulary, slug):
    """Chromium drops the space at a soft line break unless it is preserved (print/keep_spaces.html); it still
    drops one that hangs past the right edge, about one line in a thousand."""
    out, report = printed
    text = tagged_text(out / f"{slug}.pdf")
    if slug != "handbook":
        assert "who buy, design, run and take part in leadership training" in text  # wraps at "take" on the cover
    heard = "".join(text.split())
    assert [title for title in report[slug]["starts"] if "".join(title.split()) not in heard] == []  # read whole
    run_together = run_together_words(text, vocabulary)
    assert len(run_together) <= len(WORD.findall(text)) / 1000, run_together


# A page Chromium prints tagged: a narrow paragraph it wraps without keeping the spaces, a ligature ("fi") and a
# minus held to its number by a word joiner, which it writes as ActualText.
WRAPPING_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Wrapping</title></head><body style="margin: 0">
<p style="width: 10em">People who buy, design, run and take part in leadership training every year</p>
<p>A figure of &minus;&#8288;0.19 and a final word.</p><p>The last paragraph.</p></body></html>"""


def test_the_reader_hears_what_poppler_hears_and_the_rest_of_a_run_after_a_ligature(page, tmp_path):
    """The companion of tagged_runs, on Chromium's own output: each run reads as poppler reads it, words run
    together at the wraps included, except that poppler stops at a ligature's ActualText and ours reads on."""
    page.set_content(WRAPPING_PAGE)
    path = tmp_path / "wrapping.pdf"
    path.write_bytes(page.pdf(tagged=True, width="4in", height="4in"))
    ours, poppler = tagged_runs(path), poppler_runs(path)
    assert len(ours) == len(poppler) >= 3
    cut = [(a, b) for a, b in zip(ours, poppler) if a != b]
    assert [b[-1] for _, b in cut] == ["ﬁ"], cut  # the one difference: poppler stops at the ligature ...
    assert cut[0][0].startswith(cut[0][1][:-1] + "fi") and "0.19 and a final word." in cut[0][0]  # ... we read on
    vocabulary = {word.lower() for word in WORD.findall(BeautifulSoup(WRAPPING_PAGE, "html.parser").get_text(" "))}
    assert run_together_words(" ".join(ours), vocabulary) != []  # Chromium dropped the spaces where the lines wrap


def test_words_run_together_fail_the_check(vocabulary):
    """The companion: what the PDFs said before the spaces were preserved."""
    text = "An evidence-based handbook for people who buy, design, run and takepart in leadership training"
    assert run_together_words(text, vocabulary) == ["takepart"]
