"""`make bench`: build and test times, page weights and Lighthouse scores, printed as plain numbers.

usage: python bench/run.py [--runs 3] [--suite-runs 1] [--no-lighthouse] [--no-suite] [--lighthouse-pages all|sample]
                          [--lighthouse-runs 3]

Builds run on a copy of the project in a temporary folder, so the edits the bench makes (a line of prose,
a notebook cell) never touch the working tree. Targets are benchmark targets, never timed tests.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.client
import http.server
import io
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leadership_handbook.browser import CHROMIUM_ARGS, DEBIAN_CHROMIUM, chromium_path, launch  # noqa: E402
from leadership_handbook.build import build_book  # noqa: E402
from leadership_handbook.print_pdf import print_all  # noqa: E402
from leadership_handbook.site_check import html_pages, is_redirect  # noqa: E402

COPY_IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".git", "node_modules", ".pytest_cache", ".hypothesis", "*.egg-info", "__pycache__"
)
PROSE_PAGE = "book/does-it-work.md"
NOTEBOOK = "exercises/barrier-log.ipynb"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
TEXT_TYPES = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".map")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_of(runs: int, prepare, action) -> tuple[float, list[float]]:
    samples = []
    for n in range(runs):
        prepare(n)
        samples.append(timed(action))
    return statistics.median(samples), samples


def must_build(project: Path):
    result = build_book(project)
    if not result.ok:
        raise SystemExit("bench: the build failed:\n" + "\n".join(result.warnings or [result.output[-2000:]]))


def edit_prose(project: Path, n: int):
    page = project / PROSE_PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + f"\n\nA line added by the benchmark, edit {n}.\n", encoding="utf-8")


def edit_notebook(project: Path, n: int):
    import nbformat

    path = project / NOTEBOOK
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and "my_log" in c.source)
    cell.source += f"\n# benchmark edit {n}"
    nbformat.write(notebook, path)


def build_times(runs: int) -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "book"
        shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
        rows["clean build (HTML, notebooks executed)"] = median_of(
            runs, lambda n: shutil.rmtree(project / "_build", ignore_errors=True), lambda: must_build(project)
        )
        rows["no-change rebuild"] = median_of(runs, lambda n: None, lambda: must_build(project))
        rows["rebuild after a one-line prose edit"] = median_of(
            runs, lambda n: edit_prose(project, n), lambda: must_build(project)
        )
        rows["rebuild after a notebook edit"] = median_of(
            runs, lambda n: edit_notebook(project, n), lambda: must_build(project)
        )
        html_dir = project / "_build" / "html"
        rows["PDF printing (three PDFs)"] = median_of(
            runs, lambda n: None, lambda: print_all(project, html_dir, project / "_build" / "pdf", "a4")
        )
    return rows


def preview_times(runs: int) -> tuple[float, list[float]]:
    """Seconds from saving a prose edit to the live preview (`make serve`) serving the page with it."""
    import socket
    import urllib.request

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "book"
        shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "leadership_handbook.preview", "--root", str(project), "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: sphinx-autobuild and its builds end with it
        )
        page_url = f"http://127.0.0.1:{port}/" + PROSE_PAGE.replace(".md", ".html")

        def served(marker: str | None = None, limit: float = 600) -> float:
            started = time.perf_counter()
            while time.perf_counter() - started < limit:
                try:
                    body = urllib.request.urlopen(page_url, timeout=5).read().decode("utf-8")
                    if marker is None or marker in body:
                        return time.perf_counter() - started
                except (OSError, http.client.HTTPException):  # not up yet, or the page read as it was rewritten
                    pass
                time.sleep(0.05)
            raise SystemExit(f"bench: the live preview did not serve {page_url} in {limit} s")

        try:
            served()  # the first, full build
            time.sleep(5)
            samples = []
            page = project / PROSE_PAGE
            original = page.read_text(encoding="utf-8")
            for n in range(runs):
                marker = f"Preview edit {n} from the benchmark"
                page.write_text(original.replace("\n## ", f"\n{marker}.\n\n## ", 1), encoding="utf-8")
                samples.append(served(marker, limit=120))
                time.sleep(3)
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the preview's own process would leave sphinx-autobuild running
            server.wait(timeout=30)
    return statistics.median(samples), samples


def default_jupyter_book(tmp: Path) -> Path:
    """The template book `jupyter-book create` makes, built with Jupyter Book 1's defaults: the yardstick."""
    book = tmp / "jupyter-book-default"
    command = str(Path(sys.executable).with_name("jupyter-book"))
    subprocess.run([command, "create", str(book)], check=True, capture_output=True)
    subprocess.run([command, "build", str(book)], check=True, capture_output=True)
    return book / "_build" / "html"


