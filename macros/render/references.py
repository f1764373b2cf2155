"""Render bibliography entries as HTML (the References page and each page's foot) through
``templates/reference.html`` and ``templates/reference_list.html``.

Every value is escaped (autoescape): the bibliography is data, never markup.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from markupsafe import Markup

from macros.data.references import Reference
from macros.render.environment import render


def anchor(key: str) -> str:
    """The element id of a reference on the References page."""
    return f"ref-{key}"


def _dated(text: str, ref: Reference, no_date: str) -> str:
    """``text`` (a label or year label) with an undated work's "n.d." in the page's language
    (``templates.no_date``: "u.å." in Swedish), keeping a letter suffix ("n.d.-b")."""
    if ref.year != "n.d." or no_date == "n.d.":
        return text
    head, sep, tail = text.rpartition("n.d.")
    return f"{head}{no_date}{tail}" if sep else text


def reference(ref: Reference, no_date: str = "n.d.") -> Markup:
    """One reference in a Vancouver-like style, its title linked to the DOI or URL;
    ``no_date`` is how the page's language writes "no date" (``templates.no_date``)."""
    detail = _dated(ref.year_label, ref, no_date)
    if ref.volume:
        detail += f";{ref.volume}"
    if ref.pages:
        detail += f":{ref.pages}"
    if not detail.endswith("."):  # "n.d." (and "u.å.") already ends a sentence
        detail += "."
    ids = [f"doi:{ref.doi}" if ref.doi else "", f"PMID {ref.pmid}" if ref.pmid else "", ref.pmcid]
    return render("reference.html", authors=(ref.authors or "").rstrip("."), title=ref.title.rstrip("."),
                  link=ref.link or "", where=", ".join(x for x in (ref.container, ref.publisher) if x),
                  detail=detail, ids="; ".join(i for i in ids if i), note=ref.note or "")


def unique(refs: Iterable[Reference]) -> list[Reference]:
    """Each work once (an old key given with ``same_as`` maps to the same entry)."""
    seen: dict[str, Reference] = {}
    for r in refs:
        seen.setdefault(r.key, r)
    return list(seen.values())


def reference_list(refs: Iterable[Reference], css_class: str = "app-references", no_date: str = "n.d.") -> Markup:
    """An ordered list with one item per reference, its id the reference's anchor (``ref-KEY``)."""
    return render("reference_list.html", css_class=css_class,
                  refs=[{"anchor": anchor(r.key), "entry": reference(r, no_date)} for r in refs])


def sorted_references(refs: Mapping[str, Reference]) -> list[Reference]:
    """References in reading order: by first author (or title), then year."""
    return sorted(unique(refs.values()), key=lambda r: (r.label.lower(), r.title.lower()))


def short_label(ref: Reference, no_date: str = "n.d.") -> str:
    """"Vogt et al. 2020": authors (or the organisation) and year, never a title;
    "Knutson 2005a" when two works would share a label (macros.data.references.with_labels);
    an undated work with ``no_date`` ("Region Stockholm u.å." in Swedish)."""
    return _dated(ref.label or f"{ref.who} {ref.year}", ref, no_date)
