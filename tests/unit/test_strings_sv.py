"""The Swedish data files are faithful copies of the English ones in everything but words.

data/decision.sv.yml, data/questions.sv.yml and data/values.sv.yml keep the English files' keys, ids,
sources, pages and number placeholders, pass the build's loaders, and are what a Swedish
page reads.

data/strings.sv.yml has exactly the keys of data/strings.en.yml, and every string keeps the
{placeholders} of its English original (code fills them by name) and stays free of HTML
where the English is. data/urgent.sv.yml has the same tiers, the same signs in the same
order, the same ids and sources and the same {param:...} references as data/urgent.yml, so
no warning sign changes tier or loses a source in translation. Both files also pass the
loaders the build uses. Expected values come from the English files, never from the output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support import ROOT, guide
from macros.data import glossary
from macros.data.decision import PLACEHOLDER as DECISION_PLACEHOLDER, load_decision
from macros.data.questions import load_questions
from macros.data.values import load_values
from macros.data.yamlfile import read_config
from macros.model.timeline import MILESTONES
from macros.site import load_site
from macros.data.strings import parse_strings
from macros.data.urgent import PARAM_REF, TIERS, parse_signs
from macros.errors import GuideDataError

DATA = ROOT / "data"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TAG = re.compile(r"<[a-zA-Z/][^>]*>")
# Lists a translation may lengthen: the words a reader may type after an amount (each
# language adds its own, see the comment above js.units_typed), and the nouns that must not
# follow a risk phrase (each language has its own words for what was counted).
OPEN_LISTS = {"js.units_typed.mm", "js.units_typed.cm", "js.units_typed.in", "templates.risk.sentence_nouns"}
# Mappings a translation fills and the English file leaves empty: parameter_labels (the
# English labels are written once, in parameters.yml).
OPEN_MAPS = {"parameter_labels"}


def read(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


EN, SV = read("strings.en.yml"), read("strings.sv.yml")


def leaves(node, path=""):
    """``(dotted path, value)`` for every string, number or empty value in ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, f"{path}[{i}]")
    else:
        yield path, node


def shape(node, path=""):
    """The structure of ``node``: mappings by key, lists by length (open lists by kind only)."""
    if path in OPEN_MAPS:
        return "mapping"
    if isinstance(node, dict):
        return {k: shape(v, f"{path}.{k}" if path else str(k)) for k, v in node.items()}
    if isinstance(node, list):
        if path in OPEN_LISTS:
            return "list"
        return [shape(v, f"{path}[{i}]") for i, v in enumerate(node)]
    return type(node).__name__


def test_swedish_strings_have_exactly_the_english_keys():
    assert shape(SV) == shape(EN)


def test_swedish_strings_pass_the_loader_with_a_swedish_locale():
    strings = parse_strings(SV, guide().params.units, "strings.sv.yml")
    assert strings["locale"] == "sv_SE"
    assert SV["js"]["companion"]["locale"] == SV["js"]["planner"]["locale"] == "sv-SE"
    assert SV["templates"]["clinic"]["lang"] == "sv"


EN_LEAVES = dict(leaves(EN))


@pytest.mark.parametrize("path", [p for p, v in EN_LEAVES.items() if isinstance(v, str)])
def test_each_string_keeps_its_placeholders_and_stays_free_of_html(path):
    en, sv = EN_LEAVES[path], dict(leaves(SV))[path]
    assert isinstance(sv, str), f"{path}: not a string in strings.sv.yml"
    assert sorted(set(PLACEHOLDER.findall(sv))) == sorted(set(PLACEHOLDER.findall(en))), path
    if not TAG.search(en):
        assert not TAG.search(sv), f"{path}: HTML in the Swedish string"
    assert bool(en.strip()) == bool(sv.strip()), f"{path}: empty in one language only"


def test_numbers_that_are_data_are_not_translated():
    """The ladder of "n in d" phrases and the typed-number examples are data, not words."""
    assert SV["templates"]["risk"]["ladder"] == EN["templates"]["risk"]["ladder"]
    examples = {u: float(v.replace(",", ".")) for u, v in SV["js"]["growth"]["diff_examples"].items()}
    assert examples == {u: float(v) for u, v in EN["js"]["growth"]["diff_examples"].items()}


