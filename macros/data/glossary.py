"""The glossary: parse ``includes/abbreviations.md`` and render the Glossary page.

The same file gives every page its hover definitions (``*[TERM]: definition`` lines,
appended to each page by pymdownx.snippets) and the Glossary page its list, so a term
is defined once. Each entry gets an ``id`` anchor (``term-`` plus a slug) that other
pages can link to, for example ``glossary.md#term-growth-plate``.

Pure module: no MkDocs import. A malformed line or a repeated term raises
:class:`GuideDataError` naming the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from macros.errors import GuideDataError

LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>\S.*)$")
ID_PREFIX = "term-"


@dataclass(frozen=True)
class Entry:
    """One glossary term and its plain-English definition."""

    term: str
    definition: str

    @property
    def anchor(self) -> str:
        return anchor(self.term)


def anchor(term: str) -> str:
    """``"Growth plate"`` -> ``"term-growth-plate"``; ``"X-ray"`` -> ``"term-x-ray"``."""
    ascii_term = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_term.lower()).strip("-")
    if not slug:
        raise GuideDataError("abbreviations.md", term, "a term needs at least one letter or digit")
    return ID_PREFIX + slug


def sort_key(entry: Entry) -> tuple[str, str]:
    """Alphabetical, ignoring case and accents; ties broken by the exact term."""
    folded = unicodedata.normalize("NFKD", entry.term).encode("ascii", "ignore").decode().casefold()
    return folded, entry.term


def parse(text: str, file: str = "abbreviations.md") -> list[Entry]:
    """The entries of an abbreviations file, sorted; HTML comments and blank lines are skipped."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    entries: dict[str, Entry] = {}
    anchors: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        m = LINE.match(line)
        if not m:
            raise GuideDataError(file, f"line {number}", "must look like *[TERM]: definition")
        term, definition = m.group("term").strip(), m.group("definition").strip()
        if term in entries:
            raise GuideDataError(file, f"line {number}", f"defines {term!r} a second time")
        a = anchor(term)
        if a in anchors:
            raise GuideDataError(file, f"line {number}", f"{term!r} has the same anchor as {anchors[a]!r}")
        entries[term], anchors[a] = Entry(term, definition), term
    return sorted(entries.values(), key=sort_key)


def load(path: Path) -> list[Entry]:
    """Read and parse an abbreviations file."""
    return parse(Path(path).read_text(encoding="utf-8"), Path(path).name)
