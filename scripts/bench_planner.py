#!/usr/bin/env python3
"""Benchmark the timeline planner in Debian's Chromium (not a test).

Builds the site, serves it on loopback, opens /lengthening/planner/ and prints:
* the recompute time per input change (typing a new amount: the input event handler,
  which parses, computes, re-renders and updates the URL), median and 95th percentile;
* the page's transferred size (HTML, CSS, JS, everything the browser fetched).

Usage: /tmp/v/bin/python scripts/bench_planner.py [--changes 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from support import CHROMIUM, CHROMIUM_ARGS, free_port, mkdocs_build, serve  # noqa: E402

MEASURE = """(n) => {
  const f = document.querySelector('.app-planner__form');
  const input = f.elements.amount;
  const times = [];
  for (let i = 0; i < n; i++) {
    input.value = String(10 + (i * 7) % 90);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
    document.querySelector('.app-planner__result [data-phase]').getBoundingClientRect();  // force layout
    times.push(performance.now() - t0);
  }
  return times;
}"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=200)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        mkdocs_build(Path(tmp), site_url=url)
        httpd = serve(Path(tmp), port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                sizes: dict[str, int] = {}

                def on_response(resp):
                    try:
                        sizes[resp.url] = len(resp.body())
                    except Exception:
                        pass

                page.on("response", on_response)
                page.goto(url + "lengthening/planner/", wait_until="networkidle")
                page.wait_for_selector("[data-app-widget='planner'][data-app-ready]")
                page.evaluate(MEASURE, 20)  # warm-up
                times = sorted(page.evaluate(MEASURE, args.changes))
                browser.close()
        finally:
            httpd.shutdown()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"recompute per input change ({len(times)} changes): median {statistics.median(times):.2f} ms, "
          f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms")
    html = sum(v for k, v in sizes.items() if k.rstrip("/").endswith("planner") or k.endswith("/planner/"))
    total = sum(sizes.values())
    print(f"page transferred: {total / 1024:.1f} KiB in {len(sizes)} responses (uncompressed); "
          f"planner HTML {html / 1024:.1f} KiB")
    for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {v / 1024:7.1f} KiB  {k.replace(url, '/')}")


if __name__ == "__main__":
    main()
