"""The treatment options pages: the comparison table is filled from the parameters,
the figures are accessible and follow light and dark mode."""

from __future__ import annotations

import copy
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from macros.model import wording
from macros.render import options
from macros.errors import GuideDataError
from macros.data.guide import load_guide

GUIDE = load_guide(ROOT / "data")
TREATMENT_PAGES = ["treatment/", "treatment/shoe-lifts/", "treatment/growth-modulation/",
                   "treatment/shortening/", "treatment/very-large-differences/"]


def test_rows_are_filled_from_parameters():
    rows = options.options_rows(GUIDE.strings, GUIDE.params)
    raw_rows = GUIDE.strings["templates"]["options"]["rows"]
    assert len(rows) == len(raw_rows)
    text = " ".join(v for row in rows for v in row.values())
    assert "{" not in text and "}" not in text
    small, large = GUIDE.params["thresholds.small_difference"], GUIDE.params["thresholds.large_difference"]
    # Each placeholder the strings use appears with the value computed from the parameters.
    expected = {
        "{small_low}": wording.param(GUIDE.strings, small, "low"),
        "{large_low}": wording.param(GUIDE.strings, large, "low"),
        "{large_high}": wording.param(GUIDE.strings, large, "high"),
        "{nail_risk}": wording.risk(GUIDE.strings, GUIDE.params["complications.nail_any"], "segment"),
        "{frame_risk}": wording.risk(GUIDE.strings, GUIDE.params["complications.frame_child_any"], "lengthening"),
    }
    raw_text = " ".join(str(v) for row in raw_rows for v in row.values())
    used = [p for p in expected if p in raw_text]
    assert used, "the table uses no parameter at all"
    for placeholder in used:
        assert expected[placeholder] in text, placeholder


def test_table_changes_when_a_parameter_changes():
    params = copy.deepcopy(GUIDE.params)
    key = "thresholds.large_difference"
    old = params.items[key]
    changed = type(old)(**{**old.__dict__, "low": old.low + 1, "typical": old.typical + 1, "high": old.high + 1})
    items = dict(params.items)
    items[key] = changed
    new_params = type(params)(items, params.units)
    before = options.options_table(GUIDE.strings, GUIDE.params)
    after = options.options_table(GUIDE.strings, new_params)
    assert wording.param(GUIDE.strings, changed, "low") in after
    assert before != after


def test_unknown_placeholder_names_the_string():
    strings = copy.deepcopy(GUIDE.strings)
    strings["templates"]["options"]["rows"][0]["suits"] = "under {tiny}"
    with pytest.raises(GuideDataError, match=r"templates\.options\.rows\[0\]\.suits: unknown placeholder"):
        options.options_rows(strings, GUIDE.params)


def test_built_table_and_pages(site):
    html = site.page_html("treatment/")
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("article table")
    assert table is not None
    n_rows = len(GUIDE.strings["templates"]["options"]["rows"])
    assert len(table.select("tbody tr")) == n_rows
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == [str(v) for v in GUIDE.strings["templates"]["options"]["columns"].values()]
    for page in TREATMENT_PAGES:
        page_html = site.page_html(page)
        assert "assets/stylesheets/site.css" in page_html, page


@pytest.mark.parametrize("page", TREATMENT_PAGES)
def test_figures_are_accessible(site, page):
    soup = BeautifulSoup(site.page_html(page), "html.parser")
    for svg in soup.select("article figure svg"):
        assert svg.get("role") == "img"
        ids = svg.get("aria-labelledby", "").split()
        assert ids, "svg needs aria-labelledby"
        for i in ids:
            el = soup.find(id=i)
            assert el is not None and el.get_text(strip=True), i
        assert svg.find_parent("figure").find("figcaption").get_text(strip=True)
        assert "app-figure" in svg.find_parent("figure").get("class", []), "figure block class"
        assert "app-figure__svg" in svg.get("class", []), "figure svg element class"


def test_at_least_one_figure(site):
    figures = sum(len(BeautifulSoup(site.page_html(p), "html.parser").select("article figure svg"))
                  for p in TREATMENT_PAGES)
    assert figures >= 1


def _luminance(css_colour: str) -> float:
    nums = [float(x) for x in re.findall(r"[\d.]+", css_colour)[:3]]
    return sum(nums) / (3 * 255)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_text_follows_colour_scheme(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site.url + "treatment/shoe-lifts/")
        label = page.locator(".app-figure__label").first
        fill = label.evaluate("el => getComputedStyle(el).fill")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        # Text must contrast with the page: dark on light, light on dark.
        assert abs(_luminance(fill) - _luminance(background)) > 0.5, (scheme, fill, background)
    finally:
        context.close()


def test_nail_and_frame_figures_stand_together_with_the_caveat():
    # The two figures count different things in different people: the table shows both,
    # and says they do not rank the methods.
    rows = options.options_rows(GUIDE.strings, GUIDE.params)
    cell = next(r["risks"] for r in rows if "Lengthening" in r["option"])
    assert wording.risk(GUIDE.strings, GUIDE.params["complications.nail_any"], "segment") in cell
    assert wording.risk(GUIDE.strings, GUIDE.params["complications.frame_child_any"], "lengthening") in cell
    assert "do not show which method is safer" in cell