def suite_time(runs: int) -> tuple[float, list[float]]:
    def run():
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    return median_of(runs, lambda n: None, run)


# ------------------------------------------------------------------------------------------- serving


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    """A static host without compression; HTTP/1.1 keeps connections open, as every real host does."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


class GzipHandler(PlainHandler):
    """Like common static hosts: text compressed with gzip when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in TEXT_TYPES or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, handler) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


# --------------------------------------------------------------------------------------- page weights


def kind_of(url: str, resource_type: str) -> str:
    path = url.split("?")[0].lower()
    if resource_type == "document" or path.endswith(".html"):
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith(".js"):
        return "js"
    if resource_type == "font" or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    if resource_type == "image" or path.endswith((".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".ico")):
        return "images"
    return "other"


def page_weights(html_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    url, server = serve(html_dir, PlainHandler)
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for page_path in html_pages(html_dir):
                if is_redirect(page_path):
                    continue
                name = page_path.relative_to(html_dir).as_posix()
                page = browser.new_page()
                loaded = []
                page.on("response", lambda r, loaded=loaded: loaded.append(r))
                page.goto(url + TOOL_PAGES.get(name, name), wait_until="networkidle")
                totals = {}
                for response in loaded:
                    try:
                        body = response.body()
                    except Exception:
                        continue
                    kind = kind_of(response.url, response.request.resource_type)
                    raw, packed = totals.get(kind, (0, 0))
                    totals[kind] = (raw + len(body), packed + len(gzip.compress(body, 6)))
                weights[name] = totals
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return weights


# ----------------------------------------------------------------------------------------- lighthouse


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "bench", check=True)


def lighthouse(url: str) -> dict:
    # Lighthouse measures a reader's browser: the whole Chromium, not the lighter headless shell the tests may use.
    env = dict(os.environ, CHROME_PATH=str(DEBIAN_CHROMIUM if DEBIAN_CHROMIUM.exists() else chromium_path()))
    flags = " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless") + " --headless=new"
    completed = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1:] or ["lighthouse failed"]}
    report = json.loads(completed.stdout)
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    scores["LCP s"] = round(report["audits"]["largest-contentful-paint"]["numericValue"] / 1000, 2)
    scores["CLS"] = round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3)  # forms that start late
    return scores


