"""Unit conversions shared by the estimate models (not clinical numbers), and the one rounding
rule Python and the browser share: halves round up, as JavaScript's ``Math.round`` does
(Python's ``round`` rounds halves to even, so 730.5 days would become 730 here and 731 there).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import math

MM_PER_INCH = 25.4
MM_PER = {"mm": 1, "cm": 10}  # length units a parameter may be kept in, as millimetres


def half_up(x: float) -> int:
    """Round to a whole number, halves up (JavaScript's ``Math.round``)."""
    return math.floor(x + 0.5)


def round1(x: float) -> float:
    """Round to one decimal, halves up (JavaScript's ``Math.round(x * 10) / 10``)."""
    return math.floor(x * 10 + 0.5) / 10
