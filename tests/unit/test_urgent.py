"""The warning signs in three tiers (data/urgent.yml) and the edition's phone numbers
(data/emergency.yml): each sign sits in the tier the sources put it in, the built
urgent-help page shows every tier in order with every sign, its reason and its sources,
the numbers come from the edition data, and no page types a phone number by hand.
Expected values come from the data model, never from the built output."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT, guide, mkdocs_build
from macros.model import wording
from macros.render.clinic import tel
from macros.errors import GuideDataError
from macros.render.references import anchor
from macros.data.urgent import TIERS, fill_params, parse_regions, parse_signs
from macros.render.urgent import red_flags

DATA = ROOT / "data"
DOCS = ROOT / "docs"
GUIDE = guide()
RAW_SIGNS = yaml.safe_load((DATA / "urgent.yml").read_text(encoding="utf-8"))

# Where the sources put each sign (the issue this page answers names these tiers).
EXPECTED_TIER = {
    "chest": "emergency",
    "circulation": "emergency",
    "compartment": "emergency",
    "toes": "emergency",
    "bent": "emergency",
    "sepsis": "emergency",
    "self_harm": "emergency",
    "fever": "same_day",
    "pin_site": "same_day",
    "numbness": "same_day",
    "nail": "same_day",
    "nail_wound": "same_day",
    "clot": "same_day",
    "fall": "same_day",
    "knee": "same_day",
    "irritated_pin": "next_visit",
    "stiffness": "next_visit",
    "mood": "next_visit",
}
# Words a reader must meet in each tier.
TIER_WORDS = {
    "emergency": ("chest pain", "breathlessness", "pale", "blue", "cold", "no feeling",
                  "painkillers do not ease", "toes are moved", "tight and swollen", "compartment syndrome",
                  "cannot move your toes", "lift your foot", "looks bent", "cannot put any weight",
                  "sepsis", "confusion", "very fast breathing", "harming yourself"),
    "same_day": ("fever", "pin site", "redness that spreads", "numbness", "tingling", "with a nail",
                 "a wound", "pus", "weakness, call the emergency number", "tight and very painful",
                 "knee that no longer straightens fully"),
    "next_visit": ("usually not an infection", "slowly gets harder to bend"),
}
# The section heading above each tier's list says the tier in words.
HEADING_WORDS = {"emergency": "emergency number now", "same_day": "same day", "next_visit": "next visit"}


def norm(text: str) -> str:
    return " ".join(text.split())


def _fill(key, which):
    return wording.param(GUIDE.strings, GUIDE.params[key], which or "range")


# --- the data ---------------------------------------------------------------------------

def test_each_sign_sits_in_its_tier():
    tier_of = {s.id: tier for tier, signs in GUIDE.signs.items() for s in signs}
    for sign, tier in EXPECTED_TIER.items():
        assert tier_of.get(sign) == tier, f"{sign} should be in {tier}, is in {tier_of.get(sign)}"


@pytest.mark.parametrize("tier", list(TIER_WORDS))
def test_tier_names_its_signs(tier):
    text = " ".join(f"{s.text} {s.why}" for s in GUIDE.signs[tier]).lower()
    missing = [w for w in TIER_WORDS[tier] if w not in text]
    assert not missing, f"{tier} tier lacks {missing}"


def test_circulation_and_compartment_signs_are_not_in_a_slower_tier():
    slower = " ".join(s.text.lower() for t in ("same_day", "next_visit") for s in GUIDE.signs[t])
    for word in ("pale or blue", "feels cold", "no feeling", "compartment", "painkillers",
                 "looks bent", "cannot put any weight", "sepsis", "harming yourself", "cannot move your toes"):
        assert word not in slower, word


def test_no_sign_calls_a_possible_infection_certainly_harmless():
    text = " ".join(f"{s.text} {s.why}" for t in TIERS for s in GUIDE.signs[t]).lower()
    for absolute in ("not an infection", "is not infected", "needs an operation straight away"):
        assert absolute not in text.replace("usually not an infection", ""), absolute


def test_fever_line_is_the_sourced_range():
    p = GUIDE.params["urgent.fever_threshold"]
    assert p.unit == "celsius" and p.low < p.high, "sources differ, so the fever line is a range"
    assert len(p.sources) >= 3
    fever = next(s for s in GUIDE.signs["same_day"] if s.id == "fever")
    # With no sheet from the team, the default is the lowest (most cautious) line.
    assert p.typical == p.low
    assert f"call at {wording.param(GUIDE.strings, p, 'low')} or above" in shown(fever.text)
    assert wording.param(GUIDE.strings, p) in shown(fever.why)
    assert "team's sheet decides" in fever.why


def shown(text: str) -> str:
    """A sign's text as the page shows it: each {param:...} in words."""
    return fill_params(text, lambda key, which: wording.param(GUIDE.strings, GUIDE.params[key], which or "range"))


