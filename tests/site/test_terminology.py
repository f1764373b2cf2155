"""One name for each procedure.

The glossary (``includes/abbreviations.md``) is the authority: it defines each
procedure under its preferred name exactly once and lists that name's synonyms once, in
that entry's definition ("Also called ..."). Patient pages then use only the preferred
name: a synonym in a page's rendered text (tables included; the page foot, the
reference list and the glossary's hover titles left out) fails with the page and the
word. A reader meets one word for one thing, and looks it up in one place.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from support import ROOT, built_pages
from macros.data import glossary
from macros.checks.readability import is_patient_page

ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"

# Preferred name -> synonyms a patient page must not use (the glossary lists them).
PREFERRED = {
    "epiphysiodesis": ("growth arrest",),
    "guided growth": ("temporary epiphysiodesis", "growth modulation"),
    "PETS": ("screw epiphysiodesis",),
    "lengthening nail": ("intramedullary lengthening nail",),
    "external frame": ("external fixator",),
}

# Parts of a built page that are not its own prose: the page foot (review date and the
# titles of its sources), the reference list, navigation, scripts and the glossary's
# hover tooltips.
# In-text citations are left out too: a label can quote a paper's title, which keeps its authors' words.
NOT_PROSE = (".app-page-foot", ".app-references", "nav", "script", "style", "abbr[title] + .md-tooltip",
             'a[href*="references/#ref-"]')


def _pattern(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def synonyms_used(text: str) -> list[tuple[str, str]]:
    """(synonym, preferred name) for every discouraged synonym that occurs in ``text``."""
    return [(syn, name) for name, syns in PREFERRED.items() for syn in syns if _pattern(syn).search(text)]


def page_text(html: str) -> str:
    """A built page's article text, tables included, without the parts in NOT_PROSE."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.select_one("article") or soup
    for selector in NOT_PROSE:
        for el in article.select(selector):
            el.decompose()
    return article.get_text(" ")


def test_checker_finds_a_synonym_and_leaves_the_preferred_name():
    assert synonyms_used("After a temporary epiphysiodesis the plates come out.") == [
        ("temporary epiphysiodesis", "guided growth")]
    assert synonyms_used("An External Fixator holds the bone.") == [("external fixator", "external frame")]
    assert synonyms_used("Drilling (epiphysiodesis) or guided growth with PETS.") == []
    assert synonyms_used("A lengthening nail or an external frame.") == []


def test_glossary_names_each_procedure_once_and_lists_its_synonyms_once():
    entries = glossary.load(ABBREVIATIONS)
    terms = [e.term for e in entries]
    for name, syns in PREFERRED.items():
        assert terms.count(name) == 1, f"glossary: '{name}' must be defined exactly once"
        definition = next(e.definition for e in entries if e.term == name)
        for syn in syns:
            assert syn.lower() not in (t.lower() for t in terms), (
                f"glossary: '{syn}' has its own entry; list it under '{name}' instead")
            assert _pattern(syn).search(definition), (
                f"glossary: the entry for '{name}' must list its synonym '{syn}'")
            elsewhere = [e.term for e in entries if e.term != name and _pattern(syn).search(e.definition)]
            assert not elsewhere, f"glossary: synonym '{syn}' of '{name}' is also listed under {elsewhere}"


def test_patient_pages_use_the_preferred_names(site):
    """The English pages (the names and synonyms are English words)."""
    checked, problems = 0, []
    for path, html in built_pages(site.dir, "en").items():
        if not is_patient_page(path):
            continue  # clinician pages, the glossary, the reference list
        checked += 1
        for syn, name in synonyms_used(page_text(html)):
            problems.append(f"{path}: '{syn}' (use '{name}', the glossary's name)")
    assert checked > 20, f"only {checked} patient pages were checked"
    assert not problems, "pages use a synonym instead of the preferred name:\n" + "\n".join(problems)


def test_growth_page_names_the_three_ways(site):
    """The page on slowing growth names drilling, plates and screws by the glossary's names."""
    text = page_text(site.page_html("treatment/growth-modulation/"))
    for name in ("epiphysiodesis", "guided growth", "PETS"):
        assert _pattern(name).search(text), f"treatment/growth-modulation/: does not name '{name}'"
