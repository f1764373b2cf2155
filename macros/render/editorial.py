"""The edition's publisher, editor and clinical sign-off in words (from ``macros.data.editorial``),
through ``templates/editorial.md``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Any, Mapping

from macros.render.environment import render


def reviewer_text(r: Mapping[str, Any]) -> str:
    """"A Clinician, Orthopaedic surgeon (GMC 0000000)"."""
    text = ", ".join(x for x in (r["name"], r["profession"]) if x)
    return text + (f" ({r['registration']})" if r["registration"] else "")


def statement(editorial: Mapping[str, Any], t: Mapping[str, str], locale: str) -> str:
    """The edition's publisher, editor and clinical sign-off in sentences (Markdown)."""
    return str(render("editorial.md", t=t, locale=locale, publisher=editorial["publisher"],
                      editor_role=editorial["editor"]["role"] or "",
                      reviewers=[{"who": reviewer_text(r), "date": r["date"]} for r in editorial["reviewers"] or []]))
