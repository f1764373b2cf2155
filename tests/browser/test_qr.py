"""QR codes: the SVG printed on each page decodes (zbarimg, a real decoder) to the page's
permanent link, and the printed address beside it is the same link."""

from __future__ import annotations


import pytest

from support import ROOT, zbar
from macros.render import qr
from macros.data.permalinks import load_permalinks, page_url

DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
CONTRACT = load_permalinks(ROOT / "data/permalinks.yml", PAGES)


def test_decoder_reads_segno_png(tmp_path):
    url = "https://example.org/go/about/"
    qr.make(url).save(tmp_path / "a.png", scale=4)
    assert zbar(tmp_path / "a.png") == [url]


@pytest.mark.parametrize("src", ["about.md", "references.md", "clinicians/linking.md"])
def test_printed_qr_decodes_to_the_permanent_link(site, browser, tmp_path, src):
    expected = qr.absolute(site.url, CONTRACT.for_page(src))
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="screen")
    page.goto(site.url + page_url(src).lstrip("/"))
    block = page.locator(".app-print-link")
    assert not block.is_visible(), "the printed link shows on screen"
    page.emulate_media(media="print")
    assert block.is_visible()
    # the address printed beside the code is the same link, readable without the scheme
    assert block.locator(".app-print-link__url").inner_text().strip() == qr.display(expected)
    png = tmp_path / "qr.png"
    block.locator("svg.app-qr").screenshot(path=str(png))
    context.close()
    assert zbar(png) == [expected]
