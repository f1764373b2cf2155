"""The Swedish PDF book and offline copy (scripts/pdf builds one per language): a Swedish
cover, only the pages written in Swedish (the English-only clinicians' section and What
changed are left out and the cover says so), the Swedish urgent-help page with the Swedish
emergency and advice numbers, Swedish text, no English page headings, links to the left-out
pages pointing at the English pages online, Swedish permanent addresses; the offline copy
opens from a folder with the Swedish tools.

Expectations come from the data files, the strings files and the HTML the same build made,
never from the PDF itself."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from support import ROOT, recording_page
from macros.data.urgent import load_regions

sys.path.insert(0, str(Path(__file__).parent))
from test_pdf import nav_pages, outline, page_title, pdftotext, squash  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import build_downloads  # noqa: E402

SV = yaml.safe_load((ROOT / "data/strings.sv.yml").read_text(encoding="utf-8"))
EN = yaml.safe_load((ROOT / "data/strings.en.yml").read_text(encoding="utf-8"))
SWEDEN = load_regions(ROOT / "data/emergency.yml", "sv")[0]  # its own country first


@pytest.fixture(scope="module")
def reader(downloads_sv) -> PdfReader:
    return PdfReader(str(downloads_sv.pdf))


def english_titles() -> set[str]:
    """The English pages' titles (front matter) and first headings."""
    titles = set()
    for md in (ROOT / "docs").rglob("*.md"):
        if re.search(r"\.[a-z]{2}\.md$", md.name):
            continue
        text = md.read_text(encoding="utf-8")
        titles.update(m.strip().strip("'\"") for m in re.findall(r"^title:\s*(.+)$", text, re.M))
        titles.update(m.strip() for m in re.findall(r"^# (.+)$", text, re.M))
    return {t for t in titles if "{" not in t}


def test_swedish_book_is_named_and_linked_as_the_config_says(downloads_sv):
    paths = build_downloads.download_paths("sv")
    assert downloads_sv.pdf.name == Path(paths["pdf"]).name == "leg-length-guide.sv.pdf"
    assert downloads_sv.offline_zip.name == Path(paths["offline"]).name
    # the Swedish pages' foot links to the Swedish files (the offline copy keeps the PDF link)
    home = (downloads_sv.offline_dir / "index.html").read_text(encoding="utf-8")
    assert paths["pdf"] in home and build_downloads.download_paths("en")["pdf"] not in home


def test_swedish_book_is_built_and_sized(downloads_sv, reader):
    size, pages = downloads_sv.pdf.stat().st_size, len(reader.pages)
    print(f"\nSwedish PDF: {pages} pages, {size / 1e6:.2f} MB")
    assert pages >= len(nav_pages(downloads_sv.pdf_html)) + 2
    assert 10_000 < size < 30_000_000


def test_swedish_cover(downloads_sv):
    cover = pdftotext(downloads_sv.pdf, 1, 1)
    assert "Benlängdsguiden" in cover
    assert squash(SV["book"]["cover_subtitle"]) in squash(cover)
    assert SV["templates"]["pdf"]["edition"] + ":" in cover and EN["templates"]["pdf"]["edition"] + ":" not in cover
    assert squash(SV["templates"]["disclaimer"]) in squash(cover)
    assert squash(SV["book"]["not_in_book"]) in squash(cover)  # says what is left out
    assert re.search(r"\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) "
                     r"\d{4}", cover), cover
    contents = pdftotext(downloads_sv.pdf, 2, 2)
    assert SV["book"]["toc_title"] in contents


