"""Measure the reading level of a built page (used by the tests and scripts/readability.py).

English: the Flesch-Kincaid grade level of the page's prose (at most ``MAX_GRADE``).
Swedish: LIX, läsbarhetsindex (words per sentence + 100 × words of more than 6 letters /
words; at most ``MAX_LIX`` on a page and ``MAX_MEDIAN_LIX`` over the pages). Both read the
same prose: the article text without tables, code, the page foot, reference lists and the
glossary's hover definitions. textstat is pinned to 0.7.8 because later versions download
data at run time and fail offline.

Which built pages are patient pages, and in which language, is decided here for every test
and script: :func:`built_pages` (a page under /sv/ built from an English file because it is
not translated is in neither list: its English original is measured).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from bs4 import BeautifulSoup

MAX_GRADE = 8.0
MAX_LIX = 40.0
MAX_MEDIAN_LIX = 35.0

# Pages written for clinicians or that are lists rather than prose.
NOT_PATIENT_PAGES = ("clinicians/", "references/", "glossary/", "404")
SKIP_SELECTORS = ("table", "pre", "code", ".app-page-foot", ".app-references", "abbr[title] + .md-tooltip",
                  ".headerlink", "nav", "script", "style", "svg", ".app-noread", "figcaption")


def is_patient_page(path: str, languages: Iterable[str] = ()) -> bool:
    """``path`` like ``"causes/index.html"`` (or ``"sv/causes/index.html"`` when ``sv`` is one
    of ``languages``, the trees below the root), relative to the site root."""
    return not any(tree_path(path, languages)[1].startswith(prefix) for prefix in NOT_PATIENT_PAGES)


def tree_path(path: str, languages: Iterable[str] = ()) -> tuple[str | None, str]:
    """``("sv", "causes/index.html")`` for ``"sv/causes/index.html"``; ``(None, path)`` for a
    page of the language built at the root."""
    first, _, rest = path.partition("/")
    return (first, rest) if rest and first in set(languages) else (None, path)


def content_language(html: str) -> str:
    """The language of a built page's text: its article's ``lang`` (set on a page that is not
    translated, see overrides/hooks/languages.py), else the document's."""
    m = re.search(r'<article class="md-content__inner[^"]*"(?: lang="([^"]+)")?', html)
    if m and m.group(1):
        return m.group(1)
    m = re.search(r'<html lang="([^"]+)"', html)
    return m.group(1) if m else ""


def built_pages(site: Path, root: str, languages: Iterable[str] = (), patient: bool = False) -> dict[str, dict[str, str]]:
    """Language -> {path: HTML} of the built content pages (not redirects) of each language:
    ``root`` is the language built at the site root, ``languages`` those built below it
    (``sv/``). A page in a language's tree whose text is in another language is left out."""
    site = Path(site)
    others = tuple(languages)
    out: dict[str, dict[str, str]] = {lang: {} for lang in (root, *others)}
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        tree, _ = tree_path(rel, others)
        lang = tree or root
        html = page.read_text(encoding="utf-8")
        if 'class="md-content"' not in html or content_language(html) != lang:
            continue
        if patient and not is_patient_page(rel, others):
            continue
        out[lang][rel] = html
    return out


def prose(html: str) -> str:
    """The readable prose of a built page, one paragraph or list item per line."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup.select_one("article") or soup
    for selector in SKIP_SELECTORS:
        for el in article.select(selector):
            el.decompose()
    blocks = []
    for el in article.find_all(["p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "summary"]):
        if el.find(["p", "li"]):
            continue  # counted through its children
        text = " ".join(el.get_text(" ", strip=True).split())
        if text:
            # headings and list items are units of meaning: end each as a sentence
            blocks.append(text if text[-1] in ".!?:" else text + ".")
    return "\n".join(blocks)


def page_grade(html: str) -> float | None:
    """Flesch-Kincaid grade of a page, or None when it has too little prose to measure."""
    import textstat

    text = prose(html)
    if len(text.split()) < 40:
        return None
    return float(textstat.flesch_kincaid_grade(text))


WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")


def lix(text: str) -> float:
    """LIX of a text: words / sentences + 100 × long words / words, where a word is a run of
    letters (a hyphenated compound is one word), a long word has more than 6 letters, and a
    sentence ends at . ! ? or : (as :func:`prose` ends each heading and list item)."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text)))
    long_words = sum(1 for w in words if len(w.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def page_lix(html: str) -> float | None:
    """LIX of a page's prose, or None when it has too little prose to measure."""
    text = prose(html)
    if len(text.split()) < 40:
        return None
    return lix(text)


# Each language's measure: (its name, how a page is measured, the limit on a page, the limit
# on the median of the pages or None). A new language adds its row here.
READING_LEVEL = {
    "en": ("grade", page_grade, MAX_GRADE, None),
    "sv": ("LIX", page_lix, MAX_LIX, MAX_MEDIAN_LIX),
}
