"""The pure timeline model (macros/timeline.py): seed statements, validation, ranges.

Expectations come from the parameters file, never from the model's own output."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from conftest import ROOT
from macros.guide import load_guide
from macros import timeline as t

GUIDE = load_guide(ROOT / "data")
P = GUIDE.params
MODEL = t.model_data(P)
COMBOS = [(b, m, a) for b in t.BONES for m in t.METHODS for a in t.AGES]


def _months(days):
    return days / (365.25 / 12)


# Seed statements the guide grew from; the model must agree with each.
SEEDS = {
    "lengthening starts about a week after the operation":
        lambda tl: abs(tl.milestones["lengthening_start"].typical - 7) <= 3,
    "lengthening goes at up to one millimetre a day":
        lambda tl: (tl.milestones["target_reached"].min - tl.milestones["lengthening_start"].min) >= tl.amount_mm,
    "the whole process usually takes 6 to 12 months":
        lambda tl: 6 <= _months(tl.milestones["return_to_sport"].typical) <= 12,
}


@pytest.mark.parametrize("seed", list(SEEDS))
@pytest.mark.parametrize("amount", sorted({P["lengthening.usual_amount"].low, P["lengthening.usual_amount"].high}))
@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(c))
def test_seed_statements(seed, amount, combo):
    tl = t.compute(MODEL, amount, *combo)
    assert SEEDS[seed](tl), (seed, amount, combo, tl.as_dict())


def test_typical_duration_prose_matches_seed():
    low, high = t.typical_duration(P)
    assert 6 <= low <= high <= 12


@pytest.mark.parametrize("amount", [1, 12.7, 30, 50, 50.8, 80, 81, 200])
@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(c))
def test_phases_follow_the_parameters(amount, combo):
    bone, method, age = combo
    tl = t.compute(MODEL, amount, bone, method, age)
    lat, rate, cons = P["lengthening.latency"], P["lengthening.distraction_rate"], P["lengthening.consolidation_after_distraction"]
    hi = P[f"lengthening.healing_index.{method}.{bone}"]
    factor = P["lengthening.child_healing_factor"].typical if age == "child" else 1
    for which, s_lat, s_rate, s_hi, s_cons, s_ret, s_rem in (
            ("min", lat.low, rate.high, hi.low, cons.low, P["lengthening.return_to_sport"].low, P["lengthening.nail_removal"].low),
            ("typical", lat.typical, rate.typical, hi.typical, cons.typical, P["lengthening.return_to_sport"].typical, P["lengthening.nail_removal"].typical),
            ("max", lat.high, rate.low, hi.high, cons.high, P["lengthening.return_to_sport"].high, P["lengthening.nail_removal"].high)):
        start = getattr(tl.milestones["lengthening_start"], which)
        target = getattr(tl.milestones["target_reached"], which)
        solid = getattr(tl.milestones["full_weight_bearing"], which)
        assert start == s_lat
        assert target == s_lat + math.ceil(amount / s_rate)
        assert solid == max(math.floor(s_hi * factor * amount / 10 + 0.5), target + 7 * s_cons)
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


def test_nail_and_frame_differ_where_the_evidence_differs():
    nail = t.compute(MODEL, 50, "femur", "nail", "adult").totals["bone_solid"].typical
    frame = t.compute(MODEL, 50, "femur", "frame", "adult").totals["bone_solid"].typical
    tibia = t.compute(MODEL, 50, "tibia", "nail", "adult").totals["bone_solid"].typical
    assert nail < frame and nail < tibia


def test_inches_and_dates():
    assert t.amount_to_mm(2, "in") == 2 * 25.4
    tl = t.compute(MODEL, t.amount_to_mm(2, "in"), "femur", "nail", "adult", "2027-03-01")
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
    (dict(age="teen"), "age", "unknown"),
    (dict(surgery_date="2027-02-30"), "date", "bad_date"),
    (dict(surgery_date="<script>"), "date", "bad_date"),
]


@pytest.mark.parametrize("change,field,code", BAD)
def test_bad_inputs_raise_clear_errors(change, field, code):
    args = dict(amount_mm=50, bone="femur", method="nail", age="adult", surgery_date=None) | change
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


def test_model_module_does_not_import_mkdocs():
    for name in ("timeline.py", "timeline_html.py"):
        text = (ROOT / "macros" / name).read_text()
        assert "import mkdocs" not in text and "from mkdocs" not in text
