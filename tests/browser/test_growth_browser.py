"""The growth estimator in Debian's Chromium: a typed entry and a link reach the page's
result (data hooks and every sentence, as Python gives them), the state is kept in the URL,
and hostile or nonsense input becomes a clear message, never a number and never markup.

The arithmetic and words themselves (growth-model.js) are checked against the Python model
over thousands of inputs by ``node --test tests/js/`` (tests/test_golden.py); here the
page's wiring."""

from __future__ import annotations

import urllib.parse

import pytest
from bs4 import BeautifulSoup

from support import guide
from macros.model import growth
from macros.render import growth as growth_html

pytestmark = pytest.mark.browser

PAGE = "children/growth-prediction/"
GUIDE = guide()
MODEL = growth.model_from_params(GUIDE.params)
JS = growth_html.js_strings(GUIDE.strings, MODEL)
HOOKS = ("data-sex", "data-age-months", "data-current-mm", "data-predicted-mm",
         "data-predicted-mm-min", "data-predicted-mm-max", "data-band",
         "data-modulation-age-months-min", "data-modulation-age-months-max")


def _expected(sex, years, months, diff, unit):
    query = {"sex": sex, "years": str(years), "months": str(months), "diff": diff, "unit": unit}
    inputs, errors = growth.parse_inputs(MODEL, query)
    assert not errors, (query, errors)
    p = growth.predict(MODEL, inputs.sex, inputs.age_months, inputs.current_mm)
    attrs = growth_html.data_attributes(p, unit)
    texts = [text for _, text in growth_html.result_parts(JS, p, unit)]
    return attrs, texts


def _read_result(page):
    return page.evaluate(
        """() => {
          const out = document.querySelectorAll('.app-growth__output .app-growth-result');
          if (out.length !== 1) return null;
          const el = out[0];
          const attrs = {};
          for (const a of el.attributes) if (a.name.startsWith('data-')) attrs[a.name] = a.value;
          return {attrs, texts: Array.from(el.querySelectorAll('p')).map(p => p.textContent)};
        }"""
    )


def test_a_typed_entry_reaches_the_result(tab, site):
    """Clicks and key presses give Python's result on the page, and the address keeps it."""
    page = tab.page
    page.goto(site.url + PAGE)
    page.locator("[data-app-widget='growth'][data-app-init='1']").wait_for()
    sex, years, months, diff, unit = "girl", 9, 7, "1,5", "cm"
    page.check(f"input[name=sex][value={sex}]")
    page.locator("input[name=years]").press_sequentially(str(years))
    page.locator("input[name=months]").press_sequentially(str(months))
    page.check(f"input[name=unit][value={unit}]")
    page.locator("input[name=diff]").press_sequentially(diff)
    page.click(".app-growth__form button[type=submit]")
    page.locator(".app-growth__output .app-growth-result").wait_for()
    got = _read_result(page)
    attrs, texts = _expected(sex, years, months, diff, unit)
    assert got["attrs"] == attrs
    assert got["texts"] == texts
    q = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query, keep_blank_values=True)
    # the address is the same in every language: the typed "1,5" is written with a point
    assert q == {"sex": [sex], "years": [str(years)], "months": [str(months)], "diff": [diff.replace(",", ".")],
                 "unit": [unit]}, page.url
    assert tab.console_errors == []
    assert tab.outside_requests == []


@pytest.mark.parametrize("combo", [("boy", 8, 0, "20", "mm"), ("girl", 6, 6, "0.5", "in")])
def test_a_link_reaches_the_result_and_the_form(tab, site, combo):
    page = tab.page
    sex, years, months, diff, unit = combo
    query = urllib.parse.urlencode({"sex": sex, "years": years, "months": months, "diff": diff, "unit": unit})
    page.goto(f"{site.url}{PAGE}?{query}", wait_until="domcontentloaded")
    page.locator(".app-growth__output .app-growth-result").wait_for()
    got = _read_result(page)
    attrs, texts = _expected(*combo)
    assert got["attrs"] == attrs and got["texts"] == texts, combo
    # the form shows the values it was given
    assert page.input_value("input[name=diff]") == diff
    assert page.is_checked(f"input[name=sex][value={sex}]")
    assert tab.console_errors == []


def test_static_examples_match_the_model(site):
    soup = BeautifulSoup(site.page_html(PAGE), "html.parser")
    examples = soup.select(".app-growth-example .app-growth-result")
    assert len(examples) >= 3
    for el in examples:
        for hook in HOOKS[:6]:
            assert el.has_attr(hook), hook
        unit = el["data-unit"]
        current = float(el["data-current-mm"])
        p = growth.predict(MODEL, el["data-sex"], int(el["data-age-months"]), current)
        assert el["data-predicted-mm"] == growth.num(growth.round1(p.predicted_mm))
        texts = [t.get_text() for t in el.select("p")][2:]  # after the title and the sum
        assert texts == [text for _, text in growth_html.result_parts(JS, p, unit)]
    assert soup.select_one(".app-growth-table tbody tr")


