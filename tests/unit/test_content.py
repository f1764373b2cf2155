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
import statistics

import pytest

from support import ROOT, TESTS, built_pages, languages
from macros.checks.readability import MAX_GRADE, MAX_LIX, MAX_MEDIAN_LIX, READING_LEVEL, lix, page_grade, page_lix

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


@pytest.mark.parametrize("lang", languages().built)
def test_patient_pages_are_readable(site, lang):
    """English: Flesch-Kincaid grade at most 8 on every page. Swedish: LIX at most 40 on
    every page and at most 35 over the pages (the median)."""
    name, measure, limit, median_limit = READING_LEVEL[lang]
    scores = {}
    for path, html in built_pages(site.dir, lang, patient=True).items():
        score = measure(html)
        if score is not None:
            scores[path] = score
    assert scores, f"no {lang} patient pages measured"
    too_hard = {p: round(g, 1) for p, g in scores.items() if g > limit}
    assert not too_hard, f"{name} above {limit:g}: {too_hard}"
    if median_limit is not None:
        median = statistics.median(scores.values())
        assert median <= median_limit, f"median {name} {median:.1f} above {median_limit:g} over {len(scores)} pages"


def test_readability_measure_can_fail():
    hard = ("<article class='md-content__inner'><p>Postoperative rehabilitation necessitates multidisciplinary "
            "coordination encompassing physiotherapeutic interventions, pharmacological analgesia administration "
            "and comprehensive radiographic surveillance of regenerate consolidation characteristics.</p>" * 3 + "</article>")
    assert page_grade(hard) > MAX_GRADE
    svart = ("<article class='md-content__inner'><p>Postoperativ rehabilitering förutsätter multidisciplinär "
             "samordning omfattande fysioterapeutiska interventioner, farmakologisk smärtlindring och "
             "omfattande radiologisk övervakning av regeneratets konsolideringsegenskaper.</p>" * 3 + "</article>")
    assert page_lix(svart) > MAX_LIX


@pytest.mark.parametrize("text,expected", [
    # Counted by hand: words / sentences + 100 × words of more than 6 letters / words.
    ("Jag har ett ben. Det är kort.", 7 / 2),                      # no long word
    ("Benförlängning kräver rehabilitering.", 3 / 1 + 100 * 2 / 3),  # "kräver" has 6 letters: not long
    ("Ring 112 direkt. Vänta inte!", 4 / 2),                         # numbers are not words
    ("Röntgen-bilden visar benet:\nlängden.", 4 / 2 + 100 * 2 / 4),  # a hyphenated word is one word
])
def test_lix_counts_by_the_formula(text, expected):
    assert lix(text) == pytest.approx(expected)


def test_no_unrendered_template_text(site):
    for page in site.dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "{{" not in html and "{%" not in html, page
