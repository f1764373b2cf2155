"""One rounding rule in Python and in the browser: halves round up (JavaScript's Math.round).

Python's built-in ``round`` rounds halves to even, so a chart line at 24 months (730.5 days)
would sit at day 730 in the page and day 731 after the browser redraws it. The models and the
HTML round with ``macros.model.units``; this test runs Node (system-deps.txt) on the same values.
"""
from __future__ import annotations

import json
import re
import subprocess

from macros.model import units
from support import ROOT

VALUES = [n / 4 for n in range(-8, 3000)] + [n * 365.25 / 12 for n in range(0, 61)] + [0.05, 0.15, 0.25, 2.675, 1.005]


def js(expr: str) -> list:
    script = f"const xs = {json.dumps(VALUES)}; console.log(JSON.stringify(xs.map(x => {expr})));"
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)


def test_half_up_equals_javascripts_math_round():
    assert [units.half_up(x) for x in VALUES] == js("Math.round(x)")
    assert units.half_up(24 * 365.25 / 12) == 731  # the chart's 24-month line, by hand: 730.5 -> 731


def test_round1_equals_javascripts_tenths():
    assert [units.round1(x) for x in VALUES] == js("Math.round(x * 10) / 10")
    assert units.round1(0.25) == 0.3 and units.round1(1.25) == 1.3  # round() would give 0.2 and 1.2


def test_models_and_markup_do_not_use_pythons_round():
    for path in [*(ROOT / "macros" / "model").glob("*.py"), *(ROOT / "macros" / "render").glob("*.py")]:
        text = path.read_text()
        assert not re.search(r"(?<![\w.])round\(", text), f"{path.relative_to(ROOT)} uses round(): use macros.model.units.half_up/round1"
