"""The edition's publisher, editor and clinical sign-off in words (from ``macros.data.editorial``).

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping


def reviewer_text(r: Mapping[str, Any]) -> str:
    """"A Clinician, Orthopaedic surgeon (GMC 0000000)"."""
    text = ", ".join(x for x in (r["name"], r["profession"]) if x)
    return text + (f" ({r['registration']})" if r["registration"] else "")


def statement(editorial: Mapping[str, Any], t: Mapping[str, str]) -> str:
    """The edition's publisher, editor and clinical sign-off in sentences (Markdown)."""
    parts = [t["published_by"].format(publisher=editorial["publisher"])]
    if editorial["editor"]["role"]:
        parts.append(t["editor"].format(role=editorial["editor"]["role"]))
    if editorial["reviewers"]:
        for r in editorial["reviewers"]:
            parts.append(t["signed_off"].format(who=reviewer_text(r), date=f"{r['date'].day} {r['date']:%B %Y}"))
    else:
        parts.append(t["not_reviewed"])
    return " ".join(parts)
