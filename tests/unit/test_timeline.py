"""The pure timeline model (macros/model/timeline.py): seed statements, validation, ranges.

Expectations come from the parameters file, never from the model's own output."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from support import guide
from macros.model import timeline as t

GUIDE = guide()
P = GUIDE.params
MODEL = t.model_data(P)
COMBOS = [(b, m) for b in t.BONES for m in t.METHODS]


def _months(days):
    return days / (365.25 / 12)


# Seed statements the guide grew from; the model must agree with each.
SEEDS = {
    "lengthening starts about a week after the operation":
        lambda tl: abs(tl.milestones["lengthening_start"].typical - 7) <= 3,
    "lengthening goes at up to one millimetre a day":
        lambda tl: (tl.milestones["target_reached"].min - tl.milestones["lengthening_start"].min) >= tl.amount_mm,
    # Was "6 to 12 months"; the tibia with a nail heals at a typical 76 days per cm (the
    # middle of three series' means), which with 2 months back to sport is just over a year.
    "the whole process usually takes 6 to 14 months":
        lambda tl: 6 <= _months(tl.milestones["return_to_sport"].typical) <= 14,
}


@pytest.mark.parametrize("seed", list(SEEDS))
@pytest.mark.parametrize("amount", sorted({P["lengthening.usual_amount"].low, P["lengthening.usual_amount"].high}))
@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(c))
def test_seed_statements(seed, amount, combo):
    tl = t.compute(MODEL, amount, *combo)
    assert SEEDS[seed](tl), (seed, amount, combo, tl.as_dict())


def test_typical_duration_prose_matches_seed():
    low, high = t.typical_duration(P)
    assert 6 <= low <= high <= 14


@pytest.mark.parametrize("amount", [1, 12.7, 30, 50, 50.8, 80, 81, 200])
@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(c))
def test_phases_follow_the_parameters(amount, combo):
    bone, method = combo
    tl = t.compute(MODEL, amount, bone, method)
    lat, rate, cons = P["lengthening.latency"], P["lengthening.distraction_rate"], P["lengthening.consolidation_after_distraction"]
    hi = P[f"lengthening.healing_index.{method}.{bone}"]
    for which, s_lat, s_rate, s_hi, s_cons, s_ret, s_rem in (
            ("min", lat.low, rate.high, hi.low, cons.low, P["lengthening.return_to_sport"].low, P["lengthening.nail_removal"].low),
            ("typical", lat.typical, rate.typical, hi.typical, cons.typical, P["lengthening.return_to_sport"].typical, P["lengthening.nail_removal"].typical),
            ("max", lat.high, rate.low, hi.high, cons.high, P["lengthening.return_to_sport"].high, P["lengthening.nail_removal"].high)):
        start = getattr(tl.milestones["lengthening_start"], which)
        target = getattr(tl.milestones["target_reached"], which)
        solid = getattr(tl.milestones["full_weight_bearing"], which)
        assert start == s_lat
        assert target == s_lat + math.ceil(amount / s_rate)
        assert solid == max(math.floor(s_hi * amount / 10 + 0.5), target + 7 * s_cons)
        assert getattr(tl.milestones["return_to_sport"], which) == solid + math.floor(s_ret * 365.25 / 12 + 0.5)
        removal = getattr(tl.milestones["removal"], which)
        assert removal == (max(math.floor(s_rem * 365.25 / 12 + 0.5), solid) if method == "nail" else solid)
    for start, end in tl.phases.values():
        assert start.min <= start.typical <= start.max and end.min <= end.typical <= end.max
        assert start.typical <= end.typical
    assert tl.phases["distraction"][0] == tl.phases["latency"][1]
    assert tl.phases["consolidation"][0] == tl.phases["distraction"][1]
    beyond = amount > P["lengthening.evidence_max"].typical
    assert ("beyond_evidence" in tl.warnings) == beyond


@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(c))
def test_each_method_and_bone_reads_its_own_healing_index(combo):
    # nail and frame figures come from different groups of patients: the planner shows
    # each, it does not rank them
    bone, method = combo
    tl = t.compute(MODEL, 50, bone, method)
    assert f"lengthening.healing_index.{method}.{bone}" in tl.used_keys
    assert not any(k.startswith("lengthening.healing_index.") and k != f"lengthening.healing_index.{method}.{bone}"
                   for k in tl.used_keys)


def test_no_age_input():
    # the studies give no healing index by age group, so age is not an input at all
    assert not hasattr(t, "AGES")
    with pytest.raises(t.PlannerInputError):  # the fifth argument is the date now
        t.compute(MODEL, 50, "femur", "nail", "child")
    assert "lengthening.child_healing_factor" not in MODEL["keys"].values()


def test_inches_and_dates():
    assert t.amount_to_mm(2, "in") == 2 * 25.4
    tl = t.compute(MODEL, t.amount_to_mm(2, "in"), "femur", "nail", "2027-03-01")
    day = tl.milestones["target_reached"].typical
    assert tl.date(day) == dt.date(2027, 3, 1) + dt.timedelta(days=day)


BAD = [
    (dict(amount_mm=None), "amount", "missing"),
    (dict(amount_mm=""), "amount", "missing"),
    (dict(amount_mm="50"), "amount", "not_number"),
    (dict(amount_mm=float("nan")), "amount", "not_number"),
    (dict(amount_mm=True), "amount", "not_number"),
    (dict(amount_mm=0), "amount", "not_positive"),
    (dict(amount_mm=-5), "amount", "not_positive"),
    (dict(amount_mm=10_000), "amount", "too_large"),
    (dict(bone="humerus"), "bone", "unknown"),
    (dict(bone=None), "bone", "missing"),
    (dict(method="magic"), "method", "unknown"),
    (dict(surgery_date="2027-02-30"), "date", "bad_date"),
    (dict(surgery_date="<script>"), "date", "bad_date"),
]


@pytest.mark.parametrize("change,field,code", BAD)
def test_bad_inputs_raise_clear_errors(change, field, code):
    args = dict(amount_mm=50, bone="femur", method="nail", surgery_date=None) | change
    with pytest.raises(t.PlannerInputError) as err:
        t.compute(MODEL, **args)
    assert (err.value.field, err.value.code) == (field, code)
    assert field in str(err.value)


def test_unknown_unit():
    with pytest.raises(t.PlannerInputError):
        t.amount_to_mm(2, "furlong")


def test_centimetres_and_inches_become_millimetres():
    assert t.amount_to_mm(4.5, "cm") == 45
    assert t.amount_to_mm(2, "in") == 2 * 25.4
    assert t.amount_to_mm(45, "mm") == 45


def test_journey_prose_example_and_table_agree(site):
    """The journey page's duration, its worked example and the typical-timelines table
    come from one model for stated cases, so they cannot disagree."""
    from bs4 import BeautifulSoup

    low, high = t.typical_duration(P)
    usual = P["lengthening.usual_amount"]
    # the model side, worked out here from compute(): every bone and method, both ends of
    # the usual amount
    typical = [t.months(t.compute(MODEL, a, b, m).milestones["return_to_sport"].typical)
               for a in (usual.low, usual.high) for b in t.BONES for m in t.METHODS]
    assert (low, high) == (min(typical), max(typical))

    journey = BeautifulSoup((site.dir / "lengthening/journey/index.html").read_text(), "html.parser")
    text = " ".join(journey.select_one("article").get_text(" ").split())
    month_words = GUIDE.strings["units"]["month"]["other"]
    assert f"about {low} to {high} {month_words}" in text, text[:600]
    # the stated case is on the page: the usual amount, in words as param() writes it
    from macros.model import wording
    assert wording.param(GUIDE.strings, usual, "range") in text
    # the worked example (femur, nail, usual typical amount) lies inside the prose range
    example = journey.select_one(".app-timeline [data-milestone=return_to_sport]")
    assert low <= t.months(int(example["data-day"])) <= high
    # the widest range the prose gives (fastest to slowest scenario, every bone and
    # method) contains the example's own range, so the intro and the example agree
    wide_low, wide_high = t.duration_range(P)
    spans = [t.compute(MODEL, a, b, m).milestones["return_to_sport"]
             for a in (usual.low, usual.high) for b in t.BONES for m in t.METHODS]
    assert (wide_low, wide_high) == (min(t.months(s.min) for s in spans), max(t.months(s.max) for s in spans))
    assert f"about {wide_low} to {wide_high} {month_words}" in text, text[:800]
    ex = t.compute(MODEL, usual.typical, "femur", "nail").milestones["return_to_sport"]
    assert wide_low <= t.months(ex.min) <= t.months(ex.max) <= wide_high

    # the typical-timelines table: the example amounts below and above the usual amount
    # bracket the prose range, for each bone and method
    planner = BeautifulSoup((site.dir / "lengthening/planner/index.html").read_text(), "html.parser")
    examples = sorted(row[0] for row in P["lengthening.example_amounts"].rows)
    below = max(a for a in examples if a <= usual.low)
    above = min(a for a in examples if a >= usual.high)
    for b in t.BONES:
        for m in t.METHODS:
            cells = {int(float(td["data-amount-mm"])): int(td["data-sport-day"])
                     for td in planner.select(f"td[data-bone={b}][data-method={m}]")}
            case = [t.months(t.compute(MODEL, a, b, m).milestones["return_to_sport"].typical)
                    for a in (usual.low, usual.high)]
            assert t.months(cells[below]) <= min(case) and max(case) <= t.months(cells[above]), (b, m, cells, case)
            assert low <= min(case) and max(case) <= high


def test_weight_bearing_wording_follows_the_method():
    """A frame patient is not told to limit weight: the walking stage and the milestone at
    solid bone are worded per method (strings js.planner), in the static HTML too."""
    from macros.render import timeline as timeline_html
    s = GUIDE.strings["js"]["planner"]
    walking = s["phases"]["protected_walking"]
    assert set(walking) == set(t.METHODS) and walking["nail"] != walking["frame"]
    assert "limited" not in walking["frame"].lower()
    for method in t.METHODS:
        html = str(timeline_html.timeline(GUIDE, t.compute(MODEL, 50, "tibia", method), "/references/"))
        assert walking[method] in html and s["milestones"]["full_weight_bearing"][method] in html
        other = "frame" if method == "nail" else "nail"
        assert walking[other] not in html
