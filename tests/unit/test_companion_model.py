"""The treatment companion's schedule model (macros/model/companion.py), worked by hand; its
JavaScript copy checked against golden cases written by the Python model
(scripts/golden.py); the calendar file, the diary's CSV and the blank chart."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from support import ROOT, guide as load
from macros.model import companion as c

sys.path.insert(0, str(ROOT / "scripts"))
import golden  # noqa: E402

LIMITS = golden.COMPANION_LIMITS


def seg(start, rate=1, steps=4):
    return {"start": start, "rate": rate, "steps": steps}


def test_limits_come_from_the_parameters():
    guide = load()
    lim = c.limits_from_params(guide.params)
    assert lim.rate_max == guide.params["lengthening.distraction_rate"].high
    assert lim.steps == (3, 4)  # steps_per_day low 3, high 4


def test_one_mm_a_day_as_four_steps():
    # 10 mm at 1 mm a day: 10 days, day 10 is 9 days after 1 March.
    s = c.schedule({"target_mm": 10, "segments": [seg("2027-03-01")], "first_time": "08:00", "last_time": "20:00"}, LIMITS)
    assert len(s["rows"]) == 10 and s["target_date"] == "2027-03-10"
    assert [r["total"] for r in s["rows"]] == [100 * d for d in range(1, 11)]
    assert all(r["steps"] == 4 and r["step_mm"] == 2500 for r in s["rows"])
    assert s["rows"][0]["times"] == ["08:00", "12:00", "16:00", "20:00"]  # 12 h / 3 gaps = 4 h


def test_three_quarters_as_three_steps_over_the_leap_day():
    # 5 mm at 0.75 a day: 6 days give 4.5 mm, then 2 steps of 0.25 on day 7.
    # From 27 Feb 2028: 27, 28, 29 Feb, 1, 2, 3, 4 Mar.
    s = c.schedule({"target_mm": 5, "segments": [seg("2028-02-27", 0.75, 3)], "first_time": "08:00", "last_time": "20:00"}, LIMITS)
    assert [r["date"] for r in s["rows"]] == ["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01",
                                             "2028-03-02", "2028-03-03", "2028-03-04"]
    assert [r["total"] for r in s["rows"]] == [75, 150, 225, 300, 375, 450, 500]
    assert s["rows"][-1]["steps"] == 2 and s["rows"][-1]["times"] == ["08:00", "14:00"]


def test_one_mm_as_three_steps_shows_each_step_to_four_decimals():
    s = c.schedule({"target_mm": 2, "segments": [seg("2027-01-01", 1, 3)]}, LIMITS)
    assert s["rows"][0]["step_mm"] == 3333 and [r["total"] for r in s["rows"]] == [100, 200]
    assert c.step_text(3333) == "0.3333" and c.step_text(1875) == "0.1875" and c.step_text(2500) == "0.25"
    assert c.step_text(10000) == "1" and c.step_text(1250) == "0.125"
    assert c.mm_text(33) == "0.33" and c.mm_text(250) == "2.5" and c.mm_text(1000) == "10"


def test_a_step_of_0_1875_mm_is_exact_and_the_total_never_passes_the_target():
    # 0.75 mm a day as 4 steps: 0.1875 mm a step. 10.5 mm: 14 days give exactly 10.5 mm.
    # 1 mm as 3 steps to 10.5 mm: 10 days give 10 mm; day 11 needs 2 steps (10.6667 rounds to
    # 10.67 > 10.5), and its total shows the target, 10.5 mm, not 10.67.
    s = c.schedule({"target_mm": 10.5, "segments": [seg("2027-03-01", 0.75, 4)]}, LIMITS)
    assert s["rows"][0]["step_mm"] == 1875 and s["rows"][-1]["total"] == 1050 and len(s["rows"]) == 14
    s = c.schedule({"target_mm": 10.5, "segments": [seg("2027-03-01", 1, 3)]}, LIMITS)
    assert len(s["rows"]) == 11 and s["rows"][-1]["steps"] == 2 and s["rows"][-1]["total"] == 1050
    # The review's plan: 1 mm as 4 steps from 1 Mar, pause from 11 Mar, 0.75 mm as 4 steps from
    # 15 Mar, to 30 mm: 10 mm by 10 Mar, then 20 mm at 0.75 a day = 26.67 days: the last day
    # (day 41 of 0.75, 11 Apr) stops at the step that reaches 30 mm and shows 30 mm.
    s = c.schedule({"target_mm": 30, "segments": [seg("2027-03-01"), seg("2027-03-11", 0, 0),
                                                  seg("2027-03-15", 0.75, 4)]}, LIMITS)
    assert all(r["total"] <= 3000 for r in s["rows"]) and s["rows"][-1]["total"] == 3000
    assert s["target_date"] == "2027-04-10" and s["rows"][-1]["steps"] == 3  # 26 days = 19.5 mm; 3 steps = 0.5625
    assert max(r["total"] for r in s["rows"]) == 3000


def test_an_open_ended_pause_ends_the_schedule_at_the_pause():
    # 1 mm a day from 1 Mar, paused from 11 Mar with no restart: 10 days, then the pause day.
    s = c.schedule({"target_mm": 30, "segments": [seg("2027-03-01"), seg("2027-03-11", 0, 0)]}, LIMITS)
    assert s["paused_from"] == "2027-03-11" and not s["reached"] and s["target_date"] is None
    assert len(s["rows"]) == 11 and s["rows"][-1]["pause"] and s["rows"][-1]["total"] == 1000
    # A pause with a restart after it is not open-ended.
    s = c.schedule({"target_mm": 30, "segments": [seg("2027-03-01"), seg("2027-03-11", 0, 0),
                                                  seg("2027-03-15")]}, LIMITS)
    assert s["paused_from"] is None and s["reached"]


def test_without_times_the_rows_have_steps_but_no_times():
    s = c.schedule({"target_mm": 2, "segments": [seg("2027-01-01")], "first_time": "", "last_time": ""}, LIMITS)
    assert [r["steps"] for r in s["rows"]] == [4, 4] and all(r["times"] == [] for r in s["rows"])
    s = c.schedule({"target_mm": 2, "segments": [seg("2027-01-01")]}, LIMITS)
    assert all(r["times"] == [] for r in s["rows"])


def test_the_team_slows_the_rate():
    # 4 days at 1 mm (4 mm), then 0.5 mm a day from day 5: 6 mm more take 12 days -> day 16.
    s = c.schedule({"target_mm": 10, "segments": [seg("2027-01-01"), seg("2027-01-05", 0.5, 4)]}, LIMITS)
    assert s["target_date"] == "2027-01-16" and len(s["rows"]) == 16
    assert s["rows"][3]["total"] == 400 and s["rows"][4]["total"] == 450 and s["rows"][4]["segment"] == 1
    assert s["rows"][4]["step_mm"] == 1250  # 0.125 mm, exactly


def test_a_pause_over_new_year():
    # 2 mm by 31 Dec; paused 1 to 3 Jan; 4 mm more from 4 Jan -> 7 Jan. 9 rows.
    s = c.schedule({"target_mm": 6, "segments": [seg("2027-12-30"), seg("2028-01-01", 0, 0),
                                                 seg("2028-01-04")]}, LIMITS)
    assert s["target_date"] == "2028-01-07" and len(s["rows"]) == 9
    assert [r["pause"] for r in s["rows"]] == [False, False, True, True, True, False, False, False, False]
    assert [r["total"] for r in s["rows"]] == [100, 200, 200, 200, 200, 300, 400, 500, 600]


def test_a_change_after_the_target_is_not_used():
    s = c.schedule({"target_mm": 3, "segments": [seg("2027-01-01"), seg("2027-02-01", 0.5, 4)]}, LIMITS)
    assert s["target_date"] == "2027-01-03" and s["unused_segments"] == [1]


@pytest.mark.parametrize("plan, field, code", [
    ({"target_mm": "50", "segments": [seg("2027-01-01")]}, "target_mm", "not_number"),
    ({"target_mm": 0, "segments": [seg("2027-01-01")]}, "target_mm", "not_positive"),
    ({"target_mm": 501, "segments": [seg("2027-01-01")]}, "target_mm", "too_large"),
    ({"target_mm": 50, "segments": [seg("2027-02-30")]}, "segments[0].start", "bad_date"),
    ({"target_mm": 50, "segments": [seg("2027-01-01", 1.5)]}, "segments[0].rate", "too_fast"),
    ({"target_mm": 50, "segments": [seg("2027-01-01", 1, 6)]}, "segments[0].steps", "steps"),
    ({"target_mm": 50, "segments": [seg("2027-01-01"), seg("2027-01-01")]}, "segments[1].start", "not_after_previous"),
    ({"target_mm": 50, "segments": [seg("2027-01-01", 0, 0)]}, "segments[0].rate", "starts_paused"),
    ({"target_mm": 50, "segments": [seg("2027-01-01")], "first_time": "25:00"}, "first_time", "bad_time"),
    ({"target_mm": 50, "segments": [seg("2027-01-01")], "first_time": "08:00"}, "last_time", "bad_time"),
])
def test_bad_plans_are_refused_naming_the_field(plan, field, code):
    with pytest.raises(c.CompanionInputError) as err:
        c.schedule(plan, LIMITS)
    assert (err.value.field, err.value.code) == (field, code)


def test_golden_cases_cover_pauses_changes_and_short_last_days():
    cases = json.loads((ROOT / "tests" / "golden" / "companion.json").read_text())["cases"]
    assert len(cases) >= 200
    assert any(any(s["rate"] == 0 for s in k["plan"]["segments"]) for k in cases)
    assert any(len(k["plan"]["segments"]) >= 3 for k in cases)
    assert any(k["expected"]["unused_segments"] for k in cases)
    assert any(k["expected"]["paused_from"] for k in cases)
    assert any(k["expected"]["rows"][0][5] % 100 for k in cases)  # a step like 0.1875 mm


# ------------------------------------------------------------------ calendar (.ics)

from ics_check import IcsError, parse as parse_ics, unescape  # noqa: E402

MODEL_JS = ROOT / "docs" / "assets" / "javascripts" / "companion-model.js"


def js_ics(plan: dict, strings: dict, milestones: list, previous: list | None = None,
           stamp: str = "20261201T090000Z") -> str:
    plan = {"first_time": "08:00", "last_time": "20:00", **plan}  # reminders need times (the widget asks for them)
    script = (f"require({json.dumps(str(MODEL_JS))}); const M = globalThis.LLGCompanionModel;"
              f"const s = M.schedule({json.dumps(plan)}, {json.dumps(LIMITS.as_dict())});"
              f"process.stdout.write(M.ics(s, {json.dumps(strings)}, {json.dumps(stamp)}, {json.dumps(milestones)},"
              f" {json.dumps(previous or [])}));")
    # bytes, not text: text mode would turn the file's CRLF into LF
    return subprocess.run(["node", "-e", script], capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def test_calendar_file_is_valid_and_repeats_each_step_time():
    strings = load().strings["js"]["companion"]
    long_note = dict(strings, ics_step_desc=strings["ics_step_desc"] + " Ünïcödé, semi;colon, 漢字" * 4)
    # 10 mm: 4 days at 1 mm (4 steps), pause 5 to 7 Jan, then 0.75 mm as 3 steps from 8 Jan:
    # 6 mm more = 8 days (8 Jan to 15 Jan), the last day full (6 / 0.75 = 8 exactly).
    plan = {"target_mm": 10, "segments": [seg("2027-01-01"), seg("2027-01-05", 0, 0), seg("2027-01-08", 0.75, 3)]}
    text = js_ics(plan, long_note, [{"id": "start", "date": "2027-01-01", "summary": "Lengthening starts"},
                                    {"id": "target", "date": "2027-01-15", "summary": "Target, reached"}])
    events = parse_ics(text)
    timed = [e for e in events if "VALUE=DATE" not in e["DTSTART"][0]]
    counts = {e["DTSTART"][1]: int(e["RRULE"][1].split("COUNT=")[1]) if "RRULE" in e else 1 for e in timed}
    assert counts == {"20270101T080000": 4, "20270101T120000": 4, "20270101T160000": 4, "20270101T200000": 4,
                      "20270108T080000": 8, "20270108T140000": 8, "20270108T200000": 8}
    assert sum(counts.values()) == 4 * 4 + 8 * 3
    all_day = [(e["DTSTART"][1], unescape(e["SUMMARY"][1])) for e in events if "VALUE=DATE" in e["DTSTART"][0]]
    assert all_day == [("20270101", "Lengthening starts"), ("20270115", "Target, reached")]
    assert "漢字" in unescape(timed[0]["DESCRIPTION"][1])  # folded without splitting a character
    assert max(len(line.encode()) for line in text.split("\r\n")) <= 75


def test_a_short_last_day_gets_its_own_events():
    # 5 mm at 0.75 as 3 steps: 6 full days, then 2 steps on day 7 (see the leap-day case).
    strings = load().strings["js"]["companion"]
    events = parse_ics(js_ics({"target_mm": 5, "segments": [seg("2028-02-27", 0.75, 3)]}, strings, []))
    got = sorted((e["DTSTART"][1], e.get("RRULE", ("", "COUNT=1"))[1].split("COUNT=")[1]) for e in events)
    assert got == [("20280227T080000", "6"), ("20280227T140000", "6"), ("20280227T200000", "6"),
                   ("20280304T080000", "1"), ("20280304T140000", "1")]


@pytest.mark.parametrize("bad", [
    "BEGIN:VCALENDAR\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n",  # bare LF
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-LONG:" + "a" * 80 + "\r\nEND:VCALENDAR\r\n",  # not folded
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261201T090000Z\r\n"
    "DTSTART:20270101T080000\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",  # no COUNT or UNTIL
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T080000\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",  # no DTSTAMP
])
def test_the_calendar_reader_can_fail(bad):
    with pytest.raises(IcsError):
        parse_ics(bad)


# ------------------------------------------------------------------ diary CSV

def js_call(expr: str) -> object:
    script = (f"require({json.dumps(str(MODEL_JS))}); const M = globalThis.LLGCompanionModel;"
              f"let out; try {{ out = {{ok: {expr}}}; }} catch (e) {{ out = {{error: e.code, field: e.field}}; }}"
              f"process.stdout.write(JSON.stringify(out));")
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, check=True, timeout=60).stdout.decode("utf-8"))


def test_diary_csv_round_trip_keeps_hostile_text_as_text():
    entry = {"date": "2027-03-08", "steps": 4, "pain": 3, "pins": True, "bend": 85, "aid": "crutches",
             "notes": '=HYPERLINK("http://x.invalid"), "quoted"\n<img src=x onerror=alert(1)>'}
    csv = js_call(f"M.diaryToCsv([{json.dumps(entry)}])")["ok"]
    assert csv.startswith("date,steps,pain,pins,bend,aid,notes\r\n")
    assert "\"'=HYPERLINK(" in csv  # a spreadsheet will not run it as a formula
    back = js_call(f"M.diaryFromCsv({json.dumps(csv)})")["ok"]
    assert back == [entry]


@pytest.mark.parametrize("csv, field", [
    ("name,steps\r\nx,1\r\n", "csv"),
    ("date,steps,pain,pins,bend,aid,notes\r\n2027-02-30,4,1,yes,,none,\r\n", "date"),
    ("date,steps,pain,pins,bend,aid,notes\r\n2027-03-01,4,11,yes,,none,\r\n", "pain"),
    ("date,steps,pain,pins,bend,aid,notes\r\n2027-03-01,4,1,maybe,,none,\r\n", "pins"),
    ("date,steps,pain,pins,bend,aid,notes\r\n2027-03-01,4,1,yes,,<b>,\r\n", "aid"),
    ("date,steps,pain,pins,bend,aid,notes\r\n2027-03-01,4,1,yes,,none\r\n", "csv"),
    ('date,steps,pain,pins,bend,aid,notes\r\n2027-03-01,4,1,yes,,none,"open\r\n', "csv"),
])
def test_diary_import_refuses_what_it_cannot_read(csv, field):
    assert js_call(f"M.diaryFromCsv({json.dumps(csv)})")["field"] == field


# ------------------------------------------------------------------ build-time chart

from macros.render import companion as companion_render  # noqa: E402
from macros.render import urgent as urgent_render  # noqa: E402


def render(phones):
    guide = load()
    return str(companion_render.companion(guide.params, guide.strings, phones, "../../help/urgent/",
                                          ["Sign one", "Sign <two>"],
                                          emergency=urgent_render.emergency_call(guide.regions, guide.strings, link=False)))


def test_the_charts_warning_box_lists_every_emergency_sign_and_reason_to_hold_from_the_urgent_data():
    """The page's chart: the emergency tier's signs as data/urgent.yml words them (parameters
    filled in, as on the urgent page), the urgent page's reasons to hold the next turn or the
    handset, and the "not sure which?" line; no shorter hand-written copy."""
    from macros.data.yamlfile import read_config
    from macros.page_macros import companion as companion_macro
    from macros.site import load_site
    site, _ = load_site({**read_config(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs")}, ROOT)
    site.page_src, site.page_url = "lengthening/companion.md", "lengthening/companion/"
    html = companion_macro(site)
    box = html.split('class="app-chart__flags"', 1)[1].split("</div>", 1)[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", box).split())
    unescape_html = lambda t: t.replace("&#39;", "'").replace("&amp;", "&")  # noqa: E731
    text = unescape_html(text)
    signs = site.guide.signs["emergency"]
    assert len(signs) >= 5
    for sign in signs:
        assert " ".join(sign.text.split()) in text, sign.id
    for sign in site.guide.signs["same_day"]:  # with their parameters filled in
        assert " ".join(sign.text.split("{param:")[0].split()) in text, sign.id
    assert "{param:" not in text
    urgent = site.strings["templates"]["urgent"]
    for reason in urgent["hold"]:
        assert reason in text
    assert urgent["not_sure"] in text and "handset" in text
    assert site.strings["templates"]["urgent_help"].split()[0:4] != text.split()[0:4]
    # The urgent page renders its list to hold the turn from the same strings.
    assert 'guide.strings["templates"]["urgent"]["hold"]' in (ROOT / "docs" / "help" / "urgent.md").read_text()


def test_the_chart_says_what_to_do_after_a_wrong_or_extra_step():
    html = render([])
    t = load().strings["templates"]["companion"]["wrong_step"]
    assert "two steps" in t and "Call your team" in t
    assert t.split()[0] in html and 'class="app-chart__wrong-step"' in html


def config_of(html: str) -> dict:
    return json.loads(html.split("data-app-config='", 1)[1].split("'", 1)[0].replace("&#39;", "'"))


def test_the_chart_without_javascript_is_blank():
    """No typical plan: no day numbers, dates, amounts, totals or times, only boxes to tick."""
    guide = load()
    html = render([])
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = body.count("<tr ")
    assert rows == companion_render.BLANK_ROWS
    assert body.count('class="app-chart__box"></span>') == rows * int(guide.params["lengthening.steps_per_day"].high)
    assert re.sub(r"<[^>]+>", "", body).strip() == ""  # not one character of a plan
    fields = re.sub(r"<[^>]+>", "", html.split('class="app-chart__fields"', 1)[1].split("</ul>", 1)[0])
    assert not re.search(r"\d", fields), fields  # the plan's fields are blanks to fill in
    assert 'data-app-widget="companion"' in html and "data-app-config='{" in html
    # The sheet says how many days it covers (lengthening often takes longer than one sheet).
    note = re.sub(r"<[^>]+>", "", html.split('class="app-chart__sheet-rows"', 1)[1].split("</p>", 1)[0])
    assert f"{rows} rows: enough for {rows} days" in note and "print more" in note, note


def test_the_configuration_gives_no_plan_values():
    """The browser gets limits and strings, never a rate, steps, start day, target or rest period."""
    cfg = config_of(render([]))
    assert set(cfg) == {"limits", "times", "storage_key", "phones", "strings", "plausible_mm"}
    assert cfg["storage_key"] == "__llg_companion"
    # The planner's input check for "Did you mean ...?", not a plan value.
    plausible = load().params["lengthening.plausible_amount"]
    assert cfg["plausible_mm"] == [plausible.low, plausible.high]


def test_default_edition_has_blanks_and_points_to_urgent_help():
    html = render([])
    assert 'class="app-chart__blanks"' in html and 'href="../../help/urgent/"' in html


def test_clinic_edition_prints_its_phones_escaped():
    html = render([("Ward <any time>", "+44 20 7946 0001")])
    assert "Ward &lt;any time&gt;" in html and 'href="tel:+442079460001"' in html
    assert 'class="app-chart__blanks"' not in html
    config = config_of(html)
    assert config["phones"][0]["label"] == "Ward <any time>"
    assert "<" not in html.split("data-app-config='", 1)[1].split("'", 1)[0]  # tojson escapes markup


# ------------------------------------------------------------------ replacing a plan's reminders

def _events(text: str) -> dict[str, dict]:
    return {e["UID"][1]: e for e in parse_ics(text)}


def test_reminder_uids_name_the_step_time_and_date_so_a_new_download_replaces_them():
    strings = load().strings["js"]["companion"]
    start = [{"id": "start", "date": "2027-01-01", "summary": "Lengthening starts"}]
    plan = {"target_mm": 10, "segments": [seg("2027-01-01")]}
    first = _events(js_ics(plan, strings, start + [{"id": "target", "date": "2027-01-10", "summary": "Target"}],
                           stamp="20261201T090000Z"))
    again = _events(js_ics(plan, strings, start + [{"id": "target", "date": "2027-01-10", "summary": "Target"}],
                           stamp="20261202T090000Z"))
    assert set(first) == set(again)  # the same plan, the same events
    assert "llg-companion-step-20270101T0800@leg-length-guide" in first
    assert int(again["llg-companion-target@leg-length-guide"]["SEQUENCE"][1]) > \
        int(first["llg-companion-target@leg-length-guide"]["SEQUENCE"][1])
    # The team slows to 0.5 mm as 4 steps from 5 January: the first run keeps its UIDs
    # with 4 days instead of 10; the new run has its own; the target moves (same UID).
    changed = {"target_mm": 10, "segments": [seg("2027-01-01"), seg("2027-01-05", 0.5, 4)]}
    index = json.loads(subprocess.run(["node", "-e", (
        f"require({json.dumps(str(MODEL_JS))}); const M = globalThis.LLGCompanionModel;"
        f"const s = M.schedule({json.dumps(plan)}, {json.dumps(LIMITS.as_dict())});"
        f"process.stdout.write(JSON.stringify(M.icsIndex(s, {json.dumps(strings)}, "
        f"{json.dumps(start + [{'id': 'target', 'date': '2027-01-10', 'summary': 'Target'}])})))")],
        capture_output=True, check=True, timeout=60).stdout)
    second = _events(js_ics(changed, strings, start + [{"id": "target", "date": "2027-01-16", "summary": "Target"}],
                            previous=index, stamp="20261203T090000Z"))
    kept = "llg-companion-step-20270101T0800@leg-length-guide"
    assert second[kept]["RRULE"][1] == "FREQ=DAILY;COUNT=4"
    assert "llg-companion-step-20270105T0800@leg-length-guide" in second
    assert second["llg-companion-target@leg-length-guide"]["DTSTART"] == (";VALUE=DATE", "20270116")
    assert not any("STATUS" in e for e in second.values())  # nothing went away
    # Back to the first plan: the events of the slower run are cancelled, not left behind.
    index2 = index + [{"uid": u, "dtstart": "DTSTART" + e["DTSTART"][0] + ":" + e["DTSTART"][1]}
                      for u, e in second.items()]
    third = _events(js_ics(plan, strings, start + [{"id": "target", "date": "2027-01-10", "summary": "Target"}],
                           previous=index2, stamp="20261204T090000Z"))
    cancelled = sorted(u for u, e in third.items() if e.get("STATUS", ("", ""))[1] == "CANCELLED")
    assert cancelled == [f"llg-companion-step-20270105T{t}@leg-length-guide" for t in ("0800", "1200", "1600", "2000")]
    assert third[kept]["RRULE"][1] == "FREQ=DAILY;COUNT=10"


def test_a_tampered_index_cannot_put_lines_into_the_calendar():
    strings = load().strings["js"]["companion"]
    bad = [{"uid": "x\r\nBEGIN:VEVENT", "dtstart": "DTSTART:20270101T080000"},
           {"uid": "llg-companion-step-20270101T0800@leg-length-guide", "dtstart": "DTSTART:1\r\nX:y"}, None, 5]
    text = js_ics({"target_mm": 2, "segments": [seg("2027-02-01")]}, strings, [], previous=bad)
    assert "STATUS:CANCELLED" not in text and "X:y" not in text
    parse_ics(text)


# ------------------------------------------------------------------ the page's words

def _prose(path: str) -> str:
    return " ".join((ROOT / "docs" / path).read_text(encoding="utf-8").split())


def test_the_page_says_what_it_does_not_advise_and_where_its_numbers_come_from():
    page = _prose("lengthening/companion.md")
    assert "gives no advice of its own" not in page and "Many teams use" not in page
    assert "no advice on how much or how fast to lengthen" in page
    assert "In the hospital leaflets we found" in page and "Yours may differ." in page
    assert "rest period (latency)" in page and "lengthening rate" in page and "handset" in page
    # The planner's links to this page carry no amount: the page does not say they do.
    assert "link from the [treatment planner](planner.md) fills in" not in page
    planner_links = [ln for ln in (ROOT / "docs" / "lengthening" / "planner.md").read_text().splitlines() if "companion" in ln]
    assert all("amount=" not in ln for ln in planner_links)
    assert "A clinic's link to this page can carry the length to gain" in page


def test_privacy_wording_on_the_page_and_about():
    sentence = ("The page sends nothing. What you enter stays in this browser. Files you download, and calendar "
                "events you import, go where you put them")
    page, about = _prose("lengthening/companion.md"), _prose("about.md")
    assert sentence in page and sentence in about
    assert "Nothing you enter leaves this device" not in page and "never leaves your device" not in about.lower()
    assert "a link you share carries the length in it" in about.lower() and "carries the length in it" in page
    assert "On a shared computer" in about and "private window" in about
