"""Golden cases for the browser's model scripts, written by the Python model.

    python scripts/golden.py          # write tests/golden/units.json, planner.json, growth.json, companion.json, decision.json
    python scripts/golden.py check    # exit 1 when a committed file differs from what Python gives now

Python (``macros/model/units.py``, ``timeline.py``, ``growth.py`` and the words of
``macros/render/timeline.py`` and ``growth.py``) is the reference. Each file holds the data
and words the page embeds for the browser, the inputs, and Python's answers: every phase
boundary and milestone, the chart's ticks and positions, every sentence and range the
browser builds, every error code for bad input, unit conversions and number reading.
``node --test tests/js/`` checks ``units-model.js``, ``planner-model.js`` and
``growth-model.js`` give the same answers; ``tests/test_golden.py`` checks the committed
files equal what this script writes now, so they cannot drift from Python.
``decision.json`` holds the decision aid's configuration (``macros/model/values.py``), the
options' groups and reasons for many answers, size bands, and links written and read,
hostile ones included, for ``decision-model.js``.

Inputs are fixed (a seeded generator): the same files on every run. Numbers JSON cannot
carry (infinity) are written as the strings ``"Infinity"``/``"-Infinity"``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.guide import load_guide  # noqa: E402
from macros.data.strings import load_strings  # noqa: E402
from macros.model import growth, units  # noqa: E402
from macros.model import companion as c  # noqa: E402
from macros.model import timeline as t  # noqa: E402
from macros.model import values as decision  # noqa: E402
from macros.model import wording  # noqa: E402
from macros.data.urgent import fill_params  # noqa: E402
from macros.render import growth as growth_html  # noqa: E402
from macros.render import timeline as timeline_html  # noqa: E402

OUT = ROOT / "tests" / "golden"
SEED = 20261201

# Typed text a person or a link may give: numbers in every form, white space, symbols, units.
TYPED = ["4,5", "4.5", ".5", ",5", "", " ", "abc", "4.", "4,", "4..5", "4,5,6", "4;5", "1e3", "1E3", "-4", "- 4",
         "-4,5", "+4", "0", "00", "0.0", "0,0", "00.5", " 40 ", "\t40\n", "\u00a040", "\ufeff40", "40\u2003",
         "\u30004,5", "\u008540", "\x1c40", "４０", "٤٠", "४०", "4\u00a05", "1 000", "1,000", "1.000", "9" * 20,
         "9" * 21, "9" * 30, "9" * 400, "0." + "0" * 30 + "1", "Infinity", "NaN", "0x10", "1_000", "50mm", "50 mm",
         "5cm", "5 CM", "2in", "2 inch", "2 inches", '2"', "2\u00a0in", "2\u2003cm", "4,5 cm", "4.5mm", "mm",
         "<b>4</b>", "4e", "½", "4½", "−4", "–4", "50%", "50 m", "1/2"]
# Amounts typed with their unit, as people say them (units.split_unit with js.units_typed), and
# what must stay an error: a unit twice, a unit alone, an unknown unit, a number after the unit.
TYPED_WITH_UNIT = ["4 cm", "4cm", "4 CM", "4 Cm", "40 mm", "40mm", "40 MM", "1.5 in", "1,5 in", "1.5in", '1.5"', '1,5 "',
                   "1.5″", "1.5”", "2 inches", "2 Inches", "2 inch", "1 INCH", "4 centimetres", "4 centimeters",
                   "4 Centimetres", "40 millimetres", "40 millimeters", "4.5 centimetres", " 4 cm ", "\u00a04\u00a0cm",
                   "4\u2003cm", "4\tcm", ".5 cm", ",5 in", "4. cm", "4, cm", "0 cm", "0,0 in", "-4 cm", "- 4 cm",
                   "−4 cm", "1e3 cm", "abc cm", "4 cm cm", "4cmcm", "cm", " cm", "in", '"', "inches", "4 kg",
                   "4 feet", "4 ft", "4 m", "4 cm 5", "4 cm.", "4 c m", "4 min", "4 tin", "4 mmm", "4 cms", "4 in.",
                   "4 mm cm", "cm 4", "4 in cm", "5 ins", "4½ cm", "４ cm", "٤ cm", "9" * 18 + "cm",
                   "9" * 18 + " cm", "99 centimetres", "1000 mm", "100 cm", "40 in", "4 mm", "2 cm", "0.4 in",
                   "20 CM", "200 millimetres", "1 000 mm", "<b>4</b> cm", "4 <b>cm</b>"]


def _js_number(x: float) -> Any:
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if math.isnan(x):
        return "NaN"
    return x


def _typed_numbers(rng: random.Random) -> list[str]:
    """Numbers as they are typed: whole, with a point or a comma, leading or trailing separators,
    plus random strings of digits, separators, signs and spaces."""
    out = []
    for k in range(0, 640):
        x = k / 8
        text = repr(x).rstrip("0").rstrip(".") if x % 1 else str(int(x))
        out.append(text)
        if "." in text:
            out.append(text.replace(".", ","))
    alphabet = "0123456789.,- e"
    for _ in range(600):
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))))
    return out


def units_cases() -> dict[str, Any]:
    rng = random.Random(SEED)
    texts = list(dict.fromkeys(TYPED + _typed_numbers(rng)))
    parse = [[text, None if (v := units.parse_decimal(text)) is None else _js_number(v)] for text in texts]
    words = GUIDE.strings["js"]["units_typed"]
    split = [[text, *units.split_unit(text, words)] for text in dict.fromkeys(TYPED_WITH_UNIT + texts)]
    values = [k / 4 for k in range(0, 2001)] + [k * 0.1 for k in range(0, 1001)] + [0.05, 0.15, 0.25, 1.005, 2.675, 1e-7]
    convert = []
    for v in values:
        row = [v]
        for unit in units.INPUT_UNITS:
            row += [units.to_mm(v, unit), units.from_mm(v, unit)]
        convert.append(row)
    ranges = []
    for name, low, high in (("planner", *_planner_plausible()),
                            ("growth", GUIDE.params["growth.estimator.plausible_min"].value, _growth_model().max_current_mm)):
        ranges.append({"name": name, "low": low, "high": high})
    suggest = []
    samples = [k / 10 for k in range(1, 100)] + list(range(10, 1001, 5)) + [0.01, 0.3, 0.39, 0.4, 0.41, 9.84, 9.85, 25.4]
    for r in ranges:
        for v in samples:
            for unit in units.INPUT_UNITS:
                suggest.append([r["name"], v, unit, units.suggest_unit(v, unit, r["low"], r["high"])])
    rounding = [n / 4 for n in range(-8, 3000)] + [n * 365.25 / 12 for n in range(0, 61)] + \
               [0.05, 0.15, 0.25, 2.675, 1.005, 0.49999999999999994, -0.5, 1e15 + 0.5]
    return {
        "about": "Python's answers (macros/model/units.py); scripts/golden.py writes this file.",
        "ranges": ranges,
        "parseDecimal": parse,
        "unitsTyped": words,
        "splitUnit": split,
        "convert": {"units": list(units.INPUT_UNITS), "columns": "value, then toMm and fromMm for each unit",
                    "rows": convert},
        "suggestUnit": suggest,
        "rounding": [[x, units.half_up(x), units.round1(x), growth.num(units.round1(x))] for x in rounding],
        # the chart's positions are written with one decimal (JavaScript's toFixed: a tie goes up)
        "toFixed1": [[x, units.to_fixed(x, 1)] for x in [k / 20 for k in range(0, 7201)] + [k / 8 for k in range(0, 2881, 3)]],
        # the page's language: signs and names from Babel (units.locale_format), put together
        # the same way on both sides (numberText, shortDate, dateParts, pluralForm)
        "formats": FORMATS,
        "numberText": [[x] + [units.number_text(x, FORMATS[lang]) for lang in FORMATS]
                       for x in [0, 0.75, 4.5, 12.25, 29.4, 1095, 9999, 9999.5, 10000, 12345.5, 100000, 1234567,
                                 -0.5, -12345, 1e21, 1e-7, 0.1 + 0.2] + [k * 0.35 for k in range(0, 400, 7)]],
        "dates": [[d.isoformat()] + [[units.short_date(d, FORMATS[lang]), units.date_parts(d, FORMATS[lang], True),
                                      units.date_parts(d, FORMATS[lang], False)] for lang in FORMATS]
                  for d in [dt.date(2026, 12, 28) + dt.timedelta(days=k) for k in range(0, 800, 11)]
                  + [dt.date(2027, 3, 1), dt.date(2027, 3, 8), dt.date(2028, 2, 29), dt.date(2100, 12, 31)]],
        "plural": [[n] + [units.plural_form(n, FORMATS[lang]) for lang in FORMATS] for n in range(0, 30)],
        # a typed number as a link carries it, the same in every language
        "linkNumber": [[text, units.link_number(text)] for text in texts],
        "sv": {"unitsTyped": SV["js"]["units_typed"],
               "splitUnit": [[text, *units.split_unit(text, SV["js"]["units_typed"])]
                             for text in dict.fromkeys(TYPED_WITH_UNIT_SV + TYPED_WITH_UNIT)]},
    }


GUIDE = load_guide(ROOT / "data")
# The Swedish edition's strings: a smaller set of cases in Swedish (decimal comma, Swedish
# dates, the Swedish unit words) in each file, under "sv".
SV = load_strings(ROOT / "data" / "strings.sv.yml", GUIDE.params.units)
FORMATS = {"en": units.locale_format(GUIDE.strings["locale"]), "sv": units.locale_format(SV["locale"])}
# Swedish amounts typed with their unit, as people write them
TYPED_WITH_UNIT_SV = ["4 cm", "4,5 cm", "4 centimeter", "45 millimeter", "45 mm", "2 tum", "1,5 tum", "1,5tum", "4 TUM",
                      "4 cm.", "4 tum tum", "tum", "4 meter", "4 dm", "0,75 mm", "4 Centimeter", "40 Millimeter"]


def _planner_plausible() -> tuple[float, float]:
    p = GUIDE.params["lengthening.plausible_amount"]
    return p.low, p.high


def _growth_model() -> growth.GrowthModel:
    return growth.model_from_params(GUIDE.params)


def _span(s: t.Span) -> list[int]:
    return [s.min, s.typical, s.max]


def _timeline_case(strings, model, amount: float, bone: str, method: str) -> dict[str, Any]:
    tl = t.compute(model, amount, bone, method)
    chart = timeline_html.chart_layout(tl)
    return {
        "amount": amount, "bone": bone, "method": method,
        "phases": {pid: [_span(a), _span(b)] for pid, (a, b) in tl.phases.items()},
        "milestones": {mid: _span(s) for mid, s in tl.milestones.items()},
        "totals": {k: _span(s) for k, s in tl.totals.items()},
        "warnings": list(tl.warnings),
        "order": [mid for mid, _ in timeline_html.milestone_order(tl)],
        "summary": timeline_html.summary_text(strings, tl),
        # every span a phase starts or ends at is a milestone's span: their words
        "milestoneTexts": {mid: timeline_html.day_text(strings, s, tl) for mid, s in tl.milestones.items()},
        "chart": compact_chart(chart),
        "amountText": {u: _amount_text(strings, amount, u) for u in t.UNITS},
    }


CHART_FRAME = ("width", "height", "axisTop", "labelX", "plot", "top", "rowHeight", "axisHeight")


def compact_chart(chart: dict[str, Any]) -> dict[str, Any]:
    """A chart layout without the frame every chart shares (written once, as ``chartFrame``):
    the scale's end, ticks as [month, day, x], rows as [y, range x, range width, bar x, bar width]."""
    return {"scaleEnd": chart["scaleEnd"], "ticks": [[k["month"], k["day"], k["x"]] for k in chart["ticks"]],
            "rows": [[r["y"], r["rangeX"], r["rangeWidth"], r["barX"], r["barWidth"]] for r in chart["rows"]]}


