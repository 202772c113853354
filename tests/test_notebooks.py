"""Check 2: every exercise notebook runs top to bottom in a fresh kernel, is in the toc, and is committed clean."""

import nbformat
import pytest
from conftest import FIXTURES, NOTEBOOK_CACHE, ROOT
from nbclient.exceptions import CellExecutionError
from notebooks import cells_with_outputs, execute_notebook, run_by_the_build

from leadership_handbook.build import toc_files

NOTEBOOKS = sorted((ROOT / "exercises").glob("*.ipynb"))


def test_there_are_exercise_notebooks():
    assert len(NOTEBOOKS) >= 1


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_a_fresh_kernel(notebook, book_build):
    # The suite's build of the book runs every notebook whose code the notebook cache of `make book` does not hold
    # (all of them on a fresh clone); a notebook taken from that cache runs here, since code it imports may have
    # changed since.
    _, html = book_build
    executed = run_by_the_build(html.parent.parent, NOTEBOOK_CACHE, notebook)
    if executed is None:
        executed = execute_notebook(notebook)
    outputs = [output for cell in executed.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert outputs, f"{notebook.name} ran but produced no output"
    assert [o for o in outputs if o.output_type == "error"] == [], f"{notebook.name} ran into an error"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_listed_in_the_toc_and_committed_without_outputs(notebook):
    assert notebook.resolve() in toc_files(ROOT)
    assert cells_with_outputs(nbformat.read(notebook, as_version=4)) == []


@pytest.mark.build
def test_a_notebook_that_raises_fails():
    with pytest.raises(CellExecutionError, match="fails on purpose"):
        execute_notebook(FIXTURES / "notebooks" / "raises.ipynb")


def test_a_notebook_with_outputs_is_caught():
    notebook = nbformat.read(FIXTURES / "notebooks" / "has_outputs.ipynb", as_version=4)
    assert cells_with_outputs(notebook) == [1]
