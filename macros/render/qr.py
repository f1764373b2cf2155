"""QR codes for printed pages and link slips, made at build time with segno (pinned).

The codes are inline SVG: sharp at any print size, no image files, no third-party
service. Error correction level M survives a crease or a smudge on paper.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import functools
import html

import segno
from markupsafe import Markup

from macros.render.environment import render

ERROR = "m"


def make(data: str) -> segno.QRCode:
    """The QR code for ``data`` (a full web address)."""
    return segno.make(data, error=ERROR, micro=False)


@functools.lru_cache(maxsize=None)
def svg(data: str, title: str, scale: int = 3, css_class: str = "app-qr") -> str:
    """Inline SVG of the QR code, with an accessible title and a quiet zone.

    segno draws the modules; the template ``qr.svg`` gives the element around them its
    size, class, role and title. Cached per address: a page's code is drawn once per
    build, however often it is printed."""
    qr = make(data)
    width, height = qr.symbol_size(scale=scale, border=4)
    code = qr.svg_inline(scale=scale, border=4, title=None, svgclass=None, lineclass=None, omitsize=True,
                         dark="#000", light="#fff")
    # segno's drawing without its outer element (the template writes that one)
    drawing = Markup(code[code.index(">") + 1:code.rindex("<")])
    return render("qr.svg", width=width, height=height, css_class=css_class, title=title, drawing=drawing)


def display(url: str) -> str:
    """An address as printed for typing: no ``https://``."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme):]
    return url


def absolute(site_url: str | None, path: str) -> str:
    """``site_url`` + a site path (``/go/about/``); the bare path if there is no site URL."""
    if not site_url:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def escape(text: str) -> str:
    return html.escape(text, quote=True)