def _amount_text(strings, mm: float, unit: str) -> str:
    """The caption's amount: millimetres to one decimal, or the typed unit with the
    millimetres after it (as the static plan, which is in millimetres, words them)."""
    fmt = strings["format"]
    mm_text = units.number_text(units.round1(mm), fmt) + " mm"
    if unit == "mm":
        return mm_text
    return f"{units.number_text(units.from_mm(mm, unit), fmt)} {strings['unit_words'][unit]} ({mm_text})"


def _dated_case(strings, model, text: str, k: int) -> dict[str, Any]:
    amount = [20, 50, 80, 120, 37.5][k % 5]
    bone, method = [("femur", "nail"), ("tibia", "frame"), ("femur", "frame"), ("tibia", "nail")][k % 4]
    tl = t.compute(model, amount, bone, method, text)
    return {
        "date": text, "amount": amount, "bone": bone, "method": method,
        "milestones": {mid: [tl.date(d).isoformat() for d in _span(s)] for mid, s in tl.milestones.items()},
        "milestoneTexts": {mid: timeline_html.day_text(strings, s, tl) for mid, s in tl.milestones.items()},
        "phaseTexts": {pid: [timeline_html.day_text(strings, a, tl), timeline_html.day_text(strings, b, tl)]
                       for pid, (a, b) in tl.phases.items()},
    }


