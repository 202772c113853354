"""What a page is checked for in a real browser, all in one visit: JavaScript errors, requests to another host,
Content-Security-Policy violations and axe-core's accessibility rules. tests/test_every_page.py runs them on every
page of the site; the companions in test_self_contained.py, test_csp.py and test_accessibility.py show, with the
same functions, that each check catches what it guards against."""

from __future__ import annotations

import re
import time

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
# axe-core reports every rule's violations in full; the nodes that pass are counted, not each described (its
# documented option for speed): half the time a page, 3.5 s -> 1.7 s on the session plans.
AXE_OPTIONS = {"resultTypes": ["violations"]}
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")
SETTLE_MS = 200  # after the load event: what the page's deferred and late scripts do in that time counts too
STEADY = {"animations": "disabled", "caret": "hide"}  # no animation mid-way (finished at once), no blinking caret

# Before any of the page's own scripts: record every violation the browser reports.
COLLECT_VIOLATIONS = """
window.lhViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.lhViolations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || "?"} at ${event.sourceFile}:${event.lineNumber}`));
"""


def watched_page(browser):
    """A page in a fresh context (empty storage) that records its JavaScript errors (page.js_errors), every request
    bound for another host, which it blocks (page.foreign), and the policy violations the browser reports (events,
    and the console's "Content Security Policy": page.csp_console)."""
    context = browser.new_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.js_errors, page.foreign, page.csp_console = [], [], []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.js_errors.append(message.text))
    page.on("console", lambda line: "Content Security Policy" in line.text and page.csp_console.append(line.text))

    def record_and_block(route):
        page.foreign.append(route.request.url)
        route.abort()

    # The browser matches the pattern itself, so only requests bound for another host come back to Python.
    page.route(NOT_LOCAL, record_and_block)
    return page


def open_watched(browser, url, while_it_runs=None):
    """A watched page at ``url``, once it has loaded and run for at least SETTLE_MS; ``while_it_runs(page)`` is
    called as soon as it has loaded (axe, which takes longer than that), and its result is page.checked. Close it
    with page.context.close()."""
    page = watched_page(browser)
    page.goto(url, wait_until="load")
    loaded = time.monotonic()
    page.checked = while_it_runs(page) if while_it_runs else None
    page.wait_for_timeout(max(0.0, SETTLE_MS - 1000 * (time.monotonic() - loaded)))
    return page


def policy_violations(page) -> list[str]:
    return page.evaluate("window.lhViolations") + page.csp_console


def axe_violations(page) -> list:
    """axe-core's violations, of any impact, on the page as it stands: (rule, impact, first three targets)."""
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in AXE.run(page, options=AXE_OPTIONS).response["violations"]
    ]


def steady_screenshot(page, full_page=False, tries=8, clip=None) -> bytes:
    """A screenshot (of clip, if given) once two in a row agree: the theme's scroll-spy, its transitions and the
    forms' late scripts finish late on a busy machine, a few pixels at a time."""
    shot = page.screenshot(full_page=full_page, clip=clip, **STEADY)
    for _ in range(tries):
        page.wait_for_timeout(250)
        again = page.screenshot(full_page=full_page, clip=clip, **STEADY)
        if again == shot:
            return shot
        shot = again
    return shot
