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
from typing import Any, Mapping, get_args

from macros.data import schema
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

FIELDS = tuple(schema.Reference.model_fields)
KINDS = get_args(schema.ReferenceKind)
READ_LEVELS = get_args(schema.ReadLevel)


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
    """Check the bibliography against its model (:data:`macros.data.schema.ReferencesFile`)
    and the rules between fields; return it by key, aliases resolved."""
    schema.validate(schema.ReferencesFile, raw, file, hints=schema.REFERENCE_HINTS)
    refs: dict[str, Reference] = {}
    aliases: dict[str, str] = {}
    for key, entry in raw.items():
        if "same_as" in entry:  # an older key of a work listed under another key
            aliases[key] = entry["same_as"]
            continue
        if not any(entry.get(f) for f in ("doi", "url", "pmid", "container", "publisher")):
            raise GuideDataError(
                file, key, "needs a doi, url, pmid, container or publisher so a reader can find it"
            )
        if not entry.get("authors") and not entry.get("publisher"):
            raise GuideDataError(file, key, "needs authors or a publisher (the organisation behind it)")
        values = {f: str(entry[f]).strip() for f in FIELDS if entry.get(f)}
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