def planner_sv(model: dict[str, Any], amounts: list[float], dates: list[str]) -> dict[str, Any]:
    """The Swedish page's planner: every 8th amount of the English cases, the Swedish
    typed forms, and dated plans (Swedish dates)."""
    strings = timeline_html.planner_strings(SV)
    words = SV["js"]["units_typed"]
    texts = list(dict.fromkeys(TYPED_WITH_UNIT_SV + ["4,5", "0,75", "4.5", "45", "2,5 tum"]))
    parse = []
    for text in texts:
        for unit in t.UNITS:
            got = t.parse_amount(text, unit, model, words)
            parse.append([text, unit, {k: _js_number(v) if isinstance(v, float) else v for k, v in got.items()}])
    timelines = [_timeline_case(strings, model, amount, bone, method)
                 for k, amount in enumerate(amounts) if k % 8 == 0
                 for bone, method in itertools.product(t.BONES, t.METHODS)]
    return {"strings": strings, "unitsTyped": words, "parseAmount": parse, "timelines": timelines,
            "dated": [_dated_case(strings, model, text, k) for k, text in enumerate(dates) if k % 2 == 0]}


def planner_cases() -> dict[str, Any]:
    strings = timeline_html.planner_strings(GUIDE.strings)
    model = timeline_html.browser_model(GUIDE)
    rng = random.Random(SEED + 1)
    low, high = _planner_plausible()
    # every typed form, in every unit and one unknown unit: the error code or the millimetres
    words = GUIDE.strings["js"]["units_typed"]
    texts = list(dict.fromkeys(TYPED + TYPED_WITH_UNIT + _typed_numbers(rng) + [f"{x:g}" for x in (low, high, low / 10, high / 10,
                                                                                    low / 25.4, high / 25.4, model["max_mm"],
                                                                                    model["max_mm"] + 1, high + 1)]))
    parse = []
    for text in texts:
        for unit in (*t.UNITS, "furlong"):
            got = t.parse_amount(text, unit, model, words)
            parse.append([text, unit, {k: _js_number(v) if isinstance(v, float) else v for k, v in got.items()}])
    # amounts in millimetres: every whole mm from 1 to the plausible high end (each ceil and
    # floor step of every phase), halves, and what cm and inches typed to two decimals give
    amounts = sorted({float(mm) for mm in range(1, int(high) + 1)} | {mm + 0.5 for mm in range(0, 40)}
                     | {units.to_mm(k / 100, "in") for k in range(40, 1000, 17)}
                     | {units.to_mm(k / 100, "cm") for k in range(100, 2500, 31)}
                     | {model["evidence_max_mm"], model["evidence_max_mm"] + 0.1, model["max_mm"]})
    timelines = []
    for amount in amounts:
        for bone, method in itertools.product(t.BONES, t.METHODS):
            timelines.append(_timeline_case(strings, model, amount, bone, method))
    # operation dates: reading them, and the calendar date of every milestone
    dates = ["2027-03-01", "2027-02-28", "2027-02-29", "2028-02-29", "2100-02-29", "2000-02-29", "1900-01-01",
             "1899-12-31", "2200-12-31", "2201-01-01", "2027-12-31", "2027-13-01", "2027-00-10", "2027-04-31",
             "2027-1-01", "27-01-01", "2027/01/01", "2027-01-01T00:00", " 2027-01-01", "2027-01-01 ", "",
             "٢٠٢٧-٠١-٠١", "２０２７-０１-０１", "2027-01-1", "abcd-ef-gh", "2027-06-15", "2026-10-25", "2027-03-28"]
    dates += [(dt.date(2026, 1, 1) + dt.timedelta(days=k)).isoformat() for k in range(0, 1200, 37)]
    parse_dates = []
    for text in dates:
        try:
            d = t.parse_date(text)
            parse_dates.append([text, None if d is None else d.isoformat()])
        except t.PlannerInputError as e:
            parse_dates.append([text, {"error": "date", "code": e.code}])
    valid_dates = [d for d, r in parse_dates if isinstance(r, str)]
    dated = [_dated_case(strings, model, text, k) for k, text in enumerate(valid_dates)]
    return {
        "about": "Python's answers (macros/model/timeline.py, macros/render/timeline.py); scripts/golden.py writes "
                 "this file.",
        "model": model,
        "strings": strings,
        "unitsTyped": words,
        "parseAmount": parse,
        "chartFrame": {k: timeline_html.chart_layout(t.compute(model, 50, "femur", "nail"))[k] for k in CHART_FRAME},
        "used": {f"{b} {m}": list(t.compute(model, 50, b, m).used_keys) for b in t.BONES for m in t.METHODS},
        "timelines": timelines,
        "parseDate": parse_dates,
        "dated": dated,
        "monthsToDays": [[m, t.months_to_days(m)] for m in [k / 4 for k in range(0, 241)]],
        "months": [[d, t.months(d)] for d in range(0, 2200)],
        "sv": planner_sv(model, sorted(amounts), valid_dates),
    }


