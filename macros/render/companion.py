"""Render the treatment companion: the widget's root with its one JSON configuration, and
a blank turns chart to print and fill in by hand (what a reader without JavaScript gets,
and what the page shows until the family has entered their team's plan).

Nothing is filled in for the family: the chart has no dates, no rate, no number of steps
and no target. ``companion.js`` fills the chart only from what the reader typed.

Markup lives in ``macros/render/templates/companion.html`` (through the one Jinja
environment, ``macros.render.environment``); this module passes plain data only.
Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from markupsafe import Markup

from macros.model import companion as model
from macros.model.units import locale_format
from macros.render.clinic import tel
from macros.render.environment import render

STORAGE_KEY = "__llg_companion"  # the one localStorage key (named on the About page)
BLANK_ROWS = 28  # four weeks on one sheet; the sheet says so, and to print another for more days
FIRST_TIME, LAST_TIME = "", ""  # no times are suggested: the team or the family chooses them


def config(params, strings: Mapping[str, Any], phones: Sequence[Mapping[str, str]]) -> dict[str, Any]:
    """What ``companion.js`` needs: the limits from the parameters, the strings, the
    clinic's phones and the storage key, and the amounts (mm) accepted without asking
    "Did you mean ...?" (``lengthening.plausible_amount``, as the planner). No rate, steps,
    date or target: those come from the team's sheet."""
    plausible = params["lengthening.plausible_amount"]
    return {
        "limits": model.limits_from_params(params).as_dict(),
        "plausible_mm": [plausible.low, plausible.high],
        "times": {"first": FIRST_TIME, "last": LAST_TIME},
        "storage_key": STORAGE_KEY,
        "phones": list(phones),
        # with the signs and names of numbers and dates in the strings' locale (units.locale_format)
        "strings": {**strings["js"]["companion"], "format": locale_format(strings["locale"])},
    }


def companion(params, strings: Mapping[str, Any], phones: Sequence[tuple[str, str]], urgent_href: str,
              emergency_signs: Sequence[str], same_day_signs: Sequence[str] = (), *, emergency: str) -> Markup:
    """The whole widget: its configuration and the blank chart. The chart's warning box
    lists ``emergency_signs`` and ``same_day_signs`` (the urgent page's first two tiers,
    from ``data/urgent.yml``)
    and the urgent page's reasons to hold the next turn (``templates.urgent.hold``);
    ``emergency`` is whom to call, as plain text (``urgent.emergency_call(..., link=False)``)."""
    limits = model.limits_from_params(params)
    phone_list = [{"label": label, "number": number, "tel": tel(number)} for label, number in phones]
    t = dict(strings["templates"]["companion"])
    t["flags_emergency"] = t["flags_emergency"].format(emergency=emergency)
    return render("companion.html", config=config(params, strings, phone_list), t=t,
                  phones=phone_list, urgent_href=urgent_href, emergency_signs=list(emergency_signs),
                  same_day_signs=list(same_day_signs),
                  hold=strings["templates"]["urgent"]["hold"], not_sure=strings["templates"]["urgent"]["not_sure"],
                  rows=range(BLANK_ROWS), sheet_rows=str(BLANK_ROWS), boxes=range(max(limits.steps)))
