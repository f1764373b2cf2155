"""Fixtures only (the helpers are in support.py): a real `mkdocs build --strict`, a
loopback server, Debian's Chromium, the PDF and offline downloads, the loaded guide.

The site is built once per test session into a temporary folder, with ``SITE_URL`` set
to the loopback address it is then served from, so Material's instant navigation really
runs (it silently falls back to full page loads when the origin differs from site_url).

Each test is marked by its folder (unit, site, browser, pdf) and by the slow fixtures it
uses, so ``-m "not browser"`` and the like select by need across folders.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, DECISION_PAGE, ROOT, Downloads, Site, free_port, guide as load_once, \
    mkdocs_build, recording_page, serve

LAYERS = ("unit", "site", "browser", "pdf")


NEEDS = {"site": "site", "browser": "browser", "downloads": "pdf", "downloads_sv": "pdf"}  # fixture -> mark


def pytest_collection_modifyitems(items):
    """Mark each test with its folder's layer and with the layer of every slow fixture it
    uses (a unit file's one check of a built page is also ``site``), so ``-m`` selects by need."""
    tests = Path(__file__).resolve().parent
    for item in items:
        marks = {name for fixture, name in NEEDS.items() if fixture in getattr(item, "fixturenames", ())}
        try:
            layer = Path(item.fspath).resolve().relative_to(tests).parts[0]
        except ValueError:
            layer = None
        if layer in LAYERS:
            marks.add(layer)
        for mark in sorted(marks):
            item.add_marker(mark)


@pytest.fixture(scope="session")
def guide():
    """The guide's data, loaded once per run (support.guide()); do not change it in place."""
    return load_once()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The guide, built once with --strict and served on loopback."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(out, site_url=url)
    httpd = serve(out, port)
    yield Site(out, url, proc.stdout + proc.stderr)
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser, site):
    """A fresh browser context and page; records console errors and off-site requests."""
    context = browser.new_context()
    yield recording_page(context, (site.url, "data:"))
    context.close()


@pytest.fixture(scope="session")
def downloads(tmp_path_factory) -> Downloads:
    """Build the PDF and the offline zip once per session (the same code as scripts/pdf)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_downloads

    out = tmp_path_factory.mktemp("downloads")
    built = build_downloads.build(out, pdf_html=out / "pdf-html")
    return Downloads(built["pdf"], built["offline_zip"], built["offline_dir"], out / "pdf-html")


@pytest.fixture(scope="session")
def decision_aid(site):
    """The address of the decision aid page, and the origin it is served from."""
    return site.url + DECISION_PAGE, site.url


@pytest.fixture(scope="session")
def downloads_sv(tmp_path_factory) -> Downloads:
    """The Swedish PDF book and offline zip, built once per session (scripts/pdf's code,
    one language)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_downloads

    out = tmp_path_factory.mktemp("downloads-sv")
    built = build_downloads.build(out, pdf_html=out / "pdf-html", lang="sv")
    print(f"\nSwedish book: {built['seconds']['pdf']:.0f} s, offline copy: {built['seconds']['offline']:.0f} s")
    return Downloads(built["pdf"], built["offline_zip"], built["offline_dir"], out / "pdf-html")
