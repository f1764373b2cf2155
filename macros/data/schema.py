"""The declared structure of every data file, as pydantic models, and the one adapter that
turns a model's complaint into the guide's one-line :class:`GuideDataError`.

Each file has a model (:data:`FILES` maps the file to it): field names, types, which
fields are required, the fixed lists (units, what a risk counted, how a typical value was
chosen, reference kinds, tiers) and the forms of addresses and phone numbers. Every model
forbids unknown fields. ``scripts/schemas.py`` writes each model's JSON Schema to
``schemas/<name>.schema.json``; every data file names its schema on its first line, so an
editor with a YAML language server completes fields and flags errors while typing.

What a model cannot say stays in Python, in the module that reads the file, after the
model check: rules that compare fields or files (sanity bounds per unit, low <= typical <=
high, cited references exist, pages exist, entries newest first, unique ids).

:func:`validate` checks raw YAML data against a model and raises the first problem as
``GuideDataError(file, "dotted.key[0].field", problem)``, for example
``parameters.yml: lengthening.latency.low: must be a number, got 'a week'``.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Strict,
    StringConstraints,
    Tag,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)

from macros.errors import GuideDataError

# The YAML language server (VS Code's YAML extension) supports JSON Schema draft 7 and
# below; pydantic's output uses nothing newer ("$defs" is reached by a JSON pointer).
JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"

# --- fixed lists -------------------------------------------------------------------------

# Units a parameter may use; data/parameters.yml gives each its sanity bounds (units:) and
# strings.en.yml its names. A new unit goes here first (then: python scripts/schemas.py).
Unit = Literal["mm", "cm", "day", "week", "month", "year", "mm/day", "day/cm", "mm/year", "percent", "ratio",
               "per_day", "births_per_case", "kg", "lb", "count", "celsius", "age_months_and_ratio"]
# How a range's typical value was chosen. Words for readers: strings.en.yml,
# templates.clinic.typical_basis.
TypicalBasis = Literal[
    "pooled_mean",         # the mean of the patients of several series taken together
    "median_of_series",    # the middle one of several series' means
    "mean_of_series",      # the average of several series' means, each series counted once
    "single_series_mean",  # one series' mean (or rate): the only or the most fitting series
    "midpoint",            # halfway between low and high (no better figure)
    "conservative",        # the cautious end, chosen on purpose (the note says why)
    "protocol",            # the value a published protocol, rule or leaflet uses
    "most_sources",        # the value most of the sources give
    "primary_source",      # the figure of the most direct source (the others are secondary)
]
# What a risk figure counted: the unit, the measure, and for events per 100 units the
# event. The words for each live in strings.en.yml (templates.risk).
CountedUnit = Literal["segment", "lengthening", "patient", "child", "operation", "bone"]
CountedMeasure = Literal["share", "per_100"]
CountedEvent = Literal["complication", "case", "fracture"]
ReferenceKind = Literal["article", "review", "book", "chapter", "guideline", "leaflet", "web"]
# How the guide's editors read a source (shown on the clinicians' evidence page only).
ReadLevel = Literal["full_text", "abstract", "leaflet", "web_page"]
TIERS = ("emergency", "same_day", "next_visit")

# --- forms of text, each with the message a mismatch gives --------------------------------

PATTERN_MESSAGES: dict[str, str] = {}


def _form(pattern: str, message: str, **field: Any) -> Any:
    """A text that must match ``pattern``; ``message`` (with ``{input!r}``) says what is wrong."""
    PATTERN_MESSAGES[pattern] = message
    return Annotated[str, StringConstraints(pattern=pattern), Field(**field)]


NAME = _form(r"^[a-z][a-z0-9_]*$", "names use lower-case letters, digits and _, got {input!r}")
REFERENCE_KEY = _form(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$",
                      "a key has lower-case letters, digits and hyphens only, got {input!r}")
PHONE = _form(r"^(?:[0-9]{2,6}|\+?[0-9][0-9 ()-]{4,})$", "is not a phone number: {input!r}",
              description="Digits, as text in quotes: \"999\", \"+44 20 7946 0000\"")
WEB_ADDRESS = _form(r"^https?://[^\s/]+(/[^\s]*)?$", "must be a web address starting with https://, got {input!r}")
URL = _form(r"^https?://\S+$", "must start with https:// or http://, got {input!r}")
EMAIL = _form(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "is not an email address: {input!r}")
SHORT_LINK = _form(r"^/go/[a-z0-9]+(?:-[a-z0-9]+)*/$",
                   "must look like /go/word/ (lower case, digits, hyphens), got {input!r}")
SITE_ADDRESS = _form(r"^/(?:[a-z0-9._-]+/)*$", "must be a site address like /page/, got {input!r}")
PAGE_FILE = _form(r"^[^\s]+\.md$", "must be a Markdown file under docs/ (like about.md), got {input!r}")
LOCALE = _form(r"^[a-z]{2,3}_[A-Z]{2}$", "must name a language and region, like en_GB or sv_SE, got {input!r}")
YEAR = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    StringConstraints(pattern=r"^(?:(?:19|20)\d\d|n\.d\.)$"),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2099}, {"const": "n.d."}],
                    "description": "The year of publication, or n.d. (no date)"}),
]
PATTERN_MESSAGES[r"^(?:(?:19|20)\d\d|n\.d\.)$"] = "must be a year or 'n.d.', got {input!r}"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A number: an integer or a decimal, never true/false, never infinite.
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
WholeNumber = Annotated[int, Strict()]
# A date as YAML writes it (2026-12-01, no quotes).
Date = Annotated[dt.date, Strict()]
SourceList = Annotated[list[REFERENCE_KEY], Field(min_length=1, description="Keys of data/references.yml")]


class Model(BaseModel):
    """Every model of a data file forbids fields it does not declare."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- parameters.yml ------------------------------------------------------------------------

