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

# Debian's Chromium build as the lightweight headless shell (package chromium-headless-shell), the kind of browser
# Playwright itself runs headless: no full-browser start-up or compositor, about a third of full Chrome's CPU.
DEBIAN_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
# Full Chromium in new headless mode (package chromium): the fallback here, and what the bench's Lighthouse runs.
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own builds, where apt-get is not available: the headless shell first, then full Chromium.
PLAYWRIGHT_BUILDS = (
    "chromium_headless_shell-*/chrome-headless-shell-linux*/chrome-headless-shell",
    "chromium_headless_shell-*/chrome-linux*/headless_shell",
    "chromium-*/chrome-linux*/chrome",
)
DEBIAN_PACKAGES = ["chromium-headless-shell", "chromium", "poppler-utils"]
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
    """The browser the tests and the printer start: $CHROMIUM_PATH if set, else Debian's headless shell, else
    Debian's full Chromium, else the newest one `playwright install` put in its cache (headless shell first)."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return Path(override)
    for debian in (DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM):
        if debian.exists():
            return debian
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright"))
    for pattern in PLAYWRIGHT_BUILDS:
        found = sorted(cache.glob(pattern))
        if found:
            return found[-1]
    return None


def launch(playwright):
    """Start headless Chromium through Playwright, never downloading one."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(
            "No Chromium found: run `make browser` (installs Debian's chromium-headless-shell and chromium, "
            "or Playwright's headless shell where apt-get is not available)."
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


def missing_debian_packages() -> list[str]:
    """The Debian packages of DEBIAN_PACKAGES not yet installed (poppler-utils gives the tests pdftoppm)."""
    present = {
        "chromium-headless-shell": DEBIAN_HEADLESS_SHELL.exists(),
        "chromium": DEBIAN_CHROMIUM.exists(),
        "poppler-utils": shutil.which("pdftoppm") is not None,
    }
    return [package for package in DEBIAN_PACKAGES if not present[package]]


def install() -> int:
    """Set-up only: Debian's packages where apt-get works as root, else Playwright's headless shell."""
    if shutil.which("apt-get") and os.geteuid() == 0:
        missing = missing_debian_packages()
        if missing:
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            subprocess.run(["apt-get", "update"], check=True, env=env)
            subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *missing], check=True, env=env)
    elif chromium_path() is None:
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium-headless-shell"], check=True)
    print(f"chromium: {chromium_path()}")
    return 0 if chromium_path() else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="install Chromium if it is missing")
    args = parser.parse_args()
    sys.exit(install() if args.install else (0 if chromium_path() else 1))
