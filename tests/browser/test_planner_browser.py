"""The planner in Debian's Chromium: a typed entry reaches the page's plan, hostile inputs,
no JavaScript, print, instant navigation and the calendar download.

The arithmetic itself (planner-model.js) is checked against the Python model over thousands
of inputs by ``node --test tests/js/`` (tests/test_golden.py); here the page's wiring."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from support import ROOT, free_port, guide, mkdocs_build, serve
from macros.model import timeline as t
from macros.data.guide import load_guide

pytestmark = pytest.mark.browser

GUIDE = guide()
MODEL = t.model_data(GUIDE.params)
PLANNER = "lengthening/planner/"

SET_AND_READ = """([amount, unit, bone, method, date]) => {
  const f = document.querySelector('.app-planner__form');
  for (const r of f.querySelectorAll('input[name=unit]')) r.checked = r.value === unit;
  f.elements.bone.value = bone; f.elements.method.value = method;
  f.elements.date.value = date; f.elements.amount.value = amount;
  f.elements.amount.dispatchEvent(new Event('input', {bubbles: true}));
  const out = {phases: {}, milestones: {}, message: document.querySelector('.app-planner__message').textContent};
  for (const tr of document.querySelectorAll('.app-planner__result [data-phase]')) out.phases[tr.dataset.phase] = {...tr.dataset};
  for (const tr of document.querySelectorAll('.app-planner__result [data-milestone]')) out.milestones[tr.dataset.milestone] = {...tr.dataset};
  out.url = location.search;
  return out;
}"""


def _open(tab, site, query=""):
    tab.page.goto(site.url + PLANNER + query)
    tab.page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")


def test_a_typed_entry_reaches_the_plan(tab, site):
    """Key presses in the form give Python's plan on the page: the tables' days and dates,
    the summary, the chart and the address."""
    from macros.render import timeline as timeline_html
    page = tab.page
    _open(tab, site)
    page.check("input[name=unit][value=cm]")
    page.select_option("select[name=bone]", "tibia")
    page.select_option("select[name=method]", "frame")
    page.fill("input[name=date]", "2027-09-03")
    page.locator("input[name=amount]").press_sequentially("4,5")
    page.locator(".app-planner__result [data-amount-mm='45']").wait_for()
    expected = t.compute(MODEL, t.amount_to_mm(4.5, "cm"), "tibia", "frame", "2027-09-03")
    got = page.evaluate("""() => {
      const out = {phases: {}, milestones: {}, message: document.querySelector('.app-planner__message').textContent};
      for (const tr of document.querySelectorAll('.app-planner__result [data-phase]')) out.phases[tr.dataset.phase] = {...tr.dataset, text: tr.textContent};
      for (const tr of document.querySelectorAll('.app-planner__result [data-milestone]')) out.milestones[tr.dataset.milestone] = {...tr.dataset};
      out.summary = document.querySelector('.app-planner__result .app-timeline__summary').textContent;
      out.bars = [...document.querySelectorAll('.app-planner__result .app-timeline__row rect')].map(r => [r.getAttribute('x'), r.getAttribute('width')]);
      out.url = location.search;
      return out;
    }""")
    assert got["message"] == ""
    s = timeline_html.planner_strings(GUIDE.strings)  # the planner's strings with the page's number and date format
    for pid, (start, end) in expected.phases.items():
        shown = got["phases"][pid]
        assert (int(shown["startDay"]), int(shown["endDayMax"])) == (start.typical, end.max), pid
        assert timeline_html.day_text(s, end, expected) in shown["text"], pid
    for mid, span in expected.milestones.items():
        assert got["milestones"][mid]["date"] == expected.date(span.typical).isoformat(), mid
    assert got["summary"] == timeline_html.summary_text(s, expected)
    rows = timeline_html.chart_layout(expected)["rows"]
    assert got["bars"] == [bar for r in rows for bar in ([r["rangeX"], r["rangeWidth"]], [r["barX"], r["barWidth"]])]
    # the link is the same in every language: the typed "4,5" is written with a point
    assert "amount=4.5&" in got["url"] and "unit=cm" in got["url"] and "bone=tibia" in got["url"]
    assert tab.console_errors == []


def test_link_reproduces_the_estimate(tab, site):
    _open(tab, site, "?amount=2&unit=in&bone=tibia&method=frame&date=2027-03-01")
    expected = t.compute(MODEL, 2 * 25.4, "tibia", "frame", "2027-03-01")
    row = tab.page.locator(".app-planner__result [data-phase=consolidation]")
    assert int(row.get_attribute("data-end-day")) == expected.phases["consolidation"][1].typical
    assert tab.page.locator("[data-milestone=target_reached]").get_attribute("data-date") == \
        expected.date(expected.milestones["target_reached"].typical).isoformat()
    assert tab.console_errors == []


@pytest.mark.parametrize("age", ["child", "adult", "teen", "%3Cb%3E"])
def test_published_links_with_age_still_work(tab, site, age):
    # permanent links published before the age input was removed: age= is ignored politely
    _open(tab, site, f"?amount=60&bone=tibia&method=nail&age={age}")
    page = tab.page
    assert page.locator(".app-planner__message").inner_text().strip() == ""
    assert page.locator("#app-planner-age, [name=age]").count() == 0
    expected = t.compute(MODEL, 60, "tibia", "nail")
    end = int(page.locator(".app-planner__result [data-phase=consolidation]").get_attribute("data-end-day"))
    assert end == expected.phases["consolidation"][1].typical
    assert tab.console_errors == []


HOSTILE_TYPED = ["0", "-5", "1e400", "99999999", "abc", "4,5", "4 cm cm", "4 kg", "cm", "4 cm 5", "-4 cm", "<img src=x onerror=alert(1)>",
                 "x" * 500, "NaN", "Infinity", "", " "]


def test_hostile_inputs_are_polite_and_never_html(tab, site):
    page = tab.page
    _open(tab, site, "?amount=50&bone=femur&method=nail")
    good = page.locator(".app-planner__result [data-phase=consolidation]").get_attribute("data-end-day")
    for text in HOSTILE_TYPED:
        page.evaluate(SET_AND_READ, ["50", "mm", "femur", "nail", ""])
        got = page.evaluate(SET_AND_READ, [text, "mm", "femur", "nail", ""])
        if text == "4,5":  # 4.5 mm asks "Did you mean 4.5 cm?": no plan at all while asking
            assert page.locator(".app-planner__question p").inner_text(), text
            assert got["phases"] == {}, text
            assert GUIDE.strings["js"]["planner"]["kept_previous"] not in got["message"], text
            continue
        assert got["message"], text
        if text.strip():
            assert got["phases"]["consolidation"]["endDay"] == good, text  # last good estimate kept
            assert GUIDE.strings["js"]["planner"]["kept_previous"] in got["message"], text
        else:  # no amount: no plan at all, and no "last valid entry" wording
            assert got["phases"] == {}, text
            assert got["message"] == GUIDE.strings["js"]["planner"]["error_amount_missing"], text
    assert page.locator(".app-planner__result img, .app-planner__message *").count() == 0
    queries = ["?amount=%3Cscript%3Ealert(1)%3C/script%3E", "?bone=%3Cimg%20src=x%20onerror=alert(1)%3E",
               "?amount=" + "9" * 5000, "?method=frame&age=%22%3E%3Csvg%20onload=alert(1)%3E", "?date=2027-13-45",
               "?unit=furlong&amount=50", "?amount=50&amount=60&bone=tibia", "?%E0%A4%A=1"]
    for q in queries:
        _open(tab, site, q)
        ignorable = q.startswith("?amount=50&amount") or q.startswith("?%E0")  # a repeat or unknown name is ignored
        assert page.locator(".app-planner__message").inner_text().strip() or ignorable, q
        html = page.locator(".app-planner").inner_html()
        assert "<script>alert" not in html and "onerror=alert" not in html and "onload=alert" not in html, q
        rows = page.locator(".app-planner__result [data-phase=consolidation]")
        if q.startswith("?amount=50&amount"):
            assert int(rows.get_attribute("data-end-day")) == \
                t.compute(MODEL, 50, "tibia", "nail").phases["consolidation"][1].typical
        else:  # no usable amount: no plan (never the default one), the blank plan instead
            assert rows.count() == 0, q
            assert page.locator(".app-planner__blank").is_visible(), q
    assert tab.console_errors == []


def test_huge_amount_warns(tab, site):
    amount = MODEL["evidence_max_mm"] + 20
    _open(tab, site, f"?amount={amount:g}")
    assert tab.page.locator(".app-planner__result [data-warning=beyond_evidence]").is_visible()
    assert tab.console_errors == []


def test_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + PLANNER + "?amount=80&bone=tibia")
    default = t.compute(MODEL, MODEL["default_mm"], "femur", "nail")
    row = page.locator(".app-planner__result [data-phase=distraction]")
    assert int(row.get_attribute("data-end-day")) == default.phases["distraction"][1].typical
    assert page.locator(".app-planner__nojs").is_visible()
    assert page.locator("table.app-typical-timelines").is_visible()
    # no form whose button would reload the page and lose what was typed
    assert not page.locator(".app-planner__form").is_visible()
    assert page.locator(".app-planner__nojs a[href='#typical-timelines']").is_visible()
    assert page.locator(".app-planner__nojs a[href='#blank-plan']").is_visible()
    assert page.locator("#blank-plan").is_visible() and page.locator("#typical-timelines").count() == 1
    context.close()


def test_print_shows_plan_not_controls(tab, site):
    _open(tab, site, "?amount=60&bone=tibia&method=nail")
    tab.page.emulate_media(media="print")
    assert not tab.page.locator(".app-planner__form").is_visible()
    assert not tab.page.locator(".app-planner__actions").is_visible()
    assert tab.page.locator(".app-planner__result .app-timeline__phases").is_visible()
    pdf = tab.page.pdf()
    assert pdf[:4] == b"%PDF"


def test_works_after_instant_navigation(tab, site):
    page = tab.page
    # Material decides which links to load instantly from sitemap.xml: wait until it has it.
    page.goto(site.url + "lengthening/journey/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = 'yes'")
    page.locator("article a[href$='planner/']").first.click()
    page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
    assert page.evaluate("window.__sameDocument") == "yes"
    got = page.evaluate(SET_AND_READ, ["70", "mm", "tibia", "frame", ""])
    expected = t.compute(MODEL, 70, "tibia", "frame")
    assert int(got["phases"]["consolidation"]["endDay"]) == expected.phases["consolidation"][1].typical
    assert tab.console_errors == []


def test_ics_download(tab, site):
    page = tab.page
    _open(tab, site, "?amount=50&bone=femur&method=nail&date=2027-03-01")
    with page.expect_download() as info:
        page.locator("[data-action=ics]").click()
    text = open(info.value.path(), encoding="utf-8").read()
    expected = t.compute(MODEL, 50, "femur", "nail", "2027-03-01")
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == len(t.MILESTONES)
    for span in expected.milestones.values():
        assert "DTSTART;VALUE=DATE:" + expected.date(span.typical).strftime("%Y%m%d") in text
    assert tab.console_errors == []


def test_one_parameter_changes_prose_table_and_planner(tmp_path, browser):
    """Build a copy with a different typical latency: prose, static table and planner all follow."""
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", "node_modules", "__pycache__"))
    params = yaml.safe_load((proj / "data/parameters.yml").read_text())
    lat = params["parameters"]["lengthening"]["latency"]
    lat["typical"] = lat["typical"] + 1
    (proj / "data/parameters.yml").write_text(yaml.safe_dump(params, allow_unicode=True))
    out = tmp_path / "site"
    mkdocs_build(out, config=proj / "mkdocs.yml")
    changed = load_guide(proj / "data")
    model = t.model_data(changed.params)
    journey = re.sub(r"\s+", " ", (out / "lengthening/journey/index.html").read_text())
    assert f"often about {lat['typical']} days" in journey
    planner_html = (out / PLANNER / "index.html").read_text()
    cell = re.search(r'<td data-amount-mm="50" data-bone="tibia" data-method="nail" data-sport-day="(\d+)"', planner_html)
    assert int(cell.group(1)) == t.compute(model, 50, "tibia", "nail").totals["return_to_sport"].typical
    port = free_port()
    httpd = serve(out, port)
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{port}/{PLANNER}?amount=50")
        page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
        start = page.locator(".app-planner__result [data-milestone=lengthening_start]").get_attribute("data-day")
        assert int(start) == lat["typical"]
    finally:
        page.close()
        httpd.shutdown()


def test_stage_names_follow_the_method_as_in_python(tab, site):
    """Frames: walk as much as you can; nails: weight as advised. The browser shows the same
    stage and milestone names as the static HTML (macros/render/timeline.py) for each method."""
    from bs4 import BeautifulSoup
    from macros.render import timeline as timeline_html
    _open(tab, site)
    s = GUIDE.strings["js"]["planner"]
    names = {}
    for method in t.METHODS:
        tab.page.evaluate(SET_AND_READ, ["50", "mm", "femur", method, ""])
        got = tab.page.evaluate("""() => ({
          phases: [...document.querySelectorAll('.app-planner__result [data-phase] th')].map(e => e.textContent),
          milestones: [...document.querySelectorAll('.app-planner__result [data-milestone] th')].map(e => e.textContent),
          labels: [...document.querySelectorAll('.app-planner__result .app-timeline__row .app-timeline__label')].map(e => e.textContent)})""")
        html = timeline_html.timeline(GUIDE, t.compute(MODEL, 50, "femur", method), "/references/")
        soup = BeautifulSoup(str(html), "html.parser")
        assert got["phases"] == [e.get_text() for e in soup.select("[data-phase] th")], method
        assert got["milestones"] == [e.get_text() for e in soup.select("[data-milestone] th")], method
        assert got["labels"] == got["phases"], method
        names[method] = got["phases"][t.PHASES.index("protected_walking")]
        assert names[method] == s["phases"]["protected_walking"][method]
    assert names["nail"] != names["frame"]
    assert tab.console_errors == []
