"""MkDocs wiring for the Leg Length Guide's macros (mkdocs-macros-plugin).

Layers (each a package; only this file and ``macros/site.py`` see more than one):

* ``macros.data``: reading and validating the data files (YAML → plain dataclasses);
* ``macros.model``: the arithmetic and the wording of numbers (pure functions);
* ``macros.render``: HTML and Markdown through Jinja templates (``macros/render/templates``);
* ``macros.checks``: checks of pages (risks in the right sentence, reading level).

This file only wires: ``define_env`` loads the site once (``macros.site``) and registers
the macros of ``macros.page_macros.MACROS``; ``on_pre_page_macros`` tells the site which page
renders (``Site.set_page``: its file name gives its language, and so which strings, signs
and glossary the macros use) and checks its front matter and risks; ``on_post_page_macros``
appends the page language's hover glossary; ``on_post_build`` writes the redirect pages.

Languages: the i18n plugin (mkdocs-static-i18n) builds each language in turn with the same
configuration object, so ``define_env`` runs once per language; the loaded site (all
languages' data) is kept for the whole build and loaded once. No other module imports MkDocs,
so the same code can serve a successor generator (Zensical, properdocs) or a script.

Imports are absolute (``from macros import ...``) and the project root is put on
``sys.path`` first, so this file also works when a generator loads it by file path.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from macros.checks.risk_sentences import check_page  # noqa: E402
from macros.data.frontmatter import add_months, check_front_matter  # noqa: E402
from macros.data.permalinks import page_url  # noqa: E402
from macros.errors import GuideDataError  # noqa: E402
from macros.page_macros import MACROS, AuthoringError, guarded  # noqa: E402
from macros.render import qr  # noqa: E402
from macros.render.environment import long_date, month_year  # noqa: E402
from macros.render.redirects import redirect_pages  # noqa: E402
from macros.site import load_site  # noqa: E402

try:  # MkDocs shows a PluginError as one line ("Error: ..."), with no traceback.
    from mkdocs.exceptions import PluginError as BuildError
except ImportError:  # pragma: no cover - another generator
    BuildError = RuntimeError  # type: ignore[misc,assignment]

REVIEW_INTERVAL_MONTHS = 12

# The configuration object of the build under way and its loaded site: the i18n plugin runs
# the build once per language with the same configuration object.
_LOADED: list = []


def _load(env):
    if _LOADED and _LOADED[0] is env.conf:
        return _LOADED[1], _LOADED[2]
    site, theme_values = load_site(env.conf, Path(env.project_dir))
    _LOADED[:] = [env.conf, site, theme_values]
    return site, theme_values


def define_env(env) -> None:
    """Load the data and register the macros (called by mkdocs-macros at ``on_config``)."""
    try:
        site, theme_values = _load(env)
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    if site.clinic.site_url:  # the clinic's own address: canonical links, sitemap and printed links
        env.conf["site_url"] = site.clinic.site_url
    # The theme's templates (overrides/) read these from page.meta.theme_values (set per page
    # below); only the PDF book's cover (pdf/cover.html, mkdocs-to-pdf) reads config.extra.
    env.conf["extra"].update(theme_values)
    env.variables["site"] = site
    env.variables["guide"] = site.guide
    env.variables["theme_values"] = theme_values
    # Zensical calls define_env for every page, with env.page, and has no on_pre_page_macros
    # or on_post_page_macros (tests/site/test_zensical_path.py); mkdocs-macros calls it once,
    # before any page. Without on_post_page_macros an authoring error is raised at once.
    page = _current_page(env)
    for name, fn in MACROS.items():
        call = guarded(site, name, fn)
        env.macro(call if page is not None else _deferred(env, call), name)
    if page is not None:
        _page_values(env, page, "")


def _deferred(env, call):
    """The macro, keeping its first authoring error for ``on_post_page_macros``: an error
    raised while the page renders would reach the reader with mkdocs-macros' traceback."""
    def macro(*args, **kwargs):
        try:
            return call(*args, **kwargs)
        except AuthoringError as err:
            env.variables.setdefault("authoring_errors", []).append(str(err))
            return ""
    macro.__doc__, macro.__signature__ = call.__doc__, call.__signature__
    return macro


