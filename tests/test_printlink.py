"""The print-only link to an interactive page: its QR code scans to the page's address."""

from __future__ import annotations

import subprocess

from weasyprint import HTML

from macros.printlink import page_url, print_link


def test_page_url_joins_site_and_page():
    assert page_url("https://example.org/guide/", "lengthening/planner/") == \
        "https://example.org/guide/lengthening/planner/"
    assert page_url("https://example.org/", "") == "https://example.org/"


def test_print_link_qr_code_scans_to_the_address(tmp_path):
    url = page_url("https://leg-length-guide.github.io/", "lengthening/planner/")
    html = str(print_link(url, "The interactive version of this page is at"))
    assert html.count(url) == 2 and 'class="app-print-only app-print-link"' in html
    pdf = tmp_path / "qr.pdf"
    HTML(string=f"<html><body>{html}</body></html>").write_pdf(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "qr")], check=True)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == url
