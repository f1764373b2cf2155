"""How often something happens, written as "1 in N" (NHS style) instead of a percentage.

Two kinds of parameter can be shown this way:

* ``percent`` (a share of people): 15 -> "1 in 7"; above 50 -> "9 in 10";
* ``births_per_case`` (the N of "1 in N births"): 50000 -> "1 in 50,000 births".

A range gives both ends: "about 1 in 10,000 to 1 in 100,000 births". Every word comes
from ``strings["templates"]["frequency"]`` and the unit names, so a translated strings
file changes the wording and the thousands separator.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from macros.errors import GuideDataError
from macros.fmt import unit_name
from macros.params import Parameter

UNITS = ("percent", "births_per_case")
WHICH = ("range", "typical", "low", "high")


def grouped(n: int, separator: str) -> str:
    """``100000, ","`` -> ``"100,000"``; numbers below 10,000 stay ungrouped ("1 in 2500")."""
    if n < 10000:
        return str(n)
    return f"{n:,}".replace(",", separator)


def one_in_words(templates: Mapping[str, str], value: float, unit: str) -> str:
    """One value as "1 in N" (or "N in 10" for shares above one half), without "about"."""
    if unit == "percent":
        if not 0 < value <= 100:
            raise GuideDataError("macro one_in", str(value), "a share must be above 0 and at most 100 percent")
        if value > 50:
            return templates["in_ten"].format(n=min(10, round(value / 10)))
        return templates["one_in"].format(n=max(2, round(100 / value)))
    if value < 1:
        raise GuideDataError("macro one_in", str(value), "'1 in N' needs N of at least 1")
    return templates["one_in"].format(n=grouped(round(value), templates["thousands_separator"]))


def one_in(strings: Mapping[str, Any], p: Parameter, which: str = "range") -> str:
    """A parameter as "about 1 in N [unit]" or "about 1 in N to 1 in M [unit]"."""
    if p.unit not in UNITS:
        raise GuideDataError("macro one_in", p.key, f"is in {p.unit}; '1 in N' needs one of {', '.join(UNITS)}")
    if which not in WHICH:
        raise GuideDataError("macro one_in", p.key, f"'which' must be one of {', '.join(WHICH)}, got {which!r}")
    if p.kind == "table":
        raise GuideDataError("macro one_in", p.key, "is a table, not a number")
    t = strings["templates"]["frequency"]
    if which == "range" and p.kind == "range":
        low, high = one_in_words(t, p.low, p.unit), one_in_words(t, p.high, p.unit)
        text = low if low == high else t["range"].format(low=low, high=high)
        last = p.high
    else:
        value = getattr(p, "typical" if which == "range" else which)
        text, last = one_in_words(t, value, p.unit), value
    noun = unit_name(strings, p.unit, last) if p.unit != "percent" else ""
    text = f"{text} {noun}" if noun else text
    return t["about"].format(text=text)
