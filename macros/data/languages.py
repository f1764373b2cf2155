"""The guide's language editions: which languages a build has, which language a page is in,
and which data files hold each language's words.

One configuration says which languages exist: the ``i18n`` plugin's ``languages`` in
mkdocs.yml (mkdocs-static-i18n, ``docs_structure: suffix``); the first language with
``default: true`` is built at ``/``, each other at ``/<lang>/``. A page's language is in its
file name: ``help/urgent.sv.md`` is Swedish, ``help/urgent.md`` is in the default language.

Each language has its own copy of the words, and only of the words (numbers and sources are
ONE file for every language: data/parameters.yml, data/references.yml):

==================  =========================  ============================
                    default language (en)      another language (sv)
==================  =========================  ============================
strings             data/strings.en.yml        data/strings.sv.yml
warning signs       data/urgent.yml            data/urgent.sv.yml
decision aid        data/decision.yml          data/decision.sv.yml
surgeon's questions data/questions.yml         data/questions.sv.yml
what matters to you data/values.yml            data/values.sv.yml
hover glossary      includes/abbreviations.md  includes/abbreviations.sv.md
phone numbers       data/emergency.yml ``regions``, ordered and named by its ``languages.sv``
==================  =========================  ============================

Pure module: no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from macros.errors import GuideDataError

DEFAULT = "en"
PAGE_SUFFIX = re.compile(r"\.(?P<lang>[a-z]{2})\.md$")
# Pages that stay in the default language only: the clinicians' section and What changed.
# Every other page has a translation in every language (tests/unit/test_languages.py); a
# translated page that links to one of these says so ("(på engelska)").
DEFAULT_ONLY = ("clinicians/", "changes.md")


def default_only(src: str) -> bool:
    """``clinicians/linking.md`` and ``changes.md`` are not translated."""
    return any(src == p or p.endswith("/") and src.startswith(p) for p in DEFAULT_ONLY)


@dataclass(frozen=True)
class Languages:
    """The languages of a build: ``codes`` has the default language (the language of a file
    without a suffix) first, then the others in configuration order. ``root`` is the language
    built at the site root: the default one, or the one language of a build made with the
    plugin's ``build_only_locale``; every other built language is under ``/<lang>/``."""

    codes: tuple[str, ...] = (DEFAULT,)
    names: Mapping[str, str] | None = None  # the switcher's names: English, Svenska
    only: str | None = None
    site_names: Mapping[str, str] | None = None  # a language's own site_name, if it has one
    extras: Mapping[str, Mapping[str, Any]] | None = None  # a language's own ``extra`` settings

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def root(self) -> str:
        return self.only or self.default

    @property
    def built(self) -> tuple[str, ...]:
        return (self.only,) if self.only else self.codes

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    def of_page(self, src: str) -> str:
        """The language of the page built from ``src``: ``help/urgent.sv.md`` -> ``sv``;
        a file without a known language suffix is in the default language."""
        m = PAGE_SUFFIX.search(src or "")
        return m.group("lang") if m and m.group("lang") in self.codes else self.default

    def of_url(self, url: str) -> str:
        """The language whose tree the address ``sv/help/urgent/`` is in (its first segment)."""
        first = (url or "").lstrip("/").split("/", 1)[0]
        return first if first in self.built and first != self.root else self.root

    def prefix(self, lang: str) -> str:
        """Where a language's pages are built, relative to the site root: "" or "sv/"."""
        return "" if lang == self.root else f"{lang}/"

    def source(self, src: str) -> str:
        """The page's language-neutral name: ``help/urgent.sv.md`` -> ``help/urgent.md`` (any
        two-letter suffix: a build of one language still knows a translation's file)."""
        m = PAGE_SUFFIX.search(src or "")
        return src[:m.start()] + ".md" if m else src


