"""The warning signs in three tiers (``data/urgent.yml``) and the edition's phone numbers
for emergencies and health advice (``data/emergency.yml``, or a clinic's own list).

``urgent.yml`` holds the red flags once, so the urgent-help page, later pages and
printed charts all show the same signs in the same tier. Each tier lists signs; a sign
has an ``id``, the ``text`` a reader notices, a short ``why`` and ``sources`` (keys of
``data/references.yml``). A text may show a parameter as ``{param:KEY}`` (its range) or
``{param:KEY:which}`` (``low``, ``typical`` or ``high``), so a threshold such as the
fever line lives only in ``data/parameters.yml``.

``emergency.yml`` holds the emergency and advice numbers by region. The default
edition lists the common ones; a clinic edition replaces the whole list with its own
(``clinic.emergency`` in its clinic file). Pages never type a number: they call the
macros that render this data.

Pure module: no MkDocs import. Problems raise :class:`GuideDataError` naming file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from macros.data import schema
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

URGENT_FILE = "urgent.yml"
EMERGENCY_FILE = "emergency.yml"
TIERS = schema.TIERS
VALUES = ("range", "typical", "low", "high")  # which value of a parameter a {param:key:which} shows
PARAM_REF = re.compile(r"\{param:([\w.]+)(?::(\w+))?\}")


@dataclass(frozen=True)
class Sign:
    """One warning sign: what the reader notices, why it matters, and its sources."""

    id: str
    tier: str
    text: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """A health advice line for when it is not an emergency ("NHS 111")."""

    name: str
    number: str


@dataclass(frozen=True)
class Region:
    """The emergency number of a region and, if it has one, its advice line.

    ``region`` is written to follow "in": "the UK", "Sweden".
    """

    region: str
    emergency: str
    advice: Advice | None = None
    home: bool = False  # the language edition's own country (emergency.yml languages.<lang>[].home)


def _text(value: str, file: str, key: str) -> str:
    if "<" in value or "{{" in value:
        raise GuideDataError(file, key, "must be plain text (no HTML or template code)")
    return " ".join(value.split())


def parse_signs(raw: Any, references: Mapping[str, Any], check: Callable[[str, str | None], object],
                file: str = URGENT_FILE) -> dict[str, tuple[Sign, ...]]:
    """Validate ``urgent.yml``: the three tiers in order, each sign complete and sourced.

    A sign's text keeps its ``{param:key[:which]}`` references (the render layer words
    them, :func:`fill_params`); ``check(key, which)`` raises :class:`GuideDataError` for
    an unknown parameter, which is reported against the sign.
    """
    schema.validate(schema.UrgentFile, raw, file)
    tiers = raw["tiers"]
    if list(tiers) != list(TIERS):
        raise GuideDataError(file, "tiers", f"must be exactly {', '.join(TIERS)}, in that order")
    out: dict[str, tuple[Sign, ...]] = {}
    seen: set[str] = set()
    for tier in TIERS:
        parsed = []
        for i, s in enumerate(tiers[tier]):
            sid = s["id"]
            if sid in seen:
                raise GuideDataError(file, f"tiers.{tier}[{i}].id", f"must be a new lower-case name, got {sid!r}")
            seen.add(sid)
            where = f"tiers.{tier}.{sid}"
            text = _text(s["text"], file, f"{where}.text")
            why = _text(s["why"], file, f"{where}.why")
            try:
                for m in (*PARAM_REF.finditer(text), *PARAM_REF.finditer(why)):
                    if m.group(2) not in (None, *VALUES):
                        raise GuideDataError(file, m.group(1), f"{m.group(2)!r} is not one of {', '.join(VALUES)}")
                    check(m.group(1), m.group(2))
            except GuideDataError as err:
                raise GuideDataError(file, f"{where}.text", f"{err.key}: {err.problem}") from None
            sources = s["sources"]
            for key in sources:
                if key not in references:
                    raise GuideDataError(file, f"{where}.sources", f"cites unknown reference {key!r}")
            parsed.append(Sign(sid, tier, text, why, tuple(sources)))
        out[tier] = tuple(parsed)
    return out


def fill_params(text: str, fill: Callable[[str, str | None], str]) -> str:
    """``text`` with each ``{param:key[:which]}`` replaced by ``fill(key, which)``."""
    return PARAM_REF.sub(lambda m: fill(m.group(1), m.group(2)), text)


def parse_regions(raw: Any, file: str = EMERGENCY_FILE, key: str = "regions") -> tuple[Region, ...]:
    """Validate a list of ``{region, emergency, advice: {name, number}}`` (advice optional)."""
    schema.validate(schema.Regions, raw, file, prefix=key)
    out = []
    for i, r in enumerate(raw):
        where = f"{key}[{i}]"
        advice = None
        if r.get("advice") is not None:
            a = r["advice"]
            advice = Advice(_text(a["name"], file, f"{where}.advice.name"), a["number"])
        out.append(Region(_text(r["region"], file, f"{where}.region"), r["emergency"], advice))
    return tuple(out)


def load_signs(path: Path, references: Mapping[str, Any], check: Callable[[str, str | None], object]
               ) -> dict[str, tuple[Sign, ...]]:
    return parse_signs(read_yaml(path), references, check, path.name)


def load_regions(path: Path, lang: str | None = None) -> tuple[Region, ...]:
    """The regions of ``emergency.yml``; for ``lang`` (a language other than the default one),
    in that language's order and with its names (``languages.<lang>``), when the file has them."""
    raw = read_yaml(path)
    schema.validate(schema.EmergencyFile, raw, path.name)
    regions = parse_regions(raw["regions"], path.name)
    order = (raw.get("languages") or {}).get(lang) if lang else None
    if order is None:
        return regions
    return in_language(regions, order, path.name, f"languages.{lang}")


def in_language(regions: tuple[Region, ...], order: list[Mapping[str, str]], file: str, key: str
                ) -> tuple[Region, ...]:
    """``regions`` in the order of ``order`` ([{region, name, home}]), each named ``name``: every
    region exactly once, so a language edition cannot drop or invent a phone number. At most
    one region is the edition's ``home``: its numbers are the ones a page names."""
    by_name = {r.region: r for r in regions}
    out, seen = [], set()
    for i, entry in enumerate(order):
        name = entry["region"]
        if name not in by_name:
            raise GuideDataError(file, f"{key}[{i}].region", f"{name!r} is not a region of regions")
        if name in seen:
            raise GuideDataError(file, f"{key}[{i}].region", f"lists {name!r} a second time")
        seen.add(name)
        r = by_name[name]
        home = bool(entry.get("home", False))
        if home and any(o.home for o in out):
            raise GuideDataError(file, f"{key}[{i}].home", "marks a second home region (at most one)")
        out.append(Region(_text(entry["name"], file, f"{key}[{i}].name"), r.emergency, r.advice, home))
    missing = [r.region for r in regions if r.region not in seen]
    if missing:
        raise GuideDataError(file, key, f"misses {', '.join(repr(m) for m in missing)} (every region, once)")
    return tuple(out)

