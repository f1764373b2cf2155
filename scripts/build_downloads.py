"""Build the guide's downloads: the PDF book and the offline copy (a zip).

Usage: python scripts/build_downloads.py [--out DIR] [--publish-into SITE_DIR] [--edition DIR]
  --out DIR                 where to write them (default: build/)
  --edition DIR             only the PDF, of the edition whose mkdocs.yml is in DIR (a clinic
                            edition: its cover shows the clinic's name and contact)
  --publish-into SITE_DIR   also copy both into a built site at the paths its pages link to
                            (the deploy workflow does this before it uploads the site)
Normally run through `bash scripts/pdf`, which installs what WeasyPrint needs first.

Writes into DIR:
  leg-length-guide.pdf           the whole guide as a book (mkdocs-pdf.yml)
  leg-length-guide-offline.zip   the site for reading from a folder (mkdocs-offline.yml),
                                 with the PDF inside it
  offline/                       the unzipped offline site (what the zip holds)
The file names come from `extra.downloads` in mkdocs.yml, which is also where the site
links to them; the deploy workflow copies both files to those paths in the site.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.data.yamlfile import read_config  # noqa: E402
ZIP_FOLDER = "leg-length-guide"  # the folder a reader gets when unzipping


def download_paths() -> dict[str, str]:
    """`extra.downloads` from mkdocs.yml: {"pdf": "downloads/...pdf", "offline": "...zip"}."""
    config = read_config(ROOT / "mkdocs.yml")
    return dict(config["extra"]["downloads"])


def edition_version() -> str:
    """The project version and, in a git checkout, the commit: "0.1.0 (abc1234)"."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return version
    return f"{version} ({commit})"


def edition_pdf_config(edition: Path, version: str, *, home_only: bool = False) -> Path:
    """Write ``edition/.mkdocs-pdf.yml``: the edition's own config (INHERIT) with the PDF
    settings of mkdocs-pdf.yml added to its plugins. ``home_only``: the cover, contents and
    home page only (a quick check of the cover). The caller deletes the file."""
    ours = read_config(ROOT / "mkdocs-pdf.yml")
    theirs = read_config(edition / "mkdocs.yml")
    to_pdf = next(p for p in ours["plugins"] if isinstance(p, dict) and "to-pdf" in p)
    to_pdf = {"to-pdf": dict(to_pdf["to-pdf"])}
    if home_only:
        to_pdf["to-pdf"]["exclude_pages"] = [".+"]  # every page but the home page (URL "")
    config = {
        "INHERIT": "mkdocs.yml",
        "extra": {**ours["extra"], "edition_version": version},
        "plugins": list(theirs.get("plugins") or ["search"]) + [to_pdf],
    }
    path = edition / ".mkdocs-pdf.yml"
    path.write_text("# Made by scripts/build_downloads.py for one build; safe to delete.\n"
                    + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_edition_pdf(edition: Path, out: Path, *, home_only: bool = False) -> Path:
    """The PDF of another edition (e.g. a clinic's) into ``out``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    config = edition_pdf_config(edition.resolve(), edition_version(), home_only=home_only)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # Home only: links to the left-out pages cannot resolve, so not --strict there.
            mkdocs_build(str(config), Path(tmp) / "site", env, strict=not home_only)
            pdf = out / Path(download_paths()["pdf"]).name
            shutil.copyfile(Path(tmp) / "site" / "leg-length-guide.pdf", pdf)
    finally:
        config.unlink(missing_ok=True)
    print(f"PDF:     {pdf} ({pdf.stat().st_size / 1e6:.1f} MB)")
    return pdf


def mkdocs_build(config: str, site_dir: Path, env: dict, *, strict: bool = True) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--quiet",
           "--config-file", str(ROOT / config), "--site-dir", str(site_dir)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{config}: mkdocs build failed\n{proc.stdout}\n{proc.stderr}")


def zip_folder(folder: Path, zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, f"{ZIP_FOLDER}/{file.relative_to(folder).as_posix()}")


def build(out: Path, pdf_html: Path | None = None) -> dict[str, Path]:
    """Build the PDF and the offline zip into ``out``; return their paths.

    ``pdf_html``: keep the HTML site the PDF was made from there (the tests compare them).
    """
    out.mkdir(parents=True, exist_ok=True)
    paths = download_paths()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_VERSION": edition_version()}
    env.pop("SITE_URL", None)  # the book and the offline copy show the permanent addresses

    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs_build("mkdocs-pdf.yml", Path(tmp) / "site", env)
        pdf = out / Path(paths["pdf"]).name
        shutil.copyfile(Path(tmp) / "site" / "leg-length-guide.pdf", pdf)
        if pdf_html is not None:
            shutil.rmtree(pdf_html, ignore_errors=True)
            shutil.copytree(Path(tmp) / "site", pdf_html)
    t1 = time.monotonic()

    offline = out / "offline"
    shutil.rmtree(offline, ignore_errors=True)
    mkdocs_build("mkdocs-offline.yml", offline, env)
    (offline / paths["pdf"]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, offline / paths["pdf"])  # the offline copy links to the PDF inside it
    zip_path = out / Path(paths["offline"]).name
    zip_folder(offline, zip_path)
    t2 = time.monotonic()

    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    pages = next((line.split()[-1] + " pages, " for line in pages.splitlines() if line.startswith("Pages:")), "")
    print(f"PDF:     {pdf} ({pages}{pdf.stat().st_size / 1e6:.1f} MB, {t1 - t0:.1f} s)")
    print(f"Offline: {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB, {t2 - t1:.1f} s)")
    return {"pdf": pdf, "offline_zip": zip_path, "offline_dir": offline}


def publish(built: dict[str, Path], site_dir: Path) -> list[Path]:
    """Copy the PDF and the zip into ``site_dir`` at the paths in `extra.downloads`."""
    paths = download_paths()
    copied = []
    for key, source in (("pdf", built["pdf"]), ("offline", built["offline_zip"])):
        target = site_dir / paths[key]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        copied.append(target)
    return copied


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="output folder (default: build/)")
    parser.add_argument("--publish-into", type=Path, metavar="SITE_DIR",
                        help="copy both files into this built site, at the paths the pages link to")
    parser.add_argument("--edition", type=Path, metavar="DIR",
                        help="build only the PDF of the edition whose mkdocs.yml is in DIR")
    args = parser.parse_args()
    if args.edition:
        build_edition_pdf(args.edition, args.out.resolve())
        return 0
    built = build(args.out.resolve())
    if args.publish_into:
        for target in publish(built, args.publish_into.resolve()):
            print(f"Published: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
