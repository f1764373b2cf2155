"""MkDocs wiring for the Leg Length Guide's macros (mkdocs-macros-plugin).

This module only wires: it loads the validated data once (``macros.guide``), registers
the macros pages may call and checks each page's front matter. All logic lives in the
pure modules beside it, none of which imports MkDocs, so that the same code can serve a
successor generator (Zensical, properdocs) or a script.

Imports are absolute (``from macros import ...``) and the project root is put on
``sys.path`` first, so this file also works when a generator loads it by file path.

Macros available in pages (see CONTRIBUTING.md for examples):

``param(key, which="range")``
    A parameter in prose with its unit: ``{{ param("lengthening.latency") }}`` gives
    "5 to 10 days", ``which="typical"`` gives "7 days".
``number(key, which="typical")``
    The bare number, for sentences that put the unit themselves.
``risk(key)``
    A percentage parameter as "about 1 in 3".
``cite(*keys)``
    A link to the References page for each key.
``bibliography()``
    The whole reference list (the References page).
``timeline(amount_mm=50, bone="femur", method="nail", age="adult", date=None)``
    A static, accessible treatment timeline (chart and tables) for these inputs.
``typical_timelines()``
    The table of example amounts by bone and method.
``planner()``
    The interactive planner with its no-JavaScript estimate.
``typical_duration(milestone="return_to_sport")``
    "6 to 10 months": the usual time to a milestone, from the same model.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import fmt, pages, references_html, timeline as timeline_model, timeline_html  # noqa: E402
from macros.errors import GuideDataError  # noqa: E402
from macros.guide import load_guide  # noqa: E402

try:  # MkDocs shows a PluginError as one line ("Error: ..."), with no traceback.
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # pragma: no cover - another generator
    BuildError = RuntimeError  # type: ignore[misc,assignment]

REVIEW_INTERVAL_MONTHS = 12


def define_env(env) -> None:
    """Load the data and register the macros (called by mkdocs-macros at ``on_config``)."""
    extra = env.conf["extra"]
    data_dir = Path(env.project_dir) / extra.get("data_dir", "data")
    try:
        guide = load_guide(data_dir)
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    env.variables["guide"] = guide
    strings = guide.strings
    # The theme's templates (overrides/) read these through `config.extra`.
    extra["strings"] = strings["templates"]
    extra["references_html"] = {k: str(references_html.reference(r)) for k, r in guide.references.items()}

    def _fail(err: GuideDataError):
        raise BuildError(str(err)) from None

    @env.macro
    def param(key: str, which: str = "range") -> str:
        """A parameter with its unit in words: "5 to 10 days" or one value."""
        try:
            return fmt.param(strings, guide.params[key], which)
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def number(key: str, which: str = "typical") -> str:
        """A parameter's bare number (typical by default)."""
        try:
            return fmt.number(getattr(guide.params[key], which))
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def risk(key: str, which: str = "typical") -> str:
        """A percentage parameter as "about 1 in N"."""
        try:
            p = guide.params[key]
            if p.unit != "percent":
                raise GuideDataError("macro risk", key, f"is in {p.unit}, not percent")
            return fmt.risk(strings, getattr(p, which))
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def cite(*keys: str) -> str:
        """Links to the References page, one per key: "[1]"-style short labels."""
        links = []
        for key in keys:
            ref = guide.references.get(key)
            if ref is None:
                _fail(GuideDataError("macro cite", key, "unknown reference (not in references.yml)"))
            label = references_html.short_label(ref)
            links.append(f'[{label}](/references.md#{references_html.anchor(key)})')
        return "(" + "; ".join(links) + ")"

    def _refs_base() -> str:
        """The References page's URL relative to the current page."""
        url = getattr(getattr(env, "page", None), "url", "") or ""
        if env.conf.get("use_directory_urls", True):
            return "../" * len([p for p in url.split("/") if p]) + "references/"
        return "../" * url.count("/") + "references.html"

    def _planner_call(fn, *args):
        try:
            return str(fn(*args))
        except timeline_model.PlannerInputError as err:
            _fail(GuideDataError("macro timeline", err.field, f"{err.code}: {err.value!r}"))
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def timeline(amount_mm: float = 50, bone: str = "femur", method: str = "nail", age: str = "adult",
                 date: str | None = None) -> str:
        """A static timeline for these inputs (``amount_mm`` may come from ``number()``)."""
        if isinstance(amount_mm, str):
            try:
                amount_mm = float(amount_mm)
            except ValueError:
                pass  # validation names the bad value
        return _planner_call(lambda: timeline_html.timeline(
            guide, timeline_model.compute_from(guide.params, amount_mm, bone, method, age, date), _refs_base()))

    @env.macro
    def typical_timelines() -> str:
        """The table of typical timelines."""
        return _planner_call(lambda: timeline_html.typical_timelines(guide))

    @env.macro
    def planner() -> str:
        """The interactive planner (with its static fallback)."""
        return _planner_call(lambda: timeline_html.planner(guide, _refs_base()))

    @env.macro
    def typical_duration(milestone: str = "return_to_sport") -> str:
        """The usual time to a milestone in months, e.g. "6 to 10 months"."""
        def run():
            low, high = timeline_model.typical_duration(guide.params, milestone)
            return fmt.span(strings, low, high, "month")
        return _planner_call(run)

    @env.macro
    def bibliography() -> str:
        """The full reference list, sorted by author."""
        return str(references_html.reference_list(references_html.sorted_references(guide.references)))


def on_pre_page_macros(env) -> None:
    """Check the page's front matter and add the next review date to its metadata."""
    guide = env.variables["guide"]
    page = env.page
    name = getattr(getattr(page, "file", None), "src_uri", None) or getattr(page, "url", "page")
    try:
        reviewed, _ = pages.check_front_matter(page.meta, guide.references, name)
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    page.meta["reviewed"] = reviewed
    page.meta["next_review"] = pages.add_months(reviewed, REVIEW_INTERVAL_MONTHS)
