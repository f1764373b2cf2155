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
``risk(key, per=UNIT, which="typical")``
    A risk as words that end with what was counted: ``{{ risk("complications.nail_any",
    per="segment") }}`` gives "about 1 complication for every 3 lengthened bones". ``per``
    (the unit the sentence counts) must match the parameter's ``counted.unit``; a
    mismatch, or a counted noun written after the macro, fails the build naming the page
    and the key (``macros.frequency``).
``cite(*keys)``
    A link to the References page for each key.
``options_table()``
    The treatment options side by side, filled from the parameters (treatment/index.md).
``bibliography()``
    The whole reference list (the References page).
``one_in(key, which="range")``
    A share (percent, not a risk) or a "1 in N births" parameter as "about 1 in 10,000 to 1 in
    100,000 births" or "about 1 in 7" (``macros.frequency``).
``glossary()``
    The Glossary page: every ``*[TERM]: definition`` of ``includes/abbreviations.md``,
    sorted, each with an ``id`` anchor (``macros.glossary``).
``growth_example(sex, years, months, diff, unit="mm")``
    A static worked example of the growth estimator (``macros.growth``).
``growth_table()``
    The multiplier table the growth estimator uses.
``growth_estimator()``
    The interactive growth estimator with its no-JS form.
``permalink_table()``, ``planner_links()``, ``link_builder()``, ``evidence_table()``, ``report_contact()``
    The clinicians' pages: permanent links with QR codes (data/permalinks.yml), ready
    prefilled planner links, the link builder, the evidence table (data/parameters.yml)
    and where to report an error.

A clinic edition names its clinic file in ``extra.clinic_file`` (see clinic-example/);
its overrides are merged into the parameters before validation (macros/overrides.py).
After the build, ``on_post_build`` writes a redirect page at every permanent link.
``red_flags(tier)``
    One tier of warning signs from ``data/urgent.yml`` ("emergency", "same_day" or
    "next_visit"), each with why it matters and its sources (``macros.urgent``).
``emergency_numbers()``, ``emergency_call()``, ``advice_call()``, ``contact_box()``
    The edition's emergency and advice numbers (``data/emergency.yml``, or the clinic's
    own list): a table, the number or phrase for a sentence, and the phone box of the
    urgent-help page. Pages never type a phone number.
