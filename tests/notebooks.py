"""Run the exercise notebooks the way a reader would: top to bottom in a fresh kernel; or find them as the book's
build ran them, in the same way, in this test run."""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

CELL_TIMEOUT_SECONDS = 60  # the same per-cell limit as `execute.timeout` in _config.yml


def execute_notebook(path: Path, timeout: int = CELL_TIMEOUT_SECONDS) -> nbformat.NotebookNode:
    """Execute a notebook in a fresh kernel, with its own folder as working directory; any error raises
    ``nbclient.exceptions.CellExecutionError``."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    # Its sockets are files in a folder of its own, not TCP ports: two kernels started at once (the test workers,
    # a build) could pick the same free port, and the second died with "Address already in use".
    with tempfile.TemporaryDirectory(prefix="lh-kernel-") as sockets:
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(
            notebook, km=kernel, timeout=timeout, resources={"metadata": {"path": str(path.parent)}}
        )
        client.execute()
    return notebook


def run_by_the_build(build: Path, reused: Path, notebook: Path) -> nbformat.NotebookNode | None:
    """``notebook`` as the book's build into ``build`` ran it, with its outputs, if that build ran it itself: its
    notebook cache holds a run that the cache it was copied from, ``reused``, does not (jupyter-cache runs each
    notebook top to bottom in a fresh kernel, with the notebook's folder as working directory, as execute_notebook
    does). None when the build took the notebook from the reused cache, or could not run it."""
    cache = Path(build) / "_build" / ".jupyter_cache"
    if not cache.exists():
        return None
    known = {r.hashkey for r in get_cache(reused).list_cache_records()} if Path(reused).exists() else set()
    uri, runs = str(Path(notebook).resolve()), get_cache(cache)
    for record in runs.list_cache_records():
        if record.uri == uri and record.hashkey not in known:
            return runs.get_cache_bundle(record.pk).nb
    return None


def cells_with_outputs(notebook: nbformat.NotebookNode) -> list[int]:
    """Indexes of code cells that carry outputs or an execution count (committed notebooks have none)."""
    return [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
