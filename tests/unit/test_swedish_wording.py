"""Numbers, risks and dates in Swedish: the same model code as English, with the words of
data/strings.sv.yml and Babel's sv_SE rules (decimal comma, a no-break space between
thousands, "1 mars 2027", the plural categories one and other).

Every expected string below was worked out by hand from the rules: the figures from
data/parameters.yml, the ladder of phrases and the templates from strings.sv.yml, the
number format from CLDR (Swedish decimal sign "," and group sign U+00A0).
"""

from __future__ import annotations

import datetime as dt

import pytest

from support import ROOT, guide
from macros.data.guide import load_editions
from macros.model import wording
from macros.render.environment import decimal, long_date, month_year, plural_form

NBSP = "\u00a0"  # CLDR's grouping sign for Swedish: "10 000"
GUIDE = guide()


@pytest.fixture(scope="module")
def sv():
    from support import languages
    return load_editions(GUIDE, ROOT / "data", languages())["sv"]


def _with(p, value):
    return type(p)(**{**p.__dict__, "low": value, "typical": value, "high": value})


# --- quantities -----------------------------------------------------------------------

@pytest.mark.parametrize("key,which,expected", [
    ("lengthening.distraction_rate", "range", "0,75–1 mm per dag"),  # unit named for the high end: 1 -> one
    ("lengthening.distraction_rate", "low", "0,75 mm per dag"),
    ("lengthening.latency", "range", "5–10 dagar"),
    ("lengthening.latency", "typical", "7 dagar"),
    ("lengthening.consolidation_after_distraction", "range", "6–13 veckor"),
    ("urgent.fever_threshold", "high", "38,6 °C"),
    ("treatment.growth_modulation.pets_before", "range", "27,7 mm"),  # one value: no range
])
def test_quantities(sv, key, which, expected):
    assert wording.param(sv.strings, sv.params[key], which) == expected


def test_a_percent_has_a_no_break_space_before_it_in_swedish(sv):
    """Swedish writes "10 %" (a space, kept on the line with the number); English "10%"."""
    assert wording.quantity(sv.strings, 10, "percent") == f"10{NBSP}%"
    assert wording.span(sv.strings, 15, 25, "percent").endswith(f"25{NBSP}%")
    assert wording.quantity(GUIDE.strings, 10, "percent") == "10%"


def test_an_undated_source_is_u_a_in_swedish(sv):
    """Swedish writes "utan år" as "u.å." where English writes "n.d.", letter suffix kept."""
    from macros.render.references import reference, short_label
    undated = [r for r in GUIDE.references.values() if r.year == "n.d."]
    assert undated, "no undated reference to check"
    for ref in undated:
        en = short_label(ref, GUIDE.strings["templates"]["no_date"])
        swedish = short_label(ref, sv.strings["templates"]["no_date"])
        assert "n.d." in en and "n.d." not in swedish and swedish == en.replace("n.d.", "u.å."), ref.key
        assert "u.å." in str(reference(ref, sv.strings["templates"]["no_date"])), ref.key
    dated = next(r for r in GUIDE.references.values() if r.year != "n.d.")
    assert short_label(dated, "u.å.") == short_label(dated), dated.key


def test_bare_numbers_have_a_decimal_comma(sv):
    assert wording.number(27.7, sv.strings["locale"]) == "27,7"
    assert wording.number(0.75, sv.strings["locale"]) == "0,75"
    assert wording.number(7.0, sv.strings["locale"]) == "7"


@pytest.mark.parametrize("x,expected", [
    (1, "1 dag"),          # Swedish "one": the integer 1 only
    (1.5, "1,5 dagar"),    # a decimal is "other", also between 1 and 2
    (2, "2 dagar"),
    (0, "0 dagar"),
])
def test_plural_forms_follow_swedish_rules(sv, x, expected):
    assert wording.quantity(sv.strings, x, "day") == expected


def test_a_range_uses_the_strings_dash(sv):
    assert wording.span(sv.strings, 6, 10, "month") == "6–10 månader"
    assert wording.span(sv.strings, 1, 1, "week") == "1 vecka"


