"""The treatment options comparison table (``{{ options_table() }}`` on treatment/index.md).

The words live in ``data/strings.en.yml`` (``templates.options``) and the sizes in
``data/parameters.yml``: the table fills the size placeholders (``{small_low}``, ``{large_high}``, ...) and
``{nail_risk}`` and ``{frame_risk}`` from the parameters, so it can never disagree with the prose.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from macros.model import wording
from macros.errors import GuideDataError
from macros.data.parameters import Parameters
from macros.render.environment import render

COLUMNS = ("option", "suits", "time", "risks", "asks")

# Placeholder name -> (parameter key, which value: low or high end of the range).
SIZES = {
    "small_low": ("thresholds.small_difference", "low"),
    "small_high": ("thresholds.small_difference", "high"),
    "large_low": ("thresholds.large_difference", "low"),
    "large_high": ("thresholds.large_difference", "high"),
}
# Placeholder name -> (parameter key, the unit the cell's sentence counts).
RISKS = {
    "nail_risk": ("complications.nail_any", "segment"),
    "frame_risk": ("complications.frame_child_any", "lengthening"),
}


def placeholders(strings: Mapping[str, Any], params: Parameters) -> dict[str, str]:
    """The values the table's strings may use, as words ("2 to 2.5 cm", "about 1
    complication for every 3 lengthened bones")."""
    values = {name: wording.param(strings, params[key], which) for name, (key, which) in SIZES.items()}
    for name, (key, per) in RISKS.items():
        values[name] = wording.risk(strings, params[key], per)
    return values


def _cell(text: Any, values: Mapping[str, str], where: str) -> str:
    try:
        out = str(text).format(**values)
    except (KeyError, IndexError) as err:
        raise GuideDataError("strings.en.yml", where, f"unknown placeholder {err}") from None
    if "|" in out:
        raise GuideDataError("strings.en.yml", where, "a table cell cannot contain '|'")
    return " ".join(out.split())


def options_rows(strings: Mapping[str, Any], params: Parameters) -> list[dict[str, str]]:
    """The table rows with every placeholder filled."""
    t = strings["templates"].get("options")
    if not isinstance(t, Mapping) or not isinstance(t.get("rows"), list) or not t["rows"]:
        raise GuideDataError("strings.en.yml", "templates.options.rows", "is missing or empty")
    values = placeholders(strings, params)
    rows = []
    for i, row in enumerate(t["rows"]):
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            raise GuideDataError("strings.en.yml", f"templates.options.rows[{i}]", f"needs {missing[0]}")
        rows.append({c: _cell(row[c], values, f"templates.options.rows[{i}].{c}") for c in COLUMNS})
    return rows


def options_table(strings: Mapping[str, Any], params: Parameters) -> str:
    """The comparison table as HTML (``templates/options.html``): a caption paragraph, then the table."""
    t = strings["templates"]["options"]
    head = [str(t["columns"][c]) for c in COLUMNS]
    rows = [{"option": row["option"], "cells": [{"label": h, "text": row[c]} for c, h in zip(COLUMNS[1:], head[1:])]}
            for row in options_rows(strings, params)]
    return str(render("options.html", caption=t["caption"], head=head, rows=rows))
