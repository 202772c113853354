"""The pages' prose the build writes for the search page's snippets (sphinx_ext/search_text.py)."""

import json

from bs4 import BeautifulSoup

from leadership_handbook.site_check import html_pages, is_redirect
from leadership_handbook.sphinx_ext.search_text import FOLDER, HEAD, prose


def passage(found: dict, anchor: str) -> str:
    """What lh-search-page.js shows for a result linking to #anchor."""
    return ": ".join(found["text"][start:end].strip() for start, end in found["anchors"][anchor])


def test_blocks_and_cells_are_words_apart_and_inline_markup_is_not():
    found = prose(
        "<p>An <em>emph</em>asis, <code>x</code>.</p><table><tr><th>Feature</th><td>Basis</td></tr></table>"
        "<ul><li>one<li>two</ul><p>end</p>"
    )
    assert found["text"] == "An emphasis, x. Feature Basis one two end"


def test_headings_links_scripts_and_templates_are_not_prose():
    found = prose(
        '<section id="why"><h2>Why<a class="headerlink" href="#why">#</a></h2><script>var a = "<p>no</p>";</script>'
        "<template><p>hidden</p></template><p>Because &amp; so.</p><noscript>Turn on</noscript></section>"
    )
    assert found["text"] == "Why Because & so."
    assert passage(found, "why") == "Why Because & so."


def test_a_section_s_range_is_its_own_text_and_a_term_s_includes_its_definition():
    found = prose(
        '<section id="one"><h2>One</h2><p>first</p></section><section id="two"><h2>Two</h2>'
        '<dl class="glossary"><dt id="term-ROI">ROI<a class="headerlink" href="#term-ROI">#</a></dt>\n'
        '<dd><p>Return on investment.</p></dd><dt id="term-NPV">NPV</dt><dd>Net value.</dd></dl></section>'
    )
    assert passage(found, "one") == "One first"
    assert passage(found, "term-ROI") == "ROI: Return on investment."
    assert passage(found, "term-NPV") == "NPV: Net value."
    assert passage(found, "two").startswith("Two ROI Return on investment.")


def test_every_page_has_its_prose_written_beside_the_site(site):
    pages = [path for path in html_pages(site) if not is_redirect(path)]
    checked = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        article = soup.select_one("article.bd-article")
        name = path.relative_to(site).with_suffix(".json")
        written = site / FOLDER / name
        if article is None or path.name in ("search.html", "genindex.html"):
            assert not written.exists(), name
            continue
        found = json.loads(written.read_text("utf-8"))
        rest = written.with_suffix(".rest.json")
        assert len(found["text"]) <= HEAD and rest.exists() == (found["length"] > HEAD), name
        if rest.exists():  # the page's prose is its first part and the rest
            found["text"] += json.loads(rest.read_text("utf-8"))["text"]
        assert len(found["text"]) == found["length"], name
        title = " ".join(soup.select_one("article h1").get_text().replace("#", "").split())
        assert found["text"].startswith(title), (name, found["text"][:80], title)
        for section in article.select("section[id]"):
            heading = section.find(["h1", "h2", "h3", "h4", "h5", "h6"])
            words = " ".join(heading.get_text().replace("#", "").split())
            assert passage(found, section["id"]).startswith(words), (name, section["id"])
        checked += 1
    assert checked >= 20
    assert (site / FOLDER / "book/glossary.json").exists()
