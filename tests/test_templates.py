"""Worksheets and answer keys as HTML, without a build: snapshots of each, and text that is never markup.

A snapshot that differs fails with a diff; after a change you meant, accept the new HTML with
`pytest tests/test_templates.py --force-regen` and read the diff before committing it.
"""

import copy
import re
from pathlib import Path

import pytest

from leadership_handbook.core.instruments import list_instruments, load
from leadership_handbook.core.templates import RenderContext, render_answer_key, render_worksheet
from leadership_handbook.kinds import KINDS

INSTRUMENTS = [name for name in list_instruments() if name != "handbook"]
PACKAGE = Path(__file__).resolve().parent.parent / "leadership_handbook"


def forms():
    """(snapshot name, instrument name, options) for every form the book can show."""
    for name in INSTRUMENTS:
        parts = [p["id"] for p in load(name).get("parts", [])]
        for part in parts or [None]:
            yield (f"{name}-{part}" if part else name), name, ({"part": part} if part else {})


CONTEXT = {
    "links": {"future-proof": {"href": "../book/future-proof-person.html", "title": "The Future-Proof person"}},
    "page_title": "An exercise page",
}


def test_every_kind_has_an_instrument():
    assert {load(name)["kind"] for name in INSTRUMENTS} == set(KINDS)


@pytest.mark.parametrize("snapshot,name,options", list(forms()), ids=lambda v: v if isinstance(v, str) else "")
def test_worksheet_snapshot(file_regression, snapshot, name, options):
    html = render_worksheet(load(name), RenderContext(options=options, **CONTEXT))
    file_regression.check(html + "\n", basename=f"worksheet-{snapshot}", extension=".html")


@pytest.mark.parametrize("name", INSTRUMENTS)
def test_answer_key_snapshot(file_regression, name):
    file_regression.check(render_answer_key(load(name)) + "\n", basename=f"answer_key-{name}", extension=".html")


HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def _plant(node, text):
    """Put hostile text in every text field of an instrument (not ids, which a schema keeps plain)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key not in (
                "id",
                "kind",
                "chapter",
                "dimension",
                "stage",
                "framework",
                "currency",
                "category",
                "focus",
                "frequency",
                "impact",
                "choices",
            ):
                node[key] = value + text
            else:
                _plant(value, text)
    elif isinstance(node, list):
        for value in node:
            _plant(value, text)


@pytest.mark.parametrize("snapshot,name,options", list(forms()), ids=lambda v: v if isinstance(v, str) else "")
def test_text_from_an_instrument_is_never_markup(snapshot, name, options):
    instrument = copy.deepcopy(load(name))
    _plant(instrument, HOSTILE)
    for html in (render_worksheet(instrument, RenderContext(options=options)), render_answer_key(instrument)):
        assert "&lt;script&gt;alert(2)" in html or "alert(2)" not in html.split("lh-spec")[0]
        body = re.sub(r'<script type="application/json" class="lh-spec">.*?</script>', "", html, flags=re.S)
        assert "<script>alert(2)" not in body and "<img src=x" not in body
        spec = re.search(r'class="lh-spec">(.*?)</script>', html, flags=re.S)
        assert spec is None or "</script>" not in spec.group(1).replace("<\\/", "")


# Not HTML built for a page: messages that name a tag, the one <meta> tag page_fixes swaps into finished HTML, and
# the one stylesheet <link> purge_css puts in place of a page's several.
NOT_BUILDING_HTML = {"site_check.py", "sphinx_ext/page_fixes.py", "purge_css.py"}
TAG = re.compile(
    r"""["']<(p|div|span|li|ul|ol|table|tr|td|th|section|form|input|label|button|h[1-6]|a|b|strong|em|"""
    r"""details|summary|fieldset|legend|select|option|textarea|caption|thead|tbody|link|meta|html|body|"""
    r"""head|title|main|br)[ >/]"""
)


def test_no_html_is_built_from_strings_in_python():
    """HTML lives in templates: no Python module of the package writes a tag in an f-string or a literal."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).as_posix() in NOT_BUILDING_HTML or path.name == "cases.py":  # cases: test data
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TAG.search(line.split("#", 1)[0]):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []
