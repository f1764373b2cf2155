"""The clinic's details as the theme's templates show them (overrides/partials/clinic-*.html).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from macros.data.clinic import Clinic
from macros.render.editorial import reviewer_text
from macros.render.environment import long_date


def tel(number: str) -> str:
    """A ``tel:`` address: digits and a leading +."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def template_data(clinic: Clinic) -> dict[str, Any]:
    """A plain dict for Jinja: empty when this is the default (unbranded) edition."""
    if not clinic.is_edition:
        return {}
    return {
        "name": clinic.name,
        "logo": clinic.logo,
        "phones": [{"label": label, "number": number, "tel": tel(number)} for label, number in clinic.phones],
        "urgent": clinic.urgent,
        "email": clinic.contact_email,
        "site_url": clinic.site_url,
    }


def theme_text(strings: Mapping[str, Any], editorial: Mapping[str, Any], clinic: Mapping[str, Any],
               locale: str) -> dict[str, Any]:
    """The page foot's and the clinic box's sentences, filled in here rather than with
    ``str.format`` in the templates: Zensical's template engine (MiniJinja) has no string
    methods (tests/site/test_zensical_path.py)."""
    e = strings["editorial"]
    editor = editorial.get("editor") or {}
    signoffs = [e["signed_off"].format(who=reviewer_text(r), date=long_date(r["date"], locale))
                for r in editorial.get("reviewers") or []]
    return {
        "published_by": e["published_by"].format(publisher=editorial.get("publisher")),
        "editor": e["editor"].format(role=editor["role"]) if editor.get("role") else "",
        "signoffs": signoffs,
        "clinic_edition": strings["clinic"]["edition"].format(name=clinic["name"]) if clinic.get("name") else "",
    }
