"""Render the warning signs and the edition's phone numbers as Markdown, through the
shared Jinja environment (``macros/render/environment.py``) and the ``*.md`` templates in
``macros/render/templates/`` (the markup lives there, not in Python). ``*.md`` templates are
not autoescaped: the data is checked to hold no HTML (``macros/data/urgent.py``).

The output is Markdown (inside ``markdown="1"`` blocks where it needs a wrapper), so the
citation links go through MkDocs' own link checks like any other link on the page.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from macros.render.clinic import tel
from macros.render.environment import render
from macros.errors import GuideDataError
from macros.data.urgent import TIERS, Region, Sign, fill_params


def _t(strings: Mapping[str, Any]) -> Mapping[str, Any]:
    return strings["templates"]["urgent"]


def red_flags(signs: Mapping[str, Sequence[Sign]], tier: str, cite: Callable[..., str],
              fill: Callable[[str, str | None], str]) -> str:
    """One tier's signs: a list in a ``div[data-tier]``, each sign with its why and sources.
    ``fill(key, which)`` words a ``{param:...}`` reference in a sign's text."""
    if tier not in TIERS:
        raise GuideDataError("macro red_flags", str(tier), f"is not a tier ({', '.join(TIERS)})")
    shown = [{"id": s.id, "text": fill_params(s.text, fill), "why": fill_params(s.why, fill), "sources": s.sources}
             for s in signs[tier]]
    return str(render("red_flags.md", tier=tier, signs=shown, cite=lambda keys: cite(*keys)))


def emergency_numbers(regions: Sequence[Region], strings: Mapping[str, Any]) -> str:
    """The table of emergency and advice numbers by region."""
    return str(render("emergency_numbers.md", regions=regions, t=_t(strings), tel=tel))


def _home(regions: Sequence[Region]) -> Region | None:
    """The language edition's own country (``home`` in emergency.yml's ``languages``), if any."""
    return next((r for r in regions if r.home), None)


def emergency_call(regions: Sequence[Region], strings: Mapping[str, Any], link: bool = True) -> str:
    """The number itself when the edition has one region (a clinic's), else the home region's
    number when the language edition has one ("112"), else "your local emergency number".
    ``link=False``: the number as plain text (for HTML templates, which do not read Markdown)."""
    t = _t(strings)

    def number(n: str) -> str:
        return f"[{n}]({tel(n)})" if link else n

    if len(regions) == 1:
        return t["one_number"].format(number=number(regions[0].emergency))
    home = _home(regions)
    if home is not None:
        return t["home_number"].format(number=number(home.emergency))
    return t["many_numbers"]


def advice_call(regions: Sequence[Region], strings: Mapping[str, Any]) -> str:
    """The advice line of a one-region edition ("NHS 111 (111)"), else the home region's
    advice line when the language edition has one ("1177 Vårdguiden"), else a general phrase."""
    t = _t(strings)
    if len(regions) == 1:
        a = regions[0].advice
        if a is None:
            return t["no_advice_line"]
        return t["one_advice"].format(name=a.name, number=f"[{a.number}]({tel(a.number)})")
    home = _home(regions)
    if home is not None and home.advice is not None:
        a = home.advice
        return t["home_advice"].format(name_link=f"[{a.name}]({tel(a.number)})")
    return t["many_advice"]


def urgent_help(regions: Sequence[Region], strings: Mapping[str, Any]) -> str:
    """The short summary of the warning signs (``templates.urgent_help``), naming whom to call."""
    return strings["templates"]["urgent_help"].format(emergency=emergency_call(regions, strings))


def contact_box(phones: Sequence[tuple[str, str]], regions: Sequence[Region], strings: Mapping[str, Any]) -> str:
    """The phone box: the clinic's numbers, or blank lines to fill in; then the emergency number."""
    return str(render(
        "contact_box.md", t=_t(strings), phones=[{"label": label, "number": n, "tel": tel(n)} for label, n in phones],
        emergency=emergency_call(regions, strings)))
