"""The language editions in the theme (mkdocs-static-i18n builds each language in turn).

Per page, in every language's build:

* the language switcher (Material's ``extra.alternate``) links to this page in each language
  when it is translated, else to that language's home page;
* the sitemap pairs a page with its translations (``xhtml:link`` hreflang alternates, full
  addresses); the head has no ``link[rel=alternate]`` (see ``on_post_page``);
* a page that is not translated (the clinicians' section, What changed, a page whose
  translation is still to come) is built under /sv/ from the English file: its content is
  marked ``lang="en"`` (the page's frame stays in the build's language), its canonical
  address is the English page, and it is left out of the sitemap, so no English text is
  served as Swedish and a search engine sees one page, not two.

The plugin's own switcher handling is off (``reconfigure_material: false`` in mkdocs.yml): it
warns that it does not work with instant navigation, and it links every language's head
element to language home pages.

Material's script reads each ``link[rel=alternate]`` in the head as a language switch: so the
head has none (the sitemap carries the pairs).
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from html import escape
from urllib.parse import urljoin

import yaml
from mkdocs.plugins import event_priority

ARTICLE = '<article class="md-content__inner md-typeset">'
MATERIAL_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _plugin(config):
    """The i18n plugin (None without it: one language, nothing to do)."""
    return config.plugins.get("i18n")


def _several(plugin) -> bool:
    """More than one language in this build (not BUILD_ONLY_LANGUAGE=sv)."""
    return len(plugin.build_languages) > 1


def _text_language(page, plugin) -> str:
    """The language of the page's text: the macros' (from the file name, macros/site.py), else
    the plugin's. (With BUILD_ONLY_LANGUAGE=sv the plugin takes an English file for Swedish.)"""
    return ((page.meta.get("theme_values") or {}).get("lang")
            or getattr(page.file, "locale", None) or plugin.current_language)


def _is_fallback(page, plugin) -> bool:
    """Built in this language's tree from another language's file (not translated)."""
    return _text_language(page, plugin) != plugin.current_language


def _translations(page, plugin) -> dict[str, str]:
    """language -> the address (from the site root) of this page's real version in it."""
    out = {}
    for lang in plugin.build_languages:
        alt = getattr(page.file, "alternates", {}).get(lang)
        if alt is not None and getattr(alt, "locale", None) == lang:
            out[lang] = alt.url
    return out


@lru_cache(maxsize=None)
def _theme_words_in(path: str) -> dict:
    return (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("theme") or {}


def _theme_words(config, lang: str) -> dict:
    """The strings file's ``theme`` words in ``lang`` (a fallback page's own strings are its
    text's language; its notice and the 404 page speak the build's)."""
    data_dir = Path(config.config_file_path).parent / (config.extra.get("data_dir") or "data")
    return _theme_words_in(str(data_dir / f"strings.{lang}.yml"))


def _relative(target: str, page_url: str) -> str:
    """A root-relative address (``clinicians/``) as seen from the page at ``page_url``."""
    here = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + target, "/" + here)
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


def _fallback_notice(page, config, plugin) -> str:
    """The notice at the top of a page built from another language's file: in the build's
    language, linking to the page in its own language."""
    words = _theme_words(config, plugin.current_language)
    text_lang = _text_language(page, plugin)
    original = (page.meta.get("hreflang") or {}).get(text_lang)
    link = ""
    if original is not None:
        link = (f' <a href="{escape(_relative(original, page.url))}" hreflang="{escape(text_lang)}">'
                f'{escape(words["fallback_link"])}</a>')
    return (f'<p class="app-fallback-notice" lang="{escape(plugin.current_language)}">'
            f'{escape(words["fallback_notice"])}{link}</p>')


REPORT_LINK = re.compile(r'(<a class="app-page-foot__report"[^>]*)>([^<]*</a>)')


def _home(plugin, lang: str) -> str:
    return "" if lang == plugin.default_language else f"{lang}/"


@event_priority(-200)  # after the i18n plugin's page context
def on_page_context(context, page, config, nav):
    plugin = _plugin(config)
    if plugin is None:
        return context
    if not _several(plugin):
        page.meta["hreflang"] = {}
        return context
    found = _translations(page, plugin)
    original = found.get(_text_language(page, plugin))
    if _is_fallback(page, plugin) and original is not None and config.site_url:
        page.canonical_url = urljoin(config.site_url, original)  # one page, not two, for a search engine
    config.extra["alternate"] = [
        {"name": plugin.get_language_config(lang).name, "lang": lang,
         # Root-relative: Material's `url` filter makes it relative to the page (works offline).
         "link": found.get(lang, _home(plugin, lang))}
        for lang in plugin.build_languages]
    page.meta["hreflang"] = found
    return context


@event_priority(-200)
def on_post_page(output, page, config):
    plugin = _plugin(config)
    if plugin is None:
        return output
    # Material's head links come from extra.alternate (the switcher's). No link[rel=alternate]
    # stays in the head: Material's script takes each for a language switch, and a later click
    # on that address (this page, reached again by the menu) would leave instant navigation
    # for a full page load. The pairs of versions are in the sitemap instead (hreflang
    # alternates, which search engines read the same way), and the switcher's links carry
    # hreflang.
    output = MATERIAL_ALTERNATE.sub("", output)
    output = _language_base(output, page, plugin)
    # Another language is a full page load: instant navigation would keep <html lang> and the
    # search index of the page it started from.
    output = output.replace('class="md-select__link"', 'class="md-select__link" target="_self"')
    if _is_fallback(page, plugin):
        output = output.replace(ARTICLE, ARTICLE[:-1] + f' lang="{escape(_text_language(page, plugin))}">'
                                + _fallback_notice(page, config, plugin), 1)
    elif plugin.current_language != plugin.default_language:
        # The error report page is in the default language only: say so after its link.
        suffix = escape(_theme_words(config, plugin.current_language)["in_default_language"])
        output = REPORT_LINK.sub(lambda m: f'{m.group(1)} hreflang="{escape(plugin.default_language)}">{m.group(2)} {suffix}',
                                 output, count=1)
    return _headerlinks(output, page, config)


