"""The Swedish edition's planner and growth estimator in Debian's Chromium (/sv/...): they
read "4,5" and "4 cm", write numbers with a decimal comma ("38,1 mm") and dates in Swedish
("1 mars 2027"), give the same sentences as Python with the Swedish strings, keep the link
the same in every language, and answer hostile input with a polite Swedish message.

The wording of every case is checked against Python by ``node --test tests/js/``
(locale.test.mjs, the "sv" parts of tests/golden/*.json); here the page's wiring."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import urllib.parse

import pytest

from support import ROOT, guide
from macros.data.strings import load_strings
from macros.model import growth
from macros.model import timeline as t
from macros.render import growth as growth_html
from macros.render import timeline as timeline_html

pytestmark = pytest.mark.browser

GUIDE = guide()
SV = dataclasses.replace(GUIDE, strings=load_strings(ROOT / "data" / "strings.sv.yml", GUIDE.params.units))
PS = timeline_html.planner_strings(SV.strings)
MODEL = t.model_data(GUIDE.params)
GMODEL = growth.model_from_params(GUIDE.params)
GJS = growth_html.js_strings(SV.strings, GMODEL)
PLANNER, GROWTH = "lengthening/planner/", "children/growth-prediction/"

SET_AND_READ = """([amount, unit, bone, method, date]) => {
  const f = document.querySelector('.app-planner__form');
  for (const r of f.querySelectorAll('input[name=unit]')) r.checked = r.value === unit;
  f.elements.bone.value = bone; f.elements.method.value = method;
  f.elements.date.value = date; f.elements.amount.value = amount;
  f.elements.amount.dispatchEvent(new Event('input', {bubbles: true}));
  const box = document.querySelector('.app-planner__result .app-timeline');
  const out = {message: document.querySelector('.app-planner__message').textContent, url: location.search,
               question: (document.querySelector('.app-planner__question p') || {}).textContent || '',
               mm: box ? box.dataset.amountMm : null, milestones: {}, html: document.querySelector('.app-planner').innerHTML};
  if (box) {
    out.caption = box.querySelector('.app-timeline__caption').textContent;
    out.summary = box.querySelector('.app-timeline__summary').textContent;
    for (const tr of box.querySelectorAll('[data-milestone]')) out.milestones[tr.dataset.milestone] = tr.textContent;
  }
  return out;
}"""


def _open(tab, site, path, query=""):
    tab.page.goto(site.url + path + query)
    tab.page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")


def test_the_swedish_page_is_swedish(site):
    html = site.page_html("sv/" + PLANNER)
    assert 'lang="sv"' in html
    assert '"decimal": ","' in html and '"locale": "sv-SE"' in html  # the widget's format


def test_swedish_planner_reads_a_decimal_comma_and_writes_swedish(tab, site):
    """"4,5" in cm gives 45 mm; the caption, summary and milestone dates are Python's words
    with the Swedish strings ("1 mars 2027" style dates)."""
    _open(tab, site, "sv/" + PLANNER)
    got = tab.page.evaluate(SET_AND_READ, ["4,5", "cm", "tibia", "frame", "2027-03-01"])
    assert got["message"] == "" and float(got["mm"]) == 45
    tl = t.compute(MODEL, 45, "tibia", "frame", "2027-03-01")
    assert got["summary"] == timeline_html.summary_text(PS, tl)
    assert "4,5 cm (45 mm)" in got["caption"], got["caption"]
    for mid, span in tl.milestones.items():
        assert timeline_html.day_text(PS, span, tl) in got["milestones"][mid], mid
    assert got["milestones"]["surgery"].count("1 mars 2027") >= 1, got["milestones"]["surgery"]
    assert tab.console_errors == []


def test_swedish_planner_reads_swedish_unit_words(tab, site):
    _open(tab, site, "sv/" + PLANNER)
    for typed, mm in (("4 cm", 40), ("4 centimeter", 40), ("45 millimeter", 45), ("1,5 tum", 38.1)):
        got = tab.page.evaluate(SET_AND_READ, [typed, "mm", "femur", "nail", ""])
        assert got["message"] == "" and float(got["mm"]) == pytest.approx(mm), typed
    assert "1,5 tum (38,1 mm)" in got["caption"], got["caption"]  # a decimal comma in both numbers
    assert "unit=in" in got["url"] and "amount=1.5&" in got["url"], got["url"]


def test_a_plan_has_the_same_link_in_both_languages(tab, site):
    """The same plan typed on the English and the Swedish page: the addresses differ only in
    the path (a number with a point, unit codes, ISO dates)."""
    links = {}
    for lang, prefix, typed in (("en", "", "4,5 cm"), ("sv", "sv/", "4,5 cm")):
        _open(tab, site, prefix + PLANNER)
        got = tab.page.evaluate(SET_AND_READ, [typed, "mm", "tibia", "frame", "2027-03-01"])
        assert got["message"] == "", (lang, got["message"])
        links[lang] = urllib.parse.urlparse(tab.page.url)
    assert links["sv"].path == links["en"].path.replace("/lengthening/", "/sv/lengthening/")
    assert links["sv"].query == links["en"].query == "amount=4.5&unit=cm&bone=tibia&method=frame&date=2027-03-01"
    # and a Swedish link opens the same plan on the English page
    _open(tab, site, PLANNER, "?" + links["sv"].query)
    assert tab.page.locator(".app-planner__result .app-timeline").get_attribute("data-amount-mm") == "45"


HOSTILE = ["abc", "-5", "4 kg", "4 tum tum", "<img src=x onerror=window.__xss=1>", "x" * 500, "1e400", "4;5"]


def test_hostile_input_gets_a_polite_swedish_message(tab, site):
    _open(tab, site, "sv/" + PLANNER, "?amount=50&bone=femur&method=nail")
    swedish = {PS[k] for k in PS if k.startswith("error_amount_")}
    for text in HOSTILE:
        tab.page.evaluate(SET_AND_READ, ["50", "mm", "femur", "nail", ""])
        got = tab.page.evaluate(SET_AND_READ, [text, "mm", "femur", "nail", ""])
        assert any(got["message"].startswith(m) for m in swedish), (text, got["message"])
        assert PS["kept_previous"] in got["message"], text
        assert "<img" not in got["html"], text
    assert tab.page.evaluate("window.__xss") is None
    assert tab.console_errors == []


def _growth_result(page):
    page.locator(".app-growth__output .app-growth-result").wait_for()
    return page.evaluate("""() => Array.from(document.querySelectorAll('.app-growth__output .app-growth-result p'))
                                     .map(p => p.textContent)""")


def _growth_expected(sex, years, diff, unit):
    inputs, errors = growth.parse_inputs(GMODEL, {"sex": sex, "years": str(years), "months": "0", "diff": diff,
                                                   "unit": unit}, SV.strings["js"]["units_typed"])
    assert not errors
    p = growth.predict(GMODEL, inputs.sex, inputs.age_months, inputs.current_mm)
    return [text for _, text in growth_html.result_parts(GJS, p, inputs.unit)]


def test_swedish_estimator_reads_comma_and_unit_words(tab, site):
    page = tab.page
    page.goto(site.url + "sv/" + GROWTH)
    page.locator("[data-app-widget='growth'][data-app-init='1']").wait_for()
    page.check("input[name=sex][value=girl]")
    page.locator("input[name=years]").press_sequentially("9")
    page.locator("input[name=months]").press_sequentially("0")
    page.check("input[name=unit][value=cm]")
    page.locator("input[name=diff]").press_sequentially("1,5")
    page.click(".app-growth__form button[type=submit]")
    texts = _growth_result(page)
    assert texts == _growth_expected("girl", 9, "1,5", "cm")
    assert any(re.search(r"\b1,5 cm \(15 mm\)", x) for x in texts), texts
    assert "diff=1.5&" in page.url, page.url
    # a Swedish unit word typed after the number wins over the chosen unit
    page.fill("input[name=diff]", "2 tum")
    page.click(".app-growth__form button[type=submit]")
    page.wait_for_function("() => location.search.includes('unit=in')")
    texts = _growth_result(page)
    assert texts == _growth_expected("girl", 9, "2", "in")
    assert tab.console_errors == []


def test_swedish_estimator_answers_nonsense_in_swedish(tab, site):
    page = tab.page
    for diff, code in (("abc", "diff"), ("<svg onload=window.__xss=1>", "diff"), ("-3", "diff_negative")):
        page.goto(site.url + "sv/" + GROWTH + "?" + urllib.parse.urlencode({"sex": "boy", "years": "8", "diff": diff,
                                                                             "unit": "mm"}))
        page.locator(".app-growth__errors li").first.wait_for()
        shown = page.locator(".app-growth__errors li").all_inner_texts()
        assert growth_html.error_text(GJS, GMODEL, code, "mm") in shown, (diff, shown)
    assert page.evaluate("window.__xss") is None
    assert tab.console_errors == []


def test_swedish_dates_on_the_page_are_babels(site):
    """The static plan on the Swedish page writes its numbers as Babel does for sv_SE."""
    html = site.page_html("sv/" + PLANNER)
    assert re.search(r"\d+–\d+ månader", html), "months in Swedish"
    assert timeline_html.date_text(PS, dt.date(2027, 3, 1)) == "1 mars 2027"
    assert timeline_html.date_text(PS, dt.date(2027, 9, 3)) == "3 sep. 2027"


def test_swedish_companion_writes_swedish_dates_and_decimal_commas(tab, site):
    """Worked by hand: first day Monday 8 March 2027 ("måndag 8 mars 2027"), 1 mm a day as
    4 steps of 0,25 mm; the chart's first row is "mån 8 mars" with "0,25 mm"."""
    cs = SV.strings["js"]["companion"]
    page = tab.page
    page.goto(site.url + "sv/lengthening/companion/?amount=50&unit=mm", wait_until="networkidle")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.fill("#app-companion-start", "2027-03-08")
    page.fill("#app-companion-rate", "1")
    page.select_option("#app-companion-steps", "4")
    page.click(".app-companion__form button[type='submit']")
    page.wait_for_function("document.querySelector('.app-companion__summary').textContent.length > 0")
    summary = page.text_content(".app-companion__summary")
    assert cs["summary_segment"].format(date="måndag 8 mars 2027", rate="1", steps=4, step="0,25") in summary, summary
    first = page.locator(".app-chart tbody tr").nth(0).inner_text().split("\t")[:3]
    assert first == ["1", cs["date_short"].format(weekday="mån", day=8, month="mars"), "0,25 mm"], first
    assert tab.console_errors == []
