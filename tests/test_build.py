"""Check 1: the book builds from a clean state with warnings as errors, and every page is in the toc."""

import shutil

from conftest import FIXTURES, ROOT

from leadership_handbook.build import build_book, toc_files


def test_book_builds_strictly_with_zero_warnings(book_build):
    result, html = book_build
    assert result.warnings == []
    assert result.returncode == 0
    assert (html / "index.html").exists()
    assert (html / "book" / "intro.html").exists()


def test_strict_build_fails_on_a_broken_cross_reference(tmp_path):
    book = tmp_path / "mini_book"
    shutil.copytree(FIXTURES / "mini_book", book)
    assert build_book(book).ok, "the fixture must build cleanly before it is broken"

    with open(book / "chapter.md", "a") as chapter:
        chapter.write("\nSee {ref}`a-label-that-does-not-exist`.\n")
    broken = build_book(book, clean=True)
    assert broken.returncode != 0
    assert any("a-label-that-does-not-exist" in line for line in broken.warnings)


def test_every_chapter_and_notebook_is_in_the_toc():
    listed = toc_files(ROOT)
    missing = [path for path in listed if not path.exists()]
    assert missing == [], f"_toc.yml lists files that do not exist: {missing}"
    sources = set((ROOT / "book").rglob("*.md")) | set((ROOT / "exercises").glob("*.ipynb"))
    assert len(sources) >= 10
    assert sorted(sources - listed) == [], "pages outside _toc.yml are never built"
