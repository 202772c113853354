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
