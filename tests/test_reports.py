"""The notebooks' charts have titles and axis labels and leave no pyplot figure open; tables are valid Markdown."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from leadership_handbook.core.formatting import markdown_table, money  # noqa: E402
from leadership_handbook.core.instruments import load  # noqa: E402
from leadership_handbook.kinds.barrier_log import report as barrier_report  # noqa: E402
from leadership_handbook.kinds.barrier_log import rules as barrier_rules  # noqa: E402
from leadership_handbook.kinds.programme_audit import report as audit_report  # noqa: E402
from leadership_handbook.kinds.programme_audit import rules as audit_rules  # noqa: E402
from leadership_handbook.kinds.roi import report as roi_report  # noqa: E402
from leadership_handbook.kinds.roi import rules as roi_rules  # noqa: E402
from leadership_handbook.kinds.roi import uncertainty as roi_uncertainty  # noqa: E402
from leadership_handbook.kinds.self_assessment import report as self_report  # noqa: E402
from leadership_handbook.kinds.self_assessment import rules as self_rules  # noqa: E402


def _figures():
    fp = load("future_proof")
    audit = load("programme_audit")
    log = load("barrier_log")
    inputs = roi_rules.inputs_from_example(load("roi_example"))
    rows = roi_uncertainty.one_way_sensitivity(inputs)
    entries = [{"challenge": "c", "barrier_type": "change", "frequency": 4, "impact": 2, "could_teach": "t"}]
    return [
        self_report.profile_chart(fp, self_rules.score_responses(fp, {"see-1": 4, "see-2": 5, "see-3": 1})),
        audit_report.audit_gap_chart(audit, audit_rules.score_audit(audit, {"spaced": 1})),
        barrier_report.prioritisation_matrix(log, barrier_rules.prioritise(log, entries)),
        roi_report.sensitivity_chart(rows, rows[0]["base_roi"], roi_uncertainty.monte_carlo(inputs, runs=200), 20),
    ]


def test_charts_are_labelled_and_leave_nothing_open():
    before = plt.get_fignums()
    for fig in _figures():
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        fig.canvas.draw()
    assert plt.get_fignums() == before


def test_markdown_table_escapes_cells():
    table = markdown_table(["A", "B"], [["x | y", "1*2"]], ["l", "r"])
    lines = table.splitlines()
    assert lines[1] == "| --- | ---: |"
    assert lines[2] == "| x \\| y | 1\\*2 |"
    with pytest.raises(ValueError):
        markdown_table(["A"], [["1", "2"]])


@pytest.mark.parametrize("value,text", [(1234, "£1,234"), (-1200.5, "−\u2060£1,200.50"), (0, "£0"), (0.005, "£0.01")])
def test_money(value, text):
    assert money(value) == text
