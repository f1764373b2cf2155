"""The data files' declared structure (macros/data/schema.py) and its published JSON Schemas.

* Each published ``schemas/<name>.schema.json`` is exactly what its model gives now.
* Every data file names its schema on its first line, for editors with a YAML language server.
* Every shipped data file, in the JSON form an editor's validator sees (dates as text),
  passes the model its published schema was made from (pydantic validates, in JSON mode).
* A model's complaint becomes one line naming the file and the dotted key.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml
from support import ROOT

from macros.data import schema
from macros.data.changes import parse_changes
from macros.data.clinic import parse_clinic
from macros.data.parameters import parse_parameters
from macros.data.permalinks import parse_permalinks
from macros.data.references import parse_bibliography
from macros.data.strings import parse_strings
from macros.data.urgent import parse_signs
from macros.errors import GuideDataError

sys.path.insert(0, str(ROOT / "scripts"))
from schemas import schema_path, schema_text

SHIPPED = [(name, path) for name, (_, paths) in schema.FILES.items() for path in paths]


def _raw(path: str):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(schema.FILES))
def test_published_schema_is_the_models_output(name):
    published = schema_path(name)
    assert published.is_file(), f"schemas/{name}.schema.json is missing: run python scripts/schemas.py"
    assert published.read_text(encoding="utf-8") == schema_text(name), (
        f"schemas/{name}.schema.json differs from its model: run python scripts/schemas.py")


def test_schema_script_check_agrees():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/schemas.py"), "check"], check=False,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(
        f"{name}.schema.json" for name in schema.FILES), "a schema in schemas/ has no model (or the reverse)"


def test_every_data_file_names_its_schema_on_its_first_line():
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yml"))
    data_files.append("clinic-example/clinic.yml")
    described = {path: name for name, path in SHIPPED}
    assert sorted(described) == sorted(data_files), "every data file has a model in macros/data/schema.py FILES"
    for path in data_files:
        first = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
        expected = f"# yaml-language-server: $schema=../schemas/{described[path]}.schema.json"
        assert first == expected, f"{path} must start with: {expected}"
        target = (ROOT / path).parent / first.split("$schema=", 1)[1]
        assert target.resolve() == schema_path(described[path]).resolve() and target.is_file(), path


def _json_form(value):
    """The data as JSON, the way an editor's schema validator sees the YAML (dates are text)."""
    return json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))


@pytest.mark.parametrize("name,path", SHIPPED, ids=[p for _, p in SHIPPED])
def test_shipped_file_passes_its_published_schema(name, path):
    published = json.loads(schema_path(name).read_text(encoding="utf-8"))
    assert published == schema.json_schema(name)  # the model below is the one this schema was made from
    model = schema.FILES[name][0]
    adapter = model if isinstance(model, schema.TypeAdapter) else schema.TypeAdapter(model)
    text = _json_form(_raw(path))
    adapter.validate_json(text)
    # the same check refuses an unknown field, as the published schema does
    broken = json.loads(text)
    target = broken[0] if isinstance(broken, list) else broken
    if name == "references":
        target = next(iter(target.values()))
    target["not_a_field"] = 1
    with pytest.raises(schema.ValidationError):
        adapter.validate_json(json.dumps(broken))


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield node
        for v in node.values():
            yield from _objects(v)
    elif isinstance(node, list):
        for v in node:
            yield from _objects(v)


@pytest.mark.parametrize("name", list(schema.FILES))
def test_every_object_in_a_schema_forbids_unknown_fields(name):
    objects = list(_objects(schema.json_schema(name)))
    assert objects
    for obj in objects:
        assert obj.get("additionalProperties") is False, (name, obj.get("title"))


def test_schemas_carry_the_fixed_lists():
    params = schema.json_schema("parameters")["$defs"]
    assert params["RangeParameter"]["properties"]["unit"]["enum"] == list(schema.get_args(schema.Unit))
    assert params["RangeParameter"]["properties"]["typical_basis"]["enum"] == list(
        schema.get_args(schema.TypicalBasis))
    assert "typical_basis" in params["RangeParameter"]["required"]
    assert params["Counted"]["properties"]["unit"]["enum"] == list(schema.get_args(schema.CountedUnit))
    assert params["Counted"]["properties"]["measure"]["enum"] == ["share", "per_100"]
    urgent = schema.json_schema("urgent")["$defs"]["Tiers"]
    assert urgent["required"] == list(schema.TIERS)


PARAMS, REFS = _raw("data/parameters.yml"), _raw("data/references.yml")
BIB = parse_bibliography(REFS)