def median_run(url: str, runs: int) -> dict:
    """The middle one of ``runs`` Lighthouse runs, ranked by performance and then LCP, as Lighthouse's own advice
    on variability has it (one run's score swings by several points with the page's blocking time); the samples of
    both go with it."""
    done = [lighthouse(url) for _ in range(runs)]
    good = [run for run in done if "error" not in run]
    if not good:
        return done[0]
    good.sort(key=lambda run: (run["performance"], -run["LCP s"]))
    middle = dict(good[len(good) // 2])
    middle["samples"] = [(run["performance"], run["LCP s"]) for run in good]
    return middle


def lighthouse_table(html_dir: Path, pages: list[str], label: str | None = None, runs: int = 3) -> dict:
    """{(page, server): the median of ``runs`` runs}; ``label`` names the pages in the table instead of their paths."""
    ensure_lighthouse()
    results = {}
    for served_as, handler in (("gzip", GzipHandler), ("plain", PlainHandler)):
        url, server = serve(html_dir, handler)
        try:
            for page in pages:
                results[(label or page, served_as)] = median_run(url + TOOL_PAGES.get(page, page), runs)
        finally:
            server.shutdown()
    return results


# ---------------------------------------------------------------------------------------------- report


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


# The issue's targets: a page with an in-page exercise or tool (its scripts, its form) and a page of text.
TARGETS = {"exercise": {"KB": 100, "LCP s": 1.5}, "text": {"KB": 60, "LCP s": 1.2}}
TARGETS["tool"] = TARGETS["exercise"]
# Tool pages other than exercises, at the address a reader arrives at: the search page from the search box (its
# index is the data it searches).
TOOL_PAGES = {"search.html": "search.html?q=evaluation"}


def page_kind(html_dir: Path, name: str) -> str:
    if name in TOOL_PAGES:
        return "tool"
    text = (html_dir / name).read_text(encoding="utf-8")
    return "exercise" if "data-lh-kind=" in text or "data-lh-group" in text else "text"


def at_target(kind: str, served_as: str, scores: dict) -> bool:
    wanted = 98 if served_as == "gzip" else 90
    best = all(scores[k] == 100 for k in ("accessibility", "best-practices", "seo"))
    fast = served_as != "gzip" or scores["LCP s"] <= TARGETS[kind]["LCP s"]
    return scores["performance"] >= wanted and best and fast


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per build timing (median reported)")
    parser.add_argument("--suite-runs", type=int, default=1, help="runs of the whole test suite")
    parser.add_argument("--no-suite", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-pages", choices=["all", "sample"], default="all")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median reported)")
    args = parser.parse_args(argv)

    print(f"== Build times (seconds, median of {args.runs}; samples in brackets) ==")
    rows = build_times(args.runs)
    for label, (median, samples) in rows.items():
        print(f"{label:45s} {median:7.1f}   [{', '.join(f'{s:.1f}' for s in samples)}]")
    clean_total = rows["clean build (HTML, notebooks executed)"][0] + rows["PDF printing (three PDFs)"][0]
    print(f"{'clean build including notebooks and PDFs':45s} {clean_total:7.1f}   (target <= 90)")
    print(f"{'prose-edit rebuild':45s} {rows['rebuild after a one-line prose edit'][0]:7.1f}")
    median, samples = preview_times(args.runs)
    print(
        f"{'live preview: prose edit to page served':45s} {median:7.1f}   [{', '.join(f'{s:.1f}' for s in samples)}]"
        "   (target <= 2)"
    )
    if not args.no_suite:
        median, samples = suite_time(args.suite_runs)
        print(f"{'whole test suite':45s} {median:7.1f}   [{', '.join(f'{s:.1f}' for s in samples)}]")

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "book"
        shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
        must_build(project)
        html_dir = project / "_build" / "html"
        weights = page_weights(html_dir)
        print("\n== Bytes each page loads (KB, raw / gzip) ==")
        kinds = ["html", "css", "js", "fonts", "images", "other"]
        print(f"{'page':52s}" + "".join(f"{k:>16s}" for k in kinds) + f"{'total':>18s}{'kind':>10s}")
        missed = []
        for name, totals in sorted(weights.items()):
            cells = "".join(f"{kb(totals.get(k, (0, 0))[0]):>8s}/{kb(totals.get(k, (0, 0))[1]):<7s}" for k in kinds)
            raw = sum(v[0] for v in totals.values())
            packed = sum(v[1] for v in totals.values())
            kind = page_kind(html_dir, name)
            mark = "" if packed <= TARGETS[kind]["KB"] * 1024 else "  MISSED"
            missed += [name] if mark else []
            print(f"{name:52s}{cells}{kb(raw):>9s}/{kb(packed):<8s}{kind:>10s}{mark}")

        print("targets: a text page <= 60 KB gzip in all, a page with an exercise or tool (search) <= 100 KB")
        print(f"{len(weights) - len(missed)} of {len(weights)} pages at their byte target")

        book_pages = {n: sum(v[0] for v in t.values()) for n, t in weights.items() if n.startswith("book/")}
        heaviest = max(book_pages, key=book_pages.get)
        if args.lighthouse_pages == "all":
            pages = sorted(weights)
        else:
            pages = ["book/intro.html", heaviest] + sorted(n for n in weights if n.startswith("exercises/"))
        if not args.no_lighthouse:
            runs = args.lighthouse_runs
            print(f"\n== Lighthouse, mobile, median of {runs} runs (heaviest chapter: {heaviest}) ==")
            print("targets: performance >= 98 gzip-served (>= 90 plain), LCP <= 1.5 s (1.2 s for text pages)")
            yardstick = default_jupyter_book(Path(tmp))
            results = lighthouse_table(yardstick, ["intro.html"], "Jupyter Book 1 default: intro.html", runs)
            results.update(lighthouse_table(html_dir, pages, runs=runs))
            print(
                f"{'page':52s}{'server':>8s}{'perf':>6s}{'a11y':>6s}{'best':>6s}{'seo':>6s}{'LCP s':>8s}{'CLS':>7s}"
                "   samples (perf, LCP s)"
            )
            met = 0
            for (page, label), scores in results.items():
                if "error" in scores:
                    print(f"{page:52s}{label:>8s}  error: {scores['error']}")
                    continue
                ours = not page.startswith("Jupyter Book")
                mark = ""
                if ours:
                    good = at_target(page_kind(html_dir, page), label, scores)
                    met += good
                    mark = "" if good else "  MISSED"
                print(
                    f"{page:52s}{label:>8s}{scores['performance']:>6d}{scores['accessibility']:>6d}"
                    f"{scores['best-practices']:>6d}{scores['seo']:>6d}{scores['LCP s']:>8.2f}"
                    f"{scores['CLS']:>7.3f}{mark:8s} "
                    + " ".join(f"{perf}/{lcp:.2f}" for perf, lcp in scores.get("samples", []))
                )
            print(f"{met} of {2 * len(pages)} page and server pairs at target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
