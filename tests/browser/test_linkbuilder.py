"""The link builder on clinicians/linking: with JavaScript it shows the prefilled planner
link, a QR code that decodes to it and a slip; without JavaScript the form opens the same
link, and the ready-made links for common plans carry QR codes that decode to them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from macros.render import clinicians
from macros.model import wording
from macros.render import qr
from macros.model import units
from support import guide, zbar_svg

GUIDE = guide()
# any amount works; take one from the data so no number is typed here
AMOUNT = wording.number(next(p.typical for p in GUIDE.params.items.values() if p.unit == "mm"), GUIDE.strings["locale"])
PLAN = {"amount": AMOUNT, "unit": "mm", "bone": "tibia", "method": "frame", "date": "2027-03-15"}
PS = GUIDE.strings["js"]["planner"]
LB = GUIDE.strings["js"]["linkbuilder"]
PLAUSIBLE = GUIDE.params["lengthening.plausible_amount"]


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
    page.wait_for_selector("[data-app-widget='linkbuilder'][data-app-init]")
    fill(page)
    page.wait_for_function("expected => document.querySelector(\"[data-app-widget=linkbuilder]\").dataset.appReady === expected",
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


def _builder(tab, site):
    page = tab.page
    page.goto(site.url + "clinicians/linking/")
    page.wait_for_selector("[data-app-widget='linkbuilder'][data-app-init]")
    return page


def _low_and_high():
    """A number below the plausible range in mm that is plausible in cm, and one above it in cm."""
    low = wording.number(PLAUSIBLE.low / 10 * 4, GUIDE.strings["locale"])   # e.g. 4 (mm): did you mean 4 cm?
    high = wording.number(PLAUSIBLE.high / 10 * 2, GUIDE.strings["locale"])  # e.g. 50 (cm): did you mean 50 mm?
    return low, high


def test_builder_asks_about_an_implausible_amount(site, tab):
    page = _builder(tab, site)
    low, high = _low_and_high()
    for number, unit in ((low, "mm"), (high, "cm")):
        suggested = units.suggest_unit(float(number), unit, PLAUSIBLE.low, PLAUSIBLE.high)
        assert suggested and suggested != unit
        fill(page)
        page.select_option("#app-lb-unit", unit)
        page.fill("#app-lb-amount", number)
        meant = f"{number} {PS['unit_words'][suggested]}"
        question = page.locator(".app-linkbuilder__question")
        assert question.locator("p").inner_text() == PS["question"].format(amount=meant)
        assert not page.locator(".app-slip").is_visible()  # no slip, no link, no code while asking
        assert not page.locator(".app-linkbuilder__print").is_visible()
        assert page.locator(".app-slip__code svg").count() == 0
        question.locator(f"button[data-fix-unit={suggested}]").click()
        expected = clinicians.planner_link(site.url, **dict(PLAN, amount=number, unit=suggested))
        page.wait_for_function("e => document.querySelector(\"[data-app-widget=linkbuilder]\").dataset.appReady === e",
                               arg=expected)
        assert page.locator(".app-slip").is_visible()
        assert page.locator(".app-slip__url").inner_text().strip() == qr.display(expected)
    assert not tab.console_errors, tab.console_errors


@pytest.mark.parametrize("amount", ["0", "-3"])
def test_builder_refuses_zero_and_negative_amounts(site, tab, amount):
    page = _builder(tab, site)
    fill(page)
    page.fill("#app-lb-amount", amount)
    assert page.locator(".app-linkbuilder__message").inner_text() == PS["error_amount_not_positive"]
    assert not page.locator(".app-slip").is_visible()
    assert page.locator(".app-slip__code svg").count() == 0


def test_slip_states_the_plan_in_words(site, tab):
    page = _builder(tab, site)
    fill(page)
    words = page.locator(".app-slip__plan").inner_text()
    assert words.startswith(LB["slip_plan"].format(amount=f"{PLAN['amount']} {PS['unit_words']['mm']}",
                                                   bone=PS["bones"]["tibia"], method=PS["methods"]["frame"]))
    assert "2027" in words and "March" in words
    # the words sit above the address on the printed slip
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('app-print-slip')")
    assert page.locator(".app-slip__plan").is_visible()
    assert page.locator(".app-slip__plan").bounding_box()["y"] < page.locator(".app-slip__url").bounding_box()["y"]
    page.emulate_media(media="screen")
    page.evaluate("document.documentElement.classList.remove('app-print-slip')")
    page.fill("#app-lb-date", "")
    assert page.locator(".app-slip__plan").inner_text().endswith(LB["slip_no_date"])


@pytest.mark.parametrize("typed,number,unit", [("4 cm", "4", "cm"), ("1,5 in", "1,5", "in")])
def test_builder_reads_the_unit_typed_with_the_amount(site, tab, typed, number, unit):
    """"4 cm" typed gives the link that 4 with cm chosen gives (amount and unit apart), and
    the unit choice shows cm."""
    page = _builder(tab, site)
    fill(page)
    page.select_option("#app-lb-unit", "mm")
    page.fill("#app-lb-amount", "")
    page.locator("#app-lb-amount").press_sequentially(typed)
    expected = clinicians.planner_link(site.url, **dict(PLAN, amount=number, unit=unit))
    page.wait_for_function("e => document.querySelector(\"[data-app-widget=linkbuilder]\").dataset.appReady === e",
                           arg=expected)
    assert page.locator("#app-lb-unit").input_value() == unit
    assert page.locator(".app-slip__url").inner_text().strip() == qr.display(expected)
    plan = page.locator(".app-slip__plan").inner_text()
    assert f"{units.parse_decimal(number):g} {PS['unit_words'][unit]}" in plan
    # the same as the number with the unit chosen
    page.fill("#app-lb-amount", number)
    page.select_option("#app-lb-unit", unit)
    page.wait_for_function("e => document.querySelector(\"[data-app-widget=linkbuilder]\").dataset.appReady === e",
                           arg=expected)
    assert page.locator(".app-slip__plan").inner_text() == plan
    assert not tab.console_errors, tab.console_errors


@pytest.mark.parametrize("text,code", [("4 cm cm", "amount_not_number"), ("cm", "amount_not_number"),
                                       ("4 kg", "amount_unit"), ("4 cm 5", "amount_not_number")])
def test_builder_garbage_with_units_stays_an_error(site, tab, text, code):
    page = _builder(tab, site)
    fill(page)
    page.fill("#app-lb-amount", text)
    assert page.locator(".app-linkbuilder__message").inner_text() == PS["error_" + code]
    assert not page.locator(".app-slip").is_visible()
    assert page.locator(".app-slip__code svg").count() == 0
    assert page.locator("#app-lb-unit").input_value() == PLAN["unit"]
    assert not tab.console_errors, tab.console_errors


def test_builder_has_no_copy_of_the_planner_check():
    """The builder asks planner-model.js (one check for both); widgets.js loads it first."""
    from support import ROOT
    code = (ROOT / "docs/assets/javascripts/linkbuilder.js").read_text()
    assert "M.parseAmount(" in code and "MM_PER" not in code and "25.4" not in code
    loader = (ROOT / "docs/assets/javascripts/widgets.js").read_text()
    assert 'linkbuilder: ["units-model.js", "planner-model.js"]' in loader
