"""Everything the macros need for one build, loaded once from the site's configuration.

``load_site(config, project_dir)`` reads and cross-checks the data files (``macros.data``)
for the edition that ``config`` (the parsed mkdocs.yml, as a plain mapping) describes: the
guide's parameters, references, strings, signs and phone numbers; the clinic file of a
clinic edition; the permanent links; the record of changes; the editorial statement.

Languages: every language of the build (``macros.data.languages``, from the i18n plugin's
settings) gets its own strings, warning signs, glossary, phone-number order, decision aid
and questions for the surgeon, loaded once here; parameters and references are one for
all. ``Site.set_page(src, url)`` tells the site which page renders, and so its language
(from the file name: ``help/urgent.sv.md`` is Swedish); ``site.guide``, ``site.strings``,
``site.abbreviations``, ``site.decision`` and ``site.questions`` then give that language's
data, so no macro or render function asks which language it is.

Also the few facts about the current page the macros need: its name for error messages,
and links from it to other pages (relative, so the site works under any base path and
offline).

Pure module: no MkDocs import (the wiring in ``macros/__init__.py`` passes plain values).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from macros.data import changes as changes_data
from macros.data.decision import Decision, load_decision
from macros.data.questions import Question, load_questions
from macros.data import editorial as editorial_data
from macros.data import languages as lang_files
from macros.data.clinic import Clinic, load_clinic
from macros.data.guide import Guide, load_editions, load_guide
from macros.data.languages import Languages
from macros.data.permalinks import Permalinks, load_permalinks
from macros.errors import GuideDataError
from macros.model import growth
from macros.model.timeline import MILESTONES
from macros.model.units import INPUT_UNITS
from macros.render.clinic import template_data, theme_text
from macros.render.environment import long_date
from macros.render.references import reference

ROOT = Path(__file__).resolve().parent.parent
INCLUDES = ROOT / "includes"  # beside macros/, in every edition
ABBREVIATIONS_FILE = INCLUDES / "abbreviations.md"  # the default language's hover glossary


@dataclass
class Site:
    """The loaded data of one edition in each of its languages, and where the page being
    rendered is (and so which language's data the macros use)."""

    guides: Mapping[str, Guide]  # by language: the same parameters, each language's words
    clinic: Clinic
    permalinks: Permalinks
    changes: list
    tracker: str
    default_unit: str
    growth: growth.GrowthModel
    docs_dir: Path
    site_url: str | None
    directory_urls: bool
    contact_email: str = ""
    decisions: Mapping[str, Decision] | None = None  # by language: the decision aid (data/decision.yml)
    question_sets: Mapping[str, dict[str, tuple[Question, ...]]] | None = None  # by language: by section
    site_names: Mapping[str, str] | None = None  # by language: the edition's name, heads a printed plan
    languages: Languages = Languages()
    abbreviation_files: Mapping[str, Path] | None = None  # by language: the hover glossary
    theme_values: Mapping[str, dict] | None = None  # by language: what the theme's templates read
    editorials: Mapping[str, dict] | None = None  # by language: who publishes the edition, in its words
    page_src: str = ""  # the Markdown file being rendered ("help/urgent.md", "help/urgent.sv.md")
    page_url: str = ""  # its address relative to the site root ("help/urgent/", "sv/help/urgent/")
    lang: str = "en"  # the language of the page being rendered (of its file)

    def set_page(self, src: str, url: str) -> None:
        """The page being rendered: its file (whose name gives its language) and address."""
        self.page_src, self.page_url = src or "", url or ""
        self.lang = self.languages.of_page(self.page_src)

    @property
    def guide(self) -> Guide:
        """The data in the current page's language."""
        return self.guides[self.lang]

    @property
    def strings(self) -> Mapping[str, Any]:
        return self.guide.strings

    @property
    def editorial(self) -> dict[str, Any]:
        """Who publishes the edition and who signed it off, in the current page's language."""
        return (self.editorials or {})[self.lang]

    @property
    def site_name(self) -> str:
        """The edition's name in the current page's language (mkdocs.yml site_name, or the
        language's own in the i18n plugin's settings)."""
        names = self.site_names or {}
        return names.get(self.lang) or names.get(self.languages.default, "")

    @property
    def decision(self) -> Decision | None:
        """The decision aid's situations and options in the current page's language."""
        return (self.decisions or {}).get(self.lang)

    @property
    def questions(self) -> dict[str, tuple[Question, ...]] | None:
        """The questions for the surgeon, by section, in the current page's language."""
        return (self.question_sets or {}).get(self.lang)

    @property
    def abbreviations(self) -> Path:
        """The hover glossary (``*[TERM]: definition`` lines) in the current page's language."""
        files = self.abbreviation_files or {}
        return files.get(self.lang, ABBREVIATIONS_FILE)

    def abbreviations_text(self) -> str:
        """The text of the current language's hover glossary (read once per build)."""
        cache = self.__dict__.setdefault("_abbreviation_texts", {})
        if self.lang not in cache:
            cache[self.lang] = self.abbreviations.read_text(encoding="utf-8")
        return cache[self.lang]

    @property
    def build_lang(self) -> str:
        """The language whose tree the current page is built in ("sv" under /sv/): a page not
        yet translated is built there from the default language's file."""
        return self.languages.of_url(self.page_url)

    @property
    def page_name(self) -> str:
        return self.page_src or self.page_url or "page"

    def page_files(self) -> list[str]:
        """The pages, by their default-language files (``help/urgent.md``)."""
        return sorted(p for p in (f.relative_to(self.docs_dir).as_posix() for f in self.docs_dir.rglob("*.md"))
                      if self.languages.source(p) == p)

    def href(self, src: str) -> str:
        """A link from the current page to the page built from ``src`` (``help/questions.md``),
        in the same language's tree (``sv/help/questions/`` from a page under /sv/)."""
        stem = self.languages.prefix(self.build_lang) + src[:-3]
        if self.directory_urls:
            target = "" if stem == "index" else (stem[:-5] if stem.endswith("/index") else stem + "/")
        else:
            target = stem + ".html"
        here = self.page_url
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        rel = posixpath.relpath("/" + target, "/" + base) if target else posixpath.relpath("/", "/" + base)
        if self.directory_urls and target and not rel.endswith("/"):
            rel += "/"
        return rel

    def refs_base(self) -> str:
        """The References page's URL relative to the current page (in the page's language tree)."""
        prefix = self.languages.prefix(self.build_lang)
        if self.directory_urls:
            return "../" * len([p for p in self.page_url.split("/") if p]) + prefix + "references/"
        return "../" * self.page_url.count("/") + prefix + "references.html"


def load_site(config: Mapping[str, Any], project_dir: Path) -> tuple[Site, dict[str, Any]]:
    """The loaded site, and the values the theme's templates read from ``config.extra``
    (the clinic's details, the editorial statement and its sign-offs in words, strings) in
    the default language; ``site.theme_values[lang]`` has them in each language.
    Raises :class:`GuideDataError`."""
    extra = config.get("extra") or {}
    project_dir = Path(project_dir)
    data_dir = project_dir / extra.get("data_dir", "data")
    clinic_file = project_dir / extra["clinic_file"] if extra.get("clinic_file") else None
    clinic = load_clinic(clinic_file)
    guide = load_guide(data_dir, clinic, clinic_file.name if clinic_file else "clinic.yml")
    languages = lang_files.from_config(config)
    if clinic.is_edition:
        editorial = editorial_data.parse_editorial(clinic.editorial, clinic_file.name, "editorial", clinic.name)
        editorials = {lang: editorial for lang in languages.codes}
    else:  # a language may give the statement's words (plugins.i18n.languages[].extra.editorial)
        editorials = {lang: editorial_data.parse_editorial(
            lang_files.merged(extra.get("editorial"), ((languages.extras or {}).get(lang) or {}).get("editorial")),
            "mkdocs.yml", "extra.editorial" if lang == languages.default else f"plugins.i18n.{lang}.extra.editorial",
            (languages.site_names or {}).get(lang) or config["site_name"]) for lang in languages.codes}
        editorial = editorials[languages.default]
    docs_dir = Path(config["docs_dir"])
    if not docs_dir.is_absolute():
        docs_dir = project_dir / docs_dir
    if clinic.language and clinic.language != languages.root:
        raise GuideDataError(clinic_file.name, "clinic.language",
                             f"is {clinic.language!r}, but this build's pages are in {languages.root!r}: build the "
                             f"edition with bash scripts/clinic, which builds the {clinic.language!r} pages at the root")
    guides = load_editions(guide, data_dir, languages)
    pages = [p for p in (f.relative_to(docs_dir).as_posix() for f in docs_dir.rglob("*.md"))
             if languages.source(p) == p]
    permalinks = load_permalinks(data_dir / "permalinks.yml", pages)
    changes = changes_data.load_changes(data_dir, guide.references, pages)
    question_sets, decisions = {}, {}
    for lang in languages.codes:  # each language's words; the default language's until translated
        questions_file = lang_files.existing(lang_files.questions_file(data_dir, lang, languages.default),
                                             lang_files.questions_file(data_dir, languages.default, languages.default))
        decision_file = lang_files.existing(lang_files.decision_file(data_dir, lang, languages.default),
                                            lang_files.decision_file(data_dir, languages.default, languages.default))
        question_sets[lang] = load_questions(questions_file)
        decisions[lang] = load_decision(decision_file, guide.params, guide.references, pages, MILESTONES,
                                        question_sets[lang])
    default_unit = extra.get("default_unit", "cm")  # an edition setting: cm is the common spoken unit
    if default_unit not in INPUT_UNITS:
        raise GuideDataError("mkdocs.yml", "extra.default_unit",
                             f"must be one of {', '.join(INPUT_UNITS)}, not {default_unit!r}")
    abbreviations = {lang: lang_files.existing(lang_files.abbreviations_file(INCLUDES, lang, languages.default),
                                               ABBREVIATIONS_FILE) for lang in languages.codes}
    site = Site(
        guides=guides, clinic=clinic, permalinks=permalinks, changes=changes, editorials=editorials,
        tracker=editorial_data.issue_tracker(config.get("repo_url") or extra.get("repository"), None),
        default_unit=default_unit, growth=growth.model_from_params(guide.params), docs_dir=docs_dir,
        site_url=clinic.site_url or config.get("site_url"), directory_urls=config.get("use_directory_urls", True),
        contact_email=clinic.contact_email or extra.get("contact_email", ""),
        site_names={**(languages.site_names or {}), languages.default: config.get("site_name") or ""},
        languages=languages, abbreviation_files=abbreviations, lang=languages.default,
        decisions=decisions, question_sets=question_sets)
    clinic_data = template_data(clinic)
    site.theme_values = {lang: {"editorial": editorials[lang], "clinic": clinic_data,
                                "strings": g.strings["templates"],
                                "text": theme_text(g.strings["templates"], editorials[lang], clinic_data,
                                                   g.strings["locale"]),
                                "references_html": {k: str(reference(r, g.strings["templates"]["no_date"]))
                                                    for k, r in g.references.items()},
                                "lang": lang, "theme": g.strings["theme"],
                                "files": download_paths(extra, lang, languages.default),  # not "downloads": config.extra gets these keys
                                "book": g.strings["book"], "edition_date": long_date(dt.date.today(), g.strings["locale"])}
                         for lang, g in guides.items()}
    # config.extra (the PDF cover reads it) in the language built at the root: the default
    # one, or the one language of a build made with build_only_locale (the Swedish book)
    return site, site.theme_values[languages.root]


def download_paths(extra: Mapping[str, Any], lang: str, default: str) -> dict[str, str]:
    """Where the PDF book and the offline zip of ``lang`` are published (``extra.downloads``
    in mkdocs.yml: ``pdf`` and ``offline`` for the default language, the same under a
    language's code for another, e.g. ``sv: {pdf: ..., offline: ...}``)."""
    downloads = extra.get("downloads") or {}
    chosen = downloads if lang == default else downloads.get(lang)
    if not isinstance(chosen, Mapping) or not {"pdf", "offline"} <= set(chosen):
        raise GuideDataError("mkdocs.yml", f"extra.downloads{'' if lang == default else '.' + lang}",
                             "needs the paths 'pdf' and 'offline' of this language's book and offline copy")
    return {"pdf": chosen["pdf"], "offline": chosen["offline"]}