def growth_cases() -> dict[str, Any]:
    model = _growth_model()
    js = growth_html.js_strings(GUIDE.strings, model)
    rng = random.Random(SEED + 2)
    words = GUIDE.strings["js"]["units_typed"]
    # reading the form and the link: each field's forms, one at a time from a valid entry,
    # then random mixes; a field left out of a link is absent (null)
    values = {
        "sex": ["boy", "girl", "", "Boy", "x", " girl ", "<b>"],
        "years": ["8", "0", "5", "17", "18", "99", "100", "1000", "8.5", "abc", "-1", " 8 ", "٨", "", "\u00a08"],
        "months": [None, "", "0", "6", "11", "12", "-1", "x", "5.5", " 3 "],
        "diff": ["20", "4,5", ".5", "0", "0,0", "-20", "- 3", "-3,5", "-\u00a03", "abc", "", "1e3", "9" * 30, "\u00a05",
                 "150", "150.1", "15,01", "1" + "0" * 30, "NaN", "Infinity", "<svg>", "4 cm", "4cm", "4 CM", "40 mm",
                 "1.5 in", "1,5 in", '1.5"', "2 inches", "4 centimetres", "4 centimeters", "40 millimetres",
                 "40 millimeters", "4 cm cm", "cm", "4 kg", "4 cm 5", "-4 cm", "0 cm", "20 cm", "6 in"],
        "unit": [None, "mm", "cm", "in", "furlong", ""],
    }
    base = {"sex": "boy", "years": "8", "months": "0", "diff": "20", "unit": "mm"}
    queries = [{}]
    for field, options in values.items():
        for v in options:
            queries.append({**base, field: v})
    for _ in range(1500):
        queries.append({f: rng.choice(options) for f, options in values.items()})
    parse = []
    for q in queries:
        present = {k: v for k, v in q.items() if v is not None}
        inputs, errors = growth.parse_inputs(model, present, words)
        got = None if inputs is None else {"sex": inputs.sex, "years": inputs.years, "months": inputs.months,
                                           "diff": inputs.diff, "unit": inputs.unit}
        parse.append([q, {"inputs": got, "errors": errors}])
    # predictions: every month of age the estimator offers, both sexes, differences in each
    # unit across the three option bands
    diffs = [("5", "mm"), ("12", "mm"), ("20", "mm"), ("33,5", "mm"), ("60", "mm"), ("1.5", "cm"), ("4", "cm"),
             ("0.4", "in"), ("1.25", "in"), ("2", "in")]
    predictions = []
    for k, age in enumerate(range(model.min_age, model.max_age + 1)):
        for sex in growth.SEXES:
            for diff, unit in (diffs[(k + j) % len(diffs)] for j in range(0, len(diffs), 4 if sex == "boy" else 5)):
                current = units.to_mm(units.parse_decimal(diff), unit)
                p = growth.predict(model, sex, age, current)
                predictions.append({
                    "sex": sex, "age": age, "diff": diff, "unit": unit, "current": current,
                    "multiplier": p.multiplier, "predicted": p.predicted_mm, "min": p.min_mm, "max": p.max_mm,
                    "band": p.band, "bandMin": p.band_min, "bandMax": p.band_max,
                    "timing": None if p.timing is None else {"earliest": p.timing.earliest_months,
                                                             "latest": p.timing.latest_months,
                                                             "status": p.timing.status},
                    "attrs": growth_html.data_attributes(p, unit),
                    "parts": [list(part) for part in growth_html.result_parts(js, p, unit)],
                })
    errors = {unit: {code: growth_html.error_text(js, model, code, unit) for code in js["errors"]}
              for unit in (*units.INPUT_UNITS, "furlong")}
    sv = growth_html.js_strings(SV, model)
    sv_words = SV["js"]["units_typed"]
    sv_parse = []
    for diff in ["4,5", "4 cm", "4,5 cm", "45 millimeter", "2 tum", "1,5 tum", "4 centimeter", "0,75", "4 meter",
                 "abc", "-4,5", "", "<b>4</b>"]:
        q = {**base, "diff": diff}
        inputs, errs = growth.parse_inputs(model, q, sv_words)
        sv_parse.append([q, {"inputs": None if inputs is None else {"sex": inputs.sex, "years": inputs.years,
                                                                    "months": inputs.months, "diff": inputs.diff,
                                                                    "unit": inputs.unit}, "errors": errs}])
    sv_predictions = [{**c, "parts": [list(part) for part in growth_html.result_parts(
        sv, growth.predict(model, c["sex"], c["age"], c["current"]), c["unit"])]}
        for k, c in enumerate(predictions) if k % 3 == 0]
    return {
        "about": "Python's answers (macros/model/growth.py, macros/render/growth.py); scripts/golden.py writes "
                 "this file.",
        "sv": {"strings": sv, "unitsTyped": sv_words, "parseInputs": sv_parse, "predictions": sv_predictions,
               "ageTexts": [[age, growth_html.age_text(sv, age)] for age in range(0, model.max_age + 13)],
               "lengthTexts": [[mm, unit, growth_html.length_text(sv, mm, unit)]
                               for mm in [k / 4 for k in range(0, 801, 7)] for unit in units.INPUT_UNITS],
               "errorTexts": {unit: {code: growth_html.error_text(sv, model, code, unit) for code in sv["errors"]}
                              for unit in units.INPUT_UNITS}},
        "model": model.as_dict(),
        "sexes": list(growth.SEXES),
        "strings": js,
        "unitsTyped": words,
        "parseInputs": parse,
        "predictions": predictions,
        "multipliers": [[sex, age, growth.multiplier(model, sex, age),
                         growth.multiplier_clamped(model, sex, age - model.timing_shift_months),
                         growth.multiplier_clamped(model, sex, age + model.timing_shift_months)]
                        for sex in growth.SEXES for age in range(model.min_age, model.max_age + 1)],
        "bands": [[mm, growth.band(model, mm)] for mm in [k / 2 for k in range(0, 301)]],
        "ageTexts": [[age, growth_html.age_text(js, age)] for age in range(0, model.max_age + 13)],
        "lengthTexts": [[mm, unit, growth_html.length_text(js, mm, unit)]
                        for mm in [k / 4 for k in range(0, 801)] for unit in units.INPUT_UNITS],
        "errorTexts": errors,
    }


