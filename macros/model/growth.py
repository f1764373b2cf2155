"""Predict a child's leg length difference at the end of growth (pure model).

Method
------
*Prediction* uses the Paley multiplier method (Paley et al., J Bone Joint Surg Am 2000)
for a difference present from birth (congenital), which grows in proportion to the leg::

    predicted = present difference × multiplier(age, sex)

The multiplier table lives in ``data/parameters.yml`` (``growth.multiplier``). Ages
between two rows are interpolated on a straight line (our choice, stated on the page).
Ages under the table's first row are not offered (the source's 3-month girls' value
is suspect).

*Range*: the uncertainty depends on the growth still to come, so it narrows as the end
of growth nears. Two sourced parts (``growth.estimator.*``):

* children mature earlier or later than the table: a modern cohort reached the end of
  leg growth up to about a year away from Paley's table. The range takes the table
  ``timing_shift`` months later and earlier (rows beyond the table's ends are the first
  or last row)::

      low multiplier  = multiplier(age + shift)     (growth ends sooner)
      high multiplier = multiplier(age − shift)     (growth ends later)

* today's difference is measured with some error (``measurement_error``), and that
  error grows with the leg, so it is multiplied too::

      error = measurement error × multiplier(age)
      min = max(0, present × low multiplier − error)
      max = present × high multiplier + error

  At the end of growth every multiplier is 1, so the range is the measurement error
  alone.

*Option band*: the central prediction is compared with the low ends of
``thresholds.small_difference`` and ``thresholds.large_difference``, the same size
bands the treatment-options pages use (expert opinion; cut-offs vary between authors). The
band of each end of the range is reported too, so a page can say when the range
crosses into another band.

*Timing of growth modulation* (only in the modulation band) uses the sourced
White–Menelaus arithmetic, not the multiplier-based timing formulas (those are derived
and not verified against Paley's text). The growth plates at the knee of the longer
leg grow ``growth.physis_rate.distal_femur`` (thigh bone) and
``growth.physis_rate.proximal_tibia`` (shin bone) a year until
``growth.end_age.<sex>``. Stopping them when their remaining growth equals the predicted
difference evens the legs out::

    years before the end = predicted / rate of the plates stopped
    latest  = end age − predicted / (femur rate + tibia rate)   (both plates)
    earliest = end age − predicted / femur rate                  (thigh plate only)

This is an approximate window for parents, not a plan: surgeons use bone age, repeated
measurements and their own charts.

*Developmental (acquired) differences* are not covered: they need two or more
accurate measurements of both legs' lengths over time to estimate how much the short
leg's growth is held back, and the formulas we have for that are derived copies not
checked against the original paper. The page explains this.

The browser's copy ``docs/assets/javascripts/growth-model.js`` repeats this arithmetic step
by step (same operations in the same order, same rounding); ``scripts/golden.py`` writes this
module's answers to ``tests/golden/growth.json`` and ``node --test tests/js/`` checks the
browser's copy gives the same.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Mapping

from macros.errors import GuideDataError
from macros.model.units import INPUT_UNITS, JS_SPACE, js_string, MM_PER, MM_PER_INCH, half_up, parse_decimal, round1, split_unit, to_mm, trim  # noqa: F401 (half_up, round1: used by growth_html)
from macros.data.parameters import Parameters

SEXES = ("boy", "girl")
UNITS = INPUT_UNITS  # mm, cm, in
_COLUMN = {"boy": "boys", "girl": "girls"}
_END_AGE = {"boy": "growth.end_age.boys", "girl": "growth.end_age.girls"}
BANDS = ("lift", "modulation", "lengthening")


# --- rounding shared with the browser: macros.model.units (halves up, as JavaScript's Math.round) ---

def num(x: float) -> str:
    """A number as JavaScript's ``String(x)`` prints it: ``29.4``, ``30`` (no ``.0``)."""
    return js_string(x)


# --- the model ---

@dataclass(frozen=True)
class GrowthModel:
    """The growth parameters the estimator needs, checked."""

    ages: tuple[int, ...]  # months, increasing
    multipliers: Mapping[str, tuple[float, ...]]  # "boy"/"girl" -> one per age
    measurement_error_mm: float
    timing_shift_months: int
    lift_max_mm: float
    modulation_max_mm: float
    femur_mm_per_year: float
    tibia_mm_per_year: float
    end_age_years: Mapping[str, float]
    max_current_mm: float
    # How close prediction methods usually come (growth.uncertainty, cm): words only, the
    # range itself comes from measurement_error_mm and timing_shift_months.
    uncertainty_cm: float = 0

    @property
    def min_age(self) -> int:
        return self.ages[0]

    @property
    def max_age(self) -> int:
        return self.ages[-1]

    def as_dict(self) -> dict:
        """JSON-ready data for the browser script."""
        return {
            "ages": list(self.ages),
            "multipliers": {s: list(self.multipliers[s]) for s in SEXES},
            "measurement_error_mm": self.measurement_error_mm,
            "timing_shift_months": self.timing_shift_months,
            "lift_max_mm": self.lift_max_mm,
            "modulation_max_mm": self.modulation_max_mm,
            "femur_mm_per_year": self.femur_mm_per_year,
            "tibia_mm_per_year": self.tibia_mm_per_year,
            "end_age_years": dict(self.end_age_years),
            "max_current_mm": self.max_current_mm,
        }


