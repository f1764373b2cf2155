"""The decision aid (data/decision.yml, macros/*/decision.py): both situations have the
same rows for every option, every number comes from the parameters through the pages'
wording, each picture of 100 figures shows the same number as its words, and a bad key
in the data file stops the build in one line naming the file and the key."""

from __future__ import annotations

import copy
import json
import re

import pytest
from bs4 import BeautifulSoup

from support import ROOT, guide
from macros.data import decision as decision_data
from macros.data.decision import ROWS, load_decision, parse_decision
from macros.data.questions import load_questions
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError
from macros.model import timeline as timeline_model
from macros.model import wording
from macros.model.decision import FIGURES, icon_array
from macros.model.units import half_up
from macros.page_macros import MACROS, guarded
from macros.render import decision as decision_render
from macros.site import load_site
from macros.data.yamlfile import read_config

GUIDE = guide()
RAW = read_yaml(ROOT / "data" / "decision.yml")
PAGES = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
QUESTIONS = load_questions(ROOT / "data" / "questions.yml")


def parse(raw=RAW, params=None):
    return parse_decision(copy.deepcopy(raw), params or GUIDE.params, GUIDE.references, PAGES,
                          timeline_model.MILESTONES, "decision.yml", QUESTIONS)


def aid_html(params=None, raw=RAW) -> str:
    params = params or GUIDE.params
    checklist = [{"id": q.id, "text": q.text} for q in QUESTIONS["choices"]]
    return decision_render.decision_aid(parse(raw, params), GUIDE.strings, params, lambda src: "../" + src,
                                        lambda keys: "(" + ", ".join(keys) + ")", checklist, [], {})


def with_value(params, key, **values):
    """A copy of ``params`` with one parameter's values changed."""
    old = params.items[key]
    items = dict(params.items)
    items[key] = type(old)(**{**old.__dict__, **values})
    return type(params)(items, params.units)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# ---- the data --------------------------------------------------------------------------

def test_situations_and_options_are_the_agreed_ids():
    decision = parse()
    assert [s.id for s in decision.situations] == ["child", "grown"]
    options = {s.id: [o.id for o in s.options] for s in decision.situations}
    assert options == {"child": ["none", "lift", "slow", "lengthen"], "grown": ["none", "lift", "shorten", "nail", "frame"]}
    assert list(decision.bands) == ["small", "medium", "large"]


def test_every_option_has_every_row_and_both_benefits_and_harms():
    for s in parse().situations:
        for o in s.options:
            assert list(o.rows) == [r for r in ROWS if r not in ("benefits", "harms")], o.id
            assert all(o.rows.values()) and o.benefits and o.harms, o.id
            assert (o.if_nothing is not None) == (o.id == "none"), o.id


def test_rendered_tables_have_the_same_rows_in_the_same_order_for_each_option():
    page = soup(aid_html())
    tables = page.select("table.app-decision__table")
    assert len(tables) == 2
    for table, s in zip(tables, parse().situations):
        assert [tr["data-row"] for tr in table.select("tbody tr")] == list(ROWS)
        for tr in table.select("tbody tr"):
            assert [td["data-option"] for td in tr.select("td")] == [o.id for o in s.options]
            assert all(td.get_text(strip=True) for td in tr.select("td"))


