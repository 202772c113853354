"""Exercise pages lead with the in-page form (issue 16 item 2, convention 1), checked in the built book: the
"Run it as a notebook" section comes after the form, shows closed with a summary saying who it is for, keeps its
headings out of the "On this page" menu, shows no code, and is never printed from the site; the notebook itself
keeps every code cell (tagged remove-input) for Jupyter."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "exercises").glob("*.ipynb"))
SUMMARY = "Run it as a notebook (for analysts: the code and a worked example)"


def cells(notebook):
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_follows_the_exercise_page_structure(notebook):
    sources = ["".join(c["source"]) for c in cells(notebook)]
    markdown = [text for c, text in zip(cells(notebook), sources) if c["cell_type"] == "markdown"]
    headings = [line for text in markdown for line in text.splitlines() if line.startswith("#")]
    assert headings[0].startswith("# ") and headings[1] == "## Do it here, in your browser"
    h2 = [h for h in headings if h.startswith("## ")]  # the form's section first, the notebook's alone and last
    assert h2[0] == "## Do it here, in your browser" and h2[-1] == "## Run it as a notebook", h2
    assert h2.count("## Run it as a notebook") == 1
    after = headings[headings.index("## Run it as a notebook") + 1 :]
    assert after and all(h.startswith("### ") or h.startswith("#### ") for h in after), after
    assert not any("your " in h.lower() for h in after), "notebook headings name the worked example, not the reader"
    code = [c for c in cells(notebook) if c["cell_type"] == "code"]
    assert code and all("remove-input" in c["metadata"].get("tags", []) for c in code)
    first = sources.index(next(s for s in sources if s.startswith("## Run it as a notebook")))
    assert all(c["cell_type"] == "markdown" for c in cells(notebook)[:first]), "code only in the notebook part"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_page_shows_the_notebook_closed_after_the_form_and_out_of_the_contents(page, site_url, notebook):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + f"exercises/{notebook.stem}.html")
    details = page.locator("details.lh-notebook")
    assert details.count() == 1
    assert details.get_attribute("open") is None
    assert " ".join(details.locator("summary").inner_text().split()) == SUMMARY
    order = page.evaluate(
        "() => document.querySelector('.lh-exercise')"
        ".compareDocumentPosition(document.querySelector('details.lh-notebook'))"
    )
    assert order & 4, "the notebook section comes after the in-page form"
    # Closed, its content is hidden, and code cells show no source even when opened.
    assert not details.locator("h3").first.is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None and details.locator("h3").first.is_visible()
    assert details.locator(".cell_input").count() == 0
    # The page's contents list the section but none of its headings.
    ids = details.locator("section[id]").evaluate_all("sections => sections.map(s => s.id)")
    toc = page.locator("nav.page-toc a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "#run-it-as-a-notebook" in toc and not [i for i in ids if f"#{i}" in toc]
    page.emulate_media(media="print")
    assert not details.is_visible()
    assert page.errors == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_on_a_phone_the_page_never_scrolls_sideways_even_with_the_notebook_open(page, site_url, notebook):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + f"exercises/{notebook.stem}.html")
    page.locator("details.lh-notebook summary").click()
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"
    loose = page.evaluate(
        """() => Array.from(document.querySelectorAll('article table')).filter(t => {
          if (t.getBoundingClientRect().width <= document.documentElement.clientWidth) return false;
          for (let box = t.parentElement; box && box !== document.body; box = box.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) return false;
          }
          return true;
        }).map(t => t.className)"""
    )
    assert loose == [], "tables wider than the screen outside a scrolling box"
