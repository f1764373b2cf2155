"""The treatment options pages: the comparison table is filled from the parameters
(the figures are checked with all the others: tests/site/test_figures.py and
tests/browser/test_figures_browser.py)."""

from __future__ import annotations

import copy

import pytest
from bs4 import BeautifulSoup

from support import guide
from macros.model import wording
from macros.render import options
from macros.errors import GuideDataError

GUIDE = guide()
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


def test_nail_and_frame_figures_stand_together_with_the_caveat():
    # The two figures count different things in different people: the table shows both,
    # and says they do not rank the methods.
    rows = options.options_rows(GUIDE.strings, GUIDE.params)
    cell = next(r["risks"] for r in rows if "Lengthening" in r["option"])
    assert wording.risk(GUIDE.strings, GUIDE.params["complications.nail_any"], "segment") in cell
    assert wording.risk(GUIDE.strings, GUIDE.params["complications.frame_child_any"], "lengthening") in cell
    assert "do not show which method is safer" in cell
