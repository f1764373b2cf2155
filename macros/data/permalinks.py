"""The link contract (``data/permalinks.yml``): permanent short links and redirects.

Clinics print links on letters and leaflets, so a link must keep working for years.
The contract lists a short address for pages (``/go/nail/``), the addresses of pages
that moved, and every page address ever published. :func:`parse_permalinks` checks it
against the pages that exist; :func:`redirect_pages` gives the small HTML pages the
build writes at each short or old address.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from macros.data import schema
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError


def page_url(src: str) -> str:
    """The published address of a Markdown page: ``about.md`` -> ``/about/``, ``a/index.md`` -> ``/a/``."""
    path = src[:-3] if src.endswith(".md") else src
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return "/" + path.lstrip("/") if path != "/" else "/"


@dataclass(frozen=True)
class Permalinks:
    """The checked contract: short links and moved addresses (both to page files), published addresses."""

    links: Mapping[str, str]
    moved: Mapping[str, str]
    published: tuple[str, ...]

    def for_page(self, src: str) -> str | None:
        """The short address of a page (``about.md`` -> ``/go/about/``), if it has one."""
        for short, page in self.links.items():
            if page == src:
                return short
        return None

    def redirects(self) -> dict[str, str]:
        """Every address that redirects -> the page address it leads to."""
        out = {short: page_url(page) for short, page in self.links.items()}
        out.update({old: page_url(page) for old, page in self.moved.items()})
        return out


def parse_permalinks(raw: Any, pages: Iterable[str], file: str = "permalinks.yml") -> Permalinks:
    """Check the contract against ``pages`` (Markdown paths relative to docs/)."""
    pages = set(pages)
    urls = {page_url(p) for p in pages}
    schema.validate(schema.PermalinksFile, raw, file)
    links, moved = raw.get("links") or {}, raw.get("moved") or {}
    seen_pages: dict[str, str] = {}
    for short, page in links.items():
        where = f"links.{short}"
        if page not in pages:
            raise GuideDataError(file, where, f"points to {page!r}, which is not a page in docs/")
        if page in seen_pages:
            raise GuideDataError(file, where, f"{page} already has the permanent link {seen_pages[page]}")
        seen_pages[page] = short
    for old, page in moved.items():
        where = f"moved.{old}"
        if old in urls:
            raise GuideDataError(file, where, "is the address of a page that exists; a redirect would hide it")
        if old in links:
            raise GuideDataError(file, where, "is already a permanent link")
        if page not in pages:
            raise GuideDataError(file, where, f"points to {page!r}, which is not a page in docs/")
    published = raw.get("published") or []
    for i, url in enumerate(published):
        if url not in urls and url not in moved and url not in links:
            raise GuideDataError(
                file, f"published[{i}]",
                f"{url} no longer resolves: add it under moved: with the page that now has its content",
            )
    return Permalinks(dict(links), dict(moved), tuple(published))


def load_permalinks(path: Path, pages: Iterable[str]) -> Permalinks:
    return parse_permalinks(read_yaml(Path(path)), pages, Path(path).name)
