"""A clinic edition, built with the documented command (bash scripts/clinic clinic-example):
the clinic's overrides reach the prose, the static tables, any embedded planner data, the
printed page (with its QR code) and a PDF; bad overrides fail naming the key. Expected
values come from the Python model, never from the built output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ROOT, free_port, guide, page_sources, serve, zbar
from macros.model import wording
from macros.render import qr
from macros.data.editorial import parse_editorial
from macros.render.editorial import reviewer_text
from macros.data.guide import load_guide
from macros.data.clinic import load_clinic
from macros.data.permalinks import load_permalinks, page_url
from macros.checks.readability import MAX_GRADE, page_grade

EXAMPLE = ROOT / "clinic-example"
DOCS = ROOT / "docs"
CLINIC = load_clinic(EXAMPLE / "clinic.yml")
BASE = guide()
EDITION = load_guide(ROOT / "data", CLINIC)
PAGES = page_sources()  # the English files: a translation has no permanent link of its own
SIGNOFF = parse_editorial(CLINIC.editorial, "clinic.yml", "editorial", CLINIC.name)
CONTRACT = load_permalinks(ROOT / "data/permalinks.yml", PAGES)
PARAM_CALL = re.compile(r"""\{\{\s*param\(\s*["']([\w.]+)["']\s*(?:,\s*["'](\w+)["']\s*)?\)\s*\}\}""")


def run_clinic(folder: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHON": sys.executable}
    return subprocess.run(["bash", str(ROOT / "scripts/clinic"), str(folder), "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("clinic-site")
    proc = run_clinic(EXAMPLE, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    port = free_port()
    httpd = serve(out, port)
    yield out, f"http://127.0.0.1:{port}/"
    httpd.shutdown()


def text_of(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


def test_sample_really_changes_values():
    assert EDITION.overridden, "the sample clinic overrides nothing"
    for key in EDITION.overridden:
        assert EDITION.params[key] != BASE.params[key], key
    assert any(wording.param(BASE.strings, BASE.params[k]) != wording.param(EDITION.strings, EDITION.params[k])
               for k in EDITION.overridden), "no override changes what a reader sees"


def test_overrides_reach_the_prose(edition):
    site, _ = edition
    checked = 0
    for src in PAGES:
        for key, which in PARAM_CALL.findall((DOCS / src).read_text(encoding="utf-8")):
            if key not in EDITION.overridden:
                continue
            expected = wording.param(EDITION.strings, EDITION.params[key], which or "range")
            text = text_of((site / page_url(src).strip("/") / "index.html").read_text(encoding="utf-8"))
            assert expected in text, f"{src}: {key} should read {expected!r}"
            checked += 1
    assert checked, "no page uses an overridden parameter in its prose"


def test_overrides_reach_the_evidence_table(edition):
    site, _ = edition
    soup = BeautifulSoup((site / "clinicians/evidence/index.html").read_text(), "html.parser")
    rows = {r.find("code").get_text(): r for r in soup.select(".app-evidence tr") if r.find("code")}
    assert set(rows) == set(EDITION.params), "the evidence table must list every parameter"
    from macros.render.clinicians import values_text
    heads = [th.get_text(strip=True) for th in soup.select(".app-evidence th")]
    note = heads.index(EDITION.strings["templates"]["clinic"]["evidence_heading"][-1])
    for key in EDITION.params:
        cells = [" ".join(td.get_text(" ").split()) for td in rows[key].find_all("td")]
        assert cells[1].startswith(values_text(EDITION.strings, EDITION.params[key])), key
        marked = CLINIC.name in cells[note]
        assert marked == (key in EDITION.overridden), key


def _json_blocks(html: str):
    """Widget data: JSON <script> blocks and JSON in data-app-* attributes."""
    for m in re.finditer(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S):
        yield json.loads(m.group(1))
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.find_all(True):
        for name, value in el.attrs.items():
            if name.startswith("data-app") and isinstance(value, str) and value[:1] in "{[":
                yield json.loads(value)


def _param_entries(node, found):
    """Every embedded entry keyed by a parameter's dotted key."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in EDITION.params and isinstance(v, dict):
                found.append((k, v))
            _param_entries(v, found)
    elif isinstance(node, list):
        for v in node:
            _param_entries(v, found)


def test_overrides_reach_embedded_widget_data(edition):
    """The interactive widgets (the planner) read embedded JSON: wherever it carries a
    parameter, it must carry the clinic's value. Runs over every page of the edition."""
    site, _ = edition
    entries = []
    for page in site.rglob("*.html"):
        for block in _json_blocks(page.read_text(encoding="utf-8")):
            _param_entries(block, entries)
    for key, entry in entries:
        p = EDITION.params[key]
        if "text" in entry:
            assert entry["text"] == wording.param(EDITION.strings, p, "range"), key
        for f in ("low", "typical", "high"):
            if f in entry:
                assert entry[f] == getattr(p, f), key
    if (DOCS / "lengthening/planner.md").exists():
        assert any(k in EDITION.overridden for k, _ in entries), "the planner does not embed the overridden values"


def test_every_page_shows_the_clinics_sign_off(edition):
    site, _ = edition
    assert SIGNOFF["reviewers"], "the example clinic file shows a sign-off"
    pages = sorted(p for p in site.rglob("index.html") if "app-page-foot__editorial" in p.read_text(encoding="utf-8"))
    assert len(pages) >= len(PAGES)
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        foot = " ".join(soup.select_one(".app-page-foot__editorial").get_text(" ").split())
        assert SIGNOFF["publisher"] in foot, page
        for r in SIGNOFF["reviewers"]:
            assert reviewer_text(r) in foot and f"{r['date'].day} {r['date']:%B %Y}" in foot, page
        assert "Not yet reviewed" not in foot, page


def test_printed_page_and_pdf_show_the_clinic(edition, browser, tmp_path):
    site, url = edition
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "clinicians/")
    page.emulate_media(media="print")
    box = page.locator(".app-clinic")
    assert box.is_visible()
    signoff = page.locator(".app-page-foot__editorial")
    assert signoff.is_visible() and SIGNOFF["reviewers"][0]["name"] in signoff.inner_text()
    box_text = box.inner_text()
    assert CLINIC.name in box_text and CLINIC.urgent.split()[0] in box_text
    assert all(number in box_text for _, number in CLINIC.phones)
    expected = qr.absolute(CLINIC.site_url, CONTRACT.for_page("clinicians/index.md"))
    printed = page.locator(".app-print-link")
    assert printed.locator(".app-print-link__url").inner_text().strip() == qr.display(expected)
    png = tmp_path / "qr.png"
    printed.locator("svg.app-qr").screenshot(path=str(png))
    assert zbar(png) == [expected]
    # The printed page as a PDF (Chromium's print engine), then any PDF the build made.
    pdfs = [tmp_path / "page.pdf"]
    page.pdf(path=str(pdfs[0]))
    context.close()
    pdfs += sorted(site.rglob("*.pdf"))
    rate = [k for k in EDITION.overridden if wording.param(EDITION.strings, EDITION.params[k])
            != wording.param(BASE.strings, BASE.params[k])]
    for pdf in pdfs:
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())
        assert CLINIC.name in text, pdf
        assert SIGNOFF["reviewers"][0]["name"] in text, pdf
        assert any(wording.param(EDITION.strings, EDITION.params[k], "typical") in text for k in rate), pdf


def test_urgent_page_shows_the_clinics_numbers(edition):
    """The clinic's phones fill the phone box and its own emergency list replaces the
    guide's common numbers; no other region's number is offered."""
    from macros.render.clinic import tel
    site, _ = edition
    soup = BeautifulSoup((site / "help/urgent/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    box = article.select_one("[data-app-contacts]")
    for label, number in CLINIC.phones:
        assert box.select_one(f'a[href="{tel(number)}"]').get_text(strip=True) == number, label
    assert "____" not in box.get_text(), "a clinic edition fills the blank lines"
    assert CLINIC.emergency, "the sample clinic sets its own numbers"
    expected = {tel(r.emergency) for r in CLINIC.emergency} | {tel(r.advice.number) for r in CLINIC.emergency if r.advice}
    expected |= {tel(n) for _, n in CLINIC.phones}
    shown = {a["href"] for a in article.select('a[href^="tel:"]')}
    assert shown == expected
    assert len(article.select("table tbody tr")) == len(CLINIC.emergency)
    assert "{emergency}" not in CLINIC.urgent and CLINIC.emergency[0].emergency in CLINIC.urgent


def test_default_edition_shows_no_clinic(site):
    html = site.page_html("about/")
    assert 'class="app-clinic"' not in html
    assert CLINIC.name not in html


def test_clinician_pages_meet_the_patient_reading_standard(site):
    for page in sorted((site.dir / "clinicians").rglob("index.html")):
        grade = page_grade(page.read_text(encoding="utf-8"))
        assert grade is not None and grade <= MAX_GRADE, (page, grade)


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("lengthening.distraction_rate: 0.75", "lengthening.distraction_speed: 0.75"),
     "clinic.yml: overrides.lengthening.distraction_speed: is not a parameter in data/parameters.yml"),
    (lambda t: t.replace("lengthening.distraction_rate: 0.75", "lengthening.distraction_rate: 75"),
     "clinic.yml: overrides.lengthening.distraction_rate.low: 75 mm/day is outside the allowed"),
])
def test_invalid_override_fails_naming_the_key(tmp_path, edit, expected):
    folder = tmp_path / "bad-clinic"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("site"))
    clinic = folder / "clinic.yml"
    clinic.write_text(edit(clinic.read_text()))
    mk = folder / "mkdocs.yml"  # the copy lives outside the project: point it back
    text = mk.read_text().replace("INHERIT: ../mkdocs.yml", f"INHERIT: {ROOT}/mkdocs.yml")
    text = text.replace("../", f"{ROOT}/")
    mk.write_text(text)
    proc = run_clinic(folder, tmp_path / "out")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output, output
    assert len([line for line in output.splitlines() if expected in line]) == 1, output
