"""Write the treatment companion's golden cases: plans run through the Python model
(``macros/model/companion.py``), which ``node --test tests/js/`` checks the browser's copy
(``docs/assets/javascripts/companion-model.js``) against.

    .venv/bin/python scripts/golden_companion.py          # writes tests/golden/companion.json
    .venv/bin/python scripts/golden_companion.py --check  # fails when the file is stale

``tests/test_companion_model.py`` runs the check too.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.model import companion as c  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "companion.json"
# Limits of the cases (fixed, so the cases do not move when a parameter changes).
LIMITS = c.Limits(rate_max=1, rate_min=0.1, steps=(3, 4), max_mm=500)
ROW_KEYS = ("day", "date", "segment", "rate", "steps", "step_mm", "times", "total", "pause")


def compact(s: dict) -> dict:
    """Rows as lists in ROW_KEYS order (the JavaScript test compacts its output the same way)."""
    return {**s, "rows": [[" ".join(r[k]) if k == "times" else r[k] for k in ROW_KEYS] for r in s["rows"]]}


def golden_cases() -> list[dict]:
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
        target = rnd.choice([1, 2.5, 5, 7.3, 10, 12.7, 15, 20, 25.4])
        times = rnd.choice([{}, {"first_time": "07:30", "last_time": "22:15"}, {"first_time": "09:00", "last_time": "09:00"}])
        cases.append({"plan": {"target_mm": target, "segments": segs, **times}})
    for case in cases:
        case["expected"] = compact(c.schedule(case["plan"], LIMITS))
    return cases


def golden_text() -> str:
    return json.dumps({"limits": LIMITS.as_dict(), "row_keys": ROW_KEYS, "cases": golden_cases()},
                      separators=(",", ":")) + "\n"


def main(argv: list[str]) -> int:
    text = golden_text()
    if "--check" in argv:
        if not GOLDEN.exists() or GOLDEN.read_text(encoding="utf-8") != text:
            print(f"{GOLDEN.relative_to(ROOT)} is stale: run .venv/bin/python scripts/golden_companion.py")
            return 1
        print(f"{GOLDEN.relative_to(ROOT)}: up to date")
        return 0
    GOLDEN.write_text(text, encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
