"""A worksheet scored by hand prints its bands, so a participant can read their own score without the guide
(issue 13: the self-assessment's dimensions and the audit's total)."""

import pytest
from bs4 import BeautifulSoup

from leadership_handbook.core.instruments import load
from leadership_handbook.core.templates import render_worksheet


@pytest.mark.parametrize("name", ["future_proof", "programme_audit"])
def test_the_printed_worksheet_carries_every_band_with_its_range(name):
    instrument = load(name)
    soup = BeautifulSoup(render_worksheet(instrument), "html.parser")
    key = soup.select_one(".lh-print-only table.lh-bands-key")
    assert key is not None, f"{name}: no bands on the printed worksheet"
    rows = [" ".join(row.get_text(" ").split()) for row in key.select("tbody tr")]
    assert len(rows) == len(instrument["bands"])
    for row, band in zip(rows, instrument["bands"]):
        assert band["label"] in row and str(band["min"]).rstrip("0").rstrip(".") in row.replace(".00", "")


def test_the_audit_says_how_to_work_out_its_score():
    instrument = load("programme_audit")
    text = BeautifulSoup(render_worksheet(instrument), "html.parser").select_one(".lh-print-only").get_text(" ")
    top = max(o["value"] for o in instrument["response_options"])
    assert f"divide by {len(instrument['features']) * top}" in " ".join(text.split())
