"""The decision aid's data (``data/decision.yml``): two situations, the size bands, and for
each situation its options, each with the same rows.

A text keeps its number placeholders; this module checks each one names a real
parameter in a fitting way, so a mistyped key stops the build in one line naming the file
and the key (``decision.yml: options.grown.nail.harms[0].text: complications.nail_anyy:
no such parameter``). The render layer fills them (:func:`fill`) with the wording the
pages use.

Placeholders:

``{param:KEY}`` / ``{param:KEY:which}``
    A parameter in words, its range or its ``low``, ``typical`` or ``high`` value. Not a risk.
``{risk:KEY:UNIT}``
    A risk in words ending with what was counted; ``UNIT`` must be what the study counted.
``{duration:MILESTONE}`` / ``{duration:MILESTONE:METHOD}``
    The planner's typical time to a milestone for a usual lengthening ("6 to 10 months"),
    over both methods or for one (``nail`` or ``frame``).

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from macros.data import schema
from macros.data.parameters import Parameters
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

DECISION_FILE = "decision.yml"
SITUATIONS = ("child", "grown")
BANDS = ("small", "medium", "large")
# The rows of every option, in the order the comparison shows them.
ROWS = ("involves", "operations", "activity", "time_off", "benefits", "harms", "uncertain")
TEXT_ROWS = ("involves", "operations", "activity", "time_off", "uncertain")
WHICH = ("low", "typical", "high")
DURATION_METHODS = ("nail", "frame")  # the planner's methods (macros.model.timeline.METHODS)
PLACEHOLDER = re.compile(r"\{(param|risk|duration):([\w.]+)(?::(\w+))?\}")
# Only a share of people (or lengthenings) can be drawn as shaded figures out of 100.
FIGURE_MEASURE = "share"


@dataclass(frozen=True)
class Item:
    """A benefit or a harm: its text and, if drawn, the risk its picture shows."""

    text: str
    figure: str | None = None


@dataclass(frozen=True)
class Option:
    id: str
    name: str
    page: str
    sources: tuple[str, ...]
    rows: Mapping[str, str]  # involves, operations, activity, time_off, uncertain
    benefits: tuple[Item, ...]
    harms: tuple[Item, ...]
    if_nothing: str | None = None


@dataclass(frozen=True)
class Situation:
    id: str
    name: str
    intro: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Decision:
    situations: tuple[Situation, ...]
    bands: Mapping[str, str]
    bands_note: str
    bands_sources: tuple[str, ...]
    very_large: str
    very_large_page: str
    checklist: tuple[str, ...] = ()  # sections of data/questions.yml


def _text(value: str, file: str, key: str) -> str:
    if "<" in value or "{{" in value or "|" in value:
        raise GuideDataError(file, key, "must be plain text (no HTML, template code or '|')")
    if re.search(r"\d", PLACEHOLDER.sub("", value)):
        raise GuideDataError(file, key, "has a typed number: write {param:KEY} or {risk:KEY:UNIT} instead")
    return " ".join(value.split())


def check_placeholders(text: str, params: Parameters, milestones: Iterable[str], file: str, key: str) -> None:
    """Raise :class:`GuideDataError` (naming ``file`` and ``key``) for a placeholder that does
    not name a parameter in a fitting way."""
    def bad(what: str, problem: str) -> GuideDataError:
        return GuideDataError(file, key, f"{what}: {problem}")

    for m in PLACEHOLDER.finditer(text):
        kind, name, arg = m.groups()
        if kind == "duration":
            if name not in milestones:
                raise bad(name, f"is not a milestone (one of {', '.join(milestones)})")
            if arg not in (None, *DURATION_METHODS):
                raise bad(name, f"{arg!r} is not a method (one of {', '.join(DURATION_METHODS)})")
            continue
        if name not in params:
            raise bad(name, "no such parameter")
        p = params[name]
        if kind == "param":
            if arg not in (None, *WHICH):
                raise bad(name, f"{arg!r} is not one of {', '.join(WHICH)}")
            if p.counted is not None:
                raise bad(name, f"is a risk: write {{risk:{name}:{p.counted.unit}}}")
            if p.kind == "table":
                raise bad(name, "is a table, not a number")
        else:
            if p.counted is None:
                raise bad(name, "does not say what was counted, so it cannot be a risk")
            if arg != p.counted.unit:
                raise bad(name, f"the figure counts {p.counted.unit}, not {arg}: write {{risk:{name}:{p.counted.unit}}}")
    rest = PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        raise GuideDataError(file, key, "has a brace that is not a placeholder {param:KEY}, {risk:KEY:UNIT} "
                                        "or {duration:MILESTONE}")


def _items(raw: list, params: Parameters, milestones: Iterable[str], file: str, key: str) -> tuple[Item, ...]:
    out = []
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        text = _text(item["text"], file, f"{where}.text")
        check_placeholders(text, params, milestones, file, f"{where}.text")
        figure = item.get("figure")
        if figure is not None:
            if figure not in risk_keys(text):
                raise GuideDataError(file, f"{where}.figure", f"{figure}: must be a risk in the item's text")
            if params[figure].counted.measure != FIGURE_MEASURE:
                raise GuideDataError(file, f"{where}.figure", f"{figure}: counts events per 100, which cannot be "
                                                             "drawn as 100 figures (one can have more than one)")
        out.append(Item(text, figure))
    return tuple(out)


def parse_decision(raw: Any, params: Parameters, references: Mapping[str, Any], pages: Iterable[str],
                   milestones: Iterable[str], file: str = DECISION_FILE,
                   question_sections: Iterable[str] | None = None) -> Decision:
    """Validate ``decision.yml`` against its model, then every placeholder, reference, page
    and question section."""
    schema.validate(schema.DecisionFile, raw, file)
    pages, milestones = set(pages), tuple(milestones)
    if question_sections is not None:
        known = tuple(question_sections)
        for i, name in enumerate(raw["checklist"]):
            if name not in known:
                raise GuideDataError(file, f"checklist[{i}]", f"{name!r} is not a section of questions.yml "
                                                              f"({', '.join(known)})")

    def text(value: str, key: str) -> str:
        value = _text(value, file, key)
        check_placeholders(value, params, milestones, file, key)
        return value

    def sources(keys: list, key: str) -> tuple[str, ...]:
        for k in keys:
            if k not in references:
                raise GuideDataError(file, key, f"cites unknown reference {k!r}")
        return tuple(keys)

    def page(src: str, key: str) -> str:
        if pages and src not in pages:
            raise GuideDataError(file, key, f"no such page {src!r} under docs/")
        return src

    situations = []
    for sid in SITUATIONS:
        s = raw["situations"][sid]
        opts = raw["options"][sid]
        if list(opts) != list(s["options"]):
            raise GuideDataError(file, f"options.{sid}", f"must be the options of situations.{sid}, in that order: "
                                                         f"{', '.join(s['options'])}")
        parsed = []
        for oid, o in opts.items():
            where = f"options.{sid}.{oid}"
            if (o.get("if_nothing") is None) == (oid == "none"):
                raise GuideDataError(file, f"{where}.if_nothing",
                                     "is required for the option none and only for it")
            parsed.append(Option(
                id=oid, name=_text(o["name"], file, f"{where}.name"), page=page(o["page"], f"{where}.page"),
                sources=sources(o["sources"], f"{where}.sources"),
                rows={r: text(o[r], f"{where}.{r}") for r in TEXT_ROWS},
                benefits=_items(o["benefits"], params, milestones, file, f"{where}.benefits"),
                harms=_items(o["harms"], params, milestones, file, f"{where}.harms"),
                if_nothing=text(o["if_nothing"], f"{where}.if_nothing") if o.get("if_nothing") else None))
        situations.append(Situation(sid, _text(s["name"], file, f"situations.{sid}.name"),
                                    text(s["intro"], f"situations.{sid}.intro"), tuple(parsed)))
    return Decision(
        situations=tuple(situations),
        bands={b: text(raw["bands"][b], f"bands.{b}") for b in BANDS},
        bands_note=text(raw["bands_note"], "bands_note"),
        bands_sources=sources(raw["bands_sources"], "bands_sources"),
        very_large=text(raw["very_large"]["text"], "very_large.text"),
        very_large_page=page(raw["very_large"]["page"], "very_large.page"),
        checklist=tuple(raw["checklist"]))


def load_decision(path: Path, params: Parameters, references: Mapping[str, Any], pages: Iterable[str],
                  milestones: Iterable[str], question_sections: Iterable[str] | None = None) -> Decision:
    return parse_decision(read_yaml(path), params, references, pages, milestones, path.name, question_sections)


def fill(text: str, value: Callable[[str, str, str | None], str]) -> str:
    """``text`` with each placeholder replaced by ``value(kind, key, arg)``."""
    return PLACEHOLDER.sub(lambda m: value(m.group(1), m.group(2), m.group(3)), text)


def risk_keys(text: str) -> list[str]:
    """The parameters a text shows as risks (``{risk:KEY:UNIT}``), in order."""
    return [m.group(2) for m in PLACEHOLDER.finditer(text) if m.group(1) == "risk"]