def _edit(path: str, value):
    raw = yaml.safe_load(yaml.safe_dump(RAW_SIGNS, sort_keys=False))
    node = raw
    *parents, last = path.split("/")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is None:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    return raw


@pytest.mark.parametrize("path, value, expected", [
    ("tiers/emergency/0/sources", ["made-up2020"], "urgent.yml: tiers.emergency.chest.sources: cites unknown reference 'made-up2020'"),
    ("tiers/emergency/0/why", None, "urgent.yml: tiers.emergency[0].why: is missing"),
    ("tiers/same_day/0/text", "Fever above {param:urgent.nope}", "urgent.yml: tiers.same_day.fever.text: urgent.nope: no such parameter"),
    ("tiers/emergency/1/text", "<b>pale</b>", "urgent.yml: tiers.emergency.circulation.text: must be plain text"),
    ("tiers/next_visit", None, "urgent.yml: tiers.next_visit: is missing"),
])
def test_broken_signs_name_the_key(path, value, expected):
    with pytest.raises(GuideDataError) as err:
        parse_signs(_edit(path, value), GUIDE.references, _fill)
    assert str(err.value).startswith(expected), str(err.value)


@pytest.mark.parametrize("regions, expected", [
    ([{"region": "the UK", "emergency": "nine"}], "emergency.yml: regions[0].emergency: is not a phone number"),
    ([{"region": "the UK", "emergency": "999", "advice": {"name": "NHS 111"}}], "emergency.yml: regions[0].advice.number: is missing"),
    ([{"region": "the UK", "emergency": "999", "fax": "1"}], "emergency.yml: regions[0].fax: is not a known field"),
    ([], "emergency.yml: regions: must be a non-empty list"),
])
def test_broken_regions_name_the_key(regions, expected):
    with pytest.raises(GuideDataError) as err:
        parse_regions(regions)
    assert str(err.value).startswith(expected), str(err.value)


def test_unknown_tier_in_a_page_names_it():
    with pytest.raises(GuideDataError, match="macro red_flags: urgent: is not a tier"):
        red_flags(GUIDE.signs, "urgent", lambda *keys: "", lambda key, which: "")


