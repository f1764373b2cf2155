"""Give inline SVG drawings their site styles inside the PDF.

WeasyPrint draws an inline <svg> as a separate image: the page's stylesheets do not reach
the shapes inside, and CSS variables (Material's colours) are not resolved there, so a
drawing styled by classes prints as black blobs. For each inline SVG this builds a <style>
element from the site's own rules for the classes that SVG uses (top level and
`@media print`, dark-scheme rules left out), with Material's light-scheme colours in place
of its variables, and puts it inside the SVG. Pure module: tinycss2 only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2

# Material's light-scheme values (indigo primary and accent), as printed on white paper.
MATERIAL_COLOURS = {
    "--md-default-fg-color": "rgba(0, 0, 0, 0.87)",
    "--md-default-fg-color--light": "rgba(0, 0, 0, 0.54)",
    "--md-default-fg-color--lighter": "rgba(0, 0, 0, 0.32)",
    "--md-default-fg-color--lightest": "rgba(0, 0, 0, 0.07)",
    "--md-default-bg-color": "#ffffff",
    "--md-primary-fg-color": "#4051b5",
    "--md-accent-fg-color": "#526cfe",
    "--md-typeset-color": "rgba(0, 0, 0, 0.87)",
    "--md-typeset-a-color": "#4051b5",
}
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)")
_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)")
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")


def resolve_vars(value: str, colours: dict[str, str] = MATERIAL_COLOURS) -> str:
    """Replace var(--x) by the known colour, else its fallback, else black."""
    for _ in range(5):  # nested var() fallbacks
        new = _VAR.sub(lambda m: colours.get(m.group(1)) or (m.group(2) or "#000").strip(), value)
        if new == value:
            break
        value = new
    return value


def _last_compound(selector: str) -> str:
    """`.app-figure .app-figure__leg` -> `.app-figure__leg`: an SVG's own style sheet sees only the SVG."""
    parts = [p for p in _COMBINATOR.split(selector.strip()) if p]
    return parts[-1] if parts else ""


def _rules(rules: Iterable, in_print: bool = False) -> Iterable[tuple[str, str]]:
    for rule in rules:
        if rule.type == "qualified-rule":
            yield tinycss2.serialize(rule.prelude).strip(), tinycss2.serialize(rule.content).strip()
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
            query = tinycss2.serialize(rule.prelude).strip().lower()
            if query == "print":
                yield from _rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True,
                                                           skip_comments=True), True)


def svg_stylesheet(css_texts: Iterable[str], classes: set[str]) -> str:
    """The rules, from ``css_texts`` in order, that style ``classes``, rewritten for one SVG."""
    out = []
    for css in css_texts:
        for prelude, body in _rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)):
            if "slate" in prelude or "prefers-color-scheme" in prelude:
                continue
            selectors = []
            for selector in prelude.split(","):
                last = _last_compound(selector)
                if last and set(_CLASS.findall(last)) & classes and set(_CLASS.findall(last)) <= classes:
                    selectors.append(last)
            if selectors:
                out.append(f"{', '.join(dict.fromkeys(selectors))} {{ {resolve_vars(body)} }}")
    return "\n".join(out)


def style_inline_svgs(soup, css_texts: list[str]) -> int:
    """Put a <style> into every inline <svg> of ``soup`` that uses classes; return how many."""
    count = 0
    for svg in soup.find_all("svg"):
        if svg.find_parent("svg") is not None:
            continue
        classes = set()
        for el in [svg, *svg.find_all(True)]:
            classes.update(el.get("class") or [])
        if not classes:
            continue
        css = svg_stylesheet(css_texts, classes)
        if not css:
            continue
        style = soup.new_tag("style")
        style.string = css
        svg.insert(0, style)
        if not svg.get("color"):
            svg["color"] = "#000"  # currentColor on paper
        count += 1
    return count
