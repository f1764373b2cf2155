"""Render the treatment companion: the widget's root with its one JSON configuration, and
the printable turns chart for the typical plan (shown when JavaScript is off).

Markup lives in ``macros/templates/companion.html`` (Jinja, autoescaped, strict about
undefined names); this module passes plain data only. Pure module: no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from macros import companion as model

TEMPLATES = Path(__file__).resolve().parent / "templates"
STORAGE_KEY = "__llg_companion"  # the one localStorage key (named on the About page)
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
EXAMPLE_START = "2027-01-04"  # only to run the model: the printed chart shows day numbers, not dates


def typical_plan(params) -> dict[str, Any]:
    g = params.group("lengthening")
    return {"target_mm": g["usual_amount"].typical,
            "segments": [{"start": EXAMPLE_START, "rate": g["distraction_rate"].typical,
                          "steps": int(g["steps_per_day"].typical)}]}


def chart_data(sched: Mapping[str, Any], dated: bool) -> list[dict[str, Any]]:
    return [{"day": r["day"], "date": r["date"] if dated else "", "steps": r["steps"], "times": r["times"],
             "step": model.mm_text(r["step_mm"]), "total": model.mm_text(r["total"]), "pause": r["pause"]}
            for r in sched["rows"]]


def companion(params, strings: Mapping[str, Any], phones: list[dict[str, str]], urgent_href: str,
              urgent_text: str) -> str:
    """The whole widget: configuration for the browser and the build-time typical chart."""
    limits = model.limits_from_params(params)
    plan = typical_plan(params)
    sched = model.schedule(plan, limits)
    g = params.group("lengthening")
    t = strings["templates"]["companion"]
    config = {
        "limits": limits.as_dict(),
        "defaults": {"target_mm": plan["target_mm"], "rate": plan["segments"][0]["rate"],
                     "steps": plan["segments"][0]["steps"], "first_time": "08:00", "last_time": "20:00"},
        "latency_days": g["latency"].typical,
        "storage_key": STORAGE_KEY,
        "phones": phones,
        "strings": strings["js"]["companion"],
    }
    seg = plan["segments"][0]
    return _ENV.get_template("companion.html").render(
        config=config, t=t, phones=phones, urgent_href=urgent_href, urgent_text=urgent_text,
        rows=chart_data(sched, dated=False),
        typical=t["typical_plan"].format(target=model.mm_text(sched["target"]), rate=model.mm_text(model.hundredths(seg["rate"])),
                                         steps=seg["steps"], step=model.mm_text(model.hundredths(seg["rate"] / seg["steps"])),
                                         days=len(sched["rows"])),
        steps_max=max(limits.steps))
