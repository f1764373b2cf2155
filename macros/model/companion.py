"""The treatment companion's model: a lengthening plan in, a day-by-day schedule out.

A plan is a target length and one or more *segments*. Each segment starts on a date and
holds until the next one starts: the team's rate (mm a day) and the number of steps a
day. A pause is a segment with rate 0 and no steps. The first segment starts on the day
lengthening starts (day 1). The schedule runs until the step that reaches the target.

Nothing here fills in a plan: the rate, the steps a day, the start day and the target
come from the team's sheet, typed by the family (a link may carry the target).

Pure module: no MkDocs import, no files. The browser's copy is
``docs/assets/javascripts/companion-model.js``; ``scripts/golden.py`` writes
cases from this module to ``tests/golden/companion.json``, which
``tests/js/companion.test.mjs`` checks the JavaScript against.

Arithmetic (identical in Python and JavaScript: IEEE doubles, same order of operations):

* the amount per step is ``rate / steps``;
* the length done after the ``n``-th step of a segment is ``base + n * rate / steps``,
  where ``base`` is the length done when the segment started (no running sum, so no
  rounding drift over weeks);
* lengths are compared and shown in hundredths of a millimetre, ``half_up(x * 100)``
  (``macros.model.units.half_up``, JavaScript's ``Math.round``); the target is reached by the
  first step whose length, so rounded, is at least the target's;
* the amount per step is shown in ten-thousandths of a millimetre (``step_mm``,
  ``half_up(x * 10000)``: 0.75 mm as 4 steps is 0.1875 mm, shown exactly);
* the last day has only the steps needed to reach the target, and its total is the target
  (a total never goes past the target);
* step times spread the day's steps evenly from the first to the last time
  (``half_up`` minutes); one step a day is at the first time. Without times (neither is
  given: the family or the team chooses them), the rows have no times;
* a plan whose last change is a pause ends at the pause (``paused_from``): the team says
  when to restart, so no restart is made up.

Dates are ISO strings (YYYY-MM-DD); day 1 is the start date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from macros.model.units import half_up

MAX_DAYS = 1000  # the longest schedule shown (the parameters' unit bound for days)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class CompanionInputError(ValueError):
    """An input the companion cannot use: ``field`` names it, ``code`` says why."""

    def __init__(self, field_name: str, code: str, value: Any = None) -> None:
        self.field = field_name
        self.code = code
        self.value = value
        super().__init__(f"companion input {field_name!r}: {code} ({value!r})")


@dataclass(frozen=True)
class Limits:
    """What the companion accepts, from ``data/parameters.yml``."""

    rate_max: float  # lengthening.distraction_rate.high: never faster
    rate_min: float  # the mm/day unit's lower bound
    steps: tuple[int, ...]  # lengthening.steps_per_day low..high
    max_mm: float  # the mm unit's upper bound

    def as_dict(self) -> dict[str, Any]:
        return {"rate_max": self.rate_max, "rate_min": self.rate_min, "steps": list(self.steps), "max_mm": self.max_mm}


def limits_from_params(params) -> Limits:
    g = params.group("lengthening")
    steps = g["steps_per_day"]
    return Limits(rate_max=g["distraction_rate"].high, rate_min=params.units["mm/day"].min,
                  steps=tuple(range(int(steps.low), int(steps.high) + 1)), max_mm=params.units["mm"].max)


def parse_date(value: str, field_name: str = "date") -> dt.date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise CompanionInputError(field_name, "bad_date", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CompanionInputError(field_name, "bad_date", value) from None


def _minutes(value: str, field_name: str) -> int:
    m = _TIME.match(value or "")
    if not m:
        raise CompanionInputError(field_name, "bad_time", value)
    return int(m.group(1)) * 60 + int(m.group(2))


def step_times(steps: int, first: str | None, last: str | None) -> list[str]:
    """The day's step times, spread evenly from ``first`` to ``last``; none without times."""
    if not first and not last:
        return []
    a, b = _minutes(first, "first_time"), _minutes(last, "last_time")
    if b < a:
        raise CompanionInputError("last_time", "before_first", last)
    out = []
    for i in range(steps):
        m = a if steps == 1 else a + half_up(i * (b - a) / (steps - 1))
        out.append(f"{m // 60:02d}:{m % 60:02d}")
    return out


def hundredths(x: float) -> int:
    """A length in whole hundredths of a millimetre (the shared rounding rule)."""
    return half_up(x * 100)


def ten_thousandths(x: float) -> int:
    """A step's amount in whole ten-thousandths of a millimetre (0.1875 mm -> 1875)."""
    return half_up(x * 10000)


