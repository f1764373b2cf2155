"""The treatment companion in Debian's Chromium at phone size. Nothing is filled in that the
family's team did not give: the planner's link gives only the amount, the page opens with
empty fields and a blank chart, and "Delete everything" returns to them. With the team's
numbers typed in, the schedule follows (changes to the plan too), the reminders replace
the earlier download's, printing gives a short printout or (from its button) the chart,
and the diary saves, exports, imports and deletes without a single request leaving the page.
Screenshots go to /tmp/companion-shots."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ics_check import parse as parse_ics
from support import guide as load

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SHOTS = Path("/tmp/companion-shots")


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(**PHONE, accept_downloads=True)
    page = context.new_page()
    errors, requests, dialogs = [], [], []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url if r.method == "GET" else f"{r.method} {r.url}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    yield page, errors, requests, dialogs
    context.close()


def sent(requests) -> list[str]:
    """Requests that could carry anything away: all but the downloads' own blob: addresses
    and the tab icon, which Chromium fetches again (GET, no query) whenever Material's
    navigation.tracking rewrites the address's #fragment as the page scrolls."""
    return [u for u in requests if not u.startswith("blob:") and not re.fullmatch(r"http://127\.0\.0\.1:\d+/assets/images/favicon\.svg", u)]


def strings():
    return load().strings["js"]["companion"]


def open_companion(page, site, query=""):
    page.goto(site.url + "lengthening/companion/" + query, wait_until="networkidle")  # favicon, sitemap
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.wait_for_function("document.querySelector('#app-companion-message').textContent.length > 0"
                           " || document.querySelector('.app-companion__summary').textContent.length > 0")


def form_values(page) -> dict:
    return {k: page.input_value(sel) for k, sel in (
        ("target", "#app-companion-target"), ("start", "#app-companion-start"),
        ("rate", "#app-companion-rate"), ("steps", "#app-companion-steps"))}


def chart_is_blank(page) -> bool:
    """The build-time blank chart: its rows hold no text at all (no day, date or amount)."""
    return page.evaluate("""() => {
      const rows = [...document.querySelectorAll('.app-chart tbody tr')];
      return rows.length > 0 && rows.every(r => r.classList.contains('app-chart__blank-row') && r.textContent.trim() === '')
        && !document.querySelector('.app-chart__fields').hidden && document.querySelector('.app-chart__plan').hidden;
    }""")


def fill_plan(page, start="2027-03-08", rate="1", steps="4", target=None, times=("08:00", "20:00")):
    """What a family copies from the team's sheet (the hand-worked cases below say which),
    and the step times they choose (None: left empty)."""
    if target is not None:
        page.fill("#app-companion-target", target)
    if times:
        page.fill("#app-companion-first", times[0])
        page.fill("#app-companion-last", times[1])
    page.fill("#app-companion-start", start)
    page.fill("#app-companion-rate", rate)
    page.select_option("#app-companion-steps", steps)
    page.click(".app-companion__form button[type='submit']")
    page.wait_for_function("document.querySelector('.app-companion__summary').textContent.length > 0")


def test_a_planners_link_fills_in_the_amount_only(phone, site):
    """The link's date is the operation: no start day is made from it, and no rate, steps
    or target are filled in from the planner's typical values."""
    page, errors, requests, _ = phone
    open_companion(page, site, "?amount=50&unit=mm&bone=femur&method=nail&date=2027-03-01")
    assert form_values(page) == {"target": "50", "start": "", "rate": "", "steps": ""}
    assert page.text_content(".app-companion__summary") == "" and page.text_content(".app-companion__today") == ""
    message = page.text_content("#app-companion-message")
    assert "day of the operation" in message and "team's sheet" in message
    assert chart_is_blank(page)
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))") == []
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "phone-link-empty-fields.png"), full_page=False)
    # The family copies the team's sheet. Worked by hand: first day Monday 8 March 2027,
    # 1 mm a day as 4 steps of 0.25 mm; 50 mm take 50 days: day 50 is 8 March + 49 days =
    # Monday 26 April 2027.
    fill_plan(page)
    summary = page.text_content(".app-companion__summary")
    assert "From Monday 8 March 2027: 1 mm a day as 4 steps of 0.25 mm." in summary
    assert "Step times: 08:00, 12:00, 16:00, 20:00." in summary
    assert "Monday 26 April 2027 (day 50)" in summary
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() == 50
    assert rows.nth(0).inner_text().split("\t")[:3] == ["1", "Mon 8 Mar", "0.25 mm"]
    assert page.locator(".app-chart tbody tr:last-child .app-chart__total").text_content() == "50 mm"
    assert rows.nth(0).locator(".app-chart__box").count() == 4
    assert "Monday 8 March 2027" in page.text_content(".app-chart__plan")
    assert page.is_hidden(".app-companion__nojs") and page.is_hidden(".app-chart__fields")
    page.locator(".app-companion__summary").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-schedule.png"))
    # Inches: 2 in = 50.8 mm -> 51 days (the 4th step of day 51 is the first at or above
    # 50.80 mm: 50.25, 50.5, 50.75, 51).
    page.check("input[name='unit'][value='in']")
    page.fill("#app-companion-target", "2")
    page.press("#app-companion-target", "Enter")
    assert "(day 51)" in page.text_content(".app-companion__summary")
    # Centimetres with a decimal comma: 4,5 cm = 45 mm -> day 45.
    page.check("input[name='unit'][value='cm']")
    page.fill("#app-companion-target", "4,5")
    page.press("#app-companion-target", "Enter")
    assert "(day 45)" in page.text_content(".app-companion__summary")
    assert errors == []


