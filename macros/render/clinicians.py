"""Tables and widgets for the clinicians' pages: permanent links with QR codes, the
evidence behind every parameter, and prefilled planner links.

Everything is generated from the data files (data/permalinks.yml, data/parameters.yml,
data/references.yml), so the pages can never disagree with the site.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

from macros.model import wording
from macros.render import qr
from macros.render import references as references_html
from macros.data.references import Reference
from macros.errors import GuideDataError
from macros.data.parameters import Parameter, Parameters
from macros.data.permalinks import Permalinks

# The planner's query contract (agreed between helpers; documented on clinicians/linking.md).
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
    head = t["permalink_heading"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for short, src in sorted(contract.links.items(), key=lambda kv: (kv[1] != "index.md", kv[1])):
        url = qr.absolute(site_url, short)
        code = qr.svg(url, t["qr_title"].format(url=qr.display(url)), scale=2)
        lines.append(f"| [{_cell(titles.get(src, src))}](/{src}) | `{qr.display(url)}` | {code} |")
    return '<div class="app-linktable" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


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
    head = t["evidence_heading"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in sorted(params):
        p = params[key]
        sources = ", ".join(
            f"[{_cell(references_html.short_label(references[s]))}](/references.md#{references_html.anchor(references[s].key)})"
            for s in p.sources
        )
        note = p.note
        if key in overridden:
            note = t["overridden"].format(name=clinic_name) + " " + note
        values = values_text(strings, p)  # carries the unit ("5 to 10 days"), so no unit column
        if p.kind == "table" and strings["units"][p.unit]["other"]:
            values += f" ({strings['units'][p.unit]['other']})"
        counted = counted_text(strings, p)
        note_cell = _cell(note) + (f"<br>{_cell(counted)}" if counted else "")
        lines.append(f"| {_cell(p.label)}<br>`{key}` | {_cell(values)} "
                     f"| {sources} | {note_cell} |")
    return '<div class="app-evidence" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def sources_read(references: Mapping[str, Reference], strings: Mapping[str, Any]) -> str:
    """A Markdown table of the sources the editors read only in part, or with a note for
    clinicians (``read`` and ``evidence_note`` in references.yml; patients never see these)."""
    t = strings["templates"]["clinic"]
    lines = ["| " + " | ".join(t["read_heading"]) + " |", "|" + "---|" * len(t["read_heading"])]
    for ref in references_html.sorted_references(references):
        if not (ref.read or ref.evidence_note):
            continue
        link = f"[{_cell(references_html.short_label(ref))}](/references.md#{references_html.anchor(ref.key)})"
        read = t["read_levels"][ref.read] if ref.read else ""
        lines.append(f"| {link} | {_cell(read)} | {_cell(ref.evidence_note)} |")
    return "\n".join(lines)


def planner_query(**fields: Any) -> str:
    """The query string of a prefilled planner link, fields in the documented order."""
    order = ("amount", "unit", "bone", "method", "date")
    pairs = [(k, fields[k]) for k in order if fields.get(k) not in (None, "")]
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
    head = t["ready_heading"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for plan in common_plans():
        url = planner_link(site_url, **plan)
        code = qr.svg(url, t["qr_title"].format(url=qr.display(url)), scale=2)
        label = ", ".join(opts[k][v] for k, v in plan.items())
        lines.append(f"| {_cell(label)} | `{qr.display(url)}` | {code} |")
    return '<div class="app-linktable app-linktable--plans" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def link_builder(site_url: str | None, strings: Mapping[str, Any], default_unit: str = "mm",
                 plausible_mm: tuple[float, float] | None = None) -> str:
    """The link builder form. Without JavaScript, "Open" submits to the planner with the
    chosen fields (its address is then the link); with it, linkbuilder.js shows the link,
    a QR code and a printable slip as the fields change."""
    t = strings["templates"]["clinic"]
    b = t["builder"]
    opts = t["options"]
    e = html.escape
    action = qr.absolute(site_url, PLANNER_PATH)
    ps = strings["js"]["planner"]
    # The same plausibility check and words as the planner (lengthening.plausible_amount).
    config = {"base": action, "fields": ["amount", "unit", "bone", "method", "date"], "js": strings["js"].get("linkbuilder", {}),
              "plausible_mm": {"low": plausible_mm[0], "high": plausible_mm[1]} if plausible_mm else None,
              "planner": {k: ps[k] for k in ("question", "question_fix", "unit_words", "bones", "methods", "locale",
                                             "error_amount_not_number", "error_amount_not_positive",
                                             "error_amount_implausible_low", "error_amount_implausible_high")}}
    # The config rides in a data attribute, not a <script> element: Material's instant
    # navigation re-runs the <script> elements of each new page.
    parts = [f'<div class="app-linkbuilder" data-app-linkbuilder="{e(json.dumps(config), quote=True)}">',
             f'<form class="app-linkbuilder__form" method="get" action="{e(action)}">']
    parts.append(f'<div><label for="app-lb-amount">{e(b["amount"])}</label>'
                 f'<input id="app-lb-amount" name="amount" type="number" min="1" step="any" inputmode="decimal"> '
                 f'<select id="app-lb-unit" name="unit" aria-label="{e(b["unit"])}">'
                 + "".join(f'<option value="{u}"{" selected" if u == default_unit else ""}>{e(opts["unit"][u])}</option>'
                         for u in PLANNER_UNITS)
                 + "</select></div>")
    for field, choices in PLANNER_CHOICES.items():
        parts.append(f'<div><label for="app-lb-{field}">{e(b[field])}</label><select id="app-lb-{field}" name="{field}">'
                     + "".join(f'<option value="{c}">{e(opts[field][c])}</option>' for c in choices)
                     + "</select></div>")
    parts.append(f'<div><label for="app-lb-date">{e(b["date"])}</label><input id="app-lb-date" name="date" type="date"></div>')
    parts.append(f'<div><button class="md-button md-button--primary" type="submit">{e(b["open"])}</button></div>')
    parts.append("</form>")
    parts.append(f'<div class="app-linkbuilder__result" hidden aria-live="polite">'
                 f'<div class="app-linkbuilder__question" aria-live="polite"></div>'
                 f'<p class="app-linkbuilder__message" role="status"></p>'
                 f'<div class="app-slip"><p class="app-slip__plan"></p><div class="app-slip__code"></div><p>{e(b["slip_intro"])}<br>'
                 f'<span class="app-slip__url"></span></p></div>'
                 f'<p><button class="md-button app-linkbuilder__print" type="button">{e(b["print"])}</button></p></div>')
    parts.append("</div>")
    return "".join(parts)
