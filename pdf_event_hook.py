"""mkdocs-to-pdf's event hook for the guide's PDF book (the plugin imports this module by
name from the directory mkdocs runs in, the project root).

1. Inline SVG drawings get the site's styles for their classes inside them
   (pdf/svg_styles.py explains why WeasyPrint needs that).
2. Repeated section titles are removed (below).

A navigation section whose first page is its index page (navigation.indexes) would print
its title twice: once as the section's chapter heading and again as the index page's own
title. This removes the second one, its contents entry and its bookmark, and lifts that
page's sub-headings into the section.
"""

from __future__ import annotations

import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pdf.svg_styles import style_inline_svgs  # noqa: E402
from macros.data.yamlfile import read_config  # noqa: E402


def site_css() -> list[str]:
    """The site's own style sheets, in order: extra_css in mkdocs.yml (the site stylesheet),
    then each widget's (assets/stylesheets/widgets/, which a page links only where the
    widget is; the book holds every page)."""
    config = read_config(ROOT / "mkdocs.yml")
    docs = ROOT / config.get("docs_dir", "docs")
    files = [docs / css for css in config.get("extra_css", [])]
    files += sorted((docs / "assets" / "stylesheets" / "widgets").glob("*.css"))
    return [css.read_text(encoding="utf-8") for css in files if css.is_file()]


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def pre_pdf_render(soup, logger):
    styled = style_inline_svgs(soup, site_css())
    logger.debug("Styled %d inline SVG drawings", styled)
    for h1 in soup.select("article > h1"):
        section = h1.find_next_sibling()
        if section is None or section.name != "section":
            continue
        h2 = section.find(["h2"])
        if h2 is None or _text(h2) != _text(h1) or h2.find_previous_sibling() is not None:
            continue
        anchor = h2.get("id")
        h2.decompose()
        logger.debug("Removed the repeated title %r", _text(h1))
        if not anchor:
            continue
        for link in soup.select(f'#doc-toc a[href="#{anchor}"]'):
            item = link.find_parent("li")
            if item is None or item.find_parent("li") is None:
                continue  # keep the chapter's own entry (the h1 has the same anchor)
            nested = item.find("ul")
            if nested is not None:
                for child in list(nested.find_all("li", recursive=False)):
                    item.insert_before(child.extract())
            item.decompose()
    return soup