class Bounds(Model):
    """Sanity bounds: every value in this unit lies between min and max."""

    min: Number
    max: Number


class Counted(Model):
    """What a risk figure (in percent) counted."""

    unit: CountedUnit = Field(description="What the study counted")
    measure: CountedMeasure = Field(description="share: units with at least one event; per_100: events per 100 units")
    event: CountedEvent | None = Field(None, description="The event counted (per_100 only)")
    events: Annotated[WholeNumber, Field(ge=0)] | None = Field(None, description="The study's own count of events")
    total: Annotated[WholeNumber, Field(gt=0)] | None = Field(None, description="The study's own count of units")


class _Leaf(Model):
    label: Text = Field(description="What the number is, in words (shown in evidence tables)")
    unit: Unit
    sources: SourceList
    note: str | None = Field(None, description="How the value was chosen, where sources disagree")


class ValueParameter(_Leaf):
    """A single number (for example a threshold)."""

    value: Number
    counted: Counted | None = None


class RangeParameter(_Leaf):
    """A range, for anything that varies between people or studies."""

    low: Number
    typical: Number
    high: Number
    typical_basis: TypicalBasis = Field(description="How the typical value was chosen (the note says why)")
    counted: Counted | None = None


class TableParameter(_Leaf):
    """A small table of numbers (for example a growth table)."""

    columns: Annotated[list[Text], Field(min_length=1)]
    rows: Annotated[list[list[Number]], Field(min_length=1)]


SHAPES = {"@value": ("value",), "@range": ("low", "typical", "high"), "@table": ("columns", "rows")}
TAGS = {"@parameter", "@group", *SHAPES}


def _shape(node: Any) -> str | None:
    found = [tag for tag, fields in SHAPES.items() if any(f in node for f in fields)]
    return found[0] if len(found) == 1 else None


def _node(node: Any) -> str | None:
    if not isinstance(node, Mapping) or not node:
        return None
    return "@parameter" if "unit" in node else "@group"


Parameter = Annotated[
    Annotated[ValueParameter, Tag("@value")] | Annotated[RangeParameter, Tag("@range")] | Annotated[TableParameter, Tag("@table")],
    Discriminator(_shape, custom_error_type="parameter_shape",
                  custom_error_message="needs exactly one of: value; low, typical and high; columns and rows"),
]


class Group(RootModel[Annotated[dict[NAME, "Node"], Field(min_length=1)]]):
    """Parameters and groups of parameters, by name."""

    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


Node = Annotated[
    Annotated[Parameter, Tag("@parameter")] | Annotated[Group, Tag("@group")],
    Discriminator(_node, custom_error_type="parameter_or_group",
                  custom_error_message="must be a parameter (with unit) or a group of parameters"),
]
Group.model_rebuild()