def model_from_params(params: Parameters) -> GrowthModel:
    """Build the model from ``growth.*``; raises :class:`GuideDataError` naming the key."""
    key = "growth.multiplier"
    table = params[key]
    if table.columns != ("age_months", "boys", "girls"):
        raise GuideDataError("parameters.yml", f"{key}.columns", "must be [age_months, boys, girls]")
    ages = tuple(row[0] for row in table.rows)
    for i, age in enumerate(ages):
        if not float(age).is_integer() or (i and age <= ages[i - 1]):
            raise GuideDataError("parameters.yml", f"{key}.rows[{i}]", "ages must be whole months, increasing")
    cols = {}
    for sex in SEXES:
        j = table.columns.index(_COLUMN[sex])
        values = tuple(float(row[j]) for row in table.rows)
        for i, m in enumerate(values):
            if not 1 <= m <= 6 or (i and m > values[i - 1]):
                raise GuideDataError("parameters.yml", f"{key}.rows[{i}]",
                                     f"{_COLUMN[sex]} multiplier must be 1 to 6 and never rise with age")
        cols[sex] = values
    if cols["boy"][-1] != 1 or cols["girl"][-1] != 1:
        raise GuideDataError("parameters.yml", key, "the last row must be the end of growth (multiplier 1)")
    model = GrowthModel(
        ages=tuple(int(a) for a in ages),
        multipliers=cols,
        measurement_error_mm=_in_mm(params["growth.estimator.measurement_error"], "typical"),
        timing_shift_months=_whole_months(params["growth.estimator.timing_shift"]),
        lift_max_mm=_in_mm(params["thresholds.small_difference"], "low"),
        modulation_max_mm=_in_mm(params["thresholds.large_difference"], "low"),
        femur_mm_per_year=params["growth.physis_rate.distal_femur"].value,
        tibia_mm_per_year=params["growth.physis_rate.proximal_tibia"].value,
        end_age_years={s: params[_END_AGE[s]].value for s in SEXES},
        max_current_mm=params["growth.estimator.max_current"].value,
        uncertainty_cm=_in_cm(params["growth.uncertainty"]),
    )
    if not 0 < model.lift_max_mm < model.modulation_max_mm:
        raise GuideDataError("parameters.yml", "thresholds", "needs small_difference below large_difference")
    return model


def _in_cm(p) -> float:
    if p.unit != "cm":
        raise GuideDataError("parameters.yml", f"{p.key}.unit", f"must be cm, got {p.unit}")
    return p.value


def _whole_months(p) -> int:
    """A time parameter as whole months (the table is read at whole months)."""
    months = p.value * {"month": 1, "year": 12}.get(p.unit, math.nan)
    if not float(months).is_integer():
        raise GuideDataError("parameters.yml", p.key, f"must be whole months (in month or year), got {p.value} {p.unit}")
    return int(months)


def _in_mm(p, which: str) -> float:
    """A length parameter's ``which`` value in millimetres (it may be kept in mm or cm)."""
    if p.unit not in MM_PER:
        raise GuideDataError("parameters.yml", p.key, f"must be a length in mm or cm, not {p.unit}")
    return getattr(p, which) * MM_PER[p.unit]


class OutsideTable(ValueError):
    """The age is not one the estimator offers."""


def multiplier(model: GrowthModel, sex: str, age_months: int) -> float:
    """The multiplier for ``sex`` at ``age_months``, interpolated between table rows."""
    if sex not in SEXES:
        raise ValueError(f"sex must be one of {SEXES}")
    ages, ms = model.ages, model.multipliers[sex]
    if not ages[0] <= age_months <= ages[-1]:
        raise OutsideTable(f"age {age_months} months is outside {ages[0]} to {ages[-1]}")
    for i in range(len(ages) - 1):
        a0, a1 = ages[i], ages[i + 1]
        if age_months == a0:
            return ms[i]
        if a0 < age_months < a1:
            return ms[i] + (ms[i + 1] - ms[i]) * (age_months - a0) / (a1 - a0)
    return ms[-1]


def multiplier_clamped(model: GrowthModel, sex: str, age_months: int) -> float:
    """:func:`multiplier`, with ages beyond the table read at its first or last row."""
    return multiplier(model, sex, min(max(age_months, model.ages[0]), model.ages[-1]))


def band(model: GrowthModel, mm: float) -> str:
    """Which option band a predicted end-of-growth difference falls into."""
    if mm <= model.lift_max_mm:
        return "lift"
    if mm <= model.modulation_max_mm:
        return "modulation"
    return "lengthening"