def test_a_link_without_an_amount_asks_for_it(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?unit=cm&bone=tibia")
    assert form_values(page) == {"target": "", "start": "", "rate": "", "steps": ""}
    assert page.text_content("#app-companion-message") == strings()["ask_amount"]
    assert chart_is_blank(page) and errors == []


def test_the_page_opens_empty_and_asks_for_the_teams_plan(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site)
    assert form_values(page) == {"target": "", "start": "", "rate": "", "steps": ""}
    assert " ".join(page.text_content("#app-companion-message").split()) == " ".join(strings()["ask_plan"].split())
    assert chart_is_blank(page)
    # The hints say where the numbers come from.
    for hint in ("#app-companion-rate-hint", "#app-companion-steps-hint", "#app-companion-start-hint"):
        assert "team's sheet" in page.text_content(hint)
    # Reminders and changes need a plan first: they ask for it and download nothing.
    page.click("button[data-action='ics']")
    assert "team's sheet" in page.text_content("#app-companion-message")
    assert errors == []


def test_a_link_in_centimetres_is_understood(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=3.5&unit=cm")  # 35 mm -> day 35
    assert form_values(page)["target"] == "3.5" and page.is_checked("input[name='unit'][value='cm']")
    fill_plan(page)
    assert "(day 35)" in page.text_content(".app-companion__summary")
    assert page.text_content("#app-companion-message") == "" and errors == []


def _download(page) -> str:
    with page.expect_download() as dl:
        page.click("button[data-action='ics']")
    return Path(dl.value.path()).read_bytes().decode("utf-8")


def test_a_pause_and_a_slower_rate_move_the_target_day_and_replace_the_reminders(phone, site):
    page, errors, _, _ = phone
    # Worked by hand: start 8 March, 1 mm a day: 10 mm by Wednesday 17 March (day 10).
    # Pause 18 to 20 March. From 21 March, 0.75 mm a day as 3 steps: 40 mm more take
    # 53 days (39.75 mm) and one step of day 54. 21 March + 53 days = 13 May 2027 (day 67).
    open_companion(page, site, "?amount=50&unit=mm&date=2027-03-01")
    fill_plan(page)
    first = {e["UID"][1]: e for e in parse_ics(_download(page))}
    assert first["llg-companion-step-20270308T0800@leg-length-guide"]["RRULE"][1] == "FREQ=DAILY;COUNT=50"
    page.fill("#app-companion-change-date", "2027-03-18")
    page.check("input[name='change_kind'][value='pause']")
    page.click("button[data-action='add-change']")
    page.fill("#app-companion-change-date", "2027-03-21")
    page.check("input[name='change_kind'][value='rate']")
    page.fill("#app-companion-change-rate", "0.75")
    page.select_option("#app-companion-change-steps", "3")
    page.click("button[data-action='add-change']")
    assert "Thursday 13 May 2027 (day 67)" in page.text_content(".app-companion__summary")
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() == 67
    assert "Pause" in rows.nth(10).inner_text() and rows.nth(10).locator(".app-chart__box").count() == 0
    assert rows.nth(20).locator(".app-chart__step").text_content() == "0.25 mm"  # 0.75 mm as 3 steps
    assert rows.nth(66).locator(".app-chart__box").count() == 1
    assert page.locator(".app-companion__changes li").count() == 2
    # Reminders: 4 step times for 10 days, 3 for 53 days, 1 on the last day; milestones.
    events = parse_ics(_download(page))
    by_uid = {e["UID"][1]: e for e in events}
    timed = [e for e in events if "VALUE=DATE" not in e["DTSTART"][0]]
    steps = sum(int(e["RRULE"][1].split("COUNT=")[1]) if "RRULE" in e else 1 for e in timed)
    assert steps == 10 * 4 + 53 * 3 + 1
    assert sorted(e["DTSTART"][1] for e in events if "VALUE=DATE" in e["DTSTART"][0]) == \
        ["20270308", "20270318", "20270321", "20270513"]
    # The first download's events are replaced (same UIDs, later SEQUENCE), not doubled.
    kept = by_uid["llg-companion-step-20270308T0800@leg-length-guide"]
    assert kept["RRULE"][1] == "FREQ=DAILY;COUNT=10"
    assert int(kept["SEQUENCE"][1]) >= int(first["llg-companion-step-20270308T0800@leg-length-guide"]["SEQUENCE"][1])
    assert by_uid["llg-companion-target@leg-length-guide"]["DTSTART"][1] == "20270513"
    # Remove the pause: 1 mm a day to 20 March (13 mm), then 37 mm at 0.75 mm: 49 days
    # give 36.75 mm and one step of the 50th. 21 March + 49 days = Sunday 9 May (day 63).
    page.click(".app-companion__changes li:first-child button")
    assert "Sunday 9 May 2027 (day 63)" in page.text_content(".app-companion__summary")
    third = {e["UID"][1]: e for e in parse_ics(_download(page))}
    cancelled = {u for u, e in third.items() if e.get("STATUS", ("", ""))[1] == "CANCELLED"}
    # Gone from the plan: the pause's milestone, and the short last day of 13 May (its one
    # step at 08:00); the new short last day is 9 May.
    assert cancelled == {"llg-companion-change-2027-03-18@leg-length-guide",
                         "llg-companion-step-20270513T0800@leg-length-guide"}
    assert "llg-companion-step-20270509T0800@leg-length-guide" in third
    assert third["llg-companion-step-20270308T0800@leg-length-guide"]["RRULE"][1] == "FREQ=DAILY;COUNT=13"
    assert errors == []


@pytest.mark.parametrize("query", [
    "?amount=%3Cscript%3Ealert(1)%3C/script%3E&unit=furlong&date=2027-02-30&bone=%22%3E%3Cimg",
    "?amount=" + "9" * 500,
    "?amount=-5&date=yesterday",
])
def test_strange_links_get_a_polite_message(phone, site, query):
    page, errors, _, dialogs = phone
    open_companion(page, site, query)
    assert "Part of the link was not understood" in page.text_content("#app-companion-message")
    assert form_values(page) == {"target": "", "start": "", "rate": "", "steps": ""}
    assert chart_is_blank(page)
    assert page.locator(".app-companion img, .app-companion script").count() == 0
    assert dialogs == [] and errors == []


@pytest.mark.parametrize("field, value", [
    ("#app-companion-rate", "1.5"), ("#app-companion-rate", "<b>1</b>"), ("#app-companion-rate", "0"),
    ("#app-companion-target", "9999"), ("#app-companion-target", "=1+1"), ("#app-companion-start", "1900-13-45"),
])
def test_hostile_or_impossible_form_input_gives_no_plan(phone, site, field, value):
    page, errors, _, dialogs = phone
    open_companion(page, site, "?amount=20")
    fill_plan(page)
    assert page.locator(".app-chart tbody tr").count() == 20
    # The browser's own checks (date and number inputs) are bypassed: the script must refuse it.
    page.evaluate("([f, v]) => { const i = document.querySelector(f); i.type = 'text'; i.value = v; }", [field, value])
    page.click(".app-companion__form button[type='submit']")
    assert page.text_content("#app-companion-message") != ""
    assert page.text_content(".app-companion__summary") == "" and chart_is_blank(page)
    assert page.locator(".app-companion b, .app-companion img").count() == 0 and dialogs == [] and errors == []


def test_diary_saves_exports_imports_and_deletes_without_any_request(phone, site, tmp_path):
    page, errors, requests, dialogs = phone
    open_companion(page, site, "?amount=50&date=2027-03-01")
    key = page.get_attribute(".app-companion", "data-app-storage-key")
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))") == []
    assert any(u.endswith("/companion.js") for u in requests)  # the recorder sees this page's requests
    requests.clear()
    fill_plan(page)
    assert sent(requests) == [], requests
    # Save: 3 of 4 steps on day 1 (8 March) -> 0.75 mm done.
    page.fill("#app-companion-d-date", "2027-03-08")
    page.fill("#app-companion-d-steps", "3")
    page.fill("#app-companion-d-pain", "4")
    page.check("#app-companion-d-pins")
    page.select_option("#app-companion-aid", "crutches")
    page.fill("#app-companion-d-notes", "Stiff knee <b>not bold</b>")
    page.click("button[data-action='diary-save']")
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))") == [key]
    stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(key)})"))
    assert stored["entries"] == [{"date": "2027-03-08", "steps": 3, "pain": 4, "pins": True, "bend": None,
                                  "aid": "crutches", "notes": "Stiff knee <b>not bold</b>"}]
    row = page.locator(".app-companion__diary-table tbody tr").first
    assert row.inner_text().split("\t")[:3] == ["Mon 8 Mar", "3", "0.75 mm"]
    assert page.locator(".app-companion__diary-table b").count() == 0
    assert page.locator(".app-companion__svg circle").count() == 1
    assert sent(requests) == [], requests
    # Export CSV.
    with page.expect_download() as dl:
        page.click("button[data-action='export-csv']")
    csv = Path(dl.value.path()).read_bytes().decode("utf-8")
    assert csv == ("date,steps,pain,pins,bend,aid,notes\r\n"
                   "2027-03-08,3,4,yes,,crutches,Stiff knee <b>not bold</b>\r\n")
    assert sent(requests) == [], requests
    # Import a hostile file: markup and a formula stay text; nothing runs.
    hostile = tmp_path / "diary.csv"
    hostile.write_bytes(("date,steps,pain,pins,bend,aid,notes\r\n"
                         "2027-03-09,4,2,no,90,none,\"<img src=x onerror=\"\"window.__pwned=1\"\">\"\r\n"
                         "2027-03-10,4,1,,,,'=HYPERLINK(\"http://x.invalid\")\r\n").encode())
    page.set_input_files("#app-companion-import", str(hostile))
    page.wait_for_function("document.querySelectorAll('.app-companion__diary-table tbody tr').length === 3")
    assert "Imported 2 entries." in page.text_content(".app-companion__diary .app-companion__message")
    notes = page.locator(".app-companion__diary-table tbody tr td:last-child").all_text_contents()
    assert notes[1] == '<img src=x onerror="window.__pwned=1">' and notes[2] == '=HYPERLINK("http://x.invalid")'
    assert page.locator(".app-companion img").count() == 0 and page.evaluate("window.__pwned") is None
    # A file that is not a diary changes nothing.
    bad = tmp_path / "bad.csv"
    bad.write_text("<html><script>window.__pwned=1</script>")
    page.set_input_files("#app-companion-import", str(bad))
    page.wait_for_function("document.querySelector('.app-companion__diary .app-companion__message').textContent.includes('could not be read')")
    assert page.locator(".app-companion__diary-table tbody tr").count() == 3
    # Print summary: only the print class toggles, no request.
    page.evaluate("window.print = () => { window.__printed = document.body.className; }")
    page.click("button[data-action='print-summary']")
    assert "app-print-summary" in page.evaluate("window.__printed")
    # Delete everything (confirmed).
    page.click("button[data-action='delete-all']")
    assert dialogs and "cannot be undone" in dialogs[-1]
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))") == []
    assert "No entries yet." in page.text_content(".app-companion__diary-table")
    # Back to the empty form and the blank chart; a reload does not fill it again.
    assert form_values(page) == {"target": "", "start": "", "rate": "", "steps": ""}
    assert page.text_content(".app-companion__summary") == "" and chart_is_blank(page)
    assert page.input_value("#app-companion-d-notes") == ""
    assert "?" not in page.url
    # Nothing left the page: only the downloads' own blob: addresses were opened.
    assert sent(requests) == [], requests
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    assert form_values(page) == {"target": "", "start": "", "rate": "", "steps": ""}
    assert errors == []


