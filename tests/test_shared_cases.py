"""The shared cases hold the Python and JavaScript rules equal: Python wrote them, Node runs them on the JS."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from leadership_handbook.core.cases import case_files, expected_cases
from leadership_handbook.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent


def test_every_kind_has_shared_cases():
    assert set(KINDS) <= set(case_files()), "a kind folder without cases.py"
    assert len(KINDS) >= 6


@pytest.mark.parametrize("source", sorted(case_files()))
def test_the_case_file_is_what_the_python_rules_give(source):
    path = case_files()[source]
    assert path.exists(), f"{path} is missing: run python -m leadership_handbook.core.cases"
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    now = expected_cases(source)
    assert len(now["cases"]) >= 20
    assert any("raises" in case for case in now["cases"]) or source == "core", "no bad-input case"
    assert on_disk == now, (
        f"{path.name} is out of date with the Python rules: run python -m leadership_handbook.core.cases"
    )


def test_the_javascript_rules_pass_every_shared_case():
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript rules' tests: install Debian's nodejs (make test does)"
    run = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    passed = int(re.search(r"^# pass (\d+)", run.stdout, re.M).group(1))
    total = sum(len(json.loads(p.read_text(encoding="utf-8"))["cases"]) for p in case_files().values())
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert passed >= total, f"node ran {passed} tests for {total} shared cases"