def test_broken_signs_fail_the_build_in_one_line(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    (proj / "data/urgent.yml").write_text(yaml.safe_dump(_edit("tiers/emergency/2/sources", ["made-up2020"]), sort_keys=False))
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in output, output
    expected = "urgent.yml: tiers.emergency.compartment.sources: cites unknown reference 'made-up2020'"
    assert len([line for line in output.splitlines() if expected in line]) == 1, output


# --- the built page ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def page(site):
    return BeautifulSoup(site.page_html("help/urgent/"), "html.parser").select_one("article")


def test_page_shows_the_three_tiers_in_order(page):
    blocks = page.select("[data-tier]")
    assert [b["data-tier"] for b in blocks] == list(TIERS)
    for b in blocks:
        heading = norm(b.find_previous("h2").get_text(" ")).lower()
        assert HEADING_WORDS[b["data-tier"]] in heading, heading


@pytest.mark.parametrize("tier", TIERS)
def test_each_sign_is_shown_with_its_reason_and_sources(page, tier):
    block = page.select_one(f'[data-tier="{tier}"]')
    items = block.select(":scope > ul > li")
    signs = GUIDE.signs[tier]
    assert [li.select_one("[data-sign]")["data-sign"] for li in items] == [s.id for s in signs]
    for li, sign in zip(items, signs):
        text = norm(li.get_text())
        assert norm(shown(sign.text)) in text and norm(shown(sign.why)) in text, (sign.id, text)
        cited = [a["href"].split("#", 1)[1] for a in li.select('a[href*="references/#"]')]
        assert cited == [anchor(k) for k in sign.sources], sign.id


def test_page_shows_the_editions_numbers_as_phone_links(page):
    links = {a["href"]: norm(a.get_text()) for a in page.select('a[href^="tel:"]')}
    for region in GUIDE.regions:
        assert links.get(tel(region.emergency)) == region.emergency, region.region
        if region.advice:
            assert links.get(tel(region.advice.number)) == region.advice.number, region.region
    rows = [norm(tr.get_text(" ")) for tr in page.select("table tbody tr")]
    assert len(rows) == len(GUIDE.regions)


def test_page_says_what_to_do_when_a_line_is_empty(page):
    text = norm(page.get_text(" ")).lower()
    assert "if that line is empty" in text and "emergency department" in text
    assert "do not do the next turn" in text
    # The stop list names a leg off plan or bent and loose or broken hardware, and the
    # rule for doubt is to hold the turn and call.
    for words in ("longer or shorter than your plan", "looks bent", "loose or broken",
                  "hold the next turn and call your team"):
        assert words in text, words
    assert "for any other reason" not in text


# --- no phone number typed in a page ----------------------------------------------------

PHONE_NUMBERS = ("999", "111", "112", "911", "1177")
TYPED_PHONE = re.compile(rf"(?<![\w.,#/=-])(?:{'|'.join(PHONE_NUMBERS)})(?![\w,%-]|\.\d)")


def _page_text(text: str) -> str:
    """A page's Markdown without front matter, macro calls and HTML tags (attributes hold
    drawing coordinates, not numbers a reader dials)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    return re.sub(r"<[^>]*>", " ", text)


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_phone_number_typed_in_a_page(path):
    found = TYPED_PHONE.findall(_page_text(path.read_text(encoding="utf-8")))
    assert not found, (f"{path.relative_to(ROOT)} types the phone number(s) {found}: use "
                       "{{ emergency_call() }}, {{ advice_call() }} or {{ emergency_numbers() }} (data/emergency.yml)")


def test_phone_lint_can_fail():
    for sample in ("call 999 now", "NHS 111", "(112)", "dial 911.", "ring 1177 for advice"):
        assert TYPED_PHONE.search(_page_text(sample)), sample
    for sample in ('<polyline points="220,112 380,56"/>', "{{ emergency_call() }}", "1112 cases", "9.11"):
        assert not TYPED_PHONE.search(_page_text(sample)), sample


# --- whom to call: one number, the language edition's home country, or "your local number" ---

from macros.data.urgent import Advice, Region, in_language, load_regions  # noqa: E402
from macros.render import urgent as urgent_render  # noqa: E402

RAW_EMERGENCY = yaml.safe_load((DATA / "emergency.yml").read_text(encoding="utf-8"))
STRINGS_SV = yaml.safe_load((DATA / "strings.sv.yml").read_text(encoding="utf-8"))


def _home_of(lang):
    """The region the data marks as ``lang``'s home, with its numbers (from ``regions``)."""
    entry = next(e for e in RAW_EMERGENCY["languages"][lang] if e.get("home"))
    return next(r for r in RAW_EMERGENCY["regions"] if r["region"] == entry["region"])


def test_the_swedish_edition_names_its_home_countrys_numbers():
    home = _home_of("sv")
    regions = load_regions(DATA / "emergency.yml", "sv")
    assert len(regions) > 1 and sum(r.home for r in regions) == 1
    n, a = home["emergency"], home["advice"]
    t = STRINGS_SV["templates"]["urgent"]
    assert urgent_render.emergency_call(regions, STRINGS_SV) == t["home_number"].format(number=f"[{n}]({tel(n)})")
    assert urgent_render.emergency_call(regions, STRINGS_SV, link=False) == t["home_number"].format(number=n)
    assert urgent_render.advice_call(regions, STRINGS_SV) == t["home_advice"].format(
        name_link=f"[{a['name']}]({tel(a['number'])})")
    summary = urgent_render.urgent_help(regions, STRINGS_SV)
    assert f"[{n}]({tel(n)})" in summary and "{" not in summary


def test_the_english_edition_has_no_home_country_and_says_your_local_number():
    t = GUIDE.strings["templates"]["urgent"]
    assert len(GUIDE.regions) > 1 and not any(r.home for r in GUIDE.regions)
    assert urgent_render.emergency_call(GUIDE.regions, GUIDE.strings) == t["many_numbers"]
    assert urgent_render.advice_call(GUIDE.regions, GUIDE.strings) == t["many_advice"]
    assert t["many_numbers"] in urgent_render.urgent_help(GUIDE.regions, GUIDE.strings)


def test_a_one_region_clinic_edition_gives_its_own_number_even_with_a_home_elsewhere():
    t = GUIDE.strings["templates"]["urgent"]
    clinic = (Region("the UK", "999", Advice("NHS 111", "111")),)
    assert urgent_render.emergency_call(clinic, GUIDE.strings) == t["one_number"].format(number="[999](tel:999)")
    two = (Region("Sverige", "112", Advice("1177 Vårdguiden", "1177"), home=False), Region("the UK", "999"))
    assert urgent_render.emergency_call(two, GUIDE.strings) == t["many_numbers"]


def test_a_language_has_at_most_one_home_region():
    regions = (Region("the UK", "999"), Region("Sweden", "112"))
    order = [{"region": "Sweden", "name": "Sverige", "home": True}, {"region": "the UK", "name": "UK", "home": True}]
    with pytest.raises(GuideDataError, match=r"languages.sv\[1\].home: marks a second home region"):
        in_language(regions, order, "emergency.yml", "languages.sv")


def test_a_home_that_is_not_true_or_false_is_named(tmp_path):
    raw = yaml.safe_load((DATA / "emergency.yml").read_text(encoding="utf-8"))
    raw["languages"]["sv"][0]["home"] = "ja"
    bad = tmp_path / "emergency.yml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GuideDataError, match=r"^emergency.yml: languages.sv\[0\].home: "):
        load_regions(bad, "sv")
