"""Headless Chromium for the browser tests and the PDF printer: where it comes from and how it starts.

usage: python -m leadership_handbook.browser --install   (set-up only; nothing downloads a browser at test time)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out, which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path | None:
    """Debian's Chromium if installed, else the one `playwright install chromium` put in its cache."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return Path(override)
    if DEBIAN_CHROMIUM.exists():
        return DEBIAN_CHROMIUM
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    found = sorted(cache.glob("chromium-*/chrome-linux*/chrome"))
    return found[-1] if found else None


def launch(playwright):
    """Start headless Chromium through Playwright, never downloading one."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(
            "No Chromium found: run `make browser` (installs Debian's chromium, "
            "or Playwright's where apt-get is not available)."
        )
    return playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS, headless=True)


@contextmanager
def launched():
    """A running headless Chromium for the length of a ``with`` block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


def install() -> int:
    if chromium_path() is not None:
        print(f"chromium: {chromium_path()}")
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "poppler-utils"], check=True, env=env
        )
    else:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    print(f"chromium: {chromium_path()}")
    return 0 if chromium_path() else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="install Chromium if it is missing")
    args = parser.parse_args()
    sys.exit(install() if args.install else (0 if chromium_path() else 1))
