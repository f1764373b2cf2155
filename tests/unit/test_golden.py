"""The browser's model scripts give Python's answers.

``scripts/golden.py`` runs the Python model over thousands of inputs and writes
``tests/golden/{units,planner,growth}.json``; ``node --test tests/js/`` checks
``units-model.js``, ``planner-model.js`` and ``growth-model.js`` against them. Here: the
committed golden files are exactly what Python gives now (so they cannot drift from the
model, the data or the strings), and the node tests pass.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import golden  # noqa: E402

NODE = "node"


@pytest.fixture(scope="module")
def written() -> dict[str, str]:
    return golden.build()


@pytest.mark.parametrize("name", ["units.json", "planner.json", "growth.json", "decision.json"])
def test_committed_golden_files_are_what_python_gives_now(written, name):
    path = ROOT / "tests" / "golden" / name
    assert path.exists(), f"tests/golden/{name} is missing: run python scripts/golden.py"
    assert path.read_text(encoding="utf-8") == written[name], \
        f"tests/golden/{name} differs from what Python gives now: run python scripts/golden.py and commit it"


def test_golden_cases_cover_thousands_of_inputs(written):
    planner, growth, units = (json.loads(written[n]) for n in ("planner.json", "growth.json", "units.json"))
    assert len(planner["timelines"]) >= 1000 and len(planner["parseAmount"]) >= 4000
    assert {c[2].get("error", "value") for c in planner["parseAmount"]} >= {
        "value", "amount_missing", "amount_not_number", "amount_unit", "amount_not_positive", "query",
        "amount_question", "amount_too_large", "amount_implausible_low", "amount_implausible_high"}
    assert len(growth["predictions"]) >= 800 and len(growth["parseInputs"]) >= 1000
    assert {code for _, r in growth["parseInputs"] for code in r["errors"]} == set(growth["strings"]["errors"])
    assert len(units["parseDecimal"]) >= 1000
    # the same data the pages embed for the browser
    from macros.data.guide import load_guide
    from macros.model.growth import model_from_params
    from macros.render.timeline import browser_model
    guide = load_guide(ROOT / "data")
    assert planner["model"] == json.loads(json.dumps(browser_model(guide)))
    assert growth["model"] == json.loads(json.dumps(model_from_params(guide.params).as_dict()))


def test_node_checks_the_browser_models_against_the_golden_cases():
    proc = subprocess.run([NODE, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    out = proc.stdout + proc.stderr
    passed = re.search(r"^# pass (\d+)$", out, re.M)
    failed = re.search(r"^# fail (\d+)$", out, re.M)
    assert proc.returncode == 0 and failed and failed.group(1) == "0", out[-4000:]
    assert passed and int(passed.group(1)) >= 10, out[-4000:]
