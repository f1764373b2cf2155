"""The built site in two languages: English at /, Swedish at /sv/.

* every page says its language (``<html lang>``), in Material's interface in that language;
* a translated page and its original point at each other: hreflang alternates in the sitemap (full
  addresses) and the language switcher, which loads the other page in
  full (``target="_self"``: instant navigation would keep the first page's language);
* no English text is served as Swedish: a page under /sv/ whose text is the English page's
  is marked ``lang="en"``, has the English page as canonical address and no hreflang links;
* the Swedish pages show the Swedish data (numbers, signs, phone list led by Sweden, hover
  glossary) and the navigation marks the English-only pages "(på engelska)";
* both languages have a 404 page, the sitemap lists both, and the search index has both.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data import glossary
from macros.data.languages import default_only
from support import ROOT, built_pages, languages, page_sources, published_path

LANGS = languages()
STRINGS = {lang: yaml.safe_load((ROOT / "data" / f"strings.{lang}.yml").read_text(encoding="utf-8"))
           for lang in ("en", "sv")}
SV_ONLY_SOURCES = page_sources("sv")


def _html(site, rel: str) -> str:
    return (site.dir / rel).read_text(encoding="utf-8")


def _soup(site, rel: str) -> BeautifulSoup:
    return BeautifulSoup(_html(site, rel), "html.parser")


def _article_text(html: str) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for el in article.select(".app-page-foot, .app-fallback-notice, .headerlink, .md-tooltip, script, svg"):
        el.decompose()
    return " ".join(article.get_text(" ").split())


def _pairs() -> list[tuple[str, str]]:
    """(English page, Swedish page) built paths of every translated page."""
    return [(published_path(LANGS.source(src)) + "index.html", published_path(src) + "index.html")
            for src in SV_ONLY_SOURCES]


def test_every_page_says_its_language(site):
    for lang in LANGS.built:
        pages = built_pages(site.dir, lang)
        assert pages or lang != LANGS.root
        for rel, html in pages.items():
            assert re.search(rf'<html lang="{lang}"', html), rel


def test_material_speaks_swedish_on_swedish_pages(site):
    sv = _soup(site, "sv/index.html")
    assert sv.select_one("input.md-search__input")["placeholder"] == "Sök"
    assert sv.select_one("a.md-skip").get_text(strip=True) == "Gå till innehållet"
    en = _soup(site, "index.html")
    assert en.select_one("input.md-search__input")["placeholder"] == "Search"
    # The link beside each heading is titled in the page's language (the strings' theme.headerlink).
    for rel, html in built_pages(site.dir, "sv").items():
        assert 'title="Link to this section"' not in html and 'title="Länk till det här avsnittet"' in html, rel


def test_no_english_text_is_served_as_swedish(site):
    """Each page under /sv/ with the same article text as its English page is marked
    lang="en", names the English page as canonical and has no hreflang links."""
    marked = 0
    for page in sorted((site.dir / "sv").rglob("index.html")):
        rel = page.relative_to(site.dir).as_posix()
        html = page.read_text(encoding="utf-8")
        if 'class="md-content"' not in html:
            continue
        english_rel = rel.removeprefix("sv/")
        english = _html(site, english_rel)
        same = _article_text(html) == _article_text(english)
        article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
        if same:
            marked += 1
            assert article.get("lang") == "en", f"{rel}: English text served as Swedish"
            canonical = BeautifulSoup(html, "html.parser").select_one("link[rel=canonical]")
            assert canonical["href"].endswith("/" + english_rel.removesuffix("index.html")), rel
            assert not re.search(r'hreflang="', html.split("</head>")[0]), rel
        else:
            assert article.get("lang") is None, f"{rel}: a Swedish page is marked as English"
    # The English-only pages are always among them.
    only = [published_path(s) for s in page_sources() if default_only(s)]
    assert marked >= len(only) > 0


def test_english_only_pages_under_sv_are_the_english_pages(site):
    for src in page_sources():
        if default_only(src):
            rel = "sv/" + published_path(src) + "index.html"
            assert 'lang="en"' in _html(site, rel).split('class="md-content__inner', 1)[1][:40], rel


@pytest.mark.parametrize("english,swedish", _pairs())
def test_a_translation_and_its_original_point_at_each_other(site, english, swedish):
    base = site.url
    for rel, own, other, other_rel in ((english, "en", "sv", swedish), (swedish, "sv", "en", english)):
        soup = _soup(site, rel)
        # No link[rel=alternate] in the head: Material's script takes each for a language
        # switch, and reaching that address again by the menu would then be a full page load.
        assert not soup.select("head link[rel=alternate]"), rel
        switch = {a["hreflang"]: a for a in soup.select("a.md-select__link")}
        assert set(switch) == {"en", "sv"}, rel
        target = urljoin(urljoin(base, rel), switch[other]["href"])
        assert target == urljoin(base, other_rel.removesuffix("index.html")), (rel, switch[other]["href"])
        assert switch[other].get("target") == "_self", rel


def test_an_untranslated_page_switches_to_the_other_languages_home(site):
    soup = _soup(site, "clinicians/index.html")
    switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert urljoin(urljoin(site.url, "clinicians/"), switch["sv"]) == urljoin(site.url, "sv/")
    assert not soup.select("head link[hreflang]")


def test_swedish_pages_show_swedish_data(site):
    html = _html(site, "sv/help/urgent/index.html")
    soup = BeautifulSoup(html, "html.parser")
    rows = [" ".join(tr.get_text(" ").split()) for tr in soup.select("article table tr")]
    first = next(r for r in rows[1:] if r)
    assert first.startswith("Sverige 112") and "1177 Vårdguiden" in first, rows[:3]
    foot = " ".join(soup.select_one(".app-page-foot").get_text(" ").split())
    assert "Senast granskad" in foot and "Utgiven av Benlängdsguiden" in foot, foot
    # The hover glossary is the Swedish one, and only it.
    swedish = {e.definition for e in glossary.load(ROOT / "includes" / "abbreviations.sv.md")}
    titles = {a["title"] for a in soup.select("article abbr[title]")}
    assert titles and titles <= swedish, titles - swedish
    english = {e.definition for e in glossary.load(ROOT / "includes" / "abbreviations.md")}
    assert not titles & english


def test_every_swedish_page_foot_is_in_swedish(site):
    pages = built_pages(site.dir, "sv")
    assert pages
    for rel, html in pages.items():
        foot = " ".join(BeautifulSoup(html, "html.parser").select_one(".app-page-foot").get_text(" ").split())
        for words in ("Senast granskad", "Nästa granskning", "Utgiven av Benlängdsguiden", "Rapportera ett fel"):
            assert words in foot, (rel, words)
        assert "Last reviewed" not in foot and "Published by" not in foot, rel


def test_swedish_navigation_marks_english_only_pages(site):
    soup = _soup(site, "sv/index.html")
    nav = {a.get_text(" ", strip=True): a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")}
    marked = {t: h for t, h in nav.items() if t.endswith("(på engelska)")}
    assert any("clinicians/" in h for h in marked.values()) and any("changes/" in h for h in marked.values()), nav
    assert all("clinicians/" in h or "changes/" in h for h in marked.values()), marked


def test_404_page_in_each_language(site):
    assert '<html lang="en"' in _html(site, "404.html")
    assert '<html lang="sv"' in _html(site, "sv/404.html")
    for rel in ("404.html", "sv/404.html"):
        assert "hreflang" not in _html(site, rel).split("</head>")[0], rel
    for rel, lang, home in (("404.html", "en", site.url), ("sv/404.html", "sv", site.url + "sv/")):
        words = STRINGS[lang]["theme"]
        article = _soup(site, rel).select_one("article")
        assert article.select_one("h1").get_text(strip=True) == f"404 – {words['not_found_title']}", rel
        assert words["not_found_text"] in article.get_text(" "), rel
        assert article.find("a", string=words["not_found_home"])["href"] == home, rel
    assert "Not found" not in _soup(site, "sv/404.html").select_one("article").get_text(), "English on the Swedish 404"


def test_english_only_pages_under_sv_say_so_in_swedish_and_link_the_english_page(site):
    words = STRINGS["sv"]["theme"]
    only = [published_path(s) for s in page_sources() if default_only(s)]
    assert any(p.startswith("clinicians/") for p in only) and "changes/" in only
    for path in only:
        rel = "sv/" + path + "index.html"
        article = _soup(site, rel).select_one("article.md-content__inner")
        assert article.get("lang") == "en", rel  # the page's text stays English
        notice = article.find(recursive=False)  # the first thing in the article
        assert "app-fallback-notice" in notice.get("class", []), rel
        assert notice.get("lang") == "sv", rel
        assert notice.get_text(" ", strip=True).startswith(words["fallback_notice"]), rel
        link = notice.select_one("a")
        assert link.get_text(strip=True) == words["fallback_link"] and link["hreflang"] == "en", rel
        assert urljoin(site.url + "sv/" + path, link["href"]) == site.url + path, rel
    # A translated Swedish page and every English page have no such notice.
    for rel in ("sv/index.html", "index.html", "clinicians/index.html", "changes/index.html"):
        assert not _soup(site, rel).select(".app-fallback-notice"), rel


def test_the_error_report_link_says_english_on_swedish_pages_only(site):
    suffix = STRINGS["sv"]["theme"]["in_default_language"]
    for rel in ("sv/index.html", "sv/lengthening/planner/index.html"):
        link = _soup(site, rel).select_one(".app-page-foot a.app-page-foot__report")
        assert link["hreflang"] == "en", rel
        assert link.next_sibling.strip() == suffix, rel
    for rel in ("index.html", "lengthening/planner/index.html"):
        foot = _soup(site, rel).select_one(".app-page-foot")
        assert STRINGS["en"]["theme"]["in_default_language"] not in foot.get_text(), rel
        assert suffix not in foot.get_text(), rel


def test_swedish_editorial_words_and_method_options_read_naturally(site):
    foot = " ".join(_soup(site, "sv/index.html").select_one(".app-page-foot").get_text(" ").split())
    assert "Redaktör: projektets" not in foot
    assert "Redaktion: projektets redaktörer" in foot
    assert "Benlängdsguidens medverkande" not in _html(site, "sv/index.html")
    for lang, rel in (("sv", "sv/lengthening/planner/index.html"), ("en", "lengthening/planner/index.html")):
        options = {o["value"]: o.get_text(strip=True)
                   for o in _soup(site, rel).select("#app-planner-method option[value]") if o["value"]}
        labels = STRINGS[lang]["templates"]["planner"]["method_options"]
        assert options == labels, rel
        assert all(label[0].isupper() for label in options.values()), rel
    # the sentence form keeps its article: "med en yttre ram"
    assert STRINGS["sv"]["js"]["planner"]["methods"]["frame"] == "en yttre ram"


@pytest.mark.parametrize("english,swedish", _pairs())
def test_the_sitemap_pairs_a_translation_and_its_original(site, english, swedish):
    xml = _html(site, "sitemap.xml")
    entry = next(u for u in re.findall(r"<url>.*?</url>", xml, re.S)
                 if f"<loc>{urljoin(site.url, english.removesuffix('index.html'))}</loc>" in u)
    for lang, rel in (("en", english), ("sv", swedish)):
        assert f'hreflang="{lang}" href="{urljoin(site.url, rel.removesuffix("index.html"))}"' in entry, (english, lang)


def test_sitemap_lists_both_languages(site):
    xml = _html(site, "sitemap.xml")
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert urljoin(site.url, "help/urgent/") in locs
    assert urljoin(site.url, "sv/help/urgent/") in locs
    assert f'hreflang="sv" href="{urljoin(site.url, "sv/help/urgent/")}"' in xml


def test_each_language_has_its_own_search_index_and_sitemap(site):
    """A search finds pages in the page's own language, with that language's stemming; the
    index each page loads holds one language; Material finds it (and the sitemap its instant
    navigation reads) through the page's base, the language's tree."""
    english = json.loads(_html(site, "search/search_index.json"))
    swedish = json.loads(_html(site, "sv/search/search_index.json"))
    assert english["config"]["lang"] == ["en"] and swedish["config"]["lang"] == ["sv"]
    en_pages = {d["location"].split("#")[0] for d in english["docs"]}
    sv_pages = {d["location"].split("#")[0] for d in swedish["docs"]}
    assert "help/urgent/" in en_pages and not any(p.startswith("sv/") for p in en_pages)
    assert "help/urgent/" in sv_pages and not any(p.startswith("sv/") for p in sv_pages)
    urgent = " ".join(d["text"] for d in swedish["docs"] if d["location"].startswith("help/urgent/"))
    assert "112" in urgent and "Ring larmnumret" in urgent
    assert '"base": "../../../sv/"' in _html(site, "sv/help/urgent/index.html")
    assert '"base": "../.."' in _html(site, "help/urgent/index.html")
    locs = re.findall(r"<loc>([^<]+)</loc>", _html(site, "sv/sitemap.xml"))
    assert urljoin(site.url, "sv/help/urgent/") in locs and all(l.startswith(urljoin(site.url, "sv/")) for l in locs)


# --- the macros' checks hold on Swedish pages ------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ('{{ param("lengthening.latncy") }}',
     "help/urgent.sv.md: param('lengthening.latncy'): lengthening.latncy: no such parameter"),
    ("{{ ett_okant_namn }}", "ett_okant_namn"),  # on_undefined: strict
    ('{{ risk("complications.nail_any", per="child") }}', "the sentence counts child"),
])
def test_a_mistake_on_a_swedish_page_stops_the_build(tmp_path, text, expected):
    """The macros plugin renders the Swedish pages with the same checks: a wrong key, an
    undefined name, a risk in the wrong sentence stop the build, naming the page."""
    import shutil

    from support import mkdocs_build

    proj = tmp_path / "proj"
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(".git", "site", ".venv", "node_modules", "__pycache__"))
    page = proj / "docs" / "help" / "urgent.sv.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nFel: {text}\n", encoding="utf-8")
    proc = mkdocs_build(tmp_path / "out", config=proj / "mkdocs.yml", check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output[-2000:]
    assert expected in output and "help/urgent.sv.md" in output, output[-2000:]