class ParametersFile(Model):
    """data/parameters.yml: every clinical number, with its unit and sources, in groups."""

    units: Annotated[dict[Unit, Bounds], Field(min_length=1)] = Field(
        description="Every unit a parameter may use, with sanity bounds")
    parameters: Group = Field(description="Groups of parameters, addressed by dotted path (lengthening.latency)")


PARAMETER_HINTS = {
    "unit": {"literal_error": "unknown unit {input!r} (one of: {expected}; a new unit goes in "
                              "macros/data/schema.py and units:)"},
    "[key]": {"literal_error": "unknown unit {input!r}: a new unit goes in macros/data/schema.py (Unit) first"},
    "counted.unit": {"literal_error": "{input!r} is not allowed: one of {expected}"},
    "counted.measure": {"literal_error": "{input!r} is not allowed: one of {expected}"},
    "label": {"missing": "is missing (a short description for readers)"},
    "sources": {"missing": "is missing: every number needs a source",
                "too_short": "needs at least one source (a key in references.yml)"},
    "typical_basis": {"missing": "is missing: say how the typical value was chosen ("
                                 + ", ".join(get_args(TypicalBasis)) + ")",
                      "literal_error": "unknown basis {input!r} (one of: {expected})",
                      "extra_forbidden": "belongs to a range (low, typical, high) only"},
    "counted": {"extra_forbidden": "a table cannot be a risk"},
    "rows": {"list_type": "must be a list of rows, each a list of numbers"},
}


# --- references.yml ------------------------------------------------------------------------

class Reference(Model):
    """One work in the bibliography."""

    kind: ReferenceKind
    title: Text
    year: YEAR
    authors: str | None = Field(None, description="Surname initials, comma-separated (or give the publisher)")
    container: str | None = Field(None, description="The journal, book or site")
    volume: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = Field(None, description="PubMed id, in quotes")
    pmcid: str | None = None
    url: URL | None = None
    publisher: str | None = Field(None, description="The organisation behind the work")
    note: str | None = None
    read: ReadLevel | None = Field(None, description="How much of the source the editors read")
    evidence_note: str | None = Field(None, description="Notes for clinicians (evidence page only)")


class Alias(Model):
    """An older key of a work listed under another key."""

    same_as: REFERENCE_KEY


ReferenceEntry = Annotated[
    Annotated[Alias, Tag("@alias")] | Annotated[Reference, Tag("@reference")],
    Discriminator(lambda e: "@alias" if isinstance(e, Mapping) and "same_as" in e else "@reference"),
]
TAGS |= {"@alias", "@reference"}
ReferencesFile = TypeAdapter(Annotated[dict[REFERENCE_KEY, ReferenceEntry], Field(min_length=1)])
REFERENCE_HINTS = {"@alias": {"extra_forbidden": "same_as stands alone (the work is described under its other key)"}}


# --- strings.en.yml ------------------------------------------------------------------------

class UnitNames(Model):
    one: str = Field(description="The unit's name after 1")
    other: str = Field(description="The unit's name after other amounts")


class StringsFile(Model):
    """data/strings.en.yml: every word the templates and scripts show to readers."""

    locale: LOCALE
    units: dict[Unit, UnitNames] = Field(description="Names of units in prose")
    templates: dict[str, Any] = Field(description="Strings used at build time")
    js: dict[str, Any] = Field(description="Strings shipped to the browser")
    book: dict[str, str] = Field(description="The PDF book of this language: cover subtitle, contents title, "
                                             "the note for pages left out (in another language only)")
    theme: dict[Literal["headerlink", "fallback_notice", "fallback_link", "in_default_language", "not_found_title",
                       "not_found_text", "not_found_home"], Text] = Field(
        description="Words the build writes into the theme's markup (overrides/hooks/languages.py)")
    parameter_labels: dict[str, Text] = Field(
        default_factory=dict,
        description="A language edition's own words for what a parameter is (parameter key: label), "
                    "used instead of parameters.yml's English label. Empty: the labels of parameters.yml")


# --- urgent.yml and emergency.yml ----------------------------------------------------------

class Sign(Model):
    """One warning sign."""

    id: NAME
    text: Text = Field(description="What the reader notices; {param:KEY} shows a parameter")
    why: Text = Field(description="Why it matters, in one or two short sentences")
    sources: SourceList


Signs = Annotated[list[Sign], Field(min_length=1)]


