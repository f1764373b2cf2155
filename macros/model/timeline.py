"""The treatment-timeline model: planned length, bone and method in; phases,
milestones and totals out, each as a range of days after the operation.

There is no age input: the lengthening series give no healing index by age group that
the planner could use (``lengthening.child_healing_factor`` records why), and an input
that changes nothing is not offered. Old links with ``age=`` still open the planner: the
browser ignores that field.

Pure module: no MkDocs import. The browser's copy (``docs/assets/javascripts/planner-model.js``)
repeats :func:`compute`, :func:`parse_amount` and :func:`parse_date` line by line and reads the
same numbers, embedded in the page as JSON by :func:`model_data`; ``scripts/golden.py`` writes
this module's answers to ``tests/golden/planner.json`` and ``node --test tests/js/`` checks the
browser's copy gives the same.

Every clinical number comes from ``data/parameters.yml`` (group ``lengthening``).

Three scenarios give each boundary its range:

* ``min`` (fast): latency low, rate high, healing index low, shortest consolidation ...
* ``typical``: every typical value;
* ``max`` (slow): latency high, rate low, healing index high, longest consolidation ...

Arithmetic and rounding (identical in Python and JavaScript, IEEE doubles, same order):

* distraction days ``D = ceil(amount_mm / rate)``;
* healing days ``H = floor(index * amount_mm / 10 + 0.5)`` (index in
  days per cm, counted from the operation, so lengthening time is not added twice);
* bone solid ``C = max(H, L + D + 7 * consolidation_weeks)``;
* months become days as ``floor(months * 30.4375 + 0.5)`` (365.25 / 12 days a month);
* back to sport ``S = C + days(return_months)``;
* nail out ``max(days(removal_months), C)``; a frame comes off when the bone is solid (``C``).

Days are whole days after the operation (day 0). Inches and centimetres become
millimetres (``inches * 25.4``, ``cm * 10``) before anything else.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from macros.data.parameters import Parameters
from macros.model.units import INPUT_UNITS, MM_PER_INPUT, JS_SPACE, parse_decimal, split_unit, suggest_unit, to_mm, trim

BONES = ("femur", "tibia")
METHODS = ("nail", "frame")
UNITS = INPUT_UNITS  # mm, cm, in
SCENARIOS = ("min", "typical", "max")
DAYS_PER_MONTH = 365.25 / 12  # a calendar constant, not a clinical number
DAYS_PER_WEEK = 7

PHASES = ("latency", "distraction", "consolidation", "protected_walking", "return_to_activity")
MILESTONES = ("surgery", "lengthening_start", "target_reached", "full_weight_bearing", "removal", "return_to_sport")


class PlannerInputError(ValueError):
    """An input the planner cannot use: ``field`` names it, ``code`` says why
    (``missing``, ``not_number``, ``not_positive``, ``too_large``, ``unknown``, ``bad_date``)."""

    def __init__(self, field_name: str, code: str, value: Any = None) -> None:
        self.field = field_name
        self.code = code
        self.value = value
        super().__init__(f"planner input {field_name!r}: {code} ({value!r})")


def _rng(p) -> dict[str, float]:
    return {"min": p.low, "typical": p.typical, "max": p.high}


def model_data(params: Parameters) -> dict[str, Any]:
    """The numbers the model uses, as JSON-ready data (also embedded for the browser).

    Each range maps the scenario it feeds: ``min`` (fast) to ``max`` (slow). The rate is
    reversed: the fast scenario lengthens at the highest rate.
    """
    g = params.group("lengthening")
    rate = g["distraction_rate"]
    return {
        "latency_days": _rng(g["latency"]),
        "rate_mm_per_day": {"min": rate.high, "typical": rate.typical, "max": rate.low},
        "healing_index": {m: {b: _rng(g[f"healing_index.{m}.{b}"]) for b in BONES} for m in METHODS},
        "consolidation_weeks": _rng(g["consolidation_after_distraction"]),
        "return_months": _rng(g["return_to_sport"]),
        "nail_removal_months": _rng(g["nail_removal"]),
        "evidence_max_mm": g["evidence_max"].typical,
        "max_mm": params.units["mm"].max,
        "default_mm": g["usual_amount"].typical,
        "example_mm": [row[0] for row in g["example_amounts"].rows],
        "keys": {
            "latency": "lengthening.latency",
            "rate": "lengthening.distraction_rate",
            "healing_index": "lengthening.healing_index.{method}.{bone}",
            "consolidation": "lengthening.consolidation_after_distraction",
            "return": "lengthening.return_to_sport",
            "nail_removal": "lengthening.nail_removal",
            "evidence_max": "lengthening.evidence_max",
        },
    }


@dataclass(frozen=True)
class Span:
    """A day after the operation as a range: fast, typical and slow scenario."""

    min: int
    typical: int
    max: int

    def as_dict(self) -> dict[str, int]:
        return {"min": self.min, "typical": self.typical, "max": self.max}


@dataclass(frozen=True)
class Timeline:
    amount_mm: float
    bone: str
    method: str
    phases: dict[str, tuple[Span, Span]]
    milestones: dict[str, Span]
    totals: dict[str, Span]
    warnings: tuple[str, ...] = ()
    surgery_date: dt.date | None = None
    used_keys: tuple[str, ...] = field(default_factory=tuple)

    def date(self, day: int) -> dt.date | None:
        """The calendar date ``day`` days after the operation (None without a date)."""
        return self.surgery_date + dt.timedelta(days=day) if self.surgery_date else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "amount_mm": self.amount_mm,
            "phases": {k: {"start": s.as_dict(), "end": e.as_dict()} for k, (s, e) in self.phases.items()},
            "milestones": {k: v.as_dict() for k, v in self.milestones.items()},
            "totals": {k: v.as_dict() for k, v in self.totals.items()},
            "warnings": list(self.warnings),
        }


def months_to_days(months: float) -> int:
    return math.floor(months * DAYS_PER_MONTH + 0.5)


def amount_to_mm(value: float, unit: str = "mm") -> float:
    """Millimetres from a value in ``mm``, ``cm`` or ``in``."""
    if unit not in UNITS:
        raise PlannerInputError("unit", "unknown", unit)
    return to_mm(value, unit)


def validate(model: Mapping[str, Any], amount_mm: Any, bone: Any, method: Any) -> float:
    """Check the inputs; return the amount as a float or raise :class:`PlannerInputError`."""
    if amount_mm is None or amount_mm == "":
        raise PlannerInputError("amount", "missing", amount_mm)
    if isinstance(amount_mm, bool) or not isinstance(amount_mm, (int, float)):
        raise PlannerInputError("amount", "not_number", amount_mm)
    amount = float(amount_mm)
    if not math.isfinite(amount):
        raise PlannerInputError("amount", "not_number", amount_mm)
    if amount <= 0:
        raise PlannerInputError("amount", "not_positive", amount_mm)
    if amount > model["max_mm"]:
        raise PlannerInputError("amount", "too_large", amount_mm)
    for name, value, allowed in (("bone", bone, BONES), ("method", method, METHODS)):
        if value is None or value == "":
            raise PlannerInputError(name, "missing", value)
        if value not in allowed:
            raise PlannerInputError(name, "unknown", value)
    return amount


def parse_date(text: Any) -> dt.date | None:
    """``YYYY-MM-DD`` to a date (None for empty); anything else raises ``bad_date``."""
    if text is None or text == "":
        return None
    if isinstance(text, dt.date):
        return text
    s = str(text)
    digits = s[:4] + s[5:7] + s[8:]
    if len(s) != 10 or s[4] != "-" or s[7] != "-" or not (digits.isascii() and digits.isdigit()):
        raise PlannerInputError("date", "bad_date", text)
    try:
        d = dt.date(int(s[:4]), int(s[5:7]), int(s[8:]))
    except ValueError:
        raise PlannerInputError("date", "bad_date", text) from None
    if not 1900 <= d.year <= 2200:
        raise PlannerInputError("date", "bad_date", text)
    return d


MAX_TYPED = 20  # characters in the amount field (its maxlength)
# A number then letters that are no unit the strings know ("4 kg", "4 feet"): asked for a known unit.
_AMOUNT_WITH_UNKNOWN_UNIT = re.compile(r'^\d+([.,]\d*)?[' + JS_SPACE + r']*[A-Za-z]+\.?$', re.ASCII)
_NEGATIVE = re.compile(r"^-\d", re.ASCII)


def parse_amount(text: Any, unit: str, model: Mapping[str, Any],
                 words: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A typed amount as the planner reads it: ``{"value": mm}``, or ``{"error": code}`` with
    ``code`` one of ``amount_missing``, ``amount_not_number``, ``amount_unit`` (a word after
    the number that is no unit in ``words``), ``amount_not_positive``, ``query`` (an unknown
    unit), ``amount_too_large``, ``amount_implausible_low``/``_high``, or ``amount_question``
    with ``suggest`` (the unit the number is plausible in) and ``number`` ("Did you mean
    4 cm?"). ``model`` is :func:`model_data` with ``plausible_mm`` (``{"low": mm, "high": mm}``)
    added.

    An amount typed with its unit ("4 cm", "1,5 in": :func:`macros.model.units.split_unit`
    with ``words``, the strings' ``js.units_typed``) is read in that unit, whatever ``unit``
    says; the answer then also carries ``unit`` (the typed unit) and ``text`` (the number as
    typed), so the form can set its unit choice and the link carry the two apart."""
    t = trim("" if text is None else str(text))
    if t == "":
        return {"error": "amount_missing"}
    if len(t.encode("utf-16-le")) // 2 > MAX_TYPED:  # JavaScript counts UTF-16 code units
        return {"error": "amount_not_number"}
    number, typed = split_unit(t, words)
    typed_part = {"unit": typed, "text": number} if typed else {}
    if typed:
        t, unit = number, typed
    elif _AMOUNT_WITH_UNKNOWN_UNIT.match(t):
        return {"error": "amount_unit"}
    if _NEGATIVE.match(t):
        return {"error": "amount_not_positive", **typed_part}
    n = parse_decimal(t)
    if n is None or not math.isfinite(n):
        return {"error": "amount_not_number", **typed_part}
    if n <= 0:
        return {"error": "amount_not_positive", **typed_part}
    if unit not in MM_PER_INPUT:
        return {"error": "query"}
    mm, p = to_mm(n, unit), model.get("plausible_mm")
    if p and not p["low"] <= mm <= p["high"]:
        suggest = suggest_unit(n, unit, p["low"], p["high"])
        if suggest:
            return {"error": "amount_question", "suggest": suggest, "number": n, **typed_part}
        if mm > model["max_mm"]:
            return {"error": "amount_too_large", **typed_part}
        return {"error": "amount_implausible_low" if mm < p["low"] else "amount_implausible_high", **typed_part}
    if mm > model["max_mm"]:
        return {"error": "amount_too_large", **typed_part}
    return {"value": mm, **typed_part}


