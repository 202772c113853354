"""Fixes to the default stack's HTML: named checklist boxes, valid bibliography roles."""

from leadership_handbook.sphinx_ext.page_fixes import fix_body_html


def test_checklist_boxes_are_named_by_their_item_text():
    body = (
        '<li class="task-list-item"><p><input class="task-list-item-checkbox" disabled="disabled" '
        'type="checkbox"> Agree the <em>results</em> &amp; measures first.</p></li>'
    )
    fixed = fix_body_html(body)
    assert 'aria-label="Agree the results &amp; measures first."' in fixed
    assert fixed.endswith("Agree the <em>results</em> &amp; measures first.</p></li>")


def test_bibliography_entries_become_list_items():
    body = '<div role="list" class="citation-list"><div class="citation" id="x" role="doc-biblioentry">'
    assert 'role="doc-biblioentry"' not in fix_body_html(body)
    assert 'role="listitem"' in fix_body_html(body)


NOTEBOOK_PAGE = (
    '<section id="do-it-here-in-your-browser"><h2>Do it here, in your browser<a class="headerlink" href="#do-it-here'
    '-in-your-browser">#</a></h2><p>The form.</p></section>\n'
    '<section id="run-it-as-a-notebook">\n<h2>Run it as a notebook<a class="headerlink" href="#run-it-as-a-notebook"'
    ' title="Link to this heading">#</a></h2>\n<p>For analysts.</p>\n'
    '<section id="the-example-s-answers"><h3>The example\'s answers</h3><div class="cell">code</div></section>\n'
    '<section id="results"><h3>Results</h3><section id="deeper"><h4>Deeper</h4></section></section>\n'
    "</section>\n<p>After the section.</p>"
)


def test_the_notebook_section_is_a_closed_details_with_its_heading_as_summary():
    fixed = fix_body_html(NOTEBOOK_PAGE)
    start = fixed.index('<section id="run-it-as-a-notebook">')
    details = fixed[start:]
    assert details.index("<details") < details.index("<summary><h2>Run it as a notebook")
    assert "(for analysts: the code and a worked example)</span></h2></summary>" in details
    assert "<details open" not in fixed and 'headerlink" href="#run-it-as-a-notebook"' not in fixed
    # Everything the section held is inside the details, and what follows the section is outside it.
    inside = details[: details.index("</details>")]
    assert "For analysts." in inside and "The example's answers" in inside and "<h4>Deeper</h4>" in inside
    assert fixed.count("<section") == fixed.count("</section>")
    assert fixed.index("</details>") < fixed.index("<p>After the section.</p>")
    assert (
        fixed[: fixed.index("</details>")].count("<section") - fixed[: fixed.index("</details>")].count("</section>")
        == 1
    )  # only the notebook section itself is still open at </details>
    assert "<details" not in fixed[:start]  # the reader's form section is untouched


def test_a_page_without_the_section_is_unchanged():
    body = '<section id="run-it"><h2>Run it</h2></section>'
    assert fix_body_html(body) == body


def test_the_contents_menu_lists_the_notebook_section_without_its_headings():
    from leadership_handbook.sphinx_ext.page_fixes import toc_without_notebook_headings

    toc = (
        '<ul>\n<li><a class="reference internal" href="#">Training ROI calculator</a><ul>\n'
        '<li><a class="reference internal" href="#do-it-here-in-your-browser">Do it here</a></li>\n'
        '<li><a class="reference internal" href="#run-it-as-a-notebook">Run it as a notebook</a><ul>\n'
        '<li><a class="reference internal" href="#results">Results</a><ul>\n'
        '<li><a class="reference internal" href="#deeper">Deeper</a></li>\n</ul>\n</li>\n</ul>\n</li>\n'
        "</ul>\n</li>\n</ul>\n"
    )
    fixed = toc_without_notebook_headings(toc)
    assert 'href="#run-it-as-a-notebook">Run it as a notebook</a></li>' in fixed.replace("\n", "")
    assert "#results" not in fixed and "#deeper" not in fixed and "#do-it-here-in-your-browser" in fixed
    assert fixed.count("<ul>") == fixed.count("</ul>") == 2


def test_no_head_script_blocks_the_parser_and_the_pagename_line_waits_for_its_file():
    from sphinx.builders.html._assets import _JavaScript

    from leadership_handbook.sphinx_ext.page_fixes import deferred_scripts

    scripts = [
        _JavaScript("documentation_options.js", priority=1),
        _JavaScript("doctools.js"),
        _JavaScript(None, body="let toggleHintShow = 'Click to show';"),
        _JavaScript(None, body="var togglebuttonSelector = '.toggle';"),
        _JavaScript(None, body="var togglebuttonSelector = '.toggle';"),
        _JavaScript("lh-core.js", defer="defer"),
        _JavaScript("other.js", **{"async": "async"}),
        _JavaScript(None, body="DOCUMENTATION_OPTIONS.pagename = 'book/intro';"),
        _JavaScript(None, body="window.lhSomething = 1;"),
    ]
    kept = deferred_scripts(scripts)
    by_name = {(script.filename or script.attributes["body"]): script.attributes for script in kept}
    assert by_name["documentation_options.js"] == {"defer": "defer"} and by_name["doctools.js"] == {"defer": "defer"}
    assert by_name["lh-core.js"] == {"defer": "defer"} and by_name["other.js"] == {"async": "async"}
    # It reads DOCUMENTATION_OPTIONS, so it runs as a module: after the deferred file that defines it, in order.
    assert by_name["DOCUMENTATION_OPTIONS.pagename = 'book/intro';"]["type"] == "module"
    assert "type" not in by_name["window.lhSomething = 1;"]
    # togglebutton.js is not on the page, so its settings go too.
    assert not any("toggle" in (script.attributes.get("body") or "") for script in kept)
    assert [s.priority for s in kept if s.filename == "documentation_options.js"] == [1]
    assert [s.filename for s in kept if s.filename][:2] == ["documentation_options.js", "doctools.js"]


def test_togglebutton_s_settings_stay_once_where_togglebutton_js_is_loaded():
    from sphinx.builders.html._assets import _JavaScript

    from leadership_handbook.sphinx_ext.page_fixes import deferred_scripts

    selector = "var togglebuttonSelector = '.toggle';"
    scripts = [_JavaScript(None, body=selector), _JavaScript(None, body=selector), _JavaScript("togglebutton.js")]
    kept = deferred_scripts(scripts)
    assert [s.attributes.get("body") for s in kept if not s.filename] == [selector]
    assert kept[-1].attributes == {"defer": "defer"}