def test_without_javascript_the_chart_is_blank_to_fill_in_by_hand(browser, site):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "lengthening/companion/?amount=50&date=2027-03-01")
    assert page.is_visible(".app-companion__nojs")
    assert "blank turns or handset chart" in page.text_content(".app-companion__nojs")
    assert "Print as many copies as you need." in page.text_content(".app-companion__nojs")
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() >= 20
    body = page.text_content(".app-chart tbody")
    assert body.strip() == "" and "mm" not in body  # no day, date, amount or total
    assert rows.first.locator(".app-chart__box").count() == max(load().params["lengthening.steps_per_day"].high, 1)
    assert page.is_visible(".app-chart__fields") and page.is_visible(".app-chart__from-team")
    assert page.is_visible(".app-chart__phones") and page.is_visible(".app-chart__flags")
    assert page.locator(".app-chart__flags a[href$='help/urgent/']").count() == 1
    SHOTS.mkdir(exist_ok=True)
    page.locator(".app-chart").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-nojs.png"))
    # Printed without JavaScript: the blank chart is the printout.
    page.emulate_media(media="print")
    assert page.is_visible(".app-chart__table") and page.is_hidden("nav.md-nav--primary")
    assert page.is_hidden(".app-companion__print-note")
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_printing_the_page_gives_a_short_printout(phone, site):
    """The browser's Print menu: the page's text, the plan in words and the warning signs;
    not the chart, the changes, the diary or the controls."""
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=50")
    fill_plan(page)
    page.fill("#app-companion-d-date", "2027-03-08")
    page.fill("#app-companion-d-notes", "Private note")
    page.click("button[data-action='diary-save']")
    page.emulate_media(media="print")
    assert page.is_hidden(".app-chart") and page.is_hidden(".app-companion__diary")
    assert page.is_hidden(".app-companion__form") and page.is_hidden(".app-companion__changes")
    assert page.is_visible(".app-companion__summary") and page.is_visible(".app-companion__print-note")
    assert page.is_visible(".app-companion-flags [data-tier='emergency']")
    # The companion adds at most a page to what the page's text and warning signs take.
    with_widget = pdf_pages(page.pdf(format="A4"))
    page.evaluate("document.querySelector('.app-companion').remove()")
    without = pdf_pages(page.pdf(format="A4"))
    assert 1 <= with_widget <= without + 1, (with_widget, without)
    page.emulate_media(media="screen")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(SHOTS / "print-page.png"), full_page=True)
    assert errors == []


