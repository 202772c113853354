"""Every page of the built site in a real browser, one visit a page for all four checks: no JavaScript error, no
request to another host (check 4), no violation of the page's Content-Security-Policy, and no axe-core violation of
any impact (the theme's pages included). The pages are split into parts that xdist runs side by side; each check's
companion, on a page made to fail it, is in test_self_contained.py, test_csp.py or test_accessibility.py."""

import pytest
from page_checks import axe_violations, open_watched, policy_violations

from leadership_handbook.site_check import html_pages, is_redirect

PARTS = 4  # about seven pages, seven seconds, each


@pytest.mark.long
@pytest.mark.parametrize("part", range(PARTS))
def test_every_page_runs_clean_under_its_policy_and_passes_axe(site, site_url, browser, part):
    pages = html_pages(site)
    assert len(pages) >= 10
    failures = {}
    for path in pages[part::PARTS]:
        name = path.relative_to(site).as_posix()
        # axe as soon as the page has loaded (a redirect is checked where it lands); what the page's own scripts do
        # meanwhile, and up to SETTLE_MS after the load, counts for the other checks
        page = open_watched(browser, site_url + name, None if is_redirect(path) else axe_violations)
        found = {"errors": page.js_errors, "requests": page.foreign, "policy": policy_violations(page)}
        found["axe"] = page.checked or []
        page.context.close()
        if any(found.values()):
            failures[name] = {check: problems for check, problems in found.items() if problems}
    assert failures == {}
