"""Load and validate the bibliography (``data/references.yml``).

Every clinical number in ``data/parameters.yml`` and every page's ``sources`` front
matter refers to an entry here by its key. The same file renders the References page,
so what a number cites is always what the reader can look up.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
KINDS = ("article", "review", "book", "chapter", "guideline", "leaflet", "web")
REQUIRED = ("kind", "title", "year")
OPTIONAL = (
    "authors",
    "container",
    "volume",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "url",
    "publisher",
    "note",
    "read",
    "evidence_note",
)
# How the guide's editors read a source (shown on the clinicians' evidence page only).
READ_LEVELS = ("full_text", "abstract", "leaflet", "web_page")


@dataclass(frozen=True)
class Reference:
    """One bibliography entry."""

    key: str
    kind: str
    title: str
    year: str
    authors: str = ""
    container: str = ""
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    url: str = ""
    publisher: str = ""
    note: str = ""
    read: str = ""
    evidence_note: str = ""
    label: str = ""  # "Knutson 2005a": set by parse_bibliography, unique over the file

    @property
    def year_label(self) -> str:
        """The year as the in-text label gives it: "2005a", "n.d.-b"."""
        return self.label.rsplit(" ", 1)[-1] if self.label else self.year

    @property
    def who(self) -> str:
        """The first author's surname ("Vogt et al.") or the organisation."""
        if self.authors:
            first = self.authors.split(",")[0].strip().split(" ")[0]
            return first + (" et al." if "," in self.authors else "")
        org = re.sub(r"\s*\([^)]*\)", "", self.publisher).split(",")[0].strip()
        return org

    @property
    def link(self) -> str:
        """The best address for a reader: the DOI resolver, else the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url


Bibliography = Mapping[str, Reference]


def parse_bibliography(raw: Any, file: str = "references.yml") -> dict[str, Reference]:
    """Validate the YAML structure of the bibliography and return it by key."""
    if not isinstance(raw, Mapping) or not raw:
        raise GuideDataError(file, "", "must be a mapping of reference keys to entries")
    refs: dict[str, Reference] = {}
    aliases: dict[str, str] = {}
    for key, entry in raw.items():
        key = str(key)
        if not KEY_PATTERN.match(key):
            raise GuideDataError(
                file, key, "a key has lower-case letters, digits and hyphens only"
            )
        if isinstance(entry, Mapping) and "same_as" in entry:
            # An older key of a work listed under another key: cites resolve to that entry.
            if set(map(str, entry)) != {"same_as"}:
                raise GuideDataError(file, key, "same_as stands alone (the work is described under its other key)")
            aliases[key] = str(entry["same_as"])
            continue
        if not isinstance(entry, Mapping):
            raise GuideDataError(file, key, "must be a mapping with kind, title and year")
        unknown = sorted(set(map(str, entry)) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise GuideDataError(file, f"{key}.{unknown[0]}", "is not a known field")
        for field in REQUIRED:
            if field not in entry or entry[field] in (None, ""):
                raise GuideDataError(file, f"{key}.{field}", "is missing")
        if entry["kind"] not in KINDS:
            raise GuideDataError(
                file, f"{key}.kind", f"must be one of {', '.join(KINDS)}, got {entry['kind']!r}"
            )
        year = str(entry["year"])
        if not re.fullmatch(r"(19|20)\d\d|n\.d\.", year):
            raise GuideDataError(file, f"{key}.year", f"must be a year or 'n.d.', got {year!r}")
        if not any(entry.get(f) for f in ("doi", "url", "pmid", "container", "publisher")):
            raise GuideDataError(
                file, key, "needs a doi, url, pmid, container or publisher so a reader can find it"
            )
        if not entry.get("authors") and not entry.get("publisher"):
            raise GuideDataError(file, key, "needs authors or a publisher (the organisation behind it)")
        if entry.get("read") and entry["read"] not in READ_LEVELS:
            raise GuideDataError(file, f"{key}.read", f"must be one of {', '.join(READ_LEVELS)}, got {entry['read']!r}")
        url = str(entry.get("url") or "")
        if url and not url.startswith("https://") and not url.startswith("http://"):
            raise GuideDataError(file, f"{key}.url", "must start with https:// or http://")
        values = {f: str(entry[f]).strip() for f in (*REQUIRED, *OPTIONAL) if entry.get(f)}
        values["year"] = year
        refs[key] = Reference(key=key, **values)
    refs = with_labels(refs)
    for alias, target in aliases.items():
        if target not in refs:
            raise GuideDataError(file, f"{alias}.same_as", f"names unknown reference {target!r}")
        refs[alias] = refs[target]
    return refs


def with_labels(refs: Mapping[str, Reference]) -> dict[str, Reference]:
    """Give every reference its in-text label: author (or organisation) and year, with
    a, b, ... when two different works would otherwise share a label (by title order)."""
    groups: dict[str, list[Reference]] = {}
    for ref in refs.values():
        groups.setdefault(f"{ref.who} {ref.year}", []).append(ref)
    out = {}
    for base, group in groups.items():
        group.sort(key=lambda r: (r.title.lower(), r.key))
        for i, ref in enumerate(group):
            suffix = "" if len(group) == 1 else ("-" if ref.year == "n.d." else "") + "abcdefghijklmnopqrstuvwxyz"[i]
            out[ref.key] = replace(ref, label=base + suffix)
    return {k: out[k] for k in refs}


def load_bibliography(path: Path) -> dict[str, Reference]:
    """Read and validate ``path``; raises :class:`GuideDataError` with the key at fault."""
    return parse_bibliography(read_yaml(path), path.name)


def check_keys(keys: Any, bibliography: Bibliography, file: str, key: str) -> tuple[str, ...]:
    """Validate a list of citation keys (non-empty, all known) and return it as a tuple."""
    if isinstance(keys, str):
        keys = [keys]
    if not isinstance(keys, list) or not keys:
        raise GuideDataError(file, key, "needs at least one source (a key in references.yml)")
    for k in keys:
        if str(k) not in bibliography:
            raise GuideDataError(file, key, f"cites unknown reference {k!r} (not in references.yml)")
    return tuple(str(k) for k in keys)
