"""The public record of changes (``data/changes.yml``) and the parameter snapshot that
ties it to ``data/parameters.yml``.

Each entry, newest first::

    - date: 2026-12-01
      pages: [about.md, index.md]     # Markdown files under docs/, or [all]
      what: What changed, in plain words.
      why: Why it changed.
      sources: [nhs-content-standard]  # optional: keys in references.yml
      parameters: 3f2a9c...           # snapshot of the clinical values after this change

``parameters`` is :func:`parameters_snapshot` of the parameters file as it stood after
the change. A test recomputes it, so a changed clinical number (value, range, table or
unit) without a new entry fails; ``python scripts/changes.py snapshot`` prints the value
for a new entry.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from macros.data import schema
from macros.data.references import check_keys
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

CHANGES_FILE = "changes.yml"
VALUE_FIELDS = ("unit", "value", "low", "typical", "high", "columns", "rows")


@dataclass(frozen=True)
class Change:
    date: dt.date
    pages: tuple[str, ...]  # ("all",) for every page
    what: str
    why: str
    sources: tuple[str, ...]
    parameters: str
    anchor: str

    def covers(self, page: str) -> bool:
        return "all" in self.pages or page in self.pages


def _number(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, list):
        return [_number(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _number(x) for k, x in v.items()}
    return v


def clinical_values(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter's clinical values by dotted key: unit, numbers, table (no labels or notes)."""
    out: dict[str, Any] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, Mapping) and "unit" in node:
            out[prefix] = {f: _number(node[f]) for f in VALUE_FIELDS if f in node}
        elif isinstance(node, Mapping):
            for k, v in node.items():
                walk(v, f"{prefix}.{k}" if prefix else str(k))

    walk(raw.get("parameters", {}), "")
    return out


def parameters_snapshot(raw: Mapping[str, Any]) -> str:
    """A short hash of the clinical values of a parameters file (key order and 5 vs 5.0 do not matter)."""
    text = json.dumps(clinical_values(raw), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_changes(raw: Any, references: Mapping[str, Any], pages: Iterable[str],
                  file: str = CHANGES_FILE, today: dt.date | None = None) -> list[Change]:
    """Validate the record: dated entries, newest first, known pages and sources."""
    today = today or dt.date.today()
    pages = set(pages)
    schema.validate(schema.ChangesFile, raw, file, hints=schema.CHANGES_HINTS)
    out: list[Change] = []
    seen: dict[str, int] = {}
    for i, e in enumerate(raw):
        where = f"[{i}]"
        date, pg = e["date"], e["pages"]
        if date > today:
            raise GuideDataError(file, f"{where}.date", f"{date} is in the future")
        if out and date > out[-1].date:
            raise GuideDataError(file, f"{where}.date", "entries go newest first")
        for p in pg:
            if p != "all" and p not in pages:
                raise GuideDataError(file, f"{where}.pages", f"{p!r} is not a page under docs/")
        sources = check_keys(e["sources"], references, file, f"{where}.sources") if e.get("sources") else ()
        base = f"change-{date.isoformat()}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(Change(date, tuple(map(str, pg)), e["what"].strip(), e["why"].strip(), sources,
                          e["parameters"].strip(), anchor))
    return out


def load_changes(data_dir: Path, references: Mapping[str, Any], pages: Iterable[str]) -> list[Change]:
    return parse_changes(read_yaml(Path(data_dir) / CHANGES_FILE), references, pages)
