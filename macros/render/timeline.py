"""Render the timeline model as accessible static HTML and SVG, and the planner widget.

* :func:`timeline` one estimate: a Gantt-like SVG (a picture for sighted readers) and
  the same numbers as tables that screen readers and printers get, with the
  assumptions and the sources behind every number.
* :func:`typical_timelines` a static table of example amounts by bone and method.
* :func:`planner` the interactive planner: a real GET form, the static estimate for
  the default inputs (what a reader without JavaScript sees) and the JSON that
  ``planner.js`` computes from (no second copy of any number). The JSON sits in the
  ``data-app-planner`` attribute, not in a ``<script type="application/json">``:
  Material's instant navigation re-creates inline scripts without their type and
  would run the JSON as JavaScript.

The DOM built here and the DOM that ``planner.js`` builds share classes and ``data-*``
hooks. Every value is escaped (markupsafe). Pure module: no MkDocs import.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from macros.model import wording
from macros.render import references as references_html
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


def _s(strings: Mapping[str, Any]) -> Mapping[str, Any]:
    return strings["js"]["planner"]


def refs_href(base: str, key: str) -> str:
    return f"{base}#{references_html.anchor(key)}"


def param_info(guide: Guide, keys, refs_base: str) -> dict[str, Any]:
    """For each parameter key: its label, its value in words and its sources with links."""
    out = {}
    for key in keys:
        p = guide.params[key]
        out[key] = {
            "label": p.label,
            "text": wording.param(guide.strings, p, "range"),
            "sources": [{"label": references_html.short_label(guide.references[k]), "href": refs_href(refs_base, guide.references[k].key)}
                        for k in p.sources],
        }
    return out


def amount_text(guide: Guide, amount_mm: float) -> str:
    return wording.quantity(guide.strings, units.round1(amount_mm), "mm")


def date_text(s, day) -> str:
    """A date as the planner shows it: CLDR's day, short month and year in the strings'
    locale, as the browser's Intl.DateTimeFormat gives it ("3 Mar 2027", "3 Sept 2027")."""
    return format_date(day, "d MMM y", locale=Locale.parse(s["locale"], sep="-"))


def day_text(s, span: Span, tl: Timeline) -> str:
    """A span in words: "day 30 (20 to 40)", or dates when the plan has an operation date."""
    if tl.surgery_date:
        f = lambda d: date_text(s, tl.date(d))  # noqa: E731
        if span.min == span.max:
            return f(span.typical)
        return s["date_range"].format(typical=f(span.typical), min=f(span.min), max=f(span.max))
    if span.min == span.max:
        return s["day_single"].format(typical=span.typical)
    return s["day_range"].format(typical=span.typical, min=span.min, max=span.max)


def _attrs(prefix: str, span: Span) -> Markup:
    return Markup(' data-{p}-day="{t}" data-{p}-day-min="{a}" data-{p}-day-max="{b}"').format(
        p=prefix, t=span.typical, a=span.min, b=span.max)


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


