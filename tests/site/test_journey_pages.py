"""Checks for the lengthening-journey and help pages: risks shown on the page come from data/parameters.yml, and the urgent-help
page carries the shared warning text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.model import wording
from macros.render.urgent import urgent_help

PAGES = ("lengthening/daily-life", "lengthening/rehabilitation", "lengthening/risks",
         "lengthening/life-after", "help/urgent", "help/questions")



def _soup(site, page):
    return BeautifulSoup((site.dir / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_pages_built(site):
    for page in PAGES:
        assert (site.dir / page / "index.html").is_file(), page


def test_risks_page_shows_parameter_values(site, guide):
    text = " ".join(_soup(site, "lengthening/risks").get_text(" ").split())
    for key in ("complications.nail_any", "complications.nail_major", "complications.regenerate_fracture_child",
                "complications.pin_infection_deep", "complications.nerve_injury"):
        p = guide.params[key]
        assert wording.risk(guide.strings, p, p.counted.unit) in text, key


def test_urgent_page_carries_shared_warning(site, guide):
    text = " ".join(_soup(site, "help/urgent").get_text(" ").split())
    # The default edition names no one number, so the summary is plain text (no phone link).
    expected = " ".join(urgent_help(guide.regions, guide.strings).split())
    assert expected in text


def test_questions_checkboxes_are_labelled(site):
    soup = _soup(site, "help/questions")
    boxes = soup.select("ul.app-checklist input[type=checkbox]")
    assert len(boxes) >= 10
    for box in boxes:
        assert soup.find("label", attrs={"for": box["id"]}).get_text(strip=True)
