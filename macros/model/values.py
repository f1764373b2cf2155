"""Which options fit what a person said, and the decision aid's link state.

The browser repeats this in ``docs/assets/javascripts/decision-model.js``; both work on
the same plain configuration (:func:`plain_config`, embedded in the page) and
``scripts/golden.py`` writes Python's answers to ``tests/golden/decision.json`` for
``node --test tests/js/``.

*Fit*: each answer (and the size band) names options that fit it better or worse, with a
reason. An option with reasons for and none against "fits what you said"; with reasons
against and none for, it "fits less"; otherwise (both, or nothing said about it) it
"fits some of it". The groups keep the options in the order of the situation: there is
no score and no ranking, and never a single best option.

*Link state* (query string): ``s`` situation, ``b`` size band, ``v`` the answers as pairs
of one-letter codes (question code, answer code: ``v=a1d1``), ``n`` the person's note
(only when they ask for it). :func:`decode` takes the pairs the browser's URLSearchParams
gives and returns a clean state and message codes; it never fails and never echoes input.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import quote

from macros.data.values import BANDS, Values

SITUATIONS = ("child", "grown")
GROUPS = ("fits", "some", "less")
MESSAGES = ("encoding", "situation", "band", "answers", "note_long")
# Characters removed from a note: controls (a new line stays), lone surrogates, and the
# marks that reverse the direction of text.
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_EDGE = " \t\n"


def plain_config(values: Values, fill: Callable[[str], str], page_href: Callable[[str], str],
                 source: Callable[[str], Mapping[str, str]]) -> dict[str, Any]:
    """The configuration the page embeds: ``fill`` words the ``{param:...}`` placeholders of a
    reason, ``page_href`` links a guide page, ``source(key)`` gives ``{label, href}``."""

    def fits(fs) -> list[dict[str, Any]]:
        return [{"options": list(f.options), "fit": f.fit, "reason": fill(f.reason), "page": page_href(f.page),
                 "sources": [dict(source(k)) for k in f.sources]} for f in fs]

    return {
        "situations": {k: list(v) for k, v in values.situations.items()},
        "bands": list(BANDS),
        "note_max": values.note_max,
        "questions": [{"id": q.id, "code": q.code, "text": q.text, "hint": q.hint,
                       "answers": [{"code": a.code, "text": a.text, "fits": fits(a.fits)} for a in q.answers]}
                      for q in values.questions],
        "band_fits": {b: fits(values.bands[b]) for b in BANDS},
    }


def band(limits: Mapping[str, float], mm: float) -> str:
    """The size band of a difference in mm: ``small`` up to ``small_max_mm``, ``medium`` up
    to ``medium_max_mm``, else ``large`` (the low ends of thresholds.small_difference and
    thresholds.large_difference, as the growth estimator's bands)."""
    if mm <= limits["small_max_mm"]:
        return "small"
    if mm <= limits["medium_max_mm"]:
        return "medium"
    return "large"


def fit(config: Mapping[str, Any], situation: str | None, size: str | None,
        answers: Mapping[str, str]) -> dict[str, Any]:
    """The options of ``situation`` in three groups, and the reasons for each option, in the
    order: the size band's, then each answered question's in the order of the questions."""
    options = list(config["situations"].get(situation or "", []))
    reasons: dict[str, list[dict[str, Any]]] = {o: [] for o in options}

    def add(fs: Sequence[Mapping[str, Any]], origin: str) -> None:
        for f in fs:
            for o in f["options"]:
                if o in reasons:
                    reasons[o].append({"fit": f["fit"], "reason": f["reason"], "from": origin, "page": f["page"],
                                       "sources": list(f["sources"])})

    if size in config["band_fits"]:
        add(config["band_fits"][size], "band")
    for q in config["questions"]:
        code = answers.get(q["id"])
        for a in q["answers"]:
            if a["code"] == code:
                add(a["fits"], q["id"])
    groups: dict[str, list[str]] = {g: [] for g in GROUPS}
    for o in options:
        better = any(r["fit"] == "better" for r in reasons[o])
        worse = any(r["fit"] == "worse" for r in reasons[o])
        groups["fits" if better and not worse else "less" if worse and not better else "some"].append(o)
    return {"groups": groups, "reasons": reasons}


def clean_note(text: str, limit: int) -> tuple[str, bool]:
    """The note without controls or direction marks, trimmed; cut to ``limit`` characters
    (code points). Returns the note and whether it was cut."""
    text = _DROP.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip(_EDGE)
    if len(text) > limit:
        return text[:limit].rstrip(_EDGE), True
    return text, False


def encode(config: Mapping[str, Any], state: Mapping[str, Any]) -> str:
    """The query string (without ``?``) for ``state``: ``{s, b, answers: {id: code}, note,
    include_note}``; only what is set, and the note only when ``include_note``."""
    parts = []
    if state.get("s") in config["situations"]:
        parts.append("s=" + state["s"])
    if state.get("b") in config["bands"]:
        parts.append("b=" + state["b"])
    answers = state.get("answers") or {}
    v = ""
    for q in config["questions"]:
        code = answers.get(q["id"])
        if any(a["code"] == code for a in q["answers"]):
            v += q["code"] + code
    if v:
        parts.append("v=" + v)
    if state.get("include_note"):
        note, _ = clean_note(state.get("note") or "", config["note_max"])
        if note:
            parts.append("n=" + quote(note, safe="!~*'()"))
    return "&".join(parts)


def decode(config: Mapping[str, Any], pairs: Sequence[Sequence[str]]) -> dict[str, Any]:
    """A clean state from the link's decoded ``[key, value]`` pairs, and message codes (in the
    order of :data:`MESSAGES`) for what was left out. The first of a repeated key counts;
    other keys are ignored."""
    first: dict[str, str] = {}
    for key, value in pairs:
        if key in ("s", "b", "v", "n") and key not in first:
            first[key] = value
    found: set[str] = set()
    state: dict[str, Any] = {"s": None, "b": None, "answers": {}, "note": "", "include_note": False}
    for key, value in first.items():
        if "\ufffd" in value:
            found.add("encoding")
            continue
        if key == "s":
            if value in config["situations"]:
                state["s"] = value
            elif value:
                found.add("situation")
        elif key == "b":
            if value in config["bands"]:
                state["b"] = value
            elif value:
                found.add("band")
        elif key == "v":
            state["answers"], bad = _answers(config, value)
            if bad:
                found.add("answers")
        else:
            note, cut = clean_note(value, config["note_max"])
            state["note"], state["include_note"] = note, bool(note)
            if cut:
                found.add("note_long")
    return {"state": state, "messages": [m for m in MESSAGES if m in found]}


def _answers(config: Mapping[str, Any], v: str) -> tuple[dict[str, str], bool]:
    questions = config["questions"]
    if len(v) > 2 * len(questions):
        return {}, True
    answers: dict[str, str] = {}
    bad = len(v) % 2 == 1
    for i in range(0, len(v) - 1, 2):
        qcode, acode = v[i], v[i + 1]
        q = next((q for q in questions if q["code"] == qcode), None)
        if q is None or q["id"] in answers or not any(a["code"] == acode for a in q["answers"]):
            bad = True
            continue
        answers[q["id"]] = acode
    return answers, bad


# ---- the ticked questions for the surgeon (t=; the theme reads q= as a search) and the figures another tool brought (d, lo, hi) ----

def _short(qid: str) -> str:
    return qid[2:] if qid.startswith("q-") else qid


def encode_ticks(ids: Sequence[str], ticked: Sequence[str]) -> str:
    """``t=``'s value: the ticked ids without their ``q-`` prefix, in the checklist's order, joined by "."."""
    return ".".join(_short(i) for i in ids if i in ticked)


def decode_ticks(ids: Sequence[str], value: str) -> tuple[list[str], bool]:
    """The ticked ids (in the checklist's order) from ``t=``'s value, and whether something was left out."""
    if not value:
        return [], False
    if len(value) > 40 * (len(ids) + 1):
        return [], True
    found: list[str] = []
    bad = False
    for token in value.split("."):
        match = [i for i in ids if _short(i) == token]
        if not match:
            bad = True
        elif match[-1] not in found:
            found.append(match[-1])
    return [i for i in ids if i in found], bad


FIGURE_MAX = 500
_NUMBER = re.compile(r"(0|[1-9][0-9]{0,2})(\.[0-9])?")


def link_number(mm: float) -> str:
    """A length in mm for a link: a point whatever the language, at most one decimal, half up."""
    tenths = int((mm * 10 + 0.5 + 1e-9) // 1)
    return str(tenths // 10) + (f".{tenths % 10}" if tenths % 10 else "")


def _number(text: str | None) -> float | None:
    if text is None or not _NUMBER.fullmatch(text):
        return None
    x = float(text)
    return x if x <= FIGURE_MAX else None


def encode_figures(figures: Mapping[str, Any] | None) -> str:
    if not figures or figures.get("d") is None:
        return ""
    parts = ["d=" + link_number(figures["d"])]
    if figures.get("lo") is not None and figures.get("hi") is not None:
        parts += ["lo=" + link_number(figures["lo"]), "hi=" + link_number(figures["hi"])]
    return "&".join(parts)


def decode_figures(pairs: Sequence[Sequence[str]]) -> dict[str, Any]:
    """``{figures: {d, lo, hi} or None, bad}`` from the link's pairs (the first of a key counts).
    A range that is not around the difference is left out."""
    first: dict[str, str] = {}
    for key, value in pairs:
        if key in ("d", "lo", "hi") and key not in first:
            first[key] = value
    if not first:
        return {"figures": None, "bad": False}
    d, lo, hi = _number(first.get("d")), _number(first.get("lo")), _number(first.get("hi"))
    if d is None:
        return {"figures": None, "bad": True}
    if lo is None or hi is None or lo > d or d > hi:
        return {"figures": {"d": d, "lo": None, "hi": None}, "bad": "lo" in first or "hi" in first}
    return {"figures": {"d": d, "lo": lo, "hi": hi}, "bad": False}
