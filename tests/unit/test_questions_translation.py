"""The questions for the surgeon in another language (data/questions.<lang>.yml): the same
sections in the same order with the same ids (the checkboxes' ids) as data/questions.yml,
only the words translated; a page in that language shows them, and a translation that
drops, adds or reorders a question stops the build in one line naming the file and key."""

from __future__ import annotations

import pytest

from support import ROOT
from macros.data.questions import QUESTIONS_FILE, load_questions, load_translation, questions_file
from macros.errors import GuideDataError
from macros.page_macros import questions
from macros.site import load_site
from macros.data.yamlfile import read_config

DATA = ROOT / "data"
ENGLISH = load_questions(DATA / QUESTIONS_FILE)


def test_the_swedish_questions_keep_every_section_and_id():
    swedish = load_translation(questions_file(DATA, "sv"), ENGLISH)
    assert list(swedish) == list(ENGLISH)
    for section, items in ENGLISH.items():
        assert [q.id for q in swedish[section]] == [q.id for q in items], section
        changed = [q.id for q, en in zip(swedish[section], items) if q.text == en.text]
        assert not changed, f"{section}: not translated: {changed}"


def _write(tmp_path, sections: dict[str, list[tuple[str, str]]]):
    lines = ["sections:"]
    for section, items in sections.items():
        lines.append(f"  {section}:")
        lines += [f"    - id: {qid}\n      text: \"{text}\"" for qid, text in items]
    path = tmp_path / "questions.sv.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _as_written(drop=None, swap=False, extra=None):
    sections = {s: [(q.id, "Fråga?") for q in items] for s, items in ENGLISH.items()}
    if drop:
        sections[drop] = sections[drop][1:]
    if swap:
        first, second = list(sections)[:2]
        sections = {second: sections[second], first: sections[first],
                    **{k: v for k, v in sections.items() if k not in (first, second)}}
    if extra:
        sections[extra] = [("q-extra-1", "Fråga?")]
    return sections


@pytest.mark.parametrize("change,key", [
    ({"drop": "risks"}, "sections.risks"),
    ({"swap": True}, "sections"),
    ({"extra": "more"}, "sections"),
])
def test_a_translation_that_differs_in_its_questions_is_named(tmp_path, change, key):
    path = _write(tmp_path, _as_written(**change))
    with pytest.raises(GuideDataError) as err:
        load_translation(path, ENGLISH)
    assert err.value.file == "questions.sv.yml" and err.value.key == key, str(err.value)


def test_a_page_shows_the_questions_in_its_language():
    site, _ = load_site({**read_config(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs")}, ROOT)
    swedish = load_translation(questions_file(DATA, "sv"), ENGLISH)
    site.set_page("help/questions.sv.md", "sv/help/questions/")
    html = questions(site, "choices")
    assert all(f'id="{q.id}"' in html for q in swedish["choices"])
    assert swedish["choices"][0].text in html and ENGLISH["choices"][0].text not in html
    site.set_page("help/questions.md", "help/questions/")
    assert ENGLISH["choices"][0].text in questions(site, "choices")
