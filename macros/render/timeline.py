"""The timeline model as accessible static HTML and SVG, and the planner widget.

* :func:`timeline` one estimate: a Gantt-like SVG (a picture for sighted readers) and
  the same numbers as tables that screen readers and printers get, with the
  assumptions and the sources behind every number.
* :func:`typical_timelines` a static table of example amounts by bone and method.
* :func:`planner` the interactive planner: a real GET form, the static estimate for
  the default inputs (what a reader without JavaScript sees) and the configuration
  that ``planner.js`` computes from (no second copy of any number). The root carries
  ``data-app-widget="planner"`` and the configuration as JSON in ``data-app-config``,
  not in a script element: Material's instant navigation re-creates inline scripts
  without their type and would run the JSON as JavaScript.

This module gives plain data; the markup is in the templates ``_timeline.html`` (the
estimate and its chart), ``timeline.html``, ``typical_timelines.html`` and
``planner.html`` (with the blank plan). The DOM they build and the DOM that
``planner.js`` builds share classes and ``data-*`` hooks. Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from markupsafe import Markup

from macros.model import wording
from macros.render import references as references_html
from macros.render.environment import render
from macros.model import units
from macros.data.guide import Guide
from macros.model.timeline import (BONES, DAYS_PER_MONTH, METHODS, PHASES, UNITS, Span, Timeline, compute, model_data,
                             months)

# Chart geometry (planner.js repeats it): each stage's name sits above its bar, so the
# chart is narrow and its text stays at least 12 px wide on a 390 px phone.
SVG_WIDTH = 360
LABEL_WIDTH = 6
ROW_HEIGHT = 40
TOP = 4
AXIS_HEIGHT = 40
LEGEND_HEIGHT = 30


def planner_strings(strings: Mapping[str, Any]) -> Mapping[str, Any]:
    """``js.planner`` with ``format``: the signs and names of numbers and dates in the
    strings file's locale (``units.locale_format``), which the browser gets too."""
    return {**strings["js"]["planner"], "format": units.locale_format(strings["locale"])}


_s = planner_strings


def refs_href(base: str, key: str) -> str:
    return f"{base}#{references_html.anchor(key)}"


def param_info(guide: Guide, keys, refs_base: str) -> dict[str, Any]:
    """For each parameter key: its label, its value in words and its sources with links."""
    out = {}
    for key in keys:
        p = guide.params[key]
        out[key] = {
            "label": wording.label(guide.strings, p),
            "text": wording.param(guide.strings, p, "range"),
            "sources": [{"label": references_html.short_label(guide.references[k], guide.strings["templates"]["no_date"]),
                         "href": refs_href(refs_base, guide.references[k].key)}
                        for k in p.sources],
        }
    return out


def amount_text(guide: Guide, amount_mm: float) -> str:
    return wording.quantity(guide.strings, units.round1(amount_mm), "mm")


def date_text(s, day) -> str:
    """A date as the planner shows it: day, CLDR's short month and year in the strings'
    locale ("3 Mar 2027", "3 Sept 2027", "1 mars 2027"), from the names in ``format``, as
    planner-model.js writes it (units.short_date)."""
    return units.short_date(day, s["format"])


def day_text(s, span: Span, tl: Timeline) -> str:
    """A span in words: "day 30 (20 to 40)", or dates when the plan has an operation date."""
    if tl.surgery_date:
        f = lambda d: date_text(s, tl.date(d))  # noqa: E731
        if span.min == span.max:
            return f(span.typical)
        return s["date_range"].format(typical=f(span.typical), min=f(span.min), max=f(span.max))
    n = lambda x: units.number_text(x, s["format"])  # noqa: E731
    if span.min == span.max:
        return s["day_single"].format(typical=n(span.typical))
    return s["day_range"].format(typical=n(span.typical), min=n(span.min), max=n(span.max))


def _span(span: Span) -> dict[str, int]:
    return {"typical": span.typical, "min": span.min, "max": span.max}


def _ticks(max_day: int) -> list[int]:
    top = months(max_day) + 1
    step = 1 if top <= 8 else 3 if top <= 24 else 6
    return list(range(0, top + 1, step))