# --- how often ------------------------------------------------------------------------

@pytest.mark.parametrize("percent,expected", [
    (34, "cirka 1 av 3"),          # 1/3 is 2 % below
    (45, "nästan 1 av 2"),         # 1 in 2 and 2 in 5 both 11 % away: the larger phrase
    (5.9, "nästan 1 av 15"),
    (0.3, "drygt 1 av 500"),       # 1 in 500 is 33 % below: "just over"
    (7, "cirka 1 av 15"),          # 1/15 is 4.8 % below
    (0.1, f"cirka 1 av 1{NBSP}000"),
    (0.05, f"färre än 1 av 1{NBSP}000"),
])
def test_shares(sv, percent, expected):
    p = _with(sv.params["condition.prevalence.children_share"], percent)
    assert wording.one_in(sv.strings, p) == expected


def test_one_in_births(sv):
    # 10 000 to 100 000 births per case: both ends grouped, the unit named for the high end.
    assert wording.one_in(sv.strings, sv.params["condition.incidence.fibular_hemimelia"]) == (
        f"cirka 1 av 10{NBSP}000 till 1 av 100{NBSP}000 födslar")
    assert wording.one_in(sv.strings, sv.params["condition.incidence.hemihypertrophy"], "typical") == (
        f"cirka 1 av 53{NBSP}000 födslar")


def test_risks_say_what_was_counted(sv):
    assert wording.risk(sv.strings, sv.params["complications.nail_any"], "segment") == (
        "cirka 1 komplikation per 3 förlängda skelettben (samma skelettben kan få fler än en komplikation)")
    assert wording.risk(sv.strings, sv.params["complications.nail_goal_not_reached"], "segment") == (
        "cirka 1 fall per 20 förlängda skelettben")
    assert wording.risk(sv.strings, sv.params["complications.pin_infection_frame"], "patient") == (
        "cirka 19 av 20 personer (85 av 88)")
    assert wording.risk(sv.strings, sv.params["complications.hip_instability_cfd"], "child") == (
        "cirka 1 av 6 barn (6 av 33)")  # 1/6 is 8 % below 18.2 %, 1/5 10 % above
    assert wording.risk(sv.strings, sv.params["complications.regenerate_fracture_child"], "lengthening") == (
        "cirka 1 brott per 6 förlängningar (20 brott på 111 förlängningar; "
        "samma förlängning kan få fler än ett brott)")


def test_every_counted_word_a_parameter_uses_has_its_swedish_form(sv):
    """What a risk counted (parameters.yml counted.unit and counted.event, English keys) is
    worded from templates.risk in each strings file: every unit and event in use has a
    Swedish noun (plural and singular), event forms for one and other, and a note."""
    t = sv.strings["templates"]["risk"]
    en = GUIDE.strings["templates"]["risk"]
    for key, p in sv.params.items.items():
        if p.counted is None:
            continue
        unit, event = p.counted.unit, p.counted.event
        assert t["units"].get(unit) and t["units_one"].get(unit), f"{key}: no Swedish noun for {unit!r}"
        assert t["units"][unit] != en["units"][unit], f"{key}: the Swedish noun for {unit!r} is the English one"
        assert sv.strings["templates"]["clinic"]["counted_units"].get(unit), f"{key}: counted_units.{unit}"
        if p.counted.measure == "per_100":
            forms = t["events"].get(event) or {}
            assert forms.get("one") and forms.get("other"), f"{key}: no Swedish forms for the event {event!r}"
            assert event in t["per_100_note"], f"{key}: no per_100_note for {event!r}"


# --- dates and numbers in templates ----------------------------------------------------

def test_dates_and_numbers_in_swedish():
    assert long_date(dt.date(2027, 3, 1), "sv_SE") == "1 mars 2027"
    assert month_year(dt.date(2027, 12, 1), "sv_SE") == "december 2027"
    assert decimal(1234.5, "sv_SE") == f"1{NBSP}234,5"
    assert plural_form(1, "sv_SE") == "one" and plural_form(3, "sv_SE") == "other"