def test_print_chart_shows_only_the_chart_with_the_amount_per_step(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=20")
    fill_plan(page, rate="0.75", steps="3")
    page.evaluate("window.print = () => { window.__printed = document.body.className; }")
    page.click("button[data-action='print-chart']")
    assert "app-print-chart" in page.evaluate("window.__printed")
    page.evaluate("document.body.classList.add('app-print-chart')")
    page.emulate_media(media="print")
    assert page.is_visible(".app-chart__table") and page.is_visible(".app-chart__flags")
    assert page.is_hidden(".app-companion__form") and page.is_hidden(".md-content h1")
    assert page.is_hidden(".app-companion__print-note") and page.is_hidden(".app-companion__diary")
    # The chart's warning box (the urgent-help summary, with its link) prints on the chart;
    # the page's full lists print with the page, not on the fridge chart.
    flags = " ".join(page.text_content(".app-chart__flags").split())
    for sign in load().signs["emergency"]:
        assert " ".join(sign.text.split()) in flags, sign.id
    assert page.is_hidden(".app-companion-flags [data-tier='emergency']")
    # 20 mm at 0.75 mm a day: 26 days give 19.5 mm, then 2 of the 3 steps of day 27.
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() == 27
    assert rows.nth(0).locator(".app-chart__step").text_content() == "0.25 mm"
    assert rows.nth(26).locator(".app-chart__box").count() == 2
    assert rows.nth(26).locator(".app-chart__total").text_content() == "20 mm"
    pdf = page.pdf(format="A4")
    assert 1 <= pdf_pages(pdf) <= 3, pdf_pages(pdf)
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(SHOTS / "print-chart.png"), full_page=True)
    assert errors == []


