"""The record of changes (data/changes.yml) and the parameter snapshot each entry carries.

    python scripts/changes.py snapshot   # print the snapshot of data/parameters.yml now
    python scripts/changes.py check      # exit 1 when the newest entry's snapshot is stale

After changing a clinical number in data/parameters.yml, add an entry at the top of
data/changes.yml (date, pages, what, why, sources) with `parameters:` set to the value
`snapshot` prints. tests/unit/test_accountability.py runs the same check.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.changes import CHANGES_FILE, parameters_snapshot  # noqa: E402
from macros.data.yamlfile import read_yaml  # noqa: E402


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    now = parameters_snapshot(read_yaml(ROOT / "data/parameters.yml"))
    if command == "snapshot":
        print(now)
        return 0
    if command == "check":
        newest = read_yaml(ROOT / "data" / CHANGES_FILE)[0]
        if str(newest.get("parameters")) != now:
            print(f"data/{CHANGES_FILE}: the newest entry ({newest.get('date')}) records parameters "
                  f"{newest.get('parameters')}, but data/parameters.yml is now {now}: add an entry for the change")
            return 1
        print(f"data/{CHANGES_FILE}: up to date ({now})")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
