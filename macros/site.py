"""Everything the macros need for one build, loaded once from the site's configuration.

``load_site(config, project_dir)`` reads and cross-checks the data files (``macros.data``)
for the edition that ``config`` (the parsed mkdocs.yml, as a plain mapping) describes: the
guide's parameters, references, strings, signs and phone numbers; the clinic file of a
clinic edition; the permanent links; the record of changes; the editorial statement.

Also the few facts about the current page the macros need: its name for error messages,
and links from it to other pages (relative, so the site works under any base path and
offline).

Pure module: no MkDocs import (the wiring in ``macros/__init__.py`` passes plain values).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from macros.data import changes as changes_data
from macros.data.decision import Decision, load_decision
from macros.data.questions import Question, load_questions
from macros.data import editorial as editorial_data
from macros.data.clinic import Clinic, load_clinic
from macros.data.guide import Guide, load_guide
from macros.data.permalinks import Permalinks, load_permalinks
from macros.errors import GuideDataError
from macros.model import growth
from macros.model.timeline import MILESTONES
from macros.model.units import INPUT_UNITS
from macros.render.clinic import template_data, theme_text
from macros.render.references import reference

ROOT = Path(__file__).resolve().parent.parent
ABBREVIATIONS_FILE = ROOT / "includes" / "abbreviations.md"  # beside macros/, in every edition


@dataclass
class Site:
    """The loaded data of one edition, and where the page being rendered is."""

    guide: Guide
    clinic: Clinic
    permalinks: Permalinks
    changes: list
    editorial: dict[str, Any]
    tracker: str
    default_unit: str
    growth: growth.GrowthModel
    docs_dir: Path
    site_url: str | None
    directory_urls: bool
    contact_email: str = ""
    decision: Decision | None = None  # the decision aid (data/decision.yml)
    questions: dict[str, tuple[Question, ...]] | None = None  # questions for the surgeon, by section
    site_name: str = ""  # the edition's name (mkdocs.yml site_name): heads a printed plan
    page_src: str = ""  # the Markdown file being rendered ("help/urgent.md")
    page_url: str = ""  # its address relative to the site root ("help/urgent/")

    @property
    def strings(self) -> Mapping[str, Any]:
        return self.guide.strings

    @property
    def page_name(self) -> str:
        return self.page_src or self.page_url or "page"

    def page_files(self) -> list[str]:
        return sorted(p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*.md"))

    def href(self, src: str) -> str:
        """A link from the current page to the page built from ``src`` (``help/questions.md``)."""
        stem = src[:-3]
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
        """The References page's URL relative to the current page."""
        if self.directory_urls:
            return "../" * len([p for p in self.page_url.split("/") if p]) + "references/"
        return "../" * self.page_url.count("/") + "references.html"


def load_site(config: Mapping[str, Any], project_dir: Path) -> tuple[Site, dict[str, Any]]:
    """The loaded site, and the values the theme's templates read from ``config.extra``
    (the clinic's details, the editorial statement and its sign-offs in words, strings).
    Raises :class:`GuideDataError`."""
    extra = config.get("extra") or {}
    project_dir = Path(project_dir)
    data_dir = project_dir / extra.get("data_dir", "data")
    clinic_file = project_dir / extra["clinic_file"] if extra.get("clinic_file") else None
    clinic = load_clinic(clinic_file)
    guide = load_guide(data_dir, clinic, clinic_file.name if clinic_file else "clinic.yml")
    if clinic.is_edition:
        editorial = editorial_data.parse_editorial(clinic.editorial, clinic_file.name, "editorial", clinic.name)
    else:
        editorial = editorial_data.parse_editorial(extra.get("editorial"), "mkdocs.yml", "extra.editorial",
                                                   config["site_name"])
    docs_dir = Path(config["docs_dir"])
    if not docs_dir.is_absolute():
        docs_dir = project_dir / docs_dir
    pages = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")]
    permalinks = load_permalinks(data_dir / "permalinks.yml", pages)
    changes = changes_data.load_changes(data_dir, guide.references, pages)
    questions = load_questions(data_dir / "questions.yml")
    decision = load_decision(data_dir / "decision.yml", guide.params, guide.references, pages, MILESTONES,
                             questions)
    default_unit = extra.get("default_unit", "cm")  # an edition setting: cm is the common spoken unit
    if default_unit not in INPUT_UNITS:
        raise GuideDataError("mkdocs.yml", "extra.default_unit",
                             f"must be one of {', '.join(INPUT_UNITS)}, not {default_unit!r}")
    site = Site(
        guide=guide, clinic=clinic, permalinks=permalinks, changes=changes, editorial=editorial,
        tracker=editorial_data.issue_tracker(config.get("repo_url") or extra.get("repository"), None),
        default_unit=default_unit, growth=growth.model_from_params(guide.params), docs_dir=docs_dir,
        site_url=clinic.site_url or config.get("site_url"), directory_urls=config.get("use_directory_urls", True),
        contact_email=clinic.contact_email or extra.get("contact_email", ""), site_name=config.get("site_name") or "",
        decision=decision, questions=questions)
    clinic_data = template_data(clinic)
    theme_values = {"editorial": editorial, "clinic": clinic_data,
                    "strings": guide.strings["templates"],
                    "text": theme_text(guide.strings["templates"], editorial, clinic_data, guide.strings["locale"]),
                    "references_html": {k: str(reference(r)) for k, r in guide.references.items()}}
    return site, theme_values