def test_widget_starts_after_instant_navigation_once(phone, site):
    """Material's instant navigation: the widget's scripts load once, the widget starts on
    arrival and again (once) after leaving and coming back."""
    page, errors, requests, _ = phone
    page.set_viewport_size({"width": 1280, "height": 900})  # the navigation sidebar is visible
    page.goto(site.url + "lengthening/planner/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = 'yes'")
    page.click(".md-nav--primary a[href$='companion/']")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.click(".md-nav--primary a[href$='planner/']")
    page.wait_for_selector("[data-app-widget='planner'][data-app-init]")
    page.click(".md-nav--primary a[href$='companion/']")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    assert page.evaluate("window.__sameDocument") == "yes", "a full page load, not instant navigation"
    assert page.locator(".app-companion__form").count() == 1
    assert page.text_content(".app-companion__summary") == ""  # nothing filled in
    assert chart_is_blank(page)
    assert sum(u.endswith("/companion.js") for u in requests) == 1
    assert errors == []


NO_OVERFLOW = "() => document.documentElement.scrollWidth <= window.innerWidth"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def stored_entries(page) -> list[dict]:
    key = page.get_attribute(".app-companion", "data-app-storage-key")
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(key)})"))["entries"]


def save_diary(page, date, **fields):
    page.fill("#app-companion-d-date", date)
    for name, value in fields.items():
        if name == "pins":
            page.set_checked("#app-companion-d-pins", value)
        elif name == "aid":
            page.select_option("#app-companion-aid", value)
        else:
            page.fill(f"#app-companion-d-{name}", value)
    page.click("button[data-action='diary-save']")


def test_saving_a_day_twice_keeps_what_was_saved_first(phone, site):
    """Noon: 3 steps, pain 3, pins checked, crutches, a note. Evening, after a reload: the
    same date opens that entry in the form; 4 steps typed and saved update it, nothing else
    is lost. Another date starts from an empty form (nothing copied over)."""
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=50")
    fill_plan(page)
    save_diary(page, "2027-03-12", steps="3", pain="3", pins=True, aid="crutches", notes="Sore at night")
    assert "Saved the entry for Friday 12 March 2027" in page.text_content(".app-companion__diary .app-companion__message")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.fill("#app-companion-d-date", "2027-03-12")
    message = page.text_content(".app-companion__diary .app-companion__message")
    assert "You are editing the entry for Friday 12 March 2027" in message
    assert page.input_value("#app-companion-d-steps") == "3" and page.input_value("#app-companion-d-pain") == "3"
    assert page.is_checked("#app-companion-d-pins") and page.input_value("#app-companion-aid") == "crutches"
    assert page.input_value("#app-companion-d-notes") == "Sore at night"
    page.locator("#app-companion-d-notes").scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.locator(".app-companion__diary").screenshot(path=str(SHOTS / "phone-diary-edit.png"))
    page.fill("#app-companion-d-steps", "4")
    page.click("button[data-action='diary-save']")
    assert stored_entries(page) == [{"date": "2027-03-12", "steps": 4, "pain": 3, "pins": True, "bend": None,
                                     "aid": "crutches", "notes": "Sore at night"}]
    assert "Updated the entry for Friday 12 March 2027" in page.text_content(".app-companion__diary .app-companion__message")
    page.fill("#app-companion-d-date", "2027-03-13")
    assert [page.input_value(f"#app-companion-d-{n}") for n in ("steps", "pain", "notes")] == ["", "", ""]
    assert not page.is_checked("#app-companion-d-pins")
    assert len(stored_entries(page)) == 1 and errors == []


