"""Who stands behind each page and what changed: the edition's editorial section reaches
every page's foot (publisher, clinical sign-off or a plain "not yet reviewed"), the About
page and the report page give a route that works, and every clinical number change is
recorded in data/changes.yml (the What changed page, linked from each page's foot).
Expected values come from the data files, never from the built output."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT, guide, page_sources
from macros.data.changes import load_changes, parameters_snapshot, parse_changes
from macros.data.yamlfile import read_yaml
from macros.data.editorial import issue_tracker, parse_editorial
from macros.render.editorial import statement
from macros.errors import GuideDataError
from macros.data.yamlfile import read_config

DOCS = ROOT / "docs"
PAGES = page_sources()  # the English files; tests/site/test_two_languages.py reads the Swedish feet
GUIDE = guide()
STRINGS = GUIDE.strings["templates"]["editorial"]


CONFIG = read_config(ROOT / "mkdocs.yml")
EDITORIAL = parse_editorial(CONFIG["extra"].get("editorial"), "mkdocs.yml", "extra.editorial", CONFIG["site_name"])
CHANGES = load_changes(ROOT / "data", GUIDE.references, PAGES)


def _foot(html: str) -> str:
    foot = BeautifulSoup(html, "html.parser").select_one(".app-page-foot")
    return " ".join(foot.get_text(" ").split()) if foot else ""


def _built(site):
    out = {}
    for md in PAGES:
        path = md[:-3]
        path = path[:-5] if path.endswith("index") else path + "/"
        out[md] = site.dir / path / "index.html"
    return out


# --- the editorial section ---------------------------------------------------------

def test_every_page_foot_says_who_publishes_it_and_who_signed_it_off(site):
    published = STRINGS["published_by"].format(publisher=EDITORIAL["publisher"])
    for md, html_file in _built(site).items():
        foot = _foot(html_file.read_text(encoding="utf-8"))
        assert published in foot, md
        if EDITORIAL["reviewers"]:
            assert all(r["name"] in foot for r in EDITORIAL["reviewers"]), md
        else:
            assert STRINGS["not_reviewed"] in foot, md
        assert STRINGS["report"] in foot, md


def test_about_states_publisher_funding_and_route(site):
    text = " ".join(BeautifulSoup(site.page_html("about/"), "html.parser").select_one("article").get_text(" ").split())
    assert statement(EDITORIAL, STRINGS, GUIDE.strings["locale"]) in text
    for phrase in ("open, non-commercial project", "Funding: none", "Advertising: none",
                   "Conflicts of interest: none declared"):
        assert phrase in text, phrase
    assert "We follow the JAMA benchmark" not in text  # no claim the guide does not meet
    if not EDITORIAL["reviewers"]:
        assert "No named clinician has checked the guide yet" in text


def test_report_route_is_the_projects_issue_tracker(site):
    tracker = issue_tracker(None, CONFIG["site_url"])  # derived from the published address
    assert tracker and tracker == CONFIG["extra"]["repository"] + "/issues"
    soup = BeautifulSoup(site.page_html("clinicians/report-an-error/"), "html.parser")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert tracker in hrefs
    assert "does not list an address" not in soup.get_text()


@pytest.mark.parametrize("raw, problem", [
    ({"reviewers": [{"name": "A B", "date": dt.date(2999, 1, 1)}]}, "x.reviewers[0].date: 2999-01-01 is in the future"),
    ({"reviewers": [{"profession": "Surgeon", "date": dt.date(2026, 1, 1)}]}, "x.reviewers[0].name: is missing"),
    ({"reviewers": [{"name": "A B"}]}, "x.reviewers[0].date: is missing"),
    ({"editor": {"role": "Editor", "contact": "no address yet"}}, "x.editor.contact: must be an email or web address"),
    ({"sponsor": "Acme"}, "x.sponsor: is not a known field"),
])
def test_bad_editorial_fails_naming_the_key(raw, problem):
    with pytest.raises(GuideDataError) as err:
        parse_editorial(raw, "f.yml", "x", "Guide")
    assert problem in str(err.value)


def test_issue_tracker_derivation():
    assert issue_tracker(None, "https://someone.github.io/") == "https://github.com/someone/someone.github.io/issues"
    assert issue_tracker(None, "https://someone.github.io/guide/") == "https://github.com/someone/guide/issues"
    assert issue_tracker("https://github.com/a/b/", None) == "https://github.com/a/b/issues"
    assert issue_tracker(None, "https://guide.example.org/") == ""


# --- the record of changes ---------------------------------------------------------

def test_clinical_numbers_match_the_newest_change_entry():
    now = parameters_snapshot(read_yaml(ROOT / "data/parameters.yml"))
    assert CHANGES[0].parameters == now, (
        f"data/parameters.yml changed (snapshot {now}) but data/changes.yml's newest entry records "
        f"{CHANGES[0].parameters}: add an entry (python scripts/changes.py snapshot)")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/changes.py"), "check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def _first_leaf(node, path=()):
    for k, v in node.items():
        if isinstance(v, dict) and "unit" in v:
            return path + (k,), v
        if isinstance(v, dict):
            found = _first_leaf(v, path + (k,))
            if found:
                return found
    return None


def test_snapshot_moves_with_clinical_values_only():
    raw = read_yaml(ROOT / "data/parameters.yml")
    base = parameters_snapshot(raw)
    _, leaf = _first_leaf(raw["parameters"])
    field = next(f for f in ("typical", "value", "high") if f in leaf)
    changed = copy.deepcopy(raw)
    _, cleaf = _first_leaf(changed["parameters"])
    cleaf[field] = cleaf[field] + 1
    assert parameters_snapshot(changed) != base  # a new number needs a new entry
    reworded = copy.deepcopy(raw)
    _, rleaf = _first_leaf(reworded["parameters"])
    rleaf["note"] = "Reworded note."
    rleaf["label"] = "Reworded label"
    rleaf[field] = float(rleaf[field])
    assert parameters_snapshot(reworded) == base  # wording and 5 vs 5.0 are not clinical changes
    script = subprocess.run([sys.executable, str(ROOT / "scripts/changes.py"), "snapshot"],
                            capture_output=True, text=True, check=True)
    assert script.stdout.strip() == base


@pytest.mark.parametrize("entry, problem", [
    ({"date": dt.date(2999, 1, 1), "pages": ["about.md"], "what": "x", "why": "y", "parameters": "z"}, "[0].date: 2999-01-01 is in the future"),
    ({"date": dt.date(2026, 1, 1), "pages": ["nowhere.md"], "what": "x", "why": "y", "parameters": "z"}, "[0].pages: 'nowhere.md' is not a page"),
    ({"date": dt.date(2026, 1, 1), "pages": ["about.md"], "what": "x", "why": "y"}, "[0].parameters: is missing"),
    ({"date": dt.date(2026, 1, 1), "pages": ["about.md"], "what": "x", "why": "y", "parameters": "z",
      "sources": ["nobody1999"]}, "cites unknown reference 'nobody1999'"),
])
def test_bad_change_entries_fail_naming_the_field(entry, problem):
    with pytest.raises(GuideDataError) as err:
        parse_changes([entry], GUIDE.references, PAGES)
    assert problem in str(err.value)


def test_changes_newest_first_enforced():
    older = {"date": dt.date(2026, 1, 1), "pages": ["all"], "what": "x", "why": "y", "parameters": "z"}
    newer = {**older, "date": dt.date(2026, 2, 1)}
    with pytest.raises(GuideDataError, match="newest first"):
        parse_changes([older, newer], GUIDE.references, PAGES)


def test_what_changed_page_and_each_foot_link_the_entries(site):
    soup = BeautifulSoup(site.page_html("changes/"), "html.parser")
    ids = [el["id"] for el in soup.select("article [id^='change-']")]
    assert ids == [c.anchor for c in CHANGES]
    # One heading per day: the page's menu names each day once.
    days = list(dict.fromkeys(c.date for c in CHANGES))
    headings = [h["id"] for h in soup.select("article h2[id^='change-']")]
    assert headings == [next(c.anchor for c in CHANGES if c.date == d) for d in days]
    menus = soup.select("nav.md-nav--secondary")  # the page's contents (in the sidebar and the drawer)
    assert menus and all(len(m.select("a[href^='#change-']")) == len(days) for m in menus)
    for md, html_file in _built(site).items():
        foot = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one(".app-page-foot__changes")
        linked = [a["href"].split("#", 1)[1] for a in foot.select("a[href*='#change-']")]
        # each day once, linking to that day's first entry for the page
        first_per_day = {}
        for c in CHANGES:
            if c.covers(md):
                first_per_day.setdefault(c.date, c.anchor)
        assert linked == list(first_per_day.values()), md
        dates = [t.get_text() for t in foot.select("a[href*='#change-'] time")]
        assert len(dates) == len(set(dates)), md
        assert foot.select_one("a[href$='/changes/']"), md


# --- dates in the strings file's locale (Babel) --------------------------------------------

def test_dates_are_written_in_the_strings_files_locale():
    from macros.render.changes import render as changes_list
    from macros.render.environment import long_date, month_year
    day = dt.date(2027, 3, 1)
    assert GUIDE.strings["locale"] == "en_GB"
    assert (long_date(day, "en_GB"), month_year(day, "en_GB")) == ("1 March 2027", "March 2027")
    assert (long_date(day, "sv_SE"), month_year(day, "sv_SE")) == ("1 mars 2027", "mars 2027")
    change = dataclasses.replace(CHANGES[0], date=day)
    t = GUIDE.strings["templates"]["changes"]
    assert changes_list([change], {}, lambda k: k, t, "sv_SE").startswith(f"## 1 mars 2027 {{#{change.anchor}}}\n")
    assert changes_list([change], {}, lambda k: k, t, "en_GB").startswith(f"## 1 March 2027 {{#{change.anchor}}}\n")
    signed = {**EDITORIAL, "reviewers": [{"name": "A Name", "profession": "", "registration": "", "date": day}]}
    assert "A Name, 1 mars 2027." in statement(signed, STRINGS, "sv_SE")
    assert "A Name, 1 March 2027." in statement(signed, STRINGS, "en_GB")


def test_page_foot_dates_are_the_front_matter_dates_in_words(site):
    from macros import REVIEW_INTERVAL_MONTHS
    from macros.data.frontmatter import add_months
    html_file = _built(site)["index.md"]
    reviewed = yaml.safe_load((DOCS / "index.md").read_text(encoding="utf-8").split("---")[1])["reviewed"]
    reviewed = reviewed if isinstance(reviewed, dt.date) else dt.date.fromisoformat(str(reviewed))
    due = add_months(reviewed, REVIEW_INTERVAL_MONTHS)
    dates = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select(".app-page-foot__dates time")
    assert [t.get_text() for t in dates] == [f"{reviewed.day} {reviewed:%B %Y}", f"{due:%B %Y}"]
    assert [t["datetime"] for t in dates] == [reviewed.isoformat(), due.isoformat()]
