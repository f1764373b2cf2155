"""What a phone review of both editions found, in Debian's Chromium at 390 px: the
planner's "Did you mean ...?" once, a calendar download without a date answered beside its
button, and the companion's downloads (file names, CSV headings) in the page's language
with the storage key kept out of the reader's way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support import ROOT, guide

pytestmark = pytest.mark.browser

STRINGS = {lang: yaml.safe_load((ROOT / "data" / f"strings.{lang}.yml").read_text(encoding="utf-8"))
           for lang in ("en", "sv")}
PREFIX = {"en": "", "sv": "sv/"}


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_did_you_mean_shows_once_and_the_calendar_asks_for_the_date_beside_its_button(phone_page, site, lang):
    page, errors = phone_page
    ps = STRINGS[lang]["js"]["planner"]
    page.goto(site.url + PREFIX[lang] + "lengthening/planner/")
    page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
    # 40 with inches chosen is implausible (lengthening.plausible_amount); 40 mm is not, nor 40 cm.
    plaus = guide().params["lengthening.plausible_amount"]
    assert plaus.low <= 40 <= plaus.high < 40 * 25.4 and 40 * 10 > plaus.high
    page.check("input[name='unit'][value='in']")
    page.fill("#app-planner-amount", "40")
    question = page.locator(".app-planner__question p")
    assert question.count() == 1
    asked = question.inner_text()
    assert asked.startswith(ps["question"].split("{")[0])
    # Visible once on the screen: the short summary at the foot is hidden meanwhile.
    shown = page.evaluate("""(text) => [...document.querySelectorAll('body *')]
        .filter(e => e.children.length === 0 && e.offsetParent !== null && e.textContent.trim() === text).length""", asked)
    assert shown == 1
    assert page.locator(".app-planner__peek").is_hidden()
    page.click("[data-fix-unit='mm']")
    assert page.locator(".app-planner__question p").count() == 0
    assert page.locator(".app-planner__peek").is_visible()
    # No date: the calendar button answers beside itself, not only in the form far above.
    page.fill("#app-planner-date", "")
    page.dispatch_event("#app-planner-date", "input")
    page.click("button[data-action='ics']")
    note = page.locator(".app-planner__action-note")
    assert note.inner_text() == ps["ics_needs_date"]
    assert note.is_visible()
    page.fill("#app-planner-date", "2027-03-01")
    page.dispatch_event("#app-planner-date", "input")
    with page.expect_download() as dl:
        page.click("button[data-action='ics']")
    assert dl.value.suggested_filename == ps["ics_filename"]
    assert note.inner_text() == ""
    assert errors == []


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_companion_files_in_the_pages_language_and_no_storage_key_shown(phone_page, site, lang, tmp_path):
    page, errors = phone_page
    cs = STRINGS[lang]["js"]["companion"]
    page.goto(site.url + PREFIX[lang] + "lengthening/companion/?amount=20&date=2027-03-01")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    key = page.get_attribute(".app-companion", "data-app-storage-key")
    assert key and key not in page.locator("article").inner_text()
    assert page.locator(".app-companion__privacy").inner_text() == " ".join(cs["diary_privacy"].split())
    assert page.get_attribute("#app-companion-d-pain", "inputmode") == "numeric"
    # A pain of "2,5" is refused with the sentence that asks for a whole number.
    page.fill("#app-companion-d-date", "2027-03-08")
    page.fill("#app-companion-d-pain", "2,5")
    page.click("button[data-action='diary-save']")
    assert page.text_content(".app-companion__diary .app-companion__message") == cs["error_pain"]
    page.fill("#app-companion-d-pain", "3")
    page.check("#app-companion-d-pins")
    page.click("button[data-action='diary-save']")
    with page.expect_download() as dl:
        page.click("button[data-action='export-csv']")
    name = dl.value.suggested_filename
    assert name == cs["csv_filename"] and name.isascii()
    csv = Path(dl.value.path()).read_bytes().decode("utf-8")
    cols = cs["csv_columns"]
    head = ",".join(cols[k] for k in ("date", "steps", "pain", "pins", "bend", "aid", "notes"))
    assert csv == f"{head}\r\n2027-03-08,,3,{cs['csv_yes']},,,\r\n"
    # Both its own file and a file written in the other language read back.
    for i, text in enumerate((csv.replace("2027-03-08", "2027-03-09"),
                              "date,steps,pain,pins,bend,aid,notes\r\n2027-03-10,,2,yes,,,\r\n")):
        f = tmp_path / f"diary{i}.csv"
        f.write_text(text, encoding="utf-8")
        page.set_input_files("#app-companion-import", str(f))
        page.wait_for_function(f"document.querySelectorAll('.app-companion__diary-table tbody tr').length === {i + 2}")
    assert errors == []
