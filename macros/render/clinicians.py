"""Tables and widgets for the clinicians' pages: permanent links with QR codes, the
evidence behind every parameter, and prefilled planner links.

Everything is generated from the data files (data/permalinks.yml, data/parameters.yml,
data/references.yml), so the pages can never disagree with the site.

The tables are Markdown on purpose (``link_table.md``, ``evidence_table.md``,
``sources_read.md``: their cells are escaped for a table by :func:`_cell`); the link
builder is ``linkbuilder.html``. Pure module: no MkDocs import.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

from macros.model import wording
from macros.model.units import link_number, locale_format
from macros.render import qr
from macros.render import references as references_html
from macros.render.environment import render
from macros.data.references import Reference
from macros.errors import GuideDataError
from macros.data.parameters import Parameter, Parameters
from macros.data.permalinks import Permalinks

# The planner's query contract (documented on clinicians/linking.md).
PLANNER_PATH = "/lengthening/planner/"
# No age: the planner has none (old links' age= is ignored by the planner).
PLANNER_CHOICES = {"bone": ("femur", "tibia"), "method": ("nail", "frame")}
PLANNER_UNITS = ("mm", "cm", "in")


def page_title(markdown: str) -> str:
    """A page's title: front matter ``title:``, else its first ``#`` heading."""
    m = re.search(r"\A---\n(.*?)\n---", markdown, re.S)
    if m:
        t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
        if t:
            return t.group(1).strip().strip("'\"")
    h = re.search(r"^#\s+(.+)$", markdown, re.M)
    return h.group(1).strip() if h else ""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def permalink_table(contract: Permalinks, titles: Mapping[str, str], site_url: str | None,
                    strings: Mapping[str, Any]) -> str:
    """A Markdown table: each page, its permanent link and a QR code for it."""
    t = strings["templates"]["clinic"]
    rows = []
    for short, src in sorted(contract.links.items(), key=lambda kv: (kv[1] != "index.md", kv[1])):
        url = qr.absolute(site_url, short)
        rows.append({"label": _cell(titles.get(src, src)), "href": f"/{src}", "address": qr.display(url),
                     "code": qr.svg(url, t["qr_title"].format(url=qr.display(url)), scale=2)})
    return str(render("link_table.md", css_class="app-linktable", head=t["permalink_heading"], rows=rows))


def values_text(strings: Mapping[str, Any], p: Parameter) -> str:
    """The values of a parameter in words: range and typical, or a table's size."""
    t = strings["templates"]["clinic"]
    if p.kind == "table":
        return t["table_values"].format(rows=len(p.rows), columns=", ".join(p.columns))
    if p.kind == "value":
        return wording.param(strings, p, "typical")
    text = t["range_typical"].format(range=wording.param(strings, p, "range"), typical=wording.param(strings, p, "typical"))
    return text + " " + typical_basis_text(strings, p)


def typical_basis_text(strings: Mapping[str, Any], p: Parameter) -> str:
    """How a range's typical value was chosen, in words (empty for a single value or a table)."""
    if not p.typical_basis:
        return ""
    words = strings["templates"]["clinic"]["typical_basis"]
    if p.typical_basis not in words:
        raise GuideDataError("strings.en.yml", f"templates.clinic.typical_basis.{p.typical_basis}",
                             f"is missing (needed by {p.key})")
    return words["format"].format(basis=words[p.typical_basis])


def counted_text(strings: Mapping[str, Any], p: Parameter) -> str:
    """What a risk counted, for clinicians: "Counted: complications per 100 lengthened bone
    segments." ('' for a parameter that is not a risk)."""
    if p.counted is None:
        return ""
    t = strings["templates"]["clinic"]
    unit = t["counted_units"][p.counted.unit]
    if p.counted.measure == "share":
        what = t["counted_share"].format(unit=unit)
    else:
        events = t["counted_events"][p.counted.event]
        what = t["counted_per_100"].format(events=events, unit=unit)
    return t["counted"].format(what=what)


def evidence_table(params: Parameters, references: Mapping[str, Reference], strings: Mapping[str, Any],
                   overridden: Iterable[str] = (), clinic_name: str = "") -> str:
    """A Markdown table of every parameter: label, values, unit, sources and note."""
    t = strings["templates"]["clinic"]
    overridden = set(overridden)
    rows = []
    for key in sorted(params):
        p = params[key]
        sources = [{"label": _cell(references_html.short_label(references[s])), "href": _reference_href(references[s])}
                   for s in p.sources]
        note = p.note
        if key in overridden:
            note = t["overridden"].format(name=clinic_name) + " " + note
        values = values_text(strings, p)  # carries the unit ("5 to 10 days"), so no unit column
        if p.kind == "table" and strings["units"][p.unit]["other"]:
            values += f" ({strings['units'][p.unit]['other']})"
        rows.append({"label": _cell(p.label), "key": key, "value_text": _cell(values), "sources": sources,
                     "note": _cell(note), "counted": _cell(counted_text(strings, p))})
    return str(render("evidence_table.md", head=t["evidence_heading"], rows=rows))