@dataclass(frozen=True)
class Timing:
    """When slowing the longer leg's growth would usually be considered (approximate)."""

    earliest_months: int  # stopping the thigh-bone plate only
    latest_months: int  # stopping both knee plates
    status: str  # "ahead", "now", "passed" or "over" (growth is ending)


@dataclass(frozen=True)
class Prediction:
    sex: str
    age_months: int
    current_mm: float
    multiplier: float
    predicted_mm: float
    min_mm: float
    max_mm: float
    band: str
    band_min: str
    band_max: str
    timing: Timing | None


def timing(model: GrowthModel, sex: str, age_months: int, predicted_mm: float) -> Timing:
    """The White–Menelaus window (see the module docstring)."""
    end = model.end_age_years[sex] * 12
    earliest = half_up(end - predicted_mm / model.femur_mm_per_year * 12)
    latest = half_up(end - predicted_mm / (model.femur_mm_per_year + model.tibia_mm_per_year) * 12)
    if age_months >= end:
        status = "over"
    elif age_months > latest:
        status = "passed"
    elif age_months >= earliest:
        status = "now"
    else:
        status = "ahead"
    return Timing(earliest, latest, status)


def predict(model: GrowthModel, sex: str, age_months: int, current_mm: float) -> Prediction:
    """The predicted difference at the end of growth for a congenital difference."""
    if not (current_mm > 0 and math.isfinite(current_mm)):
        raise ValueError("the present difference must be a positive number")
    m = multiplier(model, sex, age_months)
    predicted = current_mm * m
    error = model.measurement_error_mm * m
    low = max(0.0, current_mm * multiplier_clamped(model, sex, age_months + model.timing_shift_months) - error)
    high = current_mm * multiplier_clamped(model, sex, age_months - model.timing_shift_months) + error
    b = band(model, predicted)
    t = timing(model, sex, age_months, predicted) if b == "modulation" else None
    return Prediction(sex, age_months, current_mm, m, predicted, low, high, b, band(model, low), band(model, high), t)


# --- reading the form / URL (the browser script applies the same rules) ---

@dataclass(frozen=True)
class Inputs:
    sex: str
    years: int
    months: int
    diff: float  # in ``unit``
    unit: str

    @property
    def age_months(self) -> int:
        return self.years * 12 + self.months

    @property
    def current_mm(self) -> float:
        return to_mm(self.diff, self.unit)


FIELDS = ("sex", "years", "months", "diff", "unit")
_WHOLE = re.compile(r"^\d{1,3}$", re.ASCII)
_NEGATIVE = re.compile(r"^-[" + JS_SPACE + r"]*\d+(\.\d+)?$", re.ASCII)  # JavaScript's \s is JS_SPACE


def parse_inputs(model: GrowthModel, query: Mapping[str, str],
                 words: Mapping[str, Any] | None = None) -> tuple[Inputs | None, list[str]]:
    """Check the form or URL values. Returns the inputs or the list of error codes.

    A difference typed with its unit ("4 cm", "1,5 in": :func:`split_unit` with ``words``,
    the strings' ``js.units_typed``) is read in that unit, whatever ``unit`` says.

    No field present at all gives ``(None, [])``: nothing to show yet. Error codes (in
    this order): ``sex``, ``years``, ``months``, ``diff``, ``diff_negative``,
    ``diff_zero``, ``diff_too_big``, ``unit``, ``age_range``.
    """
    present = [f for f in FIELDS if f in query]
    if not present:
        return None, []
    get = {f: trim(str(query.get(f, ""))) for f in FIELDS}
    number, typed = split_unit(get["diff"], words)
    if typed:
        get["diff"], get["unit"] = number, typed
    errors: list[str] = []
    sex = get["sex"]
    if sex not in SEXES:
        errors.append("sex")
    years = int(get["years"]) if _WHOLE.match(get["years"]) else None
    if years is None:
        errors.append("years")
    months = 0 if get["months"] == "" else (int(get["months"]) if _WHOLE.match(get["months"]) else None)
    if months is None or months > 11:
        errors.append("months")
        months = None
    raw = get["diff"]
    diff = parse_decimal(raw)  # a point or a comma for decimals, as in the planner
    if diff is not None:
        pass
    elif _NEGATIVE.match(raw.replace(",", ".")):
        errors.append("diff_negative")
    else:
        errors.append("diff")
    unit = get["unit"] or "mm"
    if unit not in UNITS:
        errors.append("unit")
    if diff is not None:
        mm = to_mm(diff, unit) if unit in UNITS else diff
        if diff == 0:
            errors.append("diff_zero")
            diff = None
        elif not mm <= model.max_current_mm:
            errors.append("diff_too_big")
            diff = None
    if years is not None and months is not None:
        age = years * 12 + months
        if not model.min_age <= age <= model.max_age:
            errors.append("age_range")
    order = ("sex", "years", "months", "diff", "diff_negative", "diff_zero", "diff_too_big", "unit", "age_range")
    errors.sort(key=order.index)
    if errors:
        return None, errors
    return Inputs(sex, years, months, diff, unit), []
