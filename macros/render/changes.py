"""The What changed page's list (Markdown), from ``macros.data.changes``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from macros.data.changes import Change


def render(changes: Iterable[Change], titles: Mapping[str, str], cite, t: Mapping[str, str]) -> str:
    """The What changed page's list (Markdown), newest first; ``cite(key)`` gives a source's link."""
    blocks = []
    for c in changes:
        pages = t["all_pages"] if "all" in c.pages else ", ".join(f"[{titles.get(p, p)}]({p})" for p in c.pages)
        lines = [f"## {c.date.day} {c.date:%B %Y} {{#{c.anchor}}}", "", c.what, "",
                 f"**{t['why']}:** {c.why}", "", f"**{t['pages']}:** {pages}"]
        if c.sources:
            lines += ["", f"**{t['sources']}:** " + "; ".join(cite(k) for k in c.sources)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