def _headerlinks(output: str, page, config) -> str:
    """The title of the link beside each heading in the page's language (the Markdown
    extension's permalink_title is one for every language; the words are in the strings file)."""
    words = ((page.meta.get("theme_values") or {}).get("theme") or {}).get("headerlink")
    title = ((config.mdx_configs or {}).get("toc") or {}).get("permalink_title")
    if not words or not title or words == title:
        return output
    link = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(escape(title)) + '"')
    return link.sub(lambda m: m.group(1) + escape(words) + '"', output)


def on_env(env, config, files):
    """Before the 404 page is rendered: the switcher links to each language's home page,
    and its words (overrides/404.html) are the build language's."""
    plugin = _plugin(config)
    lang = plugin.current_language if plugin is not None else (config.theme.get("language") or "en")
    words = _theme_words(config, lang)
    not_found = {k: words[k] for k in ("not_found_title", "not_found_text", "not_found_home") if k in words}
    home = _home(plugin, lang) if plugin is not None else ""
    not_found["home"] = urljoin(config.site_url, home) if config.site_url else None
    env.globals["not_found"] = not_found  # a template global, not config.extra (see overrides/404.html)
    if plugin is not None and _several(plugin):
        config.extra["alternate"] = [{"name": plugin.get_language_config(lang).name, "lang": lang,
                                      "link": _home(plugin, lang)} for lang in plugin.build_languages]
    return env


_NOT_FOUND: dict[str, str] = {}


def on_post_template(output, template_name, config):
    """Each language's build renders 404.html at the site root: keep each language's text."""
    plugin = _plugin(config)
    if plugin is not None and template_name == "404.html":
        # The 404 page has no versions: no hreflang links (Material's point at the home pages).
        output = MATERIAL_ALTERNATE.sub("", output)
        _NOT_FOUND[plugin.current_language] = output
    return output


@event_priority(-100)  # after the i18n plugin, which builds the other languages in its own post-build
def on_post_build(config):
    """When every language is built: the default language's 404 page at the site root and
    another language's in its tree (sv/404.html); one search index and sitemap per language."""
    plugin = _plugin(config)
    if plugin is None or getattr(plugin, "building", False):
        return
    site = Path(config.site_dir)
    for lang, html in (_NOT_FOUND.items() if _several(plugin) else ()):
        target = site / ("" if lang == plugin.default_language else lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _NOT_FOUND.clear()
    if _several(plugin):
        _split_search_and_sitemaps(config, plugin)


# --- one search index and one sitemap per language -----------------------------------------
# The plugin merges every language into the root's search index, so a search from an English
# page found Swedish pages (and the other way round), the index every page loads doubled, and
# the other language's words changed the ranking. Each language gets its own: the default's at
# search/ and another language's in its tree (sv/search/), with the pages' addresses relative to
# that tree; Material finds both through the page's "base", which for a page under /sv/ is the
# Swedish tree. Its instant navigation reads the sitemap beside that base (sv/sitemap.xml), so
# that lists the language's pages.

BASE = re.compile(r'("base": ")([^"]*)(")')


def _tree(page, plugin) -> str:
    """The language tree a page is built in ("" for the default's, "sv/" for Swedish)."""
    first = (page.url or "").split("/", 1)[0]
    return f"{first}/" if first in plugin.build_languages and first != plugin.default_language else ""


def _language_base(output: str, page, plugin) -> str:
    if not _several(plugin):
        return output
    tree = _tree(page, plugin)
    if not tree:
        return output
    return BASE.sub(lambda m: m.group(1) + (m.group(2).rstrip("/") or ".") + "/" + tree + m.group(3),
                    output, count=1)


def _split_search_and_sitemaps(config, plugin) -> None:
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    trees = {lang: f"{lang}/" for lang in plugin.build_languages if lang != plugin.default_language}
    own = {plugin.default_language: [d for d in index["docs"]
                                     if not any(d["location"].startswith(t) for t in trees.values())]}
    for lang, tree in trees.items():
        own[lang] = [{**d, "location": d["location"][len(tree):]} for d in index["docs"]
                     if d["location"].startswith(tree)]
    for lang, docs in own.items():
        target = site / trees.get(lang, "") / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "config": {**index["config"], "lang": [lang]}, "docs": docs},
                                     ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists() and config.site_url:
        xml = sitemap.read_text(encoding="utf-8")
        head, _, rest = xml.partition("<url>")
        entries = re.findall(r"<url>.*?</url>", xml, re.S)
        for tree in trees.values():
            root = urljoin(config.site_url, tree)
            mine = [e for e in entries if re.search(r"<loc>" + re.escape(root), e)]
            (site / tree / "sitemap.xml").write_text(head + "\n".join(mine) + "\n</urlset>\n", encoding="utf-8")