HOSTILE = [
    {"sex": "<script>window.__xss=1</script>", "years": "8", "diff": "20"},
    {"sex": "boy", "years": "<img src=x onerror=window.__xss=1>", "diff": "20"},
    {"sex": "boy", "years": "8", "diff": "20\"><svg onload=window.__xss=1>"},
    {"sex": "boy", "years": "8", "diff": "-20"},
    {"sex": "girl", "years": "8", "diff": "99999999999999999999999"},
    {"sex": "girl", "years": "8", "diff": "1e999"},
    {"sex": "girl", "years": "8", "diff": "NaN"},
    {"sex": "girl", "years": "8", "diff": "Infinity"},
    {"sex": "girl", "years": "8", "diff": ""},
    {"sex": "", "years": "", "months": "", "diff": "", "unit": ""},
    {"sex": "boy", "years": "0", "months": "2", "diff": "10"},
    {"sex": "boy", "years": "99", "diff": "10"},
    {"sex": "boy", "years": "8", "months": "13", "diff": "10"},
    {"sex": "boy", "years": "8", "diff": "10", "unit": "furlong"},
    {"sex": "boy", "years": "8", "diff": "0"},
    {"sex": "boy", "years": "8.5", "diff": "10"},
]


def test_hostile_or_nonsense_input_gives_a_message_not_a_number(tab, site):
    page = tab.page
    for query in HOSTILE:
        page.goto(f"{site.url}{PAGE}?{urllib.parse.urlencode(query)}", wait_until="domcontentloaded")
        page.locator(".app-growth__output .app-growth__errors").wait_for()
        _, expected = growth.parse_inputs(MODEL, query)
        assert expected, query
        codes = page.eval_on_selector_all(".app-growth__errors li", "els => els.map(e => e.dataset.error)")
        assert codes == expected, query
        output = page.locator(".app-growth__output")
        assert output.locator(".app-growth-result").count() == 0, query
        assert "data-predicted-mm" not in output.inner_html(), query
        # nothing was injected or run
        assert page.evaluate("window.__xss") is None, query
        assert output.locator("script, img, svg, iframe").count() == 0, query
        assert page.locator("article img[src=x], article svg[onload]").count() == 0, query
    assert tab.console_errors == []


def test_huge_values_typed_in_the_form(tab, site):
    page = tab.page
    page.goto(site.url + PAGE)
    page.locator("[data-app-widget='growth'][data-app-init='1']").wait_for()
    page.check("input[name=sex][value=boy]")
    page.fill("input[name=years]", "8")
    page.fill("input[name=diff]", "1" + "0" * 30)
    page.click(".app-growth__form button[type=submit]")
    page.locator(".app-growth__errors li[data-error=diff_too_big]").wait_for()
    assert page.locator(".app-growth__output .app-growth-result").count() == 0
    assert tab.console_errors == []


def test_no_query_shows_no_result_and_init_is_idempotent(tab, site):
    page = tab.page
    page.goto(site.url + PAGE + "?sex=boy&years=8&diff=20")
    page.locator(".app-growth__output .app-growth-result").wait_for()
    # Material re-emits document$ after each instant navigation: the widget must not set up twice
    page.evaluate("document$.next(document)")
    page.click(".app-growth__form button[type=submit]")
    assert page.locator(".app-growth__output .app-growth-result").count() == 1
    page.goto(site.url + PAGE)
    page.locator("[data-app-widget='growth'][data-app-init='1']").wait_for()
    assert page.locator(".app-growth__output").inner_html() == ""
    assert tab.console_errors == []


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_estimate_on_a_phone_brings_the_result_into_view(browser, site, motion):
    """On a phone the result is below the fold: Estimate scrolls to it (at once when the
    reader asks for reduced motion), clear of the site's header."""
    from support import recording_page

    context = browser.new_context(viewport={"width": 390, "height": 700}, is_mobile=True, has_touch=True,
                                  reduced_motion=motion)
    page = recording_page(context, (site.url, "data:")).page
    page.goto(site.url + PAGE)
    page.locator("[data-app-widget='growth'][data-app-init='1']").wait_for()
    page.check("input[name=sex][value=boy]")
    page.fill("input[name=years]", "8")
    page.fill("input[name=months]", "0")
    page.check("input[name=unit][value=mm]")
    page.fill("input[name=diff]", "20")
    result = page.locator(".app-growth__output .app-growth-result")
    page.evaluate("window.scrollTo(0, 0)")
    # the button at the bottom of the screen, as a thumb reaches it
    page.evaluate("""() => { const b = document.querySelector('.app-growth__form button[type=submit]').getBoundingClientRect();
                              window.scrollBy(0, b.bottom - innerHeight + 8); }""")
    # where the result goes is below the fold before Estimate (else the test would prove nothing)
    before = page.evaluate("document.querySelector('.app-growth__output').getBoundingClientRect().top")
    assert before > 700 * 0.75
    page.click(".app-growth__form button[type=submit]")
    page.wait_for_function("""() => { const t = document.querySelector('.app-growth__output .app-growth-result').getBoundingClientRect().top;
                                     return t >= 0 && t < innerHeight / 2; }""", timeout=5000)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert result.evaluate("e => e.getBoundingClientRect().top") >= header - 1
    context.close()