def test_a_broken_swedish_copy_is_caught():
    """The comparison itself fails on a renamed placeholder and on a missing key."""
    broken = yaml.safe_load(yaml.safe_dump(SV, allow_unicode=True))
    broken["templates"]["range"] = "{lo}–{high}"
    del broken["js"]["planner"]["copied"]
    assert shape(broken) != shape(EN)
    assert PLACEHOLDER.findall(broken["templates"]["range"]) != PLACEHOLDER.findall(EN["templates"]["range"])


URGENT_EN, URGENT_SV = read("urgent.yml"), read("urgent.sv.yml")


def test_swedish_signs_keep_tiers_order_ids_and_sources():
    assert list(URGENT_SV["tiers"]) == list(URGENT_EN["tiers"]) == list(TIERS)
    for tier in TIERS:
        en, sv = URGENT_EN["tiers"][tier], URGENT_SV["tiers"][tier]
        assert [s["id"] for s in sv] == [s["id"] for s in en], tier
        for a, b in zip(en, sv):
            assert b["sources"] == a["sources"], a["id"]
            assert set(b) == set(a), a["id"]


@pytest.mark.parametrize("tier,sid,field", [(t, s["id"], f) for t in TIERS for s in URGENT_EN["tiers"][t]
                                            for f in ("text", "why")])
def test_swedish_signs_keep_their_parameters(tier, sid, field):
    en = next(s for s in URGENT_EN["tiers"][tier] if s["id"] == sid)[field]
    sv = next(s for s in URGENT_SV["tiers"][tier] if s["id"] == sid)[field]
    assert sorted(m.group(0) for m in PARAM_REF.finditer(sv)) == sorted(m.group(0) for m in PARAM_REF.finditer(en))
    assert sv.strip() != en.strip(), f"{tier}.{sid}.{field} is not translated"


def test_swedish_signs_pass_the_loader():
    g = guide()
    signs = parse_signs(URGENT_SV, g.references, lambda key, which: g.params[key], "urgent.sv.yml")
    assert {t: [s.id for s in signs[t]] for t in TIERS} == {t: [s.id for s in g.signs[t]] for t in TIERS}


def test_the_swedish_hover_glossary_parses_and_names_its_terms_once():
    entries = glossary.load(ROOT / "includes" / "abbreviations.sv.md")
    assert entries, "no Swedish glossary entries"
    with pytest.raises(GuideDataError):
        glossary.parse((ROOT / "includes" / "abbreviations.sv.md").read_text(encoding="utf-8") + "\n*[epifysiodes]: igen\n")


# --- what a parameter is, in Swedish ---------------------------------------------------

def _shown_labels(edition):
    """{key: label} of every parameter whose label the planner shows (the journey page's
    estimate lists a subset of the same keys): read from the rendered widget's configuration,
    as the page gets it, for every amount the planner accepts, bone and method."""
    import json
    from macros.model.timeline import BONES, METHODS
    from macros.render import timeline
    html = str(timeline.planner(edition, "../references/"))
    config = json.loads(re.search(r"data-app-config='([^']*)'", html).group(1).replace("&#39;", "'"))
    shown = {k: v["label"] for k, v in config["params"].items()}
    model = timeline.browser_model(edition)
    for mm in range(int(model["plausible_mm"]["low"]), int(model["plausible_mm"]["high"]) + 1, 5):
        for bone in BONES:
            for method in METHODS:
                for key in timeline.compute(model, mm, bone, method).used_keys:
                    shown.setdefault(key, timeline.param_info(edition, [key], "")[key]["label"])
    return shown


