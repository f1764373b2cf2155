"""Load the user-facing strings (``data/strings.en.yml``).

All words that templates, macros and the browser scripts show to readers live in one
file per language, so that the planned Swedish edition is a translated copy of that
file. ``templates`` holds the strings used at build time, ``js`` those shipped to the
browser inside the page's embedded JSON, ``units`` the names of units in prose.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Collection, Mapping

from macros.data import schema
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError


def parse_strings(raw: Any, units: Mapping[str, Any], file: str = "strings.en.yml",
                  keys: Collection[str] | None = None) -> dict[str, Any]:
    """Check the file against its model (:class:`macros.data.schema.StringsFile`), that
    every unit the parameters use has a name and, given the parameters' ``keys``, that
    ``parameter_labels`` names only parameters."""
    schema.validate(schema.StringsFile, raw, file)
    for unit in units:
        if unit not in raw["units"]:
            raise GuideDataError(file, f"units.{unit}", "needs 'one' and 'other' names for this unit")
    if keys is not None:
        for key in raw.get("parameter_labels") or {}:
            if key not in keys:
                raise GuideDataError(file, f"parameter_labels.{key}", "is not a parameter of parameters.yml")
    return dict(raw)


def load_strings(path: Path, units: Mapping[str, Any], keys: Collection[str] | None = None) -> dict[str, Any]:
    """Read and check ``path`` against the units (and keys) the parameters use."""
    return parse_strings(read_yaml(path), units, path.name, keys)


def text(strings: Mapping[str, Any], dotted: str) -> str:
    """Look up ``templates.some.key`` style paths; a missing key names itself."""
    node: Any = strings
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise GuideDataError("strings.en.yml", dotted, "no such string")
        node = node[part]
    return node
