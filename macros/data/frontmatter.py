"""Rules every page's front matter must meet.

Each page says when it was last reviewed (``reviewed: YYYY-MM-DD``) and which
bibliography entries it rests on (``sources: [key, ...]``). The build fails when either
is missing, malformed, in the future or cites an unknown key.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from macros.data.references import Bibliography, check_keys
from macros.errors import GuideDataError


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved on by ``months`` calendar months (clamped to the month's end)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_front_matter(
    meta: Mapping[str, Any], bibliography: Bibliography, page: str, today: dt.date | None = None
) -> tuple[dt.date, tuple[str, ...]]:
    """Return the page's review date and source keys, or raise naming the page and key."""
    today = today or dt.date.today()
    reviewed = meta.get("reviewed")
    if reviewed is None:
        raise GuideDataError(page, "reviewed", "front matter is missing (the date the page was last reviewed, YYYY-MM-DD)")
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if isinstance(reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(reviewed)
        except ValueError:
            raise GuideDataError(page, "reviewed", f"must be a date YYYY-MM-DD, got {reviewed!r}") from None
    if not isinstance(reviewed, dt.date):
        raise GuideDataError(page, "reviewed", f"must be a date YYYY-MM-DD, got {reviewed!r}")
    if reviewed > today:
        raise GuideDataError(page, "reviewed", f"{reviewed} is in the future")
    if "sources" not in meta:
        raise GuideDataError(page, "sources", "front matter is missing (keys from data/references.yml)")
    sources = check_keys(meta["sources"], bibliography, page, "sources")
    return reviewed, sources