class Tiers(Model):
    emergency: Signs = Field(description="Call the emergency number now")
    same_day: Signs = Field(description="Contact the treatment team the same day")
    next_visit: Signs = Field(description="Mention it at the next visit")


class UrgentFile(Model):
    """data/urgent.yml: the warning signs in three tiers, in this order."""

    tiers: Tiers


class Advice(Model):
    name: Text = Field(description="The advice line's name, e.g. NHS 111")
    number: PHONE


class Region(Model):
    region: Text = Field(description="Written to follow 'in': the UK, Sweden")
    emergency: PHONE
    advice: Advice | None = None


Regions = Annotated[list[Region], Field(min_length=1)]


class RegionName(Model):
    region: Text = Field(description="A region of `regions`, by its name there")
    name: Text = Field(description="Its name in this language, written to follow 'in' ('i' in Swedish): Sverige")
    home: bool = Field(default=False, description="The edition's own country (at most one): its pages then give "
                                                  "this region's numbers where they say whom to call")


class EmergencyFile(Model):
    """data/emergency.yml: emergency and advice phone numbers by region."""

    regions: Regions
    languages: dict[Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")],
                    Annotated[list[RegionName], Field(min_length=1)]] | None = Field(
        default=None, description="Each other language edition: every region once, in its order "
                                  "(its own country first), named in its language")


# --- clinic.yml ----------------------------------------------------------------------------

class Phone(Model):
    label: Text
    number: PHONE


LANGUAGE = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


class ClinicSettings(Model):
    name: Text = Field(description="The clinic's name")
    language: LANGUAGE | None = Field(None, description="The language of the edition's pages (en, sv): scripts/clinic "
                                                         "builds that language's pages at the root of the site")
    logo: str | None = Field(None, description="An .svg or .png file beside the clinic file")
    phones: list[Phone] | None = None
    urgent: str | None = Field(None, description="What to do in an emergency; {emergency} shows the number")
    emergency: Regions | None = Field(None, description="Replaces data/emergency.yml")
    site_url: WEB_ADDRESS | None = None
    contact_email: EMAIL | None = None


class Editor(Model):
    role: str | None = None
    contact: str | None = Field(None, description="An email or web address")


class Reviewer(Model):
    name: str | None = Field(None, description="A clinician who really signed the edition off")
    profession: str | None = None
    registration: str | None = None
    date: dt.date | None = Field(None, description="The day of the sign-off (2026-11-20)")


class Editorial(Model):
    publisher: str | None = None
    editor: Editor | None = None
    reviewers: list[Reviewer] | None = None


class ClinicFile(Model):
    """A clinic edition's file: its settings, who stands behind it, and its protocol."""

    clinic: ClinicSettings
    editorial: Editorial | None = None
    overrides: dict[str, Any] | None = Field(
        None, description="Parameter key -> a number, or a mapping of value, low, typical, high, rows, note, sources")


CLINIC_HINTS = {"clinic.name": {"missing": "is missing (the clinic's name)"}}


# --- permalinks.yml ------------------------------------------------------------------------

class PermalinksFile(Model):
    """data/permalinks.yml: the link contract."""

    links: dict[SHORT_LINK, PAGE_FILE] | None = Field(None, description="Permanent short address -> page")
    moved: dict[SITE_ADDRESS, PAGE_FILE] | None = Field(None, description="Old address -> the page now")
    published: list[SITE_ADDRESS] | None = Field(None, description="Every page address ever published")


# --- changes.yml ---------------------------------------------------------------------------

class Change(Model):
    """One entry of the public record of changes."""

    date: Date
    pages: Annotated[list[PAGE_FILE | Literal["all"]], Field(min_length=1)] = Field(
        description="Markdown files under docs/, or [all]")
    what: Text
    why: Text
    sources: SourceList | None = None
    parameters: Text = Field(description="python scripts/changes.py snapshot")


ChangesFile = TypeAdapter(Annotated[list[Change], Field(min_length=1)])
CHANGES_HINTS = {"pages": {"too_short": "needs at least one page (a file under docs/) or all"}}


# --- decision.yml --------------------------------------------------------------------------

SituationId = Literal["child", "grown"]
BandId = Literal["small", "medium", "large"]
OptionId = Literal["none", "lift", "slow", "lengthen", "shorten", "nail", "frame"]
Placeholders = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(
    description="Plain text; {param:KEY[:which]}, {risk:KEY:UNIT} or {duration:MILESTONE} show a number")]