def chart(s, tl: Timeline) -> Markup:
    """The Gantt-like SVG: per stage a pale bar for the range and a solid bar for typical."""
    c = chart_layout(tl)
    axis_top, lx = c["axisTop"], c["labelX"]
    parts = [Markup('<svg class="app-timeline__chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" '
                    'xmlns="http://www.w3.org/2000/svg">').format(w=c["width"], h=c["height"], t=s["svg_title"])]
    for tick in c["ticks"]:
        parts.append(Markup('<line class="app-timeline__grid" x1="{x}" x2="{x}" y1="{a}" y2="{b}"/>'
                            '<text class="app-timeline__tick" x="{x}" y="{ty}" text-anchor="middle">{n}</text>').format(
            x=tick["x"], a=c["top"], b=axis_top - AXIS_HEIGHT + 4, ty=axis_top - AXIS_HEIGHT + 18,
            n=s["axis_month"].format(n=tick["month"])))
    parts.append(Markup('<text class="app-timeline__axis" x="{x}" y="{y}" text-anchor="middle">{t}</text>').format(
        x=lx + c["plot"] / 2, y=axis_top - 6, t=s["axis_label"]))
    ly = axis_top + 6
    parts.append(Markup('<g class="app-timeline__legend">'
                        '<rect class="app-timeline__bar" x="{x}" y="{y}" width="22" height="10" rx="2"/>'
                        '<text class="app-timeline__label" x="{tx}" y="{ty}">{typ}</text>'
                        '<rect class="app-timeline__range" x="{x2}" y="{y0}" width="22" height="16" rx="3"/>'
                        '<text class="app-timeline__label" x="{tx2}" y="{ty}">{rng}</text></g>').format(
        x=lx, y=ly + 3, tx=lx + 28, ty=ly + 13, typ=s["legend_typical"],
        x2=lx + 170, y0=ly, tx2=lx + 198, rng=s["legend_range"]))
    for row in c["rows"]:
        y = row["y"]
        parts.append(Markup('<g class="app-timeline__row app-timeline__row--{id}">'
                            '<text class="app-timeline__label" x="{tx}" y="{ty}">{name}</text>'
                            '<rect class="app-timeline__range" x="{x1}" y="{y1}" width="{w1}" height="16" rx="3"/>'
                            '<rect class="app-timeline__bar" x="{x2}" y="{y2}" width="{w2}" height="10" rx="2"/></g>').format(
            id=row["phase"], tx=lx, ty=y + 14, name=_phase_name(s, row["phase"], tl.method),
            x1=row["rangeX"], y1=y + 19, w1=row["rangeWidth"], x2=row["barX"], y2=y + 22, w2=row["barWidth"]))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def summary_text(s, tl: Timeline) -> str:
    """"Bone solid in about 4 to 8 months; back to sport ..." (months, halves up)."""
    solid, sport = tl.totals["bone_solid"], tl.totals["return_to_sport"]
    return s["summary"].format(solid=months_range(s, solid), sport=months_range(s, sport))


def months_range(s, span: Span) -> str:
    return s["months_range"].format(min=months(span.min), max=months(span.max))


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


def timeline(guide: Guide, tl: Timeline, refs_base: str) -> Markup:
    """One estimate as HTML: caption, warning, summary, chart, tables, assumptions."""
    s = _s(guide.strings)
    caption = s["caption"].format(amount=amount_text(guide, tl.amount_mm), bone=s["bones"][tl.bone],
                                  method=s["methods"][tl.method])
    out = [Markup('<div class="app-timeline" data-amount-mm="{a}" data-bone="{b}" data-method="{m}"'
                  '{d}>').format(a=tl.amount_mm, b=tl.bone, m=tl.method,
                                 d=Markup(' data-date="{}"').format(tl.surgery_date.isoformat()) if tl.surgery_date else ""),
           Markup('<p class="app-timeline__caption"><strong>{}</strong></p>').format(caption)]
    if "beyond_evidence" in tl.warnings:
        limit = wording.quantity(guide.strings, guide.params["lengthening.evidence_max"].typical, "mm")
        out.append(Markup('<p class="app-timeline__warning" data-warning="beyond_evidence">{}</p>').format(
            s["warning_beyond_evidence"].format(max=limit)))
    out.append(Markup('<p class="app-timeline__summary">{}</p>').format(summary_text(s, tl)))
    out.append(chart(s, tl))
    rows = []
    for pid in PHASES:
        start, stop = tl.phases[pid]
        rows.append(Markup('<tr data-phase="{id}"{a}{b}><th scope="row">{name}</th><td>{st}</td><td>{en}</td></tr>').format(
            id=pid, a=_attrs("start", start), b=_attrs("end", stop), name=_phase_name(s, pid, tl.method),
            st=day_text(s, start, tl), en=day_text(s, stop, tl)))
    dated = "_dates" if tl.surgery_date else ""
    out.append(Markup('<table class="app-timeline__table app-timeline__phases"><caption>{c}</caption><thead><tr>'
                      '<th scope="col">{a}</th><th scope="col">{b}</th><th scope="col">{d}</th></tr></thead>'
                      '<tbody>{rows}</tbody></table>').format(
        c=s["phase_table_caption" + dated], a=s["col_phase"], b=s["col_start"], d=s["col_end"], rows=Markup("").join(rows)))
    rows = []
    for mid, span in milestone_order(tl):
        date_attr = Markup(' data-date="{}"').format(tl.date(span.typical).isoformat()) if tl.surgery_date else ""
        rows.append(Markup('<tr data-milestone="{id}"{a}{d}><th scope="row">{name}</th><td>{when}</td></tr>').format(
            id=mid, a=_attrs("", span).replace("data--", "data-"), d=date_attr,
            name=_milestone_name(s, mid, tl.method), when=day_text(s, span, tl)))
    out.append(Markup('<table class="app-timeline__table app-timeline__milestones"><caption>{c}</caption><thead><tr>'
                      '<th scope="col">{a}</th><th scope="col">{b}</th></tr></thead><tbody>{rows}</tbody></table>').format(
        c=s["milestone_table_caption" + dated], a=s["col_milestone"], b=s["col_when"], rows=Markup("").join(rows)))
    out.append(assumptions(guide, tl.used_keys, refs_base))
    out.append(Markup('<p class="app-timeline__disclaimer"><strong>{}</strong></p></div>').format(s["disclaimer"]))
    return Markup("\n").join(out)


