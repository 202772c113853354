"""The group debrief without a build or a browser: the block it writes, the script it loads, what it keeps."""

import json
import re

from bs4 import BeautifulSoup
from conftest import ROOT

from leadership_handbook.core.instruments import load
from leadership_handbook.kinds import KINDS
from leadership_handbook.sphinx_ext.group_debrief import (
    DEFAULT_THRESHOLD,
    GROUP_KINDS,
    MIN_THRESHOLD,
    group_instruments,
    render_group_debrief,
)
from leadership_handbook.sphinx_ext.page_assets import GROUP_SCRIPT, page_scripts

CORE = ROOT / "leadership_handbook" / "core"
GROUP_JS = [CORE / "group.js", CORE / "group_kinds.js", CORE / "group_view.js"]
# What would keep, send or run something: none of it may appear in the group view's scripts.
BANNED = "localStorage sessionStorage indexedDB fetch( XMLHttpRequest sendBeacon innerHTML outerHTML eval(".split()
BANNED += ["insertAdjacentHTML", "new Function", "document.cookie", "WebSocket"]


def test_it_reads_every_instrument_of_the_kinds_it_knows():
    names = group_instruments()
    assert {"future_proof", "programme_audit", "knowledge_checks"} <= set(names)
    assert all(load(name)["kind"] in GROUP_KINDS for name in names)
    assert set(GROUP_KINDS) <= set(KINDS)


def test_every_kind_it_knows_has_an_adapter_and_its_rules_in_the_script():
    adapters = (CORE / "group_kinds.js").read_text(encoding="utf-8")
    listed = re.search(r"adapters: \{([^}]*)\}", adapters).group(1)
    assert sorted(a.strip() for a in listed.split(",")) == sorted(GROUP_KINDS)
    sources = page_scripts()[GROUP_SCRIPT]
    assert all(path.is_file() for path in sources)
    for kind in GROUP_KINDS:
        assert KINDS[kind].folder / "rules.js" in sources
    names = [path.name for path in sources]
    assert names.index("group.js") > names.index("rules.js") and names[-1] == "group_view.js"


def test_the_group_view_keeps_nothing_sends_nothing_and_never_writes_markup():
    sources = [p for p in page_scripts()[GROUP_SCRIPT] if p.name.startswith("group")]
    assert sorted(sources) == sorted(GROUP_JS)
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for banned in BANNED:
            assert banned not in text, f"{path.name} uses {banned}"
    assert "storage.js" not in [p.name for p in page_scripts()[GROUP_SCRIPT]]


def test_the_block_embeds_the_instruments_as_data_and_says_what_it_keeps():
    instruments = {i["id"]: i for i in (load(n) for n in ("future_proof", "knowledge_checks"))}
    html = render_group_debrief(instruments)
    soup = BeautifulSoup(html, "html.parser")
    spec = soup.select_one("script.lh-group-spec")
    assert spec["type"] == "application/json"
    assert json.loads(spec.string)["instruments"] == instruments
    threshold = soup.select_one("input.lh-group-threshold")
    assert threshold["min"] == str(MIN_THRESHOLD) and threshold["value"] == str(DEFAULT_THRESHOLD)
    assert soup.select_one("input[type=file]")["accept"] == ".json,application/json"
    privacy = soup.select_one(".lh-privacy").get_text(" ", strip=True)
    assert "Nothing is uploaded, sent or stored" in privacy


def test_text_in_an_instrument_cannot_end_the_spec_or_become_markup():
    hostile = dict(load("future_proof"), title='</script><script>alert(1)</script><b onclick="x">')
    html = render_group_debrief({hostile["id"]: hostile})
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script")) == 1
    assert soup.find("b") is None
    embedded = json.loads(soup.select_one("script.lh-group-spec").string)["instruments"]
    assert embedded["future-proof"]["title"] == hostile["title"]


def test_the_fixture_book_and_the_handbook_have_a_group_page():
    toc = (ROOT / "tests" / "fixtures" / "exercise_book" / "_toc.yml").read_text(encoding="utf-8")
    assert "- file: group_debrief" in toc
    page = (ROOT / "book" / "group-debrief.md").read_text(encoding="utf-8")
    assert "```{group-debrief}" in page and "\n(group-debrief)=\n# " in page
    assert "book/group-debrief" in (ROOT / "_toc.yml").read_text(encoding="utf-8")