def test_no_number_is_typed_in_the_data_file():
    def texts(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("page", "sources", "figure", "bands_sources", "checklist") and not (
                        k == "options" and isinstance(v, list)):
                    yield from texts(v)
        elif isinstance(node, list):
            for v in node:
                yield from texts(v)
        elif isinstance(node, str):
            yield node
    found = [t for t in texts(RAW) if re.search(r"\d", decision_data.PLACEHOLDER.sub("", t))]
    assert not found, found
    assert sum(len(decision_data.PLACEHOLDER.findall(t)) for t in texts(RAW)) > 20


# ---- numbers come from the parameters ------------------------------------------------

def test_every_placeholder_is_worded_as_the_pages_word_it():
    html = aid_html()
    text = " ".join(soup(html).get_text(" ").split())
    raw = json.dumps(RAW)
    drawn = set(re.findall(r'"figure": "([\w.]+)"', raw))
    for kind, key, arg in set(decision_data.PLACEHOLDER.findall(raw)):
        if kind == "risk" and key in drawn:
            # beside its picture, a risk is said as the picture counts it: "18 in 100 children"
            p = GUIDE.params[key]
            words = f"{icon_array(p).filled} in {FIGURES} {GUIDE.strings['templates']['risk']['units'][p.counted.unit]}"
        elif kind == "risk":
            words = wording.risk(GUIDE.strings, GUIDE.params[key], arg)
        elif kind == "param":
            words = wording.param(GUIDE.strings, GUIDE.params[key], arg or "range")
        else:
            words = wording.span(GUIDE.strings, *timeline_model.typical_duration(GUIDE.params, key, arg or None),
                                 "month")
        assert words in text or words[:1].upper() + words[1:] in text, (kind, key, words)


def test_a_changed_risk_changes_the_words_and_the_picture_as_on_the_pages():
    key = "treatment.growth_modulation.pets_pain"
    changed = with_value(GUIDE.params, key, low=30, typical=30, high=30)
    before, after = aid_html(), aid_html(changed)
    new_words = wording.risk(GUIDE.strings, changed[key], "child")
    old_words = wording.risk(GUIDE.strings, GUIDE.params[key], "child")
    assert new_words != old_words
    # drawn, the words say the picture's count ("30 in 100 children"), not "about 3 in 10"
    assert "30 in 100 children had pain" in after and "18 in 100 children had pain" in before
    assert "18 in 100 children had pain" not in after
    # the pages' own macro words the changed parameter from the same value
    site = _site(changed)
    assert guarded(site, "risk", MACROS["risk"])(key, per="child") == new_words
    fig = soup(after).select_one(f'div.app-icons[data-key="{key}"]')
    assert len(fig.select(".app-icons__on use")) == 30 and fig["data-filled"] == "30"


def test_a_changed_lengthening_parameter_changes_the_aid_and_the_planner_together():
    key = "lengthening.return_to_sport"
    old = GUIDE.params[key]
    changed = with_value(GUIDE.params, key, low=old.low + 3, typical=old.typical + 3, high=old.high + 3)
    before = timeline_model.typical_duration(GUIDE.params, "return_to_sport")
    after = timeline_model.typical_duration(changed, "return_to_sport")
    assert before != after
    new_span = wording.span(GUIDE.strings, *after, "month")
    old_span = wording.span(GUIDE.strings, *before, "month")
    assert new_span in aid_html(changed) and old_span not in aid_html(changed)
    assert old_span in aid_html()


def _site(params):
    config = read_config(ROOT / "mkdocs.yml")
    site, _ = load_site({**config, "docs_dir": str(ROOT / "docs")}, ROOT)
    site.set_page("treatment/decision-aid.md", "treatment/decision-aid/")
    site.guides = {**site.guides, site.lang: type(site.guide)(**{**site.guide.__dict__, "params": params})}
    return site


# ---- the pictures ----------------------------------------------------------------------

def figures(html):
    return soup(html).select("div.app-icons")


def test_each_picture_shades_the_rounded_typical_value_and_says_so_in_words():
    found = figures(aid_html())
    assert len(found) >= 8
    units = GUIDE.strings["templates"]["risk"]["units"]
    for fig in found:
        p = GUIDE.params[fig["data-key"]]
        expected = half_up(p.typical)
        shaded = fig.select(".app-icons__on use")
        empty = fig.select(".app-icons__off use")
        assert len(shaded) == expected, fig["data-key"]
        assert len(shaded) + len(empty) == FIGURES
        svg = fig.select_one("svg")
        assert svg["role"] == "img"
        # colours come from the style sheet (light, dark, print), never fixed in the drawing
        assert not [el for el in [svg, *svg.find_all(True)] if {"fill", "stroke", "style", "color"} & set(el.attrs)]
        label = svg["aria-label"]
        assert svg.select_one("title").get_text() == label
        assert f": {expected} are shaded" in label and f"{FIGURES} {units[p.counted.unit]}" in label
        drawn = f"{expected} in {FIGURES} {units[p.counted.unit]}"
        assert f"In words: {drawn}" in label
        assert fig.select_one(".app-icons__caption").get_text() == drawn
        # the words beside the picture say the same count as the picture, not a rounder "about 1 in 6"
        item = " ".join(fig.find_parent("li").get_text(" ").split())
        assert drawn in item.split(". A picture of")[0] and wording.risk(GUIDE.strings, p, p.counted.unit) not in item


def test_pictures_are_drawn_only_for_harms_and_never_for_one_lengthening_method():
    """A picture under Benefits would show a weak benefit as sure (or a failure as a success);
    nail and frame are compared in words only, since their studies counted different things."""
    data = load_decision(ROOT / "data" / "decision.yml", GUIDE.params, GUIDE.references, PAGES,
                         timeline_model.MILESTONES, QUESTIONS)
    for s in data.situations:
        for o in s.options:
            assert not [i for i in o.benefits if i.figure], (s.id, o.id)
            if o.id in ("nail", "frame"):
                assert not [i for i in o.harms if i.figure], (s.id, o.id)
    drawn = {f["data-key"] for f in figures(aid_html())}
    assert "treatment.shoe_lift.pain_relief" not in drawn
    assert not drawn & {"complications.pin_infection_frame", "complications.nerve_injury",
                        "complications.frame_child_any"}


def test_picture_count_rounds_halves_up():
    p = GUIDE.params["complications.pin_infection_frame"]  # 96.6
    assert icon_array(p).filled == 97
    half = with_value(GUIDE.params, "complications.nerve_injury", low=4.5, typical=4.5, high=4.5)
    assert icon_array(half["complications.nerve_injury"]).filled == 5
    assert [c for c in icon_array(p).cells() if c[2]][-1] == (6, 9, True)


def test_events_per_100_are_not_drawn_as_people():
    html = aid_html()
    drawn = {f["data-key"] for f in figures(html)}
    assert "complications.nail_any" not in drawn
    assert GUIDE.strings["templates"]["decision"]["no_figure"] in html
    with pytest.raises(GuideDataError):
        icon_array(GUIDE.params["complications.nail_any"])


def test_shared_picture_ids_are_unique_on_the_page():
    ids = [g["id"] for g in soup(aid_html()).select("svg defs g[id]")]
    assert len(ids) == len(set(ids)) == len(figures(aid_html()))


# ---- the widget root -------------------------------------------------------------------

def test_widget_root_carries_the_whole_configuration():
    root = soup(aid_html()).select_one('[data-app-widget="decision"]')
    config = json.loads(root["data-app-config"])
    assert set(config) >= {"situations", "bands", "options", "values", "checklist", "strings"}
    assert config["values"] == []
    assert set(config["bands"]) == {"small", "medium", "large"}
    assert config["situations"]["grown"]["options"] == ["none", "lift", "shorten", "nail", "frame"]
    nail = config["options"]["grown"]["nail"]
    assert set(nail) == {"name", "href", "rows", "benefits", "harms"}
    assert set(config["options"]["child"]["none"]["rows"]) == {"involves", "operations", "activity", "time_off",
                                                               "uncertain", "if_nothing"}
    assert config["checklist"][0] == {"id": QUESTIONS["choices"][0].id, "text": QUESTIONS["choices"][0].text}
    pain = config["options"]["child"]["slow"]["harms"][0]["figure"]
    assert pain["filled"] == half_up(GUIDE.params["treatment.growth_modulation.pets_pain"].typical)


# ---- authoring errors ------------------------------------------------------------------

def _broken(path, value):
    raw = copy.deepcopy(RAW)
    node = raw
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return raw


BAD = [
    (("options", "child", "slow", "harms", 0, "text"), "{risk:treatment.growth_modulation.pets_pian:child} had pain.",
     "decision.yml: options.child.slow.harms[0].text: treatment.growth_modulation.pets_pian: no such parameter"),
    (("options", "grown", "nail", "harms", 0, "text"), "{risk:complications.nail_any:patient} found.",
     "decision.yml: options.grown.nail.harms[0].text: complications.nail_any: the figure counts segment, not patient"),
    (("options", "grown", "nail", "activity"), "{param:complications.nail_any}",
     "decision.yml: options.grown.nail.activity: complications.nail_any: is a risk"),
    (("options", "grown", "lift", "time_off"), "About 2 weeks.",
     "decision.yml: options.grown.lift.time_off: has a typed number"),
    (("options", "grown", "nail", "harms", 0, "figure"), "complications.nail_any",
     "decision.yml: options.grown.nail.harms[0].figure: complications.nail_any: counts events per 100"),
    (("options", "grown", "lift", "involfes"), "x",
     "decision.yml: options.grown.lift.involfes: is not a known field"),
    (("options", "child", "lengthen", "activity"), "About {duration:sport}.",
     "decision.yml: options.child.lengthen.activity: sport: is not a milestone"),
    (("options", "grown", "frame", "operations"), "{duration:removal:plate}",
     "decision.yml: options.grown.frame.operations: removal: 'plate' is not a method"),
    (("bands", "small"), "Small: under {param:thresholds.small_difference:middle}.",
     "decision.yml: bands.small: thresholds.small_difference: 'middle' is not one of low, typical, high"),
    (("options", "grown", "shorten", "sources"), ["hasler2000", "nobody1999"],
     "decision.yml: options.grown.shorten.sources: cites unknown reference 'nobody1999'"),
    (("checklist",), ["choices", "wishes"], "decision.yml: checklist[1]: 'wishes' is not a section"),
]


@pytest.mark.parametrize("path,value,expected", BAD, ids=[e.split(": ")[1] for _, _, e in BAD])
def test_a_bad_key_is_one_line_naming_file_and_key(path, value, expected):
    with pytest.raises(GuideDataError) as err:
        parse(_broken(path, value))
    message = str(err.value)
    assert "\n" not in message and message.startswith(expected), message


def test_the_shipped_file_loads_as_the_build_loads_it():
    decision = load_decision(ROOT / "data" / "decision.yml", GUIDE.params, GUIDE.references, PAGES,
                             timeline_model.MILESTONES, QUESTIONS)
    assert decision.checklist and all(name in QUESTIONS for name in decision.checklist)


# ---- the questions: one source for the questions page and the aid ------------------------

@pytest.mark.parametrize("page", ["questions.md", "questions.sv.md"])
def test_questions_page_reads_the_questions_file(page):
    text = (ROOT / "docs" / "help" / page).read_text(encoding="utf-8")
    assert "<input" not in text, "a question typed into the page instead of data/questions.yml"
    assert re.findall(r'questions\("(\w+)"\)', text) == list(QUESTIONS)
