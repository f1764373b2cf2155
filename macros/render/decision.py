"""The decision aid's comparison (``{{ decision_aid() }}`` on treatment/decision-aid.md).

Without JavaScript and on paper, the page shows both situations' comparison tables, each
under its own heading: every option with the same rows, every number filled from the
parameters through the wording the pages use, and a picture of 100 figures for each
drawable risk. Then the root of the interactive part, ``data-app-widget="decision"``, with
its whole configuration as JSON (:func:`config`).

Pure module: no MkDocs import, no data file read here.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from macros.data.decision import ROWS, Decision, Item, Option, fill, risk_keys
from macros.data.parameters import Parameters
from macros.model import decision as decision_model
from macros.model import timeline as timeline_model
from macros.model import wording
from macros.render.environment import render


def drawn_words(strings: Mapping[str, Any], params: Parameters, key: str) -> str:
    """A drawn risk in the picture's own words ("18 in 100 children (6 of 33)"), so the
    words beside a picture say the number it shades, not a rounder "about 1 in 6"."""
    p = params[key]
    arr = decision_model.icon_array(p)
    t = strings["templates"]
    words = t["decision"]["figure_caption"].format(total=arr.total, unit=t["risk"]["units"][p.counted.unit],
                                                    filled=arr.filled)
    if p.counted.events is not None:
        words = t["risk"]["with_counts"].format(text=words, counts=t["risk"]["counts_share"].format(
            events=p.counted.events, total=p.counted.total))
    return words


def filler(strings: Mapping[str, Any], params: Parameters, drawn: tuple[str, ...] = ()) -> Callable[[str], str]:
    """A function that fills a text's placeholders with the words the pages use; a text
    that starts with a placeholder starts with a capital ("About 1 in 6 children ...").
    A risk in ``drawn`` (the item's picture) is said as the picture counts it."""
    def value(kind: str, key: str, arg: str | None) -> str:
        if kind == "risk" and key in drawn:
            return drawn_words(strings, params, key)
        if kind == "duration":
            low, high = timeline_model.typical_duration(params, key, arg)
            return wording.span(strings, low, high, "month")
        if kind == "risk":
            return wording.risk(strings, params[key], arg)
        return wording.param(strings, params[key], arg or "range")
    def filled(text: str) -> str:
        out = fill(text, value)
        return out[:1].upper() + out[1:]
    return filled


def figure(strings: Mapping[str, Any], params: Parameters, key: str) -> dict[str, Any]:
    """The picture of one risk: its shaded cells and a text alternative saying the same."""
    p = params[key]
    arr = decision_model.icon_array(p)
    t = strings["templates"]["decision"]
    unit = strings["templates"]["risk"]["units"][p.counted.unit]
    words = drawn_words(strings, params, key)
    return {"filled": arr.filled, "total": arr.total, "cells": arr.cells(), "rows": arr.rows,
            "per_row": arr.per_row, "key": key,
            "label": t["figure_label"].format(total=arr.total, unit=unit, filled=arr.filled, words=words),
            "caption": t["figure_caption"].format(total=arr.total, unit=unit, filled=arr.filled)}


def _item(strings: Mapping[str, Any], params: Parameters, fill_text: Callable[[str], str], item: Item
          ) -> dict[str, Any]:
    """A benefit or harm in words, with its picture, or a note that a risk counted as events
    per 100 has none (one bone can have more than one)."""
    per_100 = [key for key in risk_keys(item.text) if params[key].counted.measure == "per_100"]
    if item.figure:
        fill_text = filler(strings, params, (item.figure,))
    return {"text": fill_text(item.text), "figure": figure(strings, params, item.figure) if item.figure else None,
            "no_figure": bool(per_100) and not item.figure}


def option_data(strings: Mapping[str, Any], params: Parameters, option: Option, href: Callable[[str], str]
                ) -> dict[str, Any]:
    """One option with every row filled: ``rows`` (text), ``benefits`` and ``harms`` (items)."""
    fill_text = filler(strings, params)
    rows = {r: fill_text(t) for r, t in option.rows.items()}
    out = {"id": option.id, "name": option.name, "href": href(option.page), "rows": rows,
           "benefits": [_item(strings, params, fill_text, i) for i in option.benefits],
           "harms": [_item(strings, params, fill_text, i) for i in option.harms],
           "sources": list(option.sources)}
    # "No picture" explains a missing picture beside drawn ones; an option drawn in words
    # only (nail and frame, compared fairly) needs no such note on half its items.
    if not any(i["figure"] for r in ("benefits", "harms") for i in out[r]):
        for r in ("benefits", "harms"):
            for i in out[r]:
                i["no_figure"] = False
    if option.if_nothing:
        out["if_nothing"] = fill_text(option.if_nothing)
    return out


def situations_data(decision: Decision, strings: Mapping[str, Any], params: Parameters,
                    href: Callable[[str], str]) -> list[dict[str, Any]]:
    fill_text = filler(strings, params)
    return [{"id": s.id, "name": s.name, "intro": fill_text(s.intro),
             "options": [option_data(strings, params, o, href) for o in s.options]} for s in decision.situations]


def config(situations: list[dict[str, Any]], decision: Decision, strings: Mapping[str, Any], params: Parameters,
           href: Callable[[str], str], checklist: list[dict[str, str]], values: Any,
           js_strings: Mapping[str, Any]) -> dict[str, Any]:
    """The widget's whole configuration (plain JSON): situations, bands, options by
    situation (each with the same rows, in ``row_order``), the values, the checklist of
    questions, and the browser's strings."""
    fill_text = filler(strings, params)
    plain = lambda items: [{"text": i["text"], **({"figure": {"key": i["figure"]["key"],
                                                                "filled": i["figure"]["filled"],
                                                                "total": i["figure"]["total"],
                                                                "label": i["figure"]["label"]}}
                                                   if i["figure"] else {})} for i in items]
    return {
        "situations": {s["id"]: {"name": s["name"], "intro": s["intro"], "options": [o["id"] for o in s["options"]]}
                       for s in situations},
        "bands": {b: fill_text(t) for b, t in decision.bands.items()},
        "bands_note": fill_text(decision.bands_note),
        "very_large": {"text": fill_text(decision.very_large), "href": href(decision.very_large_page)},
        "row_order": list(ROWS),
        "row_names": dict(strings["templates"]["decision"]["rows"]),
        "options": {s["id"]: {o["id"]: {"name": o["name"], "href": o["href"],
                                        "rows": {**o["rows"], **({"if_nothing": o["if_nothing"]}
                                                                if "if_nothing" in o else {})},
                                        "benefits": plain(o["benefits"]), "harms": plain(o["harms"])}
                              for o in s["options"]} for s in situations},
        "values": values,
        "checklist": checklist,
        "strings": dict(js_strings),
    }


def decision_aid(decision: Decision, strings: Mapping[str, Any], params: Parameters, href: Callable[[str], str],
                 cite: Callable[[tuple[str, ...]], str], checklist: list[dict[str, str]], values: Any,
                 js_strings: Mapping[str, Any]) -> str:
    """The size bands, both situations' comparisons (Markdown headings, HTML tables), the
    questions for the surgeon, then the widget's root. ``cite(keys)`` gives the page's
    citation links (Markdown, checked by MkDocs like any link)."""
    t = strings["templates"]["decision"]
    situations = situations_data(decision, strings, params, href)
    fill_text = filler(strings, params)
    shown = []
    for s in situations:
        for o in s["options"]:
            for r in ("benefits", "harms"):
                for i, item in enumerate(o[r]):
                    if item["figure"]:
                        item["figure"]["uid"] = f"app-icons-{s['id']}-{o['id']}-{r}-{i}"
        caption = t["compare_caption"].format(situation=s["name"])
        table = render("decision_table.html", t=t, s=s, caption=caption, row_order=list(ROWS))
        sources = list(dict.fromkeys(k for o in s["options"] for k in o["sources"]))
        none = next(o for o in s["options"] if o["id"] == "none")
        shown.append({"id": s["id"], "name": s["name"], "intro": s["intro"], "table": table,
                      "if_nothing": none["if_nothing"], "cite": cite(tuple(sources))})
    questions = render("decision_checklist.html", questions=checklist, prefix="dq-")
    root = render("decision_root.html", nojs=t["nojs"],
                  config=config(situations, decision, strings, params, href, checklist, values, js_strings))
    return str(render("decision.md", t=t, bands=[fill_text(decision.bands[b]) for b in decision.bands],
                      very_large=fill_text(decision.very_large), very_large_page=decision.very_large_page,
                      bands_note=fill_text(decision.bands_note), bands_cite=cite(decision.bands_sources),
                      situations=shown, checklist=questions, root=root))


def checklist(questions: list[dict[str, str]], prefix: str = "") -> str:
    """A printable checklist of questions (the questions page uses the ids as they are)."""
    return str(render("decision_checklist.html", questions=questions, prefix=prefix))
