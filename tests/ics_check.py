"""A small, strict RFC 5545 reader for the tests (no calendar library is installed).

``parse(text)`` checks the physical form (CRLF line ends, at most 75 octets a line,
folding, no bare CR or LF) and the structure (VCALENDAR with VERSION and PRODID; each
VEVENT with a unique UID, DTSTAMP and DTSTART; balanced BEGIN/END; RRULE as FREQ=DAILY
with COUNT or UNTIL), and returns the events as dicts of property name -> (params, value).
"""
from __future__ import annotations

import re

_NAME = re.compile(r"^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$")
_DATETIME = re.compile(r"^\d{8}T\d{6}Z?$")
_DATE = re.compile(r"^\d{8}$")


class IcsError(ValueError):
    pass


def unfold(text: str) -> list[str]:
    if not text.endswith("\r\n"):
        raise IcsError("the file does not end with CRLF")
    physical = text[:-2].split("\r\n")
    logical: list[str] = []
    for n, line in enumerate(physical, 1):
        if "\r" in line or "\n" in line:
            raise IcsError(f"line {n}: bare CR or LF")
        if len(line.encode("utf-8")) > 75:
            raise IcsError(f"line {n}: {len(line.encode('utf-8'))} octets (more than 75)")
        if line.startswith((" ", "\t")):
            if not logical:
                raise IcsError("continuation line first")
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def parse(text: str) -> list[dict[str, tuple[str, str]]]:
    lines = unfold(text)
    stack: list[str] = []
    events: list[dict] = []
    cal: dict = {}
    current: dict | None = None
    for line in lines:
        m = _NAME.match(line)
        if not m:
            raise IcsError(f"not a content line: {line!r}")
        name, params, value = m.groups()
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                if stack != ["VCALENDAR", "VEVENT"]:
                    raise IcsError("VEVENT outside VCALENDAR")
                current = {}
            continue
        if name == "END":
            if not stack or stack.pop() != value:
                raise IcsError(f"END:{value} does not match")
            if value == "VEVENT":
                events.append(current)
                current = None
            continue
        if not stack:
            raise IcsError(f"{name} outside VCALENDAR")
        if stack[-1] == "VEVENT":
            if name in current:
                raise IcsError(f"{name} twice in one VEVENT")
            current[name] = (params, value)
        elif stack[-1] == "VCALENDAR":
            cal[name] = value
    if stack:
        raise IcsError(f"unclosed {stack}")
    if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
        raise IcsError("VCALENDAR needs VERSION:2.0 and PRODID")
    uids = [e.get("UID", ("", ""))[1] for e in events]
    if "" in uids or len(set(uids)) != len(uids):
        raise IcsError("every VEVENT needs a unique UID")
    for e in events:
        if not _DATETIME.match(e.get("DTSTAMP", ("", ""))[1]) or not e["DTSTAMP"][1].endswith("Z"):
            raise IcsError("DTSTAMP must be a UTC date-time")
        params, value = e.get("DTSTART", ("", ""))
        if not (_DATE.match(value) if "VALUE=DATE" in params else _DATETIME.match(value)):
            raise IcsError(f"bad DTSTART {value!r}")
        if "RRULE" in e:
            rule = dict(part.split("=", 1) for part in e["RRULE"][1].split(";"))
            if rule.get("FREQ") != "DAILY" or not (("COUNT" in rule) ^ ("UNTIL" in rule)):
                raise IcsError(f"RRULE must be daily with COUNT or UNTIL: {e['RRULE'][1]}")
            if "COUNT" in rule and not (rule["COUNT"].isdigit() and int(rule["COUNT"]) > 0):
                raise IcsError("bad COUNT")
    return events


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
