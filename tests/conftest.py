"""Shared fixtures: a real `mkdocs build --strict`, a loopback server, Debian's Chromium.

The site is built once per test session into a temporary folder, with ``SITE_URL`` set
to the loopback address it is then served from, so Material's instant navigation really
runs (it silently falls back to full page loads when the origin differs from site_url).
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

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The guide, built once with --strict and served on loopback."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(out, site_url=url)
    httpd = serve(out, port)
    yield Site(out, url, proc.stdout + proc.stderr)
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


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


@pytest.fixture
def tab(browser, site):
    """A fresh browser context and page; records console errors and off-site requests."""
    context = browser.new_context()
    yield recording_page(context, (site.url, "data:"))
    context.close()


@dataclass
class Downloads:
    """The PDF book and the offline copy, built by scripts/build_downloads.py."""

    pdf: Path
    offline_zip: Path
    offline_dir: Path
    pdf_html: Path  # the HTML site the PDF was made from


@pytest.fixture(scope="session")
def downloads(tmp_path_factory) -> Downloads:
    """Build the PDF and the offline zip once per session (the same code as scripts/pdf)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_downloads

    out = tmp_path_factory.mktemp("downloads")
    built = build_downloads.build(out, pdf_html=out / "pdf-html")
    return Downloads(built["pdf"], built["offline_zip"], built["offline_dir"], out / "pdf-html")
