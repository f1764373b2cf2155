"""HTML for the growth estimator: worked examples, the multiplier table, the form.

The result sentences come from ``js.growth`` in the strings file, the same strings the
browser script uses, so a worked example on the page reads exactly like a live result.
``result_parts``, ``data_attributes``, ``age_text``, ``length_text`` and ``error_text`` are
mirrored line by line in ``docs/assets/javascripts/growth-model.js`` (checked by
``node --test tests/js/`` against ``tests/golden/growth.json``).

Every rendered prediction is an element ``.app-growth-result`` with the stable hooks
``data-sex``, ``data-age-months``, ``data-current-mm``, ``data-predicted-mm``,
``data-predicted-mm-min`` and ``data-predicted-mm-max`` (millimetres, one decimal),
plus ``data-band`` and, in the growth-modulation band,
``data-modulation-age-months-min`` / ``-max``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from markupsafe import Markup, escape

from macros.model import wording
from macros.model.units import INPUT_UNITS, to_mm

from macros.model.growth import (
    BANDS,
    MM_PER_INCH,
    SEXES,
    GrowthModel,
    Prediction,
    half_up,
    num,
    predict,
    round1,
)


def age_text(js: Mapping[str, Any], age_months: int) -> str:
    """``99`` -> ``"8 years and 3 months"``."""
    years, months = divmod(age_months, 12)
    y = js["age_years"]["one" if years == 1 else "other"].format(n=years)
    m = js["age_months"]["one" if months == 1 else "other"].format(n=months)
    if months == 0:
        return y
    if years == 0:
        return m
    return js["age_and"].format(years=y, months=m)


def length_text(js: Mapping[str, Any], mm: float, unit: str) -> str:
    """Whole millimetres, or inches to one decimal with the millimetres after them."""
    whole = str(half_up(mm))
    if unit == "cm":
        return js["length_cm"].format(cm=num(round1(mm / 10)), mm=whole)
    if unit == "in":
        return js["length_in"].format(inches=num(round1(mm / MM_PER_INCH)), mm=whole)
    return js["length_mm"].format(mm=whole)


def result_parts(js: Mapping[str, Any], p: Prediction, unit: str) -> list[tuple[str, str]]:
    """The result as ``(kind, sentence)`` pairs, in reading order."""
    parts = [
        ("summary", js["summary"].format(sex=js["sex"][p.sex], age=age_text(js, p.age_months),
                                          current=length_text(js, p.current_mm, unit))),
        ("predicted", js["predicted"].format(predicted=length_text(js, p.predicted_mm, unit))),
        ("range", js["range"].format(min=length_text(js, p.min_mm, unit), max=length_text(js, p.max_mm, unit))),
        ("band", js["band"][p.band]),
        ("band-name", js["band_words"].format(name=js["band_name"][p.band])),
    ]
    if p.band_min != p.band_max:
        crossed = BANDS[BANDS.index(p.band_min):BANDS.index(p.band_max) + 1]
        parts.append(("band-uncertain", js["band_crosses"].format(
            names=js["band_join"].join(js["band_name"][b] for b in crossed))))
    if p.timing is not None:
        t = p.timing
        if t.status != "over":
            low, high = half_up(t.earliest_months / 12), half_up(t.latest_months / 12)
            sentence = js["timing"]["single"].format(low=low) if low == high else \
                js["timing"]["range"].format(low=low, high=high)
            parts.append(("timing", sentence))
        parts.append(("timing-status", js["timing"][t.status]))
    parts.append(("decide", js["decide"]))
    return parts


def data_attributes(p: Prediction, unit: str) -> dict[str, str]:
    """The stable hooks of a rendered prediction."""
    attrs = {
        "data-sex": p.sex,
        "data-age-months": str(p.age_months),
        "data-unit": unit,
        "data-current-mm": num(round1(p.current_mm)),
        "data-predicted-mm": num(round1(p.predicted_mm)),
        "data-predicted-mm-min": num(round1(p.min_mm)),
        "data-predicted-mm-max": num(round1(p.max_mm)),
        "data-band": p.band,
    }
    if p.timing is not None:
        attrs["data-modulation-age-months-min"] = str(p.timing.earliest_months)
        attrs["data-modulation-age-months-max"] = str(p.timing.latest_months)
    return attrs


def error_text(js: Mapping[str, Any], model: GrowthModel, code: str) -> str:
    """The message for an input error ``code`` (``parse_inputs``), with the limits filled in."""
    return js["errors"][code].format(max_mm=num(model.max_current_mm), min_age=age_text(js, model.min_age),
                                     max_age=age_text(js, model.max_age))


def js_strings(strings: Mapping[str, Any], model: GrowthModel) -> dict[str, Any]:
    """``js.growth`` with ``{within}`` of the range sentence filled from ``growth.uncertainty``
    (the same words on the page and in the browser, which gets this copy)."""
    js = dict(strings["js"]["growth"])
    js["range"] = js["range"].replace("{within}", wording.quantity(strings, model.uncertainty_cm, "cm"))
    return js


def result_html(js: Mapping[str, Any], p: Prediction, unit: str, extra: Markup = Markup("")) -> Markup:
    attrs = Markup(" ").join(Markup('{}="{}"').format(k, v) for k, v in data_attributes(p, unit).items())
    body = Markup("").join(
        Markup('<p class="app-growth-result__{}">{}</p>').format(kind, text) for kind, text in result_parts(js, p, unit)
    )
    return Markup('<div class="app-growth-result" {}>{}{}</div>').format(attrs, extra, body)


def example(model: GrowthModel, strings: Mapping[str, Any], sex: str, age_months: int, current: float,
            unit: str = "mm") -> Markup:
    """A static worked example: the sum written out, then the result as the estimator shows it."""
    js, t = js_strings(strings, model), strings["templates"]["growth"]
    current_mm = to_mm(float(current), unit)
    p = predict(model, sex, age_months, current_mm)
    m = num(half_up(p.multiplier * 1000) / 1000)
    title = t["example_heading"].format(sex=js["sex"][sex], age=age_text(js, age_months),
                                        current=length_text(js, current_mm, unit))
    total = t["example_sum"].format(current=js["length_mm"].format(mm=num(round1(current_mm))), multiplier=m,
                                    predicted=js["length_mm"].format(mm=num(round1(p.predicted_mm))))
    extra = Markup('<p class="app-growth-result__title"><strong>{}</strong></p><p class="app-growth-result__sum">{}</p>').format(title, total)
    return Markup('<div class="app-growth-example">{}</div>').format(result_html(js, p, unit, extra))


def table(model: GrowthModel, strings: Mapping[str, Any]) -> Markup:
    """The multiplier table as offered by the estimator."""
    js, t = strings["js"]["growth"], strings["templates"]["growth"]
    rows = Markup("").join(
        Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            age_text(js, age), num(model.multipliers["boy"][i]), num(model.multipliers["girl"][i]))
        for i, age in enumerate(model.ages)
    )
    return Markup(
        '<div class="app-growth-table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th>'
        '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>'
    ).format(t["table_caption"], t["table_age"], t["table_boys"], t["table_girls"], rows)


def _json_script(data: Any) -> Markup:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # An attribute, not <script type="application/json">: Material's instant navigation
    # re-creates inline scripts without their type and would run the JSON as code.
    return Markup('<div hidden class="app-growth__data" data-json="{}"></div>').format(text)


def estimator(model: GrowthModel, strings: Mapping[str, Any], default_unit: str = "mm", params: Any = None,
              links: Mapping[str, Any] | None = None) -> Markup:
    """The interactive estimator: a form and a live region. Without JavaScript the form
    is hidden (it could not compute): a note links to the table and the worked examples."""
    t = strings["templates"]["growth"]

    def radios(name: str, legend: str, options: list[tuple[str, str]], default: str = "") -> Markup:
        items = Markup("").join(
            Markup('<label class="app-growth__choice"><input type="radio" name="{n}" value="{v}"{c}> {l}</label>')
            .format(n=name, v=v, l=label, c=Markup(" checked") if v == default else "") for v, label in options
        )
        return Markup('<fieldset class="app-growth__group"><legend>{}</legend>{}</fieldset>').format(legend, items)

    def field(name: str, label: str, mode: str, size: int) -> Markup:
        return Markup(
            '<label class="app-growth__field" for="app-growth-{n}">{l}</label>'
            '<input class="app-growth__input" id="app-growth-{n}" name="{n}" type="text" inputmode="{m}" '
            'size="{s}" autocomplete="off" aria-describedby="app-growth-{n}-error">'
            '<span class="app-growth__field-error" id="app-growth-{n}-error" data-error-for="{n}"></span>'
        ).format(n=name, l=label, m=mode, s=size)

    form = Markup(
        '<form class="app-growth__form" method="get" novalidate>'
        '<fieldset class="app-growth__fieldset"><legend>{legend}</legend>'
        '{sex}<div class="app-growth__age">{years}{months}</div>'
        '<div class="app-growth__diff">{diff}</div>{unit}'
        '<div class="app-growth__question" aria-live="polite"></div>'
        '<p class="app-growth__hint">{hint}</p>'
        '<button type="submit" class="md-button md-button--primary">{submit}</button>'
        '</fieldset></form>'
    ).format(
        legend=t["form_legend"],
        sex=radios("sex", t["form_sex"], [("boy", t["sex_boy"]), ("girl", t["sex_girl"])]),
        years=field("years", t["form_years"], "numeric", 3),
        months=field("months", t["form_months"], "numeric", 3),
        diff=field("diff", t["form_diff"], "decimal", 6),
        unit=radios("unit", t["form_unit"], [(u, t[f"unit_{u}"]) for u in INPUT_UNITS], default_unit),
        hint=t["form_hint"],
        submit=t["form_submit"],
    )
    model_json = model.as_dict()
    if params is not None:
        model_json["plausible_min_mm"] = params["growth.estimator.plausible_min"].value
    data = {"model": model_json, "strings": js_strings(strings, model), "sexes": list(SEXES),
            "links": dict(links or {}), "default_unit": default_unit}
    nojs = Markup('<div class="app-growth__noscript"><p>{text}</p><ul><li><a href="#the-multiplier-table">{table}</a>'
                  '</li><li><a href="#worked-examples">{examples}</a></li></ul></div>').format(
        text=t["noscript"], table=t["noscript_table"], examples=t["noscript_examples"])
    return Markup(
        '<div class="app-growth" data-app-component="growth" id="app-growth-estimator">{nojs}{form}'
        '<div class="app-growth__output" aria-live="polite"></div>{data}</div>'
    ).format(form=form, nojs=nojs, data=_json_script(data))


__all__ = ["age_text", "length_text", "js_strings", "result_parts", "data_attributes", "example", "table", "estimator", "escape"]