def test_only_swedish_pages_and_no_english_headings(downloads_sv, reader):
    titles = {squash(t) for _, t, _ in outline(reader)}
    english = {squash(t) for t in english_titles()}
    assert len(english) > 20
    shared = {t for t in titles & english if not re.fullmatch(r"[\W\d]*", t)}
    assert not shared, f"English headings in the Swedish book: {sorted(shared)}"
    left_out = build_downloads.only_in_default("sv")
    assert "clinicians/" in left_out and "changes/" in left_out
    # the book's pages are the navigation's pages in this build; in the book's build, its links
    # to the left-out pages go to the English pages online (pdf/omitted_links.py)
    site = build_downloads.online_url({})
    chapters = 0
    for page in nav_pages(downloads_sv.pdf_html):
        if not page.is_relative_to(downloads_sv.pdf_html) or not page.is_file():
            online = "https://" + page.as_posix().split("https:/", 1)[1]
            assert online.removeprefix(site).rstrip("/") + "/" in left_out, page
            continue
        url = page.relative_to(downloads_sv.pdf_html).parent.as_posix() + "/"
        url = "" if url == "./" else url
        assert url not in left_out, url
        assert squash(page_title(page)) in titles, url
        chapters += 1
    assert chapters >= 10


def test_swedish_text(downloads_sv):
    text = pdftotext(downloads_sv.pdf).lower()
    for word in ("benlängdsskillnad", "benförlängning", "tillväxtzon"):
        assert word in text, word
    for token in ("{{", "}}", "{%", "%}"):
        assert token not in text, token


def test_swedish_urgent_help_page_has_the_swedish_numbers(downloads_sv, reader):
    urgent = page_title(downloads_sv.pdf_html / "help" / "urgent" / "index.html")
    start = next(p for _, t, p in outline(reader) if t == urgent and p > 1)
    text = "\n".join(reader.pages[i].extract_text() for i in range(start, min(start + 4, len(reader.pages))))
    assert SWEDEN.emergency in text and SWEDEN.advice.number in text, text[:800]
    assert squash(SWEDEN.advice.name) in squash(text)


def test_links_to_left_out_pages_go_to_the_english_pages_online(downloads_sv, reader):
    site = build_downloads.online_url({})
    left_out = build_downloads.only_in_default("sv")
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                uris.add(str(action["/URI"]))
    to_english = {u for u in uris if any(u.split("#")[0] == site + p for p in left_out)}
    assert to_english, "no link to an English-only page"
    assert not any(u.startswith(site + "sv/clinicians") for u in uris)


def test_swedish_permanent_addresses(downloads_sv):
    text = pdftotext(downloads_sv.pdf)
    site = build_downloads.online_url({})
    label = SV["templates"]["downloads"]["permanent_address"]
    found = re.findall(re.escape(label) + r":\s*(\S+)", text)
    assert found and all(u.startswith(site + "sv/") for u in found), found[:5]


def test_swedish_offline_zip_holds_the_site_and_the_pdf(downloads_sv):
    with zipfile.ZipFile(downloads_sv.offline_zip) as zf:
        names = set(zf.namelist())
    for needed in ("index.html", "search/search_index.js", build_downloads.download_paths("sv")["pdf"],
                   "lengthening/planner.html"):
        assert f"leg-length-guide/{needed}" in names, needed
    home = BeautifulSoup((downloads_sv.offline_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.html["lang"] == "sv"
    print(f"\nSwedish offline zip: {downloads_sv.offline_zip.stat().st_size / 1e6:.2f} MB, {len(names)} files")


@pytest.mark.browser
def test_swedish_offline_copy_opens_from_a_folder(downloads_sv, browser):
    """From file://: the Swedish planner reads "4,5" cm and writes a decimal comma and
    Swedish dates; nothing is loaded from anywhere else."""
    context = browser.new_context()
    tab = recording_page(context, ("file:", "data:", "about:", "blob:"))
    try:
        page = tab.page
        planner = downloads_sv.offline_dir / "lengthening" / "planner.html"
        page.goto(planner.as_uri() + "?amount=4,5&unit=cm&bone=tibia&method=frame&date=2027-03-01")
        page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
        assert page.locator(".app-planner__result [data-amount-mm='45']").count() == 1
        caption = page.locator(".app-planner__result .app-timeline__caption").inner_text()
        assert "4,5 cm (45 mm)" in caption, caption
        assert "1 mars 2027" in page.locator(".app-planner__result").inner_text()
        assert tab.console_errors == [], tab.console_errors
        assert tab.outside_requests == [], tab.outside_requests
    finally:
        context.close()
