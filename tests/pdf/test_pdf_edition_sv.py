"""A Swedish clinic edition's PDF (scripts/pdf --edition clinic-example-sv): the Swedish
cover (the Swedish site name, the Swedish cover words) with the clinic's name and numbers.
Only the cover, contents and home page are rendered (fast)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_downloads  # noqa: E402

EXAMPLE = ROOT / "clinic-example-sv"
SV = yaml.safe_load((ROOT / "data/strings.sv.yml").read_text(encoding="utf-8"))
EN = yaml.safe_load((ROOT / "data/strings.en.yml").read_text(encoding="utf-8"))


def test_swedish_clinic_edition_cover(tmp_path):
    clinic = yaml.safe_load((EXAMPLE / "clinic.yml").read_text(encoding="utf-8"))["clinic"]
    pdf = build_downloads.build_edition_pdf(EXAMPLE, tmp_path / "out", home_only=True)
    assert pdf.name == "leg-length-guide.sv.pdf"
    assert not (EXAMPLE / ".mkdocs-pdf.yml").exists()
    cover = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout.split())
    assert "Benlängdsguiden" in cover and SV["book"]["cover_subtitle"] in cover
    assert clinic["name"] in cover
    for phone in clinic["phones"]:
        assert phone["number"] in cover
    assert SV["templates"]["pdf"]["edition"] + ":" in cover and EN["templates"]["pdf"]["edition"] + ":" not in cover