def chart_layout(tl: Timeline) -> dict[str, Any]:
    """The chart's geometry as data (planner-model.js ``chartLayout`` gives the same): the
    month ticks with the day and x of each, and per stage the x and width of the pale bar
    (the range) and the solid bar (typical), as the SVG attributes' text."""
    end = max([e.max for _, e in tl.phases.values()] + [tl.milestones["removal"].max])
    ticks = _ticks(end)
    scale_end = max(end, units.half_up(ticks[-1] * DAYS_PER_MONTH))
    plot = SVG_WIDTH - LABEL_WIDTH - 10

    def at(day: int) -> float:
        return LABEL_WIDTH + plot * day / scale_end

    def x(day: int) -> str:
        return units.to_fixed(at(day), 1)

    def width(a: int, b: int) -> str:  # from the exact positions, then rounded once
        return units.to_fixed(max(at(b) - at(a), 1), 1)

    height = TOP + ROW_HEIGHT * len(PHASES) + AXIS_HEIGHT + LEGEND_HEIGHT
    return {
        "width": SVG_WIDTH, "height": height, "axisTop": height - LEGEND_HEIGHT, "scaleEnd": scale_end,
        "labelX": LABEL_WIDTH, "plot": plot, "top": TOP, "rowHeight": ROW_HEIGHT, "axisHeight": AXIS_HEIGHT,
        "ticks": [{"month": n, "day": units.half_up(n * DAYS_PER_MONTH), "x": x(units.half_up(n * DAYS_PER_MONTH))}
                  for n in ticks],
        "rows": [{"phase": pid, "y": TOP + i * ROW_HEIGHT,
                  "rangeX": x(tl.phases[pid][0].min), "rangeWidth": width(tl.phases[pid][0].min, tl.phases[pid][1].max),
                  "barX": x(tl.phases[pid][0].typical),
                  "barWidth": width(tl.phases[pid][0].typical, tl.phases[pid][1].typical)}
                 for i, pid in enumerate(PHASES)],
    }


def chart(s, tl: Timeline) -> dict[str, Any]:
    """The geometry (:func:`chart_layout`) and words of the Gantt-like SVG (``chart`` in
    ``_timeline.html``)."""
    c = chart_layout(tl)
    axis_top, lx = c["axisTop"], c["labelX"]
    ly = axis_top + 6
    rows = [{"id": r["phase"], "name": _phase_name(s, r["phase"], tl.method), "label_x": lx, "label_y": r["y"] + 14,
             "range_x": r["rangeX"], "range_y": r["y"] + 19, "range_width": r["rangeWidth"],
             "bar_x": r["barX"], "bar_y": r["y"] + 22, "bar_width": r["barWidth"]} for r in c["rows"]]
    return {
        "width": c["width"], "height": c["height"], "title": s["svg_title"],
        "grid_top": c["top"], "grid_bottom": axis_top - AXIS_HEIGHT + 4, "tick_y": axis_top - AXIS_HEIGHT + 18,
        "ticks": [{"x": tick["x"], "label": s["axis_month"].format(n=tick["month"])} for tick in c["ticks"]],
        "axis": {"x": lx + c["plot"] / 2, "y": axis_top - 6, "label": s["axis_label"]},
        "legend": {"x": lx, "y": ly, "bar_y": ly + 3, "text_y": ly + 13, "typical_x": lx + 28,
                   "typical": s["legend_typical"], "range_x": lx + 170, "range_text_x": lx + 198,
                   "range": s["legend_range"]},
        "rows": rows,
    }


def summary_text(s, tl: Timeline) -> str:
    """"Bone solid in about 4 to 8 months; back to sport ..." (months, halves up)."""
    solid, sport = tl.totals["bone_solid"], tl.totals["return_to_sport"]
    return s["summary"].format(solid=months_range(s, solid), sport=months_range(s, sport))


def months_range(s, span: Span) -> str:
    return s["months_range"].format(min=units.number_text(months(span.min), s["format"]),
                                    max=units.number_text(months(span.max), s["format"]))


