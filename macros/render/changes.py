"""The What changed page's list (Markdown), from ``macros.data.changes``, through
``templates/changes.md`` (dates in the strings file's locale).

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from macros.data.changes import Change
from macros.render.environment import render as render_template


def render(changes: Iterable[Change], titles: Mapping[str, str], cite: Callable[..., str], t: Mapping[str, str],
           locale: str) -> str:
    """The What changed page's list (Markdown), newest first, one heading per day;
    ``cite(key)`` gives a source's link."""
    changes = list(changes)
    entries = [{"date": c.date, "anchor": c.anchor, "what": c.what, "why": c.why, "all_pages": "all" in c.pages,
                "first_of_day": i == 0 or changes[i - 1].date != c.date,
                "pages": [{"title": titles.get(p, p), "src": p} for p in c.pages],
                "sources": [cite(k) for k in c.sources]}
               for i, c in enumerate(changes)]
    return str(render_template("changes.md", changes=entries, t=t, locale=locale))
