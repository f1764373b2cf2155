"""Every figure drawn in the pages (an inline SVG inside <figure> in docs/**/*.md), checked
one by one in the built site, each figure meeting every rule:

* the drawing is an image for assistive technology (``role="img"``) whose
  ``aria-labelledby`` names its own <title> and then its <desc>, both inside the SVG and
  both saying something (a title and a description, not a word);
* the figure has a visible caption;
* the figure is the one figure block, ``app-figure``, and its drawing ``app-figure__svg``
  (styles/_figures.scss selects on them);
* no colour is fixed in the drawing (no fill, stroke, style or color attribute): colours
  come from CSS (currentColor and theme variables), so the figure follows light and dark
  mode and prints black on white (tests/browser/test_figures_browser.py checks this in
  Chromium).

The figures are found in the Markdown when the tests are collected, so a new figure gets
these checks without a test change; one more test makes sure the built site shows no
figure the scan missed.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support import built_pages, drawn_figures, figure_name, languages

COLOUR_ATTRIBUTES = {"fill", "stroke", "style", "color"}
MIN_TEXT = 20  # characters: a title or description, not a placeholder word


FIGURES = drawn_figures()


def _built_figure(site, page: str, name: str):
    soup = BeautifulSoup(site.page_html(page), "html.parser")
    matches = [svg.find_parent("figure") for svg in soup.select("article figure svg")
               if figure_name(svg) == name]
    assert len(matches) == 1, f"{page}: expected one figure whose aria-labelledby starts with {name!r}"
    return matches[0]


def figure_problems(fig) -> list[str]:
    """What is wrong with one <figure> holding an inline SVG (nothing: an empty list)."""
    problems = []
    svg = fig.find("svg")
    if svg is None:
        return ["no inline SVG"]
    if svg.get("role") != "img":
        problems.append("the SVG needs role=img")
    ids = (svg.get("aria-labelledby") or "").split()
    labels = [svg.find(id=i) for i in ids]
    if [el.name if el else None for el in labels] != ["title", "desc"]:
        problems.append(f"aria-labelledby must name the SVG's own <title> and then its <desc>, not {ids}")
    problems += [f"#{i} says too little" for i, el in zip(ids, labels)
                 if el is not None and len(el.get_text(strip=True)) <= MIN_TEXT]
    caption = fig.find("figcaption")
    if caption is None or not caption.get_text(strip=True):
        problems.append("the figure needs a caption")
    if "app-figure" not in fig.get("class", []):
        problems.append("the figure needs the app-figure class")
    if "app-figure__svg" not in svg.get("class", []):
        problems.append("the drawing needs the app-figure__svg class")
    fixed = sorted({f"<{el.name} {a}>" for el in [svg, *svg.find_all(True)] for a in set(el.attrs) & COLOUR_ATTRIBUTES})
    if fixed:
        problems.append(f"colours are fixed in the drawing ({', '.join(fixed)}); set them in CSS")
    return problems


@pytest.mark.parametrize("page, name", FIGURES, ids=[f"{p}#{n}" for p, n in FIGURES])
def test_figure(site, page, name):
    problems = figure_problems(_built_figure(site, page, name))
    assert not problems, f"{page}#{name}: " + "; ".join(problems)


def test_figure_checks_can_fail():
    bad = BeautifulSoup(
        '<figure class="chart"><svg aria-labelledby="d t"><title id="t">Legs</title>'
        '<desc id="d">Two legs of different length, drawn side by side.</desc>'
        '<path fill="#000" d="M0 0"/></svg><figcaption> </figcaption></figure>', "html.parser").figure
    found = " | ".join(figure_problems(bad))
    for expected in ("role=img", "<title> and then its <desc>", "#t says too little", "caption", "app-figure class",
                     "app-figure__svg", "<path fill>"):
        assert expected in found, expected
    good = BeautifulSoup(
        '<figure class="app-figure"><svg class="app-figure__svg" role="img" aria-labelledby="t d"><title id="t">Two legs of different length</title>'
        '<desc id="d">Two legs of different length, drawn side by side.</desc><path d="M0 0"/></svg>'
        '<figcaption>Legs</figcaption></figure>', "html.parser").figure
    assert figure_problems(good) == []


def test_every_built_figure_is_checked(site):
    """The scan of the Markdown finds every figure the built pages show, and each once."""
    assert FIGURES, "no figure found in docs/"
    assert len(set(FIGURES)) == len(FIGURES), "two figures on one page share a name"
    built = set()
    for lang in languages().built:  # each language's own pages (an untranslated copy under /sv/ is not one)
        for rel, html in built_pages(site.dir, lang).items():
            page = rel.removesuffix("index.html")
            for svg in BeautifulSoup(html, "html.parser").select("article figure svg"):
                built.add((page, figure_name(svg)))
    assert built == set(FIGURES)