def by_method(label: Any, method: str) -> str:
    """A label that may differ by method: a string, or a mapping ``{nail: ..., frame: ...}``."""
    return label[method] if isinstance(label, Mapping) else label


def _any_method(s, label: Any) -> str:
    """A label for a plan whose method is not known yet: each method's wording, named."""
    if not isinstance(label, Mapping):
        return label
    return "; ".join(f"{s['methods'][m]}: {label[m]}" for m in METHODS)


def _phase_name(s, pid: str, method: str) -> str:
    return by_method(s["phases"][pid], method)


def _milestone_name(s, mid: str, method: str) -> str:
    if mid == "removal":
        return s["milestones"][f"removal_{method}"]
    return by_method(s["milestones"][mid], method)


def milestone_order(tl: Timeline) -> list[tuple[str, Span]]:
    """Milestones in date order (typical day; the model's order breaks ties)."""
    items = list(tl.milestones.items())
    return sorted(items, key=lambda kv: (kv[1].typical, [k for k, _ in items].index(kv[0])))


def timeline_data(guide: Guide, tl: Timeline, refs_base: str) -> dict[str, Any]:
    """One estimate as plain data for ``timeline`` in ``_timeline.html``."""
    s = _s(guide.strings)
    caption = s["caption"].format(amount=amount_text(guide, tl.amount_mm), bone=s["bones"][tl.bone],
                                  method=s["methods"][tl.method])
    warning = ""
    if "beyond_evidence" in tl.warnings:
        limit = wording.quantity(guide.strings, guide.params["lengthening.evidence_max"].typical, "mm")
        warning = s["warning_beyond_evidence"].format(max=limit)
    summary = summary_text(s, tl)
    phases = []
    for pid in PHASES:
        start, stop = tl.phases[pid]
        phases.append({"id": pid, "name": _phase_name(s, pid, tl.method), "start": _span(start), "end": _span(stop),
                       "start_text": day_text(s, start, tl), "end_text": day_text(s, stop, tl)})
    milestones = [{"id": mid, "name": _milestone_name(s, mid, tl.method), "span": _span(span),
                   "date": tl.date(span.typical).isoformat() if tl.surgery_date else "", "when": day_text(s, span, tl)}
                  for mid, span in milestone_order(tl)]
    dated = "_dates" if tl.surgery_date else ""
    return {
        "amount_mm": tl.amount_mm, "bone": tl.bone, "method": tl.method,
        "date": tl.surgery_date.isoformat() if tl.surgery_date else "",
        "caption": caption, "warning": warning, "summary": summary, "chart": chart(s, tl),
        "cols": {"phase": s["col_phase"], "start": s["col_start"], "end": s["col_end"],
                 "milestone": s["col_milestone"], "when": s["col_when"]},
        "phase_caption": s["phase_table_caption" + dated], "phases": phases,
        "milestone_caption": s["milestone_table_caption" + dated], "milestones": milestones,
        "assumptions": assumptions(guide, tl.used_keys, refs_base), "disclaimer": s["disclaimer"],
    }


def timeline(guide: Guide, tl: Timeline, refs_base: str) -> Markup:
    """One estimate as HTML: caption, warning, summary, chart, tables, assumptions."""
    return render("timeline.html", tl=timeline_data(guide, tl, refs_base))


def assumptions(guide: Guide, keys, refs_base: str) -> dict[str, Any]:
    """The parameters an estimate used, in words with their sources, and the note on age."""
    s = _s(guide.strings)
    items = [{"key": key, "text": s["assumption_item"].format(label=info["label"], value=info["text"]),
              "sources": info["sources"]} for key, info in param_info(guide, keys, refs_base).items()]
    return {"title": s["assumptions_title"], "items": items, "age_note": s["age_note"]}


