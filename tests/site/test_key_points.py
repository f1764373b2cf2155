"""Every long patient page opens with a short "Key points" summary (NHS style): an
abstract admonition straight after the page title, with 2 to 4 bullets. Numbers in it
come from the macros like everywhere else (tests/unit/test_content.py lints the Markdown)."""

from __future__ import annotations

from bs4 import BeautifulSoup

import pytest

from macros.checks.readability import prose, tree_path
from support import built_pages, languages

LONG_PAGE_WORDS = 400  # a page with more words of prose than this is "long"
# Reference pages that are lists, not articles: their headings are the summary.
LISTS = ("changes/index.html", "references/index.html", "glossary/index.html")
# The block's title in each language, as the pages write it (!!! abstract "Key points").
TITLE = {"en": "Key points", "sv": "Det viktigaste"}


def _key_points(html: str):
    article = BeautifulSoup(html, "html.parser").select_one("article")
    h1 = article.find("h1")
    block = h1.find_next_sibling() if h1 else None
    if block is None or "abstract" not in block.get("class", []):
        return None
    title = block.select_one(".admonition-title")
    return title.get_text(strip=True), [" ".join(li.get_text(" ").split()) for li in block.select("li")]


@pytest.mark.parametrize("lang", languages().built)
def test_every_long_patient_page_opens_with_key_points(site, lang):
    long_pages = []
    for rel, html in built_pages(site.dir, lang, patient=True).items():
        if rel.startswith("go/") or tree_path(rel, languages().others)[1] in LISTS:
            continue
        if len(prose(html).split()) <= LONG_PAGE_WORDS:
            continue
        long_pages.append(rel)
        found = _key_points(html)
        assert found is not None, f"{rel}: a long page opens with a Key points block after its title"
        title, bullets = found
        assert title == TITLE[lang], rel
        assert 2 <= len(bullets) <= 4, (rel, bullets)
        assert all(len(b.split()) <= 30 for b in bullets), (rel, bullets)
    if lang == languages().root:
        assert len(long_pages) >= 10, long_pages


def test_key_points_detector_can_fail():
    plain = "<article><h1>T</h1><p>Text.</p><div class='admonition abstract'><p class='admonition-title'>Key points</p></div></article>"
    assert _key_points(plain) is None
    ok = ("<article><h1>T</h1><div class='admonition abstract'><p class='admonition-title'>Key points</p>"
          "<ul><li>One.</li><li>Two.</li></ul></div></article>")
    assert _key_points(ok) == ("Key points", ["One.", "Two."])
