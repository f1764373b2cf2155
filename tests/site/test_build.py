"""The real `mkdocs build --strict`: it passes on the guide and fails, in one line that
names the key, on a deliberately broken parameters file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from support import ROOT, mkdocs_build


def test_build_is_clean(site):
    assert "WARNING" not in site.build_log, site.build_log
    html = site.page_html("")
    assert "{{" not in html and "{%" not in html


def test_every_page_has_review_date_and_disclaimer(site):
    for page in site.dir.rglob("index.html"):
        if page.parent.name in ("404",):
            continue
        html = page.read_text()
        if 'class="md-content"' not in html:
            continue  # redirect stubs
        assert 'class="app-page-foot"' in html, page
        assert "<time datetime=" in html, page


def test_no_third_party_assets(site):
    pattern = re.compile(r'(?:src|href)="(https?:)?//(?!127\.0\.0\.1)([^"/]+)')
    for page in site.dir.rglob("*.html"):
        html = page.read_text()
        for m in re.finditer(r'<(script|link|img|iframe|source)\b[^>]*>', html):
            tag = m.group(0)
            if m.group(1) == "link" and 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue
            hit = pattern.search(tag)
            assert not hit, f"{page}: {tag}"


def _broken_copy(tmp_path: Path, edit) -> Path:
    """A copy of the project whose data files are changed by ``edit(params, refs)``."""
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    params = yaml.safe_load((proj / "data/parameters.yml").read_text())
    refs = yaml.safe_load((proj / "data/references.yml").read_text())
    edit(params, refs)
    (proj / "data/parameters.yml").write_text(yaml.safe_dump(params, allow_unicode=True))
    (proj / "data/references.yml").write_text(yaml.safe_dump(refs, allow_unicode=True))
    return proj


def _latency(params):
    return params["parameters"]["lengthening"]["latency"]


BROKEN = {
    "wrong type": (lambda p, r: _latency(p).update(low="a week"), "lengthening.latency.low: must be a number"),
    "negative rate": (lambda p, r: p["parameters"]["lengthening"]["distraction_rate"].update(low=-1),
                      "lengthening.distraction_rate.low: -1 mm/day is outside the allowed"),
    "missing source": (lambda p, r: _latency(p).pop("sources"), "lengthening.latency.sources: is missing"),
    "unknown reference": (lambda p, r: _latency(p).update(sources=["made-up2020"]),
                          "lengthening.latency.sources: cites unknown reference 'made-up2020'"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_parameters_fail_the_build_naming_the_key(tmp_path, case):
    edit, expected = BROKEN[case]
    proj = _broken_copy(tmp_path, edit)
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if expected in line]
    assert len(lines) == 1, output
    assert f"parameters.yml: {expected}" in lines[0], lines[0]


def test_local_preview_says_when_the_downloads_are_made(tmp_path):
    """scripts/serve builds without the PDF and zip: the foot says so instead of linking to
    files that are not there; the published build links to them."""
    serve = (ROOT / "scripts/serve").read_text()
    assert "export LOCAL_PREVIEW=1" in serve
    mkdocs_build(tmp_path / "preview", extra_env={"LOCAL_PREVIEW": "1"})
    foot = re.search(r'<p class="app-page-foot__downloads">(.*?)</p>',
                     (tmp_path / "preview/about/index.html").read_text(), re.S).group(1)
    assert "scripts/pdf" in foot and "<a " not in foot
    mkdocs_build(tmp_path / "published", extra_env={"LOCAL_PREVIEW": ""})
    foot = re.search(r'<p class="app-page-foot__downloads">(.*?)</p>',
                     (tmp_path / "published/about/index.html").read_text(), re.S).group(1)
    assert "leg-length-guide.pdf" in foot and "scripts/pdf" not in foot
