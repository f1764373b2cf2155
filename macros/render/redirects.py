"""The redirect pages written at every permanent link and moved address (``macros.data.permalinks``).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import html
import posixpath
from typing import Any, Mapping

from macros.data.permalinks import Permalinks


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory addresses (works under any base path)."""
    rel = posixpath.relpath(to_url, from_url)
    return "./" if rel == "." else rel.rstrip("/") + "/"


def redirect_html(from_url: str, to_url: str, strings: Mapping[str, Any]) -> str:
    """A redirect page: meta refresh (no JavaScript needed), a script keeping the query
    and anchor (for prefilled links), and a plain link for anyone the refresh misses."""
    t = strings["templates"]["clinic"]
    target = html.escape(relative(from_url, to_url), quote=True)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(t.get("lang", "en"))}"><head><meta charset="utf-8">\n'
        f"<title>{html.escape(t['redirect_title'])}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n'
        f'<script>location.replace("{target}" + location.search + location.hash)</script>\n'
        "</head><body>\n"
        f'<p>{html.escape(t["redirect_text"])} <a href="{target}">{html.escape(t["redirect_link"])}</a></p>\n'
        "</body></html>\n"
    )


def redirect_pages(contract: Permalinks, strings: Mapping[str, Any]) -> dict[str, str]:
    """Output file (relative to the site folder) -> HTML, for every redirecting address."""
    return {
        f"{src.strip('/')}/index.html": redirect_html(src, dest, strings)
        for src, dest in contract.redirects().items()
    }
