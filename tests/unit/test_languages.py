"""The language editions (macros/data/languages.py): which languages the build has, which
language a page is in, which data each language reads, and that a translated page says the
same things with the same data as its English original.

* mkdocs.yml builds English at / and Swedish at /sv/; each language has its own strings,
  warning signs and hover glossary (no language borrows another's words);
* a page's language comes from its file name, and the macros then use that language's data:
  one Site, loaded once, switched per page (parameters and references are one for all);
* every page except the English-only ones (clinicians' section, What changed) has a Swedish
  version, which keeps the English page's front matter keys and sources and reads the same
  parameters, warning-sign tiers and tools through the same macros.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from support import ROOT, languages
from macros.data import languages as lang_files
from macros.data.languages import Languages, default_only, from_config
from macros.data.urgent import Region, in_language, load_regions
from macros.data.yamlfile import read_config
from macros.errors import GuideDataError
from macros.page_macros import MACROS, guarded
from macros.site import load_site

DOCS = ROOT / "docs"
DATA = ROOT / "data"
CONFIG = read_config(ROOT / "mkdocs.yml")
LANGS = languages()
OTHERS = LANGS.others


# --- the languages of the build --------------------------------------------------------

def test_english_at_the_root_and_swedish_below():
    assert LANGS.codes == ("en", "sv") and LANGS.root == "en"
    assert LANGS.prefix("en") == "" and LANGS.prefix("sv") == "sv/"
    assert LANGS.site_names["sv"] == "Benlängdsguiden"


@pytest.mark.parametrize("lang", OTHERS)
def test_each_language_has_its_own_words(lang):
    """A missing file would make the build use the English words (languages.existing)."""
    for kind, path in lang_files.edition_files(DATA, ROOT / "includes", lang).items():
        assert path.is_file(), f"{kind}: {path.relative_to(ROOT)} is missing: the {lang} pages would show English"


@pytest.mark.parametrize("src,lang,neutral", [
    ("help/urgent.sv.md", "sv", "help/urgent.md"),
    ("help/urgent.md", "en", "help/urgent.md"),
    ("index.sv.md", "sv", "index.md"),
    ("clinicians/index.md", "en", "clinicians/index.md"),
])
def test_a_pages_language_is_in_its_file_name(src, lang, neutral):
    assert LANGS.of_page(src) == lang
    assert LANGS.source(src) == neutral


@pytest.mark.parametrize("url,lang", [("sv/help/urgent/", "sv"), ("sv/", "sv"), ("help/urgent/", "en"), ("", "en"),
                                      ("svenska/", "en")])
def test_an_address_is_in_a_languages_tree(url, lang):
    assert LANGS.of_url(url) == lang


def test_one_language_alone_is_built_at_the_root():
    """BUILD_ONLY_LANGUAGE=sv (the plugin's build_only_locale): Swedish at /, files still
    known by their suffix."""
    config = {**CONFIG, "plugins": [p if not (isinstance(p, dict) and "i18n" in p)
                                    else {"i18n": {**p["i18n"], "build_only_locale": "sv"}} for p in CONFIG["plugins"]]}
    only = from_config(config)
    assert only.root == "sv" and only.built == ("sv",) and only.prefix("sv") == ""
    assert only.of_page("help/urgent.md") == "en" and only.of_page("help/urgent.sv.md") == "sv"
    assert only.of_url("help/urgent/") == "sv"
    # As the plugin leaves its settings after validating them: sv default, en not built.
    entry = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    validated = {**entry, "languages": [{**x, "default": x["locale"] == "sv", "build": x["locale"] == "sv",
                                         "link": "/" if x.get("default") else f"/{x['locale']}/"}
                                        for x in entry["languages"]]}
    after = from_config({"plugins": [{"i18n": validated}]})
    assert after.default == "en" and after.root == "sv" and after.of_page("clinicians/index.md") == "en"


def test_without_the_plugin_there_is_one_language():
    assert from_config({"plugins": ["search"]}) == Languages()


def test_a_bad_language_setting_is_named():
    with pytest.raises(GuideDataError, match=r"mkdocs.yml: plugins.i18n.languages: no language has default: true"):
        from_config({"plugins": [{"i18n": {"languages": [{"locale": "sv", "name": "Svenska"}]}}]})
    with pytest.raises(GuideDataError, match=r"build_only_locale: 'fi' is not one of the languages"):
        from_config({"plugins": [{"i18n": {"build_only_locale": "fi",
                                           "languages": [{"locale": "en", "default": True}]}}]})


# --- the phone numbers in each language ----------------------------------------------------

def test_swedish_edition_lists_sweden_first_with_the_same_numbers():
    en, sv = load_regions(DATA / "emergency.yml"), load_regions(DATA / "emergency.yml", "sv")
    assert sv[0].region == "Sverige" and sv[0].emergency == "112" and sv[0].advice.name == "1177 Vårdguiden"
    numbers = lambda regions: sorted((r.emergency, r.advice.number if r.advice else "") for r in regions)  # noqa: E731
    assert numbers(sv) == numbers(en)
    assert [r.region for r in sv] == ["Sverige", "Storbritannien", "andra EU-länder", "USA och Kanada"]


@pytest.mark.parametrize("order,problem", [
    ([{"region": "Sweden", "name": "Sverige"}], "languages.sv: misses 'the UK'"),
    ([{"region": "Sweden", "name": "Sverige"}, {"region": "Sweden", "name": "Sverige"}],
     r"languages.sv\[1\].region: lists 'Sweden' a second time"),
    ([{"region": "Norway", "name": "Norge"}], r"languages.sv\[0\].region: 'Norway' is not a region"),
])
def test_a_language_cannot_drop_or_invent_a_number(order, problem):
    regions = (Region("the UK", "999"), Region("Sweden", "112"))
    with pytest.raises(GuideDataError, match=problem):
        in_language(regions, order, "emergency.yml", "languages.sv")


# --- one site, switched per page ----------------------------------------------------------

@pytest.fixture(scope="module")
def site():
    loaded, _ = load_site({**CONFIG, "docs_dir": str(DOCS)}, ROOT)
    return loaded


def test_the_site_uses_the_pages_language(site):
    site.set_page("help/urgent.sv.md", "sv/help/urgent/")
    assert site.lang == "sv" and site.strings["locale"] == "sv_SE"
    assert site.guide.regions[0].region == "Sverige"
    assert site.abbreviations.name == "abbreviations.sv.md"
    assert site.site_name == "Benlängdsguiden"
    assert site.editorial["publisher"].startswith("Benlängdsguiden")
    sv_signs = site.guide.signs
    assert site.theme_values["sv"]["strings"]["last_reviewed"] == site.strings["templates"]["last_reviewed"]
    site.set_page("help/urgent.md", "help/urgent/")
    assert site.lang == "en" and site.strings["locale"] == "en_GB"
    assert site.guide.regions[0].region == "the UK" and site.abbreviations.name == "abbreviations.md"
    # The same signs (ids, tiers) in other words; the parameters are the same objects.
    assert [s.id for s in site.guide.signs["emergency"]] == [s.id for s in sv_signs["emergency"]]
    assert site.guide.signs["emergency"][0].text != sv_signs["emergency"][0].text
    assert site.guides["sv"].params is site.guides["en"].params
    assert site.guides["sv"].references is site.guides["en"].references


def test_a_macro_speaks_the_pages_language(site):
    param = guarded(site, "param", MACROS["param"])
    site.set_page("lengthening/journey.sv.md", "sv/lengthening/journey/")
    assert param("lengthening.distraction_rate") == "0,75–1 mm per dag"
    site.set_page("lengthening/journey.md", "lengthening/journey/")
    assert param("lengthening.distraction_rate") == "0.75 to 1 mm a day"


def test_links_from_a_swedish_page_stay_in_the_swedish_tree(site):
    site.set_page("help/urgent.sv.md", "sv/help/urgent/")
    assert site.href("help/questions.md") == "../questions/"
    assert site.href("index.md") == "../../"
    assert site.refs_base() == "../../../sv/references/"
    site.set_page("help/urgent.md", "help/urgent/")
    assert site.href("index.md") == "../.." and site.refs_base() == "../../references/"


def test_an_untranslated_page_under_sv_uses_english_data(site):
    """clinicians/index.md built at sv/clinicians/: its text is English, so are its numbers."""
    site.set_page("clinicians/index.md", "sv/clinicians/")
    assert site.lang == "en" and site.build_lang == "sv"
    assert site.href("clinicians/linking.md") == "linking/"


# --- the Swedish pages ------------------------------------------------------------------

def _sources() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if LANGS.source(p.name) == p.name)


def _translated(lang: str) -> list[str]:
    return [src for src in _sources() if (DOCS / src.replace(".md", f".{lang}.md")).exists()]


def test_the_english_only_pages_are_the_clinicians_section_and_what_changed():
    assert [s for s in _sources() if default_only(s)] == sorted(
        ["changes.md"] + [p.relative_to(DOCS).as_posix() for p in (DOCS / "clinicians").glob("*.md")])


@pytest.mark.parametrize("lang", OTHERS)
def test_every_page_has_a_translation(lang):
    """Every page but the English-only ones has docs/<path>.<lang>.md."""
    missing = [s for s in _sources() if not default_only(s) and s not in _translated(lang)]
    assert not missing, f"no {lang} version of: {', '.join(missing)}"


@pytest.mark.parametrize("lang", OTHERS)
def test_english_only_pages_are_not_translated_and_marked_in_the_navigation(lang):
    assert not [s for s in _translated(lang) if default_only(s)]
    entry = next(p["i18n"] for p in CONFIG["plugins"] if isinstance(p, dict) and "i18n" in p)
    translations = next(x for x in entry["languages"] if x["locale"] == lang)["nav_translations"]

    def titles(nav):
        for item in nav:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        yield title, None
                        yield from titles(value)
                    else:
                        yield title, value
    for title, src in titles(CONFIG["nav"]):
        assert title in translations, f"nav_translations ({lang}) has no title for {title!r}"
        only = src is not None and default_only(src) or title == "For clinicians"
        assert translations[title].endswith("(på engelska)") == only, (
            f"nav_translations ({lang}): {title!r} -> {translations[title]!r}: an English-only page, and only "
            "such a page, is marked (på engelska)")


# Macros that read parameters by key, and the other macros whose output is data (numbers,
# signs, tools): a translation calls the same ones with the same arguments.
KEYED = ("param", "number", "risk", "one_in")
DATA_MACROS = ("typical_duration", "duration_range", "timeline", "typical_timelines", "planner", "companion",
               "growth_example", "growth_table", "growth_estimator", "options_table", "red_flags",
               "emergency_numbers", "emergency_call", "advice_call", "contact_box")
EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}", re.S)


def macro_calls(markdown: str) -> tuple[set[str], set[str]]:
    """The parameter keys a page reads (``param("x")``, ``risk("x", per=...)``...) and its
    other data macros with their arguments (``red_flags('emergency')``)."""
    keys, calls = set(), set()
    for expr in EXPRESSION.findall(markdown):
        try:
            tree = ast.parse(expr.strip(), mode="eval")
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                if name in KEYED and node.args and isinstance(node.args[0], ast.Constant):
                    keys.add(node.args[0].value)
                elif name in DATA_MACROS:
                    args = [ast.unparse(a) for a in node.args] + [ast.unparse(k) for k in node.keywords]
                    calls.add(f"{name}({', '.join(args)})")
    return keys, calls


def test_macro_calls_are_read():
    keys, calls = macro_calls('Ta {{ param("a.b") }} och {{ risk("c.d", per="child") }}.\n'
                              '{{ red_flags("emergency") }} {{ number("e.f", which="low") | safe }} {{ cite("x") }}')
    assert keys == {"a.b", "c.d", "e.f"} and calls == {"red_flags('emergency')"}


def _pairs():
    return [(lang, src) for lang in OTHERS for src in _translated(lang)]


@pytest.mark.parametrize("lang,src", _pairs(), ids=[f"{lang}:{src}" for lang, src in _pairs()])
def test_a_translation_reads_the_same_data(lang, src):
    english = (DOCS / src).read_text(encoding="utf-8")
    translated = (DOCS / src.replace(".md", f".{lang}.md")).read_text(encoding="utf-8")
    en_keys, en_calls = macro_calls(english)
    keys, calls = macro_calls(translated)
    name = src.replace(".md", f".{lang}.md")
    assert keys == en_keys, (f"{name}: parameters not in {src}: {sorted(keys - en_keys)}; "
                             f"in {src} but not here: {sorted(en_keys - keys)}")
    assert calls == en_calls, (f"{name}: data macros not in {src}: {sorted(calls - en_calls)}; "
                               f"in {src} but not here: {sorted(en_calls - calls)}")


def _front_matter(text: str) -> dict:
    m = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(m.group(1)) if m else {}


@pytest.mark.parametrize("lang,src", _pairs(), ids=[f"{lang}:{src}" for lang, src in _pairs()])
def test_a_translation_keeps_the_front_matter_and_sources(lang, src):
    english = _front_matter((DOCS / src).read_text(encoding="utf-8"))
    translated = _front_matter((DOCS / src.replace(".md", f".{lang}.md")).read_text(encoding="utf-8"))
    assert set(translated) == set(english), f"{src} ({lang}): front matter keys {sorted(translated)} != {sorted(english)}"
    missing = set(english.get("sources") or []) - set(translated.get("sources") or [])
    assert not missing, f"{src} ({lang}): drops the sources {sorted(missing)}"
