"""A page that calls a macro wrongly fails the build with one line naming the page, the
macro call and the key: each kind of authoring error, through the same wrapper the build
uses (``macros.page_macros.guarded``), and once through a real build."""

from __future__ import annotations

import shutil

import pytest

from support import ROOT, mkdocs_build
from macros.page_macros import MACROS, AuthoringError, guarded
from macros.site import load_site
from macros.data.yamlfile import read_config


CONFIG = read_config(ROOT / "mkdocs.yml")
SITE, _ = load_site({**CONFIG, "docs_dir": str(ROOT / "docs")}, ROOT)
SITE.page_src, SITE.page_url = "help/example.md", "help/example/"


def call(name, *args, **kwargs):
    return guarded(SITE, name, MACROS[name])(*args, **kwargs)


CASES = [
    # (macro call, expected message after "help/example.md: ")
    (("param", "lengthening.latncy"), 'param(\'lengthening.latncy\'): lengthening.latncy: no such parameter '
                                      '(did you mean lengthening.latency?)'),
    (("param", "nothing.like.this"), "param('nothing.like.this'): nothing.like.this: no such parameter"),
    (("param", "lengthening.latency", "middle"), "param('lengthening.latency', 'middle'): lengthening.latency:"),
    (("number", "lengthening.latency", "range"), "number('lengthening.latency', 'range'): lengthening.latency: "
                                                 "which='range' is not one of typical, low, high"),
    (("risk", "complications.nail_any"), "risk('complications.nail_any'): complications.nail_any:"),
    (("param", "complications.nail_any"), "param('complications.nail_any'): complications.nail_any: is a risk"),
    (("cite", "paley1990x"), "cite('paley1990x'): paley1990x: unknown reference"),
    (("red_flags", "urgent"), "red_flags('urgent'): urgent: is not a tier"),
    (("timeline", 50, "humerus"), "timeline(50, 'humerus'): bone: unknown ('humerus')"),
    (("timeline", -5), "timeline(-5): amount: not_positive (-5)"),
    (("typical_duration", "graduation"), "typical_duration('graduation'):"),
    (("growth_example", "boy", 30, 0, 10), "growth_example('boy', 30, 0, 10):"),
]


@pytest.mark.parametrize("args,expected", CASES, ids=[" ".join(map(str, a)) for a, _ in CASES])
def test_authoring_error_is_one_line_naming_page_macro_and_key(args, expected):
    name, *rest = args
    with pytest.raises(AuthoringError) as err:
        call(name, *rest)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("help/example.md: " + expected), message


@pytest.mark.parametrize("args,kwargs,expected", [
    (("param",), {}, "param(): missing a required argument: 'key' (the macro is param(key, which='range'))"),
    (("param", "lengthening.latency"), {"whch": "low"}, "got an unexpected keyword argument 'whch'"),
    (("emergency_call", "uk"), {}, "too many positional arguments"),
])
def test_wrong_arguments_say_how_to_call_the_macro(args, kwargs, expected):
    name, *rest = args
    with pytest.raises(AuthoringError) as err:
        call(name, *rest, **kwargs)
    assert expected in str(err.value) and str(err.value).startswith(f"help/example.md: {name}("), str(err.value)


def test_every_macro_is_documented_and_registered():
    doc = (ROOT / "macros" / "page_macros.py").read_text(encoding="utf-8").split('"""')[1]
    for name in MACROS:
        assert f"``{name}(" in doc or f" ``{name}(" in doc or f"``{name}" in doc, f"{name} is not in the module's list"


def test_a_mistyped_parameter_in_a_page_stops_the_build_in_one_line(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    page = proj / "docs" / "lengthening" / "rehabilitation.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\nIt takes {{ param("lengthening.latncy") }}.\n',
                    encoding="utf-8")
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in output, output
    expected = ("lengthening/rehabilitation.md: param('lengthening.latncy'): lengthening.latncy: no such parameter "
                "(did you mean lengthening.latency?)")
    lines = [line for line in output.splitlines() if "latncy" in line]
    assert len(lines) == 1 and lines[0].endswith(expected) and lines[0].startswith("ERROR"), output