def _reference_href(ref: Reference) -> str:
    return f"/references.md#{references_html.anchor(ref.key)}"


def sources_read(references: Mapping[str, Reference], strings: Mapping[str, Any]) -> str:
    """A Markdown table of the sources the editors read only in part, or with a note for
    clinicians (``read`` and ``evidence_note`` in references.yml; patients never see these)."""
    t = strings["templates"]["clinic"]
    rows = [{"label": _cell(references_html.short_label(ref)), "href": _reference_href(ref),
             "read": _cell(t["read_levels"][ref.read] if ref.read else ""), "note": _cell(ref.evidence_note)}
            for ref in references_html.sorted_references(references) if ref.read or ref.evidence_note]
    return str(render("sources_read.md", head=t["read_heading"], rows=rows))


def planner_query(**fields: Any) -> str:
    """The query string of a prefilled planner link, fields in the documented order."""
    order = ("amount", "unit", "bone", "method", "date")
    # the same in every language: a typed decimal comma is written with a point (units-model.js linkNumber)
    pairs = [(k, link_number(fields[k]) if k == "amount" else fields[k]) for k in order if fields.get(k) not in (None, "")]
    return urlencode(pairs)


def planner_link(site_url: str | None, **fields: Any) -> str:
    query = planner_query(**fields)
    return qr.absolute(site_url, PLANNER_PATH) + (f"?{query}" if query else "")


def common_plans() -> list[dict[str, str]]:
    """Every combination of bone and method: the plans a clinic links to most."""
    keys = list(PLANNER_CHOICES)
    return [dict(zip(keys, combo)) for combo in itertools.product(*PLANNER_CHOICES.values())]


def ready_links_table(site_url: str | None, strings: Mapping[str, Any]) -> str:
    """A Markdown table of prefilled planner links (no amount: the patient enters it), with QR codes."""
    t = strings["templates"]["clinic"]
    opts = t["options"]
    rows = []
    for plan in common_plans():
        url = planner_link(site_url, **plan)
        rows.append({"label": _cell(", ".join(opts[k][v] for k, v in plan.items())), "href": "",
                     "address": qr.display(url), "code": qr.svg(url, t["qr_title"].format(url=qr.display(url)), scale=2)})
    return str(render("link_table.md", css_class="app-linktable app-linktable--plans", head=t["ready_heading"], rows=rows))


def link_builder(site_url: str | None, strings: Mapping[str, Any], default_unit: str = "mm",
                 plausible_mm: tuple[float, float] | None = None, max_mm: float | None = None) -> str:
    """The link builder form. Without JavaScript, "Open" submits to the planner with the
    chosen fields (its address is then the link); with it, linkbuilder.js shows the link,
    a QR code and a printable slip as the fields change."""
    t = strings["templates"]["clinic"]
    b = t["builder"]
    opts = t["options"]
    action = qr.absolute(site_url, PLANNER_PATH)
    ps = strings["js"]["planner"]
    # The planner's own check (planner-model.js parseAmount) with the same numbers and words:
    # lengthening.plausible_amount, the largest amount, the unit words a person may type.
    config = {"base": action, "fields": ["amount", "unit", "bone", "method", "date"], "js": strings["js"].get("linkbuilder", {}),
              "model": {"plausible_mm": {"low": plausible_mm[0], "high": plausible_mm[1]} if plausible_mm else None,
                        "max_mm": max_mm},
              "units_typed": strings["js"]["units_typed"],
              "planner": {k: ps[k] for k in ("question", "question_fix", "unit_words", "bones", "methods", "locale",
                                             "error_amount_not_number", "error_amount_not_positive", "error_amount_unit",
                                             "error_amount_too_large", "error_amount_implausible_low",
                                             "error_amount_implausible_high")}
                         | {"format": locale_format(strings["locale"])}}
    # The config rides in a data attribute, not a <script> element: Material's instant
    # navigation re-runs the <script> elements of each new page.
    return str(render(
        "linkbuilder.html", config=config, action=action, labels=b, default_unit=default_unit,
        units=[{"value": u, "label": opts["unit"][u]} for u in PLANNER_UNITS],
        fields=[{"name": f, "label": b[f], "choices": [{"value": c, "label": opts[f][c]} for c in choices]}
                for f, choices in PLANNER_CHOICES.items()]))
