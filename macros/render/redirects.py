"""The redirect pages written at every permanent link and moved address (``macros.data.permalinks``).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import posixpath
from typing import Any, Mapping

from macros.data.permalinks import Permalinks
from macros.render.environment import render


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory addresses (works under any base path)."""
    rel = posixpath.relpath(to_url, from_url)
    return "./" if rel == "." else rel.rstrip("/") + "/"


def redirect_html(from_url: str, to_url: str, strings: Mapping[str, Any]) -> str:
    """A redirect page (``templates/redirect.html``): meta refresh (no JavaScript needed), a
    script keeping the query and anchor (for prefilled links), and a plain link for anyone
    the refresh misses."""
    t = strings["templates"]["clinic"]
    return str(render("redirect.html", lang=t.get("lang", "en"), title=t["redirect_title"], text=t["redirect_text"],
                      link_text=t["redirect_link"], target=relative(from_url, to_url)))


def redirect_pages(contract: Permalinks, strings: Mapping[str, Any]) -> dict[str, str]:
    """Output file (relative to the site folder) -> HTML, for every redirecting address."""
    return {
        f"{src.strip('/')}/index.html": redirect_html(src, dest, strings)
        for src, dest in contract.redirects().items()
    }
