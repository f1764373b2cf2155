"""Unit conversions shared by the estimate models (not clinical numbers).

Pure module: no MkDocs import.
"""

from __future__ import annotations

MM_PER_INCH = 25.4
MM_PER = {"mm": 1, "cm": 10}  # length units a parameter may be kept in, as millimetres
