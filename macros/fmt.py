"""Turn parameters into the words and numerals a patient reads.

Follows the NHS style for numbers: numerals, "to" for ranges ("5 to 7 days"), no needless
decimals. Risks ("about 1 in 3 children") are worded by ``macros.frequency``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from macros.errors import GuideDataError
from macros.params import Parameter

WHICH = ("range", "typical", "low", "high")


def number(x: float) -> str:
    """``7.0`` -> ``"7"``, ``0.75`` -> ``"0.75"``, ``1.25`` -> ``"1.25"`` (at most 2 decimals)."""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}".rstrip("0").rstrip(".")


def unit_name(strings: Mapping[str, Any], unit: str, x: float) -> str:
    """The unit's name for a quantity ``x`` ("1 day", "2 days")."""
    names = strings["units"][unit]
    return names["one"] if x == 1 else names["other"]


def quantity(strings: Mapping[str, Any], x: float, unit: str) -> str:
    """``7, "day"`` -> ``"7 days"``; units without a name (ratios) give the bare number."""
    name = unit_name(strings, unit, x)
    if not name:
        return number(x)
    sep = "" if name.startswith("%") else " "
    return f"{number(x)}{sep}{name}"


def span(strings: Mapping[str, Any], low: float, high: float, unit: str) -> str:
    """``5, 10, "day"`` -> ``"5 to 10 days"``; equal ends give one quantity."""
    if number(low) == number(high):
        return quantity(strings, low, unit)
    pattern = strings["templates"]["range"]
    name = unit_name(strings, unit, high)
    sep = "" if name.startswith("%") else " "
    return pattern.format(low=number(low), high=number(high)) + (f"{sep}{name}" if name else "")


def param(strings: Mapping[str, Any], p: Parameter, which: str = "range") -> str:
    """A parameter in prose: its range ("5 to 10 days") or one end or its typical value."""
    if which not in WHICH:
        raise GuideDataError("macro param", p.key, f"'which' must be one of {', '.join(WHICH)}, got {which!r}")
    if p.kind == "table":
        raise GuideDataError("macro param", p.key, "is a table; use a table macro")
    if which == "range":
        return span(strings, p.low, p.high, p.unit)
    return quantity(strings, getattr(p, which), p.unit)
