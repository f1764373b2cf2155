"""Quality gates on the built files: valid HTML (Nu Html Checker) and internal links.

MkDocs' own validation catches broken Markdown links under --strict; the crawler here
also sees links written as raw HTML, in macros, in overrides and by the theme.
External links are checked by hand in CI (.github/workflows/links.yml), never here.
"""

from __future__ import annotations

import sys

import pytest

from support import ROOT
from quality_checks import (VNU_FILTER, check_links, external_links, load_vnu_filter, run_vnu, site_pages, unfiltered,
                            vnu_subject)

BAD_MARKUP = """<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body>
<div><p>unclosed <span>inside</div>
<input class="app-x" type="checkbox" id="mine" autocomplete="off">
</body></html>"""


@pytest.fixture(scope="module")
def vnu_run(site, tmp_path_factory):
    """One Java start for the whole site plus a known-bad page (the negative control)."""
    bad_dir = tmp_path_factory.mktemp("vnu-bad")
    (bad_dir / "bad.html").write_text(BAD_MARKUP, encoding="utf-8")
    return run_vnu(site.dir, bad_dir)


def test_vnu_filter_entries_all_have_reasons():
    filters = load_vnu_filter()
    assert filters and all(f.reason for f in filters)


def test_no_html_errors_beyond_the_documented_theme_findings(vnu_run, site):
    ours = [m for m in vnu_run if "vnu-bad" not in m.get("url", "")]
    left = unfiltered(ours, load_vnu_filter())
    report = [f"{m['url'].split(str(site.dir))[-1]}:{m.get('lastLine')}: {m['message']}" for m in left]
    assert not left, "Nu Html Checker errors:\n" + "\n".join(report)


def test_vnu_and_filter_still_catch_our_own_errors(vnu_run):
    """Negative control: the same run reports the bad page, and the theme filter does not
    hide an `autocomplete` error on a checkbox the project writes itself."""
    bad = unfiltered([m for m in vnu_run if "vnu-bad" in m.get("url", "")], load_vnu_filter())
    messages = " / ".join(vnu_subject(m) for m in bad)
    assert "autocomplete" in messages, messages
    assert "span" in messages, messages


def test_no_broken_internal_links_or_anchors(site):
    # The PDF and the offline zip are added to the site at deploy time
    # (scripts/build_downloads.py --publish-into); tests/browser/test_print.py checks that every
    # page's download links reach them once they are published.
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_downloads import all_download_paths

    added_at_deploy = all_download_paths()  # every language's book and offline copy
    broken = [b for b in check_links(site.dir, site.url) if not b.href.endswith(added_at_deploy)]
    assert not broken, "broken internal links:\n" + "\n".join(map(str, broken))


def test_link_checker_can_fail(tmp_path):
    """Negative control on a tiny hand-made site."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top" id="top">ok</a>'
        ' <a href="https://example.org/x">external</a> <a href="https://my.site/a/">own</a>'
        ' <a href="b/">missing page</a> <a href="a/#nowhere">missing anchor</a>'
        ' <img src="logo.png"> <a href="https://my.site/c/">own but missing</a>', encoding="utf-8")
    broken = {(b.href, b.problem) for b in check_links(tmp_path, "https://my.site/")}
    assert external_links(tmp_path, "https://my.site/") == {"https://example.org/x": {"index.html"}}
    assert broken == {("b/", "missing file"), ("a/#nowhere", "no anchor #nowhere"),
                      ("logo.png", "missing file"), ("/c/", "missing file")}, broken


def test_page_discovery_walks_the_site(site):
    pages = site_pages(site.dir)
    built = {p.parent.relative_to(site.dir).as_posix() for p in site.dir.rglob("index.html")
             if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:2000]}  # redirect stubs
    not_found = {p.relative_to(site.dir).as_posix() for p in site.dir.glob("**/404.html")}  # 404.html, sv/404.html
    assert {"404.html", "sv/404.html"} <= not_found
    assert len(pages) == len({b for b in built if not b.startswith(("assets", "search"))}) + len(not_found)
    assert VNU_FILTER.exists()