def _params(edit):
    raw = copy.deepcopy(PARAMS)
    edit(raw["parameters"]["lengthening"])
    return lambda: parse_parameters(raw, BIB)


def _refs(entry):
    return lambda: parse_bibliography({**REFS, "x2020": entry})


def _permalinks(edit):
    raw = copy.deepcopy(_raw("data/permalinks.yml"))
    edit(raw)
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    return lambda: parse_permalinks(raw, pages)


def _signs(edit):
    raw = copy.deepcopy(_raw("data/urgent.yml"))
    edit(raw["tiers"])
    return lambda: parse_signs(raw, BIB, lambda key, which: None)


CASES = [
    ("group name", _params(lambda g: g.update(Bad={"x": {}})),
     "parameters.yml: lengthening.Bad: names use lower-case letters, digits and _"),
    ("empty group", _params(lambda g: g.update(empty={})),
     "parameters.yml: lengthening.empty: must be a parameter (with unit) or a group of parameters"),
    ("two shapes", _params(lambda g: g["latency"].update(value=7)),
     "parameters.yml: lengthening.latency: needs exactly one of: value; low, typical and high; columns and rows"),
    ("table row", _params(lambda g: g["example_amounts"].update(rows=[[30], ["fifty"]])),
     "parameters.yml: lengthening.example_amounts.rows[1][0]: must be a number, got 'fifty'"),
    ("unit not declared", lambda: parse_parameters({**PARAMS, "units": {**PARAMS["units"], "furlong": {"min": 0, "max": 1}}}, BIB),
     "parameters.yml: units.furlong: unknown unit 'furlong'"),
    ("reference number not text", _refs({"kind": "article", "title": "T", "year": 2020, "authors": "A B", "pmid": 123}),
     "references.yml: x2020.pmid: must be text, got 123"),
    ("reference kind", _refs({"kind": "blog", "title": "T", "year": 2020, "authors": "A B", "doi": "10.1/x"}),
     "references.yml: x2020.kind: must be one of article, review, book, chapter, guideline, leaflet, web, got 'blog'"),
    ("reference key", lambda: parse_bibliography({"X_2020": {"same_as": "x"}}),
     "references.yml: X_2020: a key has lower-case letters, digits and hyphens only"),
    ("alias with more", lambda: parse_bibliography({**REFS, "x2020": {"same_as": next(iter(REFS)), "title": "T"}}),
     "references.yml: x2020.title: same_as stands alone"),
    ("locale", lambda: parse_strings({**_raw("data/strings.en.yml"), "locale": "english"}, {}),
     "strings.en.yml: locale: must name a language and region, like en_GB or sv_SE, got 'english'"),
    ("sign id", _signs(lambda t: t["emergency"][0].update(id="Chest")),
     "urgent.yml: tiers.emergency[0].id: names use lower-case letters, digits and _, got 'Chest'"),
    ("tiers out of order", _signs(lambda t: t.update(emergency=t.pop("emergency"))),
     "urgent.yml: tiers: must be exactly emergency, same_day, next_visit, in that order"),
    ("published address", _permalinks(lambda r: r["published"].append("about")),
     "permalinks.yml: published["),
    ("change date", lambda: parse_changes([{"date": "yesterday", "pages": ["all"], "what": "x", "why": "y",
                                           "parameters": "z"}], BIB, []),
     "changes.yml: [0].date: must be a date like 2026-12-01, got 'yesterday'"),
    ("clinic phone field", lambda: parse_clinic({"clinic": {"name": "A", "phones": [
        {"label": "Ward", "number": "0123 456", "fax": "1"}]}}, ROOT),
     "clinic.yml: clinic.phones[0].fax: is not a known field"),
    ("clinic section", lambda: parse_clinic({"clinic": {"name": "A"}, "protocol": {}}, ROOT),
     "clinic.yml: protocol: is not a known field"),
    ("editorial date", lambda: parse_clinic({"clinic": {"name": "A"}, "editorial": {"reviewers": [{"name": "B", "date": "soon"}]}}, ROOT),
     "clinic.yml: editorial.reviewers[0].date: must be a date like 2026-12-01, got 'soon'"),
]


@pytest.mark.parametrize("desc,call,expected", CASES, ids=[c[0] for c in CASES])
def test_model_problems_are_one_line_naming_file_and_key(desc, call, expected):
    with pytest.raises(GuideDataError) as err:
        call()
    message = str(err.value)
    assert "\n" not in message and "@" not in message.split(":")[1], message  # no union tags in the key
    assert message.startswith(expected), message
