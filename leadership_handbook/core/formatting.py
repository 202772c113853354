"""How every figure is written, on the page, in a notebook and in an answer key: the one formatter.

``formatting.js`` beside this file is its twin for the page; ``core/cases.json`` holds the shared cases both
must pass (``make test-fast`` runs them in Python and in Node).
"""

from __future__ import annotations

from collections.abc import Sequence

from leadership_handbook.core.rounding import round2

__all__ = [
    "format2",
    "number2",
    "money",
    "percent",
    "count",
    "text_length",
    "typed",
    "md_escape",
    "markdown_table",
    "sources_line",
]


def format2(value) -> str:
    """A score with two decimals (``3.75``), ``""`` for no score."""
    return "" if value is None else f"{round2(value):.2f}"


def number2(value) -> str:
    """A signed figure as a reader reads it (``−0.19``): two decimals, a true minus and a word joiner, as money."""
    text = format2(value)
    return "−\u2060" + text[1:] if text.startswith("-") else text


def money(value, currency: str = "£") -> str:
    """``£12,345`` (pence shown only when there are any); negative amounts as ``−£1,200``."""
    value = round2(value)
    sign = "−\u2060" if value < 0 else ""  # a word joiner: a line never breaks between the minus and the £
    value = abs(value)
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{sign}{currency}{text}"


def percent(value) -> str:
    """``23.2%`` style, from a number already rounded to 2 decimals (trailing zeros dropped)."""
    if value is None:
        return "n/a"
    text = f"{round2(value):,.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "−") + "%"


def count(value: int) -> str:
    """A whole number of things with thousands separators (``5,000`` runs)."""
    return f"{value:,}"


def text_length(text: str) -> int:
    """How long a text is, counted in characters as a reader sees them (an emoji is one, not two)."""
    return len(text)


def typed(value) -> str:
    """A number as a reader would type it in a form field: 3500, 61.2 (no thousands separators); ``""`` for none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def md_escape(text) -> str:
    """Make text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*")


def markdown_table(
    headers: Sequence[str], rows: Sequence[Sequence], align: Sequence[str] | None = None, bold_last: bool = False
) -> str:
    """A GitHub-flavoured Markdown table. ``align`` holds "l" or "r" per column (default left);
    ``bold_last`` sets the last row (a total) in bold."""
    align = align or ["l"] * len(headers)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(md_escape(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    for n, row in enumerate(rows, start=1):
        if len(row) != len(headers):
            raise ValueError(f"a table row has {len(row)} cells; the table has {len(headers)} columns")
        cells = [md_escape(c) for c in row]
        if bold_last and n == len(rows):
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def sources_line(keys, sources) -> str:
    """``Sources: A (2017); B (2012).`` from BibTeX keys and ``{key: short citation}``, or an empty string."""
    keys = list(keys)
    return ("Sources: " + "; ".join(sources.get(k, k) for k in keys) + ".") if keys else ""
