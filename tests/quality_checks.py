"""Pure helpers for the quality gates (tests/site/test_quality_static.py, tests/browser/test_quality_browser.py and scripts/bench.py).

No browser and no mkdocs here: page discovery over a built site, an internal link and
anchor checker over the built HTML, and the Nu Html Checker filter.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_FILTER = Path(__file__).with_name("vnu-filter.txt")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA: the tags the guide promises.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# --------------------------------------------------------------------------- pages

def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path ("", "about/", "404.html"), sorted.

    Walks the folder rather than trusting a list, so pages added by anyone are checked.
    """
    pages = []
    for f in site_dir.rglob("index.html"):
        rel = f.relative_to(site_dir).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        if 'http-equiv="refresh"' in f.read_text(encoding="utf-8")[:2000]:
            continue  # a permanent-link redirect stub (checked by tests/site/test_permalinks.py)
        pages.append(rel.removesuffix("index.html"))
    for not_found in sorted(site_dir.glob("*404.html")) + sorted(site_dir.glob("*/404.html")):
        pages.append(not_found.relative_to(site_dir).as_posix())  # 404.html, sv/404.html
    return sorted(set(pages))


# The browser gates (axe in two colour schemes, console, requests, storage, instant
# navigation) load every page of the language at the root and these pages of each other
# language: the home page, the warning signs, every tool, a list page, an English-only page
# under the language's tree and its 404 page. The static gates (links, HTML) read every page.
BROWSER_SAMPLE = ("", "help/urgent/", "lengthening/planner/", "lengthening/companion/",
                  "children/growth-prediction/", "glossary/", "clinicians/", "404.html")


def browser_pages(site_dir: Path, others: tuple[str, ...]) -> list[str]:
    """The pages the browser gates load: every page outside the trees of ``others`` (the
    languages built below the root, ``("sv",)``) and BROWSER_SAMPLE in each of those trees."""
    pages = site_pages(site_dir)
    in_tree = lambda p: p.split("/", 1)[0] in others and "/" in p  # noqa: E731
    sample = {f"{lang}/{p}" for lang in others for p in BROWSER_SAMPLE}
    return [p for p in pages if not in_tree(p) or p in sample]


def page_title(site_dir: Path, path: str) -> str:
    """The <title> of a built page."""
    file = site_dir / (path if path.endswith(".html") else path + "index.html")
    m = re.search(r"<title>(.*?)</title>", file.read_text(encoding="utf-8"), re.S)
    return html.unescape(m.group(1).strip()) if m else ""


# --------------------------------------------------------------------------- links

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
               "iframe": "src", "area": "href", "form": "action"}
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, int]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag in ("a", "input") else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        attr = _LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((a[attr], self.getpos()[0]))
        if tag in ("img", "source") and a.get("srcset"):
            for part in a["srcset"].split(","):
                if part.strip():
                    self.links.append((part.strip().split()[0], self.getpos()[0]))

    handle_startendtag = handle_starttag


@dataclass(frozen=True)
class BrokenLink:
    page: str
    line: int
    href: str
    problem: str

    def __str__(self):
        return f"{self.page}:{self.line}: {self.href} ({self.problem})"


def _parse(file: Path) -> _Collector:
    c = _Collector()
    c.feed(file.read_text(encoding="utf-8", errors="replace"))
    return c


def check_links(site_dir: Path, site_url: str = "") -> list[BrokenLink]:
    """Broken internal links and anchors in every HTML file of a built site.

    Links to ``site_url`` count as internal (canonical links, sitemaps). Other hosts are
    external and left to the manual workflow (.github/workflows/links.yml).
    """
    site_dir = Path(site_dir)
    base = urlsplit(site_url) if site_url else None
    parsed: dict[Path, _Collector] = {}

    def parsed_file(f: Path) -> _Collector:
        if f not in parsed:
            parsed[f] = _parse(f)
        return parsed[f]

    broken = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        page_url = "http://site.invalid/" + rel
        for href, line in parsed_file(file).links:
            href = href.strip()
            if not href or href.startswith(_SKIP_SCHEMES):
                continue
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") or href.startswith("//"):
                if not base or parts.netloc != base.netloc or not parts.path.startswith(base.path):
                    continue  # external
                href = "/" + parts.path[len(base.path):] + (f"#{parts.fragment}" if parts.fragment else "")
            target = urlsplit(urljoin(page_url, href))
            path = unquote(target.path).lstrip("/")
            dest = site_dir / path
            if path == "" or path.endswith("/") or dest.is_dir():
                dest = dest / "index.html"
            if not dest.is_file():
                broken.append(BrokenLink(rel, line, href, "missing file"))
                continue
            frag = unquote(target.fragment)
            if frag and dest.suffix == ".html" and frag not in parsed_file(dest).ids:
                broken.append(BrokenLink(rel, line, href, f"no anchor #{frag}"))
    return broken


def external_links(site_dir: Path, site_url: str = "") -> dict[str, set[str]]:
    """Every link to another host in a built site: URL -> the pages that carry it."""
    own = urlsplit(site_url).netloc if site_url else None
    found: dict[str, set[str]] = {}
    for file in sorted(Path(site_dir).rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        for href, _ in _parse(file).links:
            parts = urlsplit(href.strip())
            if parts.scheme in ("http", "https") and parts.netloc and parts.netloc != own:
                found.setdefault(href.strip().split("#")[0], set()).add(rel)
    return found


# --------------------------------------------------------------------------- vnu

@dataclass(frozen=True)
class VnuFilter:
    pattern: re.Pattern
    reason: str


def load_vnu_filter(path: Path = VNU_FILTER) -> list[VnuFilter]:
    """Regexes (one a line, ``REGEX  # reason``); a line without a reason is an error."""
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        regex, sep, reason = line.partition("  #")
        if not sep or not reason.strip():
            raise ValueError(f"{path.name}:{n}: every filter needs a reason after '  #'")
        entries.append(VnuFilter(re.compile(regex.strip(), re.S), reason.strip()))
    return entries


def vnu_subject(message: dict) -> str:
    """The text a filter regex is matched against: message, then the markup extract."""
    return f"{message.get('message', '')} ||| {message.get('extract', '')}"


def run_vnu(*paths: Path) -> list[dict]:
    """All Nu Html Checker errors (not info or warnings) for HTML files under ``paths``."""
    proc = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html",
                           "--errors-only", *map(str, paths)], capture_output=True, text=True, timeout=300)
    data = json.loads(proc.stderr or proc.stdout)
    return [m for m in data["messages"] if m.get("type") in ("error", "non-document-error")]


def unfiltered(messages: list[dict], filters: list[VnuFilter]) -> list[dict]:
    return [m for m in messages if not any(f.pattern.search(vnu_subject(m)) for f in filters)]
