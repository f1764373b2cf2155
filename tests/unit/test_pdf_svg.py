"""Inline SVG drawings keep their colours in the PDF (pdf/svg_styles.py): WeasyPrint does
not apply the page's style sheets or CSS variables inside an inline <svg>."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pdf.svg_styles import MATERIAL_COLOURS, resolve_vars, style_inline_svgs, svg_stylesheet

CSS = """
.app-figure .app-figure__leg { fill: var(--md-default-fg-color--lightest); stroke: currentColor; }
.app-figure__block { fill: var(--md-accent-fg-color); }
.app-figure__odd { fill: var(--app-unknown, #123456); }
[data-md-color-scheme="slate"] .app-figure__leg { fill: #222; }
.app-other { fill: red; }
@media print { .app-figure__block { fill: #999; } }
@media screen { .app-figure__block { fill: lime; } }
"""


def test_rules_for_the_svg_classes_only_with_colours_resolved():
    css = svg_stylesheet([CSS], {"app-figure__leg", "app-figure__block", "app-figure__odd"})
    assert ".app-figure__leg { fill: " + MATERIAL_COLOURS["--md-default-fg-color--lightest"] in css
    assert f".app-figure__block {{ fill: {MATERIAL_COLOURS['--md-accent-fg-color']}; }}" in css
    assert "#123456" in css  # a variable's own fallback
    assert "#999" in css  # print rules apply, after the screen ones
    assert css.index(MATERIAL_COLOURS["--md-accent-fg-color"]) < css.index("#999")
    for absent in ("var(", "#222", "red", "lime", "slate"):
        assert absent not in css, absent


def test_resolve_vars_unknown_without_fallback_is_black():
    assert resolve_vars("stroke: var(--nope)") == "stroke: #000"


def test_style_goes_into_each_classed_svg():
    soup = BeautifulSoup(
        '<p><svg class="app-figure"><rect class="app-figure__block"/></svg><svg viewBox="0 0 1 1"><path/></svg></p>',
        "html.parser")
    assert style_inline_svgs(soup, [CSS]) == 1
    first, second = soup.find_all("svg")
    assert "app-figure__block" in first.style.string and first["color"] == "#000"
    assert second.find("style") is None


def test_every_classed_svg_in_the_book_is_styled(downloads):
    """In the HTML WeasyPrint rendered, each drawing styled by classes carries its styles."""
    book = BeautifulSoup((downloads.pdf_html / "pdf-book.html").read_text(encoding="utf-8"), "html.parser")
    drawings = [svg for svg in book.find_all("svg")
                if svg.find_parent("svg") is None and any(el.get("class") for el in [svg, *svg.find_all(True)])]
    for svg in drawings:
        style = svg.find("style")
        assert style is not None and style.string.strip(), str(svg)[:200]
        assert "var(" not in style.string
