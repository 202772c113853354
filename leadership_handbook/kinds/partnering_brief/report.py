"""The partnering planner in a notebook: Markdown text (shown with :mod:`leadership_handbook.core.notebook`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from leadership_handbook.core.formatting import markdown_table

__all__ = ["partnering_brief_markdown", "partnering_checks_markdown"]


def partnering_brief_markdown(headers: Sequence[str], rows: Sequence[Sequence], warnings: Sequence[str]) -> str:
    """The partnering brief table followed by any warnings."""
    text = markdown_table(headers, rows)
    if warnings:
        text += "\n\n" + "\n".join(f"- **Check:** {w}" for w in warnings)
    return text


def partnering_checks_markdown(brief: Mapping) -> str:
    """Two counts that show whether the brief can show change at work, and whether it rests on evidence."""
    rows = brief["rows"]
    beyond = [r["id"] for r in rows if r["beyond_reactions"]]
    evidenced = [r["id"] for r in rows if r["direct_evidence"]]
    lines = [
        f"- Rows with a measure of behaviour on the job or of results: {len(beyond)} of {len(rows)}"
        + (f" ({', '.join(beyond)})." if beyond else "."),
        f"- Rows that rest on research evidence: {len(evidenced)} of {len(rows)}"
        + (f" ({', '.join(evidenced)})." if evidenced else "."),
    ]
    if not brief["warnings"]:
        lines.append("- No warnings: every check passed.")
    return "\n".join(lines)
