"""Build the guide's downloads: the PDF book and the offline copy (a zip), in each language.

Usage: python scripts/build_downloads.py [--out DIR] [--lang LANG] [--publish-into SITE_DIR] [--edition DIR]
  --out DIR                 where to write them (default: build/)
  --lang LANG               only this language's book and copy (en, sv); default: every language
  --edition DIR             only the PDF, of the edition whose mkdocs.yml is in DIR (a clinic
                            edition: its cover shows the clinic's name and contact)
  --publish-into SITE_DIR   also copy them into a built site at the paths its pages link to
                            (the deploy workflow does this before it uploads the site)
Normally run through `bash scripts/pdf`, which installs what WeasyPrint needs first.

Writes into DIR, for each language of mkdocs.yml's i18n plugin (English, then Swedish):
  leg-length-guide.pdf               the whole guide as a book (mkdocs-pdf.yml)
  leg-length-guide-offline.zip       the site for reading from a folder (mkdocs-offline.yml),
                                     with the PDF inside it
  offline/                           the unzipped offline site (what the zip holds)
  leg-length-guide.sv.pdf, leg-length-guide-offline.sv.zip, offline-sv/   the same in Swedish
Each language is built alone at the site root (the i18n plugin's build_only_locale), with its
own strings on the cover; a language's book holds only the pages written in it (the pages in
the first language only, the clinicians' section and What changed, are left out, and its
cover says so). The file names come from `extra.downloads` in mkdocs.yml (per language), which
is also where the pages link to them; the deploy workflow copies them to those paths.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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

from macros.data import languages as lang_files  # noqa: E402
from macros.data.languages import Languages  # noqa: E402
from macros.data.yamlfile import read_config  # noqa: E402
from macros.site import download_paths as site_download_paths  # noqa: E402
ZIP_FOLDER = "leg-length-guide"  # the folder a reader gets when unzipping


def languages() -> Languages:
    """The languages mkdocs.yml builds (its i18n plugin), the default one first."""
    return lang_files.from_config(read_config(ROOT / "mkdocs.yml"))


def download_paths(lang: str | None = None) -> dict[str, str]:
    """`extra.downloads` from mkdocs.yml for ``lang`` (default: the default language):
    {"pdf": "downloads/...pdf", "offline": "...zip"}."""
    langs = languages()
    return site_download_paths(read_config(ROOT / "mkdocs.yml")["extra"], lang or langs.default, langs.default)


def all_download_paths() -> tuple[str, ...]:
    """Every language's download paths (the files the deploy workflow adds to the site)."""
    return tuple(path for lang in languages().codes for path in download_paths(lang).values())


def only_in_default(lang: str) -> list[str]:
    """The addresses (page URLs, "clinicians/linking/") of the pages that have no version in
    ``lang``: the book in ``lang`` leaves them out."""
    langs = languages()
    if lang == langs.default:
        return []
    docs = ROOT / "docs"
    urls = []
    for md in sorted(docs.rglob("*.md")):
        src = md.relative_to(docs).as_posix()
        if langs.source(src) != src or md.with_suffix(f".{lang}.md").exists():
            continue
        stem = src[:-3]
        url = "" if stem == "index" else stem[:-len("index")] if stem.endswith("/index") else stem + "/"
        urls.append(url)
    return urls


