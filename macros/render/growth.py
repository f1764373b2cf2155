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

The markup is in the templates ``growth_example.html``, ``growth_table.html`` and
``growth_estimator.html``; the estimator's root carries ``data-app-widget="growth"`` and
its whole configuration in ``data-app-config``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from markupsafe import Markup

from macros.model import wording
from macros.model.units import INPUT_UNITS, locale_format, number_text, plural_form, to_mm
from macros.render.environment import render

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
    fmt = js["format"]
    y = js["age_years"].get(plural_form(years, fmt), js["age_years"]["other"]).format(n=number_text(years, fmt))
    m = js["age_months"].get(plural_form(months, fmt), js["age_months"]["other"]).format(n=number_text(months, fmt))
    if months == 0:
        return y
    if years == 0:
        return m
    return js["age_and"].format(years=y, months=m)


def length_text(js: Mapping[str, Any], mm: float, unit: str) -> str:
    """Whole millimetres, or inches to one decimal with the millimetres after them."""
    fmt = js["format"]
    whole = number_text(half_up(mm), fmt)
    if unit == "cm":
        return js["length_cm"].format(cm=number_text(round1(mm / 10), fmt), mm=whole)
    if unit == "in":
        return js["length_in"].format(inches=number_text(round1(mm / MM_PER_INCH), fmt), mm=whole)
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


def error_text(js: Mapping[str, Any], model: GrowthModel, code: str, unit: str = "mm") -> str:
    """The message for an input error ``code`` (``parse_inputs``), with the limits filled in;
    the "for example" number is the strings' example for ``unit`` (``diff_examples``)."""
    examples = js["diff_examples"]
    return js["errors"][code].format(example=examples.get(unit, examples["mm"]),
                                     max_mm=number_text(model.max_current_mm, js["format"]), min_age=age_text(js, model.min_age),
                                     max_age=age_text(js, model.max_age))


def js_strings(strings: Mapping[str, Any], model: GrowthModel) -> dict[str, Any]:
    """``js.growth`` with ``{within}`` of the range sentence filled from ``growth.uncertainty``
    (the same words on the page and in the browser, which gets this copy)."""
    js = dict(strings["js"]["growth"])
    js["format"] = locale_format(strings["locale"])
    js["range"] = js["range"].replace("{within}", wording.quantity(strings, model.uncertainty_cm, "cm"))
    return js


def example(model: GrowthModel, strings: Mapping[str, Any], sex: str, age_months: int, current: float,
            unit: str = "mm") -> Markup:
    """A static worked example: the sum written out, then the result as the estimator shows it."""
    js, t = js_strings(strings, model), strings["templates"]["growth"]
    current_mm = to_mm(float(current), unit)
    p = predict(model, sex, age_months, current_mm)
    m = number_text(half_up(p.multiplier * 1000) / 1000, js["format"])
    title = t["example_heading"].format(sex=js["sex"][sex], age=age_text(js, age_months),
                                        current=length_text(js, current_mm, unit))
    total = t["example_sum"].format(current=js["length_mm"].format(mm=number_text(round1(current_mm), js["format"])),
                                    multiplier=m,
                                    predicted=js["length_mm"].format(mm=number_text(round1(p.predicted_mm), js["format"])))
    return render("growth_example.html", attrs=data_attributes(p, unit), title=title, sum=total,
                  parts=result_parts(js, p, unit))


def table(model: GrowthModel, strings: Mapping[str, Any]) -> Markup:
    """The multiplier table as offered by the estimator."""
    js, t = js_strings(strings, model), strings["templates"]["growth"]
    fmt = js["format"]
    rows = [{"age": age_text(js, age), "boy": number_text(model.multipliers["boy"][i], fmt),
             "girl": number_text(model.multipliers["girl"][i], fmt)}
            for i, age in enumerate(model.ages)]
    return render("growth_table.html", t=t, rows=rows)


def estimator(model: GrowthModel, strings: Mapping[str, Any], default_unit: str = "mm", params: Any = None,
              links: Mapping[str, Any] | None = None, decision: Mapping[str, Any] | None = None) -> Markup:
    """The interactive estimator: a form and a live region. Without JavaScript the form
    is hidden (it could not compute): a note links to the table and the worked examples.
    ``decision`` ({href, limits}) links the result to the decision aid for its size band."""
    t = strings["templates"]["growth"]
    model_json = model.as_dict()
    if params is not None:
        model_json["plausible_min_mm"] = params["growth.estimator.plausible_min"].value
    config = {"model": model_json, "strings": js_strings(strings, model), "sexes": list(SEXES),
              "links": dict(links or {}), "default_unit": default_unit,
              "units_typed": strings["js"]["units_typed"]}
    if decision:
        config["decision"] = dict(decision)
    return render("growth_estimator.html", t=t, config=config, default_unit=default_unit,
                  sexes=[{"value": "boy", "label": t["sex_boy"]}, {"value": "girl", "label": t["sex_girl"]}],
                  units=[{"value": u, "label": t[f"unit_{u}"]} for u in INPUT_UNITS])


__all__ = ["age_text", "length_text", "js_strings", "result_parts", "data_attributes", "example", "table", "estimator"]