def test_every_parameter_label_a_swedish_page_shows_is_swedish():
    from support import languages
    from macros.data.guide import load_editions
    g = guide()
    sv = load_editions(g, DATA, languages())["sv"]
    shown = _shown_labels(sv)
    assert shown, "the planner shows no parameter"
    for key, label in shown.items():
        assert label == SV["parameter_labels"][key], key
        assert label != g.params[key].label, f"{key}: the Swedish label is the English one"
    # English keeps the one label of parameters.yml.
    assert all(label == g.params[key].label for key, label in _shown_labels(g).items())


def test_a_missing_swedish_label_stops_the_build_naming_the_key():
    from dataclasses import replace
    from support import languages
    from macros.data.guide import load_editions
    sv = load_editions(guide(), DATA, languages())["sv"]
    labels = dict(sv.strings["parameter_labels"])
    del labels["lengthening.latency"]
    broken = replace(sv, strings={**sv.strings, "parameter_labels": labels})
    with pytest.raises(GuideDataError) as err:
        _shown_labels(broken)
    assert str(err.value).startswith("strings.sv.yml: parameter_labels.lengthening.latency: no label"), str(err.value)


def test_a_label_for_no_parameter_is_named():
    broken = yaml.safe_load(yaml.safe_dump(SV, allow_unicode=True))
    broken["parameter_labels"]["lengthening.latensy"] = "Vila"
    g = guide()
    with pytest.raises(GuideDataError, match=r"^strings.sv.yml: parameter_labels.lengthening.latensy: is not a parameter"):
        parse_strings(broken, g.params.units, "strings.sv.yml", g.params.items)


# ---- the decision aid and the questions for the surgeon ------------------------------------
# data/decision.sv.yml and data/questions.sv.yml are copies of the English files in
# everything but words: the same keys in the same order (situations, bands, options, rows),
# the same ids, sources, pages, pictures and checklist, and every text keeps the number
# placeholders of its English original, so no option loses a source or shows another number.

DECISION_EN, DECISION_SV = read("decision.yml"), read("decision.sv.yml")
QUESTIONS_EN, QUESTIONS_SV = read("questions.yml"), read("questions.sv.yml")
# Keys whose values are identifiers, not words: equal in every language.
NEUTRAL = {"options", "page", "sources", "figure", "checklist", "bands_sources", "id"}


def words_and_ids(en, sv, path="", neutral=NEUTRAL):
    """``(path, English, Swedish, is_words)`` for every leaf, after checking both files have
    the same keys in the same order and lists of the same length; a list or a value under a
    key in ``neutral`` is identifiers (``is_words`` false)."""
    if isinstance(en, dict):
        assert isinstance(sv, dict) and list(sv) == list(en), f"{path or 'top'}: keys {list(sv)} != {list(en)}"
        for key in en:
            yield from words_and_ids(en[key], sv[key], f"{path}.{key}" if path else str(key), neutral)
    elif isinstance(en, list):
        assert isinstance(sv, list) and len(sv) == len(en), f"{path}: {len(sv)} items, English has {len(en)}"
        if path.rsplit(".", 1)[-1] in neutral:
            yield path, en, sv, False
        else:
            for i, (a, b) in enumerate(zip(en, sv)):
                yield from words_and_ids(a, b, f"{path}[{i}]", neutral)
    else:
        yield path, en, sv, path.rsplit(".", 1)[-1] not in neutral


def placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in DECISION_PLACEHOLDER.finditer(text))


@pytest.mark.parametrize("name,en,sv", [("decision", DECISION_EN, DECISION_SV),
                                        ("questions", QUESTIONS_EN, QUESTIONS_SV)])
def test_swedish_decision_and_questions_keep_ids_sources_and_placeholders(name, en, sv):
    for path, a, b, is_words in words_and_ids(en, sv):
        if not is_words:
            assert b == a, f"{name}.sv.yml {path}: {b!r}, the English file has {a!r}"
            continue
        assert isinstance(b, str) and b.strip(), f"{name}.sv.yml {path}: empty"
        assert placeholders(b) == placeholders(a), f"{name}.sv.yml {path}: placeholders differ from the English"
        assert b.strip() != a.strip() or not re.search(r"[a-z]{3}", DECISION_PLACEHOLDER.sub("", a)), \
            f"{name}.sv.yml {path}: not translated"


