"""The decision aid's interactive part in Chromium: answers regroup the options with their
reasons (as Python's model groups them, from the page's own configuration), the summary's
link and QR code reopen the same state, hostile links give a polite message and no markup,
keyboard only, axe, one A4 page on paper, a phone's width, nothing stored or sent; and the
planner's and the estimator's links into the aid. The Swedish page regroups the options
the same way, with the Swedish words."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.parse

import pytest
import yaml

from quality_checks import AXE_JS, AXE_TAGS
from support import ROOT, recording_page, zbar_svg
from macros.model import values as model

pytestmark = pytest.mark.browser

AXE_RUN = """tags => axe.run(document.querySelector("[data-app-widget='decision']"),
  {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`))"""
READ = """() => {
  const root = document.querySelector("[data-app-widget='decision']");
  const groups = {};
  for (const g of root.querySelectorAll(".app-decision__groups [data-group]")) {
    groups[g.dataset.group] = [...g.querySelectorAll("[data-option]")].map(li => ({
      option: li.dataset.option,
      reasons: [...li.querySelectorAll(".app-decision__reason")].map(r => [r.dataset.fit, r.dataset.from,
        r.childNodes[1].textContent.trim()])}));
  }
  const checked = [...root.querySelectorAll("input:checked")].map(i => i.name + "=" + i.value);
  return {groups, checked, note: root.querySelector("textarea").value,
          messages: [...root.querySelectorAll("[data-message]")].map(m => m.dataset.message)};
}"""


@pytest.fixture
def aid(browser, decision_aid):
    """A fresh context on the aid, recording console errors, requests and dialogs."""
    url, origin = decision_aid
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = recording_page(context, (origin, "data:"))
    requests, dialogs = [], []
    tab.page.on("request", lambda r: requests.append(r.url))
    tab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield tab, url, origin, requests, dialogs
    context.close()


def _open(page, url, query=""):
    page.goto(url + query)
    page.wait_for_selector("[data-app-widget='decision'][data-app-decision-init] .app-decision__summary-body p")
    return json.loads(page.get_attribute("[data-app-widget='decision']", "data-app-config"))


def _expected(config, situation, band, answers):
    """Python's groups and reasons for the page's own configuration."""
    r = model.fit(config["values"], situation, band, answers)
    return {g: [{"option": o, "reasons": [[x["fit"], x["from"], x["reason"]] for x in r["reasons"][o]]}
                for o in r["groups"][g]] for g in model.GROUPS}


def _answer(page, config, qid, code):
    q = next(q for q in config["values"]["questions"] if q["id"] == qid)
    text = next(a["text"] for a in q["answers"] if a["code"] == code)
    page.locator(f"fieldset[data-question='{qid}']").get_by_label(text, exact=True).check()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_answers_regroup_the_options_with_their_reasons(aid, lang):
    """In each language: the Swedish page (under /sv/) works the same with its own words."""
    tab, url, origin, _, _ = aid
    page = tab.page
    if lang != "en":
        url = f"{origin}{lang}/{url[len(origin):]}"
    config = _open(page, url)
    s = config["strings"]
    words = yaml.safe_load((ROOT / "data" / f"strings.{lang}.yml").read_text(encoding="utf-8"))
    assert s["values_title"] == words["js"]["decision"]["values_title"]
    values = yaml.safe_load((ROOT / "data" / ("values.yml" if lang == "en" else f"values.{lang}.yml"))
                            .read_text(encoding="utf-8"))
    assert [q["text"] for q in config["values"]["questions"]] == [q["text"] for q in values["questions"]]
    assert page.locator(".app-decision__groups").inner_text().strip() == s["choose_situation"]
    page.get_by_label(s["situations"]["grown"], exact=True).check()
    # nothing said yet: a prompt, and no groups that would contradict it
    assert page.evaluate(READ)["groups"] == {}
    assert page.locator(".app-decision__groups").inner_text().strip() == s["no_answers"]
    answers = {}
    for qid, code in [("surgery", "1"), ("height", "1"), ("scars", "1"), ("surgery", "3"), ("time", "1")]:
        _answer(page, config, qid, code)
        answers[qid] = code
        got = page.evaluate(READ)["groups"]
        assert got == _expected(config, "grown", None, answers), answers
    # the live region says what changed; a group never names a single best option or a score
    assert re.fullmatch(s["live_updated"].replace("{fits}", r"\d").replace("{some}", r"\d").replace("{less}", r"\d"),
                        page.locator(".app-decision__live").inner_text())
    page.get_by_label(s["situations"]["child"], exact=True).check()
    page.get_by_label(re.compile("^" + re.escape(s["bands"]["small"])), exact=False).check()
    assert page.evaluate(READ)["groups"] == _expected(config, "child", "small", answers)
    # the size alone: the groups, under a line saying that only the size counts so far
    page.get_by_role("button", name=s["clear"]).click()
    assert page.locator(".app-decision__groups").inner_text().strip() == s["choose_situation"]
    page.get_by_label(s["situations"]["child"], exact=True).check()
    page.get_by_label(re.compile("^" + re.escape(s["bands"]["small"])), exact=False).check()
    assert page.evaluate(READ)["groups"] == _expected(config, "child", "small", {})
    assert page.locator(".app-decision__groups .app-decision__prompt").inner_text() == s["size_only"]
    assert tab.console_errors == []


def test_the_summary_link_and_qr_code_reopen_the_same_state(aid, browser, tmp_path):
    tab, url, origin, _, _ = aid
    page = tab.page
    config = _open(page, url)
    s = config["strings"]
    page.get_by_label(s["situations"]["child"], exact=True).check()
    page.get_by_label(re.compile("^" + re.escape(s["bands"]["large"]))).check()
    for qid, code in [("surgery", "2"), ("equal", "1"), ("life", "1"), ("sport", "0")]:
        _answer(page, config, qid, code)
    note = "Ask: how long off school? <b>&</b> 😀"
    page.get_by_label(s["note_label"]).fill(note)
    link = page.locator("[data-decision-summary-link]")
    assert "n=" not in link.get_attribute("href")  # the note stays out of the link until ticked
    page.get_by_label(s["include_note"]).check()
    href = link.get_attribute("href")
    assert href.startswith(url + "?") and link.inner_text() == href
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["n"] == [note]
    before = page.evaluate(READ)
    summary = page.locator(".app-decision__summary-body").inner_text()
    for q, code in [("surgery", "2"), ("equal", "1")]:
        question = next(x for x in config["values"]["questions"] if x["id"] == q)
        assert next(a["text"] for a in question["answers"] if a["code"] == code) in summary
    assert note in summary
    # the QR code carries the same link (decoded by zbarimg)
    page.wait_for_selector(f".app-decision__qr[data-qr='{href}'] svg")
    svg = page.locator(".app-decision__qr svg").evaluate("e => e.outerHTML")
    other = browser.new_context()
    assert zbar_svg(other, svg, tmp_path / "qr.png") == [href]
    # a new page from the link shows the same state
    again = recording_page(other, (origin, "data:")).page
    _open(again, href)
    assert again.evaluate(READ) == before
    assert again.locator(".app-decision__summary-body").inner_text() == summary
    other.close()
    assert tab.console_errors == []


@pytest.mark.parametrize("query,messages", [
    ("?s=<script>alert(1)</script>", ["situation"]),
    ("?s=grown&v=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E!!garbage", ["answers"]),
    ("?s=child&b=%E0%A4%A&v=a1&n=" + "x" * 10000, ["encoding", "note_long"]),
    ("?s=%FF%FE&b=<b>big</b>&n=<img src=x onerror=alert(1)>", ["encoding", "band"]),
])
def test_hostile_links_give_a_polite_message_and_no_markup(aid, query, messages):
    tab, url, _, _, dialogs = aid
    page = tab.page
    config = _open(page, url, query)
    got = page.evaluate(READ)
    assert got["messages"] == messages
    texts = page.locator("[data-message]").all_inner_texts()
    assert texts == [config["strings"]["messages"][m] for m in messages]
    root = page.locator("[data-app-widget='decision']")
    assert root.locator("script, img, b").count() == 0  # nothing from the link became markup
    assert dialogs == [] and tab.console_errors == []
    note_max = config["values"]["note_max"]
    assert len(got["note"]) <= note_max
    if "note_long" in messages:
        assert got["note"] == "x" * note_max and page.get_by_label(config["strings"]["include_note"]).is_checked()
    if "<img" in query:
        assert got["note"] == "<img src=x onerror=alert(1)>"  # shown as text, in the note field
    assert all(not c.startswith(("s=<", "b=<")) for c in got["checked"])


def test_keyboard_only(aid):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url)
    # start where the aid starts (the comparison's links and tables come before it)
    page.evaluate("""() => { const r = document.querySelector("[data-app-widget='decision']");
                             r.setAttribute("tabindex", "-1"); r.focus(); }""")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "s":
            break
    assert page.evaluate("document.activeElement.name") == "s"
    page.keyboard.press("ArrowDown")  # a radio group: arrows choose, as on every form
    assert page.evaluate("document.activeElement.value") == "grown" and page.is_checked("input[name=s][value=grown]")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.is_checked("input[name=b][value=small]")
    page.keyboard.press("Tab")  # the link to very large differences
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "q-surgery"
    page.keyboard.press("Space")
    got = page.evaluate(READ)
    first = config["values"]["questions"][0]["answers"][0]["code"]
    assert got["groups"] == _expected(config, "grown", "small", {"surgery": first})
    # focus is visible on the radio
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert tab.console_errors == []


def test_axe_finds_nothing_in_the_answered_aid(aid):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url, "?s=grown&b=medium&v=a1b1d1g1&n=note")
    assert page.locator(".app-decision__reason").count() > 5
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate(AXE_RUN, AXE_TAGS) == []
    assert config["values"]


def test_print_this_summary_gives_one_a4_page_with_the_summary(aid, tmp_path):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url, "?s=grown&b=large&" + "v=a2b1c1d1e1f1g1h1&n=" + "Will I need a second operation? " * 9)
    s = config["strings"]
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")  # no dialog here
    page.get_by_role("button", name=s["print"]).click()
    page.wait_for_function("window.printed === 1")
    assert page.locator(".app-decision-print .app-decision__qr svg").count() == 1
    page.emulate_media(media="print")
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert s["summary_title"] in text and s["summary_questions"] in text and s["disclaimer"] in text
    for q in config["values"]["questions"]:
        assert " ".join(q["text"].split()) in text  # every answer, with its question
    assert s["clear"] not in text and s["print"] not in text  # the form and the buttons stay off the paper
    page.emulate_media(media="screen")
    assert page.locator(".app-decision__summary").is_visible()


def test_a_phone_width_has_no_sideways_scroll(browser, decision_aid):
    url, origin = decision_aid
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = recording_page(context, (origin, "data:")).page
    _open(page, url, "?s=child&b=medium&v=a1b1c1&n=" + "averyveryverylongwordwithoutspaces" * 5)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.evaluate("""() => [...document.querySelectorAll("[data-app-widget='decision'] *")]
      .filter(e => e.getBoundingClientRect().right > 391).map(e => e.className || e.tagName)""")
    assert wide == []
    heights = page.evaluate("""() => [...document.querySelectorAll(".app-decision__choice")]
      .map(e => e.getBoundingClientRect().height)""")
    assert min(heights) >= 44  # touch targets
    page.locator("fieldset[data-question='surgery'] label").first.tap()
    assert page.is_checked("input[name=q-surgery]:first-of-type")
    context.close()


def test_nothing_is_stored_or_sent(aid):
    tab, url, origin, requests, _ = aid
    page = tab.page
    config = _open(page, url, "?s=grown")
    requests.clear()
    _answer(page, config, "surgery", "1")
    page.get_by_label(config["strings"]["note_label"]).fill("private note")
    page.get_by_label(config["strings"]["include_note"]).check()
    page.wait_for_timeout(300)
    assert [u for u in requests if not u.startswith(origin)] == [] and tab.outside_requests == []
    assert all(u.startswith(origin + "assets/") for u in requests), requests  # at most a script of the site
    # only the theme's colour-scheme key (About, Privacy), nothing from the aid
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))") == []
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert config["strings"]["privacy"] in page.locator(".app-decision__summary").inner_text()


def test_the_planner_and_the_estimator_link_to_the_aid_with_the_size_band(tab, site, guide):
    """The planner (someone who has stopped growing, said beside the link) and the growth
    estimator (a growing child, its predicted difference) open the aid for the size band."""
    from macros.model.growth import model_from_params, predict

    growth = model_from_params(guide.params)
    limits = {"small_max_mm": growth.lift_max_mm, "medium_max_mm": growth.modulation_max_mm}
    page = tab.page
    for amount in (15, 40, 80):
        page.goto(f"{site.url}lengthening/planner/?amount={amount}&unit=mm&bone=femur&method=nail")
        link = page.locator(".app-planner__result [data-decision-link]")
        link.wait_for()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(link.get_attribute("href")).query)
        assert query == {"s": ["grown"], "b": [model.band(limits, amount)], "d": [model.link_number(amount)]}, amount
        assert urllib.parse.urlsplit(link.get_attribute("href")).path.endswith("/treatment/decision-aid/")
        assert link.inner_text() == guide.strings["js"]["planner"]["decision_link"]
    for years, diff in ((8, 5), (8, 20), (12, 40)):
        page.goto(f"{site.url}children/growth-prediction/?sex=boy&years={years}&months=0&diff={diff}&unit=mm")
        link = page.locator(".app-growth__output [data-decision-link]")
        link.wait_for()
        p = predict(growth, "boy", years * 12, diff)
        want = model.band(limits, p.predicted_mm)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(link.get_attribute("href")).query)
        assert query == {"s": ["child"], "b": [want], "d": [model.link_number(p.predicted_mm)],
                         "lo": [model.link_number(p.min_mm)], "hi": [model.link_number(p.max_mm)]}, (years, diff)
    assert tab.console_errors == []


def test_following_the_planners_link_opens_the_aid_in_that_state(tab, site):
    """The theme's instant navigation brings the aid's page in; the aid starts in the link's state."""
    page = tab.page
    page.goto(f"{site.url}lengthening/planner/?amount=80&unit=mm&bone=femur&method=nail")
    page.locator(".app-planner__result [data-decision-link]").click()
    page.wait_for_selector("[data-app-widget='decision'][data-app-decision-init] .app-decision__summary-body p")
    assert page.is_checked("input[name=s][value=grown]") and page.is_checked("input[name=b][value=large]")
    assert page.locator("[data-app-widget='decision'] .app-decision__groups [data-option]").count() == 5
    assert tab.console_errors == []


def _query(page):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)


def test_the_address_bar_follows_the_answers_and_clear_empties_it(aid):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url)
    s = config["strings"]
    page.get_by_label(s["situations"]["grown"], exact=True).check()
    _answer(page, config, "surgery", "1")
    link = page.locator("[data-decision-summary-link]").get_attribute("href")
    assert page.url.split("#")[0] == link and _query(page)["s"] == ["grown"] and "v" in _query(page)
    # the note goes into the address only when the box is ticked
    page.get_by_label(s["note_label"]).fill("my note")
    assert "n" not in _query(page)
    page.get_by_label(s["include_note"]).check()
    assert _query(page)["n"] == ["my note"]
    page.get_by_label(s["include_note"]).uncheck()
    assert "n" not in _query(page)
    # a reload keeps the answers
    before = page.evaluate(READ)
    page.reload()
    page.wait_for_selector("[data-app-widget='decision'][data-app-decision-init] .app-decision__summary-body p")
    assert page.evaluate(READ)["checked"] == before["checked"]
    page.get_by_role("button", name=s["clear"]).click()
    assert urllib.parse.urlsplit(page.url).query == ""
    page.reload()
    page.wait_for_selector("[data-app-widget='decision'][data-app-decision-init] .app-decision__summary-body p")
    assert page.evaluate(READ)["checked"] == []
    assert tab.console_errors == []


def test_only_the_ticked_questions_reach_the_summary_and_the_link(aid):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url, "?s=child")
    s, checklist = config["strings"], config["checklist"]
    summary = page.locator(".app-decision__summary-body")
    assert s["summary_no_ticks"] in summary.inner_text()
    assert all(q["text"] not in summary.inner_text() for q in checklist)
    picked = [checklist[3], checklist[0]]
    for q in picked:
        page.locator(f"#dq-{q['id']}").check()
    shown = summary.locator(".app-decision__summary-questions li").all_inner_texts()
    assert shown == [checklist[0]["text"], checklist[3]["text"]]  # in the list's order
    assert s["summary_no_ticks"] not in summary.inner_text()
    ids = [q["id"] for q in checklist]
    assert _query(page)["t"] == [model.encode_ticks(ids, [q["id"] for q in picked])]
    # the link ticks them again; a hostile t= is left out politely
    _open(page, url, "?s=child&t=" + model.encode_ticks(ids, [ids[1]]) + ".nope.<b>")
    assert page.is_checked(f"#dq-{ids[1]}") and not page.is_checked(f"#dq-{ids[0]}")
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked") is False  # the theme's q= search
    assert page.evaluate(READ)["messages"] == ["ticks"]
    assert summary.locator(".app-decision__summary-questions li").all_inner_texts() == [checklist[1]["text"]]
    assert page.locator("[data-app-widget='decision'] b").count() == 0
    assert tab.console_errors == []


def test_arriving_from_a_link_goes_to_the_questions_with_a_note(browser, decision_aid):
    url, origin = decision_aid
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  reduced_motion="reduce")
    tab = recording_page(context, (origin, "data:"))
    page = tab.page
    config = _open(page, url, "?s=child&b=medium&d=29&lo=18.5&hi=41")
    s = config["strings"]
    page.wait_for_function("document.getElementById('decision-values').getBoundingClientRect().top < innerHeight")
    top = page.evaluate("document.getElementById('decision-values').getBoundingClientRect().top")
    assert 0 <= top < 200
    assert page.locator("[data-decision-from-link]").inner_text() == s["from_link"]
    # the estimator's figures, and the range that reaches into two size groups
    body = page.locator(".app-decision__summary-body")
    assert body.locator("[data-figures]").inner_text() == s["summary_figure_range"].format(d="2.9", lo="1.9", hi="4.1")
    lo_band, hi_band = model.band(config["values"]["limits"], 18.5), model.band(config["values"]["limits"], 41)
    spans = body.locator("[data-figures-span]")
    if lo_band != hi_band:
        assert spans.inner_text() == s["summary_figure_span"].format(a=s["bands"][lo_band], b=s["bands"][hi_band])
    else:
        assert spans.count() == 0
    # without a link: the top of the page, no note
    page.goto(url)
    page.wait_for_selector("[data-app-widget='decision'][data-app-decision-init]")
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") == 0 and page.locator("[data-decision-from-link]").count() == 0
    # the jump near the top and the contents list lead to the questions
    jump = page.locator("a.app-decision-jump")
    assert jump.get_attribute("href").endswith("#decision-values")
    assert page.locator("nav.md-nav--secondary a[href$='#decision-values']").count() >= 1
    context.close()


def test_without_javascript_a_message_says_what_is_missing(browser, decision_aid):
    url, _ = decision_aid
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "?s=grown&v=a1")
    config = json.loads(page.get_attribute("[data-app-widget='decision']", "data-app-config"))
    message = page.locator("[data-app-widget='decision'] .app-decision__nojs")
    assert message.is_visible()
    assert " ".join(message.inner_text().split()) == " ".join(
        guide_strings()["templates"]["decision"]["nojs"].split())
    assert page.locator(".app-decision__table").first.is_visible()
    assert config["values"]
    context.close()


def guide_strings():
    from support import guide
    return guide().strings


def test_a_phone_shows_each_option_by_name_beside_its_rows(browser, decision_aid):
    url, origin = decision_aid
    for scheme in ("default", "slate"):
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = recording_page(context, (origin, "data:")).page
        _open(page, url)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        cells = page.evaluate("""() => [...document.querySelectorAll(".app-decision__table td[data-option]")].map(td => {
            const r = td.getBoundingClientRect();
            return {name: getComputedStyle(td, "::before").content, want: td.dataset.name,
                    left: r.left, right: r.right, width: r.width};
          })""")
        assert cells and all(c["name"] == json.dumps(c["want"]) for c in cells)
        assert all(c["left"] >= 0 and c["right"] <= 390 and c["width"] > 250 for c in cells)
        # the row's name stays in view while its options are read
        assert page.evaluate("""() => getComputedStyle(document.querySelector(
            ".app-decision__table th[scope=row]")).position""") == "sticky"
        context.close()


def test_printing_from_the_browser_menu_puts_the_answers_first(aid, tmp_path):
    tab, url, _, _, _ = aid
    page = tab.page
    config = _open(page, url, "?s=grown&b=medium&v=a1b1")
    s = config["strings"]
    page.emulate_media(media="print")
    page.wait_for_selector(".app-decision-menu-print .app-decision__summary-body p", state="attached")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    first = " ".join(first.split())
    assert s["summary_title"] in first and s["not_recommendation"] in first
    question = config["values"]["questions"][0]
    assert " ".join(question["text"].split()) in first
    everything = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout.split())
    assert s["clear"] not in everything and s["values_intro"].split(".")[0] not in everything  # no form on paper
    assert config["strings"]["privacy"].split(".")[0] not in everything
    # without answers, no summary on paper
    page.emulate_media(media="screen")
    _open(page, url)
    page.emulate_media(media="print")
    pdf.write_bytes(page.pdf(format="A4"))
    everything = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                         check=True).stdout.split())
    assert s["summary_title"] not in everything