def _scenario(model: Mapping[str, Any], amount: float, bone: str, method: str, s: str) -> dict[str, int]:
    latency = model["latency_days"][s]
    distraction = math.ceil(amount / model["rate_mm_per_day"][s])
    healing = math.floor(model["healing_index"][method][bone][s] * amount / 10 + 0.5)
    target = latency + distraction
    solid = max(healing, target + DAYS_PER_WEEK * model["consolidation_weeks"][s])
    sport = solid + months_to_days(model["return_months"][s])
    removal = max(months_to_days(model["nail_removal_months"][s]), solid) if method == "nail" else solid
    return {"latency": int(latency), "target": int(target), "solid": int(solid), "sport": int(sport),
            "removal": int(removal)}


def compute(model: Mapping[str, Any], amount_mm: Any, bone: Any, method: Any,
            surgery_date: Any = None) -> Timeline:
    """The timeline for one set of inputs (see the module docstring for the arithmetic)."""
    amount = validate(model, amount_mm, bone, method)
    date = parse_date(surgery_date)
    runs = {s: _scenario(model, amount, bone, method, s) for s in SCENARIOS}

    def span(name: str) -> Span:
        return Span(runs["min"][name], runs["typical"][name], runs["max"][name])

    zero = Span(0, 0, 0)
    latency, target, solid, sport, removal = (span(n) for n in ("latency", "target", "solid", "sport", "removal"))
    phases = {
        "latency": (zero, latency),
        "distraction": (latency, target),
        "consolidation": (target, solid),
        "protected_walking": (zero, solid),
        "return_to_activity": (solid, sport),
    }
    milestones = {
        "surgery": zero,
        "lengthening_start": latency,
        "target_reached": target,
        "full_weight_bearing": solid,
        "removal": removal,
        "return_to_sport": sport,
    }
    totals = {"bone_solid": solid, "return_to_sport": sport, "removal": removal}
    warnings = ("beyond_evidence",) if amount > model["evidence_max_mm"] else ()
    keys = model["keys"]
    used = [keys["latency"], keys["rate"], keys["healing_index"].format(method=method, bone=bone),
            keys["consolidation"], keys["return"]]
    if method == "nail":
        used.append(keys["nail_removal"])
    return Timeline(amount, bone, method, phases, milestones, totals, warnings, date, tuple(used))


