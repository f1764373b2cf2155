"""Unit conversions shared by the estimate models (not clinical numbers), and the one rounding
rule Python and the browser share: halves round up, as JavaScript's ``Math.round`` does
(Python's ``round`` rounds halves to even, so 730.5 days would become 730 here and 731 there).

The browser's one copy, ``docs/assets/javascripts/units-model.js`` (used by the planner and the
growth estimator and the link builder), repeats :func:`parse_decimal`, :func:`split_unit`, :func:`to_mm`, :func:`from_mm`,
:func:`suggest_unit`, :func:`half_up` and :func:`round1` exactly; ``scripts/golden.py`` writes
these functions' answers to ``tests/golden/units.json`` and ``node --test tests/js/`` checks the
browser's copy gives the same.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

MM_PER_INCH = 25.4
MM_PER = {"mm": 1, "cm": 10}  # length units a parameter may be kept in, as millimetres

# Units a person may type an amount in, and how many millimetres one of each is.
INPUT_UNITS = ("mm", "cm", "in")
MM_PER_INPUT = {"mm": 1, "cm": 10, "in": MM_PER_INCH}
# Decimals shown after a unit switch (the exact value is kept, so switching back is lossless).
SHOWN_DECIMALS = {"mm": 1, "cm": 2, "in": 2}

# What JavaScript's String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator);
# Python's str.strip() differs (it keeps U+FEFF and removes U+001C to U+001F and U+0085).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
           "\u2028\u2029\u202f\u205f\u3000\ufeff"


def trim(text: str) -> str:
    """``text`` without the leading and trailing white space JavaScript's ``trim()`` removes."""
    return text.strip(JS_SPACE)


# A decimal number: a point or a comma before the decimals ("4.5" and "4,5" both mean 4.5).
_DECIMAL = re.compile(r"^(\d+([.,]\d*)?|[.,]\d+)$", re.ASCII)


def parse_decimal(text: object) -> float | None:
    """A typed number, a point or a comma for decimals; None when it is not one. A string
    of digits too long for a float gives infinity (the caller says it is too big)."""
    t = trim(str("" if text is None else text))
    if not _DECIMAL.match(t):
        return None
    return float(t.replace(",", "."))


def split_unit(text: object, words: Mapping[str, Any] | None) -> tuple[str, str | None]:
    """An amount typed with its unit ("4 cm", "4cm", "1,5 in", '1.5"', "2 inches"): the
    number's text and the unit (mm, cm or in); the trimmed text and None when no unit word
    ends it after a number. ``words`` maps each unit to the words a person may type for it
    (``js.units_typed`` in the strings file, so a translation adds its own); case does not
    matter, a space before the word may be left out, and the longest word that fits wins.
    Only the last word is taken: "4 cm cm" and "4 cm 5" keep their text (not a number)."""
    t = trim(str("" if text is None else text))
    best: tuple[int, str] | None = None
    for unit in INPUT_UNITS:
        for word in (words or {}).get(unit, ()):
            w = trim(str(word))
            if w and len(w) < len(t) and t[len(t) - len(w):].lower() == w.lower() \
                    and (best is None or len(w) > best[0]):
                best = (len(w), unit)
    if best is not None:
        number = trim(t[:len(t) - best[0]])
        if number and number[-1] in "0123456789.,":
            return number, best[1]
    return t, None


def link_number(text: object) -> str:
    """A typed number as a link carries it, the same in every language: "4,5" -> "4.5";
    text that is not a number is kept as typed (trimmed), for the page to refuse."""
    t = trim(str("" if text is None else text))
    return t if parse_decimal(t) is None else t.replace(",", ".")


def to_mm(value: float, unit: str) -> float:
    """Millimetres from ``value`` in ``unit`` (mm, cm or in)."""
    if unit not in MM_PER_INPUT:
        raise ValueError(f"unit must be one of {INPUT_UNITS}")
    return value * MM_PER_INPUT[unit]


def from_mm(mm: float, unit: str) -> float:
    """``mm`` in ``unit``, rounded for display (halves up, ``SHOWN_DECIMALS``)."""
    factor = 10 ** SHOWN_DECIMALS[unit]
    return math.floor(mm / MM_PER_INPUT[unit] * factor + 0.5) / factor


def suggest_unit(value: float, unit: str, low_mm: float, high_mm: float) -> str | None:
    """For an amount outside ``low_mm`` to ``high_mm`` in its unit: the first other unit
    (cm, mm, in) in which the same number is inside; None when it is plausible or no
    other unit fits."""
    mm = to_mm(value, unit)
    if low_mm <= mm <= high_mm:
        return None
    for other in ("cm", "mm", "in"):
        if other != unit and low_mm <= to_mm(value, other) <= high_mm:
            return other
    return None


def half_up(x: float) -> int:
    """Round to a whole number, halves up (JavaScript's ``Math.round``)."""
    return math.floor(x + 0.5)


def round1(x: float) -> float:
    """Round to one decimal, halves up (JavaScript's ``Math.round(x * 10) / 10``)."""
    return math.floor(x * 10 + 0.5) / 10