def language_config(kind: str, lang: str, env: dict) -> Path:
    """Write ``.mkdocs-<kind>.<lang>.yml`` (kind: pdf or offline) at the project root: the
    settings of mkdocs-<kind>.yml with mkdocs.yml's plugins, the i18n plugin set to build
    ``lang`` alone at the root, and for a PDF the cover and contents words of ``lang`` and
    the pages ``lang`` has no version of left out. The caller deletes the file."""
    ours = read_config(ROOT / f"mkdocs-{kind}.yml")
    site = read_config(ROOT / "mkdocs.yml")
    plugins = []
    langs = languages()
    for plugin in site["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = {**plugin["i18n"], "build_only_locale": lang}
            if lang != langs.default:
                # the language is built at the root, but its pages' permanent addresses (the
                # page foot, the cover, the QR codes) are those of its tree online: /sv/...
                i18n["languages"] = [{**entry, "site_url": online_url(env) + langs.prefix(lang)}
                                     if entry.get("locale") == lang else entry for entry in i18n["languages"]]
            plugin = {"i18n": i18n}
        plugins.append(plugin)
    names = {next(iter(p)) if isinstance(p, dict) else p for p in plugins}
    for plugin in ours["plugins"]:
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name in names:
            continue
        if name == "to-pdf":
            book = load_strings_file(lang)["book"]
            options = dict(plugin["to-pdf"])
            options.update(cover_subtitle=book["cover_subtitle"], toc_title=book["toc_title"])
            name = language_site_name(site, lang)
            if name:  # the plugin reads the site's name before the i18n plugin sets the language's
                options["cover_title"] = name
            excluded = [re.escape(url) + "$" for url in only_in_default(lang)]  # exclude_pages takes patterns
            if excluded:
                options["exclude_pages"] = list(options.get("exclude_pages") or []) + excluded
            plugin = {"to-pdf": options}
        plugins.append(plugin)
    # mkdocs-<kind>.yml alone is the English edition (it leaves out *.sv.md); here the i18n
    # plugin chooses each language's pages, so nothing is left out by name
    config = {"INHERIT": f"mkdocs-{kind}.yml", "plugins": plugins, "exclude_docs": site.get("exclude_docs") or ""}
    if kind == "pdf" and only_in_default(lang):
        # links to the pages the book leaves out go to their address online; the cover says so
        config["hooks"] = list(site.get("hooks") or []) + ["pdf/omitted_links.py"]
        config["extra"] = {"book_leaves_out": True}
    path = ROOT / f".mkdocs-{kind}.{lang}.yml"
    path.write_text("# Made by scripts/build_downloads.py for one build; safe to delete.\n"
                    + yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def online_url(env: dict) -> str:
    """The guide's address online (SITE_URL, else mkdocs.yml's site_url), ending in "/"."""
    url = env.get("SITE_URL") or read_config(ROOT / "mkdocs.yml")["site_url"]
    return url if url.endswith("/") else url + "/"


def language_site_name(site: dict, lang: str) -> str | None:
    """The site's name in ``lang`` (the i18n plugin's ``site_name`` for it), if it has one."""
    for plugin in site["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"].get("languages") or []:
                if entry.get("locale") == lang:
                    return entry.get("site_name")
    return None


def load_strings_file(lang: str) -> dict:
    langs = languages()
    name = "strings.en.yml" if lang == langs.default else f"strings.{lang}.yml"
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


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
    plugins = list(theirs.get("plugins") or ["search"])
    lang = edition_language(edition, theirs)
    if lang:
        # an edition in another language (clinic.yml: language): its pages alone, at the root,
        # with that language's cover words (as scripts/clinic builds it)
        plugins = [{"i18n": {**p["i18n"], "build_only_locale": lang}} if isinstance(p, dict) and "i18n" in p else p
                   for p in plugins]
        book = load_strings_file(lang)["book"]
        to_pdf["to-pdf"].update(cover_subtitle=book["cover_subtitle"], toc_title=book["toc_title"])
        name = language_site_name(theirs, lang)
        if name:
            to_pdf["to-pdf"]["cover_title"] = name
        if not home_only and only_in_default(lang):
            to_pdf["to-pdf"]["exclude_pages"] = [re.escape(url) + "$" for url in only_in_default(lang)]
            hooks = theirs.get("hooks") or []
            extra_hooks = {"hooks": [str((edition / h).resolve()) for h in hooks] + [str(ROOT / "pdf/omitted_links.py")]}
        else:
            extra_hooks = {}
    else:
        extra_hooks = {}
    if home_only:
        to_pdf["to-pdf"]["exclude_pages"] = [".+"]  # every page but the home page (URL "")
    config = {
        "INHERIT": "mkdocs.yml",
        "extra": {**ours["extra"], "edition_version": version,
                  # the cover says that the book leaves out the pages in another language only
                  "book_leaves_out": bool(lang and not home_only and only_in_default(lang))},
        "plugins": plugins + [to_pdf],
        **extra_hooks,
    }
    path = edition / ".mkdocs-pdf.yml"
    path.write_text("# Made by scripts/build_downloads.py for one build; safe to delete.\n"
                    + yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def edition_language(edition: Path, config: dict) -> str | None:
    """The language of an edition's pages: ``clinic.language`` in its clinic file, if any."""
    clinic_file = (config.get("extra") or {}).get("clinic_file")
    if not clinic_file or not (edition / clinic_file).is_file():
        return None
    data = yaml.safe_load((edition / clinic_file).read_text(encoding="utf-8")) or {}
    return (data.get("clinic") or {}).get("language") or None


def build_edition_pdf(edition: Path, out: Path, *, home_only: bool = False) -> Path:
    """The PDF of another edition (e.g. a clinic's) into ``out``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    config = edition_pdf_config(edition.resolve(), edition_version(), home_only=home_only)
    lang = edition_language(edition.resolve(), read_config(edition / "mkdocs.yml"))
    if lang and not home_only:  # links to the pages the book leaves out go online (pdf/omitted_links.py)
        env["GUIDE_BOOK_OMIT"] = json.dumps({"site_url": online_url(env), "pages": only_in_default(lang)})
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # Home only: links to the left-out pages cannot resolve, so not --strict there.
            mkdocs_build(str(config), Path(tmp) / "site", env, strict=not home_only)
            pdf = out / Path(download_paths(edition_language(edition.resolve(), read_config(edition / "mkdocs.yml")))["pdf"]).name
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


def build(out: Path, pdf_html: Path | None = None, lang: str | None = None) -> dict[str, Path]:
    """Build the PDF and the offline zip of ``lang`` (default: the default language) into
    ``out``; return their paths (and the build times in seconds).

    ``pdf_html``: keep the HTML site the PDF was made from there (the tests compare them).
    """
    out.mkdir(parents=True, exist_ok=True)
    langs = languages()
    lang = lang or langs.default
    paths = download_paths(lang)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDE_VERSION": edition_version()}
    env.pop("SITE_URL", None)  # the book and the offline copy show the permanent addresses
    env.pop("BUILD_ONLY_LANGUAGE", None)

    t0 = time.monotonic()
    # the pages the book leaves out: links to them go to their address online (pdf/theme_handler.py)
    omitted = only_in_default(lang)
    config = language_config("pdf", lang, env)
    env = {**env, "GUIDE_BOOK_OMIT": json.dumps({"site_url": online_url(env), "pages": omitted})}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            mkdocs_build(config.name, Path(tmp) / "site", env)
            pdf = out / Path(paths["pdf"]).name
            shutil.copyfile(Path(tmp) / "site" / "leg-length-guide.pdf", pdf)
            if pdf_html is not None:
                shutil.rmtree(pdf_html, ignore_errors=True)
                shutil.copytree(Path(tmp) / "site", pdf_html)
    finally:
        config.unlink(missing_ok=True)
    t1 = time.monotonic()

    offline = out / ("offline" if lang == langs.default else f"offline-{lang}")
    shutil.rmtree(offline, ignore_errors=True)
    config = language_config("offline", lang, env)
    try:
        mkdocs_build(config.name, offline, env)
    finally:
        config.unlink(missing_ok=True)
    (offline / paths["pdf"]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, offline / paths["pdf"])  # the offline copy links to the PDF inside it
    zip_path = out / Path(paths["offline"]).name
    zip_folder(offline, zip_path)
    t2 = time.monotonic()

    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    pages = next((line.split()[-1] + " pages, " for line in pages.splitlines() if line.startswith("Pages:")), "")
    print(f"PDF ({lang}):     {pdf} ({pages}{pdf.stat().st_size / 1e6:.1f} MB, {t1 - t0:.1f} s)")
    print(f"Offline ({lang}): {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB, {t2 - t1:.1f} s)")
    return {"pdf": pdf, "offline_zip": zip_path, "offline_dir": offline, "lang": lang,
            "seconds": {"pdf": t1 - t0, "offline": t2 - t1}}


def publish(built: dict[str, Path], site_dir: Path) -> list[Path]:
    """Copy the PDF and the zip into ``site_dir`` at the paths in `extra.downloads`."""
    paths = download_paths(built.get("lang"))
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
    parser.add_argument("--lang", help="only this language (en, sv); default: every language")
    parser.add_argument("--edition", type=Path, metavar="DIR",
                        help="build only the PDF of the edition whose mkdocs.yml is in DIR")
    args = parser.parse_args()
    if args.edition:
        build_edition_pdf(args.edition, args.out.resolve())
        return 0
    for lang in [args.lang] if args.lang else languages().codes:
        built = build(args.out.resolve(), lang=lang)
        if args.publish_into:
            for target in publish(built, args.publish_into.resolve()):
                print(f"Published: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