def compute_from(params: Parameters, amount_mm: Any, bone: Any, method: Any, surgery_date: Any = None) -> Timeline:
    """:func:`compute` with the model data taken from validated parameters."""
    return compute(model_data(params), amount_mm, bone, method, surgery_date)


def months(days: int) -> int:
    """Days as whole months for prose (nearest month, halves up)."""
    return math.floor(days / DAYS_PER_MONTH + 0.5)


def duration_range(params: Parameters, milestone: str = "return_to_sport") -> tuple[int, int]:
    """The widest spread (in whole months) to ``milestone`` for the same stated case as
    :func:`typical_duration`: the fastest scenario of any bone and method to the slowest.
    The journey page gives it beside the typical spread, so a worked example's own range
    (one bone and method) always lies inside what the page said before it."""
    model = model_data(params)
    usual = params["lengthening.usual_amount"]
    spans = [compute(model, a, b, m).milestones[milestone]
             for a in {usual.low, usual.high} for b in BONES for m in METHODS]
    return months(min(s.min for s in spans)), months(max(s.max for s in spans))


def typical_duration(params: Parameters, milestone: str = "return_to_sport",
                     method: str | None = None) -> tuple[int, int]:
    """The spread of typical times (in whole months) to ``milestone`` for the stated
    case: the usual amount of lengthening (``lengthening.usual_amount``, low to high) of
    one bone, over every bone and method. The source of the journey page's "the typical
    estimate is about X to Y months" (the page states the case; a test checks the page,
    its worked example and the typical-timelines table agree). With ``method`` ("nail" or
    "frame"), only that method (the decision aid's "how long a frame stays on")."""
    if method is not None and method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    model = model_data(params)
    usual = params["lengthening.usual_amount"]
    values = [compute(model, a, b, m).milestones[milestone].typical
              for a in {usual.low, usual.high} for b in BONES for m in (METHODS if method is None else (method,))]
    return months(min(values)), months(max(values))
