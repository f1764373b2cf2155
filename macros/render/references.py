"""Render bibliography entries as HTML (the References page and each page's foot).

Every value is escaped: the bibliography is data, never markup.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from markupsafe import Markup, escape

from macros.data.references import Reference


def anchor(key: str) -> str:
    """The element id of a reference on the References page."""
    return f"ref-{key}"


def reference(ref: Reference) -> Markup:
    """One reference in a Vancouver-like style, its title linked to the DOI or URL."""
    parts: list[Markup] = []
    if ref.authors:
        parts.append(escape(ref.authors.rstrip(".")) + Markup("."))
    title = escape(ref.title.rstrip("."))
    parts.append(Markup('<a href="{}">{}</a>.').format(ref.link, title) if ref.link else title + Markup("."))
    where = ", ".join(x for x in (ref.container, ref.publisher) if x)
    detail = ref.year_label
    if ref.volume:
        detail += f";{ref.volume}"
    if ref.pages:
        detail += f":{ref.pages}"
    end = "" if detail.endswith(".") else "."  # "n.d." already ends a sentence
    if where:
        parts.append(Markup("<i>{}</i>. {}{}").format(where, detail, end))
    else:
        parts.append(escape(detail) + Markup(end))
    ids = [f"doi:{ref.doi}" if ref.doi else "", f"PMID {ref.pmid}" if ref.pmid else "", ref.pmcid]
    ids = [i for i in ids if i]
    if ids:
        parts.append(escape("; ".join(ids)) + Markup("."))
    if ref.note:
        parts.append(Markup('<span class="app-ref__note">{}</span>').format(ref.note))
    return Markup(" ").join(parts)


def unique(refs: Iterable[Reference]) -> list[Reference]:
    """Each work once (an old key given with ``same_as`` maps to the same entry)."""
    seen: dict[str, Reference] = {}
    for r in refs:
        seen.setdefault(r.key, r)
    return list(seen.values())


def reference_list(refs: Iterable[Reference], css_class: str = "app-references") -> Markup:
    """An ordered list with one ``<li id="ref-KEY">`` per reference."""
    items = [Markup('<li id="{}">{}</li>').format(anchor(r.key), reference(r)) for r in refs]
    return Markup('<ol class="{}">\n{}\n</ol>').format(css_class, Markup("\n").join(items))


def sorted_references(refs: Mapping[str, Reference]) -> list[Reference]:
    """References in reading order: by first author (or title), then year."""
    return sorted(unique(refs.values()), key=lambda r: (r.label.lower(), r.title.lower()))


def short_label(ref: Reference) -> str:
    """"Vogt et al. 2020": authors (or the organisation) and year, never a title;
    "Knutson 2005a" when two works would share a label (macros.data.references.with_labels)."""
    return ref.label or f"{ref.who} {ref.year}"
