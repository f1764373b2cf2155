"""The macros a page may call, in one table, each a plain function of the loaded site.

``MACROS`` maps a macro's name to ``function(site, *args)``; ``macros/__init__.py``
registers each through :func:`guarded`, which turns any authoring error (an unknown
parameter, reference or option, a wrong argument) into one line naming the page, the
macro and the key::

    lengthening/recovery.md: param("lengthening.latncy"): no such parameter (did you mean lengthening.latency?)

Macros (see CONTRIBUTING.md for examples):

``param(key, which="range")``, ``number(key, which="typical")``
    A parameter in words with its unit ("5 to 10 days"), or its bare number.
``risk(key, per=UNIT, which="typical")``, ``one_in(key, which="range")``
    A risk in words ending with what was counted ("about 1 in 6 children"); a share or
    a "1 in N births" figure ("about 1 in 7").
``cite(*keys)``, ``bibliography()``
    Links to the References page; the whole reference list.
``options_table()``, ``glossary()``, ``changes_list()``, ``editorial_statement()``
    The treatment options side by side; the Glossary; the record of changes; who
    publishes the edition and its clinical sign-off.
``timeline(amount_mm, bone, method, date)``, ``typical_timelines()``, ``planner()``,
``typical_duration(milestone)``, ``duration_range(milestone)``
    The treatment timeline (static), the table of examples, the interactive planner,
    and the usual or widest time to a milestone ("6 to 10 months").
``companion()``
    The treatment companion (lengthening/companion.md): schedule, turns chart, reminders
    and a private diary; without JavaScript, a blank turns chart to fill in by hand.
``growth_example(sex, years, months, diff, unit)``, ``growth_table()``, ``growth_estimator()``
    The growth estimator's worked example, its multiplier table and the tool.
``decision_aid()``, ``questions(section)``
    The decision aid (treatment/decision-aid.md): both situations' options side by side,
    with pictures of 100 figures, the questions for the surgeon and the interactive part's
    root; one section of the questions to ask the surgeon (data/questions.yml).
``red_flags(tier)``, ``emergency_numbers()``, ``emergency_call()``, ``advice_call()``, ``contact_box()``,
``urgent_help()``
    The warning signs of one tier and the edition's phone numbers (pages never type one):
    the one number of a one-region (clinic) edition, else the language edition's home
    country's (emergency.yml), else "your local emergency number"; ``urgent_help()`` is the
    short summary of the signs that names whom to call.
``permalink_table()``, ``planner_links()``, ``link_builder()``, ``evidence_table()``,
``sources_read()``, ``report_contact()``
    The clinicians' pages.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import difflib
import functools
import inspect
from typing import Any, Callable

from macros.data import glossary as glossary_data
from macros.data.parameters import Parameter
from macros.data.urgent import fill_params
from macros.errors import GuideDataError
from macros.model import timeline as timeline_model
from macros.model import values as values_model
from macros.model import wording
from macros.model.growth import OutsideTable
from macros.render import changes as changes_render
from macros.render import decision as decision_render
from macros.render import companion as companion_render
from macros.render import clinicians, options, qr, references, urgent
from macros.render import editorial as editorial_render
from macros.render import glossary as glossary_render
from macros.render import growth as growth_render
from macros.render import timeline as timeline_render
from macros.site import Site

PLANNER_PAGE = "/lengthening/planner/"
DECISION_PAGE = "treatment/decision-aid.md"


class AuthoringError(Exception):
    """A page called a macro wrongly: the message is one line naming page, macro and key."""


def _param(site: Site, key: str) -> Parameter:
    """The parameter ``key``, or an error that suggests the nearest names."""
    if key not in site.guide.params:
        near = difflib.get_close_matches(str(key), list(site.guide.params.items), n=1, cutoff=0.75)
        raise GuideDataError("", key, "no such parameter" + (f" (did you mean {near[0]}?)" if near else ""))
    return site.guide.params[key]


def _sign_value(site: Site) -> Callable[[str, str | None], str]:
    """Words for a ``{param:key[:which]}`` in a warning sign (data/urgent.yml)."""
    return lambda key, which: wording.param(site.strings, site.guide.params[key], which or "range")


# ---- numbers in words ---------------------------------------------------------------

def param(site: Site, key: str, which: str = "range") -> str:
    p = _param(site, key)
    if p.counted is not None:  # a risk as "96.6%" would hide what was counted
        raise GuideDataError("", key, f"is a risk: use risk(\"{key}\", per=\"{p.counted.unit}\")")
    return wording.param(site.strings, p, which)


def number(site: Site, key: str, which: str = "typical") -> str:
    if which not in wording.WHICH[1:]:
        raise GuideDataError("", key, f"which={which!r} is not one of {', '.join(wording.WHICH[1:])}")
    return wording.number(getattr(_param(site, key), which), site.strings["locale"])


def risk(site: Site, key: str, per: str | None = None, which: str = "typical") -> str:
    return wording.risk(site.strings, _param(site, key), per, which)


def one_in(site: Site, key: str, which: str = "range") -> str:
    return wording.one_in(site.strings, _param(site, key), which)


def typical_duration(site: Site, milestone: str = "return_to_sport") -> str:
    low, high = timeline_model.typical_duration(site.guide.params, milestone)
    return wording.span(site.strings, low, high, "month")


def duration_range(site: Site, milestone: str = "return_to_sport") -> str:
    low, high = timeline_model.duration_range(site.guide.params, milestone)
    return wording.span(site.strings, low, high, "month")


# ---- references, glossary, changes, editorial ----------------------------------------

def cite(site: Site, *keys: str) -> str:
    links = []
    for key in keys:
        ref = site.guide.references.get(key)
        if ref is None:
            near = difflib.get_close_matches(str(key), list(site.guide.references), n=1, cutoff=0.75)
            raise GuideDataError("", key, "unknown reference (not in references.yml)"
                                 + (f"; did you mean {near[0]}?" if near else ""))
        label = references.short_label(ref, site.strings["templates"]["no_date"])
        links.append(f"[{label}](/references.md#{references.anchor(ref.key)})")
    return "(" + "; ".join(links) + ")"


def bibliography(site: Site) -> str:
    return str(references.reference_list(references.sorted_references(site.guide.references),
                                         no_date=site.strings["templates"]["no_date"]))


def glossary(site: Site) -> str:
    entries = glossary_data.load(site.abbreviations)
    return glossary_render.render(entries, site.strings["templates"]["glossary"]["empty"])


def _page_titles(site: Site) -> dict[str, str]:
    return {src: clinicians.page_title((site.docs_dir / src).read_text(encoding="utf-8"))
            for src in site.page_files()}


def changes_list(site: Site) -> str:
    return changes_render.render(site.changes, _page_titles(site), lambda *k: cite(site, *k),
                                 site.strings["templates"]["changes"], site.strings["locale"])


def editorial_statement(site: Site) -> str:
    return editorial_render.statement(site.editorial, site.strings["templates"]["editorial"], site.strings["locale"])


def report_contact(site: Site) -> str:
    from macros.data.editorial import report_route
    t = site.strings["templates"]["clinic"]["report"]
    kind, address = report_route(site.editorial, site.contact_email, site.tracker)
    if kind == "email":
        return t["email"].format(email=address, name=site.editorial["publisher"])
    if kind == "web":
        return t["web"].format(url=address)
    raise GuideDataError("mkdocs.yml", "extra.repository",
                         "no way to report an error: set editorial.editor.contact, contact_email or extra.repository")


# ---- treatment options, timeline and planner ----------------------------------------

def options_table(site: Site) -> str:
    return options.options_table(site.strings, site.guide.params)


def timeline(site: Site, amount_mm: float = 50, bone: str = "femur", method: str = "nail",
             date: str | None = None) -> str:
    if isinstance(amount_mm, str):  # number() gives text
        try:
            amount_mm = float(amount_mm)
        except ValueError:
            pass  # validation names the bad value
    tl = timeline_model.compute_from(site.guide.params, amount_mm, bone, method, date)
    return str(timeline_render.timeline(site.guide, tl, site.refs_base()))


def typical_timelines(site: Site) -> str:
    return str(timeline_render.typical_timelines(site.guide))


def planner(site: Site) -> str:
    short = qr.absolute(site.site_url, site.permalinks.for_page("lengthening/planner.md") or PLANNER_PAGE)
    return str(timeline_render.planner(site.guide, site.refs_base(), site.default_unit, short, site.site_name,
                                       _decision_link(site)))


def companion(site: Site) -> str:
    fill = _sign_value(site)
    emergency = [fill_params(s.text, fill) for s in site.guide.signs["emergency"]]
    same_day = [fill_params(s.text, fill) for s in site.guide.signs["same_day"]]
    return str(companion_render.companion(site.guide.params, site.strings, site.clinic.phones,
                                          site.href("help/urgent.md"), emergency, same_day,
                                          emergency=urgent.emergency_call(site.guide.regions, site.strings, link=False)))


# ---- growth estimator ---------------------------------------------------------------

def growth_example(site: Site, sex: str, years: int, months: int, diff: float, unit: str = "mm") -> str:
    return str(growth_render.example(site.growth, site.strings, sex, years * 12 + months, diff, unit))


def growth_table(site: Site) -> str:
    return str(growth_render.table(site.growth, site.strings))


def growth_estimator(site: Site) -> str:
    links = {k: {"text": v["text"], "href": site.href(v["page"])}
             for k, v in site.strings["js"]["growth"]["links"].items()}
    return str(growth_render.estimator(site.growth, site.strings, site.default_unit, site.guide.params, links,
                                       _decision_link(site)))


# ---- decision aid and questions ------------------------------------------------------

def decision_values(site: Site) -> dict[str, Any]:
    """The decision aid's values part (what matters to a person, which options fit):
    the hook the widget's configuration reads as ``values`` (see :func:`values_config`)."""
    return values_config(site)


