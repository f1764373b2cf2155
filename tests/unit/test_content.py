"""Content rules every page meets: readable, no hand-typed clinical numbers, no leftover
template text.

* Readability: the Flesch-Kincaid grade of each patient page's rendered text (textstat
  0.7.8; newer versions download data at run time and fail offline) must be 8 or lower.
  Tables, code, the page foot and reference lists are left out: they are not prose.
  ``python scripts/readability.py`` prints every page's grade for the README.
* Number lint: a number followed by a clinical unit (mm, cm, days, weeks, months, %,
  °C, "a day", ...) typed into Markdown is a defect: it must come from data/parameters.yml
  through a macro. ``tests/number_allowlist.txt`` lists the few phrases that are not
  clinical figures, each with its reason.
"""

from __future__ import annotations

import re

import pytest

from support import ROOT, TESTS
from macros.checks.readability import MAX_GRADE, is_patient_page, page_grade

DOCS = ROOT / "docs"
ALLOWLIST = TESTS / "number_allowlist.txt"

# English and Swedish (a translated page, docs/<path>.sv.md, is linted the same way).
UNIT_WORDS = (
    r"mm|millimet(?:re|er)s?|cm|centimet(?:re|er)s?|inch(?:es)?|in\b|"
    r"days?|weeks?|months?|years?|hours?|%|per ?cent|percent|°\s?[CF]\b|degrees?|"
    r"millimeter|centimeter|tum|dagar|dagen|dag|veckor|veckan|vecka|månader|månaden|månad|åren|året|år|"
    r"timmar|timme|procent|grader"
)
NUMBER = r"(?<![\w.])\d+(?:[.,]\d+)?(?:\s*(?:to|-|–|and|or|till|och|eller)\s*\d+(?:[.,]\d+)?)?"
CLINICAL_NUMBER = re.compile(rf"{NUMBER}\s*(?:{UNIT_WORDS})(?![\w])|{NUMBER}\s+(?:in|av)\s+\d+", re.IGNORECASE)


def _allowed_phrases() -> list[re.Pattern]:
    patterns = []
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        line = line.split("  #", 1)[0].strip()
        if line and not line.startswith("#"):
            patterns.append(re.compile(line, re.IGNORECASE))
    return patterns


def _markdown_prose(text: str) -> str:
    """The Markdown without front matter, macro calls, HTML comments or code."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return text


MARKDOWN_FILES = sorted(p for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_hand_typed_clinical_numbers(path):
    prose = _markdown_prose(path.read_text(encoding="utf-8"))
    allowed = _allowed_phrases()
    found = []
    for m in CLINICAL_NUMBER.finditer(prose):
        context = prose[max(0, m.start() - 40): m.end() + 40]
        if any(a.search(context) for a in allowed):
            continue
        found.append(m.group(0))
    assert not found, (
        f"{path.relative_to(ROOT)} types clinical numbers by hand: {found}. Put them in data/parameters.yml "
        "and use {{ param(...) }}, or add a non-clinical phrase to tests/number_allowlist.txt with a reason."
    )


# A duration written in words ("a year", "six weeks", "two months") is a clinical
# number too: it must come from a macro for a stated case. Frequencies ("once a week",
# "twice a year", "a few times a day") are not durations.
WORD_DURATION = re.compile(
    r"(?<!once )(?<!twice )(?<!times )(?<!per )\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|half an?|a few|several)\s+(?:day|week|month|year)s?\b"
    # Swedish: "två veckor", "ett år", "några månader" ("en gång i veckan" is a frequency)
    r"|\b(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|ett halvt|en halv|ett par|några|flera)"
    r"\s+(?:dagar|dag|veckor|vecka|månader|månad|år)\b",
    re.IGNORECASE)


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_durations_in_words(path):
    prose = _markdown_prose(path.read_text(encoding="utf-8"))
    allowed = _allowed_phrases()
    found = []
    for m in WORD_DURATION.finditer(prose):
        context = prose[max(0, m.start() - 40): m.end() + 40]
        if not any(a.search(context) for a in allowed):
            found.append(m.group(0))
    assert not found, (
        f"{path.relative_to(ROOT)} states durations in words: {found}. Compute them with a macro for a "
        "stated case ({{ param(...) }}, {{ typical_duration() }}), or add a non-clinical phrase to "
        "tests/number_allowlist.txt with a reason."
    )


def test_duration_lint_catches_words():
    for sample in ("often more than a year after", "it takes about six weeks", "for two months",
                   "det tar ungefär sex veckor", "i två månader", "mer än ett år efter"):
        assert WORD_DURATION.search(_markdown_prose(sample)), sample
    for sample in ("once a week", "twice a year", "a few times a day", '{{ param("lengthening.nail_removal") }}',
                   "en gång i veckan", "två gånger om dagen"):
        assert not WORD_DURATION.search(_markdown_prose(sample)), sample


def test_lint_catches_hand_typed_numbers():
    for sample in ("lengthening starts after 5 to 7 days", "about 1 mm a day", "in 34% of cases",
                   "about 1 in 3 people", "a lift of 2 cm", "6-12 months", "a fever of 38 °C",
                   "above 38.5°C", "101.5 degrees",
                   "förlängningen börjar efter 5 till 7 dagar", "cirka 1 mm per dag", "cirka 1 av 3 barn",
                   "en förhöjning på 2 cm", "6–12 månader", "feber över 38,5 °C", "i 34 procent av fallen"):
        assert CLINICAL_NUMBER.search(_markdown_prose(sample)), sample
    assert not CLINICAL_NUMBER.search(_markdown_prose('{{ param("lengthening.latency") }} and 2 legs'))


def _built_pages(site):
    return sorted(p for p in site.dir.rglob("index.html") if is_patient_page(p.relative_to(site.dir).as_posix()))


def test_patient_pages_are_readable(site):
    grades = {}
    for page in _built_pages(site):
        grade = page_grade(page.read_text(encoding="utf-8"))
        if grade is not None:
            grades[page.relative_to(site.dir).as_posix()] = grade
    assert grades, "no patient pages measured"
    too_hard = {p: g for p, g in grades.items() if g > MAX_GRADE}
    assert not too_hard, f"Flesch-Kincaid grade above {MAX_GRADE}: {too_hard}"


def test_readability_measure_can_fail():
    hard = ("<article class='md-content__inner'><p>Postoperative rehabilitation necessitates multidisciplinary "
            "coordination encompassing physiotherapeutic interventions, pharmacological analgesia administration "
            "and comprehensive radiographic surveillance of regenerate consolidation characteristics.</p>" * 3 + "</article>")
    assert page_grade(hard) > MAX_GRADE


def test_no_unrendered_template_text(site):
    for page in site.dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "{{" not in html and "{%" not in html, page
