"""content-a: the glossary parser and page, the "1 in N" wording, the Understanding pages'
figures (accessible, themed by CSS so they follow dark mode and print)."""

from __future__ import annotations


import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from macros.model import wording
from macros.data import glossary
from macros.render import glossary as glossary_render
from macros.errors import GuideDataError
from macros.data.guide import load_guide

ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
FIGURE_PAGES = ("understanding/what-is-lld/", "understanding/evaluation/")


@pytest.fixture(scope="module")
def guide():
    return load_guide(ROOT / "data")


# --- glossary parser -------------------------------------------------------------------

def test_glossary_parse_sorts_skips_comments_and_makes_anchors():
    text = "<!-- a comment\n*[NOT]: inside a comment -->\n\n*[tibia]: Shin bone.\n*[Bone age]: How mature.\n*[CT]: A scan.\n"
    entries = glossary.parse(text)
    assert [e.term for e in entries] == ["Bone age", "CT", "tibia"]
    assert [e.anchor for e in entries] == ["term-bone-age", "term-ct", "term-tibia"]
    assert entries[0].definition == "How mature."


@pytest.mark.parametrize("text, problem", [
    ("*[LLD] Leg length\n", "line 1"),
    ("*[LLD]: One.\n\n*[LLD]: Two.\n", "second time"),
    ("*[X-ray]: One.\n*[X ray]: Two.\n", "same anchor"),
])
def test_glossary_parse_rejects_bad_lines(text, problem):
    with pytest.raises(GuideDataError, match=problem):
        glossary.parse(text)


def test_glossary_render_escapes_html():
    html = glossary_render.render([glossary.Entry("A<b>", "x & y")], "none")
    assert "A&lt;b&gt;" in html and "x &amp; y" in html and 'id="term-a-b"' in html
    assert "none" in glossary_render.render([], "none")


def test_glossary_page_lists_every_term_in_order(site):
    entries = glossary.load(ABBREVIATIONS)
    assert len(entries) > 10
    soup = BeautifulSoup(site.page_html("glossary/"), "html.parser")
    terms = soup.select("dl.app-glossary dt")
    assert [(t["id"], t.get_text()) for t in terms] == [(e.anchor, e.term) for e in entries]
    definitions = [d.get_text() for d in soup.select("dl.app-glossary dd")]
    assert definitions == [e.definition for e in entries]


# --- "1 in N" wording --------------------------------------------------------------------

def _births(guide):
    return {k: p for k, p in guide.params.items.items() if p.unit == "births_per_case"}


def test_one_in_births_gives_both_ends_with_separators(guide):
    births = _births(guide)
    assert births, "no births_per_case parameters"
    for key, p in births.items():
        text = wording.one_in(guide.strings, p)
        assert f"1 in {int(p.low):,}" in text and f"1 in {int(p.high):,}" in text, (key, text)
        assert text.startswith("about ") and text.endswith(" births"), text


def test_one_in_percent_rounds_to_whole_people(guide):
    p = guide.params["condition.prevalence.adults_share"]
    text = wording.one_in(guide.strings, p)
    assert text == f"about 1 in {round(100 / p.low)} to 1 in {round(100 / p.high)}"
    p = guide.params["condition.prevalence.any_difference"]
    assert wording.one_in(guide.strings, p) == f"about {round(p.value / 10)} in 10"


def test_one_in_refuses_other_units(guide):
    with pytest.raises(GuideDataError, match="growth.uncertainty"):
        wording.one_in(guide.strings, guide.params["growth.uncertainty"])


def test_one_in_figures_reach_the_causes_page(site, guide):
    text = BeautifulSoup(site.page_html("understanding/causes/"), "html.parser").get_text(" ")
    text = " ".join(text.split())
    for key, p in _births(guide).items():
        assert wording.one_in(guide.strings, p) in text, key


# --- figures -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_figures_are_accessible_and_css_themed(site, path):
    soup = BeautifulSoup(site.page_html(path), "html.parser")
    figures = soup.select("figure.app-figure")
    assert figures, path
    for fig in figures:
        svg = fig.find("svg")
        assert svg["role"] == "img"
        for ref in svg["aria-labelledby"].split():
            assert svg.find(id=ref) and svg.find(id=ref).get_text(strip=True), ref
        assert fig.find("figcaption").get_text(strip=True)
        # colours come from CSS (currentColor / theme variables), never fixed in the drawing
        for el in svg.find_all(True):
            assert not (set(el.attrs) & {"fill", "stroke", "style", "color"}), el.name


@pytest.mark.browser
def test_figure_follows_dark_scheme(tab, site):
    page = tab.page
    page.goto(site.url + "understanding/what-is-lld/")
    colours = {}
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        colours[scheme] = page.evaluate("""() => {
            const bone = document.querySelector('.app-figure__limb');
            const text = document.querySelector('.md-content');
            return [getComputedStyle(bone).stroke, getComputedStyle(text).color];
        }""")
    for scheme, (stroke, text_colour) in colours.items():
        assert stroke == text_colour, (scheme, stroke, text_colour)
    assert colours["default"][0] != colours["slate"][0]
    assert tab.console_errors == []


@pytest.mark.browser
def test_figure_prints_black_on_white(tab, site):
    page = tab.page
    page.goto(site.url + "understanding/evaluation/")
    page.emulate_media(media="print")
    stroke = page.evaluate("() => getComputedStyle(document.querySelector('.app-figure__measure')).stroke")
    assert stroke == "rgb(0, 0, 0)"
