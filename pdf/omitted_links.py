"""MkDocs hook for a PDF book that leaves pages out (scripts/build_downloads.py adds it).

The Swedish book has no clinicians' section and no What changed: those pages are in English
only. scripts/build_downloads.py gives the guide's address online and those pages' URLs in the
environment variable ``GUIDE_BOOK_OMIT`` (JSON: {"site_url": "https://...", "pages":
["clinicians/linking/", ...]}). A link in a page of the book to one of them is pointed at that
page's permanent address online (the anchor kept), as a printed link would be, instead of at a
chapter the book does not have (which mkdocs-to-pdf reports as a missing link).
"""

from __future__ import annotations

import json
import os
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority

OMIT_ENV = "GUIDE_BOOK_OMIT"


def online_links(html: str, page_url: str, site_url: str, omitted: set[str]) -> str:
    """``html`` with every relative link to a page in ``omitted`` pointed at its address
    under ``site_url``."""
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for a in soup.find_all("a", href=True):
        href = a["href"]
        if href.startswith("#") or urlparse(href).scheme:
            continue
        path, _, anchor = urljoin("/" + page_url, href).partition("#")
        path = path.lstrip("/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        if path in omitted:
            a["href"] = site_url.rstrip("/") + "/" + path + (f"#{anchor}" if anchor else "")
            changed = True
    return str(soup) if changed else html


# Before mkdocs-to-pdf takes the page's article (its on_post_page, priority 0): the page
# foot's links (What changed, Report an error) are in the finished page, not its content.
@event_priority(50)
def on_post_page(output, page, config):
    book = json.loads(os.environ.get(OMIT_ENV) or "{}")
    if not book.get("pages"):
        return output
    return online_links(output, page.url, book["site_url"], set(book["pages"]))
