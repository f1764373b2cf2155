"""Checks a page's Markdown before it renders: every risk sits in a sentence about what was counted.

Run by the build for each page (``on_pre_page_macros``) so it stops with one line naming the
page and the key.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import ast
import re
from typing import Any, Mapping

from macros.data.parameters import Parameters
from macros.errors import GuideDataError
from macros.model.wording import risk


# A risk phrase already ends with what was counted: a counted noun right after the macro
# ("{{ risk(...) }} children") would put the figure in a sentence about that noun.
RISK_CALL = re.compile(
    r"\{\{-?\s*risk\(\s*['\"](?P<key>[^'\"]+)['\"][^)]*\)\s*(?:\|[^}]*)?-?\}\}"
    r"(?P<after>[\s)\]*_]*)(?P<word>[A-Za-z]+)?")


def lint_risk_sentences(markdown: str, strings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(key, word)`` for each risk macro followed by a noun of what was counted."""
    t = strings["templates"]["risk"]
    nouns = {w.lower() for w in t.get("sentence_nouns", [])}
    for phrase in t["units"].values():
        nouns.update(w.lower() for w in phrase.split())
    found = []
    for m in RISK_CALL.finditer(markdown):
        word = (m.group("word") or "").lower()
        if word in nouns:
            found.append((m.group("key"), m.group("word")))
    return found


PARAM_CALL = re.compile(r"\{\{-?\s*(?:param|number)\(\s*['\"](?P<key>[^'\"]+)['\"]")
RISK_ARGS = re.compile(r"\{\{-?\s*risk\((?P<args>[^)]*)\)")


def _literal_call(args: str) -> tuple[list, dict] | None:
    """The literal arguments of ``risk(...)`` as written on a page (None if not literal)."""
    try:
        call = ast.parse(f"f({args})", mode="eval").body
        return ([ast.literal_eval(a) for a in call.args],
                {k.arg: ast.literal_eval(k.value) for k in call.keywords})
    except (SyntaxError, ValueError):
        return None


def check_page(markdown: str, params: Parameters, strings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(key, problem)`` for every risk on a page that would put a figure in a sentence
    about another unit: a ``per`` that differs from what was counted (or is missing), and
    a counted noun written after the phrase. Run before the page is rendered, so the
    build stops with one line naming the page and the key."""
    problems = []
    for m in RISK_ARGS.finditer(markdown):
        parsed = _literal_call(m.group("args"))
        if parsed is None:
            continue  # not literal: the macro itself checks when it runs
        args, kwargs = parsed
        names = ("key", "per", "which")
        given = {**dict(zip(names, args)), **kwargs}
        key = given.get("key")
        if not isinstance(key, str):
            continue
        try:
            risk(strings, params[key], given.get("per"), given.get("which", "typical"))
        except GuideDataError as err:
            problems.append((key, err.problem))
    for m in PARAM_CALL.finditer(markdown):
        key = m.group("key")
        if key in params and params[key].counted is not None:
            problems.append((key, f"is a risk: use risk(\"{key}\", per=\"{params[key].counted.unit}\"), "
                                  "not param(), which would print a percentage"))
    for key, word in lint_risk_sentences(markdown, strings):
        problems.append((key, f"'{word}' follows the risk, which already says what was counted; "
                              "delete it or reword the sentence"))
    return problems
