"""Every drawn figure in Chromium: its colours come from the theme, so it follows light and
dark mode and prints black on white (the markup rules are in tests/site/test_figures.py).

For each figure, in a light and in a dark browser: every label is written in the page's
text colour, which contrasts with the page background, and the lines are drawn in that
colour too. Printed: every label and every line drawn in the text colour is black, and
nothing keeps a colour (an accent line on screen prints black or dark grey).
"""

from __future__ import annotations

import re

import pytest

from support import drawn_figures

pytestmark = pytest.mark.browser

FIGURES = drawn_figures()

COLOURS = """name => {
  const svg = [...document.querySelectorAll('article figure svg')]
    .find(s => (s.getAttribute('aria-labelledby') || '').split(/\\s+/)[0] === name);
  if (!svg) return null;
  const style = el => getComputedStyle(el);
  return {
    text: style(document.querySelector('.md-content')).color,
    background: style(document.body).backgroundColor,
    labels: [...svg.querySelectorAll('text')].map(t => style(t).fill),
    strokes: [...svg.querySelectorAll('*')].map(e => style(e).stroke),
  };
}"""


def _rgb(css_colour: str) -> tuple[float, float, float]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css_colour)[:3])


def _luminance(css_colour: str) -> float:
    return sum(_rgb(css_colour)) / (3 * 255)


def _grey(css_colour: str) -> bool:
    r, g, b = _rgb(css_colour)
    return r == g == b


def colour_problems(screen: dict, printed: dict | None = None) -> list[str]:
    """What is wrong with one figure's computed colours (see the module docstring)."""
    problems = []
    if not screen["labels"]:
        problems.append("no text labels measured")
    if any(fill != screen["text"] for fill in screen["labels"]):
        problems.append(f"labels {sorted(set(screen['labels']))} are not the page's text colour {screen['text']}")
    if abs(_luminance(screen["text"]) - _luminance(screen["background"])) <= 0.5:
        problems.append(f"text {screen['text']} does not contrast with the background {screen['background']}")
    if screen["text"] not in screen["strokes"]:
        problems.append(f"no line is drawn in the page's text colour {screen['text']}")
    if printed is not None:
        if any(fill != "rgb(0, 0, 0)" for fill in printed["labels"]):
            problems.append(f"printed labels are {sorted(set(printed['labels']))}, not black")
        kept = sorted({p for p in printed["strokes"] if p != "none" and not _grey(p)})
        if kept:
            problems.append(f"printed lines keep a colour: {kept}")
        pairs = list(zip(screen["strokes"], printed["strokes"]))
        main = {p for s, p in pairs if s == screen["text"]}
        if main - {"rgb(0, 0, 0)"}:
            problems.append(f"lines in the text colour print {sorted(main)}, not black")
        accent = {p for s, p in pairs if s != "none" and not _grey(s)}
        if any(p == "none" or _luminance(p) > 0.5 for p in accent):
            problems.append(f"accent lines print {sorted(accent)}, not black or dark grey")
    return problems


@pytest.mark.parametrize("page, name", FIGURES, ids=[f"{p}#{n}" for p, n in FIGURES])
def test_figure_follows_the_colour_scheme_and_prints_black(browser, site, page, name):
    seen = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        try:
            tab = context.new_page()
            errors = []
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.goto(site.url + page)
            screen = tab.evaluate(COLOURS, name)
            assert screen is not None, f"{page}: no figure {name}"
            printed = None
            if scheme == "light":
                tab.emulate_media(media="print")
                printed = tab.evaluate(COLOURS, name)
            problems = colour_problems(screen, printed)
            assert not problems, f"{page}#{name} ({scheme}): " + "; ".join(problems)
            assert errors == []
            seen[scheme] = screen["text"]
        finally:
            context.close()
    assert seen["light"] != seen["dark"], f"{page}#{name}: the labels keep one colour in light and dark mode"


def test_colour_checks_can_fail():
    screen = {"text": "rgba(0, 0, 0, 0.87)", "background": "rgb(255, 255, 255)",
              "labels": ["rgb(255, 0, 0)"], "strokes": ["none", "rgb(82, 108, 254)"]}
    printed = {"text": "rgb(0, 0, 0)", "background": "rgb(255, 255, 255)",
               "labels": ["rgb(255, 0, 0)"], "strokes": ["none", "rgb(200, 200, 200)"]}
    found = " | ".join(colour_problems(screen, printed))
    for expected in ("not the page's text colour", "no line is drawn", "printed labels", "accent lines print"):
        assert expected in found, expected
    dim = {"text": "rgb(150, 150, 150)", "background": "rgb(255, 255, 255)", "labels": ["rgb(150, 150, 150)"],
           "strokes": ["rgb(150, 150, 150)"]}
    assert "does not contrast" in " | ".join(colour_problems(dim))
    printed["strokes"] = ["none", "rgb(82, 108, 254)"]
    assert "keep a colour" in " | ".join(colour_problems(screen, printed))
    screen["strokes"] = ["rgba(0, 0, 0, 0.87)"]
    printed["strokes"] = ["rgb(85, 85, 85)"]
    assert "lines in the text colour print" in " | ".join(colour_problems(screen, printed))
