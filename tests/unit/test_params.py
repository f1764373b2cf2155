"""The data loader: the real data files pass, and each kind of bad file fails clearly."""

from __future__ import annotations

import copy

import pytest
import yaml

from macros.model import wording
from macros.data.references import parse_bibliography
from macros.errors import GuideDataError
from macros.data.guide import load_guide
from macros.data.parameters import parse_parameters
from macros.data.strings import parse_strings
from support import ROOT

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def raw():
    return {
        "params": yaml.safe_load((DATA / "parameters.yml").read_text()),
        "refs": yaml.safe_load((DATA / "references.yml").read_text()),
        "strings": yaml.safe_load((DATA / "strings.en.yml").read_text()),
    }


def test_real_data_loads():
    guide = load_guide(DATA)
    assert len(guide.params) > 0 and len(guide.references) > 0
    for key, p in guide.params.items.items():
        assert p.sources, key
        assert all(s in guide.references for s in p.sources), key
        if p.kind != "table":
            assert p.low <= p.typical <= p.high, key


def _first_range(raw_params):
    """Path (list of keys) to the first range parameter in the raw YAML."""
    def walk(node, path):
        if isinstance(node, dict) and "unit" in node and "low" in node:
            return path
        if isinstance(node, dict):
            for k, v in node.items():
                found = walk(v, path + [k])
                if found:
                    return found
        return None
    return walk(raw_params["parameters"], [])


def _mutate(raw_params, path, **changes):
    data = copy.deepcopy(raw_params)
    node = data["parameters"]
    for k in path:
        node = node[k]
    for k, v in changes.items():
        if v is ...:
            node.pop(k)
        else:
            node[k] = v
    return data


BAD_CASES = [
    # (description, changes to the first range parameter, words the message must contain)
    ("wrong type", {"low": "five"}, ["must be a number", "'five'"]),
    ("negative", {"low": -5}, ["-5", "outside the allowed"]),
    ("boolean is not a number", {"typical": True}, ["must be a number"]),
    ("missing source", {"sources": ...}, ["sources", "missing"]),
    ("empty source list", {"sources": []}, ["sources", "at least one source"]),
    ("unknown reference", {"sources": ["nobody2099"]}, ["unknown reference", "'nobody2099'"]),
    ("unknown unit", {"unit": "furlong"}, ["unit", "unknown unit 'furlong'"]),
    ("low above typical", {"low": 9}, ["low <= typical <= high"]),
    ("typical outside range", {"typical": 0}, ["low <= typical <= high"]),
    ("missing high", {"high": ...}, ["high", "is missing"]),
    ("unknown field", {"colour": "blue"}, ["colour", "not a known field"]),
    ("missing label", {"label": ...}, ["label", "is missing"]),
    ("range without a typical basis", {"typical_basis": ...}, ["typical_basis", "is missing", "how the typical value"]),
    ("unknown typical basis", {"typical_basis": "guess"}, ["typical_basis", "unknown basis 'guess'"]),
    ("typical basis on a single value", {"low": ..., "typical": ..., "high": ..., "value": 7},
     ["typical_basis", "belongs to a range"]),
]


@pytest.mark.parametrize("desc,changes,words", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_parameter_is_named(raw, desc, changes, words):
    path = _first_range(raw["params"])
    refs = parse_bibliography(raw["refs"])
    with pytest.raises(GuideDataError) as info:
        parse_parameters(_mutate(raw["params"], path, **changes), refs)
    message = str(info.value)
    assert "\n" not in message
    assert ".".join(path) in message, message
    for word in words:
        assert word in message, message


def test_bad_bibliography_entries(raw):
    refs = copy.deepcopy(raw["refs"])
    key = next(iter(refs))
    refs[key]["year"] = "last year"
    with pytest.raises(GuideDataError, match=rf"{key}\.year: must be a year"):
        parse_bibliography(refs)
    refs = copy.deepcopy(raw["refs"])
    del refs[key]["title"]
    with pytest.raises(GuideDataError, match=rf"{key}\.title: is missing"):
        parse_bibliography(refs)


def test_unit_without_a_name_in_strings(raw):
    strings = copy.deepcopy(raw["strings"])
    del strings["units"]["day"]
    with pytest.raises(GuideDataError, match=r"units\.day"):
        parse_strings(strings, {"day": None})


def test_broken_yaml_is_one_line(tmp_path):
    for name in ("references.yml", "parameters.yml", "strings.en.yml"):
        (tmp_path / name).write_text((DATA / name).read_text())
    (tmp_path / "parameters.yml").write_text("units: [\n  oops")
    with pytest.raises(GuideDataError) as info:
        load_guide(tmp_path)
    assert str(info.value).startswith("parameters.yml: line ") and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "low,high,unit,expected",
    [(5, 7, "day", "5 to 7 days"), (1, 1, "mm/day", "1 mm a day"), (0.5, 0.75, "mm/day", "0.5 to 0.75 mm a day"),
     (1, 1, "day", "1 day"), (30, 40, "day/cm", "30 to 40 days for each cm")],
)
def test_prose_ranges(raw, low, high, unit, expected):
    assert wording.span(raw["strings"], low, high, unit) == expected


@pytest.mark.parametrize("key,per,expected", [
    ("complications.nail_any", "segment",
     "about 1 complication for every 3 lengthened bones (one bone can have more than one)"),
    ("complications.pin_infection_deep", "patient", "about 1 in 30 people (3 of 88)"),
    ("treatment.growth_modulation.pets_screw_removal", "child", "about 2 in 5 children"),
    ("complications.regenerate_fracture_child", "lengthening",
     "about 1 break for every 6 lengthenings (20 breaks in 111 lengthenings; one lengthening can have more than one)"),
])
def test_risk_words(key, per, expected):
    guide = load_guide(DATA)
    assert wording.risk(guide.strings, guide.params[key], per) == expected


def test_reference_without_date_has_one_full_stop():
    from macros.render.references import reference
    refs = parse_bibliography({"x-page": {"kind": "web", "title": "A page", "year": "n.d.",
                                          "publisher": "A hospital", "url": "https://example.org/"}})
    html = str(reference(refs["x-page"]))
    assert "n.d.." not in html and "n.d." in html


def test_every_typical_basis_is_in_words_in_the_evidence_table():
    from macros.render.clinicians import evidence_table, typical_basis_text
    from macros.data.parameters import TYPICAL_BASES
    guide = load_guide(DATA)
    words = guide.strings["templates"]["clinic"]["typical_basis"]
    assert set(TYPICAL_BASES) <= set(words)
    table = evidence_table(guide.params, guide.references, guide.strings)
    for key, p in guide.params.items.items():
        if p.kind == "range":
            assert p.typical_basis in TYPICAL_BASES, key
            text = typical_basis_text(guide.strings, p)
            assert words[p.typical_basis] in text
            row = next(line for line in table.splitlines() if f"`{key}`" in line)
            assert text in row, key
