"""Risks in words: what was counted, and natural frequencies from one fixed ladder.

* Every risk parameter declares what it counted (``counted:`` in data/parameters.yml);
  the loader rejects a bad declaration in one line naming the key.
* ``risk(key, per=...)`` ends its phrase with the counted noun; a page whose sentence
  counts another unit, or that writes a counted noun after the phrase, fails the build
  naming the page and the key.
* The ladder (strings ``templates.risk.ladder``) picks the phrase with the smallest
  relative error, and says "nearly" / "just over" whenever that error is above 10%, for
  every share from 0.1% to 99%.
* No patient page shows a percentage; the evidence page says what each risk counted.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT, built_pages, guide, languages, mkdocs_build
from macros.model import wording
from macros.checks import risk_sentences
from macros.data.references import parse_bibliography
from macros.errors import GuideDataError
from macros.data.parameters import COUNTED_UNITS, parse_parameters

DATA = ROOT / "data"
GUIDE = guide()
RUNGS = wording.ladder(GUIDE.strings)


# --- the ladder -------------------------------------------------------------------------

def _grid():
    """Shares from 0.1% to 99% in steps of 0.01 percentage points (as fractions)."""
    return [n / 10000 for n in range(10, 9901)]


def test_ladder_has_the_documented_phrases():
    values = {(r.n, r.d) for r in RUNGS}
    for pair in [(19, 20), (9, 10), (1, 2), (1, 3), (1, 10), (2, 5), (3, 10), (1, 100), (1, 1000)]:
        assert pair in values, pair


def test_every_share_gets_the_nearest_phrase_and_an_honest_qualifier():
    for share in _grid():
        w = wording.word_share(share, RUNGS)
        errors = {r: (r.value - share) / share for r in RUNGS}
        best = min(abs(e) for e in errors.values())
        assert abs(abs(w.error) - best) < 1e-9, (share, w)  # smallest relative error
        if w.qualifier == "about":
            assert abs(w.error) <= 0.10 + 1e-9, (share, w)
        elif w.qualifier == "nearly":  # "nearly 1 in 3": a bit less than a third
            assert w.rung.value > share and w.error > 0.10, (share, w)
        elif w.qualifier == "just_over":  # "just over 1 in 4": a bit more than a quarter
            assert w.rung.value < share and w.error < -0.10, (share, w)
        else:
            pytest.fail(f"unexpected qualifier {w.qualifier} for {share}")
        # A harm is never understated by more than 10% without saying so.
        if w.error < -0.10:
            assert w.qualifier == "just_over", (share, w)


def test_both_qualifiers_and_about_occur_over_the_grid():
    seen = {wording.word_share(s, RUNGS).qualifier for s in _grid()}
    assert seen == {"about", "nearly", "just_over"}


def test_ties_do_not_understate():
    # 27.5% is 10% from both 1 in 4 and 3 in 10 (relative): the larger phrase wins.
    w = wording.word_share(0.275, RUNGS)
    assert (w.rung.n, w.rung.d) == (3, 10)


@pytest.mark.parametrize("percent,expected", [
    # Worked out by hand from the ladder in strings.en.yml.
    (34, "about 1 in 3"),        # 1/3 is 2% below
    (38, "about 2 in 5"),        # not "1 in 3": that would understate by 12%
    (30, "about 3 in 10"),
    (45, "nearly 1 in 2"),       # 1 in 2 and 2 in 5 are both 11% away; the larger wins
    (5.9, "nearly 1 in 15"),     # 1 in 15 is 13% above, 1 in 20 15% below
    (0.3, "just over 1 in 500"),  # 1 in 500 is 33% below, 1 in 200 67% above
    (1.5, "just over 1 in 75"),
    (96.6, "about 19 in 20"),    # 85 of 88: "9 in 10" would understate by 7%
    (99, "about 19 in 20"),
    (95, "about 19 in 20"),
    (92, "about 9 in 10"),       # 9 in 10 is 2% below, 19 in 20 3% above
    (90, "about 9 in 10"),
    (0.1, "about 1 in 1,000"),
    (0.05, "less than 1 in 1,000"),
])
def test_share_table(percent, expected):
    p = GUIDE.params["condition.prevalence.children_share"]
    p = type(p)(**{**p.__dict__, "low": percent, "typical": percent, "high": percent})
    assert wording.one_in(GUIDE.strings, p) == expected


def test_bad_ladder_is_named():
    strings = copy.deepcopy(GUIDE.strings)
    strings["templates"]["risk"]["ladder"][3] = [3, 2]
    with pytest.raises(GuideDataError, match=r"templates\.risk\.ladder\[3\]"):
        wording.ladder(strings)


# --- what was counted -------------------------------------------------------------------

def _risks():
    return {k: p for k, p in GUIDE.params.items.items() if p.counted}


def test_every_risk_parameter_says_what_was_counted():
    for key, p in GUIDE.params.items.items():
        if p.unit == "percent" and key.split(".")[0] in ("complications", "treatment"):
            assert p.counted is not None, key


@pytest.mark.parametrize("key,unit,measure", [
    ("complications.nail_any", "segment", "per_100"),            # 332 complications in 983 segments
    ("complications.regenerate_fracture_child", "lengthening", "per_100"),  # 20 after 111 lengthenings
    ("treatment.growth_modulation.pets_screw_removal", "child", "share"),   # 31 of 82 children
    ("complications.pin_infection_frame", "patient", "share"),  # 85 of 88 patients
])
def test_known_mislabels_are_fixed(key, unit, measure):
    p = GUIDE.params[key]
    assert (p.counted.unit, p.counted.measure) == (unit, measure)


def test_phrase_ends_with_what_was_counted():
    nouns = GUIDE.strings["templates"]["risk"]["units"]
    for key, p in _risks().items():
        text = wording.risk(GUIDE.strings, p, p.counted.unit)
        text = re.sub(r" \([^()]*\)$", "", text)  # the study's counts or a note in brackets
        assert text.endswith(" " + nouns[p.counted.unit]), (key, text)
        others = [n for u, n in nouns.items() if u != p.counted.unit and not nouns[p.counted.unit].endswith(n)]
        assert not any(text.endswith(" " + n) for n in others), (key, text)
        if p.counted.measure == "per_100":
            assert " for every " in text, (key, text)


def test_per_100_names_the_event():
    text = wording.risk(GUIDE.strings, GUIDE.params["complications.nail_any"], "segment")
    # "1 for every 3 bones" is not "1 in 3 people": the phrase says one bone can count twice.
    assert text == "about 1 complication for every 3 lengthened bones (one bone can have more than one)"
    # A bone either reaches its planned length or not: no such note.
    text = wording.risk(GUIDE.strings, GUIDE.params["complications.nail_goal_not_reached"], "segment")
    assert text == "about 1 case for every 20 lengthened bones"
    text = wording.risk(GUIDE.strings, GUIDE.params["complications.regenerate_fracture_child"], "lengthening")
    assert "children" not in text and re.sub(r" \([^()]*\)$", "", text).endswith("lengthenings")


def test_one_small_study_gives_its_counts():
    # Worked out by hand from the notes in parameters.yml.
    pin = wording.risk(GUIDE.strings, GUIDE.params["complications.pin_infection_frame"], "patient")
    assert pin == "about 19 in 20 people (85 of 88)"
    hip = wording.risk(GUIDE.strings, GUIDE.params["complications.hip_instability_cfd"], "child")
    assert hip == "about 1 in 6 children (6 of 33)"
    breaks = wording.risk(GUIDE.strings, GUIDE.params["complications.regenerate_fracture_child"], "lengthening")
    assert breaks == ("about 1 break for every 6 lengthenings "
                      "(20 breaks in 111 lengthenings; one lengthening can have more than one)")
    # A range is not one study's single figure: no counts.
    frame = wording.risk(GUIDE.strings, GUIDE.params["complications.frame_child_any"], "lengthening", "range")
    assert "(" not in frame


def test_counts_must_match_the_figure():
    raw = yaml.safe_load((DATA / "parameters.yml").read_text())
    _first(raw, "complications.pin_infection_frame")["counted"]["events"] = 58
    refs = parse_bibliography(yaml.safe_load((DATA / "references.yml").read_text()))
    with pytest.raises(GuideDataError) as info:
        parse_parameters(raw, refs)
    assert "complications.pin_infection_frame.counted.events: 58 of 88 is 65.9%, not the figure 96.6%" in str(info.value)
    del _first(raw, "complications.pin_infection_frame")["counted"]["events"]
    with pytest.raises(GuideDataError, match=r"pin_infection_frame\.counted\.events: is missing"):
        parse_parameters(raw, refs)


@pytest.mark.parametrize("per,words", [
    ("child", ["complications.nail_any", "counts child", "segment"]),
    (None, ["complications.nail_any", "per=\"segment\""]),
    ("kids", ["complications.nail_any", "'kids' is not a unit"]),
])
def test_wrong_unit_is_refused(per, words):
    with pytest.raises(GuideDataError) as info:
        wording.risk(GUIDE.strings, GUIDE.params["complications.nail_any"], per)
    for w in words:
        assert w in str(info.value)


def test_a_share_that_is_not_a_risk_cannot_use_risk_and_a_risk_cannot_use_one_in():
    with pytest.raises(GuideDataError, match="does not say what was counted"):
        wording.risk(GUIDE.strings, GUIDE.params["condition.prevalence.children_share"], "child")
    with pytest.raises(GuideDataError, match=r"is a risk: use risk"):
        wording.one_in(GUIDE.strings, GUIDE.params["complications.nail_any"])


def _first(raw, key):
    node = raw["parameters"]
    for part in key.split("."):
        node = node[part]
    return node


BAD_COUNTED = [
    ("unknown unit", {"unit": "kid", "measure": "share"}, "counted.unit", "'kid' is not allowed"),
    ("missing measure", {"unit": "child"}, "counted.measure", "missing"),
    ("unknown measure", {"unit": "child", "measure": "rate"}, "counted.measure", "'rate' is not allowed"),
    ("per 100 without event", {"unit": "segment", "measure": "per_100"}, "counted.event", "is missing"),
    ("share with event", {"unit": "child", "measure": "share", "event": "case"}, "counted.event", "only events per 100"),
    ("unknown field", {"unit": "child", "measure": "share", "per": "x"}, "counted.per", "not a known field"),
    ("not a mapping", "children", "counted", "must be a mapping"),
]


@pytest.mark.parametrize("desc,counted,where,words", BAD_COUNTED, ids=[c[0] for c in BAD_COUNTED])
def test_bad_counted_is_one_line_naming_the_key(desc, counted, where, words):
    raw = yaml.safe_load((DATA / "parameters.yml").read_text())
    _first(raw, "complications.nail_any")["counted"] = counted
    refs = parse_bibliography(yaml.safe_load((DATA / "references.yml").read_text()))
    with pytest.raises(GuideDataError) as info:
        parse_parameters(raw, refs)
    message = str(info.value)
    assert "\n" not in message
    assert f"complications.nail_any.{where}" in message and words in message, message


def test_counted_only_on_a_percent():
    raw = yaml.safe_load((DATA / "parameters.yml").read_text())
    _first(raw, "lengthening.latency")["counted"] = {"unit": "patient", "measure": "share"}
    refs = parse_bibliography(yaml.safe_load((DATA / "references.yml").read_text()))
    with pytest.raises(GuideDataError, match=r"lengthening\.latency\.counted: only a risk in percent"):
        parse_parameters(raw, refs)


def test_every_counted_unit_has_words():
    t = GUIDE.strings["templates"]
    for unit in COUNTED_UNITS:
        assert t["risk"]["units"][unit] and t["clinic"]["counted_units"][unit], unit
    from macros.data.parameters import COUNTED_EVENTS
    for event in COUNTED_EVENTS:
        assert t["risk"]["events"][event]["one"] and t["clinic"]["counted_events"][event], event


# --- page lint --------------------------------------------------------------------------

@pytest.mark.parametrize("markdown,found", [
    ('{{ risk("a.b", per="child") }} children had pain', [("a.b", "children")]),
    ('{{ risk("a.b", per="child") | capitalize }} people had pain', [("a.b", "people")]),
    ('in {{ risk("a.b", per="segment") }} lengthened bones.', [("a.b", "lengthened")]),
    ('{{ risk("a.b", per="child") | capitalize }} had pain', []),
    ('({{ risk("a.b", per="lengthening") }}) than the shin bone', []),
])
def test_lint_finds_a_second_noun(markdown, found):
    assert risk_sentences.lint_risk_sentences(markdown, GUIDE.strings) == found


@pytest.mark.parametrize("markdown,key,words", [
    ('{{ risk("complications.nail_any") }}', "complications.nail_any", 'per="segment"'),
    ('{{ risk("complications.nail_any", "child") }}', "complications.nail_any", "counts child"),
    ('{{ risk("complications.nail_any", per="patient", which="typical") }}', "complications.nail_any", "counts patient"),
    ('{{ risk("no.such.key", per="child") }}', "no.such.key", "no such parameter"),
    ('{{ risk("condition.prevalence.children_share", per="child") }}', "condition.prevalence.children_share",
     "does not say what was counted"),
    ('{{ risk("complications.pin_infection_deep", per="patient") }} people had', "complications.pin_infection_deep",
     "'people' follows the risk"),
    ('In one study, {{ param("complications.pin_infection_frame") }} of people', "complications.pin_infection_frame",
     "would print a percentage"),
])
def test_page_check_names_the_key(markdown, key, words):
    problems = risk_sentences.check_page(markdown, GUIDE.params, GUIDE.strings)
    assert len(problems) == 1 and problems[0][0] == key and words in problems[0][1], problems


def test_page_check_passes_every_page():
    for md in (ROOT / "docs").rglob("*.md"):
        assert risk_sentences.check_page(md.read_text(), GUIDE.params, GUIDE.strings) == [], md


def test_pages_use_risk_with_per():
    for md in (ROOT / "docs").rglob("*.md"):
        for m in re.finditer(r"\{\{-?\s*risk\(([^)]*)\)", md.read_text()):
            assert "per=" in m.group(1), f"{md.relative_to(ROOT)}: {m.group(0)}"


# --- the built site ---------------------------------------------------------------------

PERCENT = re.compile(r"\d\s*%|\bper ?cent\b|\bprocent\b", re.IGNORECASE)
LENGTH_SHARE = re.compile(r"\s+(?:of the [\w' ]*?bone's length|av [\w ]*?benets längd)")


@pytest.mark.parametrize("lang", languages().built)
def test_patient_pages_show_no_percentages(site, lang):
    pages = {rel: html for rel, html in built_pages(site.dir, lang).items() if "clinicians/" not in rel}
    if lang == languages().root:
        assert len(pages) > 10
    for rel, html in pages.items():
        article = BeautifulSoup(html, "html.parser").select_one("article")
        text = " ".join(article.get_text(" ").split())
        for hit in PERCENT.finditer(text):
            if LENGTH_SHARE.match(text, hit.end()):
                continue  # a share of a bone's length is a size, not how often something happens
            raise AssertionError(f"{rel}: {text[max(0, hit.start() - 80):hit.end() + 20]}")


def test_evidence_page_says_what_each_risk_counted(site):
    soup = BeautifulSoup(site.page_html("clinicians/evidence/"), "html.parser")
    rows = {}
    for tr in soup.select("article table tr"):
        code = tr.find("code")
        if code:
            rows[code.get_text()] = " ".join(tr.get_text(" ").split())
    for key, p in _risks().items():
        assert "Counted:" in rows[key], key
    assert "complications per 100 lengthened bone segments" in rows["complications.nail_any"]
    assert "fractures per 100 lengthenings" in rows["complications.regenerate_fracture_child"]
    assert "share of children with at least one event" in rows["treatment.growth_modulation.pets_screw_removal"]
    assert "Counted:" not in rows["lengthening.latency"]


# --- the build fails on a mismatch -------------------------------------------------------

def _copy(tmp_path: Path) -> Path:
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    return proj


def _build_fails(tmp_path, proj, expected):
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if expected in line]
    assert len(lines) == 1, output
    return lines[0]


def test_build_fails_when_a_sentence_counts_another_unit(tmp_path):
    proj = _copy(tmp_path)
    page = proj / "docs/lengthening/risks.md"
    text = page.read_text()
    assert 'risk("complications.nail_any", per="segment")' in text
    page.write_text(text.replace('risk("complications.nail_any", per="segment")',
                                 'risk("complications.nail_any", per="child")', 1))
    line = _build_fails(tmp_path, proj, "complications.nail_any: the sentence counts child")
    assert "lengthening/risks.md" in line


def test_build_fails_when_the_data_changes_what_was_counted(tmp_path):
    proj = _copy(tmp_path)
    params = proj / "data/parameters.yml"
    text = params.read_text()
    old = "counted: {unit: lengthening, measure: per_100, event: fracture, events: 20, total: 111}"
    assert old in text
    params.write_text(text.replace(old, "counted: {unit: child, measure: share}", 1))
    # The decision aid's data follows the new count (its own check is in test_decision.py):
    # what stops the build here is a page's sentence.
    for name in ("decision.yml", "decision.sv.yml"):
        data = proj / "data" / name
        data.write_text(data.read_text().replace("complications.regenerate_fracture_child:lengthening",
                                                 "complications.regenerate_fracture_child:child"))
    line = _build_fails(tmp_path, proj, "complications.regenerate_fracture_child: the sentence counts lengthening")
    assert ".md" in line


def test_build_fails_on_a_noun_after_the_risk(tmp_path):
    proj = _copy(tmp_path)
    page = proj / "docs/treatment/growth-modulation.md"
    text = page.read_text()
    old = 'risk("treatment.growth_modulation.pets_pain", per="child") | capitalize }} had'
    assert old in text
    page.write_text(text.replace(old, old.replace("}} had", "}} children had"), 1))
    line = _build_fails(tmp_path, proj, "treatment.growth_modulation.pets_pain: 'children' follows the risk")
    assert "treatment/growth-modulation.md" in line


# --- numbers and word forms in the strings file's locale (Babel) ---------------------------

def _swedish_strings():
    """The guide's strings with a Swedish locale and Swedish unit names: the functions, not a page."""
    strings = copy.deepcopy(dict(GUIDE.strings))
    strings["locale"] = "sv_SE"
    strings["units"] = {**strings["units"], "day": {"one": "dag", "other": "dagar"}, "cm": {"one": "cm", "other": "cm"}}
    return strings