def _questions(site: Site) -> dict:
    """The questions for the surgeon in the current page's language (data/questions.<lang>.yml
    when the language has one)."""
    return site.guide.questions or site.questions


def _checklist(site: Site) -> list[dict[str, str]]:
    return [{"id": q.id, "text": q.text} for name in site.decision.checklist for q in _questions(site)[name]]


def decision_aid(site: Site) -> str:
    return decision_render.decision_aid(site.decision, site.strings, site.guide.params, site.href,
                                        lambda keys: cite(site, *keys), _checklist(site), decision_values(site),
                                        site.strings["js"].get("decision", {}))


def questions(site: Site, section: str) -> str:
    sections = _questions(site)
    if section not in sections:
        raise GuideDataError("questions.yml", str(section), f"is not a section ({', '.join(sections)})")
    items = [{"id": q.id, "text": q.text} for q in sections[section]]
    return decision_render.checklist(items)


# ---- urgent help --------------------------------------------------------------------

def red_flags(site: Site, tier: str) -> str:
    return urgent.red_flags(site.guide.signs, tier, lambda *k: cite(site, *k),
                            _sign_value(site))


def emergency_numbers(site: Site) -> str:
    return urgent.emergency_numbers(site.guide.regions, site.strings)


def emergency_call(site: Site) -> str:
    return urgent.emergency_call(site.guide.regions, site.strings)


