"""The link from a printed interactive page to its live version: the permanent address and
a QR code, shown only on paper and in the PDF (class ``app-print-only``).

Pure module: no MkDocs import. The QR code is an inline SVG made by segno (pinned).
"""

from __future__ import annotations

import io

import segno
from markupsafe import Markup


def qr_svg(url: str, *, scale: int = 3) -> Markup:
    """A QR code for ``url`` as inline SVG (black on white, sharp at any size)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="svg", xmldecl=False, svgns=True, scale=scale, border=2,
                                    svgclass="app-print-link__qr", lineclass=None, title=None)
    return Markup(buf.getvalue().decode("utf-8"))


def page_url(site_url: str, page_url_path: str) -> str:
    """The permanent address of a page from the site address and the page's URL path."""
    return site_url.rstrip("/") + "/" + page_url_path.lstrip("/")


def print_link(url: str, label: str) -> Markup:
    """``<div class="app-print-only app-print-link">label url [QR]</div>``."""
    return Markup(
        '<div class="app-print-only app-print-link">'
        '<p>{label} <a class="app-print-url" href="{url}">{url}</a></p>{qr}</div>'
    ).format(label=label, url=url, qr=qr_svg(url))