def on_post_page_macros(env) -> None:
    """Stop the build at the page's first authoring error, in one line; then append the
    hover glossary in the page's language (``*[TERM]: definition`` lines for Markdown's abbr
    extension; appended after the macros ran, so it is never read as a template)."""
    errors = env.variables.pop("authoring_errors", None)
    if errors:
        raise BuildError(errors[0])
    env.markdown = env.markdown + "\n\n" + env.variables["site"].abbreviations_text()


def _current_page(env):
    try:
        return env.page
    except AttributeError:  # mkdocs-macros before the first page ("Too early")
        return None


def on_pre_page_macros(env) -> None:
    """Tell the site which page renders; check its front matter and risks; add the page
    foot's values (next review, permanent link and QR code, changes) to its metadata."""
    _page_values(env, env.page, getattr(env, "markdown", "") or "")


def _page_values(env, page, markdown: str) -> None:
    """The per-page part of on_pre_page_macros (also run by Zensical from define_env,
    where the page's Markdown is not available, so the risk sentences are not checked)."""
    site = env.variables["site"]
    site.set_page(getattr(getattr(page, "file", None), "src_uri", None)
                  or getattr(page, "path", None) or "",  # Zensical's Page has .path
                  getattr(page, "url", "") or "")
    src = site.languages.source(site.page_src)  # help/urgent.sv.md -> help/urgent.md
    try:
        reviewed, _ = check_front_matter(page.meta, site.guide.references, site.page_name)
    except GuideDataError as err:
        raise BuildError(str(err)) from None
    for key, problem in check_page(markdown, site.guide.params, site.strings):
        raise BuildError(f"{site.page_name}: {key}: {problem}")
    locale = site.strings["locale"]
    page.meta["reviewed"] = reviewed
    page.meta["next_review"] = add_months(reviewed, REVIEW_INTERVAL_MONTHS)
    page.meta["reviewed_text"] = long_date(reviewed, locale)
    page.meta["next_review_text"] = month_year(page.meta["next_review"], locale)
    # The permanent short links (go/...) are the default language's; another language's page
    # gets its own address.
    short = ((site.permalinks.for_page(src) if site.lang == site.languages.default else None)
             or "/" + site.languages.prefix(site.build_lang) + page_url(src).lstrip("/"))
    url = qr.absolute(site.site_url, short)
    t = site.strings["templates"]["clinic"]
    page.meta["permalink"] = url
    page.meta["permalink_text"] = qr.display(url)
    page.meta["permalink_qr"] = qr.svg(url, t["qr_title"].format(url=qr.display(url)))
    # Dates as text in the strings file's locale (Babel): Zensical's templates (MiniJinja)
    # get dates as ISO strings, with no strftime.
    # A day once: the link goes to that day's first entry for this page.
    days = {}
    for c in site.changes:
        if c.covers(src) and c.date not in days:
            days[c.date] = {"date": c.date, "anchor": c.anchor, "date_text": long_date(c.date, locale)}
    page.meta["changes"] = list(days.values())
    env.variables["guide"] = site.guide  # pages read guide.strings: the page's language
    page.meta["theme_values"] = site.theme_values[site.lang]  # what overrides/ reads, in the page's language


def on_post_build(env) -> None:
    """Write a redirect page at every permanent link and every moved address."""
    site = env.variables["site"]
    out_dir = Path(env.conf["site_dir"])
    for rel, html in redirect_pages(site.permalinks, site.guides[site.languages.default].strings).items():
        out = out_dir / rel
        if out.exists() and out.read_text(encoding="utf-8") == html:
            continue  # written by this build's first language
        if out.exists():
            raise BuildError(f"permalinks.yml: /{rel}: a page already exists at this address")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
