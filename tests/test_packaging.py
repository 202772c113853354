"""An installed package (not only this checkout) has every kind: each folder is a package and ships its files."""

import fnmatch
import tomllib
from pathlib import Path

from setuptools import find_packages

from leadership_handbook.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "leadership_handbook"
# Written for the tests from the rules; the tests read them from the checkout, so no wheel needs them.
NOT_SHIPPED = {"cases.json"}


def test_every_kind_and_the_core_are_found_as_packages():
    found = set(find_packages(str(ROOT), include=["leadership_handbook*"]))
    wanted = {"leadership_handbook.core", *(f"leadership_handbook.kinds.{kind}" for kind in KINDS)}
    assert wanted <= found, f"no __init__.py in {sorted(wanted - found)}"


def test_every_data_file_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["leadership_handbook"]
    missing = []
    for path in PACKAGE.rglob("*"):
        rel = path.relative_to(PACKAGE).as_posix()
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in rel or path.name in NOT_SHIPPED:
            continue
        if not any(fnmatch.fnmatch(rel, pattern) for pattern in patterns):
            missing.append(rel)
    assert missing == []