def _dump(data: dict[str, Any], ascii_only: bool = False) -> str:
    """One key per line, one case per line: a change shows as a short diff. ``ascii_only``
    escapes every non-ASCII character (a file whose cases hold lone surrogates)."""
    lines = ["{"]
    keys = list(data)
    for i, key in enumerate(keys):
        value = data[key]
        end = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f"{json.dumps(key)}: [")
            lines += [json.dumps(v, ensure_ascii=ascii_only, allow_nan=False, separators=(",", ":"))
                      + ("," if j < len(value) - 1 else "") for j, v in enumerate(value)]
            lines.append("]" + end)
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=ascii_only, allow_nan=False, separators=(',', ':'))}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---- the treatment companion: a few hundred plans, each day's row (companion-model.js) ----

# Limits of the cases (fixed, so the cases do not move when a parameter changes).
COMPANION_LIMITS = c.Limits(rate_max=1, rate_min=0.1, steps=(3, 4), max_mm=500)
COMPANION_ROW_KEYS = ("day", "date", "segment", "rate", "steps", "step_mm", "times", "total", "pause")


def companion_compact(s: dict) -> dict:
    """Rows as lists in COMPANION_ROW_KEYS order (the JavaScript test compacts its output the same way)."""
    return {**s, "rows": [[" ".join(r[k]) if k == "times" else r[k] for k in COMPANION_ROW_KEYS] for r in s["rows"]]}