def test_decimal_commas_and_pain_out_of_ten_are_read_and_errors_clear(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=20")
    # 20 mm at 0,75 mm a day (a decimal comma, as the planner reads it): 27 rows.
    fill_plan(page, rate="0,75", steps="3")
    assert page.locator(".app-chart tbody tr").count() == 27
    assert page.get_attribute("#app-companion-rate", "inputmode") == "decimal"
    # A wrong rate is an error; correcting it clears the message without leaving the field.
    page.fill("#app-companion-rate", "5")
    page.press("#app-companion-rate", "Enter")
    assert page.get_attribute("#app-companion-message", "data-kind") == "error"
    page.fill("#app-companion-rate", "0,75")
    assert page.text_content("#app-companion-message") == ""
    assert page.locator(".app-chart tbody tr").count() == 27
    # A change of rate with a comma: from day 3, 0,5 mm a day as 3 steps.
    page.fill("#app-companion-change-date", "2027-03-10")
    page.fill("#app-companion-change-rate", "0,5")
    page.select_option("#app-companion-change-steps", "3")
    page.click("button[data-action='add-change']")
    assert "0.5 mm a day as 3 steps" in page.text_content(".app-companion__changes")
    # The diary: "3/10" for pain is 3, a bend of "2,5" is 2.5.
    save_diary(page, "2027-03-08", steps="3", pain="3/10", bend="2,5")
    assert stored_entries(page)[0] | {} == {"date": "2027-03-08", "steps": 3, "pain": 3, "pins": False, "bend": 2.5,
                                            "aid": "", "notes": ""}
    save_diary(page, "2027-03-09", pain="31")
    diary_message = ".app-companion__diary .app-companion__message"
    assert page.get_attribute(diary_message, "data-kind") == "error" and "pain" in page.text_content(diary_message)
    page.fill("#app-companion-d-pain", "3")
    assert page.text_content(diary_message) == ""
    assert errors == []


def test_an_amount_that_looks_like_the_wrong_unit_asks_did_you_mean(phone, site):
    """4 with mm chosen: the planner's question (lengthening.plausible_amount), a one-tap fix."""
    page, errors, _, _ = phone
    open_companion(page, site)
    low, high = (load().params["lengthening.plausible_amount"].low, load().params["lengthening.plausible_amount"].high)
    assert low > 4 * 1 and 4 * 10 >= low and 4 * 10 <= high  # 4 mm is implausible, 4 cm is not
    page.fill("#app-companion-target", "4")
    page.fill("#app-companion-start", "2027-03-08")
    page.fill("#app-companion-rate", "1")
    page.select_option("#app-companion-steps", "4")
    page.click(".app-companion__form button[type='submit']")
    assert "Did you mean 4 cm?" in page.text_content(".app-companion__question")
    assert page.text_content(".app-companion__summary") == "" and chart_is_blank(page)
    page.click("[data-fix-unit='cm']")
    assert page.is_checked("input[name='unit'][value='cm']")
    assert "(day 40)" in page.text_content(".app-companion__summary")
    assert page.text_content(".app-companion__question") == ""
    # "No, 4 mm is right" keeps the amount as typed.
    page.check("input[name='unit'][value='mm']")
    page.click("[data-keep-unit='mm']")
    assert "(day 4)" in page.text_content(".app-companion__summary")
    assert errors == []


def test_dates_are_in_words_wherever_a_person_reads_them(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=20")
    fill_plan(page)
    page.fill("#app-companion-change-date", "2027-03-13")
    page.check("input[name='change_kind'][value='pause']")
    page.click("button[data-action='add-change']")
    save_diary(page, "2027-03-12", steps="4")
    assert "Friday 12 March 2027" in page.text_content(".app-companion__diary .app-companion__message")
    assert "Sat 13 Mar" in page.text_content("button[data-action='remove-change']")
    assert page.text_content(".app-companion__diary-table tbody th") == "Fri 12 Mar"
    assert page.text_content(".app-chart tbody tr:first-child .app-chart__date") == "Mon 8 Mar"
    shown = page.inner_text(".app-companion")
    assert not ISO.search(shown), ISO.findall(shown)
    assert errors == []


def test_length_done_says_what_it_counts_and_the_graph_is_labelled(browser, site):
    """A diary started on day 5 (Friday 12 March): 3 of 4 steps = 0.75 mm recorded, beside
    the plan up to today (5 mm on day 5), and it says days not written in are not counted.
    The graph names its axes; the legend's colours are the lines' colours, light and dark."""
    for scheme in ("light", "dark"):
        context = browser.new_context(**PHONE, color_scheme=scheme)
        page = context.new_page()
        page.clock.set_fixed_time("2027-03-12T18:00:00")
        open_companion(page, site, "?amount=20")
        fill_plan(page)
        save_diary(page, "2027-03-12", steps="3")
        progress = page.text_content(".app-companion__progress")
        assert "recorded in your diary so far: 0.75 mm" in progress
        assert "plan up to today: 5 mm" in progress and "not counted" in progress
        texts = page.locator(".app-companion__svg text").all_text_contents()
        assert {"0", "20", "days", "mm", "20 mm"} & set(texts) >= {"0", "days", "mm"}, texts
        colours = page.evaluate("""() => {
          const c = (sel, pseudo, prop) => getComputedStyle(document.querySelector(sel), pseudo)[prop];
          return [c('.app-graph__plan', null, 'stroke'), c('.app-graph__key--plan', '::before', 'backgroundColor'),
                  c('.app-graph__done', null, 'fill'), c('.app-graph__key--done', '::before', 'backgroundColor')];
        }""")
        assert colours[0] == colours[1] and colours[2] == colours[3], (scheme, colours)
        SHOTS.mkdir(exist_ok=True)
        page.locator(".app-companion__diary").screenshot(path=str(SHOTS / f"phone-{scheme}-diary-graph.png"))
        context.close()


def test_the_chart_on_a_phone_and_printed(phone, site):
    """390 px: a hint that the chart scrolls sideways, dates on one line. Printed from its
    button: a line for the name, a line under each row, bigger tick boxes; the print-only
    layout stays until the browser says it has printed (afterprint), even when print()
    returns at once."""
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=20")
    fill_plan(page, rate="0.75", steps="3")
    assert page.evaluate("(() => { const s = document.querySelector('.app-chart__scroll'); return s.scrollWidth > s.clientWidth; })()")
    assert page.is_visible(".app-chart__scroll-hint")
    lines = page.evaluate("""() => [...document.querySelectorAll('.app-chart tbody .app-chart__date')].map(td => {
      const r = document.createRange(); r.selectNodeContents(td);
      return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""")
    assert set(lines) == {1}, lines
    page.locator(".app-chart__scroll-hint").scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "phone-chart.png"))
    screen_box = page.evaluate("getComputedStyle(document.querySelector('.app-chart tbody .app-chart__box'), '::before').width")
    page.evaluate("() => { window.print = () => { window.__printCalls = (window.__printCalls || 0) + 1; }; }")  # returns at once
    page.click("button[data-action='print-chart']")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__printCalls") == 1
    assert page.evaluate("document.body.classList.contains('app-print-chart')"), "the print-only layout was undone too soon"
    page.emulate_media(media="print")
    assert page.is_visible(".app-chart__name") and page.is_hidden(".app-chart__scroll-hint")
    assert page.evaluate("getComputedStyle(document.querySelector('.app-chart tbody td')).borderBottomWidth") != "0px"
    print_box = page.evaluate("getComputedStyle(document.querySelector('.app-chart tbody .app-chart__box'), '::before').width")
    assert float(print_box[:-2]) > float(screen_box[:-2]) * 1.2, (screen_box, print_box)
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(SHOTS / "print-chart-lines.png"), full_page=True)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.body.classList.contains('app-print-chart')")
    page.evaluate("document.body.classList.add('app-print-chart')")
    assert 1 <= pdf_pages(page.pdf(format="A4")) <= 3  # the bigger boxes keep 27 days on 3 pages
    assert errors == []