def advice_call(site: Site) -> str:
    return urgent.advice_call(site.guide.regions, site.strings)


def urgent_help(site: Site) -> str:
    return urgent.urgent_help(site.guide.regions, site.strings)


def contact_box(site: Site) -> str:
    return urgent.contact_box(site.clinic.phones, site.guide.regions, site.strings)


# ---- clinicians' pages ---------------------------------------------------------------

def permalink_table(site: Site) -> str:
    return clinicians.permalink_table(site.permalinks, _page_titles(site), site.site_url, site.strings)


def evidence_table(site: Site) -> str:
    return clinicians.evidence_table(site.guide.params, site.guide.references, site.strings,
                                     site.guide.overridden, site.clinic.name)


def sources_read(site: Site) -> str:
    return clinicians.sources_read(site.guide.references, site.strings)


def planner_links(site: Site) -> str:
    return clinicians.ready_links_table(site.site_url, site.strings)


# ---- the decision aid: what matters to you -------------------------------------------

def values_config(site: Site) -> dict[str, Any]:
    """The ``values`` part of the decision aid's widget configuration (not a page macro):
    the questions of data/values.yml with each reason's numbers worded, its page linked from
    the current page and its sources; the size bands worded from the thresholds; the limits
    (in mm) that put a difference into a band."""
    fill = _sign_value(site)
    refs = site.href("references.md")

    def source(key: str) -> dict[str, str]:
        ref = site.guide.references[key]
        return {"label": references.short_label(ref), "href": f"{refs}#{references.anchor(ref.key)}"}

    config = values_model.plain_config(site.guide.values, lambda text: fill_params(text, fill), site.href, source)
    words = {"small": fill("thresholds.small_difference", "low"), "large": fill("thresholds.large_difference", "low")}
    config["band_ranges"] = {b: t.format(**words) for b, t in site.strings["js"]["decision"]["band_ranges"].items()}
    config["limits"] = _decision_limits(site)
    config["very_large"] = site.href("treatment/very-large-differences.md")
    return config


