"""The built site in Debian's Chromium: it renders, search works, the colour scheme
toggles, navigation is instant (same document), and nothing logs an error."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_home_renders_without_errors(tab, site):
    page = tab.page
    page.goto(site.url)
    assert page.locator("h1").first.inner_text().startswith("Leg Length Guide")
    assert page.locator(".app-page-foot").is_visible()
    assert tab.console_errors == []
    assert tab.outside_requests == []


def test_search_finds_a_word(tab, site):
    page = tab.page
    page.goto(site.url)
    search = page.locator("input.md-search__input")
    search.click()
    search.type("privacy", delay=20)  # real key presses: Material searches on keyup
    page.locator(".md-search-result__list", has_text="About this guide").wait_for(timeout=10_000)
    assert "Privacy" in page.locator(".md-search-result__list").inner_text()
    assert tab.console_errors == []


def test_swedish_search_finds_a_swedish_page(tab, site):
    """From a Swedish page: Material's search in Swedish finds the Swedish urgent-help page."""
    page = tab.page
    page.goto(site.url + "sv/help/urgent/")
    search = page.locator("input.md-search__input")
    assert search.get_attribute("placeholder") == "Sök"
    search.click()
    search.type("larmnumret", delay=20)
    results = page.locator(".md-search-result__list")
    results.locator("a[href*='sv/help/urgent/']").first.wait_for(timeout=10_000)
    assert "sökresultat" in page.locator(".md-search-result__meta").inner_text()
    assert tab.console_errors == []


def test_colour_scheme_toggle(tab, site):
    page = tab.page
    page.emulate_media(color_scheme="light")
    page.goto(site.url)
    body = page.locator("body")
    schemes = []
    for _ in range(3):  # auto -> light -> dark -> auto: each click moves one step
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        schemes.append(body.get_attribute("data-md-color-scheme"))
    assert "slate" in schemes and "default" in schemes, schemes
    assert tab.console_errors == []


def test_navigation_is_instant(tab, site):
    page = tab.page
    # Material decides which links to load instantly from sitemap.xml: wait until it has it.
    page.goto(site.url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = 'yes'")
    page.locator("article a[href$='about/']").first.click()
    page.wait_for_url(re.compile(r"/about/(#.*)?$"))  # navigation.tracking may add a hash
    page.locator("h1", has_text="About this guide").wait_for()
    # A full page load would have wiped the marker; instant navigation keeps the document.
    assert page.evaluate("window.__sameDocument") == "yes"
    assert tab.console_errors == []
