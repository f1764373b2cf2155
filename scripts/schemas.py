"""Publish the JSON Schema of every data file from its model (macros/data/schema.py).

    python scripts/schemas.py          # write schemas/<name>.schema.json
    python scripts/schemas.py check    # exit 1 when a published schema differs from its model

Each data file names its schema on its first line,
``# yaml-language-server: $schema=../schemas/<name>.schema.json``, so an editor with a YAML
language server (VS Code: the Red Hat YAML extension) completes fields and flags errors
while typing. After changing a model, run this script and commit the schemas with it;
tests/test_schemas.py fails when they differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.schema import FILES, json_schema

SCHEMAS = ROOT / "schemas"


def schema_text(name: str) -> str:
    """The published form of a schema: sorted keys, two-space indents, a final newline."""
    return json.dumps(json_schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path(name: str) -> Path:
    return SCHEMAS / f"{name}.schema.json"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "write"
    stale = [name for name in FILES
             if not schema_path(name).is_file() or schema_path(name).read_text(encoding="utf-8") != schema_text(name)]
    if command == "check":
        for name in stale:
            print(f"schemas/{name}.schema.json differs from its model: run python scripts/schemas.py")
        return 1 if stale else 0
    if command != "write":
        print(__doc__)
        return 2
    SCHEMAS.mkdir(exist_ok=True)
    for name in FILES:
        schema_path(name).write_text(schema_text(name), encoding="utf-8")
    print(f"wrote {len(FILES)} schemas to schemas/ ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
