"""The Glossary page's list, from the parsed hover definitions (``macros.data.glossary``),
through ``templates/glossary.html``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from macros.data.glossary import Entry
from macros.render import environment


def render(entries: list[Entry], empty_text: str) -> str:
    """The entries as an HTML definition list (one raw HTML block, no blank lines)."""
    return str(environment.render("glossary.html", empty_text=empty_text,
                                  entries=[{"anchor": e.anchor, "term": e.term, "definition": e.definition}
                                           for e in entries]))
