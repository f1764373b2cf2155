"""Performance benchmark (not a test): prints Markdown tables for the README's
"Quality figures" section.

Usage: python scripts/bench.py [--no-lighthouse] [--runs N] [--desktop] [--only WORD,...]
  --runs N     Lighthouse runs a page (default 3); --desktop: Lighthouse's desktop preset
  --only       only the pages whose label contains one of the words (e.g. --only Home,Planner)
  --quick      skip the PDF build and the planner's recompute timing

1. Builds the site (timed) and, if scripts/pdf exists, the PDF (timed).
2. Serves the site on loopback with gzip, as a static host would.
3. For each page in PAGES: Lighthouse 12 (mobile preset) scores, and the bytes the page
   transfers (gzip-compressed, as recorded by Chromium through Playwright), split into
   HTML, CSS, JS, fonts, images and other (the search index); and the guide's own CSS and
   JS (not Material's): requests and bytes, raw and gzip (budget: a content page at most
   2 requests and 4 KB gzip; a widget page adds its widget's stylesheet and scripts).
4. If scripts/bench_planner.py exists, runs it for the planner's recompute time.
Budgets: Lighthouse performance >= 95; accessibility, best practices, SEO = 100;
a content page under 150 KB transferred. A page that does not exist prints "missing".
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

# (label, URL path, is a content page for the 150 KB budget)
PAGES = [
    ("Home", "", True),
    ("About", "about/", True),
    ("Long content: what is LLD", "understanding/what-is-lld/", True),
    ("Long content: risks", "lengthening/risks/", True),
    ("Planner", "lengthening/planner/", False),
    ("Growth estimator", "children/growth-prediction/", False),
    ("Link builder", "clinicians/linking/", False),
]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
BUDGET_SCORES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
BUDGET_CONTENT_KB = 150
BUDGET_OWN_REQUESTS = 2  # a content page: the site stylesheet and widgets.js
BUDGET_OWN_GZIP_KB = 4
GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
BENCHMARK_INDEX: list[float] = []  # Lighthouse's measure of this machine's CPU speed, per run
KINDS = ["HTML", "CSS", "JS", "fonts", "images", "other"]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages does)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in GZIP_TYPES and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Bytes(body)
        return super().send_head()


class _Bytes:
    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def timed(cmd, env=None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                          capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    return time.perf_counter() - start, proc.returncode


def kind(url: str, resource_type: str) -> str:
    ext = Path(urlsplit(url).path).suffix.lower()
    if resource_type == "document" or ext == ".html":
        return "HTML"
    if ext == ".css":
        return "CSS"
    if ext == ".js" or resource_type == "script":
        return "JS"
    if ext in (".woff", ".woff2", ".ttf", ".otf"):
        return "fonts"
    if ext in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"):
        return "images"
    return "other"


def is_own(url: str) -> bool:
    """The guide's own CSS and JS: under assets/, not Material's minified, hash-named files."""
    path = urlsplit(url).path
    return ("/assets/stylesheets/" in path or "/assets/javascripts/" in path) and ".min." not in path \
        and Path(path).suffix in (".css", ".js")


def transfer_sizes(browser, base: str, site: Path, path: str) -> tuple[dict[str, int], dict[str, int]]:
    """Bytes each kind of resource costs the page, gzip-compressed where a host would; and
    the guide's own CSS and JS: requests, raw bytes and gzip bytes."""
    context = browser.new_context()
    seen: dict[str, str] = {}
    context.on("request", lambda r: seen.setdefault(r.url, r.resource_type))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    context.close()
    sizes = dict.fromkeys(KINDS, 0)
    own = {"requests": 0, "raw": 0, "gzip": 0}
    for url, rtype in seen.items():
        if not url.startswith(base):
            continue
        file = site / unquote(urlsplit(url).path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        data = file.read_bytes()
        sent = len(gzip.compress(data, 6)) if file.suffix in GZIP_TYPES else len(data)
        sizes[kind(url, rtype)] += sent
        if is_own(url):
            own["requests"] += 1
            own["raw"] += len(data)
            own["gzip"] += sent
    return sizes, own


def lighthouse(url: str, runs: int, desktop: bool = False) -> dict[str, int] | str:
    """Median score per category over ``runs`` runs (Lighthouse's own advice for noisy hosts)."""
    results = [_lighthouse_once(url, desktop) for _ in range(runs)]
    if any(isinstance(r, str) for r in results):
        return next(r for r in results if isinstance(r, str))
    return {cat: int(statistics.median(r[cat] for r in results)) for cat in results[0]}


def _lighthouse_once(url: str, desktop: bool = False) -> dict[str, int] | str:
    out = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         *(["--preset=desktop"] if desktop else []),
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    try:
        cats = json.loads(out.stdout)["categories"]
    except (json.JSONDecodeError, KeyError):
        return "failed: " + (out.stderr.strip().splitlines() or ["no output"])[-1][:80]
    scores = {k: round(v["score"] * 100) for k, v in cats.items() if v.get("score") is not None}
    BENCHMARK_INDEX.append(json.loads(out.stdout)["environment"].get("benchmarkIndex", 0))
    return scores


def mark(ok: bool) -> str:
    return "" if ok else " ✗"


def main() -> int:
    run_lighthouse = "--no-lighthouse" not in sys.argv
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    desktop = "--desktop" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    pages = [p for p in PAGES if only is None or any(w.lower() in p[0].lower() for w in only)]
    site = Path(tempfile.mkdtemp(prefix="bench-")) / "site"
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build_s, rc = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                        {"SITE_URL": base})
    if rc:
        print("site build failed", file=sys.stderr)
        return 1
    pdf_script = ROOT / "scripts" / "pdf"
    quick = "--quick" in sys.argv
    pdf = ("skipped (--quick)" if quick else f"{timed(['bash', str(pdf_script)])[0]:.1f} s" if pdf_script.exists()
           else "missing (no scripts/pdf)")

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    from playwright.sync_api import sync_playwright

    rows_lh, rows_bytes, rows_own, failures = [], [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, path, content in pages:
            name = f"{label} (`/{path}`)"
            if not (site / path / "index.html").is_file():
                rows_lh.append(f"| {name} | missing | | | |")
                rows_bytes.append(f"| {name} | missing | | | | | | |")
                rows_own.append(f"| {name} | missing | | |")
                continue
            sizes, own = transfer_sizes(browser, base, site, path)
            own_ok = not content or (own["requests"] <= BUDGET_OWN_REQUESTS
                                     and own["gzip"] <= BUDGET_OWN_GZIP_KB * 1024)
            if not own_ok:
                failures.append(f"{name}: own CSS and JS {own['requests']} requests, {own['gzip'] / 1024:.1f} KB gzip")
            rows_own.append(f"| {name} | {own['requests']}{mark(own_ok)} | {own['raw'] / 1024:.1f} "
                            f"| {own['gzip'] / 1024:.1f}{mark(own_ok)} |")
            total = sum(sizes.values()) / 1024
            over = content and total >= BUDGET_CONTENT_KB
            if over:
                failures.append(f"{name}: {total:.0f} KB transferred")
            rows_bytes.append(f"| {name} | " + " | ".join(f"{sizes[k] / 1024:.1f}" for k in KINDS)
                              + f" | {total:.1f}{mark(not over)} |")
            if run_lighthouse:
                scores = lighthouse(base + path, runs, desktop)
                if isinstance(scores, str):
                    rows_lh.append(f"| {name} | {scores} | | | |")
                    failures.append(f"{name}: Lighthouse {scores}")
                    continue
                cells = []
                for cat, budget in BUDGET_SCORES.items():
                    ok = scores.get(cat, 0) >= budget
                    if not ok:
                        failures.append(f"{name}: {cat} {scores.get(cat)} < {budget}")
                    cells.append(f"{scores.get(cat, '?')}{mark(ok)}")
                rows_lh.append(f"| {name} | " + " | ".join(cells) + " |")
        browser.close()
    httpd.shutdown()

    print(f"Site build (`mkdocs build --strict`): {build_s:.1f} s; PDF build: {pdf}\n")
    if run_lighthouse:
        bi = min(BENCHMARK_INDEX, default=0)
        print(f"Lighthouse 12.2.3, {'desktop' if desktop else 'mobile'} preset, median of {runs} runs (budget: performance ≥ 95, others 100). "
              f"Machine: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, Lighthouse "
              f"benchmarkIndex {bi:.0f} (lowest run; an idle modern core scores well over 1000, and "
              "performance falls on a busy machine, total blocking time most):\n")
        print("| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|")
        print("\n".join(rows_lh) + "\n")
    print(f"Transferred, gzip, KB (budget: content page < {BUDGET_CONTENT_KB} KB):\n")
    print("| page | " + " | ".join(KINDS) + " | total |\n|---" * 1 + "|---" * (len(KINDS) + 1) + "|")
    print("\n".join(rows_bytes) + "\n")
    print(f"The guide's own CSS and JS (budget: a content page at most {BUDGET_OWN_REQUESTS} requests and "
          f"{BUDGET_OWN_GZIP_KB} KB gzip):\n")
    print("| page | requests | raw KB | gzip KB |\n|---|---|---|---|")
    print("\n".join(rows_own) + "\n")
    bench_planner = ROOT / "scripts" / "bench_planner.py"
    if quick:
        print("Planner recompute: skipped (--quick)\n")
    elif bench_planner.exists():
        out = subprocess.run([sys.executable, str(bench_planner)], cwd=ROOT, capture_output=True, text=True)
        print("Planner recompute (scripts/bench_planner.py):\n\n" + (out.stdout or out.stderr).strip() + "\n")
    else:
        print("Planner recompute: missing (no scripts/bench_planner.py)\n")
    print("Over budget: " + ("; ".join(failures) if failures else "nothing") + " (✗ marks a missed budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
