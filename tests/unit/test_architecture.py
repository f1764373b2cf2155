"""The macros package keeps its layers: read from the imports of every module with ``ast``.

* Only ``macros/__init__.py`` (the wiring) imports MkDocs.
* ``macros.data`` reads and validates files: it imports no model, render or check module.
* ``macros.model`` is pure: no files, no operating system, no HTML, no render module.
* ``macros.render`` turns plain data into markup: it reads no data file itself.
* ``macros.checks`` looks at pages: it renders nothing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from support import ROOT

MACROS = ROOT / "macros"

# Which of the project's layers each layer may import (besides macros.errors).
ALLOWED = {
    "data": {"data"},
    "model": {"data", "model"},
    "render": {"data", "model", "render"},
    "checks": {"data", "model", "checks"},
}
# Outside libraries a layer may use; anything else is a new dependency to think about.
LIBRARIES = {
    "data": {"yaml", "pydantic", "jsonschema"},
    "model": {"babel"},  # numbers, plural forms: the strings file's locale
    "render": {"jinja2", "markupsafe", "segno", "babel"},
    "checks": {"bs4", "textstat"},
}
STANDARD_IO = {"os", "subprocess", "shutil", "socket", "urllib.request", "http", "pathlib", "io", "tempfile"}
HTML_TAG = re.compile(r"<\s*/?\s*(?:div|span|p|a|table|tr|td|th|ul|ol|li|svg|form|input|label|button|section|dl|dt|dd|"
                      r"script|strong|em|abbr|br|img|figure|details|summary|output|select|option|noscript)\b", re.I)


def _modules(layer: str) -> list[Path]:
    return sorted((MACROS / layer).glob("*.py"))


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            if node.module == "macros":
                names += [f"macros.{a.name}" for a in node.names]
    return names


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


LAYERED = [(layer, p) for layer in ALLOWED for p in _modules(layer)]


def test_every_module_is_in_a_layer():
    loose = sorted(p.name for p in MACROS.glob("*.py"))
    assert loose == ["__init__.py", "errors.py", "page_macros.py", "site.py"], (
        "a new module belongs in macros/data, model, render or checks")
    assert len(LAYERED) > 20


@pytest.mark.parametrize("layer,path", LAYERED, ids=[f"{layer}/{p.name}" for layer, p in LAYERED])
def test_module_imports_only_what_its_layer_may(layer, path):
    for name in _imports(path):
        top = name.split(".")[0]
        if name.startswith("macros."):
            sub = name.split(".")[1]
            assert sub == "errors" or sub in ALLOWED[layer], f"macros/{layer}/{path.name} imports {name}"
        else:
            assert top != "mkdocs", f"macros/{layer}/{path.name} imports MkDocs: only macros/__init__.py may"
            if layer == "model":
                assert name not in STANDARD_IO and top not in STANDARD_IO, f"model module {path.name} imports {name}"
            if top not in LIBRARIES[layer]:
                import importlib.util
                spec = importlib.util.find_spec(top)
                origin = (spec.origin or "") if spec else ""
                assert spec is not None and ("site-packages" not in origin and "dist-packages" not in origin), (
                    f"macros/{layer}/{path.name} imports the library {top}: add it to LIBRARIES[{layer!r}] if it belongs there")


@pytest.mark.parametrize("layer,path", [x for x in LAYERED if x[0] in ("data", "model")],
                         ids=[f"{layer}/{p.name}" for layer, p in LAYERED if layer in ("data", "model")])
def test_data_and_model_hold_no_markup(layer, path):
    for text in _string_constants(path):
        assert not HTML_TAG.search(text), f"macros/{layer}/{path.name} has HTML in Python: {text[:60]!r}"


@pytest.mark.parametrize("path", _modules("render"), ids=lambda p: p.name)
def test_render_modules_hold_no_markup(path):
    """All markup is in templates (macros/render/templates): render modules pass plain data
    to render() and hold no HTML of their own (f-string parts included)."""
    for text in _string_constants(path):
        assert not HTML_TAG.search(text), (
            f"macros/render/{path.name} has HTML in Python (belongs in a template): {text[:60]!r}")


def test_markup_check_sees_fstring_parts(tmp_path):
    """The check reads the literal parts of f-strings and format strings, not docstrings."""
    probe = tmp_path / "probe.py"
    probe.write_text('"""A <div> in a docstring is prose."""\n'
                     'def f(x):\n    return f\'<td class="a">{x}</td>\'\n'
                     'G = "{}<br>".format\n', encoding="utf-8")
    found = [t for t in _string_constants(probe) if HTML_TAG.search(t)]
    assert sorted(found) == sorted(['<td class="a">', "</td>", "{}<br>"])


@pytest.mark.parametrize("path", _modules("model"), ids=lambda p: p.name)
def test_model_reads_no_files(path):
    text = path.read_text(encoding="utf-8")
    for call in ("open(", ".read_text(", ".write_text(", "read_yaml(", "environ"):
        assert call not in text, f"macros/model/{path.name} calls {call}: the model gets plain values"


def test_only_the_wiring_imports_mkdocs():
    for path in MACROS.rglob("*.py"):
        if path == MACROS / "__init__.py":
            continue
        assert not any(n.split(".")[0] == "mkdocs" for n in _imports(path)), path.relative_to(ROOT)


def test_wiring_is_short():
    """define_env registers the macros from one table; the macros live in page_macros.py."""
    tree = ast.parse((MACROS / "__init__.py").read_text(encoding="utf-8"))
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "define_env")
    assert fn.end_lineno - fn.lineno + 1 <= 25