def companion_cases() -> list[dict]:
    """A few hundred plans: rates, steps, pauses, changes, month/year ends and leap days."""
    rnd = random.Random(20261201)
    starts = ["2027-01-25", "2027-02-20", "2027-12-15", "2028-02-10", "2028-02-28", "2099-12-20", "2100-02-20"]
    rates = [0.25, 0.5, 0.75, 1]
    cases = []
    for _ in range(250):
        start = dt.date.fromisoformat(rnd.choice(starts))
        segs = [{"start": start.isoformat(), "rate": rnd.choice(rates[1:]), "steps": rnd.choice([3, 4])}]
        day = start
        for _ in range(rnd.choice([0, 0, 1, 2, 3])):
            day = day + dt.timedelta(days=rnd.randint(1, 20))
            if rnd.random() < 0.3 and segs[-1]["rate"]:
                segs.append({"start": day.isoformat(), "rate": 0, "steps": 0})
            else:
                segs.append({"start": day.isoformat(), "rate": rnd.choice(rates), "steps": rnd.choice([3, 4])})
        target = rnd.choice([1, 2.5, 5, 7.3, 10, 10.5, 12.7, 15, 20, 25.4, 30])
        times = rnd.choice([{}, {"first_time": "07:30", "last_time": "22:15"}, {"first_time": "09:00", "last_time": "09:00"}])
        cases.append({"plan": {"target_mm": target, "segments": segs, **times}})
    for case in cases:
        case["expected"] = companion_compact(c.schedule(case["plan"], COMPANION_LIMITS))
    return cases