def assumptions(guide: Guide, keys, refs_base: str) -> Markup:
    s = _s(guide.strings)
    items = []
    for key, info in param_info(guide, keys, refs_base).items():
        links = Markup(", ").join(Markup('<a href="{}">{}</a>').format(src["href"], src["label"]) for src in info["sources"])
        items.append(Markup('<li data-param="{k}">{t} ({l})</li>').format(
            k=key, t=s["assumption_item"].format(label=info["label"], value=info["text"]), l=links))
    items.append(Markup("<li>{}</li>").format(s["age_note"]))
    return Markup('<div class="app-timeline__assumptions"><p><strong>{t}</strong></p><ul>{i}</ul></div>').format(
        t=s["assumptions_title"], i=Markup("").join(items))


def typical_timelines(guide: Guide) -> Markup:
    """Example amounts (``lengthening.example_amounts``) by bone and method: months from
    the operation until back to sport, typical with the range."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    model = model_data(guide.params)
    combos = [(b, m) for b in BONES for m in METHODS]
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(
        t["col_combo"].format(bone=s["bones"][b], method=s["methods"][m])) for b, m in combos)
    rows = []
    for amount in model["example_mm"]:
        cells = []
        for b, m in combos:
            sport = compute(model, amount, b, m).totals["return_to_sport"]
            cells.append(Markup('<td data-amount-mm="{a}" data-bone="{b}" data-method="{m}" data-sport-day="{d}">{c}</td>').format(
                a=amount, b=b, m=m, d=sport.typical,
                c=t["cell"].format(typical=months(sport.typical), min=months(sport.min), max=months(sport.max))))
        rows.append(Markup('<tr><th scope="row">{a}</th>{c}</tr>').format(
            a=amount_text(guide, amount), c=Markup("").join(cells)))
    # A labelled scroll region: on a phone the table scrolls inside it, never the page.
    return Markup('<div class="app-scroll" role="region" tabindex="0" aria-label="{c}">'
                  '<table class="app-typical-timelines app-timeline__table"><caption>{c}</caption><thead><tr><th scope="col">{a}</th>{h}'
                  '</tr></thead><tbody>{r}</tbody></table></div>').format(
        c=t["table_caption"], a=t["col_amount"], h=head, r=Markup("").join(rows))


def _json_attr(data: Any) -> Markup:
    """JSON for an HTML attribute: "<", ">" and "&" as JSON escapes, then HTML-escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return escape(text)


