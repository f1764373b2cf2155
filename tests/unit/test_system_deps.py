"""Every program a test or a script calls is installed by the README's commands.

The scripts install what ``system-deps.txt`` lists; this test reads every Python file under
``tests/``, ``scripts/`` and ``pdf/`` (and the hooks at the top level), finds the programs they
start (``subprocess`` calls, ``shutil.which``, ``executable_path=``) and the programs the shell
scripts look for (``command -v``), and fails when one is not in the manifest. A call whose
program cannot be read from the code fails too: name the program in a literal or a constant.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from support import ROOT

MANIFEST = ROOT / "system-deps.txt"
KINDS = {"base", "debian", "fallback", "npm"}
ROLES = {"serve", "test", "pdf", "bench"}
SUBPROCESS_CALLS = {"run", "check_output", "check_call", "call", "Popen"}


def manifest() -> list[dict]:
    rows = []
    for n, line in enumerate(MANIFEST.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, package, programs, used_by = line.split()
        rows.append({"line": n, "kind": kind, "package": package,
                     "programs": [] if programs == "-" else programs.split(","),
                     "used_by": used_by.split(",")})
    return rows


def provided() -> set[str]:
    names = set()
    for row in manifest():
        names.update(row["programs"])
        if row["kind"] == "npm":
            names.add(row["package"])
    return names


def python_files() -> list[Path]:
    files = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("scripts/**/*.py"), *ROOT.glob("pdf/**/*.py"),
             *ROOT.glob("*.py")]
    return sorted(f for f in files if "node_modules" not in f.parts and ".venv" not in f.parts)


class _Calls(ast.NodeVisitor):
    """Collects (line, program or None) for each program started in one module."""

    def __init__(self, tree: ast.Module, imported: dict[str, ast.Module] | None = None):
        self.assigned: dict[str, list[ast.expr]] = {}
        self.params: dict[str, list[tuple[str, int]]] = {}  # parameter name -> (function, position)
        self.calls: dict[str, list[ast.Call]] = {}  # function name -> its calls in this module
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.assigned.setdefault(target.id, []).append(node.value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.assigned.setdefault(node.target.id, []).append(node.value)
            elif isinstance(node, ast.ImportFrom) and imported and node.module in imported:
                # a constant imported from a sibling module (support's CHROMIUM): read its definition there
                other = _Calls(imported[node.module])
                for alias in node.names:
                    self.assigned.setdefault(alias.asname or alias.name, []).extend(other.assigned.get(alias.name, []))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for i, arg in enumerate(node.args.args):
                    self.params.setdefault(arg.arg, []).append((node.name, i))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                self.calls.setdefault(node.func.id, []).append(node)
        self.found: list[tuple[int, set[str] | None]] = []

    def program(self, node: ast.expr | None, depth: int = 0) -> set[str] | None:
        """The programs ``node`` may name (a parameter can be passed several), or None if unreadable."""
        if node is None or depth > 6:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {Path(node.value).name} if Path(node.value).name else None
        if isinstance(node, ast.Attribute) and node.attr == "executable":
            return {"python"}
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
            return self.program(node.elts[0], depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"str", "Path"} \
                and node.args:
            return self.program(node.args[-1], depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "which":
            return self.program(node.args[0], depth + 1) if node.args else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.program(node.right, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.program(node.left, depth + 1)
        if isinstance(node, ast.BoolOp):
            # `os.environ.get(...) or shutil.which("chromium") or "/usr/bin/chromium"`: the readable names
            names = [self.program(v, depth + 1) for v in node.values]
            readable = set().union(*(n for n in names if n))
            return readable or None
        if isinstance(node, ast.Name):
            values = list(self.assigned.get(node.id, []))
            # a function's parameter: what every call of that function in this module passes
            for func, pos in self.params.get(node.id, []):
                for call in self.calls.get(func, []):
                    values.append(call.args[pos] if pos < len(call.args) else None)
            names = [self.program(v, depth + 1) for v in values]
            if not values or None in names:
                return None
            return set().union(*names)
        return None

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.value.id == "subprocess" and func.attr in SUBPROCESS_CALLS:
                self.found.append((node.lineno, self.program(node.args[0] if node.args else None)))
            elif func.value.id == "shutil" and func.attr == "which":
                self.found.append((node.lineno, self.program(node.args[0] if node.args else None)))
        for kw in node.keywords:
            if kw.arg == "executable_path":
                self.found.append((node.lineno, self.program(kw.value)))
        self.generic_visit(node)


def called_programs() -> list[tuple[str, str | None]]:
    """(where, program) for every program the tests and scripts start; program None if unreadable."""
    out = []
    imported = {"support": ast.parse((ROOT / "tests" / "support.py").read_text())}
    for path in python_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        visitor = _Calls(tree, imported)
        visitor.visit(tree)
        rel = path.relative_to(ROOT)
        out += [(f"{rel}:{line}", prog) for line, progs in visitor.found for prog in (progs or [None])]
    for script in sorted((ROOT / "scripts").iterdir()):
        if script.suffix == "" or script.suffix == ".sh":
            for n, line in enumerate(script.read_text().splitlines(), 1):
                for m in re.finditer(r"command -v ([\w.-]+)", line):
                    out.append((f"{script.relative_to(ROOT)}:{n}", m.group(1)))
    return out


def test_manifest_is_well_formed():
    rows = manifest()
    assert rows, "system-deps.txt lists nothing"
    for row in rows:
        assert row["kind"] in KINDS, f"system-deps.txt:{row['line']}: kind {row['kind']!r} is not one of {KINDS}"
        assert set(row["used_by"]) <= ROLES, f"system-deps.txt:{row['line']}: unknown role in {row['used_by']}"
    import json
    npm_pinned = {**json.loads((ROOT / "package.json").read_text()).get("dependencies", {}),
                  **json.loads((ROOT / "package.json").read_text()).get("devDependencies", {})}
    npm_listed = {r["package"] for r in rows if r["kind"] == "npm"}
    assert npm_listed == set(npm_pinned), "system-deps.txt's npm rows and package.json differ: " \
        f"{sorted(npm_listed ^ set(npm_pinned))}"


def test_every_called_program_is_in_the_manifest():
    calls = called_programs()
    assert any(prog == "zbarimg" for _, prog in calls), "the scan no longer sees the QR decoder call"
    unreadable = [where for where, prog in calls if prog is None]
    assert not unreadable, ("cannot tell which program these lines start; name it in a literal or a "
                            f"module constant: {unreadable}")
    known = provided()
    missing = sorted({f"{prog} ({where})" for where, prog in calls if prog not in known})
    assert not missing, f"programs called but not in system-deps.txt: {missing}"


def test_a_removed_package_counts_as_missing():
    # `apt-get remove` leaves a package's configuration behind and `dpkg -s` still knows it;
    # only "install ok installed" means the programs are there.
    env = (ROOT / "scripts/_env.sh").read_text()
    assert "dpkg -s" not in env
    assert "install ok installed" in env


def test_the_scripts_read_the_manifest():
    for name, role in [("serve", "serve"), ("test", "test"), ("pdf", "pdf"), ("bench", "bench")]:
        text = (ROOT / "scripts" / name).read_text()
        assert f"system_deps {role}" in text, f"scripts/{name} does not install system-deps.txt's {role!r} rows"
        assert "apt_install " not in text.replace("apt_install()", ""), \
            f"scripts/{name} installs a Debian package by name: list it in system-deps.txt instead"


@pytest.mark.parametrize("source, expected", [
    ('import subprocess\nsubprocess.run(["zbarimg", "-q"])', "zbarimg"),
    ('import subprocess, sys\nsubprocess.run([sys.executable, "-m", "x"])', "python"),
    ('import subprocess\nCMD = ["pdftotext", "-raw"]\ndef f(p):\n    subprocess.run(CMD + [p])', "pdftotext"),
    ('import subprocess\nfrom pathlib import Path\nLH = Path("n") / ".bin" / "lighthouse"\n'
     'subprocess.run([str(LH), "u"])', "lighthouse"),
    ('import shutil\nshutil.which("pdfinfo")', "pdfinfo"),
    ('import subprocess\ndef f(cmd):\n    subprocess.run(cmd)', None),
    ('import subprocess\ndef f(cmd):\n    subprocess.run(cmd)\nf(["pdfinfo", "x"])', "pdfinfo"),
    ('import subprocess\ndef f(cmd):\n    subprocess.run(cmd)\nf(["pdfinfo"])\nf(["bash"])', {"pdfinfo", "bash"}),
    ('import subprocess\ndef f(cmd):\n    subprocess.run(cmd)\nf(["pdfinfo"])\nf(g())', None),
])
def test_the_scan_reads_each_kind_of_call(source, expected):
    tree = ast.parse(source)
    visitor = _Calls(tree)
    visitor.visit(tree)
    expected = {expected} if isinstance(expected, str) else expected
    assert [progs for _, progs in visitor.found] == [expected]