def companion_words(cases: list[dict]) -> list[list]:
    """For every 5th case, in each language: the target and each 7th row's total and step
    in words, and the target day's date parts (long and short), as companion.js words them."""
    out = []
    for k, case in enumerate(cases):
        if k % 5:
            continue
        e = case["expected"]
        rows = e["rows"][::7]
        words = {}
        for lang, fmt in FORMATS.items():
            day = dt.date.fromisoformat(rows[-1][1])
            words[lang] = [c.mm_text(e["target"], fmt), [[c.mm_text(r[7], fmt), c.step_text(r[5], fmt)] for r in rows],
                           units.date_parts(day, fmt, True), units.date_parts(day, fmt, False)]
        out.append([k, [r[0] for r in rows], words])
    return out


def companion_text() -> str:
    cases = companion_cases()
    return json.dumps({"limits": COMPANION_LIMITS.as_dict(), "row_keys": COMPANION_ROW_KEYS, "cases": cases,
                       "formats": FORMATS, "words": companion_words(cases)},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


# ---- the decision aid: which options fit the answers, the size band, the link state ----

NOTES = ["", " ", "Ask about pain.", "  two\r\nlines\r", "<script>alert(1)</script>", "a&b=c?d#e%f+g",
         "café ünïcödé", "emoji 😀 and 👍🏽", "\ud800 lone", "tab\there", "ctrl\x00\x07\x1b\x7f\x85 chars",
         "\u202eevil\u202c", "ok\u2066x\u2069", "x" * 300, "x" * 301, "é" * 400, "😀" * 301, " " * 50 + "y",
         "y" + "\n" * 400, "\ufeffbom", "a\u00a0b", "quote ' \" ( ) ! ~ * -_."]


def decision_compact(result: dict[str, Any]) -> dict[str, Any]:
    """A fit result with each reason as [fit, from, reason, page, source keys] (the JavaScript test
    compacts its output the same way)."""
    return {"groups": result["groups"],
            "reasons": {o: [[r["fit"], r["from"], r["reason"], r["page"], [x["href"] for x in r["sources"]]] for r in rs]
                        for o, rs in result["reasons"].items()}}


def decision_config(guide) -> dict[str, Any]:
    """The plain configuration as the page embeds it, with pages and sources as plain keys."""
    from macros.render.references import short_label

    def fill(text: str) -> str:
        return fill_params(text, lambda key, which: wording.param(guide.strings, guide.params[key], which or "range"))

    return decision.plain_config(guide.values, fill, lambda page: page,
                                 lambda key: {"label": short_label(guide.references[key]), "href": "#" + key})


def decision_cases() -> dict[str, Any]:
    guide = load_guide(ROOT / "data")
    config = decision_config(guide)
    rng = random.Random(SEED)
    qs = config["questions"]
    answer_sets: list[dict[str, str]] = [{}]
    answer_sets += [{q["id"]: a["code"]} for q in qs for a in q["answers"]]
    for _ in range(120):
        answer_sets.append({q["id"]: rng.choice(q["answers"])["code"] for q in qs if rng.random() < 0.6})
    fits = []
    for situation in ["child", "grown", None, "bogus"]:
        for size in ["small", "medium", "large", None, "huge"]:
            for answers in (answer_sets if situation in ("child", "grown") and size != "huge" else answer_sets[:3]):
                fits.append([situation, size, answers, decision_compact(decision.fit(config, situation, size, answers))])
    growth_model = _growth_model()
    limits = {"small_max_mm": growth_model.lift_max_mm, "medium_max_mm": growth_model.modulation_max_mm}
    bands = [[mm, decision.band(limits, mm)] for mm in [k / 4 for k in range(0, 801)]]
    states = []
    for i in range(300):
        answers = {q["id"]: rng.choice(q["answers"])["code"] for q in qs if rng.random() < 0.5}
        if rng.random() < 0.1:
            answers[rng.choice(qs)["id"]] = rng.choice(["x", "", "9"])
        state = {"s": rng.choice(["child", "grown", None, "x"]), "b": rng.choice(["small", "medium", "large", None, "x"]),
                 "answers": answers, "note": NOTES[i % len(NOTES)], "include_note": rng.random() < 0.7}
        states.append([state, decision.encode(config, state)])
    hostile = [[], [["s", "<script>alert(1)</script>"]], [["s", "grown"], ["s", "child"]], [["S", "grown"]],
               [["b", "huge"]], [["b", ""]], [["s", ""]], [["v", "garbage!!"]], [["v", "a"]], [["v", "a1a2"]],
               [["v", "z1"]], [["v", "a9"]], [["v", "a1b"]], [["v", "a1" * 9]], [["v", "<b>"]], [["v", ""]],
               [["n", "x" * 10000]], [["n", "<img src=x onerror=alert(1)>"]], [["n", "\ufffd\ufffd"]],
               [["s", "gro\ufffdwn"]], [["v", "a1\ufffd"]], [["utm_source", "x"], ["s", "child"]],
               [["s", "__proto__"]], [["b", "constructor"]], [["v", "__proto__"]], [["s", "toString"]],
               [["n", "  "]], [["n", "\x00"]]]
    for _ in range(300):
        pairs = []
        for _ in range(rng.randint(0, 5)):
            key = rng.choice(["s", "b", "v", "n", "x"])
            alphabet = "abcdefgh0123456789xyz<>&\"' \ufffd"
            value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
            if key == "v" and rng.random() < 0.5:
                value = "".join(q["code"] + rng.choice(q["answers"])["code"] for q in rng.sample(qs, rng.randint(0, len(qs))))
            if key in ("s", "b") and rng.random() < 0.5:
                value = rng.choice(["child", "grown", "small", "medium", "large"])
            pairs.append([key, value])
        hostile.append(pairs)
    for state, query in states:  # every encoded link decodes to the state it came from
        hostile.append([pair.split("=", 1) for pair in query.split("&")] if query else [])
    decodes = []
    for pairs in hostile:
        from urllib.parse import unquote
        decoded = [[k, unquote(v) if k == "n" and "%" in v else v] for k, v in pairs]
        decodes.append([decoded, decision.decode(config, decoded)])
    notes = [[text, 20, *decision.clean_note(text, 20)] for text in NOTES] + \
            [[text, config["note_max"], *decision.clean_note(text, config["note_max"])] for text in NOTES]
    from macros.data.questions import QUESTIONS_FILE, load_questions
    ids = [q.id for qs_ in load_questions(ROOT / "data" / QUESTIONS_FILE).values() for q in qs_]
    ticks = []
    for _ in range(200):
        ticked = [i for i in ids if rng.random() < 0.3]
        value = decision.encode_ticks(ids, ticked)
        ticks.append([ids, ticked, value, decision.decode_ticks(ids, value)])
    for value in ["", ".", "choice-1", "choice-1.choice-1", "nope", "choice-1.nope", "q-choice-1", "<b>", "__proto__",
                  "toString", "choice-1." * 400, "risks-2.choice-1", "\ufffd", " choice-1", "choice-1..risks-1"]:
        ticks.append([ids, None, value, decision.decode_ticks(ids, value)])
    numbers = [0, 0.04, 0.05, 1, 9.95, 12.34, 17.25, 29, 29.96, 120, 499.94]
    figures = [[{"d": d, "lo": lo, "hi": hi}, decision.encode_figures({"d": d, "lo": lo, "hi": hi})]
               for d in numbers for lo, hi in [(None, None), (max(0, d - 5), d + 7.25)]]
    figure_pairs = [[], [["d", "29"]], [["d", "29.5"], ["lo", "20"], ["hi", "40.1"]], [["d", "29"], ["lo", "30"], ["hi", "40"]],
                    [["d", "29,5"]], [["d", "-1"]], [["d", "1e3"]], [["d", "0x1f"]], [["d", "500"]], [["d", "500.1"]],
                    [["d", "029"]], [["d", "29.55"]], [["d", ""]], [["lo", "2"], ["hi", "3"]], [["d", "2"], ["lo", "1"]],
                    [["d", "2"], ["d", "3"]], [["d", "<b>"]], [["d", "\ufffd"]], [["d", " 2"]], [["d", "Infinity"]],
                    [["d", "NaN"]], [["d", "2."]], [["d", ".5"]], [["d", "5"], ["lo", "5"], ["hi", "5"]]]
    for _ in range(100):
        pairs = [[rng.choice(["d", "lo", "hi", "x"]), "".join(rng.choice("0123456789.,-e ") for _ in range(rng.randint(0, 6)))]
                 for _ in range(rng.randint(0, 4))]
        figure_pairs.append(pairs)
    figure_decodes = [[pairs, decision.decode_figures(pairs)] for pairs in figure_pairs]
    return {"config": config, "limits": limits, "messages": list(decision.MESSAGES), "fits": fits, "bands": bands,
            "encodes": states, "decodes": decodes, "notes": notes, "ticks": ticks, "figures": figures,
            "figure_decodes": figure_decodes}


def build() -> dict[str, str]:
    """The text of each golden file, by file name."""
    return {"units.json": _dump(units_cases()), "planner.json": _dump(planner_cases()),
            "growth.json": _dump(growth_cases()), "companion.json": companion_text(),
            "decision.json": _dump(decision_cases(), ascii_only=True)}


def main(argv: list[str]) -> int:
    files = build()
    if len(argv) > 1 and argv[1] == "check":
        stale = [name for name, text in files.items()
                 if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"stale golden files (run python scripts/golden.py): {', '.join(stale)}")
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"tests/golden/{name}: {len(text) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
