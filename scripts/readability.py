"""Print the reading level of every patient page, then the median and the worst: the
Flesch-Kincaid grade of the English pages, LIX (läsbarhetsindex) of the Swedish ones.

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

from macros.checks.readability import READING_LEVEL, built_pages  # noqa: E402
from macros.data.languages import from_config  # noqa: E402
from macros.data.yamlfile import read_config  # noqa: E402


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, check=True)
    languages = from_config(read_config(ROOT / "mkdocs.yml"))
    pages = built_pages(site, languages.root, [lang for lang in languages.built if lang != languages.root], patient=True)
    for lang, html_by_path in pages.items():
        name, measure, limit, median_limit = READING_LEVEL[lang]
        scores = {}
        for rel, html in html_by_path.items():
            score = measure(html)
            if score is not None:
                scores[rel.removesuffix("index.html") or "/"] = score
        if not scores:
            print(f"{lang}: no patient pages\n")
            continue
        for rel, score in sorted(scores.items(), key=lambda kv: kv[1]):
            print(f"{score:5.1f}  {rel}")
        worst = max(scores, key=scores.get)
        limits = f"limit {limit:g}" + (f", median at most {median_limit:g}" if median_limit else "")
        print(f"\n{lang}: {len(scores)} pages; median {name} {statistics.median(scores.values()):.1f}; "
              f"worst {scores[worst]:.1f} ({worst}); {limits}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
