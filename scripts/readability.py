"""Print the Flesch-Kincaid grade of every patient page, then the median and the worst.

Usage: python scripts/readability.py [SITE_DIR]   (default: build into a temp folder)
The figures go in the README's "Quality figures" section.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.checks.readability import MAX_GRADE, is_patient_page, page_grade  # noqa: E402


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, check=True)
    grades = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if is_patient_page(rel):
            grade = page_grade(page.read_text(encoding="utf-8"))
            if grade is not None:
                grades[rel.removesuffix("index.html") or "/"] = grade
    for rel, grade in sorted(grades.items(), key=lambda kv: kv[1]):
        print(f"{grade:5.1f}  {rel}")
    worst = max(grades, key=grades.get)
    print(f"\n{len(grades)} pages; median grade {statistics.median(grades.values()):.1f}; "
          f"worst {grades[worst]:.1f} ({worst}); limit {MAX_GRADE:g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
