"""Each language's pages link to that language's PDF book and offline copy (the page foot
reads them per language from extra.downloads), at the paths scripts/build_downloads.py
publishes them to."""

from __future__ import annotations

import posixpath
import sys

from bs4 import BeautifulSoup

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import build_downloads  # noqa: E402


def _targets(site, page: str) -> list[str]:
    soup = BeautifulSoup(site.page_html(page), "html.parser")
    links = soup.select(".app-page-foot__downloads a[href]")
    return [posixpath.normpath(posixpath.join(page or ".", a["href"])) for a in links]


def test_each_language_links_to_its_own_downloads(site):
    en, sv = build_downloads.download_paths("en"), build_downloads.download_paths("sv")
    assert en != sv and set(en.values()).isdisjoint(sv.values())
    for page in ("", "about/", "help/urgent/"):
        assert _targets(site, page) == [en["pdf"], en["offline"]], page
        assert _targets(site, "sv/" + page) == [sv["pdf"], sv["offline"]], page


def test_publish_puts_each_language_where_its_pages_link(tmp_path):
    for lang in ("en", "sv"):
        pdf, zip_path = tmp_path / f"{lang}.pdf", tmp_path / f"{lang}.zip"
        pdf.write_bytes(b"%PDF " + lang.encode())
        zip_path.write_bytes(b"PK " + lang.encode())
        out = tmp_path / "site"
        published = build_downloads.publish({"pdf": pdf, "offline_zip": zip_path, "lang": lang}, out)
        paths = build_downloads.download_paths(lang)
        assert published == [out / paths["pdf"], out / paths["offline"]]
        assert (out / paths["pdf"]).read_bytes() == pdf.read_bytes()
