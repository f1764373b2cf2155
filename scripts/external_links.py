"""Check every external link in the built guide (needs the internet; run by hand or by
.github/workflows/links.yml, never in the pull-request tests).

Usage: python scripts/external_links.py [SITE_DIR]   (default: build into a temp folder)
Exit status 1 when a link is gone (HTTP 404 or 410, or the host does not resolve).
Publishers often refuse robots (401, 403, 429, 5xx): those are listed as warnings to
check by hand in a browser, not failures.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from quality_checks import external_links  # noqa: E402

GONE = {404, 410}
HEADERS = {"User-Agent": "Mozilla/5.0 (leg-length-guide link check)", "Accept": "text/html,*/*"}


def status(url: str) -> tuple[str, str]:
    """('ok' | 'gone' | 'warn', detail) for one URL: HEAD first, then GET."""
    last = ""
    for method in ("HEAD", "GET"):
        for attempt in range(2):
            try:
                req = urllib.request.Request(url, method=method, headers=HEADERS)
                with urllib.request.urlopen(req, timeout=25) as resp:
                    return "ok", str(resp.status)
            except urllib.error.HTTPError as e:
                last = f"HTTP {e.code}"
                if e.code in GONE and method == "GET":
                    return "gone", last
                if e.code in (405, 501) or e.code in GONE:
                    break  # HEAD not allowed or unreliable: try GET
            except (urllib.error.URLError, TimeoutError, OSError) as e:
                last = f"{type(e).__name__}: {getattr(e, 'reason', e)}"
                if "Name or service not known" in last or "nodename nor servname" in last:
                    return "gone", last
            time.sleep(2)
    return "warn", last


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                       cwd=ROOT, check=True)
    links = external_links(site, "https://leg-length-guide.github.io/")
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links)))
    gone = {u: d for u, (s, d) in results.items() if s == "gone"}
    warn = {u: d for u, (s, d) in results.items() if s == "warn"}
    for label, group in (("GONE", gone), ("CHECK BY HAND", warn)):
        for url, detail in sorted(group.items()):
            print(f"{label}: {url} ({detail}) on {', '.join(sorted(links[url]))}")
    print(f"{len(links)} external links: {len(links) - len(gone) - len(warn)} ok, "
          f"{len(warn)} to check by hand, {len(gone)} gone")
    return 1 if gone else 0


if __name__ == "__main__":
    raise SystemExit(main())
