"""The bibliography a reader can find and trust: in-text labels are authors (or the
organisation) and year, never a title; every work names its authors or organisation;
two works never share a label (2005a, 2005b); each work is listed once; notes about how
the editors read a source reach clinicians only."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from support import ROOT, languages
from macros.data.references import load_bibliography, parse_bibliography
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError
from macros.checks.readability import is_patient_page, tree_path
from macros.render.references import short_label, sorted_references, unique

RAW = read_yaml(ROOT / "data/references.yml")
REFS = load_bibliography(ROOT / "data/references.yml")
WORKS = unique(REFS.values())


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_every_reference_names_authors_or_an_organisation():
    missing = [k for k, e in RAW.items() if "same_as" not in e and not (e.get("authors") or e.get("publisher"))]
    assert not missing, f"references without authors or publisher: {missing}"


def test_labels_are_authors_or_organisation_and_year_never_a_title():
    for ref in WORKS:
        label = short_label(ref)
        assert re.fullmatch(r".+ ((19|20)\d\d[a-z]?|n\.d\.(-[a-z])?)", label), (ref.key, label)
        who = label.rsplit(" ", 1)[0]
        assert who and _norm(who) != _norm(ref.title) and not _norm(ref.title).startswith(_norm(who) + " "), \
            (ref.key, label)
        if ref.authors:
            assert who.split(" ")[0] == ref.authors.split(",")[0].split(" ")[0], (ref.key, label)
        else:
            assert _norm(who) in _norm(ref.publisher), (ref.key, label)


def test_two_works_never_share_a_label():
    counts = Counter(short_label(r) for r in WORKS)
    assert not [label for label, n in counts.items() if n > 1]
    # the letters really are used where two works would collide
    bases = Counter(f"{r.who} {r.year}" for r in WORKS)
    for ref in WORKS:
        if bases[f"{ref.who} {ref.year}"] > 1:
            assert short_label(ref)[-1] in "abcdefghij", ref.key


def test_each_work_is_listed_once():
    by_doi = Counter(r.doi.lower() for r in WORKS if r.doi)
    by_title_url = Counter((_norm(r.title), r.url) for r in WORKS)
    by_title_who = Counter((_norm(r.title), r.who, r.year) for r in WORKS)
    assert not [d for d, n in by_doi.items() if n > 1], "two entries share a DOI"
    assert not [t for t, n in by_title_url.items() if n > 1], "two entries share a title and address"
    assert not [t for t, n in by_title_who.items() if n > 1], "two entries share title, author and year"
    assert len(sorted_references(REFS)) == len(WORKS) < len(REFS)  # old keys resolve, listed once


@pytest.mark.parametrize("entry, problem", [
    ({"x2020": {"kind": "article", "title": "A study", "year": 2020, "doi": "10.1/x"}}, "x2020: needs authors or a publisher"),
    ({"x2020": {"kind": "web", "title": "A page", "year": 2020, "publisher": "Org", "url": "https://a.b/",
                "read": "skimmed"}}, "x2020.read: must be one of"),
    ({"x2020": {"same_as": "nowhere"}}, "x2020.same_as: names unknown reference"),
])
def test_bad_entries_fail_naming_the_key(entry, problem):
    with pytest.raises(GuideDataError) as err:
        parse_bibliography(entry)
    assert problem in str(err.value)


def test_same_label_gets_letters_in_title_order():
    refs = parse_bibliography({
        "bb": {"kind": "article", "authors": "Smith A", "title": "Beta", "year": 2019, "doi": "10.1/b"},
        "aa": {"kind": "article", "authors": "Smith A, Jones B", "title": "Alpha", "year": 2019, "doi": "10.1/a"},
        "cc": {"kind": "article", "authors": "Smith A, Brown C", "title": "Gamma", "year": 2019, "doi": "10.1/c"},
        "oo": {"kind": "web", "publisher": "Some Trust (its site)", "title": "Page", "year": "n.d.", "url": "https://x.y/"},
    })
    assert (short_label(refs["bb"]), short_label(refs["aa"]), short_label(refs["cc"])) == \
        ("Smith 2019", "Smith et al. 2019a", "Smith et al. 2019b")
    assert short_label(refs["oo"]) == "Some Trust n.d."


EDITORIAL = re.compile(r"\b(abstract read|not available to us|used by this guide|we could not read)\b", re.I)


def test_reading_notes_reach_clinicians_not_patients(site):
    noted = [r for r in WORKS if r.read or r.evidence_note]
    assert noted, "no reference records how it was read"
    others = languages().others
    for page in site.dir.rglob("index.html"):
        rel = page.relative_to(site.dir).as_posix()
        if not is_patient_page(rel, others) and not tree_path(rel, others)[1].startswith("references/"):
            continue
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        assert not EDITORIAL.search(text), (rel, EDITORIAL.search(text).group(0))
        for ref in noted:
            if ref.evidence_note:
                assert ref.evidence_note not in text, (rel, ref.key)
    evidence = BeautifulSoup(site.page_html("clinicians/evidence/"), "html.parser")
    # compared without spaces: a glossary term inside a note is its own element ("( femur )")
    rows = {"".join(tr.get_text().split()) for tr in evidence.select("tr")}
    for ref in noted:
        label, note = "".join(short_label(ref).split()), "".join(ref.evidence_note.split())
        assert any(label in row and note in row for row in rows), ref.key


def test_evidence_table_gives_the_unit_once(site):
    soup = BeautifulSoup(site.page_html("clinicians/evidence/"), "html.parser")
    heads = [th.get_text(strip=True) for th in soup.select("table")[0].select("th")]
    assert "Unit" not in heads and "Values" in heads