def _options(values, labels: Mapping[str, str], selected: str, choose: str | None = None) -> Markup:
    """Options of a select; with ``choose``, an empty "Choose..." option first (planner.js
    selects it when a link's value was not understood)."""
    first = Markup('<option value="">{}</option>').format(choose) if choose else Markup("")
    return first + Markup("").join(Markup('<option value="{v}"{s}>{l}</option>').format(
        v=v, l=labels[v], s=Markup(" selected") if v == selected else "") for v in values)


def blank_plan(guide: Guide) -> Markup:
    """The plan to fill in by hand: what a link without an amount prints, and what the
    page offers without JavaScript. The chosen bone and method are filled in by
    planner.js (``data-blank``); the cells are empty lines."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    line = Markup('<span class="app-blank__line"></span>')
    fields = Markup("").join(Markup('<li><span class="app-blank__label">{l}</span> <span data-blank="{k}">{v}</span></li>').format(
        l=label, k=key, v=line) for key, label in (("amount", t["amount_label"]), ("bone", t["bone_label"]),
                                                   ("method", t["method_label"]), ("date", t["date_label"])))
    phases = Markup("").join(Markup('<tr><th scope="row">{}</th><td></td><td></td></tr>').format(
        _any_method(s, s["phases"][p])) for p in PHASES)
    miles = Markup("").join(Markup('<tr><th scope="row">{}</th><td></td></tr>').format(_any_method(s, s["milestones"][m]))
                            for m in ("surgery", "lengthening_start", "target_reached", "full_weight_bearing",
                                      "return_to_sport"))
    return Markup(
        '<div class="app-planner__blank app-blank" id="blank-plan">'
        '<h2 class="app-blank__title">{title}</h2><p>{intro}</p><ul class="app-blank__fields">{fields}</ul>'
        '<table class="app-timeline__table app-blank__table"><caption>{pc}</caption><thead><tr><th scope="col">{a}</th>'
        '<th scope="col">{b}</th><th scope="col">{c}</th></tr></thead><tbody>{phases}</tbody></table>'
        '<table class="app-timeline__table app-blank__table"><caption>{mc}</caption><thead><tr><th scope="col">{d}</th>'
        '<th scope="col">{e}</th></tr></thead><tbody>{miles}</tbody></table>'
        '<p class="app-timeline__disclaimer"><strong>{disc}</strong></p></div>').format(
        title=t["blank_title"], intro=t["blank_intro"], fields=fields, pc=t["blank_phase_caption"], a=s["col_phase"],
        b=s["col_start"], c=s["col_end"], phases=phases, mc=t["blank_milestone_caption"], d=s["col_milestone"],
        e=s["col_when"], miles=miles, disc=s["disclaimer"])


def browser_model(guide: Guide) -> dict[str, Any]:
    """The numbers planner.js gets: :func:`model_data` and the plausible amount that asks
    "Did you mean ...?" (``lengthening.plausible_amount``)."""
    model = model_data(guide.params)
    plaus = guide.params["lengthening.plausible_amount"]
    model["plausible_mm"] = {"low": plaus.low, "high": plaus.high}
    return model


def planner(guide: Guide, refs_base: str, default_unit: str = "mm", short_url: str = "/go/planner/") -> Markup:
    """The interactive planner. Without JavaScript the form is hidden (it could not
    compute): a note links to the typical timelines and the blank plan, and an example
    for the usual choices is shown, marked as an example."""
    t = guide.strings["templates"]["planner"]
    s = _s(guide.strings)
    model = browser_model(guide)
    defaults = {"amount": model["default_mm"], "unit": default_unit, "bone": "femur", "method": "nail"}
    tl = compute(model, defaults["amount"], defaults["bone"], defaults["method"])
    keys = sorted({k for b in BONES for m in METHODS
                   for k in compute(model, defaults["amount"], b, m).used_keys} | {"lengthening.evidence_max"})
    data = {"model": model, "strings": s, "params": param_info(guide, keys, refs_base), "defaults": defaults,
            "evidence_max_text": wording.quantity(guide.strings, model["evidence_max_mm"], "mm"), "short_url": short_url}
    units = Markup("").join(Markup('<label class="app-planner__unit"><input type="radio" name="unit" value="{u}"{c}> {l}</label>').format(
        u=u, l=t[f"unit_{u}"], c=Markup(" checked") if u == default_unit else "") for u in UNITS)
    form = Markup(
        '<form class="app-planner__form" method="get" novalidate>'
        '<fieldset class="app-planner__fields"><legend>{title}</legend>'
        '<div class="app-planner__field"><label for="app-planner-amount">{amount_label}</label>'
        '<input id="app-planner-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" '
        'maxlength="20" value="" aria-describedby="app-planner-amount-hint app-planner-message">'
        '<span class="app-planner__hint" id="app-planner-amount-hint">{amount_hint}</span></div>'
        '<fieldset class="app-planner__field app-planner__units"><legend>{unit_legend}</legend>{units}</fieldset>'
        '<div class="app-planner__question" aria-live="polite"></div>'
        '<div class="app-planner__field"><label for="app-planner-bone">{bone_label}</label>'
        '<select id="app-planner-bone" name="bone">{bones}</select></div>'
        '<div class="app-planner__field"><label for="app-planner-method">{method_label}</label>'
        '<select id="app-planner-method" name="method">{methods}</select></div>'
        '<div class="app-planner__field"><label for="app-planner-date">{date_label}</label>'
        '<input id="app-planner-date" name="date" type="date" aria-describedby="app-planner-date-hint">'
        '<span class="app-planner__hint" id="app-planner-date-hint">{date_hint}</span></div>'
        '</fieldset>'
        '<p class="app-planner__message" id="app-planner-message" role="status" aria-live="polite"></p>'
        '<button class="md-button app-planner__submit" type="submit">{submit}</button>'
        '</form>').format(
        title=t["form_title"], amount_label=t["amount_label"], amount_hint=t["amount_hint"],
        unit_legend=t["unit_legend"], units=units,
        bone_label=t["bone_label"], bones=_options(BONES, s["bones"], defaults["bone"], s["choose_option"]),
        method_label=t["method_label"], methods=_options(METHODS, s["methods"], defaults["method"], s["choose_option"]),
        date_label=t["date_label"], date_hint=t["date_hint"], submit=t["submit"])
    actions = Markup(
        '<div class="app-planner__actions" hidden>'
        '<button type="button" class="md-button" data-action="copy">{copy}</button>'
        '<button type="button" class="md-button" data-action="print">{print}</button>'
        '<button type="button" class="md-button" data-action="ics">{ics}</button>'
        '</div>').format(copy=t["copy"], print=t["print"], ics=t["ics"])
    nojs = Markup('<div class="app-planner__nojs"><p>{text}</p><ul><li><a href="#typical-timelines">{table}</a></li>'
                  '<li><a href="#blank-plan">{blank}</a></li></ul></div>').format(
        text=t["nojs"], table=t["nojs_table"], blank=t["nojs_blank"])
    example = Markup('<p class="app-planner__example"><strong>{}</strong></p>').format(
        t["example_note"].format(amount=amount_text(guide, defaults["amount"])))
    return Markup(
        '<div class="app-planner" data-app-planner="{data}">'
        '{nojs}{form}'
        '<p class="app-planner__peek app-screen-only" aria-hidden="true" hidden></p>'
        '<p class="app-planner__live app-visually-hidden" aria-live="polite"></p>'
        '<div class="app-planner__result">{example}{result}</div>'
        '{actions}'
        '<div class="app-planner__printinfo" hidden><div class="app-planner__qr"></div><p>'
        '<span class="app-planner__printed"></span><br><span class="app-planner__reopen"></span></p></div>'
        '{blank}'
        '</div>').format(data=_json_attr(data), form=form, actions=actions, nojs=nojs, example=example,
                         result=timeline(guide, tl, refs_base), blank=blank_plan(guide))
