"""The decision aid's questions on what matters (data/values.yml): plain words, sourced
reasons with no typed numbers, real pages, and one-line errors for bad data; the fit groups
never rank; the size band of a difference."""

from __future__ import annotations

import copy
import re

import pytest
import textstat

from support import ROOT, guide as load_guide
from macros.checks.readability import MAX_GRADE
from macros.data.values import parse_values
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError
from macros.model import values as model

RAW = read_yaml(ROOT / "data" / "values.yml")


def _parse(raw):
    g = load_guide()
    return parse_values(raw, g.references, lambda key, which: g.params[key])


def _reasons(raw):
    for q in raw["questions"]:
        for a in q["answers"]:
            yield from a.get("fits") or []
    for fits in raw["bands"].values():
        yield from fits


def test_the_shipped_file_loads_with_every_question_of_the_aid():
    values = load_guide().values
    assert [q.id for q in values.questions] == ["surgery", "equal", "time", "height", "sport", "looks", "scars", "life"]
    assert values.situations == {"child": ("none", "lift", "slow", "lengthen"),
                                 "grown": ("none", "lift", "shorten", "nail", "frame")}


def test_reasons_type_no_number_and_link_a_real_page():
    for f in _reasons(RAW):
        text = re.sub(r"\{param:[^}]+\}", "", f["reason"])
        assert not re.search(r"\d", text), f["reason"]
        assert (ROOT / "docs" / f["page"]).is_file(), f["page"]


def test_every_option_of_both_situations_has_reasons_for_and_against():
    seen = {(o, f["fit"]) for f in _reasons(RAW) for o in f["options"]}
    for options in RAW["situations"].values():
        for o in options:
            if o != "none":
                assert (o, "worse") in seen, o
            assert (o, "better") in seen, o


def test_words_are_plain():
    g = load_guide()
    values_config = model.plain_config(g.values, lambda t: t, lambda p: p, lambda k: {"label": k, "href": k})
    texts = [q["text"] for q in values_config["questions"]]
    texts += [a["text"] for q in values_config["questions"] for a in q["answers"]]
    texts += [f["reason"] for f in _reasons(RAW)]

    def strings(x):
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for v in x.values():
                yield from strings(v)

    texts += [t for t in strings(g.strings["js"]["decision"]) if " " in t]
    text = "\n".join(t if t.rstrip()[-1:] in ".?!:" else t + "." for t in texts)
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE
    # the aid says it is no score and has no best option, and never words one
    said = " ".join(texts).replace("This is not a score, and there is no single best option.", "")
    assert not re.search(r"\bbest\b|\bscores?\b|\brank", said, re.I), said


@pytest.mark.parametrize("change,key,problem", [
    (lambda r: r["questions"][0]["answers"][0]["fits"][0].__setitem__("sources", ["nobody1999"]),
     "questions.surgery.answers[0].fits[0].sources", "cites unknown reference 'nobody1999'"),
    (lambda r: r["questions"][2]["answers"][0]["fits"][2].__setitem__("reason", "Takes {param:lengthening.latncy}."),
     "questions.time.answers[0].fits[2].reason", "lengthening.latncy"),
    (lambda r: r["questions"][1].__setitem__("code", "a"), "questions[1].code", "'a' is used twice"),
    (lambda r: r["questions"][0]["answers"][1].__setitem__("code", "1"), "questions.surgery.answers[1].code", "used twice"),
    (lambda r: r["questions"][0]["answers"][0]["fits"][0].__setitem__("options", ["lift", "crutches"]),
     "questions[0].answers[0].fits[0].options[1]", "crutches"),
    (lambda r: r["situations"].__setitem__("grown", ["none", "none"]), "situations.grown", "names an option twice"),
    (lambda r: r["bands"].pop("medium"), "bands.medium", "is missing"),
])
def test_bad_data_fails_in_one_line_naming_the_key(change, key, problem):
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(GuideDataError) as err:
        _parse(raw)
    assert err.value.key == key and problem in err.value.problem, (err.value.key, err.value.problem)
    assert "\n" not in str(err.value)


def test_groups_follow_the_rule_and_never_rank():
    config = model.plain_config(load_guide().values, lambda t: t, lambda p: p, lambda k: {"label": k, "href": k})
    r = model.fit(config, "grown", "medium", {"surgery": "1", "height": "1"})
    assert r["groups"] == {"fits": ["none", "lift"], "some": ["nail", "frame"], "less": ["shorten"]}
    assert [x["from"] for x in r["reasons"]["shorten"]] == ["surgery", "height"]
    # nothing answered, no band: every option, in the situation's order, fits "some"
    assert model.fit(config, "child", None, {})["groups"] == {"fits": [], "some": ["none", "lift", "slow", "lengthen"],
                                                             "less": []}
    assert model.fit(config, None, "small", {"surgery": "1"})["groups"] == {"fits": [], "some": [], "less": []}


