"""Numbers in the words and numerals a patient reads: quantities and how often things happen.

Quantities follow the NHS style for numbers: numerals, "to" for ranges ("5 to 7 days"), no
needless decimals.

How often something happens, in words a patient reads: "about 1 in 3", never a percentage.

Three kinds of figure are worded here:

* a risk (a ``percent`` parameter with ``counted:``, the ``risk`` macro): the phrase always
  says what the study counted, so the sentence around it cannot claim another unit.
  A share: 15 counted per child -> "about 1 in 7 children"; events per 100: 34
  complications per 100 lengthened bone segments -> "about 1 complication for every 3
  lengthened bones (one bone can have more than one)". When one study's counts are in the
  data (``counted.events`` and ``counted.total``), they follow in brackets: "nearly 1 in
  5 children (6 of 33)". The page must say which unit its sentence counts (``per=``),
  and a mismatch stops the build;
* any other share (``percent``, the ``one_in`` macro): 15 -> "about 1 in 7";
* ``births_per_case`` (the N of "1 in N births"): 50000 -> "about 1 in 50,000 births".

Shares are worded from one fixed ladder of phrases (``templates.risk.ladder`` in the strings
file: 19 in 20, 9 in 10 ... 1 in 2, 2 in 5, 1 in 3, 3 in 10, 1 in 4 ... 1 in 1,000). The phrase
nearest to the figure (smallest relative error) is used; when it is more than 10% away,
"nearly" says the figure is a bit below the phrase and "just over" that it is a bit above,
so a harm is never understated by more than 10% without saying so. Every word comes from
``strings["templates"]``, so a translated strings file changes the wording; numerals (decimal
sign, thousands grouping) and the choice of a word's singular or plural form (the CLDR plural
category) follow the strings file's ``locale`` through Babel.

Pure module: no MkDocs, no HTML, no files.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from babel import Locale
from babel.numbers import format_decimal

from macros.data.parameters import COUNTED_UNITS, Parameter
from macros.errors import GuideDataError
from macros.model.units import half_up

WHICH = ("range", "typical", "low", "high")


def shown(x: float) -> Decimal:
    """The value a reader sees: at most 2 decimals, none needless (``7.0`` -> 7, ``1.999`` -> 2).
    Plural forms are chosen for this value, as CLDR's rules expect ("1 day", "1.5 days")."""
    if float(x).is_integer():
        return Decimal(int(x))
    return Decimal(f"{x:.2f}".rstrip("0").rstrip("."))


def number(x: float, locale: str) -> str:
    """``7.0`` -> ``"7"``, ``0.75`` -> ``"0.75"`` (``"0,75"`` in sv_SE), ``1.25`` -> ``"1.25"``
    (at most 2 decimals), with the locale's decimal sign and no grouping (Babel)."""
    return format_decimal(shown(x), format="0.##", locale=locale)


def plural_form(x: float, locale: str) -> str:
    """The CLDR plural category ("one", "other", ...) of ``x`` as shown (Babel)."""
    return Locale.parse(locale).plural_form(shown(x))


def unit_name(strings: Mapping[str, Any], unit: str, x: float) -> str:
    """The unit's name for a quantity ``x`` ("1 day", "2 days"): the form for the CLDR plural
    category of ``x`` in the strings file's locale."""
    names = strings["units"][unit]
    form = plural_form(x, strings["locale"])
    if form not in names:
        raise GuideDataError("strings.en.yml", f"units.{unit}.{form}", f"is missing (the {strings['locale']} form for {x})")
    return names[form]


def label(strings: Mapping[str, Any], p: Parameter) -> str:
    """What the parameter is, in words, in the strings' language: the edition's own label
    (``parameter_labels`` in its strings file) when it gives labels, else parameters.yml's.
    An edition that gives labels must give one for every parameter a page shows."""
    labels = strings.get("parameter_labels") or {}
    if not labels:
        return p.label
    if p.key not in labels:
        lang = str(strings.get("locale", "en")).split("_")[0]
        raise GuideDataError(f"strings.{lang}.yml", f"parameter_labels.{p.key}",
                             "no label in this language (a page shows this parameter's label)")
    return labels[p.key]


def _sep(name: str) -> str:
    """The space between a number and its unit's name: none before "%" (English "10%") or
    before a name that brings its own space (Swedish writes "10 %" with a no-break space)."""
    return "" if name.startswith("%") or name[:1].isspace() else " "


def quantity(strings: Mapping[str, Any], x: float, unit: str) -> str:
    """``7, "day"`` -> ``"7 days"``; units without a name (ratios) give the bare number."""
    name = unit_name(strings, unit, x)
    if not name:
        return number(x, strings["locale"])
    return f"{number(x, strings['locale'])}{_sep(name)}{name}"


def span(strings: Mapping[str, Any], low: float, high: float, unit: str) -> str:
    """``5, 10, "day"`` -> ``"5 to 10 days"``; equal ends give one quantity."""
    locale = strings["locale"]
    if number(low, locale) == number(high, locale):
        return quantity(strings, low, unit)
    pattern = strings["templates"]["range"]
    name = unit_name(strings, unit, high)
    return pattern.format(low=number(low, locale), high=number(high, locale)) + (f"{_sep(name)}{name}" if name else "")


