"""axe-core finds no violations, of any impact, on any page of the built site (the theme's pages included): checked
in tests/test_every_page.py, in the same visit as the other per-page checks; here, that axe catches what it should."""

from conftest import FIXTURES, serve
from page_checks import axe_violations, open_watched


def test_axe_catches_missing_alt_text_low_contrast_and_unlabelled_inputs(browser):
    url, server = serve(FIXTURES / "inaccessible_site")
    try:
        page = open_watched(browser, url + "index.html", axe_violations)  # as tests/test_every_page.py runs it
        ids = {rule for rule, _, _ in page.checked}
        page.context.close()
    finally:
        server.shutdown()
    assert {"image-alt", "color-contrast", "label"} <= ids
