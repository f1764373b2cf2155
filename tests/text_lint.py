"""Rendered-text checks over built pages (used by tests/site/test_patient_text.py).

Pure helpers: read a built page's article text and report doubled words or units,
unexpanded abbreviations, leftover editorial notes and, on patient pages, text meant
for developers (HTML attribute names, link parameters, YAML, shell commands, file
names, parameter keys, template variables)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

DOUBLED = re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.I)
DOUBLED_OK = {"that", "had"}
DOUBLED_UNIT = re.compile(r"(?<![\w-])(mm|cm|days?|weeks?|months?|years?|%)\s*\(?\s*\1(?![\w-])")
EDITORIAL = re.compile(r"\b(TODO|FIXME|TBD|XXX|lorem ipsum|citation needed|note to self|editor'?s note)\b", re.I)
# How a source was read belongs on the clinicians' evidence page, not on a patient page.
READING_NOTE = re.compile(r"\b(not available to us|abstract read|we could not read)\b", re.I)
ABBR = re.compile(r"(?<![\w-])([A-Z]{2,6})(?![\w-])")
# Abbreviations every reader knows, or names that are not abbreviations to expand (device names
# written in capitals, like PRECICE and STRYDE).
KNOWN = {"UK", "USA", "US", "NHS", "PDF", "QR", "OK", "TV", "GP", "JAMA", "DISCERN", "FITBONE", "PRECICE", "ID",
         "DOI", "PMID", "AM", "PM", "II", "III", "IV", "VI", "CT", "MRI", "STRYDE", "EU"}
DEVELOPER = [
    (re.compile(r"\bdata-[a-z][a-z-]*"), "an HTML attribute name"),
    (re.compile(r"\?[a-z]+=[^\s&]*&[a-z]+="), "a link with parameters"),
    (re.compile(r"(?<![\w.])[a-z]+_[a-z0-9_]+\b"), "a parameter key or variable name"),
    (re.compile(r"\b[a-z]+\.[a-z_]+\.[a-z_]+\b"), "a dotted parameter key"),
    (re.compile(r"\b(?:bash|python3?|pip|npm|mkdocs|git) (?:-|scripts/|install|build|serve|run)"), "a shell command"),
    (re.compile(r"\b[\w-]+\.(?:ya?ml|md|py|js|json|toml|html)\b"), "a file name"),
    (re.compile(r"\{\{|\{%|\bconfig\.extra\b|\bpage\.meta\b"), "a template variable"),
    (re.compile(r"^\s*[a-z_]+:\s+\S", re.M), "YAML"),
]


def article_text(html: str, keep_code: bool = True) -> list[str]:
    """The article's text blocks (paragraphs, list items, cells, headings), without the
    page foot, scripts, styles, drawings and the glossary's hover definitions."""
    soup = BeautifulSoup(html, "html.parser")
    art = soup.select_one("article")
    if art is None:
        return []
    for sel in ("script", "style", "svg", ".app-page-foot", ".headerlink", ".md-tooltip", "nav") + \
               (() if keep_code else ("pre", "code")):
        for el in art.select(sel):
            el.decompose()
    blocks = []
    for el in art.find_all(["p", "li", "td", "th", "h1", "h2", "h3", "h4", "dt", "dd", "summary", "figcaption", "pre"]):
        if el.find(["p", "li"]):
            continue
        text = " ".join(el.get_text(" ").split())
        if text:
            blocks.append(text)
    return blocks


def abbreviation_findings(blocks: list[str]) -> list[str]:
    """Abbreviations whose first use on the page is not explained: neither written out
    just before "(ABBR)" nor followed by "(its meaning)"."""
    out, seen = [], set()
    text = "\n".join(blocks)
    for m in ABBR.finditer(text):
        abbr = m.group(1)
        if abbr in seen or abbr in KNOWN:
            continue
        seen.add(abbr)
        before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 3]
        if "(" in before[-2:] or before.endswith(", or ") or before.endswith("or ") or after.lstrip().startswith("("):
            continue
        out.append(f"'{abbr}' is not explained where it is first used")
    return out


def lint(html: str, patient: bool) -> list[str]:
    blocks = article_text(html, keep_code=True)
    prose = article_text(html, keep_code=False)
    found = []
    for b in prose:
        for m in DOUBLED.finditer(b):
            if m.group(1).lower() not in DOUBLED_OK:
                found.append(f"doubled word '{m.group(0)}'")
        for m in DOUBLED_UNIT.finditer(b):
            found.append(f"doubled unit '{m.group(0)}'")
    for b in blocks:
        m = EDITORIAL.search(b)
        if m:
            found.append(f"editorial note '{m.group(0)}'")
    if patient:
        found += abbreviation_findings(prose)
        for b in blocks:
            m = READING_NOTE.search(b)
            if m:
                found.append(f"note on how a source was read '{m.group(0)}'")
        for b in blocks:
            plain = re.sub(r"https?://\S+|\b[\w.-]+\.(?:io|org|com|net|uk|invalid)\b\S*", " ", b)
            for pattern, what in DEVELOPER:
                m = pattern.search(plain)
                if m:
                    found.append(f"{what} ('{m.group(0)}')")
    return found