def param(strings: Mapping[str, Any], p: Parameter, which: str = "range") -> str:
    """A parameter in prose: its range ("5 to 10 days") or one end or its typical value."""
    if which not in WHICH:
        raise GuideDataError("macro param", p.key, f"'which' must be one of {', '.join(WHICH)}, got {which!r}")
    if p.kind == "table":
        raise GuideDataError("macro param", p.key, "is a table; use a table macro")
    if which == "range":
        return span(strings, p.low, p.high, p.unit)
    return quantity(strings, getattr(p, which), p.unit)


# How often: risks, shares and "1 in N births"

SHARE_UNITS = ("percent", "births_per_case")
# A phrase within this relative distance of the figure is "about" it.
TOLERANCE = 0.10
QUALIFIERS = ("about", "nearly", "just_over", "less_than")


@dataclass(frozen=True)
class Rung:
    """One phrase of the ladder: "n in d"."""

    n: int
    d: int

    @property
    def value(self) -> float:
        return self.n / self.d


@dataclass(frozen=True)
class Wording:
    """A share put into words: the ladder's phrase and how it relates to the share."""

    qualifier: str  # about, nearly (phrase above the share), just_over (below), less_than
    rung: Rung
    error: float  # (phrase - share) / share


def grouped(n: int, locale: str, start: int = 10000) -> str:
    """``100000`` -> ``"100,000"`` (``"100 000"`` in sv_SE: the locale's grouping sign, Babel);
    numbers below ``start`` stay ungrouped ("1 in 2500")."""
    return format_decimal(n, format="0" if n < start else "#,##0", locale=locale)


def ladder(strings: Mapping[str, Any]) -> tuple[Rung, ...]:
    """The fixed ladder of phrases from ``templates.risk.ladder``, checked."""
    raw = strings["templates"]["risk"].get("ladder")
    where = "templates.risk.ladder"
    if not isinstance(raw, list) or not raw:
        raise GuideDataError("strings.en.yml", where, "must be a list of [n, d] pairs")
    rungs = []
    for i, pair in enumerate(raw):
        ok = (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in pair)
              and 0 < pair[0] < pair[1])
        if not ok:
            raise GuideDataError("strings.en.yml", f"{where}[{i}]", f"must be [n, d] with 0 < n < d, got {pair!r}")
        rungs.append(Rung(*pair))
    if len({r.value for r in rungs}) != len(rungs):
        raise GuideDataError("strings.en.yml", where, "two phrases have the same value")
    return tuple(rungs)


def word_share(share: float, rungs: tuple[Rung, ...]) -> Wording:
    """The ladder's phrase for ``share`` (a fraction above 0 and at most 1).

    The phrase with the smallest relative error wins; on a tie the larger phrase (a harm
    is not understated). Within ``TOLERANCE`` it is "about"; beyond, "nearly" when the
    phrase is above the share, "just over" when below; below the smallest phrase by more
    than the tolerance, "less than" it.
    """
    if not 0 < share <= 1:
        raise ValueError(f"a share must be above 0 and at most 1, got {share}")
    best = min(rungs, key=lambda r: (half_up(abs(r.value - share) / share * 1e9), -r.value))  # ties within 1e-9
    error = (best.value - share) / share
    if abs(error) <= TOLERANCE + 1e-9:
        return Wording("about", best, error)
    smallest = min(rungs, key=lambda r: r.value)
    if best == smallest and error > 0:
        return Wording("less_than", best, error)
    return Wording("nearly" if error > 0 else "just_over", best, error)


def _fraction(strings: Mapping[str, Any], rung: Rung) -> str:
    t = strings["templates"]
    return t["risk"]["fraction"].format(n=rung.n, d=grouped(rung.d, strings["locale"], 1000))


def _qualified(strings: Mapping[str, Any], qualifier: str, text: str) -> str:
    t = strings["templates"]["risk"]
    if qualifier == "less_than":
        return t["less_than"].format(text=text)
    return t[qualifier].format(text=text)


def _percent(p: Parameter, which: str, macro: str) -> list[float]:
    """The value(s) to word: both ends for a range, else one value."""
    if which not in WHICH:
        raise GuideDataError(macro, p.key, f"'which' must be one of {', '.join(WHICH)}, got {which!r}")
    if p.kind == "table":
        raise GuideDataError(macro, p.key, "is a table, not a number")
    if which == "range" and p.kind == "range":
        values = [p.low, p.high]
    else:
        values = [getattr(p, "typical" if which == "range" else which)]
    for v in values:
        if not 0 < v <= 100:
            raise GuideDataError(macro, p.key, f"a share must be above 0 and at most 100 percent, got {v}")
    return values


