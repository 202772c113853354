"""Check 1: the book builds from a clean state with warnings as errors, and every page is in the toc."""

import shutil

import pytest
from conftest import FIXTURES, ROOT

from leadership_handbook.build import build_book, toc_files


def test_book_builds_strictly_with_zero_warnings(book_build):
    result, html = book_build
    assert result.warnings == []
    assert result.returncode == 0
    assert (html / "index.html").exists()
    assert (html / "book" / "intro.html").exists()


NOISY_NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "id": "title", "metadata": {}, "source": ["# A noisy kernel"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "noise",
            "metadata": {},
            "outputs": [],
            "source": [
                "import os\n",
                "# What a kernel logs on its own stderr when it shuts down under load: not the book's.\n",
                "os.write(2, b'ERROR:tornado.general:Uncaught exception in ZMQStream callback\\n')",
            ],
        },
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.mark.build  # builds a Sphinx project: not part of make test-fast
def test_a_kernel_logging_on_its_own_stderr_does_not_fail_the_build_but_a_broken_cross_reference_does(tmp_path):
    """The book's warnings are what Sphinx logs, not every line with "ERROR:" that a notebook kernel prints; and a
    strict build of a book that built cleanly fails once a cross-reference points nowhere."""
    import json

    book = tmp_path / "mini_book"
    shutil.copytree(FIXTURES / "mini_book", book)
    (book / "noisy.ipynb").write_text(json.dumps(NOISY_NOTEBOOK), encoding="utf-8")
    config = (
        (book / "_config.yml")
        .read_text(encoding="utf-8")
        .replace('execute_notebooks: "off"', "execute_notebooks: force")
    )
    (book / "_config.yml").write_text(config, encoding="utf-8")
    with open(book / "_toc.yml", "a") as toc:
        toc.write("  - file: noisy\n")
    noisy = build_book(book, purge=False)  # the purge after a clean build is tested on the book itself
    assert "ERROR:tornado.general:Uncaught exception in ZMQStream callback" in noisy.output  # the kernel said it
    assert noisy.ok and noisy.warnings == [], noisy.warnings or noisy.output[-2000:]

    (book / "_config.yml").write_text(config.replace("execute_notebooks: force", 'execute_notebooks: "off"'), "utf-8")
    with open(book / "chapter.md", "a") as chapter:  # no kernel this time: the reference fails the build alone
        chapter.write("\nSee {ref}`another-missing-label`.\n")
    broken = build_book(book, clean=True)
    assert not broken.ok and any("another-missing-label" in line for line in broken.warnings)


def test_every_chapter_and_notebook_is_in_the_toc():
    listed = toc_files(ROOT)
    missing = [path for path in listed if not path.exists()]
    assert missing == [], f"_toc.yml lists files that do not exist: {missing}"
    sources = set((ROOT / "book").rglob("*.md")) | set((ROOT / "exercises").glob("*.ipynb"))
    assert len(sources) >= 10
    assert sorted(sources - listed) == [], "pages outside _toc.yml are never built"