class Situation(Model):
    name: Text = Field(description="The situation in words: A growing child")
    intro: Placeholders
    options: Annotated[list[OptionId], Field(min_length=2)] = Field(description="Option ids, in the order shown")


class DecisionItem(Model):
    """One benefit or harm."""

    text: Placeholders
    figure: str | None = Field(None, description="A risk key in the text: draws it as 100 figures")


Items = Annotated[list[DecisionItem], Field(min_length=1)]


class DecisionOption(Model):
    """One option: the same rows for every option, in this order."""

    name: Text
    page: PAGE_FILE = Field(description="The page that explains the option")
    sources: SourceList
    involves: Placeholders
    operations: Placeholders
    activity: Placeholders
    time_off: Placeholders
    benefits: Items
    harms: Items
    uncertain: Placeholders
    if_nothing: Placeholders | None = Field(None, description="Only for the option none")


class VeryLarge(Model):
    text: Placeholders
    page: PAGE_FILE


class Bands(Model):
    small: Placeholders
    medium: Placeholders
    large: Placeholders


class DecisionOptions(Model):
    child: dict[OptionId, DecisionOption]
    grown: dict[OptionId, DecisionOption]


class Situations(Model):
    child: Situation
    grown: Situation


class DecisionFile(Model):
    """data/decision.yml: the decision aid's situations, size bands and options."""

    situations: Situations
    bands: Bands
    bands_note: Placeholders
    bands_sources: SourceList
    very_large: VeryLarge
    options: DecisionOptions
    checklist: Annotated[list[NAME], Field(min_length=1)] = Field(
        description="Sections of data/questions.yml whose questions the aid lists for the surgeon")


# --- questions.yml -------------------------------------------------------------------------

QUESTION_ID = _form(r"^q-[a-z0-9]+(?:-[a-z0-9]+)*$", "must look like q-choice-1 (lower case, digits, hyphens), got {input!r}")


class Question(Model):
    id: QUESTION_ID = Field(description="The checkbox's id on the questions page")
    text: Text


class QuestionsFile(Model):
    """data/questions.yml: questions to ask the surgeon, by section, in the order shown."""

    sections: Annotated[dict[NAME, Annotated[list[Question], Field(min_length=1)]], Field(min_length=1)]

# --- values.yml (what matters to you, in the decision aid) -----------------------------------

CODE = _form(r"^[a-z0-9]$", "must be one lower-case letter or digit, got {input!r}")


class ValueFit(Model):
    """Options an answer (or a size band) fits better or worse, and why."""

    options: Annotated[list[OptionId], Field(min_length=1, description="Option ids")]
    fit: Literal["better", "worse"]
    reason: Text = Field(description="Why, in plain words; {param:KEY[:which]} shows a parameter")
    page: PAGE_FILE = Field(description="The guide page that explains it (under docs/)")
    sources: SourceList


class ValueAnswer(Model):
    code: CODE = Field(description="One letter or digit; the link writes it (never change it)")
    text: Text = Field(description="The answer as the person says it")
    fits: list[ValueFit] = Field(default_factory=list, description="Empty: the answer changes nothing")


class ValueQuestion(Model):
    id: NAME
    code: CODE = Field(description="One letter or digit; the link writes it (never change it)")
    text: Text
    hint: Text | None = None
    answers: Annotated[list[ValueAnswer], Field(min_length=2)]


class ValueSituations(Model):
    child: Annotated[list[OptionId], Field(min_length=1)]
    grown: Annotated[list[OptionId], Field(min_length=1)]


class ValueBands(Model):
    small: list[ValueFit]
    medium: list[ValueFit]
    large: list[ValueFit]


class ValuesFile(Model):
    """data/values.yml: the decision aid's questions on what matters, and which options fit each answer."""

    situations: ValueSituations
    note_max: Annotated[int, Strict(), Field(ge=20, le=1000, description="Longest note the link carries")]
    questions: Annotated[list[ValueQuestion], Field(min_length=1)]
    bands: ValueBands


# --- the files and their schemas -----------------------------------------------------------