def _plugin_config(plugins: Any) -> Mapping[str, Any] | None:
    """The i18n plugin's settings from MkDocs' parsed plugins or from mkdocs.yml as plain data."""
    if plugins is None:
        return None
    try:  # MkDocs: a PluginCollection of plugin objects
        plugin = plugins["i18n"]
        return plugin.config
    except (KeyError, TypeError, AttributeError):
        pass
    if isinstance(plugins, list):  # plain YAML: ["search", {"i18n": {...}}, ...]
        for entry in plugins:
            if isinstance(entry, Mapping) and "i18n" in entry:
                return entry["i18n"] or {}
    return None


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def from_config(config: Mapping[str, Any]) -> Languages:
    """The languages the configuration builds (only the default one without the i18n plugin)."""
    settings = _plugin_config(config.get("plugins"))
    if not settings:
        return Languages()
    entries = _get(settings, "languages") or []
    only = _get(settings, "build_only_locale")
    default, others, names, site_names, extras = None, [], {}, {}, {}
    # With build_only_locale, the plugin rewrites its languages when MkDocs reads the config:
    # the language built is marked default and the others build: false. The site's default
    # language is then the one whose link is "/", and the others are still its languages.
    rewritten = bool(only) and any(_get(entry, "link") == "/" for entry in entries)
    for entry in entries:
        code = _get(entry, "locale")
        if code == "null" or (_get(entry, "build", True) is False and not rewritten):
            continue
        if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2}", code):
            raise GuideDataError("mkdocs.yml", "plugins.i18n.languages",
                                 f"a language is a two-letter code (en, sv), got {code!r}")
        names[code] = _get(entry, "name") or code
        if _get(entry, "site_name"):
            site_names[code] = _get(entry, "site_name")
        if _get(entry, "extra"):
            extras[code] = _get(entry, "extra")
        if (_get(entry, "link") == "/" if rewritten else _get(entry, "default", False)) and default is None:
            default = code
        else:
            others.append(code)
    if default is None:
        raise GuideDataError("mkdocs.yml", "plugins.i18n.languages", "no language has default: true")
    if only and only not in names:
        raise GuideDataError("mkdocs.yml", "plugins.i18n.build_only_locale", f"{only!r} is not one of the languages")
    # build_only_locale: the plugin builds that language alone, at the root
    return Languages((default, *others), names, only or None, site_names, extras)


def merged(base: Any, override: Any) -> Any:
    """``base`` with ``override``'s values, mappings merged key by key (a language's
    ``extra.editorial`` gives its words; who signed off stays the edition's)."""
    if isinstance(base, Mapping) and isinstance(override, Mapping):
        return {**base, **{k: merged(base.get(k), v) for k, v in override.items()}}
    return base if override is None else override


# ---- each language's files --------------------------------------------------------------

def strings_file(data_dir: Path, lang: str) -> Path:
    return Path(data_dir) / f"strings.{lang}.yml"


def urgent_file(data_dir: Path, lang: str, default: str = DEFAULT) -> Path:
    return Path(data_dir) / ("urgent.yml" if lang == default else f"urgent.{lang}.yml")


def abbreviations_file(includes_dir: Path, lang: str, default: str = DEFAULT) -> Path:
    return Path(includes_dir) / ("abbreviations.md" if lang == default else f"abbreviations.{lang}.md")


def decision_file(data_dir: Path, lang: str, default: str = DEFAULT) -> Path:
    return Path(data_dir) / ("decision.yml" if lang == default else f"decision.{lang}.yml")


def questions_file(data_dir: Path, lang: str, default: str = DEFAULT) -> Path:
    return Path(data_dir) / ("questions.yml" if lang == default else f"questions.{lang}.yml")


def values_file(data_dir: Path, lang: str, default: str = DEFAULT) -> Path:
    return Path(data_dir) / ("values.yml" if lang == default else f"values.{lang}.yml")


def edition_files(data_dir: Path, includes_dir: Path, lang: str, default: str = DEFAULT) -> dict[str, Path]:
    """The files that hold one language's words, by kind."""
    return {"strings": strings_file(data_dir, lang), "urgent": urgent_file(data_dir, lang, default),
            "abbreviations": abbreviations_file(includes_dir, lang, default),
            "decision": decision_file(data_dir, lang, default), "questions": questions_file(data_dir, lang, default),
            "values": values_file(data_dir, lang, default)}


def existing(path: Path, fallback: Path) -> Path:
    """``path`` if it exists, else the default language's ``fallback``: a language that is
    being translated builds with the default language's words until its file is in place
    (tests/unit/test_languages.py fails until then)."""
    return path if Path(path).exists() else fallback
