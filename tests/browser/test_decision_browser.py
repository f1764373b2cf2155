"""The decision aid in Chromium: axe finds nothing (light and dark, on a phone); without
JavaScript both comparisons are shown; at 390 px the page never scrolls sideways and each
table is stacked, every cell under its option's name; on a wider screen each table scrolls
inside its own focusable region and the hint says so; printed, each table fits the page
and the interactive part and the hint are left out."""

from __future__ import annotations

import pytest

from quality_checks import AXE_JS, AXE_TAGS

pytestmark = pytest.mark.browser

PATH = "treatment/decision-aid/"
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`))"""
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_a_phone(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme, viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + PATH, wait_until="load")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    context.close()
    assert violations == [], violations


def test_axe_can_fail_on_a_picture_without_words(browser, site):
    """Negative control: the same run reports a picture that has lost its text alternative."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + PATH, wait_until="load")
    page.evaluate("""() => { const svg = document.querySelector('.app-icons__svg');
        svg.removeAttribute('aria-label'); svg.querySelector('title').remove(); }""")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    context.close()
    assert any(v.startswith("svg-img-alt") for v in violations), violations


def test_without_javascript_both_comparisons_show(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + PATH)
    for sid in ("child", "grown"):
        assert page.locator(f"h3#decision-{sid}").is_visible()
        table = page.locator(f".app-decision[data-situation='{sid}'] table")
        assert table.is_visible()
        assert table.locator("tbody tr").count() == 7
    assert page.locator(".app-icons__svg").first.is_visible()
    context.close()


def test_at_390_px_the_page_stays_put_and_each_table_is_stacked_by_option(browser, site):
    """On a phone each row's cells stack, each under its option's name; from about 600 px the
    table scrolls in its own region, its row names kept in view."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + PATH)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    for sid in ("child", "grown"):
        block = page.locator(f".app-decision[data-situation='{sid}']")
        assert not block.locator(".app-decision__hint").is_visible()  # nothing to scroll
        region = block.locator(".app-decision__scroll")
        assert region.evaluate("el => el.scrollWidth <= el.clientWidth")
        names = block.locator("thead th[data-option]").all_inner_texts()
        first_row = block.locator("tbody tr").first.locator("td")
        assert first_row.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)") == \
            ['"' + n.strip() + '"' for n in names]
    page.set_viewport_size({"width": 700, "height": 844})
    for sid in ("child", "grown"):
        block = page.locator(f".app-decision[data-situation='{sid}']")
        assert block.locator(".app-decision__hint").is_visible()
        region = block.locator(".app-decision__scroll")
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
        assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table fits: no need to scroll"
        # the row names stay in view while the options scroll past
        region.evaluate("el => el.scrollLeft = el.scrollWidth")
        name = block.locator("tbody th[scope=row]").first.bounding_box()
        box = region.bounding_box()
        assert box["x"] - 1 <= name["x"] <= box["x"] + 2, (name, box)
    context.close()


def test_printed_tables_fit_the_page_without_the_interactive_part(browser, site):
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = context.new_page()
    page.goto(site.url + PATH)
    page.emulate_media(media="print")
    assert not page.locator("[data-app-widget='decision']").is_visible()
    assert not page.locator(".app-decision__hint").first.is_visible()
    article = page.locator("article").bounding_box()
    for sid in ("child", "grown"):
        region = page.locator(f".app-decision[data-situation='{sid}'] .app-decision__scroll")
        table = region.locator("table").bounding_box()
        assert table["x"] >= article["x"] - 1 and table["x"] + table["width"] <= article["x"] + article["width"] + 1, \
            (sid, table, article)
        assert not region.evaluate("el => el.scrollWidth > el.clientWidth + 1"), f"{sid}: cut off on paper"
        pictures = region.locator(".app-icons__svg")
        if pictures.count():  # the pictures print with their table (the adults' table may have none)
            assert pictures.first.is_visible(), sid
    assert page.locator(".app-decision[data-situation='child'] .app-icons__svg").count()
    assert page.locator("#decision-questions ~ ul.app-checklist").first.is_visible()
    context.close()