def test_the_strings_file_names_the_locale_for_numbers():
    assert GUIDE.strings["locale"] == "en_GB"
    assert wording.number(0.75, GUIDE.strings["locale"]) == "0.75"
    assert wording.grouped(50000, GUIDE.strings["locale"]) == "50,000"


@pytest.mark.parametrize("x,en,sv", [
    (0.75, "0.75", "0,75"), (1.25, "1.25", "1,25"), (7.0, "7", "7"), (2.5, "2.5", "2,5"),
    (1.999, "2", "2"), (0.005, "0.01", "0,01"), (1500, "1500", "1500"),
])
def test_number_uses_the_locales_decimal_sign(x, en, sv):
    assert wording.number(x, "en_GB") == en
    assert wording.number(x, "sv_SE") == sv


def test_thousands_are_grouped_with_the_locales_sign():
    assert wording.grouped(50000, "en_GB") == "50,000"
    assert wording.grouped(50000, "sv_SE") == "50\u00a0000"  # CLDR's Swedish group sign: a no-break space
    assert wording.grouped(2500, "sv_SE") == "2500"  # below the start: ungrouped, as "1 in 2500"
    assert wording.grouped(1000, "sv_SE", 1000) == "1\u00a0000"
    assert wording.one_in_words({"one_in": "1 på {n}"}, 50000, "sv_SE") == "1 på 50\u00a0000"
    assert wording.one_in_words(GUIDE.strings["templates"]["frequency"], 50000, "en_GB") == "1 in 50,000"


def test_unit_names_follow_the_plural_category_of_the_number_shown():
    assert [wording.plural_form(x, "en_GB") for x in (1, 1.0, 2, 0.5, 1.5)] == ["one", "one", "other", "other", "other"]
    assert [wording.plural_form(x, "sv_SE") for x in (1, 2, 0.75)] == ["one", "other", "other"]
    assert wording.quantity(GUIDE.strings, 1, "day") == "1 day"
    assert wording.quantity(GUIDE.strings, 1.001, "day") == "1 day"  # shown as "1": one day, not "1 days"
    assert wording.quantity(GUIDE.strings, 1.5, "day") == "1.5 days"
    sv = _swedish_strings()
    assert wording.quantity(sv, 1, "day") == "1 dag"
    assert wording.quantity(sv, 0.75, "day") == "0,75 dagar"
    assert wording.span(sv, 0.75, 1.5, "day").endswith("0,75 to 1,5 dagar")


def test_a_missing_plural_form_is_named():
    strings = copy.deepcopy(dict(GUIDE.strings))
    strings["units"] = {**strings["units"], "day": {"other": "days"}}
    with pytest.raises(GuideDataError, match=r"units\.day\.one"):
        wording.quantity(strings, 1, "day")