# schema name -> (model, the shipped files it describes, relative to the project)
FILES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "parameters": (ParametersFile, ("data/parameters.yml",)),
    "references": (ReferencesFile, ("data/references.yml",)),
    "strings": (StringsFile, ("data/strings.en.yml", "data/strings.sv.yml")),
    "urgent": (UrgentFile, ("data/urgent.yml", "data/urgent.sv.yml")),
    "emergency": (EmergencyFile, ("data/emergency.yml",)),
    "permalinks": (PermalinksFile, ("data/permalinks.yml",)),
    "changes": (ChangesFile, ("data/changes.yml",)),
    "clinic": (ClinicFile, ("clinic-example/clinic.yml",)),
    "decision": (DecisionFile, ("data/decision.yml", "data/decision.sv.yml")),
    "questions": (QuestionsFile, ("data/questions.yml", "data/questions.sv.yml")),
    "values": (ValuesFile, ("data/values.yml", "data/values.sv.yml")),
}
TITLES = {
    "references": "data/references.yml: the bibliography, by reference key",
    "changes": "data/changes.yml: the public record of changes, newest first",
}


_ADAPTERS: dict[int, TypeAdapter] = {}


def _adapter(model: Any) -> TypeAdapter:
    if isinstance(model, TypeAdapter):
        return model
    if id(model) not in _ADAPTERS:
        _ADAPTERS[id(model)] = TypeAdapter(model)
    return _ADAPTERS[id(model)]


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a data file's model, as ``scripts/schemas.py`` publishes it."""
    model = FILES[name][0]
    schema = _adapter(model).json_schema()
    if name in TITLES:
        schema.setdefault("title", TITLES[name])
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


# --- the adapter: a pydantic error -> one GuideDataError --------------------------------------

def _literal_values(ctx: Mapping[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")


def _problem(err: Mapping[str, Any]) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a mapping"
    if kind == "list_type":
        return "must be a list"
    if kind == "string_type":
        return f"must be text, got {value!r}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, got {value!r}"
    if kind == "finite_number":
        return f"must be a finite number, got {value!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, got {value!r}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return err["msg"].replace("Input should be", "must be") + f", got {value!r}"
    if kind.startswith("date_"):
        return f"must be a date like 2026-12-01, got {value!r}"
    if kind == "literal_error":
        return f"must be one of {_literal_values(ctx)}, got {value!r}"
    if kind == "string_pattern_mismatch":
        return PATTERN_MESSAGES.get(ctx.get("pattern"), "does not have the expected form, got {input!r}").format(
            input=value)
    if kind == "too_short":
        return "must be a non-empty list" if isinstance(value, list) else "must not be empty"
    message = str(err["msg"])
    message = message.removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _key(loc: tuple, prefix: str, section: str) -> tuple[str, list[str]]:
    """The dotted key of an error location, and the names along it (field names, ``[key]``
    for a mapping's key, and the tags of the unions passed, which the key leaves out)."""
    key, names = prefix, []
    if section and loc[:1] == (section,) and len(loc) > 1:
        loc = loc[1:]
    for part in loc:
        if part in TAGS:
            names.append(str(part))
            continue
        if isinstance(part, int):
            key += f"[{part}]"
        elif part == "[key]":
            names.append(part)
        else:
            key = f"{key}.{part}" if key else str(part)
            names.append(str(part))
    return key, names


def _hint(err: Mapping[str, Any], names: list[str], hints: Mapping[str, Mapping[str, str]]) -> str | None:
    fields = [n for n in names if n not in TAGS]
    tags = [n for n in names if n in TAGS]
    for name in (".".join(fields[-2:]) if len(fields) > 1 else None, fields[-1] if fields else None, *tags):
        if name in hints and err["type"] in hints[name]:
            expected = _literal_values(err.get("ctx") or {})
            return hints[name][err["type"]].format(input=err.get("input"), expected=expected)
    return None


def validate(model: Any, raw: Any, file: str, prefix: str = "",
             hints: Mapping[str, Mapping[str, str]] | None = None, section: str = "") -> Any:
    """Check ``raw`` against ``model`` (a model class, type or TypeAdapter); return the
    validated value, or raise the first problem as one :class:`GuideDataError` naming
    ``file`` and the dotted key (after ``prefix``; a key inside ``section`` is named
    without it, as pages name a parameter: ``lengthening.latency``)."""
    try:
        return _adapter(model).validate_python(raw)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        key, names = _key(tuple(err["loc"]), prefix, section)
        problem = _hint(err, names, hints or {}) or _problem(err)
        raise GuideDataError(file, key, problem) from None
