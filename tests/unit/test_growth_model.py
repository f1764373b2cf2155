"""The growth model (macros/model/growth.py) against sums worked by hand.

Every expectation is arithmetic on values read from data/parameters.yml (the raw YAML,
not the model), written the way a clinician would do it with the published formula:
difference at the end of growth = difference now × multiplier (Paley 2000).
"""

from __future__ import annotations

import copy
import json
import math

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT, guide
from macros.model import growth
from macros.render import growth as growth_html
from macros.data.references import load_bibliography
from macros.errors import GuideDataError
from macros.data.parameters import parse_parameters

RAW = yaml.safe_load((ROOT / "data/parameters.yml").read_text(encoding="utf-8"))
G = RAW["parameters"]["growth"]
GUIDE = guide()
MODEL = growth.model_from_params(GUIDE.params)
E = G["estimator"]["measurement_error"]["typical"]  # mm, either way
S = G["estimator"]["timing_shift"]["value"]  # months, either way
T = RAW["parameters"]["thresholds"]
_MM = {"mm": 1, "cm": 10}
LIFT = T["small_difference"]["low"] * _MM[T["small_difference"]["unit"]]
MOD = T["large_difference"]["low"] * _MM[T["large_difference"]["unit"]]
FEMUR = G["physis_rate"]["distal_femur"]["typical"]
TIBIA = G["physis_rate"]["proximal_tibia"]["typical"]
END = {"boy": G["end_age"]["boys"]["typical"], "girl": G["end_age"]["girls"]["typical"]}
INCH = 25.4


def M(sex: str, age_months: int) -> float:
    """The multiplier read straight from the table row for that exact age."""
    col = G["multiplier"]["columns"].index("boys" if sex == "boy" else "girls")
    for row in G["multiplier"]["rows"]:
        if row[0] == age_months:
            return row[col]
    raise KeyError(age_months)


# (sex, age in months, difference now in mm, expected end-of-growth difference by hand)
HAND_SUMS = [
    ("boy", 96, 20, 20 * M("boy", 96)),  # 20 mm × multiplier for boys at 8 years
    ("girl", 96, 20, 20 * M("girl", 96)),  # the same for a girl: girls finish sooner
    ("girl", 144, 10, 10 * M("girl", 144)),  # girl at 12 years
    ("boy", 48, 30, 30 * M("boy", 48)),  # boy at 4 years
    ("girl", 6, 5, 5 * M("girl", 6)),  # the youngest age offered
    ("boy", 204, 30, 30 * M("boy", 204)),  # end of the table: multiplier 1
    ("girl", 180, 15, 15 * M("girl", 180)),  # girl at 15: growth over, multiplier 1
    # between rows: a straight line between the two nearest ages
    ("boy", 99, 20, 20 * (M("boy", 96) + (M("boy", 102) - M("boy", 96)) * 3 / 6)),
    ("girl", 40, 12, 12 * (M("girl", 36) + (M("girl", 42) - M("girl", 36)) * 4 / 6)),
    ("boy", 7, 8, 8 * (M("boy", 6) + (M("boy", 9) - M("boy", 6)) * 1 / 3)),
    # inches: 0.5 in is 0.5 × 25.4 mm
    ("girl", 78, 0.5 * INCH, 0.5 * INCH * M("girl", 78)),
]


@pytest.mark.parametrize("sex,age,now,expected", HAND_SUMS)
def test_prediction_matches_hand_sum(sex, age, now, expected):
    p = growth.predict(MODEL, sex, age, now)
    assert p.predicted_mm == pytest.approx(expected, rel=1e-12)
    assert p.min_mm <= expected <= p.max_mm


