"""An amount typed with its unit ("4 cm", "1,5 in", "2 inches") is read in that unit, by the
planner's check, the growth estimator's and (through planner-model.js) the link builder's;
the unit words come from the strings file; a unit twice, alone, unknown or followed by a
number stays an error. The browser's copies give the same answers (tests/golden, node)."""

from __future__ import annotations

import pytest

from macros.data.guide import load_guide
from macros.model import growth, units
from macros.model import timeline as t
from macros.render import growth as growth_html
from macros.render import timeline as timeline_html
from support import ROOT

GUIDE = load_guide(ROOT / "data")
WORDS = GUIDE.strings["js"]["units_typed"]
MODEL = timeline_html.browser_model(GUIDE)
GMODEL = growth.model_from_params(GUIDE.params)
GJS = growth_html.js_strings(GUIDE.strings, GMODEL)

SAID = [("4 cm", "4", "cm"), ("4cm", "4", "cm"), ("4 CM", "4", "cm"), ("40 mm", "40", "mm"), ("1.5 in", "1.5", "in"),
        ("1,5 in", "1,5", "in"), ('1.5"', "1.5", "in"), ("2 inches", "2", "in"), ("4 centimetres", "4", "cm"),
        ("4 centimeters", "4", "cm"), ("40 millimetres", "40", "mm"), ("40 millimeters", "40", "mm"),
        (" 4\u00a0cm ", "4", "cm"), ("2 Inch", "2", "in")]
GARBAGE = ["4 cm cm", "cm", "4 kg", "4 cm 5", "4cmcm", "cm 4", "4 min", "4 c m", "abc cm", "", "in", '"']


@pytest.mark.parametrize("text,number,unit", SAID)
def test_split_unit_reads_the_unit_people_type(text, number, unit):
    assert units.split_unit(text, WORDS) == (number, unit)


@pytest.mark.parametrize("text", GARBAGE)
def test_split_unit_leaves_what_is_not_a_number_and_a_unit(text):
    assert units.split_unit(text, WORDS)[1] is None


def test_unit_words_come_from_the_strings():
    assert units.split_unit("4 cm", None) == ("4 cm", None)  # no words: no unit is read
    assert units.split_unit("4 zoll", {"in": ["Zoll"]}) == ("4", "in")  # a translation's own word
    assert set(WORDS) == set(units.INPUT_UNITS)


@pytest.mark.parametrize("text,number,unit", SAID)
@pytest.mark.parametrize("chosen", ["mm", "cm", "in", "furlong"])
def test_planner_reads_a_typed_unit_as_the_chosen_one(text, number, unit, chosen):
    """The typed unit wins over the unit choice: "4 cm" with mm chosen is 4 with cm chosen."""
    got = t.parse_amount(text, chosen, MODEL, WORDS)
    same = t.parse_amount(number, unit, MODEL, WORDS)
    assert {k: v for k, v in got.items() if k not in ("unit", "text")} == same
    assert got["unit"] == unit and got["text"] == number
    assert got.get("value") == units.to_mm(units.parse_decimal(number), unit)


@pytest.mark.parametrize("text,code", [("4 cm cm", "amount_not_number"), ("cm", "amount_not_number"),
                                       ("4 kg", "amount_unit"), ("4 cm 5", "amount_not_number"),
                                       ("-4 cm", "amount_not_positive"), ("0 cm", "amount_not_positive"),
                                       ("4 feet", "amount_unit"), ("4 cm.", "amount_unit")])
def test_planner_garbage_with_units_stays_an_error(text, code):
    got = t.parse_amount(text, "mm", MODEL, WORDS)
    assert got["error"] == code
    assert GUIDE.strings["js"]["planner"]["error_" + code]  # a message the person reads


@pytest.mark.parametrize("text,number,unit", SAID[:6])
def test_growth_reads_a_typed_unit_as_the_chosen_one(text, number, unit):
    base = {"sex": "girl", "years": "9", "months": "0"}
    got = growth.parse_inputs(GMODEL, {**base, "diff": text, "unit": "mm"}, WORDS)
    same = growth.parse_inputs(GMODEL, {**base, "diff": number, "unit": unit}, WORDS)
    assert got == same and got[0] is not None and got[0].unit == unit


@pytest.mark.parametrize("text,code", [("4 cm cm", "diff"), ("cm", "diff"), ("4 kg", "diff"), ("4 cm 5", "diff"),
                                       ("-4 cm", "diff_negative"), ("0 cm", "diff_zero")])
def test_growth_garbage_with_units_stays_an_error(text, code):
    _, errors = growth.parse_inputs(GMODEL, {"sex": "girl", "years": "9", "diff": text, "unit": "mm"}, WORDS)
    assert errors == [code]


def test_growth_example_follows_the_unit():
    examples = GJS["diff_examples"]
    assert set(examples) == set(units.INPUT_UNITS)
    for unit in units.INPUT_UNITS:
        text = growth_html.error_text(GJS, GMODEL, "diff", unit)
        assert text == GJS["errors"]["diff"].format(example=examples[unit])
        assert units.parse_decimal(examples[unit]) is not None  # a number a person could type
    assert len({growth_html.error_text(GJS, GMODEL, "diff", u) for u in units.INPUT_UNITS}) == 3
    # an unknown unit (a link) falls back to the mm example
    assert growth_html.error_text(GJS, GMODEL, "diff", "furlong") == growth_html.error_text(GJS, GMODEL, "diff", "mm")