``changes_list()``, ``editorial_statement()``, ``sources_read()``
    The What changed page (data/changes.yml, ``macros.changes``), the edition's publisher
    and clinical sign-off in words (``macros.editorial``), and how much of each source the
    editors read (the clinicians' evidence page).
``timeline(amount_mm=50, bone="femur", method="nail", date=None)``
    A static, accessible treatment timeline (chart and tables) for these inputs.
``typical_timelines()``
    The table of example amounts by bone and method.
``planner()``
    The interactive planner with its no-JavaScript estimate.
``typical_duration(milestone="return_to_sport")``
    "6 to 10 months": the usual time to a milestone, from the same model.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros import clinic_html, clinicians, fmt, frequency, growth, growth_html, options, pages, qr  # noqa: E402
from macros import changes as changes_mod  # noqa: E402
from macros import editorial as editorial_mod  # noqa: E402
from macros import references_html, timeline_html, urgent_render  # noqa: E402
from macros import glossary as glossary_mod  # noqa: E402
from macros import timeline as timeline_model  # noqa: E402
from macros.errors import GuideDataError  # noqa: E402
from macros.guide import load_guide  # noqa: E402
from macros.overrides import load_clinic  # noqa: E402
from macros.permalinks import load_permalinks, page_url, redirect_pages  # noqa: E402
from macros.units import INPUT_UNITS  # noqa: E402

try:  # MkDocs shows a PluginError as one line ("Error: ..."), with no traceback.
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # pragma: no cover - another generator
    BuildError = RuntimeError  # type: ignore[misc,assignment]

REVIEW_INTERVAL_MONTHS = 12
PLANNER_PAGE = "/lengthening/planner/"
ABBREVIATIONS_FILE = Path("includes") / "abbreviations.md"


def define_env(env) -> None:
    """Load the data and register the macros (called by mkdocs-macros at ``on_config``)."""
    extra = env.conf["extra"]
    data_dir = Path(env.project_dir) / extra.get("data_dir", "data")
    # A clinic edition names its clinic file (relative to its mkdocs.yml) in extra.clinic_file.
    clinic_file = Path(env.project_dir) / extra["clinic_file"] if extra.get("clinic_file") else None
    try:
        clinic = load_clinic(clinic_file)
        guide = load_guide(data_dir, clinic, clinic_file.name if clinic_file else "clinic.yml")
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    # Who publishes the edition, its editor and clinical sign-off (the page foot reads
    # extra.editorial; a clinic file's own section replaces the guide's).
    tracker = editorial_mod.issue_tracker(env.conf.get("repo_url") or extra.get("repository"), None)
    try:
        if clinic.is_edition:
            editorial = editorial_mod.parse_editorial(clinic.editorial, clinic_file.name, "editorial", clinic.name)
        else:
            editorial = editorial_mod.parse_editorial(extra.get("editorial"), "mkdocs.yml", "extra.editorial",
                                                      env.conf["site_name"])
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    extra["editorial"] = editorial
    if clinic.site_url:  # the clinic's own address: canonical links, sitemap and printed links
        env.conf["site_url"] = clinic.site_url
    env.variables["guide"] = guide
    docs_dir = Path(env.conf["docs_dir"])
    try:
        permalinks = load_permalinks(data_dir / "permalinks.yml", (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")))
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    env.variables["permalinks"] = permalinks
    try:
        changes = changes_mod.load_changes(data_dir, guide.references,
                                           (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")))
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    env.variables["changes"] = changes
    # The clinic's name, logo and contacts for the theme's templates (empty: default edition).
    extra["clinic"] = clinic_html.template_data(clinic)
    strings = guide.strings
    # The theme's templates (overrides/) read these through `config.extra`.
    extra["strings"] = strings["templates"]
    extra["references_html"] = {k: str(references_html.reference(r)) for k, r in guide.references.items()}

    def _fail(err: GuideDataError):
        raise BuildError(str(err)) from None

    def _page_name() -> str:
        page = getattr(env, "page", None)
        return getattr(getattr(page, "file", None), "src_uri", None) or getattr(page, "url", "") or "page"

    # The unit both tools start in: an edition setting (cm is the common spoken unit in
    # most countries); a clinic edition sets extra.default_unit in its mkdocs.yml.
    default_unit = extra.get("default_unit", "cm")
    if default_unit not in INPUT_UNITS:
        raise BuildError(str(GuideDataError("mkdocs.yml", "extra.default_unit",
                                            f"must be one of {', '.join(INPUT_UNITS)}, not {default_unit!r}")))

    @env.macro
    def param(key: str, which: str = "range") -> str:
        """A parameter with its unit in words: "5 to 10 days" or one value."""
        try:
            p = guide.params[key]
            if p.counted is not None:  # a risk as "96.6%" would hide what was counted
                raise GuideDataError(_page_name(), key, f"is a risk: use risk(\"{key}\", per=\"{p.counted.unit}\")")
            return fmt.param(strings, p, which)
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
    def risk(key: str, per: str | None = None, which: str = "typical") -> str:
        """A risk in words ending with what was counted: "about 1 in 6 children"."""
        try:
            return frequency.risk(strings, guide.params[key], per, which)
        except GuideDataError as err:
            _fail(GuideDataError(_page_name(), err.key, err.problem))

    @env.macro
    def cite(*keys: str) -> str:
        """Links to the References page, one per key: "[1]"-style short labels."""
        links = []
        for key in keys:
            ref = guide.references.get(key)
            if ref is None:
                _fail(GuideDataError("macro cite", key, "unknown reference (not in references.yml)"))
            label = references_html.short_label(ref)
            links.append(f'[{label}](/references.md#{references_html.anchor(ref.key)})')
        return "(" + "; ".join(links) + ")"

    try:
        growth_model = growth.model_from_params(guide.params)
    except GuideDataError as err:
        raise BuildError(str(err)) from None

    @env.macro
    def growth_example(sex: str, years: int, months: int, diff: float, unit: str = "mm") -> str:
        """A worked example of the growth estimator (static, no JavaScript)."""
        try:
            return str(growth_html.example(growth_model, strings, sex, years * 12 + months, diff, unit))
        except ValueError as err:
            _fail(GuideDataError("macro growth_example", f"{sex}, {years}y {months}m, {diff} {unit}", str(err)))

    @env.macro
    def growth_table() -> str:
        """The multiplier table."""
        return str(growth_html.table(growth_model, strings))

    @env.macro
    def growth_estimator() -> str:
        """The interactive growth estimator."""
        links = {k: {"text": v["text"], "href": _page_href(v["page"])}
                 for k, v in strings["js"]["growth"]["links"].items()}
        return str(growth_html.estimator(growth_model, strings, default_unit, guide.params, links))

    @env.macro
    def options_table() -> str:
        """The treatment options comparison table (treatment/index.md)."""
        try:
            return options.options_table(strings, guide.params)
        except GuideDataError as err:
            _fail(err)

    def _refs_base() -> str:
        """The References page's URL relative to the current page."""
        url = getattr(getattr(env, "page", None), "url", "") or ""
        if env.conf.get("use_directory_urls", True):
            return "../" * len([p for p in url.split("/") if p]) + "references/"
        return "../" * url.count("/") + "references.html"

    def _page_href(src: str) -> str:
        """A link from the current page to the page built from ``src`` (``help/questions.md``)."""
        here = getattr(getattr(env, "page", None), "url", "") or ""
        directory = env.conf.get("use_directory_urls", True)
        stem = src[:-3]
        if directory:
            target = "" if stem == "index" else (stem[:-5] if stem.endswith("/index") else stem + "/")
        else:
            target = stem + ".html"
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        rel = posixpath.relpath("/" + target, "/" + base) if target else posixpath.relpath("/", "/" + base)
        if directory and target and not rel.endswith("/"):
            rel += "/"
        return rel

    def _planner_call(fn, *args):
        try:
            return str(fn(*args))
        except timeline_model.PlannerInputError as err:
            _fail(GuideDataError("macro timeline", err.field, f"{err.code}: {err.value!r}"))
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def one_in(key: str, which: str = "range") -> str:
        """A share or a "1 in N births" figure as "about 1 in N" words."""
        try:
            return frequency.one_in(strings, guide.params[key], which)
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def glossary() -> str:
        """The Glossary page's list, read from the hover-definitions file."""
        try:
            entries = glossary_mod.load(_ROOT / ABBREVIATIONS_FILE)  # beside macros/, in every edition
            return glossary_mod.render(entries, strings["templates"]["glossary"]["empty"])
        except GuideDataError as err:
            _fail(err)

    def _page_titles() -> dict[str, str]:
        """Each page's title by its Markdown file under docs/."""
        return {p.relative_to(docs_dir).as_posix(): clinicians.page_title(p.read_text(encoding="utf-8"))
                for p in docs_dir.rglob("*.md")}

    @env.macro
    def permalink_table() -> str:
        """Every page with its permanent link and QR code (clinicians/linking.md)."""
        return clinicians.permalink_table(permalinks, _page_titles(), env.conf.get("site_url"), strings)

    @env.macro
    def changes_list() -> str:
        """The record of changes, newest first (changes.md), from data/changes.yml."""
        return changes_mod.render(changes, _page_titles(), cite, strings["templates"]["changes"])

    @env.macro
    def evidence_table() -> str:
        """Every parameter with its values, unit, sources and note (clinicians/evidence.md)."""
        return clinicians.evidence_table(guide.params, guide.references, strings, guide.overridden, clinic.name)

    @env.macro
    def sources_read() -> str:
        """How much of each source the editors read, where it matters (clinicians/evidence.md)."""
        return clinicians.sources_read(guide.references, strings)

    @env.macro
    def planner_links() -> str:
        """Ready prefilled planner links with QR codes for common plans (works without JavaScript)."""
        return clinicians.ready_links_table(env.conf.get("site_url"), strings)

    @env.macro
    def link_builder() -> str:
        """The link builder form (linkbuilder.js adds the live link, QR code and slip)."""
        plaus = guide.params["lengthening.plausible_amount"]
        return clinicians.link_builder(env.conf.get("site_url"), strings, default_unit,
                                       plausible_mm=(plaus.low, plaus.high))

    @env.macro
    def report_contact() -> str:
        """Where to report an error: the editor's contact, the clinic's or ``extra.contact_email``
        address, else the project's public issue tracker (``extra.repository``)."""
        t = strings["templates"]["clinic"]["report"]
        kind, address = editorial_mod.report_route(editorial, clinic.contact_email or extra.get("contact_email", ""),
                                                   tracker)
        if kind == "email":
            return t["email"].format(email=address, name=editorial["publisher"])
        if kind == "web":
            return t["web"].format(url=address)
        _fail(GuideDataError("mkdocs.yml", "extra.repository",
                             "no way to report an error: set editorial.editor.contact, contact_email or extra.repository"))

    @env.macro
    def editorial_statement() -> str:
        """Who publishes this edition, its editor and its clinical sign-off, in words (About page)."""
        return editorial_mod.statement(editorial, strings["templates"]["editorial"])

    @env.macro
    def timeline(amount_mm: float = 50, bone: str = "femur", method: str = "nail",
                 date: str | None = None) -> str:
        """A static timeline for these inputs (``amount_mm`` may come from ``number()``)."""
        if isinstance(amount_mm, str):
            try:
                amount_mm = float(amount_mm)
            except ValueError:
                pass  # validation names the bad value
        return _planner_call(lambda: timeline_html.timeline(
            guide, timeline_model.compute_from(guide.params, amount_mm, bone, method, date), _refs_base()))

    @env.macro
    def typical_timelines() -> str:
        """The table of typical timelines."""
        return _planner_call(lambda: timeline_html.typical_timelines(guide))

    @env.macro
    def planner() -> str:
        """The interactive planner (with its static fallback)."""
        short = qr.absolute(env.conf.get("site_url"), permalinks.for_page("lengthening/planner.md") or PLANNER_PAGE)
        return _planner_call(lambda: timeline_html.planner(guide, _refs_base(), default_unit, short))

    @env.macro
    def typical_duration(milestone: str = "return_to_sport") -> str:
        """The usual time to a milestone in months, e.g. "6 to 10 months"."""
        def run():
            low, high = timeline_model.typical_duration(guide.params, milestone)
            return fmt.span(strings, low, high, "month")
        return _planner_call(run)

    @env.macro
    def duration_range(milestone: str = "return_to_sport") -> str:
        """The widest time to a milestone in months, fastest to slowest scenario."""
        def run():
            low, high = timeline_model.duration_range(guide.params, milestone)
            return fmt.span(strings, low, high, "month")
        return _planner_call(run)

    @env.macro
    def red_flags(tier: str) -> str:
        """One tier of warning signs, with why and sources (help/urgent.md)."""
        try:
            return urgent_render.red_flags(guide.signs, tier, cite)
        except GuideDataError as err:
            _fail(err)

    @env.macro
    def emergency_numbers() -> str:
        """The edition's emergency and advice numbers by region."""
        return urgent_render.emergency_numbers(guide.regions, strings)

    @env.macro
    def emergency_call() -> str:
        """The emergency number (one-region edition) or "your local emergency number"."""
        return urgent_render.emergency_call(guide.regions, strings)

    @env.macro
    def advice_call() -> str:
        """The health advice line (one-region edition) or "your local health advice line"."""
        return urgent_render.advice_call(guide.regions, strings)

    @env.macro
    def contact_box() -> str:
        """The phone box: the clinic's phones, or blank lines; then the emergency number."""
        return urgent_render.contact_box(clinic.phones, guide.regions, strings)

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
    # Each risk must sit in a sentence about what was counted (macros.frequency.check_page).
    for key, problem in frequency.check_page(getattr(env, "markdown", "") or "", guide.params, guide.strings):
        raise BuildError(f"{name}: {key}: {problem}")
    page.meta["reviewed"] = reviewed
    page.meta["next_review"] = pages.add_months(reviewed, REVIEW_INTERVAL_MONTHS)
    # The page's permanent link and its QR code, printed at the foot of the page.
    src = getattr(getattr(page, "file", None), "src_uri", None) or ""
    short = env.variables["permalinks"].for_page(src) or page_url(src)
    url = qr.absolute(env.conf.get("site_url"), short)
    t = guide.strings["templates"]["clinic"]
    page.meta["permalink"] = url
    page.meta["permalink_text"] = qr.display(url)
    page.meta["permalink_qr"] = qr.svg(url, t["qr_title"].format(url=qr.display(url)))
    # This page's entries in the record of changes, for the page foot (newest first).
    page.meta["changes"] = [{"date": c.date, "anchor": c.anchor} for c in env.variables["changes"] if c.covers(src)]


def on_post_build(env) -> None:
    """Write a redirect page at every permanent link and every moved address."""
    site = Path(env.conf["site_dir"])
    for rel, html in redirect_pages(env.variables["permalinks"], env.variables["guide"].strings).items():
        out = site / rel
        if out.exists():
            raise BuildError(f"permalinks.yml: /{rel}: a page already exists at this address")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