# Ranges worked by hand with the table rows typed out, for the parameters these sums
# assume (measurement error 5 mm, timing shift 12 months; the first test checks them).
# min = present × multiplier(age + 12 months) − 5 × multiplier(age), never below 0
# max = present × multiplier(age − 12 months) + 5 × multiplier(age)
HAND_RANGES = [
    # girl 12 years, 10 mm: rows 11 y 1.13, 12 y 1.07, 13 y 1.03; error 5 × 1.07 = 5.35
    ("girl", 144, 10, 10 * 1.03 - 5.35, 10 * 1.13 + 5.35),  # 4.95 to 16.65, not "0 to 31"
    # boy 8 years, 20 mm: rows 7 y 1.57, 8 y 1.47, 9 y 1.38; error 5 × 1.47 = 7.35
    ("boy", 96, 20, 20 * 1.38 - 7.35, 20 * 1.57 + 7.35),  # 20.25 to 38.75
    # boy 17 years (end of table), 10 mm: 18 y is past the table, so its last row 1.00;
    # 16 y 1.01; error 5 × 1.00 = 5
    ("boy", 204, 10, 10 * 1.00 - 5, 10 * 1.01 + 5),  # 5 to 15.1: the measurement error
    # girl 9 months, 10 mm: 21 months 2.49; -3 months is before the table: first row
    # (6 months) 3.725; error 5 × 3.30 = 16.5
    ("girl", 9, 10, 10 * 2.49 - 16.5, 10 * 3.725 + 16.5),  # 8.4 to 53.75
    # girl 14 years, 3 mm: 15 y 1.00, 13 y 1.03; error 5 × 1.00 = 5: the low end is 0
    ("girl", 168, 3, 0, 3 * 1.03 + 5),
]


def test_hand_ranges_assume_these_parameters():
    assert (E, S) == (5, 12), "the parameters changed: work the HAND_RANGES sums again"
    assert G["estimator"]["measurement_error"]["unit"] == "mm"
    assert G["estimator"]["timing_shift"]["unit"] == "month"


@pytest.mark.parametrize("sex,age,now,low,high", HAND_RANGES)
def test_range_matches_hand_sum(sex, age, now, low, high):
    p = growth.predict(MODEL, sex, age, now)
    assert p.min_mm == pytest.approx(low, abs=1e-9)
    assert p.max_mm == pytest.approx(high, abs=1e-9)


def test_range_narrows_as_growth_ends():
    for sex in ("boy", "girl"):
        widths = [growth.predict(MODEL, sex, age, 20) for age in range(24, 205, 12)]
        spans = [p.max_mm - p.min_mm for p in widths]
        assert all(b <= a + 1e-9 for a, b in zip(spans, spans[1:])), (sex, spans)
        # at the end of the table only the measurement error is left (plus the last rows)
        assert spans[-1] <= 2 * E + 20 * 0.02


def test_hand_sums_are_not_trivial():
    # the worked example from the issue: 20 mm × the boys' multiplier at 8 years
    assert 20 * M("boy", 96) > 20 and 20 * M("girl", 96) < 20 * M("boy", 96)


@pytest.mark.parametrize("sex,age,now,expected", HAND_SUMS)
def test_band_follows_thresholds(sex, age, now, expected):
    want = "lift" if expected <= LIFT else "modulation" if expected <= MOD else "lengthening"
    assert growth.predict(MODEL, sex, age, now).band == want


def test_bands_cover_all_three_groups():
    bands = {growth.predict(MODEL, s, a, n).band for s, a, n, _ in HAND_SUMS}
    assert bands == {"lift", "modulation", "lengthening"}


def test_band_edges():
    assert growth.band(MODEL, LIFT) == "lift"
    assert growth.band(MODEL, LIFT + 0.1) == "modulation"
    assert growth.band(MODEL, MOD) == "modulation"
    assert growth.band(MODEL, MOD + 0.1) == "lengthening"


def test_modulation_window_by_hand():
    # boy, 8 years, 20 mm now: predicted P; stopping the thigh plate only removes FEMUR mm a
    # year, both knee plates FEMUR + TIBIA mm a year, until END years.
    p = growth.predict(MODEL, "boy", 96, 20)
    P = 20 * M("boy", 96)
    assert p.band == "modulation"
    assert p.timing.earliest_months == math.floor(END["boy"] * 12 - P / FEMUR * 12 + 0.5)
    assert p.timing.latest_months == math.floor(END["boy"] * 12 - P / (FEMUR + TIBIA) * 12 + 0.5)
    assert p.timing.earliest_months < p.timing.latest_months < END["boy"] * 12
    assert p.timing.status == "ahead"