def _groups(situation, band, answers):
    config = model.plain_config(load_guide().values, lambda t: t, lambda p: p, lambda k: {"label": k, "href": k})
    return model.fit(config, situation, band, answers)["groups"]


def test_the_fit_rules_do_not_push_toward_an_operation():
    # a medium or large band alone never puts an option under "fits less"
    for situation in ("child", "grown"):
        for band in ("medium", "large"):
            assert _groups(situation, band, {})["less"] == [], (situation, band)
    # small: most people need no operation (the treatment pages), so no operation fits better
    assert _groups("child", "small", {}) == {"fits": ["none", "lift"], "some": [], "less": ["slow", "lengthen"]}
    assert _groups("grown", "small", {}) == {"fits": ["none", "lift"], "some": [],
                                             "less": ["shorten", "nail", "frame"]}
    # small, and equal legs matter a lot: no operation is shown as fitting what was said
    for situation in ("child", "grown"):
        g = _groups(situation, "small", {"equal": "1"})
        assert not set(g["fits"]) - {"none", "lift"}, (situation, g)
    # "over quickly": no treatment and a lift fit it; shortening (months on crutches) does not
    g = _groups("grown", "medium", {"time": "1"})
    assert g["fits"] == ["none", "lift"] and "shorten" in g["some"]
    # a small operation only: shortening is a big bone operation
    assert "shorten" in _groups("grown", "medium", {"surgery": "2"})["less"]
    # sport and daily life: shortening also means months of healing
    assert "shorten" in _groups("grown", "medium", {"sport": "1"})["less"]
    assert "shorten" in _groups("grown", "medium", {"life": "1"})["less"]
    # scars: a nail leaves scars from two operations, so it is not marked as fitting
    assert _groups("grown", "medium", {"scars": "1"}) == {"fits": ["none", "lift"], "some": ["shorten", "nail"],
                                                          "less": ["frame"]}


def test_reasons_suit_the_situation():
    """A reason shown under an adult's option never speaks of a child, and one about adults
    with a nail is never shown under a frame or a child's lengthening."""
    raw = read_yaml(ROOT / "data" / "values.yml")
    fits = [f for q in raw["questions"] for a in q["answers"] for f in a.get("fits", [])]
    fits += [f for b in raw["bands"].values() for f in b]
    for f in fits:
        grown_only = set(f["options"]) & {"shorten", "nail", "frame"}
        shared = set(f["options"]) & {"none", "lift"}
        if grown_only or shared:
            assert "in a child" not in f["reason"].lower(), f["reason"]
        if set(f["options"]) & {"frame", "lengthen"}:
            assert "with a nail" not in f["reason"], f["reason"]
        assert "make the legs the same length" not in f["reason"], f["reason"]


def test_size_bands_use_the_thresholds_low_ends():
    g = load_guide()
    small = g.params["thresholds.small_difference"].low * 10
    large = g.params["thresholds.large_difference"].low * 10
    limits = {"small_max_mm": small, "medium_max_mm": large}
    assert [model.band(limits, x) for x in (0, small, small + 0.25, large, large + 0.25)] == \
        ["small", "small", "medium", "medium", "large"]


def test_hostile_links_give_a_clean_state_and_messages():
    config = model.plain_config(load_guide().values, lambda t: t, lambda p: p, lambda k: {"label": k, "href": k})
    d = model.decode(config, [["s", "<script>alert(1)</script>"], ["v", "zz<b>"], ["n", "x" * 10000], ["b", "big"]])
    assert d["state"] == {"s": None, "b": None, "answers": {}, "note": "x" * config["note_max"], "include_note": True}
    assert d["messages"] == ["situation", "band", "answers", "note_long"]
    assert model.decode(config, [["s", "gr\ufffdown"]])["messages"] == ["encoding"]
    state = {"s": "child", "b": "large", "answers": {"surgery": "3", "life": "1"}, "note": "Ask & see <b>", "include_note": True}
    query = model.encode(config, state)
    assert query == "s=child&b=large&v=a3h1&n=Ask%20%26%20see%20%3Cb%3E"
    assert model.encode(config, {**state, "include_note": False}) == "s=child&b=large&v=a3h1"


def test_the_same_options_in_the_same_order_as_the_comparison():
    """data/values.yml names the options of each situation as data/decision.yml does."""
    decision = read_yaml(ROOT / "data" / "decision.yml")
    assert RAW["situations"] == {k: v["options"] for k, v in decision["situations"].items()}
