"""Charts have titles and axis labels and leave no pyplot figure open; tables are valid Markdown."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from leadership_handbook import barrier_log, charts, display, programme_audit, roi, scoring  # noqa: E402
from leadership_handbook.instruments import (load_barrier_log, load_future_proof,  # noqa: E402
                                             load_programme_audit, load_roi_example)


def _figures():
    fp = load_future_proof()
    audit = load_programme_audit()
    log = load_barrier_log()
    inputs = roi.inputs_from_example(load_roi_example())
    rows = roi.one_way_sensitivity(inputs)
    entries = [{"challenge": "c", "barrier_type": "change", "frequency": 4, "impact": 2, "could_teach": "t"}]
    return [
        charts.profile_chart(fp, scoring.score_responses(fp, {"see-1": 4, "see-2": 5, "see-3": 1})),
        charts.audit_gap_chart(audit, programme_audit.score_audit(audit, {"spaced": 1})),
        charts.prioritisation_matrix(log, barrier_log.prioritise(log, entries)),
        charts.sensitivity_chart(rows, rows[0]["base_roi"], roi.monte_carlo(inputs, runs=200), 20),
    ]


def test_charts_are_labelled_and_leave_nothing_open():
    before = plt.get_fignums()
    for fig in _figures():
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        fig.canvas.draw()
    assert plt.get_fignums() == before


def test_markdown_table_escapes_cells():
    table = display.markdown_table(["A", "B"], [["x | y", "1*2"]], ["l", "r"])
    lines = table.splitlines()
    assert lines[1] == "| --- | ---: |"
    assert lines[2] == "| x \\| y | 1\\*2 |"
    with pytest.raises(ValueError):
        display.markdown_table(["A"], [["1", "2"]])


@pytest.mark.parametrize("value,text", [(1234, "£1,234"), (-1200.5, "−£1,200.50"), (0, "£0"), (0.005, "£0.01")])
def test_money(value, text):
    assert display.money(value) == text
