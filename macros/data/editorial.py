"""Who stands behind an edition: its publisher, its editor and the clinicians who signed
it off (the ``editorial`` section of the edition data).

The base guide keeps it in ``mkdocs.yml`` under ``extra.editorial``, so the theme's page
foot reads it from the configuration; a clinic edition gives its own in the clinic file
(``editorial:``), which replaces the guide's. Every field is optional, and nothing is
implied: with no reviewer, pages say they are not yet reviewed by a named clinician.

    editorial:
      publisher: Example Clinic            # default: the clinic's name, else the site name
      editor: {role: Clinical nurse specialist, contact: guide@example.org}
      reviewers:                           # clinicians who signed the edition off
        - {name: A Clinician, profession: Orthopaedic surgeon, registration: GMC 0000000, date: 2026-11-20}

Pure module: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from macros.errors import GuideDataError

EDITOR_FIELDS = ("role", "contact")
REVIEWER_FIELDS = ("name", "profession", "registration", "date")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://\S+$")


def _text(value: Any, file: str, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise GuideDataError(file, key, "must be text")
    return str(value).strip()


def parse_editorial(raw: Any, file: str, prefix: str, default_publisher: str,
                    today: dt.date | None = None) -> dict[str, Any]:
    """Validate an ``editorial`` section; return ``{publisher, editor: {role, contact}, reviewers}``."""
    today = today or dt.date.today()
    raw = raw or {}
    if not isinstance(raw, Mapping):
        raise GuideDataError(file, prefix, "must be a mapping (publisher, editor, reviewers)")
    unknown = sorted(set(map(str, raw)) - {"publisher", "editor", "reviewers"})
    if unknown:
        raise GuideDataError(file, f"{prefix}.{unknown[0]}", "is not a known field (publisher, editor, reviewers)")
    editor_raw = raw.get("editor") or {}
    if not isinstance(editor_raw, Mapping):
        raise GuideDataError(file, f"{prefix}.editor", "must be a mapping with role and contact")
    unknown = sorted(set(map(str, editor_raw)) - set(EDITOR_FIELDS))
    if unknown:
        raise GuideDataError(file, f"{prefix}.editor.{unknown[0]}", "is not a known field (role, contact)")
    editor = {f: _text(editor_raw.get(f), file, f"{prefix}.editor.{f}") for f in EDITOR_FIELDS}
    if editor["contact"] and not (_EMAIL.match(editor["contact"]) or _URL.match(editor["contact"])):
        raise GuideDataError(file, f"{prefix}.editor.contact", f"must be an email or web address, got {editor['contact']!r}")
    reviewers = []
    items = raw.get("reviewers") or []
    if not isinstance(items, list):
        raise GuideDataError(file, f"{prefix}.reviewers", "must be a list")
    for i, r in enumerate(items):
        where = f"{prefix}.reviewers[{i}]"
        if not isinstance(r, Mapping):
            raise GuideDataError(file, where, "must be a mapping with name and date")
        unknown = sorted(set(map(str, r)) - set(REVIEWER_FIELDS))
        if unknown:
            raise GuideDataError(file, f"{where}.{unknown[0]}", "is not a known field (name, profession, registration, date)")
        name = _text(r.get("name"), file, f"{where}.name")
        if not name:
            raise GuideDataError(file, f"{where}.name", "is missing (who signed the guide off)")
        date = r.get("date")
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                date = None
        if not isinstance(date, dt.date):
            raise GuideDataError(file, f"{where}.date", "is missing or not a date like 2026-11-20 (the sign-off)")
        if date > today:
            raise GuideDataError(file, f"{where}.date", f"{date} is in the future")
        reviewers.append({"name": name, "profession": _text(r.get("profession"), file, f"{where}.profession"),
                          "registration": _text(r.get("registration"), file, f"{where}.registration"),
                          "date": date})
    publisher = _text(raw.get("publisher"), file, f"{prefix}.publisher") or default_publisher
    return {"publisher": publisher, "editor": editor, "reviewers": reviewers}


def issue_tracker(repo_url: str | None, site_url: str | None) -> str:
    """The project's public issue tracker: ``repo_url`` + ``/issues``, else the GitHub
    repository that a ``https://OWNER.github.io/[PROJECT/]`` site is published from
    (GitHub Pages serves an owner's root site only from ``OWNER.github.io``); else ""."""
    if repo_url:
        return repo_url.rstrip("/") + "/issues"
    m = re.match(r"^https://([a-z0-9-]+)\.github\.io/([^/]+/)?$", (site_url or "").lower())
    if not m:
        return ""
    owner, project = m.group(1), (m.group(2) or "").strip("/")
    return f"https://github.com/{owner}/{project or owner + '.github.io'}/issues"


def report_route(editorial: Mapping[str, Any], extra_email: str, tracker: str) -> tuple[str, str]:
    """Where an error report goes: ("email", address) or ("web", address) or ("", "")."""
    contact = editorial["editor"]["contact"] or extra_email
    if contact:
        return ("email" if _EMAIL.match(contact) else "web"), contact
    if tracker:
        return "web", tracker
    return "", ""
