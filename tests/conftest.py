"""Shared fixtures: one strict clean build of the book per test session, served on 127.0.0.1, and a browser.

`make test` runs two pytest-xdist workers. Each build is still made once per run: the first process to need it
builds into the run's shared temporary folder under a file lock, in a background thread started with the run, and
the other worker waits for it and reads its result. Tests that need no build run first, while the builds run."""

from __future__ import annotations

import ast
import functools
import http.server
import os
import pickle
import shutil
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from filelock import FileLock

from leadership_handbook.build import build_book

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOTEBOOK_CACHE = ROOT / "_build" / ".jupyter_cache"  # the notebooks `make book` ran, which the suite's build reuses

_BUILDS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="build")
_STARTED: dict[str, Future] = {}


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of this run, shared by its xdist workers (each worker's own folder is inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(root: Path, name: str, make):
    """make(root / name) if no process of this run has made it yet, else what that process made."""
    made = root / f"{name}.pickle"
    with FileLock(root / f"{name}.lock"):
        if not made.exists():
            (root / name).mkdir()
            try:
                made.write_bytes(pickle.dumps(make(root / name)))
            except Exception as error:  # the other tests that need it report this failure, not a leftover folder
                made.write_bytes(pickle.dumps({FAILED: f"making {name} failed earlier in this run: {error!r}"}))
                raise
    result = pickle.loads(made.read_bytes())
    if isinstance(result, dict) and FAILED in result:
        raise RuntimeError(result[FAILED])
    return result


FAILED = "made_once: failed"


def once_per_run(tmp_path_factory, name: str, make) -> Future:
    """make(folder), started in the background and done once per run however many xdist workers ask for it."""
    if name not in _STARTED:
        _STARTED[name] = _BUILDS.submit(made_once, run_folder(tmp_path_factory), name, make)
    return _STARTED[name]


def _book(output: Path):
    """A clean, strict build of the whole book into an empty folder (incremental builds hide warnings)."""
    if NOTEBOOK_CACHE.exists():  # executed notebooks are reused only when their code is unchanged
        shutil.copytree(NOTEBOOK_CACHE, output / "_build" / ".jupyter_cache")
    return build_book(ROOT, output), output / "_build" / "html"


def _exercise_book(output: Path):
    """The small book in tests/fixtures/exercise_book, or only the pages LH_EXERCISE_PAGES names."""
    source = FIXTURES / "exercise_book"
    only = os.environ.get("LH_EXERCISE_PAGES", "").split()
    if only:
        source = output / "source"
        shutil.copytree(FIXTURES / "exercise_book", source)
        chapters = "".join(f"  - file: {page}\n" for page in only)
        (source / "_toc.yml").write_text(f"format: jb-book\nroot: index\nchapters:\n{chapters}", encoding="utf-8")
    return build_book(source, output / "built"), output / "built" / "_build" / "html"


BOOK_FIXTURES = {"book_build", "site", "site_url"}


@pytest.fixture(scope="session", autouse=True)
def builds_started_early(request, tmp_path_factory):
    """Start the builds this run's tests need as the run starts, so they are made while other tests run."""
    needed = set().union(*(item.fixturenames for item in request.session.items))
    if needed & BOOK_FIXTURES:
        once_per_run(tmp_path_factory, "book", _book)
    if "exercise_site_url" in needed:
        once_per_run(tmp_path_factory, "exercise_book", _exercise_book)


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """(result, html folder) of one clean, strict build of the whole book, made once per run."""
    return once_per_run(tmp_path_factory, "book", _book).result()


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


# Exercise pages fetch their scripts once the page has loaded (leadership_handbook/script_bundles.py), so a
# test's goto or reload also waits, as a reader's eye would, for the forms to start, once those scripts are asked
# for (not on a page without them, or with JavaScript off).
FORMS_STARTED = """() => {
  const loader = document.querySelector("script[data-lh-after-load]");
  const name = loader && loader.getAttribute("data-lh-after-load").split("?")[0];
  const fetched = name && Array.from(document.scripts).some((script) => script.src.includes("/" + name));
  const roots = document.querySelectorAll("[data-lh-kind], [data-lh-group]");
  if (!fetched) return "no scripts asked for";
  return Array.from(roots).every((root) => root.classList.contains("lh-ready")) && "started";
}"""


def waits_for_forms(navigate):
    @functools.wraps(navigate)
    def navigate_and_wait(page, *args, **kwargs):
        from playwright.sync_api import TimeoutError

        response = navigate(page, *args, **kwargs)
        if kwargs.get("wait_until", "load") in ("load", "networkidle"):
            try:
                page.wait_for_function(FORMS_STARTED, timeout=20_000)
            except TimeoutError as timeout:
                errors = getattr(page, "errors", [])
                message = f"{page.url}: its forms did not start 20 s after its scripts were asked for; errors: {errors}"
                raise AssertionError(message) from timeout
        return response

    navigate_and_wait.waits_for_forms = True
    return navigate_and_wait


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Page, sync_playwright

    from leadership_handbook.browser import launch

    for name in ("goto", "reload"):
        if not getattr(getattr(Page, name), "waits_for_forms", False):
            setattr(Page, name, waits_for_forms(getattr(Page, name)))
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def exercise_site_url(tmp_path_factory):
    """The small book in tests/fixtures/exercise_book (one in-page exercise a page, each named after its kind, and
    knowledge_check_parts with three forms of one instrument),
    built once per run and served. LH_EXERCISE_PAGES="roi barrier_log" builds only those pages, for a quick loop on
    one kind."""
    result, html = once_per_run(tmp_path_factory, "exercise_book", _exercise_book).result()
    assert result.ok, "\n".join(result.warnings or [result.output[-3000:]])
    url, server = serve(html)
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


BUILD_FIXTURES = BOOK_FIXTURES | {"exercise_site_url"}
BROWSER_FIXTURES = {"browser", "page"}


SHARED_SCOPES = {"module", "package", "session"}


@functools.cache
def defines_a_shared_fixture(path: Path) -> bool:
    """Whether a test file defines a module- or session-scoped fixture of its own (the printed PDFs, say)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False
    return any(
        isinstance(decorator, ast.Call)
        and ast.unparse(decorator.func).endswith("fixture")
        and any(k.arg == "scope" and getattr(k.value, "value", None) in SHARED_SCOPES for k in decorator.keywords)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadscope, with this suite's scopes: each test on its own, except that a file defining a module- or
    session-scoped fixture of its own runs on one worker, so that fixture is made once per run, not once a worker.
    (pytest-xdist's loadgroup cannot do it: with pytest 9.2 its xdist_group marks no longer group anything.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if defines_a_shared_fixture(config.rootpath / path) else nodeid

    return SharedFixtureScheduling(config, log)


def needs(item) -> int:
    """0: no build; 1: the fixture book; 2: the whole book."""
    names = set(getattr(item, "fixturenames", ()))
    return 2 if names & BOOK_FIXTURES else 1 if "exercise_site_url" in names else 0


def run_order(items) -> list:
    """The tests that need no build first (while the builds run), the fixture book's next, the whole book's last;
    a file that runs on one worker (above) goes where its most demanding test goes, first among its equals (the
    one with the most tests first), then the tests marked long: the longest units start first, so neither worker
    is left with one at the end."""
    one_worker = [item for item in items if defines_a_shared_fixture(item.path)]
    tier = {path: max(needs(item) for item in one_worker if item.path == path) for path in {i.path for i in one_worker}}
    size = Counter(item.path for item in one_worker)

    def order(item):
        if item.path in tier:
            return tier[item.path], -size[item.path]
        return needs(item), 0 if item.get_closest_marker("long") else 1

    return sorted(items, key=order)


def pytest_collection_modifyitems(config, items):
    """Mark each test by what it needs, so `make test-fast` (-m "not build and not browser") needs neither; then
    put them in their run_order."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BUILD_FIXTURES or item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
    items[:] = run_order(items)
