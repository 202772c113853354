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
