"""A page loads only the extension assets its content uses, and no page loads the search index but search."""

import re

from leadership_handbook.site_check import html_pages
from leadership_handbook.sphinx_ext.page_fixes import used_assets


def test_unused_assets_are_dropped_and_used_ones_kept():
    assets = [
        "_static/sphinx-thebe.css",
        "_static/pygments.css?v=1",
        "_static/copybutton.js",
        "_static/theme.css",
        "_static/mystnb.abc.css",
        "_static/sphinx-design.min.css",
    ]
    plain = used_assets(assets, "<p>Prose only.</p>")
    assert plain == ["_static/theme.css"]
    with_code = used_assets(assets, '<div class="cell_output"><div class="highlight"><pre>x</pre></div></div>')
    assert with_code == [
        "_static/pygments.css?v=1",
        "_static/copybutton.js",
        "_static/theme.css",
        "_static/mystnb.abc.css",
    ]


def test_only_the_search_page_loads_the_search_index(site):
    # The search page fetches searchindex.js once it has loaded, through lh-search-page.js (templates/search.html).
    # (its loading in the browser: tests/test_page_speed.py)
    loading = [
        p.name
        for p in html_pages(site)
        if re.search(r"searchindex\.js|lh-search-page\.js", p.read_text(encoding="utf-8"))
    ]
    assert loading == ["search.html"]
    chapter = (site / "book" / "does-it-work.html").read_text(encoding="utf-8")
    assert "sphinx-thebe.css" not in chapter and "copybutton.js" not in chapter
