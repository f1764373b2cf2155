"""Clinic overrides merge into the parameters before validation; bad ones name the key."""

from __future__ import annotations


import pytest
import yaml

from macros.errors import GuideDataError
from macros.data.guide import load_guide
from macros.data.clinic import Clinic, apply_overrides, parse_clinic
from support import ROOT

DATA = ROOT / "data"
RAW = yaml.safe_load((DATA / "parameters.yml").read_text())


def _first(kind):
    """Dotted key of the first parameter with field ``kind`` ("typical" or "value")."""
    def walk(node, path):
        if isinstance(node, dict) and "unit" in node:
            return ".".join(path) if kind in node else None
        for k, v in (node.items() if isinstance(node, dict) else []):
            found = walk(v, path + [k])
            if found:
                return found
        return None
    return walk(RAW["parameters"], [])


def _clinic(overrides):
    return Clinic(name="Test clinic", overrides=overrides)


def test_override_reaches_the_model_and_leaves_the_rest():
    key = _first("typical")
    base = load_guide(DATA)
    p = base.params[key]
    new = (p.low + p.high) / 2 + 0.25 if p.high - p.low > 0.5 else p.typical * 0.75
    guide = load_guide(DATA, _clinic({key: new}))
    assert guide.params[key].low == guide.params[key].typical == guide.params[key].high == new
    assert guide.overridden == {key}
    for other in base.params:
        if other != key:
            assert guide.params[other] == base.params[other]
    # the raw data is not changed in place
    assert yaml.safe_load((DATA / "parameters.yml").read_text()) == RAW


def test_nested_and_field_overrides():
    key = _first("typical")
    group, _, name = key.rpartition(".")
    nested: dict = {}
    node = nested
    for part in group.split("."):
        node = node.setdefault(part, {})
    p = load_guide(DATA).params[key]
    node[name] = {"typical": p.low, "note": "Our protocol."}
    guide = load_guide(DATA, _clinic(nested))
    assert guide.params[key].typical == p.low and guide.params[key].note == "Our protocol."


@pytest.mark.parametrize("overrides, expected", [
    ({"lengthening.no_such_thing": 1}, "clinic.yml: overrides.lengthening.no_such_thing: is not a parameter"),
    ({"nogroup": {"x": 1}}, "clinic.yml: overrides.nogroup: is not a parameter"),
    ({"KEY": {"unit": "cm"}}, "clinic.yml: overrides.KEY.unit: cannot be overridden"),
    ({"KEY": {"low": "fast"}}, "clinic.yml: overrides.KEY.low: must be a number"),
    ({"KEY": -1}, "clinic.yml: overrides.KEY.low: -1"),
    ({"KEY": {"typical": 10 ** 6}}, "clinic.yml: overrides.KEY"),
    ({"KEY": {"sources": ["made-up2020"]}}, "clinic.yml: overrides.KEY.sources: cites unknown reference"),
])
def test_invalid_overrides_name_the_key(overrides, expected):
    key = _first("typical")
    overrides = {k.replace("KEY", key): v for k, v in overrides.items()}
    with pytest.raises(GuideDataError) as err:
        load_guide(DATA, _clinic(overrides))
    assert str(err.value).startswith(expected.replace("KEY", key)), str(err.value)


def test_apply_overrides_never_adds_a_parameter():
    with pytest.raises(GuideDataError, match="overrides.brand_new"):
        apply_overrides(RAW, {"brand_new": {"value": 1, "unit": "mm"}})


@pytest.mark.parametrize("clinic, expected", [
    ({}, "clinic.name: is missing"),
    ({"name": "A", "colour": "red"}, "clinic.colour: is not a known field"),
    ({"name": "A", "site_url": "leg.example"}, "clinic.site_url: must be a web address"),
    ({"name": "A", "contact_email": "nobody"}, "clinic.contact_email: is not an email"),
    ({"name": "A", "phones": [{"label": "Ward", "number": "call us"}]}, "clinic.phones[0].number"),
    ({"name": "A", "logo": "missing.svg"}, "clinic.logo: file not found"),
    ({"name": "A", "emergency": [{"region": "the UK", "emergency": "ring us"}]}, "clinic.emergency[0].emergency: is not a phone number"),
    ({"name": "A", "urgent": "Call {emergency}."}, "clinic.urgent: uses {emergency}, so clinic.emergency must list"),
    ({"name": "A", "urgent": "Call {ward}."}, "clinic.urgent: {ward} is not a known placeholder"),
])
def test_invalid_clinic_settings_name_the_key(tmp_path, clinic, expected):
    with pytest.raises(GuideDataError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        parse_clinic({"clinic": clinic}, tmp_path)


def test_clinic_emergency_numbers_replace_the_default_list(tmp_path):
    regions = [{"region": "Sweden", "emergency": "112", "advice": {"name": "1177 Vårdguiden", "number": "1177"}}]
    clinic = parse_clinic({"clinic": {"name": "A", "urgent": "In an emergency, call {emergency}.",
                                      "emergency": regions}}, tmp_path)
    assert clinic.urgent == "In an emergency, call 112."
    guide = load_guide(DATA, clinic)
    assert [(r.region, r.emergency, r.advice.number) for r in guide.regions] == [("Sweden", "112", "1177")]
    assert len(load_guide(DATA).regions) > 1, "the default edition names several regions"
