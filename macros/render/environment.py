"""The one Jinja environment every piece of markup is rendered through.

Templates live in ``macros/render/templates``: ``*.html`` are autoescaped (data is text,
never markup, unless a template marks it safe), ``*.md`` give Markdown for the page and
are not (their data is checked plain text). Undefined names fail (StrictUndefined), so a
template that asks for a missing value stops the build instead of printing nothing.

Render functions pass plain data and get ``Markup`` back::

    render("glossary.html", entries=entries, t=strings["templates"]["glossary"])

Filters (dates, numbers and plurals through Babel, in the strings file's ``locale``):

``{{ day | long_date(locale) }}``      "1 March 2027" (en_GB), "1 mars 2027" (sv_SE)
``{{ day | month_year(locale) }}``     "March 2027", "mars 2027"
``{{ 0.75 | decimal(locale) }}``       "0.75", "0,75"
``{{ n | plural_form(locale) }}``      "one" or "other" (CLDR plural category)

Pure module: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from markupsafe import Markup

TEMPLATES = Path(__file__).with_name("templates")


def long_date(day: dt.date, locale: str) -> str:
    """A date in words: "1 March 2027"."""
    return format_date(day, "long", locale=locale)


def month_year(day: dt.date, locale: str) -> str:
    """A month in words: "March 2027" (en_GB), "mars 2027" (sv_SE)."""
    return format_skeleton("yMMMM", day, locale=locale)


def decimal(x: float, locale: str) -> str:
    """A number with the locale's decimal sign, without needless decimals: 0.75, 12, 1,000."""
    return format_decimal(x, format="#,##0.###", locale=locale)


def plural_form(n: float, locale: str) -> str:
    """The CLDR plural category of ``n`` ("one", "other", ...) for choosing a word form."""
    return Locale.parse(locale).plural_form(abs(n))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "svg"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(long_date=long_date, month_year=month_year, decimal=decimal, plural_form=plural_form)
    return env


def render(template: str, **data: Any) -> Markup:
    """``template`` rendered with ``data``: markup for the page."""
    return Markup(environment().get_template(template).render(**data))
