"""Questions to ask the surgeon (``data/questions.yml``), by section: the questions page
shows every section (``{{ questions("choices") }}``), the decision aid a few of them, so
both read one list.

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