def test_modulation_status_now_passed_over():
    p = growth.predict(MODEL, "girl", 144, 30)  # girl at 12 with 30 mm: inside the band
    assert p.band == "modulation"
    t = p.timing
    statuses = {growth.timing(MODEL, "girl", age, p.predicted_mm).status
                for age in (t.earliest_months - 1, t.earliest_months, t.latest_months + 1, int(END["girl"] * 12))}
    assert statuses == {"ahead", "now", "passed", "over"}


def test_no_timing_outside_the_modulation_band():
    assert growth.predict(MODEL, "girl", 144, 10).timing is None
    assert growth.predict(MODEL, "boy", 48, 30).timing is None


def test_range_never_below_zero():
    p = growth.predict(MODEL, "girl", 168, 3)
    assert p.min_mm == 0 and p.max_mm == pytest.approx(3 * M("girl", 156) + E)
    assert p.band_min == "lift"


@pytest.mark.parametrize("age", [0, 3, 5, 205, 240])
def test_ages_outside_the_table_are_refused(age):
    with pytest.raises(growth.OutsideTable):
        growth.predict(MODEL, "girl", age, 10)


def test_suspect_ages_are_not_offered():
    # The source's girls' value at 3 months (4.355) is suspect: no age under 6 months.
    assert MODEL.min_age == 6
    assert 4.355 not in MODEL.multipliers["girl"]
    assert all(row[0] >= 6 for row in G["multiplier"]["rows"])


@pytest.mark.parametrize("bad", [0, -5, float("nan"), float("inf")])
def test_predict_refuses_nonsense_difference(bad):
    with pytest.raises(ValueError):
        growth.predict(MODEL, "boy", 96, bad)


def _model_from(edit):
    raw = copy.deepcopy(RAW)
    edit(raw["parameters"])
    params = parse_parameters(raw, load_bibliography(ROOT / "data/references.yml"))
    return growth.model_from_params(params)


def test_model_rejects_a_rising_multiplier():
    def edit(g):
        g["growth"]["multiplier"]["rows"][5][1] = 5.5
    with pytest.raises(GuideDataError, match="growth.multiplier.rows"):
        _model_from(edit)


def test_model_rejects_crossed_bands():
    def edit(g):
        g["thresholds"]["small_difference"].update(low=6, typical=6, high=6)
    with pytest.raises(GuideDataError, match="small_difference below large_difference"):
        _model_from(edit)


# --- reading the form and the URL ---

PARSE_CASES = [
    ({}, None, []),
    ({"sex": "boy", "years": "8", "months": "0", "diff": "20", "unit": "mm"}, (96, 20.0), []),
    ({"sex": "girl", "years": "8", "diff": "0,8", "unit": "in"}, (96, 0.8 * INCH), []),
    ({"sex": "girl", "years": " 12 ", "months": "", "diff": "10"}, (144, 10.0), []),
    ({"sex": "<script>alert(1)</script>", "years": "8", "diff": "20"}, None, ["sex"]),
    ({"sex": "boy", "years": "-1", "diff": "20"}, None, ["years"]),
    ({"sex": "boy", "years": "8", "months": "12", "diff": "20"}, None, ["months"]),
    ({"sex": "boy", "years": "8", "diff": "-20"}, None, ["diff_negative"]),
    ({"sex": "boy", "years": "8", "diff": "0"}, None, ["diff_zero"]),
    ({"sex": "boy", "years": "8", "diff": "1e9"}, None, ["diff"]),
    ({"sex": "boy", "years": "8", "diff": "9" * 400}, None, ["diff_too_big"]),
    ({"sex": "boy", "years": "8", "diff": ""}, None, ["diff"]),
    ({"sex": "boy", "years": "8", "diff": "20", "unit": "furlong"}, None, ["unit"]),
    ({"sex": "boy", "years": "8", "diff": "2,5", "unit": "cm"}, (96, 25.0), []),
    ({"sex": "boy", "years": "8", "diff": "20", "unit": "cm"}, None, ["diff_too_big"]),
    ({"sex": "boy", "years": "0", "months": "3", "diff": "20"}, None, ["age_range"]),
    ({"sex": "boy", "years": "40", "diff": "20"}, None, ["age_range"]),
    ({"sex": "x", "years": "y", "months": "z", "diff": "w", "unit": "v"}, None, ["sex", "years", "months", "diff", "unit"]),
]


