"""The code is linted and formatted as pre-commit and `make lint` would have it (ruff, settings in pyproject)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["leadership_handbook", "tests", "bench"]


def ruff(*args):
    return subprocess.run([sys.executable, "-m", "ruff", *args, *PATHS], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing_to_fix():
    run = ruff("check", "--output-format", "concise")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]


def test_code_is_formatted():
    run = ruff("format", "--check")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]


def test_javascript_files_stay_small_and_readable():
    """No page script over about 250 lines, no line over 120 characters (what the Python side keeps too)."""
    too_long = []
    for path in sorted((ROOT / "leadership_handbook").rglob("*.js")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > 260:
            too_long.append(f"{path.name}: {len(lines)} lines")
        too_long += [
            f"{path.relative_to(ROOT)}:{n}: {len(line)} characters"
            for n, line in enumerate(lines, 1)
            if len(line) > 120
        ]
    assert too_long == []