def typical_timelines(guide: Guide) -> Markup:
    """Example amounts (``lengthening.example_amounts``) by bone and method: months from
    the operation until back to sport, typical with the range."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    model = model_data(guide.params)
    combos = [(b, m) for b in BONES for m in METHODS]
    rows = []
    for amount in model["example_mm"]:
        cells = []
        for b, m in combos:
            sport = compute(model, amount, b, m).totals["return_to_sport"]
            cells.append({"amount_mm": amount, "bone": b, "method": m, "sport_day": sport.typical,
                          "text": t["cell"].format(typical=months(sport.typical), min=months(sport.min),
                                                   max=months(sport.max))})
        rows.append({"amount": amount_text(guide, amount), "cells": cells})
    return render("typical_timelines.html", caption=t["table_caption"], col_amount=t["col_amount"], rows=rows,
                  heads=[t["col_combo"].format(bone=s["bones"][b], method=s["methods"][m]) for b, m in combos])


def _choices(values, labels: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"value": v, "label": labels[v]} for v in values]


def blank_plan(guide: Guide) -> dict[str, Any]:
    """The plan to fill in by hand (``blank_plan`` in ``planner.html``): what a link without
    an amount prints, and what the page offers without JavaScript. The chosen bone and
    method are filled in by planner.js (``data-blank``); the cells are empty lines."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    return {
        "title": t["blank_title"], "intro": t["blank_intro"],
        "fields": [{"key": key, "label": label} for key, label in (
            ("amount", t["amount_label"]), ("bone", t["bone_label"]), ("method", t["method_label"]),
            ("date", t["date_label"]))],
        "phase_caption": t["blank_phase_caption"], "milestone_caption": t["blank_milestone_caption"],
        "cols": {"phase": s["col_phase"], "start": s["col_start"], "end": s["col_end"],
                 "milestone": s["col_milestone"], "when": s["col_when"]},
        "phases": [_any_method(s, s["phases"][p]) for p in PHASES],
        "milestones": [_any_method(s, s["milestones"][m]) for m in ("surgery", "lengthening_start", "target_reached",
                                                                   "full_weight_bearing", "return_to_sport")],
        "disclaimer": s["disclaimer"],
    }


def browser_model(guide: Guide) -> dict[str, Any]:
    """The numbers planner.js gets: :func:`model_data` and the plausible amount that asks
    "Did you mean ...?" (``lengthening.plausible_amount``)."""
    model = model_data(guide.params)
    plaus = guide.params["lengthening.plausible_amount"]
    model["plausible_mm"] = {"low": plaus.low, "high": plaus.high}
    return model


def planner(guide: Guide, refs_base: str, default_unit: str = "mm", short_url: str = "/go/planner/",
            site_name: str = "", decision: Mapping[str, Any] | None = None) -> Markup:
    """The interactive planner. Without JavaScript the form is hidden (it could not
    compute): a note links to the typical timelines and the blank plan, and an example
    for the usual choices is shown, marked as an example. ``site_name`` (the edition's
    name, mkdocs.yml) heads the printed plan."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    model = browser_model(guide)
    defaults = {"amount": model["default_mm"], "unit": default_unit, "bone": "femur", "method": "nail"}
    tl = compute(model, defaults["amount"], defaults["bone"], defaults["method"])
    keys = sorted({k for b in BONES for m in METHODS
                   for k in compute(model, defaults["amount"], b, m).used_keys} | {"lengthening.evidence_max"})
    config = {"model": model, "strings": s, "params": param_info(guide, keys, refs_base), "defaults": defaults,
              "evidence_max_text": wording.quantity(guide.strings, model["evidence_max_mm"], "mm"), "short_url": short_url,
              "units_typed": guide.strings["js"]["units_typed"]}
    if decision:  # {href, limits}: the result links to the decision aid for its size band
        config["decision"] = dict(decision)
    return render(
        "planner.html", config=config, t=t, defaults=defaults, default_unit=default_unit, site_name=site_name,
        units=[{"value": u, "label": t[f"unit_{u}"]} for u in UNITS],
        bones=_choices(BONES, s["bones"]), methods=_choices(METHODS, t["method_options"]), choose=s["choose_option"],
        example_note=t["example_note"].format(amount=amount_text(guide, defaults["amount"])),
        result=timeline_data(guide, tl, refs_base), blank=blank_plan(guide))
