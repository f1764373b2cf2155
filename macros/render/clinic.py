"""The clinic's details as the theme's templates show them (overrides/partials/clinic-*.html).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from typing import Any

from macros.data.clinic import Clinic


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
