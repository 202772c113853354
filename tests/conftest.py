"""Shared fixtures: one strict clean build of the book per test session, served on 127.0.0.1, and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from leadership_handbook.build import build_book

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """A clean, strict build of the whole book into an empty folder (incremental builds hide warnings)."""
    output = tmp_path_factory.mktemp("book")
    cache = ROOT / "_build" / ".jupyter_cache"
    if cache.exists():  # executed notebooks are reused only when their code is unchanged
        shutil.copytree(cache, output / "_build" / ".jupyter_cache")
    result = build_book(ROOT, output)
    return result, output / "_build" / "html"


@pytest.fixture(scope="session")
def site(book_build):
    result, html = book_build
    assert result.returncode == 0, "the strict build failed:\n" + "\n".join(result.warnings or [result.output[-3000:]])
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 on a free port; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site):
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from leadership_handbook.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def exercise_site_url(tmp_path_factory):
    """The small book in tests/fixtures/exercise_book (one in-page exercise a page, each named after its kind, and
    knowledge_check_parts with three forms of one instrument),
    built and served. LH_EXERCISE_PAGES="roi barrier_log" builds only those pages, for a quick loop on one kind."""
    output = tmp_path_factory.mktemp("exercise_book")
    source = FIXTURES / "exercise_book"
    only = os.environ.get("LH_EXERCISE_PAGES", "").split()
    if only:
        source = tmp_path_factory.mktemp("exercise_book_source")
        shutil.copytree(FIXTURES / "exercise_book", source, dirs_exist_ok=True)
        chapters = "".join(f"  - file: {page}\n" for page in only)
        (source / "_toc.yml").write_text(f"format: jb-book\nroot: index\nchapters:\n{chapters}", encoding="utf-8")
    result = build_book(source, output)
    assert result.ok, "\n".join(result.warnings or [result.output[-3000:]])
    url, server = serve(output / "_build" / "html")
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page; collects JavaScript errors in page.errors."""
    context = browser.new_context(accept_downloads=True)
    new_page = context.new_page()
    new_page.errors = []
    new_page.on("pageerror", lambda error: new_page.errors.append(str(error)))
    new_page.on("console", lambda message: message.type == "error" and new_page.errors.append(message.text))
    yield new_page
    context.close()


BUILD_FIXTURES = {"book_build", "site", "site_url", "exercise_site_url"}
BROWSER_FIXTURES = {"browser", "page"}


def pytest_collection_modifyitems(config, items):
    """Mark each test by what it needs, so `make test-fast` (-m "not build and not browser") needs neither."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BUILD_FIXTURES or item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
