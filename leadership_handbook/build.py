"""Build the book strictly: the one place the build's flags live (used by `make book`, the tests and the bench).

usage: python -m leadership_handbook.build [--root DIR] [--output DIR] [--clean] [--builder html|linkcheck]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from leadership_handbook.minify_js import minify
from leadership_handbook.purge_css import PurgeError, bundle_css, purge_css
from leadership_handbook.script_bundles import bundle_scripts
from leadership_handbook.sphinx_ext.build_log import WARNING_LOG

# Warnings are errors (-W), nitpicky cross-references (-n), and report every warning before failing.
STRICT_FLAGS = ["-W", "-n", "--keep-going"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class BuildResult:
    returncode: int
    output: str
    # What Sphinx and its extensions logged as a warning or error (sphinx_ext/build_log.py), one a line.
    logged: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """The book's warnings: only what Sphinx logged, never a notebook kernel's own log on the shared stderr."""
        return list(self.logged)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.warnings


def jupyter_book_command() -> str:
    local = Path(sys.executable).with_name("jupyter-book")
    return str(local) if local.exists() else "jupyter-book"


def build_book(
    root: Path = Path("."),
    output: Path | None = None,
    builder: str = "html",
    clean: bool = False,
    strict: bool = True,
    extra: list[str] | None = None,
    purge: bool = True,
) -> BuildResult:
    """Build the book at ``root`` into ``output/_build/<builder>``; ``clean`` drops earlier pages and doctrees
    (not the notebook cache), since an incremental build does not repeat earlier warnings. An HTML build ships
    only the CSS its pages use, one stylesheet a page (purge_css.py), our scripts minified (minify_js.py) and each
    run of deferred scripts as one file (script_bundles.py);
    ``purge=False`` keeps the theme's files whole (the live preview, and the proof that purging changes no pixel)."""
    root = Path(root).resolve()
    output = Path(output).resolve() if output else root
    if clean:
        for stale in ("html", ".doctrees", "jupyter_execute"):
            shutil.rmtree(output / "_build" / stale, ignore_errors=True)
    command = [jupyter_book_command(), "build", str(root), "--builder", builder]
    if output != root:
        command += ["--path-output", str(output)]
    if strict:
        command += STRICT_FLAGS
    command += extra or []
    with tempfile.TemporaryDirectory() as work:
        log = Path(work) / "warnings.log"
        log.touch()
        completed = subprocess.run(command, capture_output=True, text=True, env={**os.environ, WARNING_LOG: str(log)})
        logged = log.read_text(encoding="utf-8").splitlines()
    result = BuildResult(completed.returncode, ANSI.sub("", completed.stdout + completed.stderr), logged)
    if builder == "html" and result.ok and purge:
        html_dir = output / "_build" / "html"
        try:
            sheets = purge_css(html_dir)
            bundles = bundle_css(html_dir)  # one stylesheet a page, so the first paint waits for one request
            files = minify(html_dir)
            scripts = bundle_scripts(html_dir)  # one request for each run of deferred scripts
        except PurgeError as error:
            return BuildResult(1, result.output + f"\n{error}\n", logged)
        before, after = sum(s["before"] for s in sheets), sum(s["after"] for s in sheets)
        result.output += f"\npurged the theme's CSS: {before / 1024:.0f} KB -> {after / 1024:.0f} KB"
        before, after = sum(f["before"] for f in files), sum(f["after"] for f in files)
        result.output += f"; {len(bundles)} bundles; minified {len(files)} files: {before / 1024:.0f} KB -> "
        result.output += f"{after / 1024:.0f} KB; {len(scripts)} script bundles\n"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--builder", default="html", choices=["html", "linkcheck"])
    parser.add_argument("--clean", action="store_true", help="rebuild every page from scratch")
    parser.add_argument("--no-purge", action="store_true", help="keep the theme's whole CSS (to compare pixels)")
    args = parser.parse_args(argv)
    if args.builder == "linkcheck":
        return run_linkcheck(args.root)
    result = build_book(args.root, args.output, args.builder, clean=args.clean, purge=not args.no_purge)
    sys.stdout.write(result.output)
    if result.warnings:
        print(f"\n{len(result.warnings)} warning(s); the build treats every warning as an error:", file=sys.stderr)
        for line in result.warnings:
            print("  " + line, file=sys.stderr)
    return 0 if result.ok else 1


def run_linkcheck(root: Path) -> int:
    """Check external links (needs the network); the report goes to _build/linkcheck/, outside the site."""
    report_dir = Path(root).resolve() / "_build" / "linkcheck"
    result = build_book(root, report_dir, "linkcheck", strict=False)
    sys.stdout.write(result.output)
    for name in ("output.txt", "output.json"):
        produced = report_dir / "_build" / "html" / name
        if produced.exists():
            shutil.copy(produced, report_dir / name)
    print(f"linkcheck report: {report_dir / 'output.txt'}")
    return 0  # broken external links are reported, never a failed build


if __name__ == "__main__":
    sys.exit(main())


def toc_files(root: Path = Path(".")) -> set[Path]:
    """The source files that _toc.yml lists, resolved against the book's root."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    root = Path(root).resolve()
    site_map = parse_toc_yaml(root / "_toc.yml")
    found = set()
    for docname in site_map:
        matches = [root / f"{docname}{suffix}" for suffix in (".md", ".ipynb")]
        found.add(next((m for m in matches if m.exists()), matches[0]))
    return found