def to_fixed(x: float, digits: int) -> str:
    """``x`` with ``digits`` decimals, as JavaScript's ``x.toFixed(digits)`` writes it for
    ``x >= 0``: the exact value rounded, a tie upwards (Python's format rounds a tie such as
    38.25 to even, 38.2; JavaScript gives 38.3)."""
    return str(Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


# ---- numbers and dates in the reader's language (the browser's copy: units-model.js) ----
#
# One rule for both sides, so Babel (Python) and Intl (browser) cannot disagree: the signs
# and the names come from Babel (CLDR) for the strings file's ``locale`` when the page is
# built, travel to the browser inside the widget's configuration (``format``), and both
# sides only put them together. Where Babel and a browser's Intl differ (the group sign,
# "Sept"/"sep.", a comma after the weekday), the page shows Babel's.
#   * a number is written as JavaScript's String(x) writes it ("29.4", "30"), then its
#     decimal point becomes the locale's decimal sign ("29,4" in sv_SE), and from
#     GROUP_FROM (10 000) its whole part is grouped by threes with the locale's group sign
#     ("12 345" with a no-break space in sv_SE, "12,345" in en_GB); 1095 stays "1095", as
#     Swedish and English style guides write four-digit numbers;
#   * a date is "day month-abbreviation year" ("3 Sept 2027", "3 sep. 2027"), or its parts
#     (weekday, day, month, year, wide or abbreviated) for a pattern in the strings;
#   * a word's singular or plural form follows the CLDR plural category of the number.

GROUP_FROM = 10000
_JS_DECIMAL_TEXT = re.compile(r"^(-?)(\d+)(?:\.(\d+))?$")


def js_string(x: float) -> str:
    """A number as JavaScript's ``String(x)`` writes it: ``29.4``, ``30`` (no ``.0``),
    ``1e-7``, ``1e+21``: the shortest digits that read back (as ``repr``), laid out by
    ECMAScript's Number::toString."""
    x = float(x)
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else ("NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity"))
    sign, digit_tuple, exponent = Decimal(repr(abs(x))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = exponent + k  # the decimal point's place after the first n digits
    head = "-" if x < 0 else ""
    if k <= n <= 21:
        return head + digits + "0" * (n - k)
    if 0 < n <= 21:
        return head + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return head + "0." + "0" * -n + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{head}{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


def locale_format(locale: str) -> dict[str, Any]:
    """The signs and names numbers and dates are written with in ``locale`` (``sv_SE``),
    from Babel: what the browser gets as ``format`` in a widget's configuration."""
    def weekdays(width: str) -> list[str]:
        names = get_day_names(width, locale=locale)
        return [names[(k + 6) % 7] for k in range(7)]  # Sunday first, as Date.getUTCDay(); Babel's 0 is Monday

    return {
        "locale": locale.replace("_", "-"),
        "decimal": get_decimal_symbol(locale),
        "group": get_group_symbol(locale),
        "groupFrom": GROUP_FROM,
        "months": [get_month_names("wide", locale=locale)[m] for m in range(1, 13)],
        "monthsShort": [get_month_names("abbreviated", locale=locale)[m] for m in range(1, 13)],
        "weekdays": weekdays("wide"),
        "weekdaysShort": weekdays("abbreviated"),
    }


def number_text(x: float, fmt: Mapping[str, Any] | None) -> str:
    """``x`` for a reader: :func:`js_string` with the locale's decimal sign, grouped from
    ``GROUP_FROM`` (``format`` from :func:`locale_format`; None: as JavaScript writes it)."""
    text = js_string(x)
    m = _JS_DECIMAL_TEXT.match(text)
    if fmt is None or m is None:
        return text
    sign, whole, decimals = m.groups()
    if int(whole) >= fmt["groupFrom"]:
        head = len(whole) % 3 or 3
        whole = fmt["group"].join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + (fmt["decimal"] + decimals if decimals else "")


def date_parts(day: Any, fmt: Mapping[str, Any], long: bool = True) -> dict[str, str]:
    """A date's parts in words: weekday, day, month and year (wide names when ``long``)."""
    weekday = (day.weekday() + 1) % 7  # Sunday 0, as JavaScript's getUTCDay()
    return {"weekday": (fmt["weekdays"] if long else fmt["weekdaysShort"])[weekday], "day": str(day.day),
            "month": (fmt["months"] if long else fmt["monthsShort"])[day.month - 1], "year": str(day.year)}


def short_date(day: Any, fmt: Mapping[str, Any]) -> str:
    """"3 Sept 2027", "3 sep. 2027", "1 mars 2027": day, abbreviated month, year."""
    p = date_parts(day, fmt, long=False)
    return f"{p['day']} {p['month']} {p['year']}"


def plural_form(n: float, fmt: Mapping[str, Any]) -> str:
    """The CLDR plural category of ``n`` in the format's locale ("one", "other"); the
    browser asks Intl.PluralRules, which gives the same for whole numbers."""
    return Locale.parse(fmt["locale"], sep="-").plural_form(abs(n))
