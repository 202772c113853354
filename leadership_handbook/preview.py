"""`make serve`: a live preview that rebuilds the pages you edit on save and reloads the browser
(sphinx-autobuild, the ecosystem's tool), at http://127.0.0.1:8000.

usage: python -m leadership_handbook.preview [--port 8000] [--root DIR]

Jupyter Book 1 keeps its Sphinx settings in _config.yml, and sphinx-autobuild needs a conf.py: `jupyter-book
config sphinx` writes one from _config.yml into _build/preview/, so _config.yml stays the single source. The preview
is incremental and keeps the theme's whole CSS and our scripts as written (no purge, no bundle, no minifying), and
it leaves out the extensions whose output a reader never sees; `make book` is the strict, clean, purged build.

sphinx-autobuild starts a fresh Python for each rebuild, which imports Sphinx and every extension again (about
1.3 s of a 3 s rebuild here). The preview runs sphinx-autobuild in its own process with the extensions imported
once, and builds each time in a fork of it: a fresh Sphinx, as before, without the imports.
"""

from __future__ import annotations

import argparse
import importlib
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx_autobuild.build import Builder
from sphinx_autobuild.utils import show_message

from leadership_handbook.build import STRICT_FLAGS, jupyter_book_command

ROOT = Path(__file__).resolve().parent.parent
# What the preview does not watch: the output, the virtualenv, the Node packages, the tests and the bench.
IGNORED = ("_build", ".venv", "node_modules", "bench", "tests", ".git", ".pytest_cache", ".hypothesis")
# Extensions that write only what a reader never sees (social-card <meta> tags, sitemap.xml): the preview, which
# starts Sphinx afresh on every save, does without them (sphinxext.opengraph alone imports matplotlib, ~1 s).
UNSEEN_EXTENSIONS = ("sphinxext.opengraph", "sphinx_sitemap")


def write_sphinx_conf(root: Path, conf_dir: Path) -> Path:
    """conf.py from _config.yml and _toc.yml, as Jupyter Book itself would configure Sphinx."""
    with tempfile.TemporaryDirectory() as work:
        for name in ("_config.yml", "_toc.yml"):
            shutil.copyfile(root / name, Path(work) / name)
        subprocess.run([jupyter_book_command(), "config", "sphinx", work], check=True, capture_output=True)
        conf = (Path(work) / "conf.py").read_text(encoding="utf-8")
    conf_dir.mkdir(parents=True, exist_ok=True)
    # The bibliography is found from conf.py's folder, which here is not the book's root.
    conf += f"\nimport pathlib\nbibtex_bibfiles = [str(pathlib.Path({str(root)!r}) / f) for f in bibtex_bibfiles]\n"
    conf += f"extensions = [name for name in extensions if name not in {UNSEEN_EXTENSIONS!r}]\n"
    (conf_dir / "conf.py").write_text(conf, encoding="utf-8")
    return conf_dir / "conf.py"


def autobuild_command(root: Path, port: int) -> list[str]:
    preview = root / "_build" / "preview"
    command = [sys.executable, "-m", "sphinx_autobuild", str(root), str(preview / "html"), "-c", str(preview)]
    command += ["-d", str(preview / ".doctrees"), "--host", "127.0.0.1", "--port", str(port)]
    command += ["--watch", str(root / "leadership_handbook")]  # the instruments, templates and page scripts
    command += [arg for name in IGNORED for arg in ("--ignore", str(root / name))]
    command += ["-D", f"nb_execution_cache_path={root / '_build' / '.jupyter_cache'}"]  # the build's own cache
    return command + [flag for flag in STRICT_FLAGS if flag != "-W"]  # warnings shown, never a stopped preview


def build_in_a_fork(sphinx_args: list[str]) -> int:
    """`sphinx build` in a child of this process: a fresh Sphinx each time, with what this process has imported."""
    from sphinx.cmd.build import main as sphinx_build

    pid = os.fork()
    if pid == 0:  # the child builds and leaves at once, running none of the parent's clean-up
        code = 1
        try:
            code = sphinx_build(["build", *sphinx_args])
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


class ForkingBuilder(Builder):
    """sphinx-autobuild's Builder, with its `python -m sphinx build` subprocess replaced by build_in_a_fork (at
    module level: sphinx-autobuild hands it, pickled, to the worker process it starts for each change)."""

    def __call__(self, *, changed_paths):
        if changed_paths:
            show_message("Rebuilding...")
        if build_in_a_fork(self.sphinx_args) != 0:
            print("Sphinx stopped with an error (above); the preview serves the pages it had built before.")
        show_message(f"Serving on {self.uri}")


def import_extensions(conf: Path):
    """Import Sphinx, its HTML builder and every extension conf.py names, once, for the builds' forks to share."""
    for name in ("sphinx.application", "sphinx.builders.html", "sphinx.cmd.build", "sphinx_autobuild.__main__"):
        importlib.import_module(name)
    settings = runpy.run_path(str(conf))
    for name in [*settings["extensions"], settings.get("html_theme", "")]:
        if name:
            importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's root (default: this project)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    conf = write_sphinx_conf(root, root / "_build" / "preview")
    command = autobuild_command(root, args.port)
    if not hasattr(os, "fork"):  # Windows: sphinx-autobuild as it comes
        return subprocess.call(command)
    import_extensions(conf)
    import sphinx_autobuild.__main__ as autobuild

    autobuild.Builder = ForkingBuilder
    autobuild.main(command[3:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
