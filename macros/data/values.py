"""Read and check ``data/values.yml``: the decision aid's questions on what matters to a
person, their answers, and which options fit each answer better or worse, and why.

The structure is the model :class:`macros.data.schema.ValuesFile`; this module adds the
rules a model cannot say: ids and link codes unique, cited references known, every
``{param:KEY[:which]}`` a real parameter, every option named in a fit used by a situation.
The fit logic and the link's encoding are in :mod:`macros.model.values`.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from macros.data import schema
from macros.data.urgent import PARAM_REF, VALUES
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

VALUES_FILE = "values.yml"
BANDS = ("small", "medium", "large")


@dataclass(frozen=True)
class Fit:
    options: tuple[str, ...]
    fit: str  # "better" or "worse"
    reason: str  # may hold {param:...} placeholders
    page: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    code: str
    text: str
    fits: tuple[Fit, ...]


@dataclass(frozen=True)
class Question:
    id: str
    code: str
    text: str
    hint: str | None
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Values:
    situations: Mapping[str, tuple[str, ...]]
    note_max: int
    questions: tuple[Question, ...]
    bands: Mapping[str, tuple[Fit, ...]]


def _fits(raw: list[Mapping[str, Any]], where: str, used: set[str], references: Mapping[str, Any],
          check: Callable[[str, str | None], object], file: str) -> tuple[Fit, ...]:
    out = []
    for i, f in enumerate(raw):
        at = f"{where}.fits[{i}]" if not where.startswith("bands.") else f"{where}[{i}]"
        for option in f["options"]:
            if option not in used:
                raise GuideDataError(file, f"{at}.options", f"{option!r} is not an option of any situation")
        if len(set(f["options"])) != len(f["options"]):
            raise GuideDataError(file, f"{at}.options", "names an option twice")
        for key in f["sources"]:
            if key not in references:
                raise GuideDataError(file, f"{at}.sources", f"cites unknown reference {key!r}")
        reason = " ".join(f["reason"].split())
        for m in PARAM_REF.finditer(reason):
            if m.group(2) not in (None, *VALUES):
                raise GuideDataError(file, f"{at}.reason", f"{m.group(1)}: {m.group(2)!r} is not one of {', '.join(VALUES)}")
            try:
                check(m.group(1), m.group(2))
            except GuideDataError as err:
                raise GuideDataError(file, f"{at}.reason", f"{err.key}: {err.problem}") from None
        out.append(Fit(tuple(f["options"]), f["fit"], reason, f["page"], tuple(f["sources"])))
    return tuple(out)


def parse_values(raw: Any, references: Mapping[str, Any], check: Callable[[str, str | None], object],
                 file: str = VALUES_FILE) -> Values:
    """Validate ``raw`` (the parsed YAML); ``check(key, which)`` raises for an unknown parameter."""
    schema.validate(schema.ValuesFile, raw, file)
    situations = {k: tuple(v) for k, v in raw["situations"].items()}
    for k, options in situations.items():
        if len(set(options)) != len(options):
            raise GuideDataError(file, f"situations.{k}", "names an option twice")
    used = {o for options in situations.values() for o in options}
    ids: set[str] = set()
    codes: set[str] = set()
    questions = []
    for i, q in enumerate(raw["questions"]):
        if q["id"] in ids:
            raise GuideDataError(file, f"questions[{i}].id", f"{q['id']!r} is used twice")
        if q["code"] in codes:
            raise GuideDataError(file, f"questions[{i}].code", f"{q['code']!r} is used twice")
        ids.add(q["id"])
        codes.add(q["code"])
        answer_codes: set[str] = set()
        answers = []
        for j, a in enumerate(q["answers"]):
            where = f"questions.{q['id']}.answers[{j}]"
            if a["code"] in answer_codes:
                raise GuideDataError(file, f"{where}.code", f"{a['code']!r} is used twice")
            answer_codes.add(a["code"])
            answers.append(Answer(a["code"], " ".join(a["text"].split()),
                                  _fits(a.get("fits") or [], where, used, references, check, file)))
        questions.append(Question(q["id"], q["code"], " ".join(q["text"].split()), q.get("hint"), tuple(answers)))
    bands = {b: _fits(raw["bands"][b], f"bands.{b}", used, references, check, file) for b in BANDS}
    return Values(situations, raw["note_max"], tuple(questions), bands)


def load_values(path: Path, references: Mapping[str, Any], check: Callable[[str, str | None], object]) -> Values:
    return parse_values(read_yaml(path), references, check, path.name)