@pytest.mark.parametrize("query,expected,errors", PARSE_CASES)
def test_parse_inputs(query, expected, errors):
    inputs, got = growth.parse_inputs(MODEL, query)
    assert got == errors
    if expected is None:
        assert inputs is None
    else:
        assert (inputs.age_months, inputs.current_mm) == (expected[0], pytest.approx(expected[1]))


def test_too_big_limit_comes_from_parameters():
    limit = G["estimator"]["max_current"]["value"]
    assert growth.parse_inputs(MODEL, {"sex": "boy", "years": "8", "diff": str(limit)})[1] == []
    assert growth.parse_inputs(MODEL, {"sex": "boy", "years": "8", "diff": str(limit + 1)})[1] == ["diff_too_big"]


# --- rendering ---

def test_example_has_stable_hooks_and_the_sum():
    html = str(growth_html.example(MODEL, GUIDE.strings, "boy", 96, 20))
    el = BeautifulSoup(html, "html.parser").select_one(".app-growth-result")
    P = 20 * M("boy", 96)
    assert el["data-sex"] == "boy" and el["data-age-months"] == "96" and el["data-current-mm"] == "20"
    assert float(el["data-predicted-mm"]) == pytest.approx(P, abs=0.05)
    # the boy-8-years case of HAND_RANGES: 20.25 to 38.75
    assert float(el["data-predicted-mm-min"]) == pytest.approx(20 * 1.38 - 5 * 1.47, abs=0.051)
    assert float(el["data-predicted-mm-max"]) == pytest.approx(20 * 1.57 + 5 * 1.47, abs=0.051)
    text = el.get_text(" ")
    assert GUIDE.strings["js"]["growth"]["decide"] in text
    assert f"× {growth.num(M('boy', 96))}" in text


def test_table_lists_every_offered_age():
    html = str(growth_html.table(MODEL, GUIDE.strings))
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    assert len(rows) == len(G["multiplier"]["rows"])


def test_estimator_embeds_model_safely():
    html = str(growth_html.estimator(MODEL, GUIDE.strings))
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form.app-growth__form")
    assert form["method"] == "get"
    assert {i["name"] for i in form.select("input")} == set(growth.FIELDS)
    assert soup.select_one(".app-growth__output")["aria-live"] == "polite"
    # the widget contract: the root names the widget and carries its whole configuration
    data = soup.select_one("[data-app-widget='growth']")["data-app-config"]
    assert "</" not in data
    assert json.loads(data)["model"] == json.loads(json.dumps(MODEL.as_dict()))


def test_range_sentence_is_not_a_guarantee():
    # The range comes from average errors: it says "most likely", that the result can fall
    # outside it, and the review's wider margin (growth.uncertainty), in the page and the browser.
    from macros.model import wording
    from macros.render import growth as growth_html
    js = growth_html.js_strings(GUIDE.strings, MODEL)
    within = wording.quantity(GUIDE.strings, GUIDE.params["growth.uncertainty"].value, "cm")
    p = growth.predict(MODEL, "boy", 96, 20)
    text = dict(growth_html.result_parts(js, p, "mm"))["range"]
    assert text.startswith("Most likely ") and "can fall outside" in text
    assert f"within about {within}" in text and "{" not in text
