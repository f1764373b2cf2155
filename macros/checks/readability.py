"""Measure the reading level of a built page (used by the tests and scripts/readability.py).

The grade is the Flesch-Kincaid grade level of the page's prose: the article text
without tables, code, the page foot, reference lists and the glossary's hover
definitions. textstat is pinned to 0.7.8 because later versions download data at run
time and fail offline.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

MAX_GRADE = 8.0

# Pages written for clinicians or that are lists rather than prose.
NOT_PATIENT_PAGES = ("clinicians/", "references/", "glossary/", "404")
SKIP_SELECTORS = ("table", "pre", "code", ".app-page-foot", ".app-references", "abbr[title] + .md-tooltip",
                  ".headerlink", "nav", "script", "style", "svg", ".app-noread", "figcaption")


def is_patient_page(path: str) -> bool:
    """``path`` like ``"causes/index.html"``, relative to the site root."""
    return not any(path.startswith(prefix) for prefix in NOT_PATIENT_PAGES)


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
