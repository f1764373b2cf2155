"""The language editions in the theme (mkdocs-static-i18n builds each language in turn).

Per page, in every language's build:

* the language switcher (Material's ``extra.alternate``) links to this page in each language
  when it is translated, else to that language's home page;
* ``<link rel="alternate" hreflang="...">`` in the head pairs a page with its translations
  only (a full address from site_url, and ``x-default`` for the default language);
* a page that is not translated (the clinicians' section, What changed, a page whose
  translation is still to come) is built under /sv/ from the English file: its content is
  marked ``lang="en"`` (the page's frame stays in the build's language), its canonical
  address is the English page, and it is left out of the sitemap, so no English text is
  served as Swedish and a search engine sees one page, not two.

The plugin's own switcher handling is off (``reconfigure_material: false`` in mkdocs.yml): it
warns that it does not work with instant navigation, and it links every language's head
element to language home pages.

Material's script reads each ``link[rel=alternate]`` in the head as another site and fetches
``sitemap.xml`` beside it; every language's tree has its sitemap (``sv/sitemap.xml``), and
each page's hreflang links are written after that script's check, in a ``<template>``
copied into the head only for crawlers: see ``_head_links``.
"""

from __future__ import annotations

import re
from pathlib import Path
from html import escape
from urllib.parse import urljoin

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


def _pairs(page, config, plugin) -> list[tuple[str, str]]:
    """(hreflang, full address) of the page's real versions, and x-default: the default
    language's; empty when the page has no translation."""
    found = page.meta.get("hreflang") or {}
    if len(found) < 2 or not config.site_url:
        return []
    pairs = [(lang, urljoin(config.site_url, url)) for lang, url in sorted(found.items())]
    if plugin.default_language in found:
        pairs.append(("x-default", urljoin(config.site_url, found[plugin.default_language])))
    return pairs


def _sitemap(pairs: list[tuple[str, str]], here: str) -> str:
    links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(href)}"/>'
                    for lang, href in pairs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            f"  <url>\n    <loc>{escape(here)}</loc>{links}\n  </url>\n</urlset>\n")


@event_priority(-200)
def on_post_page(output, page, config):
    plugin = _plugin(config)
    if plugin is None:
        return output
    # Material's head links come from extra.alternate (the switcher's: relative, and to a
    # language's home page when the page is not translated): replace them with the real pairs.
    output = MATERIAL_ALTERNATE.sub("", output)
    pairs = _pairs(page, config, plugin)
    links = "".join(f'\n    <link rel="alternate" hreflang="{escape(lang)}" href="{escape(href)}">'
                    for lang, href in pairs)
    output = output.replace("</head>", links + "\n  </head>", 1)
    if pairs:
        # Material's script takes each head link[rel=alternate] for another site and fetches
        # sitemap.xml beside it: the page's own small sitemap (its versions) answers it.
        # (The home page's is the site's sitemap, which lists every page.)
        folder = Path(page.file.abs_dest_path).parent
        if folder != Path(config.site_dir):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "sitemap.xml").write_text(_sitemap(pairs, urljoin(config.site_url, page.url)), encoding="utf-8")
    # Another language is a full page load: instant navigation would keep <html lang> and the
    # search index of the page it started from.
    output = output.replace('class="md-select__link"', 'class="md-select__link" target="_self"')
    if _is_fallback(page, plugin):
        output = output.replace(ARTICLE, ARTICLE[:-1] + f' lang="{escape(_text_language(page, plugin))}">', 1)
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
    """Before the 404 page is rendered: the switcher links to each language's home page."""
    plugin = _plugin(config)
    if plugin is not None and _several(plugin):
        config.extra["alternate"] = [{"name": plugin.get_language_config(lang).name, "lang": lang,
                                      "link": _home(plugin, lang)} for lang in plugin.build_languages]
    return env


_NOT_FOUND: dict[str, bytes] = {}


def on_post_build(config):
    """Each language writes 404.html at the site root: keep the default language's there and
    move another language's to its tree (sv/404.html)."""
    plugin = _plugin(config)
    if plugin is None:
        return
    page = Path(config.site_dir) / "404.html"
    if not page.exists():
        return
    # The 404 page has no versions: no hreflang links (Material's point at the home pages).
    page.write_text(MATERIAL_ALTERNATE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    if plugin.current_language == plugin.default_language:
        _NOT_FOUND["root"] = page.read_bytes()
    elif "root" in _NOT_FOUND:
        target = Path(config.site_dir) / plugin.current_language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        page.write_bytes(_NOT_FOUND["root"])