def _join(strings: Mapping[str, Any], parts: list[Wording], phrase) -> str:
    """One or two worded values; a shared qualifier is said once ("about 1 in 7 to 1 in 4")."""
    t = strings["templates"]["risk"]
    texts = [phrase(w) for w in parts]
    if len(parts) == 1 or texts[0] == texts[1] and parts[0].qualifier == parts[1].qualifier:
        return _qualified(strings, parts[0].qualifier, texts[0])
    if parts[0].qualifier == parts[1].qualifier:
        return _qualified(strings, parts[0].qualifier, t["range"].format(low=texts[0], high=texts[1]))
    return t["range"].format(low=_qualified(strings, parts[0].qualifier, texts[0]),
                             high=_qualified(strings, parts[1].qualifier, texts[1]))


def risk(strings: Mapping[str, Any], p: Parameter, per: str | None, which: str = "typical") -> str:
    """A risk in words ending with what was counted: "about 1 in 6 children".

    ``per`` is the unit the page's sentence counts; it must be the unit the figure
    counted (``counted.unit``), otherwise the figure would be put in a sentence about
    something else.
    """
    macro = "macro risk"
    if p.unit != "percent":
        raise GuideDataError(macro, p.key, f"is in {p.unit}, not percent")
    counted = p.counted
    if counted is None:
        raise GuideDataError(macro, p.key, "does not say what was counted: add counted: {unit, measure} in parameters.yml")
    if per is None:
        raise GuideDataError(macro, p.key, f"say which unit the sentence counts, e.g. per=\"{counted.unit}\" "
                                           f"(one of {', '.join(COUNTED_UNITS)})")
    if per not in COUNTED_UNITS:
        raise GuideDataError(macro, p.key, f"per={per!r} is not a unit: one of {', '.join(COUNTED_UNITS)}")
    if per != counted.unit:
        raise GuideDataError(macro, p.key, f"the sentence counts {per} but the figure counts {counted.unit} "
                                           f"({counted.measure}); reword the sentence for {counted.unit}")
    rungs = ladder(strings)
    t = strings["templates"]["risk"]
    noun = t["units"][counted.unit]
    values = _percent(p, which, macro)
    parts = [word_share(v / 100, rungs) for v in values]
    # The study's own counts, said when the figure is one study's single value.
    counts = counted.events is not None and len(values) == 1 and values[0] == p.typical
    if counted.measure == "share":
        text = t["share"].format(fraction=_join(strings, parts, lambda w: _fraction(strings, w.rung)), unit=noun)
        return t["with_counts"].format(text=text, counts=t["counts_share"].format(
            events=counted.events, total=counted.total)) if counts else text
    names = t["events"][counted.event]

    def per_100(w: Wording) -> str:
        d = grouped(w.rung.d, strings["locale"], 1000)
        return t["per_100"].format(n=w.rung.n, event=names[plural_form(w.rung.n, strings["locale"])], d=d, unit=noun)
    # Events per 100 can count one unit twice: say so, so "1 for every 3 bones" is not
    # read as "1 in 3 people".
    note = t["per_100_note"][counted.event].format(one=t["units_one"][counted.unit])
    if counts:
        numbers = t["counts_per_100"].format(events=counted.events, event=names[plural_form(counted.events, strings["locale"])],
                                             total=counted.total, unit=noun)
        note = t["counts_and_note"].format(counts=numbers, note=note) if note else numbers
    text = _join(strings, parts, per_100)
    return t["with_counts"].format(text=text, counts=note) if note else text


def one_in_words(templates: Mapping[str, str], value: float, locale: str) -> str:
    """A "1 in N births" value as "1 in N", without "about"."""
    if value < 1:
        raise GuideDataError("macro one_in", str(value), "'1 in N' needs N of at least 1")
    return templates["one_in"].format(n=grouped(half_up(value), locale))


def one_in(strings: Mapping[str, Any], p: Parameter, which: str = "range") -> str:
    """A share as "about 1 in N" (from the ladder), or "about 1 in N to 1 in M births"."""
    if p.unit not in SHARE_UNITS:
        raise GuideDataError("macro one_in", p.key, f"is in {p.unit}; '1 in N' needs one of {', '.join(SHARE_UNITS)}")
    if which not in WHICH:
        raise GuideDataError("macro one_in", p.key, f"'which' must be one of {', '.join(WHICH)}, got {which!r}")
    if p.kind == "table":
        raise GuideDataError("macro one_in", p.key, "is a table, not a number")
    if p.unit == "percent":
        if p.counted is not None:
            raise GuideDataError("macro one_in", p.key, f"is a risk: use risk(\"{p.key}\", per=\"{p.counted.unit}\"), "
                                                        "which says what was counted")
        rungs = ladder(strings)
        parts = [word_share(v / 100, rungs) for v in _percent(p, which, "macro one_in")]
        return _join(strings, parts, lambda w: _fraction(strings, w.rung))
    t = strings["templates"]["frequency"]
    if which == "range" and p.kind == "range":
        low, high = one_in_words(t, p.low, strings["locale"]), one_in_words(t, p.high, strings["locale"])
        text = low if low == high else t["range"].format(low=low, high=high)
        last = p.high
    else:
        value = getattr(p, "typical" if which == "range" else which)
        text, last = one_in_words(t, value, strings["locale"]), value
    return t["about"].format(text=f"{text} {unit_name(strings, p.unit, last)}")
