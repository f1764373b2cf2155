"""The offline copy (mkdocs-offline.yml, zipped by scripts/pdf): opened from a folder via
file:// in Chromium, it navigates, searches and loads nothing from anywhere else."""

from __future__ import annotations

import re
import zipfile

import pytest

from support import ROOT, recording_page
from macros.data.yamlfile import read_config

pytestmark = pytest.mark.browser

SHIM = "assets/vendor/iframe-worker/shim.js"


@pytest.fixture
def file_tab(browser):
    """A browser page that records console errors and every request that is not file://."""
    context = browser.new_context()
    tab = recording_page(context, ("file:", "data:", "about:", "blob:"))
    yield tab.page, tab.console_errors, tab.outside_requests
    context.close()


def test_offline_zip_holds_the_site_and_the_pdf(downloads):
    with zipfile.ZipFile(downloads.offline_zip) as zf:
        names = set(zf.namelist())
    pdf_path = read_config(ROOT / "mkdocs.yml")["extra"]["downloads"]["pdf"]
    for needed in ("index.html", "about.html", "search/search_index.js", SHIM, pdf_path):
        assert f"leg-length-guide/{needed}" in names, needed
    print(f"\nOffline zip: {downloads.offline_zip.stat().st_size / 1e6:.2f} MB, {len(names)} files")


def test_offline_pages_use_no_outside_script(downloads):
    for page in downloads.offline_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, page
        for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
            assert not re.match(r"(https?:)?//", src), f"{page}: {src}"


def test_vendored_shim_matches_the_pinned_package():
    vendored = (ROOT / "docs" / SHIM).read_bytes()
    installed = (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert vendored == installed, "docs/assets/vendor/iframe-worker/shim.js differs from node_modules: copy it again"


def test_offline_site_navigates_and_searches_from_a_folder(downloads, file_tab):
    page, errors, outside = file_tab
    index = downloads.offline_dir / "index.html"
    page.goto(index.as_uri())
    assert page.locator("article h1").first.is_visible()

    # Navigate by a link in the page (a full page load: instant navigation is off offline).
    page.locator("article a[href$='about.html']").first.click()
    page.wait_for_url(re.compile(r"/about\.html(#.*)?$"))
    page.locator("article h1", has_text="About this guide").wait_for()
    assert page.url.startswith("file://")

    # The navigation sidebar (hidden on the home page) leads on.
    page.locator("nav.md-nav--primary a[href$='references.html']:visible").first.click()
    page.wait_for_url(re.compile(r"/references\.html(#.*)?$"))

    # Search runs through the iframe-worker shim (Web Workers are refused under file://).
    search = page.locator("input.md-search__input")
    search.click()
    search.type("privacy", delay=20)
    page.locator(".md-search-result__list", has_text="About this guide").wait_for(timeout=15_000)
    hits = page.locator(".md-search-result__list a")
    assert hits.count() >= 1
    hits.first.click()
    page.wait_for_url(re.compile(r"/about\.html"))

    assert errors == [], errors
    assert outside == [], outside




def test_offline_tools_work_from_a_folder(downloads, file_tab):
    """The planner and the estimator load their model scripts in order from file:// (classic
    scripts: Chromium refuses module scripts there) and give a result from a link."""
    page, errors, outside = file_tab
    planner = downloads.offline_dir / "lengthening" / "planner.html"
    page.goto(planner.as_uri() + "?amount=5&unit=cm&bone=tibia&method=frame")
    page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
    assert page.locator(".app-planner__result [data-phase]").count() == 5
    assert page.locator(".app-planner__result [data-amount-mm='50']").count() == 1
    growth = downloads.offline_dir / "children" / "growth-prediction.html"
    page.goto(growth.as_uri() + "?sex=boy&years=8&diff=20&unit=mm")
    page.locator(".app-growth__output .app-growth-result").wait_for()
    assert errors == [], errors
    assert outside == [], outside
