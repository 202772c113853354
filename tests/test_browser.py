"""Which Chromium the tests and the printer start (leadership_handbook/browser.py), without starting one:
$CHROMIUM_PATH, else Debian's headless shell, else Debian's full Chromium, else Playwright's build (headless shell
first), and never a download."""

import pytest

from leadership_handbook import browser


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """A machine with nothing installed: Debian's paths and Playwright's cache all under tmp_path."""
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(browser, "DEBIAN_HEADLESS_SHELL", tmp_path / "usr/bin/chromium-headless-shell")
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", tmp_path / "usr/bin/chromium")
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "ms-playwright"))
    return tmp_path


def install(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", "utf-8")
    return path


def test_the_headless_shell_comes_first_then_full_chromium_then_playwright_s(machine, monkeypatch):
    assert browser.chromium_path() is None
    full_build = install(machine / "ms-playwright/chromium-1255/chrome-linux64/chrome")
    assert browser.chromium_path() == full_build
    shell_build = install(machine / "ms-playwright/chromium_headless_shell-1255/chrome-linux/headless_shell")
    assert browser.chromium_path() == shell_build
    newer = install(
        machine / "ms-playwright/chromium_headless_shell-1256/chrome-headless-shell-linux64/chrome-headless-shell"
    )
    assert browser.chromium_path() == newer  # the newest build: Playwright's cache is only read, never filled
    install(browser.DEBIAN_CHROMIUM)
    assert browser.chromium_path() == browser.DEBIAN_CHROMIUM
    install(browser.DEBIAN_HEADLESS_SHELL)
    assert browser.chromium_path() == browser.DEBIAN_HEADLESS_SHELL
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/other/chrome")
    assert str(browser.chromium_path()) == "/opt/other/chrome"


def test_the_set_up_lists_only_the_debian_packages_missing(machine, monkeypatch):
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    assert browser.missing_debian_packages() == ["chromium-headless-shell", "chromium", "poppler-utils"]
    install(browser.DEBIAN_HEADLESS_SHELL)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/" + name)
    assert browser.missing_debian_packages() == ["chromium"]


def test_no_chromium_is_a_clear_error_that_names_the_set_up(machine):
    with pytest.raises(RuntimeError, match="make browser"):
        browser.launch(playwright=None)
