"""Load all of the guide's data at once: bibliography, parameters and strings.

``load_guide(data_dir)`` is the single entry point that the MkDocs wiring, the tests and
the scripts use, so they all see the same validated model.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from macros.data.references import Reference, load_bibliography
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError
from macros.data.clinic import Clinic, apply_overrides, overridden_keys
from macros.data.parameters import Parameters, parse_parameters
from macros.data import languages as lang_files
from macros.data.languages import Languages
from macros.data.questions import QUESTIONS_FILE, Question, load_questions, load_translation, questions_file
from macros.data.strings import load_strings
from macros.data.urgent import EMERGENCY_FILE, URGENT_FILE, Region, Sign, load_regions, load_signs
from macros.data.values import VALUES_FILE, Values, load_values

REFERENCES_FILE = "references.yml"
PARAMETERS_FILE = "parameters.yml"
STRINGS_FILE = "strings.en.yml"


@dataclass(frozen=True)
class Guide:
    """The validated data behind every page."""

    references: Mapping[str, Reference]
    params: Parameters
    strings: Mapping[str, Any]
    clinic: Clinic = Clinic()
    overridden: frozenset = frozenset()
    signs: Mapping[str, tuple[Sign, ...]] = field(default_factory=dict)  # warning signs by tier
    regions: tuple[Region, ...] = ()  # emergency and advice numbers of this edition
    values: Values | None = None  # the decision aid's questions on what matters (values.yml)
    # questions for the surgeon in a translation's words (None: the default language's, Site.questions)
    questions: Mapping[str, tuple[Question, ...]] | None = None


def load_guide(data_dir: Path, clinic: Clinic | None = None, clinic_file: str = "clinic.yml") -> Guide:
    """Load and cross-check the data files in ``data_dir``.

    ``clinic`` (from :func:`macros.data.clinic.load_clinic`) makes a clinic edition: its
    overrides are merged into the parameters before validation, and an override that
    breaks a rule is reported against ``clinic_file`` and ``overrides.<key>``.

    Raises :class:`macros.errors.GuideDataError` with a one-line message naming the file
    and key at fault.
    """
    data_dir = Path(data_dir)
    references = load_bibliography(data_dir / REFERENCES_FILE)
    raw = read_yaml(data_dir / PARAMETERS_FILE)
    params = parse_parameters(raw, references, PARAMETERS_FILE)
    clinic = clinic or Clinic()
    overridden = overridden_keys(raw, clinic.overrides, clinic_file)
    if overridden:
        merged = apply_overrides(raw, clinic.overrides, clinic_file)
        try:
            params = parse_parameters(merged, references, PARAMETERS_FILE)
        except GuideDataError as err:  # the shipped file passed, so the clinic's change is at fault
            raise GuideDataError(clinic_file, f"overrides.{err.key}", err.problem) from None
    strings = load_strings(data_dir / STRINGS_FILE, params.units, params.items)
    signs = load_signs(data_dir / URGENT_FILE, references, lambda key, which: params[key])
    regions = clinic.emergency or load_regions(data_dir / EMERGENCY_FILE)
    values = load_values(data_dir / VALUES_FILE, references, lambda key, which: params[key])
    return Guide(references, params, strings, clinic, overridden, signs, regions, values=values)


def load_editions(base: Guide, data_dir: Path, languages: Languages) -> dict[str, Guide]:
    """One :class:`Guide` per language: ``base`` (the default language, from
    :func:`load_guide`) and, for each other language, the same parameters, references and
    clinic with that language's strings, warning signs, phone-number list and the decision
    aid's questions on what matters (:mod:`macros.data.languages` names the files). Each
    file is read once per build."""
    data_dir = Path(data_dir)
    editions = {languages.default: base}
    for lang in languages.others:
        strings_file = lang_files.existing(lang_files.strings_file(data_dir, lang), data_dir / STRINGS_FILE)
        urgent_file = lang_files.existing(lang_files.urgent_file(data_dir, lang, languages.default),
                                          data_dir / URGENT_FILE)
        values_file = lang_files.existing(lang_files.values_file(data_dir, lang, languages.default),
                                          data_dir / VALUES_FILE)
        strings = load_strings(strings_file, base.params.units, base.params.items)
        signs = load_signs(urgent_file, base.references, lambda key, which: base.params[key])
        values = load_values(values_file, base.references, lambda key, which: base.params[key])
        regions = base.clinic.emergency or load_regions(data_dir / EMERGENCY_FILE, lang)
        own_questions = questions_file(data_dir, lang, languages.default)
        questions = None
        if own_questions.exists():
            questions = load_translation(own_questions, load_questions(data_dir / QUESTIONS_FILE))
        editions[lang] = replace(base, strings=strings, signs=signs, regions=regions, questions=questions,
                                 values=values)
    return editions