def test_a_broken_swedish_decision_copy_is_caught():
    """The comparison fails on a changed placeholder, a lost source and a reordered option."""
    def broken(change):
        raw = yaml.safe_load(yaml.safe_dump(DECISION_SV, allow_unicode=True))
        change(raw)
        return raw

    def fails(raw):
        with pytest.raises(AssertionError):
            test_swedish_decision_and_questions_keep_ids_sources_and_placeholders("decision", DECISION_EN, raw)

    fails(broken(lambda r: r["options"]["grown"]["nail"]["harms"][0].update(
        text="Studier fann {risk:complications.nail_major:segment}.")))
    fails(broken(lambda r: r["options"]["child"]["lift"]["sources"].pop()))
    fails(broken(lambda r: r.update(options={"child": dict(reversed(list(r["options"]["child"].items()))),
                                             "grown": r["options"]["grown"]})))


def test_swedish_decision_and_questions_pass_the_loaders():
    g = guide()
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    questions = load_questions(DATA / "questions.sv.yml")
    assert {s: [q.id for q in qs] for s, qs in questions.items()} == \
        {s: [q["id"] for q in qs] for s, qs in QUESTIONS_EN["sections"].items()}
    decision = load_decision(DATA / "decision.sv.yml", g.params, g.references, pages, MILESTONES, questions)
    assert [o.id for s in decision.situations for o in s.options] == \
        [o for s in DECISION_EN["situations"].values() for o in s["options"]]


def test_a_swedish_page_reads_the_swedish_decision_and_questions():
    """The page's language picks the file: the site gives a Swedish page the Swedish words."""
    site, _ = load_site({**read_config(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "docs")}, ROOT)
    site.set_page("treatment/decision-aid.sv.md", "sv/treatment/decision-aid/")
    assert site.decision.situations[0].name == " ".join(DECISION_SV["situations"]["child"]["name"].split())
    assert site.questions["choices"][0].text == QUESTIONS_SV["sections"]["choices"][0]["text"]
    assert site.guide.values.questions[0].text == VALUES_SV["questions"][0]["text"]
    assert site.strings["js"]["decision"]["values_title"] == SV["js"]["decision"]["values_title"]
    site.set_page("treatment/decision-aid.md", "treatment/decision-aid/")
    assert site.guide.values.questions[0].text == VALUES_EN["questions"][0]["text"]
    assert site.decision.situations[0].name == DECISION_EN["situations"]["child"]["name"]
    assert site.questions["choices"][0].text == QUESTIONS_EN["sections"]["choices"][0]["text"]


# ---- the decision aid's questions on what matters ------------------------------------------
# data/values.sv.yml keeps values.yml's questions, answers and fits in the same order, with
# the same ids, link codes (a link made in one language opens in the other), options, pages,
# sources and placeholders.

VALUES_EN, VALUES_SV = read("values.yml"), read("values.sv.yml")
VALUES_NEUTRAL = {"options", "fit", "page", "sources", "code", "id", "note_max", "child", "grown"}


def test_swedish_values_keep_codes_fits_sources_and_placeholders():
    checked = 0
    for path, a, b, is_words in words_and_ids(VALUES_EN, VALUES_SV, neutral=VALUES_NEUTRAL):
        checked += 1
        if not is_words:
            assert b == a, f"values.sv.yml {path}: {b!r}, the English file has {a!r}"
            continue
        assert isinstance(b, str) and b.strip(), f"values.sv.yml {path}: empty"
        assert placeholders(b) == placeholders(a), f"values.sv.yml {path}: placeholders differ from the English"
        assert b.strip() != a.strip(), f"values.sv.yml {path}: not translated"
    assert checked > 50


def test_swedish_values_pass_the_loader():
    g = guide()
    values = load_values(DATA / "values.sv.yml", g.references, lambda key, which: g.params[key])
    assert [(q.id, q.code, [a.code for a in q.answers]) for q in values.questions] == \
        [(q.id, q.code, [a.code for a in q.answers]) for q in g.values.questions]
