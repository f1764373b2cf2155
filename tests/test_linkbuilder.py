"""The link builder on clinicians/linking: with JavaScript it shows the prefilled planner
link, a QR code that decodes to it and a slip; without JavaScript the form opens the same
link, and the ready-made links for common plans carry QR codes that decode to them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from macros import clinicians, fmt, qr
from macros.guide import load_guide
from conftest import ROOT
from test_qr import zbar_svg

GUIDE = load_guide(ROOT / "data")
# any amount works; take one from the data so no number is typed here
AMOUNT = fmt.number(next(p.typical for p in GUIDE.params.items.values() if p.unit == "mm"))
PLAN = {"amount": AMOUNT, "unit": "mm", "bone": "tibia", "method": "frame", "date": "2027-03-15"}


def fill(page):
    page.fill("#app-lb-amount", PLAN["amount"])
    for field in ("unit", "bone", "method"):
        page.select_option(f"#app-lb-{field}", PLAN[field])
    page.fill("#app-lb-date", PLAN["date"])


def test_builder_with_javascript(site, tab, tmp_path):
    expected = clinicians.planner_link(site.url, **PLAN)
    page = tab.page
    page.goto(site.url + "about/")
    page.click('a[href$="clinicians/linking/"]')  # instant navigation: the widget must start anyway
    page.wait_for_selector("[data-app-linkbuilder][data-app-init]")
    fill(page)
    page.wait_for_function("expected => document.querySelector('[data-app-linkbuilder]').dataset.appReady === expected",
                           arg=expected)
    slip = page.locator(".app-slip")
    assert slip.is_visible()
    assert slip.locator(".app-slip__url").inner_text().strip() == qr.display(expected)
    svg = slip.locator("svg.app-qr").evaluate("e => e.outerHTML")
    assert zbar_svg(page.context, svg, tmp_path / "slip.png") == [expected]
    assert not tab.console_errors, tab.console_errors
    assert not tab.outside_requests, tab.outside_requests


def test_builder_without_javascript_opens_the_same_link(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "clinicians/linking/")
    assert page.locator(".app-linkbuilder__result").is_hidden()
    fill(page)
    with page.expect_navigation():
        page.click(".app-linkbuilder__form button[type=submit]")
    got = urlsplit(page.url)
    want = urlsplit(clinicians.planner_link(site.url, **PLAN))
    context.close()
    assert (got.path, parse_qs(got.query)) == (want.path, parse_qs(want.query))


def test_ready_links_decode_to_their_plans(site, tab, tmp_path):
    page = tab.page
    page.goto(site.url + "clinicians/linking/")
    rows = page.locator(".app-linktable--plans tbody tr")
    plans = clinicians.common_plans()
    assert rows.count() == len(plans)
    for i, plan in enumerate(plans):
        expected = clinicians.planner_link(site.url, **plan)
        row = rows.nth(i)
        assert row.locator("code").inner_text().strip() == qr.display(expected)
        svg = row.locator("svg.app-qr").evaluate("e => e.outerHTML")
        assert zbar_svg(page.context, svg, tmp_path / f"plan{i}.png") == [expected]
