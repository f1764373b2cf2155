"""Compile the guide's SCSS (styles/) into the CSS the site serves (docs/assets/stylesheets/).

  styles/site.scss            -> docs/assets/stylesheets/site.css   (every page, mkdocs.yml extra_css)
  styles/widgets/NAME.scss    -> docs/assets/stylesheets/widgets/NAME.css
                                 (only pages with that widget: overrides/main.html links it)

The compiled CSS is committed, so every build finds it without compiling: mkdocs build, the
clinic edition, the offline copy, the PDF (pdf_event_hook.py reads the files) and builders
that run no MkDocs hooks. The hook overrides/hooks/styles.py recompiles on each MkDocs
build, so `mkdocs serve` reloads after an edit in styles/; tests/test_styles.py fails when
the committed CSS differs from a fresh compile.

Usage: python scripts/styles.py           compile and write the files that changed
       python scripts/styles.py --check   exit 1, naming the files, if any is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "styles"
TARGET = ROOT / "docs" / "assets" / "stylesheets"
HEADER = "/* Compiled from styles/{name} by scripts/styles.py: edit the SCSS, not this file. */\n"


def entry_points(source: Path = SOURCE) -> dict[Path, Path]:
    """Each SCSS file that is not a partial (no leading _) -> the CSS file it compiles to."""
    return {scss: TARGET / scss.relative_to(source).with_suffix(".css")
            for scss in sorted(source.rglob("*.scss")) if not scss.name.startswith("_")}


def compile_all(source: Path = SOURCE) -> dict[Path, str]:
    """CSS file -> its compiled text (compressed: no comments, no spaces a browser ignores)."""
    import sass  # libsass (requirements.txt)

    return {css: HEADER.format(name=scss.relative_to(source).as_posix())
            + sass.compile(filename=str(scss), output_style="compressed", include_paths=[str(source)]).strip() + "\n"
            for scss, css in entry_points(source).items()}


def stale(compiled: dict[Path, str]) -> list[Path]:
    """The CSS files whose committed text differs from ``compiled`` (or that are missing)."""
    return [css for css, text in compiled.items()
            if not css.is_file() or css.read_text(encoding="utf-8") != text]


def write(compiled: dict[Path, str]) -> list[Path]:
    """Write the files that changed (an unchanged file is not touched, so a watcher stays quiet)."""
    changed = stale(compiled)
    for css in changed:
        css.parent.mkdir(parents=True, exist_ok=True)
        css.write_text(compiled[css], encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    compiled = compile_all()
    if "--check" in argv:
        out_of_date = stale(compiled)
        for css in out_of_date:
            print(f"{css.relative_to(ROOT)} is out of date: run python scripts/styles.py", file=sys.stderr)
        return 1 if out_of_date else 0
    for css in write(compiled):
        print(f"wrote {css.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
