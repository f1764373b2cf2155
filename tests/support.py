"""Helpers the tests share: paths, the real ``mkdocs build --strict``, a loopback server,
Debian's Chromium, a page that records what it logs and requests, the QR decoder, and the
guide's data loaded once per run.

Tests import these with ``from support import ...``; ``conftest.py`` holds only fixtures.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@functools.cache
def guide():
    """The guide's data (data/*.yml, the default edition), loaded once for the whole run.

    Shared between tests: never change it in place (copy it first).
    """
    from macros.data.guide import load_guide

    return load_guide(ROOT / "data")


@functools.cache
def languages():
    """The languages mkdocs.yml builds (macros/data/languages.py): ``.root`` at /, the others
    below it (``sv/``)."""
    from macros.data.languages import from_config
    from macros.data.yamlfile import read_config

    return from_config(read_config(ROOT / "mkdocs.yml"))


def page_sources(lang: str | None = None) -> list[str]:
    """The Markdown pages under docs/ of one language, relative to docs/: the default
    language's files (``help/urgent.md``), or a language's translations (``help/urgent.sv.md``)."""
    langs = languages()
    docs = ROOT / "docs"
    out = []
    for md in docs.rglob("*.md"):
        src = md.relative_to(docs).as_posix()
        if (langs.source(src) == src) if lang in (None, langs.default) else src.endswith(f".{lang}.md"):
            out.append(src)
    return sorted(out)


def published_path(src: str) -> str:
    """Where a Markdown page is built, relative to the site root: ``help/urgent.sv.md`` ->
    ``sv/help/urgent/``, ``index.md`` -> ``""``."""
    from macros.data.permalinks import page_url

    langs = languages()
    return langs.prefix(langs.of_page(src)) + page_url(langs.source(src)).lstrip("/")


def built_pages(site_dir: Path, lang: str, patient: bool = False) -> dict[str, str]:
    """{path: HTML} of the built content pages in ``lang`` (``patient=True``: the patient
    pages only), from the one list in macros/checks/readability.py. A page under /sv/ that
    is not translated is in no language's list (its English original is)."""
    from macros.checks.readability import built_pages as by_language

    langs = languages()
    return by_language(site_dir, langs.root, [x for x in langs.built if x != langs.root], patient)[lang]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(site_dir: Path, *, config: Path | None = None, site_url: str | None = None,
                 extra_env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build --strict`` and return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir),
           "--config-file", str(config or ROOT / "mkdocs.yml")]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"mkdocs build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@dataclass
class Site:
    """A built site and the loopback address it is served from."""

    dir: Path
    url: str
    build_log: str

    def page_html(self, path: str) -> str:
        """The HTML of a built page, ``path`` like ``"about/"``."""
        file = self.dir / path / "index.html" if not path.endswith(".html") else self.dir / path
        return file.read_text(encoding="utf-8")


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@dataclass
class Tab:
    """A browser page with the console errors and outside requests it produced."""

    page: object
    console_errors: list
    outside_requests: list


def recording_page(context, allowed: tuple[str, ...]) -> Tab:
    """A new page that records console errors and warnings, and every request whose URL
    starts with none of ``allowed``."""
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(allowed) else None)
    return Tab(page, errors, outside)


@dataclass
class Downloads:
    """The PDF book and the offline copy, built by scripts/build_downloads.py."""

    pdf: Path
    offline_zip: Path
    offline_dir: Path
    pdf_html: Path  # the HTML site the PDF was made from


def zbar(png) -> list[str]:
    """Decode every QR code in a PNG with zbarimg."""
    proc = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def zbar_svg(context, svg_html: str, png) -> list[str]:
    """Decode an inline SVG QR code that a page drew, rendered alone at a fixed size.

    An element screenshot inside the page can catch Material's sticky header over the
    code when the machine is busy; the SVG itself is what is under test.
    """
    alone = context.new_page()
    alone.set_content("<style>body{margin:0;background:#fff} svg{width:330px;height:330px}</style>" + svg_html)
    alone.locator("svg").screenshot(path=str(png))
    alone.close()
    return zbar(png)


def figure_name(svg, n: int = 0) -> str:
    """A drawn figure's name: the first id its SVG's aria-labelledby names (its title), else its place."""
    ids = (svg.get("aria-labelledby") or "").split() if svg is not None else []
    return ids[0] if ids else f"figure-{n}"


@functools.cache
def drawn_figures() -> tuple[tuple[str, str], ...]:
    """(published page path like ``"treatment/shoe-lifts/"``, figure name) for every <figure>
    written in docs/**/*.md, read from the Markdown (so tests can be parametrised by it)."""
    from bs4 import BeautifulSoup

    docs = ROOT / "docs"
    found = []
    for md in sorted(docs.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if "<figure" not in text:
            continue
        page = published_path(md.relative_to(docs).as_posix())  # "sv/treatment/shoe-lifts/" for a translation
        for n, fig in enumerate(BeautifulSoup(text, "html.parser").find_all("figure"), 1):
            found.append((page, figure_name(fig.find("svg"), n)))
    return tuple(found)


DECISION_PAGE = "treatment/decision-aid/"  # the decision aid (docs/treatment/decision-aid.md)
