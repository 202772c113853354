"""The suite runs on two pytest-xdist workers (tests/conftest.py): a test file with a module- or session-scoped
fixture of its own runs whole on one worker, a build shared through `once_per_run` is made once per run, and the
tests marked long start first among those that need the same build."""

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

from conftest import ROOT, defines_a_shared_fixture, made_once, run_order

SHARED = """
import os
import pytest

@pytest.fixture(scope="module")
def made_here():
    return os.environ["PYTEST_XDIST_WORKER"]

@pytest.mark.parametrize("n", range(6))
def test_uses_the_module_fixture(made_here, n):
    assert made_here == os.environ["PYTEST_XDIST_WORKER"]
"""


def test_a_module_or_session_fixture_of_its_own_keeps_a_file_on_one_worker(tmp_path):
    (tmp_path / "own.py").write_text('@pytest.fixture(scope="session")\ndef printed():\n    pass\n', "utf-8")
    (tmp_path / "borrowed.py").write_text(
        "@pytest.fixture\ndef page():\n    pass\n\ndef test(site):\n    pass\n", "utf-8"
    )
    assert defines_a_shared_fixture(tmp_path / "own.py")
    assert not defines_a_shared_fixture(tmp_path / "borrowed.py")
    assert defines_a_shared_fixture(ROOT / "tests" / "test_pdf.py")  # its printed PDFs


def test_two_workers_keep_a_file_with_a_module_fixture_on_one(tmp_path):
    shutil.copyfile(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_shared.py").write_text(textwrap.dedent(SHARED), "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadscope"]
        + ["--no-loadscope-reorder", "--rootdir", str(tmp_path), "--basetemp", str(tmp_path / "tmp"), str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    workers = re.findall(r"\[(gw\d)\] .*PASSED test_shared\.py::", run.stdout)
    assert len(workers) == 6 and len(set(workers)) == 1, run.stdout[-3000:]


def test_a_build_shared_by_the_workers_is_made_once_however_many_ask_at_once(tmp_path):
    made = []

    def make(folder):
        made.append(folder)
        time.sleep(0.2)  # long enough for the others to be waiting on the lock
        return folder.name

    with ThreadPoolExecutor(max_workers=4) as askers:  # each call opens the lock file anew, as a process does
        results = list(askers.map(lambda _: made_once(tmp_path, "book", make), range(4)))
    assert results == ["book"] * 4 and made == [tmp_path / "book"]


def test_a_make_that_failed_is_reported_to_the_next_test_that_asks_not_a_leftover_folder(tmp_path):
    def broken(folder):
        raise ValueError("Chromium crashed")

    for attempt in range(2):
        try:
            made_once(tmp_path, "pdf-a4", broken)
        except Exception as error:
            raised = error
        assert "Chromium crashed" in str(raised) and not isinstance(raised, FileExistsError), attempt
    assert isinstance(raised, RuntimeError) and "failed earlier in this run" in str(raised)


def test_the_tests_marked_long_start_first_among_those_needing_the_same_build(tmp_path):
    """Each worker takes the next test as it finishes one: a long test started last would leave one worker alone."""
    plain, own = tmp_path / "test_plain.py", tmp_path / "test_own.py"
    plain.write_text("", "utf-8")
    own.write_text('@pytest.fixture(scope="module")\ndef printed():\n    pass\n', "utf-8")

    def item(name, path, fixtures=(), long=False):
        marker = SimpleNamespace(name="long") if long else None
        return SimpleNamespace(name=name, path=path, fixturenames=fixtures, get_closest_marker=lambda _: marker)

    items = [
        item("quick", plain),
        item("book", plain, ["site"]),
        item("long book", plain, ["site"], long=True),
        item("printed", own, ["site"]),
        item("long quick", plain, long=True),
        item("fixture book", plain, ["exercise_site_url"]),
    ]
    assert [i.name for i in run_order(items)] == [
        "long quick",
        "quick",
        "fixture book",
        "printed",
        "long book",
        "book",
    ]
