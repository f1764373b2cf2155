"""The link contract (data/permalinks.yml): every permanent link and every address ever
published resolves in the built site, every page has a permanent link, and renaming a
page without a redirect fails the build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from support import ROOT, mkdocs_build, page_sources
from macros.errors import GuideDataError
from macros.data.permalinks import load_permalinks, page_url, parse_permalinks

DOCS = ROOT / "docs"
CONTRACT_FILE = ROOT / "data" / "permalinks.yml"
PAGES = page_sources()  # the English files: a translation has no permanent link of its own
CONTRACT = load_permalinks(CONTRACT_FILE, PAGES)
RAW = yaml.safe_load(CONTRACT_FILE.read_text())
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def resolve(site_dir: Path, url: str, hops: int = 3) -> Path:
    """Follow a site address (and its redirect pages) to the built page it shows."""
    path = site_dir / url.strip("/") / "index.html"
    assert path.is_file(), f"{url} does not resolve: no {path.relative_to(site_dir)}"
    html = path.read_text(encoding="utf-8")
    m = REFRESH.search(html)
    if m:
        assert hops > 0, f"{url}: redirect loop"
        target = (Path("/") / url.strip("/") / m.group(1)).resolve().as_posix()
        return resolve(site_dir, target.rstrip("/") + "/", hops - 1)
    assert 'class="md-content"' in html, f"{url} is neither a page nor a redirect"
    return path


def test_contract_lists_every_page():
    missing = [p for p in PAGES if CONTRACT.for_page(p) is None]
    assert not missing, f"pages without a permanent link in data/permalinks.yml (links:): {missing}"
    unpublished = [page_url(p) for p in PAGES if page_url(p) not in CONTRACT.published]
    assert not unpublished, f"page addresses missing from data/permalinks.yml (published:): {unpublished}"


@pytest.mark.parametrize("short", sorted(CONTRACT.links))
def test_permanent_link_resolves_to_its_page(site, short):
    page = resolve(site.dir, short)
    assert page == site.dir / page_url(CONTRACT.links[short]).strip("/") / "index.html"


@pytest.mark.parametrize("url", CONTRACT.published)
def test_published_address_still_resolves(site, url):
    resolve(site.dir, url)


def test_planner_link_follows_the_planner_page():
    """/go/planner/ is required once the planner page exists (and cannot exist before)."""
    if (DOCS / "lengthening/planner.md").exists():
        assert CONTRACT.links.get("/go/planner/") == "lengthening/planner.md"
    else:
        assert "/go/planner/" not in CONTRACT.links


def test_redirect_keeps_query_for_prefilled_links(site, tab):
    short = CONTRACT.for_page("about.md")
    tab.page.goto(site.url + short.lstrip("/") + "?amount=50#top")
    tab.page.wait_for_url("**/about/?amount=50#top")
    assert tab.page.locator("h1").first.inner_text().strip()


@pytest.mark.parametrize("change, expected", [
    (lambda r: r["links"].update({"/go/nothing/": "no-such-page.md"}), "links./go/nothing/: points to 'no-such-page.md'"),
    (lambda r: r["links"].update({"/Go/About/": "about.md"}), "links./Go/About/: must look like /go/word/"),
    (lambda r: r["published"].append("/gone/"), "/gone/ no longer resolves"),
    (lambda r: r.update(moved={"/about/": "index.md"}), "moved./about/: is the address of a page that exists"),
])
def test_contract_errors_name_the_entry(change, expected):
    raw = yaml.safe_load(CONTRACT_FILE.read_text())
    change(raw)
    with pytest.raises(GuideDataError, match=re.escape(expected)):
        parse_permalinks(raw, PAGES)


def test_renaming_a_page_needs_a_redirect(tmp_path):
    """Rename about.md: the build fails until the old address is listed under moved:."""
    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    for version in (proj / "docs").glob("about.*md"):  # about.md and its translations (about.sv.md)
        version.rename(version.with_name(version.name.replace("about", "about-us", 1)))
    for name in ("mkdocs.yml", "data/permalinks.yml", "data/changes.yml"):
        f = proj / name
        f.write_text(f.read_text().replace("about.md", "about-us.md"))
    for md in (proj / "docs").rglob("*.md"):
        md.write_text(md.read_text().replace("(about.md", "(about-us.md").replace("(../about.md", "(../about-us.md"))
    proc = mkdocs_build(tmp_path / "out1", config=proj / "mkdocs.yml", check=False)
    assert proc.returncode != 0
    assert "/about/ no longer resolves" in proc.stdout + proc.stderr

    contract = proj / "data/permalinks.yml"
    contract.write_text(contract.read_text().replace("moved: {}", "moved:\n  /about/: about-us.md"))
    mkdocs_build(tmp_path / "out2", config=proj / "mkdocs.yml")
    assert resolve(tmp_path / "out2", "/about/") == tmp_path / "out2/about-us/index.html"
    assert resolve(tmp_path / "out2", CONTRACT.for_page("about.md")) == tmp_path / "out2/about-us/index.html"
