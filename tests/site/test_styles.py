"""The guide's own styles: SCSS in styles/ compiled into one site stylesheet and one sheet
per widget (scripts/styles.py); the committed CSS is the compile's output; each page asks
for one own stylesheet and one own script; a widget's sheet comes only with its widget,
also after instant navigation and without JavaScript."""

from __future__ import annotations

import importlib.util
import re

import pytest
from bs4 import BeautifulSoup

from support import ROOT

_spec = importlib.util.spec_from_file_location("guide_styles", ROOT / "scripts" / "styles.py")
styles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(styles)

WIDGETS = ("companion", "decision", "decision-values", "growth", "linkbuilder", "planner")
# A widget's root: data-app-widget="NAME" (the decision aid's questions and summary: the aid's root).
ROOTS = {name: f'[data-app-widget="{name}"]' for name in WIDGETS} | {"decision-values": '[data-app-widget="decision"]'}
# Pages whose content shares a widget's styles without the widget (static timelines).
SHARES = {"planner": ".app-timeline", "growth": ".app-growth, .app-growth-result", "linkbuilder": ".app-slip",
          "companion": "[data-app-widget='companion']", "decision": "[data-app-widget='decision']",
          "decision-values": "[data-app-widget='decision']"}


def built_pages(site):
    """The guide's pages (not the short redirect pages of its permanent links)."""
    pages = sorted(p for p in site.dir.rglob("*.html") if "md-content__inner" in p.read_text(encoding="utf-8"))
    assert len(pages) > 20
    return pages


def test_committed_css_is_the_compiled_scss():
    compiled = styles.compile_all()
    assert set(compiled) == {styles.TARGET / "site.css", *(styles.TARGET / "widgets" / f"{w}.css" for w in WIDGETS)}
    out_of_date = [str(css.relative_to(ROOT)) for css in styles.stale(compiled)]
    assert not out_of_date, f"run python scripts/styles.py: {out_of_date}"


def test_stale_css_is_found(tmp_path):
    compiled = {tmp_path / "site.css": "a{b:c}\n", tmp_path / "w.css": "d{e:f}\n"}
    (tmp_path / "site.css").write_text("a{b:c}\n", encoding="utf-8")
    assert styles.stale(compiled) == [tmp_path / "w.css"]
    assert styles.write(compiled) == [tmp_path / "w.css"]
    assert styles.stale(compiled) == []


def test_every_stylesheet_in_the_tree_is_compiled():
    """No hand-written CSS beside the compiled files (it would escape the check above)."""
    on_disk = set((ROOT / "docs" / "assets" / "stylesheets").rglob("*.css"))
    assert on_disk == set(styles.entry_points().values())


def test_one_own_stylesheet_and_one_own_script_per_page(site):
    for page in built_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # Material's own files are minified and named by their hash (main.1234abcd.min.css).
        own_css = [link["href"] for link in soup.select('link[rel="stylesheet"]')
                   if ".min." not in link["href"] and not link.has_attr("data-app-widget-style")]
        own_js = [s["src"] for s in soup.select("script[src]") if ".min." not in s["src"]]
        rel = page.relative_to(site.dir).as_posix()
        assert [h.split("assets/")[-1] for h in own_css] == ["stylesheets/site.css"], rel
        assert [s.split("assets/")[-1].split("?")[0] for s in own_js] == ["javascripts/widgets.js"], rel


def test_widget_stylesheet_only_with_its_widget_and_inside_the_content(site):
    seen = dict.fromkeys(WIDGETS, 0)
    for page in built_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        rel = page.relative_to(site.dir).as_posix()
        linked = {link["data-app-widget-style"] for link in soup.select("link[data-app-widget-style]")}
        for link in soup.select("link[data-app-widget-style]"):
            assert link.find_parent("article") is article, (rel, "the link must be swapped with the content")
            assert link["href"].endswith(f"assets/stylesheets/widgets/{link['data-app-widget-style']}.css")
            assert (page.parent / link["href"]).resolve().is_file(), (rel, link["href"])
        for name in WIDGETS:
            needed = bool(article and article.select(f"{ROOTS[name]}, {SHARES[name]}"))
            assert (name in linked) == needed, (rel, name, "linked" if name in linked else "missing")
            seen[name] += needed
    assert all(seen.values()), seen


PLANNER_SHEET = "() => [...document.styleSheets].some(s => (s.href || '').endsWith('/widgets/planner.css'))"


@pytest.mark.browser
def test_widget_style_arrives_and_leaves_with_instant_navigation(tab, site):
    page = tab.page
    page.goto(site.url)
    page.wait_for_function("() => window.document$ !== undefined")
    page.evaluate("() => { window.appSamePage = true; }")  # gone if the browser loads a new page
    assert page.evaluate(PLANNER_SHEET) is False
    # Instant navigation: Material fetches the page and swaps the content; <head> stays.
    page.evaluate("""url => { const a = document.createElement('a'); a.href = url;
                              document.querySelector('article').append(a); a.click(); }""",
                  site.url + "lengthening/planner/")
    page.wait_for_url("**/lengthening/planner/")
    page.wait_for_function(PLANNER_SHEET)
    assert page.evaluate("() => window.appSamePage") is True, "instant navigation did not happen"
    border = page.evaluate("() => getComputedStyle(document.querySelector('.app-planner__fields')).borderTopStyle")
    assert border == "solid"
    page.go_back()
    page.wait_for_url(site.url)
    page.wait_for_function("() => !(" + PLANNER_SHEET + ")()")
    assert page.evaluate("() => window.appSamePage") is True
    assert tab.console_errors == []


@pytest.mark.browser
def test_widget_style_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url + "children/growth-prediction/")
        # Scripts are off in the page; Playwright's own evaluation still reads the styles.
        style = page.evaluate("() => getComputedStyle(document.querySelector('.app-growth')).borderTopStyle")
        assert style == "solid"
    finally:
        context.close()


def test_figures_use_one_block(site):
    """Every figure drawn in the pages is an `app-figure` block; no other figure prefix."""
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        classes = set(re.findall(r'class="([^"]*)"', html))
        tokens = {t for c in classes for t in c.split()}
        stray = sorted(t for t in tokens if t.startswith("app-fig") and not re.fullmatch(r"app-figure(__[a-z-]+)?(--[a-z-]+)?", t))
        assert not stray, (page.relative_to(site.dir).as_posix(), stray)


@pytest.mark.parametrize("path", ["", "sv/", "lengthening/planner/", "sv/clinicians/"])
def test_no_sideways_scroll_on_a_phone_without_javascript(browser, site, path):
    """The header's language menu, closed and invisible, must not widen a phone's page."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(site.url + path)
        assert page.locator(".md-header .md-select__inner").count() == 1, path  # the menu is there
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    finally:
        context.close()
