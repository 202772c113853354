"""`make serve`: the live preview's Sphinx settings come from _config.yml (through Jupyter Book), and it watches
the package as well as the book."""

import runpy
from pathlib import Path

import pytest
from conftest import ROOT

from leadership_handbook.preview import UNSEEN_EXTENSIONS, autobuild_command, build_in_a_fork, write_sphinx_conf


def test_the_preview_configures_sphinx_from_config_yml(tmp_path):
    conf = runpy.run_path(str(write_sphinx_conf(ROOT, tmp_path)))
    assert conf["external_toc_path"] == "_toc.yml" and "leadership_handbook" in conf["extensions"]
    assert conf["bibtex_bibfiles"] and all(Path(f).is_absolute() and Path(f).exists() for f in conf["bibtex_bibfiles"])
    assert conf["html_baseurl"].startswith("https://")


def test_the_preview_rebuilds_on_changes_to_the_package_and_never_stops_on_a_warning():
    command = autobuild_command(ROOT, 8000)
    assert command[1:3] == ["-m", "sphinx_autobuild"]
    assert command[command.index("--watch") + 1] == str(ROOT / "leadership_handbook")
    ignored = {command[i + 1] for i, arg in enumerate(command) if arg == "--ignore"}
    assert {str(ROOT / ".venv"), str(ROOT / "_build"), str(ROOT / "node_modules")} <= ignored
    assert "-W" not in command and "-n" in command


def test_the_preview_leaves_out_only_the_extensions_whose_output_no_reader_sees(tmp_path):
    conf = runpy.run_path(str(write_sphinx_conf(ROOT, tmp_path)))
    assert not set(UNSEEN_EXTENSIONS) & set(conf["extensions"])
    for kept in ("leadership_handbook", "sphinx_design", "myst_nb", "sphinxcontrib.bibtex", "sphinx_book_theme"):
        assert any(name.startswith(kept) for name in conf["extensions"]) or conf.get("html_theme") == kept, kept


@pytest.mark.build  # builds a Sphinx project: not part of make test-fast
def test_a_build_in_a_fork_builds_as_sphinx_build_and_reports_its_errors(tmp_path):
    (tmp_path / "conf.py").write_text("project = 'tiny'\n")
    (tmp_path / "index.rst").write_text("Tiny\n====\n\nA page.\n")
    out = tmp_path / "html"
    assert build_in_a_fork([str(tmp_path), str(out), "-q"]) == 0
    assert "A page." in (out / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.rst").write_text("Tiny\n====\n\n.. no-such-directive::\n")
    assert build_in_a_fork([str(tmp_path), str(out), "-q", "-W"]) != 0  # a warning, made an error
    assert build_in_a_fork([str(tmp_path / "missing"), str(out), "-q"]) != 0
