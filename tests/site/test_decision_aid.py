"""The decision aid as built (treatment/decision-aid.md): both situations' comparisons are
in the page's HTML, each under its own heading, so they work without JavaScript and on
paper; the page sits after the treatment overview and is linked from the home page; a
parameter changed in a copy of the data changes the aid and the pages that use it
together; a bad key in data/decision.yml stops the real build in one line. The Swedish
page and questions page show the Swedish files' words."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from support import ROOT, guide, mkdocs_build
from macros.data.yamlfile import read_config, read_yaml
from macros.model import wording

GUIDE = guide()
PAGE = "treatment/decision-aid/index.html"


def page(site, rel=PAGE) -> BeautifulSoup:
    return BeautifulSoup((site.dir / rel).read_text(encoding="utf-8"), "html.parser")


# Each language's page reads its own language's files: (where it is built, its decision
# data, its strings, its questions).
LANGUAGES = {"en": ("", "decision.yml", "strings.en.yml", "questions.yml"),
             "sv": ("sv/", "decision.sv.yml", "strings.sv.yml", "questions.sv.yml")}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_both_situations_are_in_the_page_without_javascript(site, lang):
    prefix, decision_file, strings_file, _ = LANGUAGES[lang]
    article = page(site, prefix + PAGE).select_one("article")
    raw = read_yaml(ROOT / "data" / decision_file)
    strings = read_yaml(ROOT / "data" / strings_file)
    for sid in ("child", "grown"):
        heading = article.select_one(f"h3#decision-{sid}")
        assert heading is not None and heading.get_text(" ", strip=True).startswith(raw["situations"][sid]["name"])
        table = heading.find_next("table")
        assert table.find_parent(attrs={"data-situation": True})["data-situation"] == sid
        assert [th["data-option"] for th in table.select("thead th")] == raw["situations"][sid]["options"]
        # the size bands and the line about doing nothing are on the page too
        assert table.find_parent(class_="app-decision").find_next_sibling("p").get_text().startswith(
            strings["templates"]["decision"]["if_nothing_line"].split("{")[0])
    assert article.select_one("h3#decision-bands")
    assert len(article.select("table.app-decision__table div.app-icons svg[role=img]")) >= 8
    # the interactive part's root, with its configuration
    root = article.select_one('[data-app-widget="decision"]')
    assert set(json.loads(root["data-app-config"])["options"]) == {"child", "grown"}
    # questions to take to the surgeon, without JavaScript
    assert len(article.select("#decision-questions ~ ul.app-checklist input[type=checkbox]")) >= 5


def test_page_is_after_the_treatment_overview_and_linked_from_home_and_overview(site):
    nav = read_config(ROOT / "mkdocs.yml")["nav"]
    section = next(item["Treatment options"] for item in nav if isinstance(item, dict) and "Treatment options" in item)
    assert section[0] == "treatment/index.md"
    assert section[1] == {"Which option fits me?": "treatment/decision-aid.md"}
    home = page(site, "index.html").select_one("article")
    assert home.select_one('a[href="treatment/decision-aid/"]'), "no task path from the home page"
    overview = page(site, "treatment/index.html").select_one("article")
    assert overview.select_one('a[href="decision-aid/"]')


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_questions_page_shows_every_question_of_the_data_file(site, lang):
    prefix, _, _, questions_file = LANGUAGES[lang]
    questions = read_yaml(ROOT / "data" / questions_file)["sections"]
    built = page(site, prefix + "help/questions/index.html")
    ids = [i["id"] for i in built.select("ul.app-checklist input[type=checkbox]")]
    assert ids == [q["id"] for qs in questions.values() for q in qs]
    for qs in questions.values():
        for q in qs:
            assert built.select_one(f'label[for="{q["id"]}"]').get_text() == q["text"]


def _copy(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    return proj


def test_a_changed_parameter_changes_the_aid_and_the_page_that_uses_it(tmp_path):
    proj = _copy(tmp_path)
    params = proj / "data" / "parameters.yml"
    text = params.read_text(encoding="utf-8")
    old = "      pets_pain:\n        label: Children with short-lived pain after PETS (screws across the growth plate)\n" \
          "        unit: percent\n        value: 18\n"
    assert old in text
    params.write_text(text.replace(old, old.replace("value: 18", "value: 30")), encoding="utf-8")
    mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml")
    p = GUIDE.params["treatment.growth_modulation.pets_pain"]
    new = wording.risk(GUIDE.strings, type(p)(**{**p.__dict__, "low": 30, "typical": 30, "high": 30}), "child")
    old_words = wording.risk(GUIDE.strings, p, "child")
    assert new != old_words

    def words(rel):
        html = BeautifulSoup((tmp_path / "out" / rel).read_text(encoding="utf-8"), "html.parser")
        return html, " ".join(html.select_one("article").get_text(" ").split())
    aid, aid_text = words(PAGE)
    _, prose = words("treatment/growth-modulation/index.html")
    # the page words the risk as everywhere; beside its picture, the aid says the picture's count
    assert new[:1].upper() + new[1:] in prose and old_words[:1].upper() + old_words[1:] not in prose
    assert "30 in 100 children had pain" in aid_text and "18 in 100 children had pain" not in aid_text
    fig = aid.select_one('div.app-icons[data-key="treatment.growth_modulation.pets_pain"]')
    assert len(fig.select(".app-icons__on use")) == 30


def test_a_bad_key_in_the_data_file_stops_the_build_in_one_line(tmp_path):
    proj = _copy(tmp_path)
    data = proj / "data" / "decision.yml"
    text = data.read_text(encoding="utf-8")
    assert "{risk:treatment.growth_modulation.pets_pain:child}" in text
    data.write_text(text.replace("{risk:treatment.growth_modulation.pets_pain:child}",
                                 "{risk:treatment.growth_modulation.pets_pian:child}"), encoding="utf-8")
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in output, output
    lines = [line for line in output.splitlines() if "pets_pian" in line]
    assert len(lines) == 1, output
    assert re.search(r"decision\.yml: options\.child\.slow\.harms\[0\]\.text: "
                     r"treatment\.growth_modulation\.pets_pian: no such parameter$", lines[0]), lines[0]


def test_help_comes_first_and_what_others_chose_comes_late_with_its_context(site):
    article = page(site).select_one("article")
    headings = [h.get("id") for h in article.select("h2")]
    box = article.select_one("div.admonition.warning")
    # the help box comes before the first section, and links the urgent-help page
    assert box is not None and box.find_next("h2")["id"] == headings[0] == "what-this-page-is-for"
    assert box.select_one('a[href$="help/urgent/"]')
    text = " ".join(article.get_text(" ").split())
    chose = text.index("chose lengthening")
    # what one clinic's patients chose: after the comparison, with the clinic, the size and the missing reasons
    assert chose > text.index("Compare the options") and text.count("chose lengthening") == 1
    section = article.select_one("h2#how-other-people-chose").find_next("p").get_text(" ")
    for context in ("surgeon who does lengthening", "one clinic", "children's", "USA", "did not say why"):
        assert context in section, context


def test_the_checklist_has_the_growth_and_help_questions_and_no_leading_question(site):
    article = page(site).select_one("article")
    ids = {i["id"] for i in article.select("#decision-questions ~ ul.app-checklist input[type=checkbox]")}
    assert {"dq-q-growth-1", "dq-q-growth-5", "dq-q-help-2", "dq-q-help-7"} <= ids
    checklist = article.select_one("#decision-questions ~ ul.app-checklist").get_text(" ")
    assert "suggest lengthening" not in checklist and "Why do you suggest this option for me?" in checklist
