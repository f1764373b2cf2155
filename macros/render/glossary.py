"""The Glossary page's list, from the parsed hover definitions (``macros.data.glossary``).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import html

from macros.data.glossary import Entry


def render(entries: list[Entry], empty_text: str) -> str:
    """The entries as an HTML definition list (one raw HTML block, no blank lines)."""
    if not entries:
        return f'<p class="app-glossary__empty">{html.escape(empty_text)}</p>'
    rows = ['<dl class="app-glossary">']
    for e in entries:
        rows.append(f'<dt class="app-glossary__term" id="{e.anchor}">{html.escape(e.term)}</dt>')
        rows.append(f'<dd class="app-glossary__definition">{html.escape(e.definition)}</dd>')
    rows.append("</dl>")
    return "\n".join(rows)
