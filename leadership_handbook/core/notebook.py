"""Showing results in a notebook: Markdown text and charts, in Jupyter, Colab and the built book (no pandas).

Each kind's ``report.py`` builds the Markdown and the charts; this module only displays them. Charts are
readable in black and white (greys, hatching and direct labels, no colour) and built with matplotlib's
object-oriented API, not pyplot, so no figure is left open.
"""

from __future__ import annotations

import io

__all__ = ["DARK", "MID", "LIGHT", "PALE", "figure", "show_markdown", "show_figure"]

DARK, MID, LIGHT, PALE = "0.15", "0.45", "0.8", "0.93"


def figure(width: float, height: float):
    """An empty matplotlib Figure of this size in inches, laid out so labels are never cut off."""
    from matplotlib.figure import Figure  # here, so that Sphinx starts without importing matplotlib

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def show_markdown(text: str) -> None:
    """Display Markdown in the notebook (or print it when IPython is not running)."""
    try:
        from IPython import get_ipython
        from IPython.display import Markdown, display
    except ImportError:  # pragma: no cover - IPython is installed with the package's notebooks
        print(text)
        return
    if get_ipython() is None:
        print(text)
    else:
        display(Markdown(text))


def show_figure(fig, alt: str | None = None, dpi: int = 110) -> None:
    """Display a matplotlib Figure as a PNG image (works in Jupyter, Colab and the built book)."""
    from IPython.display import Image, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    display(Image(data=buffer.getvalue(), format="png", alt=alt))
