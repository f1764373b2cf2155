"""A clinic edition in Swedish, built with the documented command (bash scripts/clinic
clinic-example-sv): clinic.yml's `language: sv` gives the Swedish pages at the root of the
clinic's site, with the clinic's own phone numbers, the emergency number and the advice line
of the clinic file, the clinic's protocol in Swedish words, and no number typed in a page.
Expected values come from the clinic file and the Python model, never from the built output."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT
from macros.data.clinic import load_clinic
from macros.data.guide import load_guide
from macros.data.permalinks import page_url
from macros.data.strings import load_strings
from macros.data.yamlfile import read_config
from macros.model import wording

EXAMPLE = ROOT / "clinic-example-sv"
DOCS = ROOT / "docs"
CLINIC = load_clinic(EXAMPLE / "clinic.yml")
EDITION = load_guide(ROOT / "data", CLINIC)
SV = dataclasses.replace(EDITION, strings=load_strings(ROOT / "data/strings.sv.yml", EDITION.params.units))
SWEDISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.sv.md"))
PARAM_CALL = re.compile(r"""\{\{\s*param\(\s*["']([\w.]+)["']\s*(?:,\s*["'](\w+)["']\s*)?\)\s*\}\}""")


def run_clinic(folder, out) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("BUILD_ONLY_LANGUAGE", None)
    return subprocess.run(["bash", str(ROOT / "scripts/clinic"), str(folder), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("clinic-sv-site")
    proc = run_clinic(EXAMPLE, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return out


def text_of(path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.get_text(" ").split())


def built(site, src: str):
    return site / page_url(src.replace(".sv.md", ".md")).strip("/") / "index.html"


def test_the_example_is_marked_as_made_up():
    raw = (EXAMPLE / "clinic.yml").read_text(encoding="utf-8")
    assert "made up" in raw and "(exempel)" in CLINIC.name
    assert CLINIC.site_url.endswith(".invalid/") and CLINIC.contact_email.endswith(".invalid")
    # the range Sweden's telecoms regulator keeps for fiction: 070-174 06 05 to 070-174 06 99
    for _, number in CLINIC.phones:
        digits = re.sub(r"\D", "", number)
        assert re.fullmatch(r"07017406(0[5-9]|[1-9]\d)", digits), number
    assert CLINIC.language == "sv"


def test_the_plugins_are_the_guides():
    """INHERIT replaces the plugin and hook lists: the example repeats ../mkdocs.yml's exactly."""
    ours, guide = read_config(EXAMPLE / "mkdocs.yml")["plugins"], read_config(ROOT / "mkdocs.yml")["plugins"]
    ours_text = yaml.safe_dump(ours).replace("module_name: ../macros", "module_name: macros")
    assert ours_text == yaml.safe_dump(guide)
    hooks = read_config(EXAMPLE / "mkdocs.yml")["hooks"]
    assert hooks == ["../" + h for h in read_config(ROOT / "mkdocs.yml")["hooks"]]


def test_swedish_pages_at_the_root(edition):
    home = (edition / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="sv"', home)
    assert not (edition / "sv").exists()
    urgent = text_of(edition / "help/urgent/index.html")
    front = yaml.safe_load((DOCS / "help/urgent.sv.md").read_text(encoding="utf-8").split("---")[1])
    assert front["title"] in urgent


def test_urgent_page_has_the_clinics_numbers_and_112_and_1177(edition):
    text = text_of(edition / "help/urgent/index.html")
    sweden = CLINIC.emergency[0]
    assert sweden.emergency in text and sweden.advice.number in text and sweden.advice.name in text
    for label, number in CLINIC.phones:
        assert label in text and number in text, label
    assert " ".join(CLINIC.urgent.format(emergency=sweden.emergency).split()) in text


def test_every_swedish_page_shows_the_clinics_numbers(edition):
    assert len(SWEDISH_PAGES) >= 10
    for src in SWEDISH_PAGES:
        text = text_of(built(edition, src))
        for _, number in CLINIC.phones:
            assert number in text, (src, number)


def test_no_number_is_typed_in_a_swedish_page():
    numbers = [n for _, n in CLINIC.phones] + [CLINIC.emergency[0].emergency, CLINIC.emergency[0].advice.number]
    for src in SWEDISH_PAGES:
        markdown = re.sub(r"<[^>]*>", " ", (DOCS / src).read_text(encoding="utf-8"))  # prose, not a drawing's points
        for number in numbers:
            assert not re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", markdown), (src, number)


def test_the_protocol_reaches_the_swedish_prose(edition):
    checked = 0
    for src in SWEDISH_PAGES:
        for key, which in PARAM_CALL.findall((DOCS / src).read_text(encoding="utf-8")):
            if key not in EDITION.overridden:
                continue
            expected = wording.param(SV.strings, SV.params[key], which or "range")
            assert expected in text_of(built(edition, src)), (src, key, expected)
            checked += 1
    assert checked >= 1


def test_a_swedish_edition_built_without_its_language_fails_in_one_line(tmp_path):
    """mkdocs build on the example without scripts/clinic (English at the root) is refused,
    naming the clinic file and the key."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LANGUAGE", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(EXAMPLE / "mkdocs.yml"),
                           "-d", str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode != 0
    assert "clinic.yml" in proc.stderr and "clinic.language" in proc.stderr, proc.stderr[-2000:]