def test_the_blank_chart_says_how_many_days_it_covers_and_choose_shows(browser, site):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "lengthening/companion/")
    rows = page.locator(".app-chart tbody tr").count()
    assert f"This sheet has {rows} rows: enough for {rows} days" in page.text_content(".app-chart__sheet-rows")
    assert page.is_visible(".app-chart__sheet-rows")
    context.close()
    context = browser.new_context(**PHONE, color_scheme="dark")
    page = context.new_page()
    open_companion(page, site)
    assert page.locator("#app-companion-aid option").first.text_content() == strings()["choose_option"]
    page.locator("#app-companion-aid").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-dark-diary.png"))
    context.close()


def test_success_and_error_messages_look_different(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=20")
    fill_plan(page)
    diary_message = ".app-companion__diary .app-companion__message"
    style = ("() => { const m = document.querySelector('.app-companion__diary .app-companion__message');"
             " const s = getComputedStyle(m), b = getComputedStyle(m, '::before');"
             " return [s.borderLeftColor, s.backgroundColor, b.content]; }")
    save_diary(page, "2027-03-08", steps="4")
    assert page.get_attribute(diary_message, "data-kind") == "ok"
    ok = page.evaluate(style)
    save_diary(page, "2027-03-09", pain="eleven")
    assert page.get_attribute(diary_message, "data-kind") == "error"
    bad = page.evaluate(style)
    assert ok[0] != bad[0] and ok[1] != bad[1] and ok[2] != bad[2], (ok, bad)
    assert errors == []



@pytest.mark.parametrize("name, options", [
    ("phone-light", {**PHONE, "color_scheme": "light"}),
    ("phone-dark", {**PHONE, "color_scheme": "dark"}),
    ("desktop-light", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}),
    ("desktop-dark", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}),
])
def test_screenshots_of_the_filled_in_companion(browser, site, name, options):
    """Screenshots to look at (/tmp/companion-shots); the page never scrolls sideways and
    the dark scheme is really applied to the companion."""
    context = browser.new_context(**options)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    open_companion(page, site, "?amount=20")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-empty.png"), full_page=True)
    fill_plan(page)
    page.fill("#app-companion-d-date", "2027-03-08")
    page.fill("#app-companion-d-steps", "4")
    page.fill("#app-companion-d-pain", "3")
    page.click("button[data-action='diary-save']")
    page.screenshot(path=str(SHOTS / f"{name}-plan.png"), full_page=True)
    assert page.evaluate(NO_OVERFLOW), "the page scrolls sideways"
    dark = page.evaluate("getComputedStyle(document.querySelector('.app-companion__form input')).backgroundColor")
    lum = sum(int(x) for x in re.findall(r"\d+", dark)[:3]) / 3
    assert (lum < 128) == (options["color_scheme"] == "dark"), dark
    page.emulate_media(media="print")
    page.screenshot(path=str(SHOTS / f"{name}-print.png"), full_page=True)
    context.close()
    assert errors == []


def add_change(page, date, rate=None, steps=None):
    page.fill("#app-companion-change-date", date)
    if rate is None:
        page.check("input[name='change_kind'][value='pause']")
    else:
        page.check("input[name='change_kind'][value='rate']")
        page.fill("#app-companion-change-rate", rate)
        page.select_option("#app-companion-change-steps", steps)
    page.click("button[data-action='add-change']")


