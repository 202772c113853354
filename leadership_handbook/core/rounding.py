"""The one rounding rule every score and money figure uses, written so JavaScript can match it exactly.

``round2(x)`` rounds the float ``x`` to 2 decimals, half away from zero, *on the exact binary value of x*.
That is what JavaScript's ``Number(x.toFixed(2))`` does (ECMAScript: "let n be an integer for which
n / 10^f - x is as close to zero as possible; if there are two such n, pick the larger n", applied to |x|).
So for any float ``x`` with ``|x| < 1e21``::

    Python  round2(x)                 ==  JavaScript  Number(x.toFixed(2))

Python's built-in ``round`` rounds half to even and must not be used for scores.

Rounding happens once, at the end: means, percentages and money are computed from unrounded values and
only the value shown (and compared with band thresholds) is rounded. ``-0.0`` is returned as ``0.0``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["round2", "round_to"]


def round_to(x: float, decimals: int = 2) -> float:
    """Round half away from zero on the exact value of the float ``x`` (JavaScript ``toFixed`` semantics)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise TypeError(f"round_to needs a number, not {type(x).__name__}")
    if not math.isfinite(x):
        raise ValueError(f"cannot round {x!r}: not a finite number")
    if not 0 <= decimals <= 20:
        raise ValueError("decimals must be from 0 to 20")
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(x).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0


def round2(x: float) -> float:
    """``round_to(x, 2)``: the rounding used for every displayed score, percentage and amount."""
    return round_to(x, 2)