def _decision_limits(site: Site) -> dict[str, float]:
    """The band limits in mm, as the growth estimator's bands (macros.model.growth)."""
    return {"small_max_mm": site.growth.lift_max_mm, "medium_max_mm": site.growth.modulation_max_mm}


def _decision_link(site: Site) -> dict[str, Any]:
    """What the planner and the growth estimator need to link to the decision aid."""
    return {"href": site.href(DECISION_PAGE), "limits": _decision_limits(site)}


def link_builder(site: Site) -> str:
    plaus = site.guide.params["lengthening.plausible_amount"]
    return clinicians.link_builder(site.site_url, site.strings, site.default_unit, plausible_mm=(plaus.low, plaus.high),
                                   max_mm=site.guide.params.units["mm"].max)


MACROS: dict[str, Callable[..., str]] = {f.__name__: f for f in (
    param, number, risk, one_in, typical_duration, duration_range,
    cite, bibliography, glossary, changes_list, editorial_statement, report_contact,
    options_table, timeline, typical_timelines, planner, companion,
    growth_example, growth_table, growth_estimator, decision_aid, questions,
    red_flags, emergency_numbers, emergency_call, advice_call, contact_box, urgent_help,
    permalink_table, evidence_table, sources_read, planner_links, link_builder,
)}


def _call_text(name: str, args: tuple, kwargs: dict) -> str:
    shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def guarded(site: Site, name: str, fn: Callable[..., str]) -> Callable[..., str]:
    """``fn`` bound to ``site``, with every authoring error as one :class:`AuthoringError` line."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> str:
        where = f"{site.page_name}: {_call_text(name, args, kwargs)}"
        try:
            signature.bind(site, *args, **kwargs)
        except TypeError as err:
            raise AuthoringError(f"{where}: {err} (the macro is {name}({_usage(signature)}))") from None
        try:
            return fn(site, *args, **kwargs)
        except GuideDataError as err:
            raise AuthoringError(f"{where}: {err.key}: {err.problem}") from None
        except timeline_model.PlannerInputError as err:
            raise AuthoringError(f"{where}: {err.field}: {err.code} ({err.value!r})") from None
        except (OutsideTable, ValueError, KeyError) as err:
            raise AuthoringError(f"{where}: {err}") from None

    call.__signature__ = _public(signature)  # type: ignore[attr-defined]
    return call


def _usage(signature: inspect.Signature) -> str:
    """How a page calls the macro: ``key, which='range'``."""
    parts = []
    for p in list(signature.parameters.values())[1:]:
        if p.kind is p.VAR_POSITIONAL:
            parts.append(f"*{p.name}")
        else:
            parts.append(p.name if p.default is p.empty else f"{p.name}={p.default!r}")
    return ", ".join(parts)


def _public(signature: inspect.Signature) -> inspect.Signature:
    """The signature a page sees (without the ``site`` argument)."""
    return signature.replace(parameters=list(signature.parameters.values())[1:])
