"""The two tools (timeline planner, growth estimator) as a person meets them, in Debian's
Chromium on a phone (390 x 844, touch) and on a desktop: units and plausibility, links
without an amount, the result in view while typing, the estimator's words and links,
tap targets, no sideways scrolling, paper, no JavaScript and the calendar file.

Each test writes screenshots to build/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from support import ROOT, guide, mkdocs_build, zbar_svg
from macros.model import growth
from macros.render import growth as growth_html
from macros.model import units
from macros.model import timeline as t

pytestmark = pytest.mark.browser

GUIDE = guide()
MODEL = t.model_data(GUIDE.params)
GMODEL = growth.model_from_params(GUIDE.params)
PS = GUIDE.strings["js"]["planner"]
GS = growth_html.js_strings(GUIDE.strings, GMODEL)  # the range sentence with its margin filled in
PLANNER = "lengthening/planner/"
GROWTH = "children/growth-prediction/"
SHOTS = ROOT / "build" / "screenshots"
PLAUSIBLE = GUIDE.params["lengthening.plausible_amount"]
G_MIN = GUIDE.params["growth.estimator.plausible_min"].value
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DEFAULT_UNIT = re.search(r"^\s*default_unit:\s*(\w+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)


def shot(page, name: str, **kw) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), **kw)


@pytest.fixture(params=["phone", "desktop"])
def device(request, browser):
    context = browser.new_context(**(PHONE if request.param == "phone" else DESKTOP))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield request.param, page, errors
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    yield page
    context.close()


def open_planner(page, site, query=""):
    page.goto(site.url + PLANNER + query)
    page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")


def open_growth(page, site, query=""):
    page.goto(site.url + GROWTH + query)
    page.wait_for_selector("[data-app-widget='growth'][data-app-init='1']")


def print_plan(page) -> None:
    """What "Print this plan" does, up to the browser's print dialog (headless Chromium
    has none: page.pdf() then prints)."""
    page.evaluate("window.print = () => { window.__printed = document.documentElement.className; }")
    page.locator("[data-action=print]").click()
    assert "app-print-plan" in page.evaluate("window.__printed")
    page.emulate_media(media="print")


def _pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _zbar_page(png) -> list[str]:
    """Every QR code zbarimg finds on a scanned page (none is not an error here)."""
    proc = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                          capture_output=True, text=True, timeout=30)
    return proc.stdout.splitlines()


def plan_rows(page):
    return page.locator(".app-planner__result [data-phase]").count()


# --- units and plausibility -------------------------------------------------------

@pytest.mark.parametrize("text,value", [("4.5", 4.5), ("4,5", 4.5), (" 40 ", 40.0), ("4.", 4.0), (",5", 0.5),
                                        ("4;5", None), ("4,5,6", None), ("1e3", None), ("-4", None), ("", None),
                                        ("four", None)])
def test_decimal_reading(text, value):
    assert units.parse_decimal(text) == value


def test_unit_switch_display_and_suggestion():
    low, high = PLAUSIBLE.low, PLAUSIBLE.high
    bare = low / 10  # a number that is too small in mm but right in cm
    assert units.suggest_unit(bare, "mm", low, high) == "cm"
    assert units.suggest_unit(high / 5, "cm", low, high) == "mm"  # e.g. "50 cm": did you mean mm?
    assert units.suggest_unit(low * 2, "mm", low, high) is None
    assert units.from_mm(units.to_mm(4, "cm"), "mm") == 40
    assert units.from_mm(40, "in") == 1.57


MODEL_SCRIPTS = r"""() => [...document.scripts].map(s => s.src.split('/').pop())
  .filter(n => /^(units-model|planner-model|growth-model|planner|growth)\.js$/.test(n))"""


def test_each_tool_loads_the_shared_units_model_first(tab, site):
    """units-model.js, then the tool's model, then the tool, each once and in that order
    (widgets.js adds them with async = false)."""
    page = tab.page
    open_planner(page, site)
    assert page.evaluate(MODEL_SCRIPTS) == ["units-model.js", "planner-model.js", "planner.js"]
    assert page.evaluate("Object.isFrozen(window.LLGUnitsModel) && typeof window.LLGPlannerModel.compute") == "function"
    open_growth(page, site)
    assert page.evaluate(MODEL_SCRIPTS) == ["units-model.js", "growth-model.js", "growth.js"]
    assert page.evaluate("typeof window.LLGGrowthModel.predict") == "function"
    assert tab.console_errors == []


def test_edition_default_unit_is_offered(tab, site):
    page = tab.page
    open_planner(page, site)
    assert page.is_checked(f"input[name=unit][value={DEFAULT_UNIT}]")
    open_growth(page, site)
    assert page.is_checked(f"input[name=unit][value={DEFAULT_UNIT}]")
    page.goto(site.url + "clinicians/linking/")
    assert page.locator("#app-lb-unit").input_value() == DEFAULT_UNIT


def test_cm_in_links_form_and_printed_plan(device, site):
    name, page, errors = device
    open_planner(page, site, "?amount=4.5&unit=cm&bone=tibia&method=frame")
    box = page.locator(".app-planner__result .app-timeline")
    assert float(box.get_attribute("data-amount-mm")) == units.to_mm(4.5, "cm")
    expected = t.compute(MODEL, units.to_mm(4.5, "cm"), "tibia", "frame")
    assert int(page.locator("[data-milestone=target_reached]").get_attribute("data-day")) == \
        expected.milestones["target_reached"].typical
    caption = page.locator(".app-timeline__caption").inner_text()
    assert "4.5 cm (45 mm)" in caption
    page.emulate_media(media="print")
    assert page.locator(".app-timeline__caption").is_visible()
    page.emulate_media(media="screen")
    open_growth(page, site, "?sex=girl&years=8&months=0&diff=2,5&unit=cm")
    result = page.locator(".app-growth__output .app-growth-result")
    assert result.get_attribute("data-current-mm") == "25"
    assert GS["length_cm"].format(cm="2.5", mm="25") in result.inner_text()
    shot(page, f"growth-cm-link-{name}")
    assert errors == []


@pytest.mark.parametrize("value", ["in", "furlong"])
def test_clinic_edition_sets_the_default_unit(tmp_path, browser, value):
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", "build", "node_modules", "__pycache__", ".venv"))
    conf = proj / "mkdocs.yml"
    conf.write_text(re.sub(r"^(\s*default_unit:)\s*\w+", rf"\1 {value}", conf.read_text(), flags=re.M))
    out = tmp_path / "site"
    proc = mkdocs_build(out, config=conf, check=False)
    if value == "furlong":
        assert proc.returncode != 0
        lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "extra.default_unit" in ln]
        assert lines and "furlong" in lines[0] and "mkdocs.yml" in lines[0]
        return
    assert proc.returncode == 0, proc.stderr
    html = (out / PLANNER / "index.html").read_text()
    assert re.search(r'<input type="radio" name="unit" value="in" checked>', html)
    assert re.search(r'name="unit" value="in" checked>', (out / GROWTH / "index.html").read_text())


def test_implausible_amount_asks_with_a_one_tap_fix(device, site):
    name, page, errors = device
    open_planner(page, site)
    bare = "4"  # a bare 4 typed in mm
    assert units.suggest_unit(4, "mm", PLAUSIBLE.low, PLAUSIBLE.high) == "cm"
    page.check("input[name=unit][value=mm]")
    page.fill("#app-planner-amount", bare)
    q = page.locator(".app-planner__question")
    assert q.locator("p").inner_text() == PS["question"].format(amount=f"{bare} cm")
    assert plan_rows(page) == 0  # never a silent plan
    q.locator("p").scroll_into_view_if_needed()
    shot(page, f"planner-question-{name}")
    fix = q.locator("button[data-fix-unit=cm]")
    assert fix.inner_text() == PS["question_fix"].format(amount=f"{bare} cm")
    box = fix.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    fix.click() if name == "desktop" else fix.tap()
    assert page.is_checked("input[name=unit][value=cm]")
    assert float(page.locator(".app-planner__result .app-timeline").get_attribute("data-amount-mm")) == \
        units.to_mm(float(bare), "cm")
    assert q.inner_text() == ""
    # the estimator: the same question, and "no, it is right" keeps the typed unit
    open_growth(page, site)
    page.check("input[name=sex][value=boy]")
    page.fill("input[name=years]", "8")
    page.check("input[name=unit][value=mm]")
    page.fill("input[name=diff]", "4")
    assert page.locator(".app-growth__question").inner_text() == ""  # not before the field was left
    page.locator("input[name=years]").focus()
    gq = page.locator(".app-growth__question")
    gq.locator("p").wait_for()
    assert gq.locator("p").inner_text() == GS["question"].format(amount="4 cm")
    assert page.locator(".app-growth__output .app-growth-result").count() == 0
    gq.scroll_into_view_if_needed()
    shot(page, f"growth-question-{name}")
    gq.locator("button[data-fix-unit=cm]").click()
    assert page.locator(".app-growth__output .app-growth-result").get_attribute("data-current-mm") == "40"
    page.check("input[name=unit][value=mm]")  # the number stays; the question comes back
    assert page.input_value("input[name=diff]") == "4"
    gq.locator("button[data-keep]").click()
    assert page.locator(".app-growth__output .app-growth-result").get_attribute("data-current-mm") == "4"
    assert errors == []


def _visible_plan_rows(page) -> int:
    return sum(1 for i in range(plan_rows(page))
               if page.locator(".app-planner__result [data-phase]").nth(i).is_visible())


@pytest.mark.parametrize("query,asked", [("?amount=4&unit=mm&bone=tibia&method=frame&date=2027-03-15", "4 cm"),
                                         ("?amount=50&unit=cm&bone=tibia&method=frame", "50 mm")])
def test_a_link_that_asks_shows_no_plan(device, site, query, asked):
    name, page, errors = device
    open_planner(page, site, query)
    assert page.locator(".app-planner__question p").inner_text() == PS["question"].format(amount=asked)
    assert _visible_plan_rows(page) == 0  # no plan while asking, neither the example nor another
    assert page.locator(".app-planner__example").count() == 0
    assert page.locator(".app-planner__result .app-timeline").count() == 0
    assert PS["kept_previous"] not in page.locator(".app-planner__message").inner_text()
    blank = page.locator(".app-planner__blank")
    assert blank.is_visible()  # the plan to fill in, with the link's bone and method
    assert blank.locator("[data-blank=bone]").inner_text() == PS["bones"]["tibia"]
    assert blank.locator("[data-blank=method]").inner_text() == PS["methods"]["frame"]
    shot(page, f"planner-link-asks-{name}-{asked.replace(' ', '')}")
    page.locator(".app-planner__question button[data-fix-unit]").click()
    assert float(page.locator(".app-planner__result .app-timeline").get_attribute("data-amount-mm")) == \
        units.to_mm(float(asked.split()[0]), asked.split()[1])
    assert page.locator(".app-planner__result .app-timeline").get_attribute("data-bone") == "tibia"
    assert errors == []


@pytest.mark.parametrize("query", ["?amount=abc&bone=tibia&method=frame", "?amount=99999999&bone=tibia",
                                   "?amount=0&bone=tibia", "?amount=5&unit=furlong"])
def test_the_example_never_stays_after_a_link(tab, site, query):
    page = tab.page
    open_planner(page, site, query)
    assert page.locator(".app-planner__example").count() == 0
    assert _visible_plan_rows(page) == 0
    assert page.locator(".app-planner__message").inner_text().strip()


@pytest.mark.parametrize("query,named", [("?amount=5&unit=cm&bone=shin&method=frame", {"bone": "shin"}),
                                         ("?amount=5&unit=cm&bone=tibia&method=rail", {"method": "rail"}),
                                         ("?amount=5&unit=cm&bone=leg&method=rail", {"bone": "leg", "method": "rail"}),
                                         ("?amount=5&unit=cm&bone=%3Cb%3E&method=nail", {"bone": "<b>"})])
def test_an_unknown_bone_or_method_asks_the_person_to_choose(device, site, query, named):
    name, page, errors = device
    open_planner(page, site, query)
    assert plan_rows(page) == 0 and page.locator(".app-planner__example").count() == 0
    message = page.locator(".app-planner__message").inner_text()
    for field, value in named.items():
        if value.isalpha():  # a word is named; markup is not repeated
            assert PS["error_link_value"].format(field=PS["field_words"][field], value=value) in message
        else:
            assert PS["error_link_value_unnamed"].format(field=PS["field_words"][field]) in message
            assert value not in message
        assert page.input_value(f"#app-planner-{field}") == ""
        assert page.locator(f"#app-planner-{field} option:checked").inner_text() == PS["choose_option"]
    choose = PS["error_choose_both"] if len(named) == 2 else PS[f"error_choose_{next(iter(named))}"]
    assert message.endswith(choose)
    assert PS["kept_previous"] not in message
    assert page.locator(".app-planner__message *").count() == 0  # the value is text, never markup
    shot(page, f"planner-unknown-{'-'.join(named)}-{name}")
    page.select_option("#app-planner-bone", "tibia")
    page.select_option("#app-planner-method", "frame")
    box = page.locator(".app-planner__result .app-timeline")
    assert box.get_attribute("data-bone") == "tibia" and box.get_attribute("data-method") == "frame"
    assert float(box.get_attribute("data-amount-mm")) == 50
    assert page.locator(".app-planner__message").inner_text() == ""
    assert "bone=tibia" in page.url and "method=frame" in page.url
    assert errors == []


def test_link_values_in_capitals_are_read(tab, site):
    page = tab.page
    open_planner(page, site, "?amount=5&unit=CM&bone=Tibia&method=FRAME")
    box = page.locator(".app-planner__result .app-timeline")
    assert box.get_attribute("data-bone") == "tibia" and box.get_attribute("data-method") == "frame"
    assert float(box.get_attribute("data-amount-mm")) == 50
    assert page.locator(".app-planner__message").inner_text() == ""


def test_a_link_without_bone_or_method_keeps_the_documented_defaults(tab, site):
    page = tab.page
    open_planner(page, site, "?amount=5&unit=cm")
    box = page.locator(".app-planner__result .app-timeline")
    assert box.get_attribute("data-bone") == "femur" and box.get_attribute("data-method") == "nail"


def test_unit_switching_is_lossless(device, site):
    name, page, errors = device
    open_planner(page, site)
    page.check("input[name=unit][value=mm]")
    page.fill("#app-planner-amount", "40")
    amount = page.locator(".app-planner__result .app-timeline")
    for unit, shown in (("in", str(units.from_mm(40, "in"))), ("cm", "4"), ("in", str(units.from_mm(40, "in"))),
                        ("mm", "40")):
        page.check(f"input[name=unit][value={unit}]")
        assert page.input_value("#app-planner-amount") == shown, unit
        assert float(amount.get_attribute("data-amount-mm")) == 40, unit  # the plan never moves
    # typed, then its unit chosen: a number that gave no plan in the old unit keeps its digits
    page.check("input[name=unit][value=mm]")
    page.fill("#app-planner-amount", "5")  # implausible in mm
    page.check("input[name=unit][value=cm]")
    assert page.input_value("#app-planner-amount") == "5"
    assert float(amount.get_attribute("data-amount-mm")) == 50
    # the estimator: the unit says what the number is in, so switching never changes it
    open_growth(page, site, "?sex=boy&years=8&diff=40&unit=mm")
    result = page.locator(".app-growth__output .app-growth-result")
    for unit in ("in", "cm", "mm"):
        page.check(f"input[name=unit][value={unit}]")
        assert page.input_value("input[name=diff]") == "40", unit
    assert result.get_attribute("data-current-mm") == "40"
    assert errors == []


def test_decimal_comma_is_read_the_same_in_both_tools(tab, site):
    page = tab.page
    open_planner(page, site)
    page.check("input[name=unit][value=cm]")
    page.fill("#app-planner-amount", "4,5")
    assert float(page.locator(".app-planner__result .app-timeline").get_attribute("data-amount-mm")) == 45
    page.fill("#app-planner-amount", "4;5")
    planner_msg = page.locator(".app-planner__message").inner_text()
    assert planner_msg.startswith(PS["error_amount_not_number"])
    open_growth(page, site, "?sex=boy&years=8&diff=4,5&unit=cm")
    assert page.locator(".app-growth__output .app-growth-result").get_attribute("data-current-mm") == "45"
    open_growth(page, site, "?sex=boy&years=8&diff=4;5&unit=cm")
    assert page.locator(".app-growth__errors li").inner_text() == GS["errors"]["diff"].format(example=GS["diff_examples"]["cm"])
    assert tab.console_errors == []


# --- ready links and messages --------------------------------------------------------

def test_link_without_amount_asks_and_prints_a_blank_plan(device, site):
    name, page, errors = device
    open_planner(page, site, "?bone=tibia&method=frame")
    assert plan_rows(page) == 0
    assert page.locator(".app-planner__message").inner_text() == PS["error_amount_missing"]
    blank = page.locator("#blank-plan")
    assert blank.is_visible()
    assert blank.locator("[data-blank=bone]").inner_text() == PS["bones"]["tibia"]
    assert blank.locator("[data-blank=method]").inner_text() == PS["methods"]["frame"]
    shot(page, f"planner-link-without-amount-{name}")
    print_plan(page)
    assert blank.is_visible() and not page.locator(".app-planner__form").is_visible()
    assert 1 <= _pdf_pages(page.pdf(format="A4")) <= 2
    page.emulate_media(media="screen")
    page.fill("#app-planner-amount", "5")
    assert plan_rows(page) == 5 and not blank.is_visible()
    assert errors == []


def test_messages_fit_the_moment(tab, site):
    page = tab.page
    open_planner(page, site)
    assert page.locator(".app-planner__message").inner_text() == ""  # nothing typed yet: no message
    page.fill("#app-planner-amount", "abc")
    assert page.locator(".app-planner__message").inner_text() == PS["error_amount_not_number"]
    assert PS["kept_previous"] not in page.locator(".app-planner__message").inner_text()
    page.check("input[name=unit][value=cm]")
    page.fill("#app-planner-amount", "5")
    assert page.locator(".app-planner__message").inner_text() == ""
    page.fill("#app-planner-amount", "abc")
    assert page.locator(".app-planner__message").inner_text() == \
        PS["error_amount_not_number"] + " " + PS["kept_previous"]


# --- seeing the result ------------------------------------------------------------

def test_phone_shows_the_result_while_typing(phone, site):
    page = phone
    open_planner(page, site, "?unit=cm&bone=femur&method=nail")
    field = page.locator("#app-planner-amount")
    field.scroll_into_view_if_needed()
    field.tap()
    page.keyboard.type("6")
    expected = t.compute(MODEL, 60, "femur", "nail")
    solid, sport = expected.totals["bone_solid"], expected.totals["return_to_sport"]
    text = PS["peek"].format(solid=PS["months_range"].format(min=t.months(solid.min), max=t.months(solid.max)),
                             sport=PS["months_range"].format(min=t.months(sport.min), max=t.months(sport.max)))
    peek = page.locator(".app-planner__peek")
    assert peek.inner_text() == text
    box, fbox = peek.bounding_box(), field.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844  # in view while typing
    assert fbox["y"] + fbox["height"] <= box["y"]  # and not over the field
    shot(page, "planner-typing-phone")
    # the actions come after the result they act on
    result = page.locator(".app-planner__result").bounding_box()
    actions = page.locator(".app-planner__actions").bounding_box()
    assert actions["y"] >= result["y"] + result["height"]
    page.locator(".app-planner__actions").scroll_into_view_if_needed()
    shot(page, "planner-actions-phone")


def test_chart_legend_labels_and_colours(device, site):
    name, page, errors = device
    open_planner(page, site, "?amount=60&unit=mm&bone=femur&method=frame")
    chart = page.locator(".app-planner__result svg.app-timeline__chart")
    legend = chart.locator(".app-timeline__legend text").all_text_contents()
    assert legend == [PS["legend_typical"], PS["legend_range"]]
    sizes = page.evaluate("""() => {
      const svg = document.querySelector('.app-planner__result svg.app-timeline__chart');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    }""")
    assert min(sizes) >= 12, sizes
    chart.scroll_into_view_if_needed()
    shot(page, f"planner-chart-{name}")

    def contrast():
        return page.evaluate("""() => {
          const lum = c => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(x => { x /= 255;
            return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
            return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
          const text = getComputedStyle(document.querySelector('.app-timeline__label')).fill;
          let el = document.querySelector('.app-timeline__chart'), bg = 'rgba(0, 0, 0, 0)';
          while (el && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) { bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }
          if (/rgba\\(0, 0, 0, 0\\)/.test(bg)) bg = 'rgb(255, 255, 255)';
          const a = lum(text), b = lum(bg);
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""")
    assert contrast() >= 4.5
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert contrast() >= 4.5
    shot(page, f"planner-chart-dark-{name}", clip=chart.bounding_box() if name == "desktop" else None)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.app-timeline__label')).fill") == "rgb(0, 0, 0)"
    assert errors == []


def test_tables_styled_ordered_and_captioned(tab, site):
    page = tab.page
    open_planner(page, site, "?amount=50&unit=mm&bone=femur&method=nail")
    days = [int(x) for x in page.locator(".app-timeline__milestones tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.day)")]
    assert days == sorted(days)
    assert page.locator(".app-timeline__milestones caption").inner_text() == PS["milestone_table_caption"]
    assert page.locator(".app-timeline__phases caption").inner_text() == PS["phase_table_caption"]
    assert re.match(r"^day \d+", page.locator(".app-timeline__phases tbody td").first.inner_text())
    page.fill("#app-planner-date", "2027-03-01")
    assert page.locator(".app-timeline__phases caption").inner_text() == PS["phase_table_caption_dates"]
    assert page.locator(".app-timeline__milestones caption").inner_text() == PS["milestone_table_caption_dates"]
    assert "2027" in page.locator(".app-timeline__phases tbody td").first.inner_text()
    # styled like the page's other (Markdown) tables
    style = """sel => { const td = document.querySelector(sel); const s = getComputedStyle(td);
                return [s.borderTopStyle, s.borderTopColor, getComputedStyle(td.closest('table')).fontSize]; }"""
    mine = page.evaluate(style, ".app-timeline__phases tbody td")
    page.goto(site.url + "lengthening/risks/")  # a page with plain Markdown tables
    theirs = page.evaluate(style, "article table:not([class]) tbody td")
    assert mine == theirs


def test_estimator_first_screen_live_words_and_links(device, site):
    name, page, errors = device
    open_growth(page, site)
    jump = page.locator("article a[href$='#try-the-estimator']").first
    box = jump.bounding_box()
    assert box["y"] + box["height"] <= (844 if name == "phone" else 900)
    shot(page, f"growth-first-screen-{name}")
    jump.click()
    page.wait_for_function("location.hash === '#try-the-estimator'")
    # typing: no message before a field was left, a result as soon as everything is there
    page.fill("input[name=years]", "8")
    assert page.locator(".app-growth__errors").count() == 0
    status = page.locator(".app-growth__status").inner_text()  # what is still needed, not an error
    assert status.startswith(GS["missing"].split("{")[0]) and GS["missing_fields"]["sex"] in status
    page.check("input[name=sex][value=girl]")
    page.check("input[name=unit][value=mm]")
    page.locator("input[name=diff]").type("30")
    result = page.locator(".app-growth__output .app-growth-result")
    p = growth.predict(GMODEL, "girl", 96, 30.0)
    assert result.get_attribute("data-predicted-mm") == growth.num(growth.round1(p.predicted_mm))
    words = result.locator(".app-growth-result__band-name").inner_text()
    assert words == GS["band_words"].format(name=GS["band_name"][p.band])
    links = page.locator(".app-growth-next a")
    kinds = links.evaluate_all("as => as.map(a => a.dataset.next)")
    assert kinds[0] == p.band and kinds[-1] == "questions"
    for href in links.evaluate_all("as => as.map(a => a.href)"):
        with urllib.request.urlopen(href) as r:
            assert r.status == 200, href
    result.scroll_into_view_if_needed()
    shot(page, f"growth-result-{name}")
    assert errors == []


def _crossing_case():
    for diff in range(5, 120):
        for age in GMODEL.ages[1:-1]:
            p = growth.predict(GMODEL, "boy", age, float(diff))
            if p.band_min != p.band_max:
                return age, diff, p
    raise AssertionError("no input crosses a band")


def test_range_that_crosses_bands_names_them(tab, site):
    age, diff, p = _crossing_case()
    page = tab.page
    open_growth(page, site, f"?sex=boy&years={age // 12}&months={age % 12}&diff={diff}&unit=mm")
    text = page.locator(".app-growth__output .app-growth-result__band-uncertain").inner_text()
    crossed = growth.BANDS[growth.BANDS.index(p.band_min):growth.BANDS.index(p.band_max) + 1]
    assert text == GS["band_crosses"].format(names=GS["band_join"].join(GS["band_name"][b] for b in crossed))
    kinds = page.locator(".app-growth-next a").evaluate_all("as => as.map(a => a.dataset.next)")
    assert set(crossed) <= set(kinds)
    # the same words in Python (static worked examples use them)
    assert ("band-uncertain", text) in growth_html.result_parts(GS, p, "mm")


TARGETS = """root => Array.from(document.querySelectorAll(root)).flatMap(r => Array.from(r.querySelectorAll(
  'button, select, input[type=text], input[type=date], label:has(input[type=radio]), .app-growth-next a')))
  .filter(e => e.offsetParent !== null)
  .map(e => { const b = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 60), b.width, b.height]; })"""


@pytest.mark.parametrize("path,root", [(PLANNER + "?amount=5&unit=cm", ".app-planner"),
                                       (GROWTH + "?sex=boy&years=8&diff=2&unit=cm", ".app-growth")])
def test_tap_targets(phone, site, path, root):
    phone.goto(site.url + path)
    phone.wait_for_selector("[data-app-ready], [data-app-init='1']")
    targets = phone.evaluate(TARGETS, root)
    assert len(targets) >= 6
    small = [x for x in targets if x[1] < 44 or x[2] < 44]
    assert small == []


def _pages(site_dir: Path) -> list[str]:
    out = []
    for f in sorted(site_dir.rglob("index.html")):
        rel = f.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("go/", "assets/")) or 'http-equiv="refresh"' in f.read_text(encoding="utf-8")[:3000]:
            continue
        out.append("" if rel == "." else rel + "/")
    return out


def test_no_sideways_scroll_on_a_phone(phone, site):
    pages = _pages(site.dir)
    assert len(pages) > 20
    wide = []
    for path in pages:
        phone.goto(site.url + path, wait_until="load")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append((path, width))
    phone.goto(site.url + "treatment/")
    phone.locator(".app-options-table").scroll_into_view_if_needed()
    shot(phone, "options-table-phone")
    assert wide == []


# --- paper and no JavaScript ----------------------------------------------------------

def test_printed_plan_fits_two_pages_and_its_qr_reopens_it(tab, site, tmp_path):
    page = tab.page
    query = "?amount=6&unit=cm&bone=tibia&method=nail&date=2027-03-01"
    open_planner(page, site, query)
    page.wait_for_selector(".app-planner__printinfo[data-qr]", state="attached")
    print_plan(page)
    info = page.locator(".app-planner__printinfo")
    assert info.is_visible() and page.locator(".app-timeline__assumptions").is_visible()
    assert page.locator(".app-planner__printed").inner_text().startswith(PS["printed"].split("{date}")[0])
    url = info.get_attribute("data-url")
    assert url.split("//", 1)[1] in page.locator(".app-planner__reopen").inner_text()
    pdf = page.pdf(format="A4")
    (SHOTS).mkdir(parents=True, exist_ok=True)
    (SHOTS / "planner-print.pdf").write_bytes(pdf)
    assert 1 <= _pdf_pages(pdf) <= 2
    svg = page.locator(".app-planner__qr svg").evaluate("e => e.outerHTML")
    decoded = zbar_svg(page.context, svg, tmp_path / "plan.png")
    assert decoded == [url]
    # on paper the code is at least 25 mm wide (96 CSS px = 25.4 mm) and decodes from a 150 dpi scan
    assert page.locator(".app-planner__qr svg").bounding_box()["width"] >= 25 / 25.4 * 96
    (tmp_path / "plan.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "plan.pdf"), str(tmp_path / "scan")],
                   check=True, timeout=60)
    scanned = [line for png in sorted(tmp_path.glob("scan*.png")) for line in _zbar_page(png)]
    assert scanned == [url]
    # the address in the code reproduces the inputs
    got = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert got == {k: [v] for k, v in urllib.parse.parse_qsl(query[1:])}
    page.emulate_media(media="screen")
    page.goto(url)
    page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
    assert float(page.locator(".app-planner__result .app-timeline").get_attribute("data-amount-mm")) == 60
    assert page.locator("[data-milestone=target_reached]").get_attribute("data-date") is not None
    assert tab.console_errors == []


def test_print_screenshot(browser, site):
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    open_planner(page, site, "?amount=6&unit=cm&bone=tibia&method=nail&date=2027-03-01")
    page.wait_for_selector(".app-planner__printinfo[data-qr]", state="attached")
    print_plan(page)
    shot(page, "planner-print-view", full_page=True)
    context.close()


def test_clinicians_slip_prints_on_one_page(tab, site):
    page = tab.page
    page.goto(site.url + "clinicians/linking/")
    page.wait_for_selector("[data-app-widget='linkbuilder'][data-app-init]")
    page.fill("#app-lb-amount", "5")
    page.wait_for_selector(".app-slip svg")
    page.evaluate("document.documentElement.classList.add('app-print-slip')")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert _pdf_pages(pdf) == 1


def test_without_javascript_nothing_is_lost(browser, site):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site.url + GROWTH)
    assert not page.locator(".app-growth__form").is_visible()  # no button that would lose what was typed
    note = page.locator(".app-growth__noscript")
    assert note.is_visible()
    for anchor in ("#the-multiplier-table", "#worked-examples"):
        assert note.locator(f"a[href='{anchor}']").count() == 1 and page.locator(anchor).count() == 1
    note.scroll_into_view_if_needed()
    shot(page, "growth-nojs-phone")
    page.goto(site.url + PLANNER + "?bone=tibia")
    assert not page.locator(".app-planner__form").is_visible()
    assert page.locator(".app-planner__example").inner_text().startswith(
        GUIDE.strings["templates"]["planner"]["example_note"].split("(")[0])
    page.locator(".app-planner__nojs").scroll_into_view_if_needed()
    shot(page, "planner-nojs-phone")
    # ready links on the clinicians' page show their plan in words
    page.goto(site.url + "clinicians/linking/")
    opts = GUIDE.strings["templates"]["clinic"]["options"]
    first = page.locator(".app-linktable--plans tbody tr").first.locator("td").first.inner_text()
    assert opts["bone"]["femur"] in first and opts["method"]["nail"] in first
    context.close()


# --- calendar -----------------------------------------------------------------------------

def _octets(line: str) -> int:
    return len(line.encode("utf-8"))


@pytest.mark.parametrize("line", ["SUMMARY:" + "x" * 200, "DESCRIPTION:" + "é" * 100, "X:" + "😀" * 40,
                                  "SHORT:line", "A:" + "a" * 73, "A:" + "a" * 74])
def test_ics_lines_are_folded(tab, site, line):
    open_planner(tab.page, site)
    folded = tab.page.evaluate("l => window.LLGPlannerModel.foldLine(l)", line)
    parts = folded.split("\r\n")
    assert all(_octets(p) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line  # unfolding gives the line back
    assert (len(parts) > 1) == (_octets(line) > 75)


def test_ics_says_a_range_only_when_there_is_one(tab, site):
    page = tab.page
    open_planner(page, site, "?amount=50&unit=mm&bone=femur&method=nail&date=2027-03-01")
    with page.expect_download() as info:
        page.locator("[data-action=ics]").click()
    raw = open(info.value.path(), encoding="utf-8", newline="").read()
    long = [line for line in raw.split("\r\n") if _octets(line) > 75]
    assert long == []
    text = raw.replace("\r\n ", "")
    descriptions = re.findall(r"^DESCRIPTION:(.*)$", text, re.M)
    assert len(descriptions) == len(t.MILESTONES)
    between = PS["ics_description"].split("{min}")[0].replace(",", "\\,")
    for d in descriptions:
        m = re.search(r"between (.+?) and (.+?)\\.", d)
        if m:
            assert m.group(1) != m.group(2), d
    single = PS["ics_description_single"].split("{date}")[0].replace(",", "\\,")
    assert sum(d.startswith(single) for d in descriptions) >= 1  # the operation day is one date
    assert sum(d.startswith(between) for d in descriptions) >= 1


# --- search in a patient's words -------------------------------------------------------

# Query -> the patient pages that may come first (Material's search, run in the browser on
# the built site). The evidence table, the references and the clinicians' pages rank below.
PATIENT_QUERIES = {
    "fracture": {"understanding/causes/"},
    "broken leg": {"understanding/causes/"},
    "pain": {"understanding/signs-and-effects/", "lengthening/daily-life/"},
    "nail": {"treatment/lengthening-methods/", "lengthening/daily-life/", "lengthening/journey/"},
    "frame": {"treatment/lengthening-methods/", "lengthening/daily-life/", "lengthening/journey/"},
    "shoe": {"treatment/shoe-lifts/"},
    "school": {"lengthening/daily-life/"},
    "how long": {"lengthening/planner/", "lengthening/journey/"},
}


def test_patient_words_find_patient_pages_first(tab, site):
    page = tab.page
    page.goto(site.url, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    tops = {}
    for query in PATIENT_QUERIES:
        search.click()
        search.fill("")
        search.type(query, delay=10)  # real key presses: Material searches on keyup
        first = page.locator(".md-search-result__list > li > a").first
        first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)  # the list settles after the last key
        hrefs = page.eval_on_selector_all(".md-search-result__list > li > a", "as => as.map(a => a.href)")
        paths = [urllib.parse.urlsplit(h).path.lstrip("/") for h in hrefs]
        tops[query] = paths[0]
        low = [i for i, p in enumerate(paths) if p.startswith(("clinicians/", "references/"))]
        assert not low or low[0] > 0, (query, paths[:3])
        page.keyboard.press("Escape")
    if tops != {q: p for q, p in tops.items() if p in PATIENT_QUERIES[q]}:
        raise AssertionError({q: (p, sorted(PATIENT_QUERIES[q])) for q, p in tops.items() if p not in PATIENT_QUERIES[q]})
    assert tab.console_errors == []


# --- an amount typed with its unit ------------------------------------------------

# (typed, the number alone, its unit): "4 cm" typed must give what 4 with cm chosen gives
TYPED_WITH_UNIT = [("4 cm", "4", "cm"), ("1,5 in", "1,5", "in")]

PLANNER_RESULT = """() => {
  const r = document.querySelector('.app-planner__result');
  const tl = r.querySelector('.app-timeline');
  return {mm: tl && tl.getAttribute('data-amount-mm'), text: r.innerText,
          ends: [...r.querySelectorAll('[data-phase]')].map(e => e.getAttribute('data-end-day')),
          message: document.querySelector('.app-planner__message').textContent};
}"""


def _other_unit(unit: str) -> str:
    return "mm" if unit != "mm" else "cm"


@pytest.mark.parametrize("typed,number,unit", TYPED_WITH_UNIT)
def test_planner_reads_the_unit_typed_with_the_amount(phone, site, typed, number, unit):
    page = phone
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_planner(page, site, "?bone=tibia&method=frame")
    page.check(f"input[name=unit][value={unit}]")
    page.fill("#app-planner-amount", number)
    want = page.evaluate(PLANNER_RESULT)
    assert want["mm"] and len(want["ends"]) == 5 and want["message"] == ""
    expected = t.compute(MODEL, units.to_mm(units.parse_decimal(number), unit), "tibia", "frame")
    assert float(want["mm"]) == expected.amount_mm
    open_planner(page, site, "?bone=tibia&method=frame")
    page.check(f"input[name=unit][value={_other_unit(unit)}]")
    page.locator("#app-planner-amount").press_sequentially(typed)
    assert page.evaluate(PLANNER_RESULT) == want
    assert page.is_checked(f"input[name=unit][value={unit}]")  # the unit choice follows what was typed
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    # number and unit apart, as before; the number with a point, the same in every language
    assert q["amount"] == [number.replace(",", ".")] and q["unit"] == [unit], page.url
    shot(page, f"planner-typed-{unit}-phone")
    # another unit chosen afterwards converts the amount, and back gives the number again
    page.check(f"input[name=unit][value={_other_unit(unit)}]")
    assert page.input_value("#app-planner-amount") == growth.num(units.from_mm(expected.amount_mm, _other_unit(unit)))
    page.check(f"input[name=unit][value={unit}]")
    assert page.input_value("#app-planner-amount") == number
    assert page.evaluate(PLANNER_RESULT)["ends"] == want["ends"]
    assert errors == []


GARBAGE_WITH_UNITS = [("4 cm cm", "amount_not_number"), ("cm", "amount_not_number"), ("4 kg", "amount_unit"),
                      ("4 cm 5", "amount_not_number"), ("<b>4</b> cm", "amount_not_number")]


def test_planner_garbage_with_units_stays_an_error(phone, site):
    page = phone
    open_planner(page, site, "?amount=50&unit=mm&bone=femur&method=nail")
    good = page.evaluate(PLANNER_RESULT)
    for text, code in GARBAGE_WITH_UNITS:
        page.fill("#app-planner-amount", text)
        got = page.evaluate(PLANNER_RESULT)
        assert got["message"] == PS["error_" + code] + " " + PS["kept_previous"], text
        assert got["ends"] == good["ends"], text  # the last good plan stays, marked as such
        assert page.is_checked("input[name=unit][value=mm]"), text
    assert page.locator(".app-planner__message *, .app-planner__result b").count() == 0
    page.fill("#app-planner-amount", "4 kg")
    page.locator(".app-planner__message").scroll_into_view_if_needed()
    shot(page, "planner-typed-garbage-phone")


GROWTH_RESULT = """() => {
  const r = document.querySelector('.app-growth__output .app-growth-result');
  if (!r) return null;
  const attrs = {};
  for (const a of r.attributes) if (a.name.startsWith('data-')) attrs[a.name] = a.value;
  return {attrs, text: r.innerText};
}"""


def _growth_fill(page, diff: str, unit: str, keys: bool = True) -> None:
    """The form filled in; the difference key by key, or pasted at once (keys=False: typed
    key by key, "4 cm cm" passes "4 cm", which moves the unit choice to cm on the way)."""
    page.check("input[name=sex][value=girl]")
    page.fill("input[name=years]", "9")
    page.check(f"input[name=unit][value={unit}]")
    page.locator("input[name=diff]").fill("")
    if keys:
        page.locator("input[name=diff]").press_sequentially(diff)
    else:
        page.locator("input[name=diff]").fill(diff)


@pytest.mark.parametrize("typed,number,unit", TYPED_WITH_UNIT)
def test_growth_reads_the_unit_typed_with_the_difference(phone, site, typed, number, unit):
    page = phone
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_growth(page, site)
    _growth_fill(page, number, unit)
    want = page.evaluate(GROWTH_RESULT)
    assert want and want["attrs"]["data-unit"] == unit
    p = growth.predict(GMODEL, "girl", 9 * 12, units.to_mm(units.parse_decimal(number), unit))
    assert want["attrs"]["data-current-mm"] == growth.num(units.round1(p.current_mm))
    open_growth(page, site)
    _growth_fill(page, typed, _other_unit(unit))
    assert page.evaluate(GROWTH_RESULT) == want
    assert page.is_checked(f"input[name=unit][value={unit}]")
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert q["diff"] == [number.replace(",", ".")] and q["unit"] == [unit], page.url  # a point in every language
    shot(page, f"growth-typed-{unit}-phone")
    assert errors == []


def test_growth_garbage_with_units_and_the_example_per_unit(phone, site):
    page = phone
    open_growth(page, site)
    for unit in units.INPUT_UNITS:
        for text in ("4 cm cm", "cm", "4 kg", "4 cm 5"):
            _growth_fill(page, text, unit, keys=False)
            page.click(".app-growth__form button[type=submit]")
            item = page.locator(".app-growth__errors li[data-error=diff]")
            # the example is the strings' number for the chosen unit
            assert item.inner_text() == GS["errors"]["diff"].format(example=GS["diff_examples"][unit]), (text, unit)
            assert page.evaluate(GROWTH_RESULT) is None
            assert page.is_checked(f"input[name=unit][value={unit}]")
    page.locator(".app-growth__errors").scroll_into_view_if_needed()
    shot(page, "growth-typed-garbage-in-phone")


def test_printed_plan_is_headed_by_the_guide_name(phone, site):
    page = phone
    name = re.search(r"^site_name:\s*(.+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1).strip()
    open_planner(page, site, "?amount=50&unit=mm&bone=femur&method=nail")
    heading = page.locator(".app-planner__site")
    assert heading.inner_text() == name and not heading.is_visible()  # not on screen
    print_plan(page)
    assert heading.is_visible()
    box, plan = heading.bounding_box(), page.locator(".app-planner__result").bounding_box()
    assert box["y"] < plan["y"]  # at the top, above the plan
    shot(page, "planner-print-with-name-phone", full_page=True)
    page.emulate_media(media="screen")
    page.evaluate("document.documentElement.classList.remove('app-print-plan')")
    page.emulate_media(media="print")  # the page printed from the browser's menu: no name block
    assert not heading.is_visible()