def validate(plan: Mapping[str, Any], limits: Limits) -> dict[str, Any]:
    """Check a plan; return it with parsed dates, or raise :class:`CompanionInputError`.

    ``plan``: ``target_mm`` (number), ``segments`` (list of ``start`` date, ``rate``,
    ``steps``; rate 0 with steps 0 is a pause), optional ``first_time``/``last_time``.
    """
    target = plan.get("target_mm")
    if isinstance(target, bool) or not isinstance(target, (int, float)):
        raise CompanionInputError("target_mm", "not_number", target)
    if not target > 0:
        raise CompanionInputError("target_mm", "not_positive", target)
    if target > limits.max_mm:
        raise CompanionInputError("target_mm", "too_large", target)
    segs = plan.get("segments")
    if not isinstance(segs, Sequence) or not segs:
        raise CompanionInputError("segments", "missing", segs)
    out = []
    for i, s in enumerate(segs):
        start = parse_date(s.get("start"), f"segments[{i}].start")
        rate, steps = s.get("rate"), s.get("steps")
        if isinstance(rate, bool) or not isinstance(rate, (int, float)):
            raise CompanionInputError(f"segments[{i}].rate", "not_number", rate)
        if isinstance(steps, bool) or not isinstance(steps, int):
            raise CompanionInputError(f"segments[{i}].steps", "not_number", steps)
        if rate == 0 and steps == 0:
            pass  # a pause
        elif rate > limits.rate_max:
            raise CompanionInputError(f"segments[{i}].rate", "too_fast", rate)
        elif rate < limits.rate_min:
            raise CompanionInputError(f"segments[{i}].rate", "too_slow", rate)
        elif steps not in limits.steps:
            raise CompanionInputError(f"segments[{i}].steps", "steps", steps)
        if i == 0 and rate == 0:
            raise CompanionInputError("segments[0].rate", "starts_paused", rate)
        if out and start <= out[-1]["start"]:
            raise CompanionInputError(f"segments[{i}].start", "not_after_previous", s.get("start"))
        out.append({"start": start, "rate": rate, "steps": steps})
    first, last = plan.get("first_time") or None, plan.get("last_time") or None
    step_times(1, first, last)  # checks both (or neither given)
    return {"target_mm": target, "segments": out, "first_time": first, "last_time": last}


def schedule(plan: Mapping[str, Any], limits: Limits) -> dict[str, Any]:
    """The day-by-day schedule: rows, the target day, and unused (late) segments.

    Each row: ``day`` (1-based), ``date``, ``segment`` (index), ``rate``, ``steps`` (steps
    that day), ``step_mm`` (ten-thousandths), ``times`` (empty without times), ``total``
    (hundredths at day's end, at most the target), ``pause``. ``target_date`` is the date
    of the last row, or None when the target is not reached. ``paused_from`` is the date
    of an open-ended pause (the last change is a pause): the schedule ends on that day.
    """
    p = validate(plan, limits)
    target = hundredths(p["target_mm"])
    segs = p["segments"]
    start = segs[0]["start"]
    rows: list[dict[str, Any]] = []
    base = 0.0  # mm done when the current segment started
    seg_i = 0
    n = 0  # steps done in the current segment
    done_h = 0
    reached = False
    paused_from = None
    for day in range(1, MAX_DAYS + 1):
        date = start + dt.timedelta(days=day - 1)
        while seg_i + 1 < len(segs) and segs[seg_i + 1]["start"] <= date:
            s = segs[seg_i]
            if s["steps"]:
                base = base + n * s["rate"] / s["steps"]
            seg_i += 1
            n = 0
        s = segs[seg_i]
        times = step_times(s["steps"], p["first_time"], p["last_time"]) if s["steps"] else []
        today = 0
        for _ in range(s["steps"]):
            n += 1
            today += 1
            done_h = hundredths(base + n * s["rate"] / s["steps"])
            if done_h >= target:
                done_h = target
                reached = True
                break
        rows.append({
            "day": day, "date": date.isoformat(), "segment": seg_i, "rate": s["rate"], "steps": today,
            "step_mm": ten_thousandths(s["rate"] / s["steps"]) if s["steps"] else 0,
            "times": times[:today], "total": done_h, "pause": s["steps"] == 0,
        })
        if reached:
            break
        if s["steps"] == 0 and seg_i == len(segs) - 1:
            paused_from = segs[seg_i]["start"].isoformat()
            break
    unused = [i for i in range(seg_i + 1, len(segs))]
    return {"rows": rows, "target": target, "reached": reached,
            "target_date": rows[-1]["date"] if reached else None, "unused_segments": unused,
            "paused_from": paused_from}


def step_text(t: int) -> str:
    """Ten-thousandths of a millimetre as text: 1875 -> "0.1875", 2500 -> "0.25", 3333 -> "0.3333"."""
    whole, frac = divmod(t, 10000)
    if frac == 0:
        return str(whole)
    return f"{whole}.{frac:04d}".rstrip("0")


def mm_text(h: int) -> str:
    """Hundredths of a millimetre as text: 2500 -> "25", 2550 -> "25.5", 33 -> "0.33"."""
    whole, frac = divmod(h, 100)
    if frac == 0:
        return str(whole)
    return f"{whole}.{frac:02d}".rstrip("0")


def _decimal_sign(text: str, fmt: Mapping[str, Any] | None) -> str:
    return text.replace(".", fmt["decimal"]) if fmt else text


def mm_text(h: int, fmt: Mapping[str, Any] | None = None) -> str:
    """A length in hundredths of a mm in words, as companion-model.js ``mmText``: "12.5",
    "12,5" with the page's format (``units.locale_format``)."""
    whole, frac = divmod(h, 100)
    return str(whole) if frac == 0 else _decimal_sign(f"{whole}.{frac:02d}".rstrip("0"), fmt)


def step_text(t: int, fmt: Mapping[str, Any] | None = None) -> str:
    """A step in ten-thousandths of a mm in words, as ``stepText``: "0.25", "0,25"."""
    whole, frac = divmod(t, 10000)
    return str(whole) if frac == 0 else _decimal_sign(f"{whole}.{frac:04d}".rstrip("0"), fmt)