def test_after_a_change_the_summary_and_the_chart_header_name_every_part_of_the_plan(phone, site):
    """The review's plan: 30 mm, 1 mm a day as 4 steps from 1 March, a pause from 11 March,
    0.75 mm a day as 4 steps of 0.1875 mm from 15 March. Worked by hand: 10 mm by 10 March;
    26 days at 0.75 mm to 9 April give 29.5 mm; on 10 April (day 41) the 3rd step reaches
    30 mm, and the total shows 30 mm, not 30.06."""
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=30&unit=mm")
    fill_plan(page, start="2027-03-01")
    add_change(page, "2027-03-11")
    add_change(page, "2027-03-15", "0.75", "4")
    want = ("From Monday 1 March 2027: 1 mm a day as 4 steps of 0.25 mm. From Thursday 11 March 2027: pause. "
            "From Monday 15 March 2027: 0.75 mm a day as 4 steps of 0.1875 mm.")
    summary = page.text_content(".app-companion__summary")
    assert want in summary and "Saturday 10 April 2027 (day 41)" in summary
    assert want in page.text_content(".app-chart__plan")
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() == 41
    assert rows.nth(14).locator(".app-chart__step").text_content() == "0.1875 mm"
    assert rows.nth(40).locator(".app-chart__total").text_content() == "30 mm"
    assert rows.nth(40).locator(".app-chart__box").count() == 3
    totals = page.eval_on_selector_all(".app-chart tbody .app-chart__total", "els => els.map(e => parseFloat(e.textContent))")
    assert max(totals) == 30
    SHOTS.mkdir(exist_ok=True)
    page.locator(".app-companion__summary").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-summary-after-change.png"))
    assert errors == []


def test_an_open_ended_pause_ends_the_schedule_and_says_not_to_restart(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=30&unit=mm")
    fill_plan(page, start="2027-03-01")
    add_change(page, "2027-03-11")
    summary = page.text_content(".app-companion__summary")
    assert "From Monday 1 March 2027: 1 mm a day as 4 steps of 0.25 mm." in summary
    assert "Paused from Thursday 11 March 2027. Do not restart until your team tells you." in summary
    assert "not reached" not in summary and "check the plan" not in summary
    rows = page.locator(".app-chart tbody tr")
    assert rows.count() == 11 and "Pause" in rows.nth(10).inner_text()
    assert page.text_content("#app-companion-message") == ""
    SHOTS.mkdir(exist_ok=True)
    page.locator(".app-companion__summary").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "phone-open-pause.png"))
    assert errors == []


def test_step_times_start_empty_and_reminders_ask_for_them(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=10")
    assert page.input_value("#app-companion-first") == "" and page.input_value("#app-companion-last") == ""
    fill_plan(page, start="2027-03-01", times=None)
    assert "Step times" not in page.text_content(".app-companion__summary")
    boxes = page.locator(".app-chart tbody tr").first.locator(".app-chart__box")
    assert boxes.count() == 4 and all(t == "" for t in boxes.all_text_contents())
    note = " ".join(strings()["ics_note"].split())
    assert " ".join(page.text_content(".app-companion__ics-note").split()) == note
    page.click("button[data-action='ics']")
    assert "Reminders need the time" in page.text_content("#app-companion-message")
    fill_plan(page, start="2027-03-01")
    events = parse_ics(_download(page))
    step = [e for e in events if "RRULE" in e][0]
    from ics_check import unescape
    assert "delete these reminders" in unescape(step["DESCRIPTION"][1])
    assert errors == []


def test_limits_message_names_what_the_page_can_chart(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=10")
    fill_plan(page, start="2027-03-01")
    page.fill("#app-companion-rate", "1.5")
    page.click(".app-companion__form button[type='submit']")
    lim = load().params["lengthening.distraction_rate"].high
    steps = load().params["lengthening.steps_per_day"]
    message = page.text_content("#app-companion-message")
    assert f"{int(steps.low)} or {int(steps.high)} steps a day and up to {lim:g} mm a day" in message
    assert "follow your sheet and use the blank chart" in message and "Please enter" not in message
    assert errors == []


def test_a_link_does_not_hide_or_overwrite_a_saved_plan(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site)
    fill_plan(page, start="2027-03-01", target="30")
    add_change(page, "2027-03-11")
    open_companion(page, site, "?amount=45&unit=mm")
    assert form_values(page) == {"target": "30", "start": "2027-03-01", "rate": "1", "steps": "4"}
    assert "Paused from" in page.text_content(".app-companion__summary")
    assert "45 mm" in page.text_content(".app-companion__link-offer")
    page.click(".app-companion__link-offer button")
    assert page.input_value("#app-companion-target") == "45"
    assert page.locator(".app-companion__changes li").count() == 1  # the pause is kept
    assert page.locator(".app-companion__link-offer").count() == 0
    assert errors == []


def test_the_printed_chart_of_fifty_days_stays_short(phone, site):
    page, errors, _, _ = phone
    open_companion(page, site, "?amount=50")
    fill_plan(page)
    page.evaluate("document.body.classList.add('app-print-chart')")
    page.emulate_media(media="print")
    pages = pdf_pages(page.pdf(format="A4"))
    print(f"printed chart, 50 days: {pages} pages")
    assert 1 <= pages <= 3, pages  # as before the warning box listed every sign
    page.set_viewport_size({"width": 390, "height": 844})
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "print-chart-390.png"), full_page=True)
    assert errors == []
