"""A clinic edition's PDF (scripts/pdf --edition DIR): its cover shows the clinic's name
and contact details. Uses the repository's clinic-example/ when it exists, otherwise a
small edition made here; only the cover, contents and home page are rendered (fast)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_downloads  # noqa: E402

CLINIC = {
    "name": "Test Edition Orthopaedic Clinic",
    "phones": [{"label": "Clinic nurse", "number": "+44 20 7946 0999"}],
    "email": "nurse@test-edition.invalid",
}


def _edition(tmp_path):
    example = ROOT / "clinic-example"
    if (example / "mkdocs.yml").is_file() and (example / "clinic.yml").is_file():
        data = yaml.safe_load((example / "clinic.yml").read_text(encoding="utf-8"))
        return example, {**data["clinic"], "editorial": data.get("editorial") or {}}
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "mkdocs.yml").write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [str(ROOT / "overrides/hooks/reload_macros.py")],
        "watch": [str(ROOT / "data"), str(ROOT / "macros"), str(ROOT / "includes")],
        "extra": {"data_dir": str(ROOT / "data"), "clinic": CLINIC},
        "plugins": ["search", {"macros": {"module_name": str(ROOT / "macros"), "on_error_fail": True,
                                          "on_undefined": "strict"}}],
    }), encoding="utf-8")
    return edition, CLINIC


def test_clinic_edition_cover(tmp_path):
    edition, clinic = _edition(tmp_path)
    pdf = build_downloads.build_edition_pdf(edition, tmp_path / "out", home_only=True)
    assert not (edition / ".mkdocs-pdf.yml").exists()  # the generated config is removed
    cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert clinic["name"] in " ".join(cover.split())
    for phone in clinic.get("phones", []):
        assert phone["number"] in cover
    email = clinic.get("email") or clinic.get("contact_email")
    if email:
        assert email in cover
    # who publishes the edition and who signed it off (or that nobody has)
    flat = " ".join(cover.split())
    reviewers = clinic.get("editorial", {}).get("reviewers") or []
    for r in reviewers:
        assert r["name"] in flat
    if "editorial" in clinic and not reviewers:
        assert "Not yet reviewed by a named clinician" in flat
