"""Questions to ask the surgeon (``data/questions.yml``), by section: the questions page
shows every section (``{{ questions("choices") }}``), the decision aid a few of them, so
both read one list. A translation (``data/questions.sv.yml``) has the same sections, in
the same order, with the same ids (the checkboxes' ids), and only its own words.

Pure module: no MkDocs import. Problems raise :class:`GuideDataError` naming file and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.data import schema
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

QUESTIONS_FILE = "questions.yml"


@dataclass(frozen=True)
class Question:
    id: str
    text: str


def parse_questions(raw: Any, file: str = QUESTIONS_FILE) -> dict[str, tuple[Question, ...]]:
    schema.validate(schema.QuestionsFile, raw, file)
    seen: set[str] = set()
    out = {}
    for section, items in raw["sections"].items():
        parsed = []
        for i, q in enumerate(items):
            if q["id"] in seen:
                raise GuideDataError(file, f"sections.{section}[{i}].id", f"{q['id']!r} is used twice")
            if "<" in q["text"] or "{{" in q["text"]:
                raise GuideDataError(file, f"sections.{section}[{i}].text", "must be plain text")
            seen.add(q["id"])
            parsed.append(Question(q["id"], " ".join(q["text"].split())))
        out[section] = tuple(parsed)
    return out


def load_questions(path: Path) -> dict[str, tuple[Question, ...]]:
    return parse_questions(read_yaml(path), path.name)


def questions_file(data_dir: Path, lang: str, default: str = "en") -> Path:
    """The questions in ``lang``: ``questions.yml`` for the default language, else ``questions.<lang>.yml``."""
    return Path(data_dir) / (QUESTIONS_FILE if lang == default else f"questions.{lang}.yml")


def load_translation(path: Path, base: dict[str, tuple[Question, ...]]) -> dict[str, tuple[Question, ...]]:
    """A translation of ``base``: the same sections in the same order, each with the same ids."""
    translated = load_questions(path)
    if list(translated) != list(base):
        raise GuideDataError(path.name, "sections", f"must be {', '.join(base)} in that order, as in "
                             f"{QUESTIONS_FILE}, not {', '.join(translated)}")
    for section, items in base.items():
        ids, own = [q.id for q in items], [q.id for q in translated[section]]
        if own != ids:
            raise GuideDataError(path.name, f"sections.{section}", f"must have the ids {', '.join(ids)} in that "
                                 f"order, as in {QUESTIONS_FILE}, not {', '.join(own)}")
    return translated
