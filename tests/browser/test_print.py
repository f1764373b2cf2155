"""Printing a page from the browser gives a clean handout (styles/_print.scss, compiled into the site stylesheet):
no navigation, search or buttons; the title, the last-reviewed date, the permanent address
and the disclaimer; collapsible blocks open; links to the downloads."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT

pytestmark = pytest.mark.browser

STRINGS = yaml.safe_load((ROOT / "data/strings.en.yml").read_text(encoding="utf-8"))["templates"]


def test_print_handout(tab, site):
    page = tab.page
    page.goto(site.url + "about/")
    # On screen: the download links are there, the permanent address is not needed.
    assert page.get_by_role("link", name=STRINGS["downloads"]["pdf"]).is_visible()
    assert not page.locator(".app-page-foot__address").is_visible()

    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".app-page-foot__downloads"):
        loc = page.locator(hidden)
        assert loc.count() == 0 or not loc.first.is_visible(), f"{hidden} is printed"
    assert page.locator("article h1", has_text="About this guide").is_visible()
    foot = page.locator(".app-page-foot")
    assert STRINGS["last_reviewed"] in foot.inner_text()
    assert STRINGS["disclaimer"].split(".")[0] in foot.inner_text()
    address = page.locator(".app-page-foot__address")
    assert address.is_visible()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert address.locator("a").inner_text() == canonical
    assert tab.console_errors == []


def test_print_opens_collapsible_blocks(tab, site):
    page = tab.page
    page.goto(site.url + "about/")
    details = page.locator(".app-page-foot details")
    assert details.get_attribute("open") is None
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert details.get_attribute("open") == ""
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert details.get_attribute("open") is None


def test_download_links_lead_to_the_published_files(site, downloads, tmp_path):
    """After scripts/pdf's builder publishes into a site, every page's download links work."""
    import posixpath
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_downloads

    published = build_downloads.publish(
        {"pdf": downloads.pdf, "offline_zip": downloads.offline_zip}, tmp_path)
    assert [p.stat().st_size for p in published] == [downloads.pdf.stat().st_size,
                                                      downloads.offline_zip.stat().st_size]
    pages = 0
    for page in ("", "about/", "references/"):
        soup = BeautifulSoup(site.page_html(page), "html.parser")
        links = soup.select(".app-page-foot__downloads a[href]")
        assert len(links) == 2, page
        for a in links:
            target = posixpath.normpath(posixpath.join(page or ".", a["href"]))
            assert (tmp_path / target).is_file(), f"{page}: {a['href']}"
        pages += 1
    assert pages == 3
