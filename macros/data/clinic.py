"""A clinic edition: read the clinic file and merge its protocol into the parameters.

A clinic file (for example ``clinic-example/clinic.yml``) has these sections
(``editorial``, who publishes and signed off the edition, is read by ``macros.data.editorial``):

``clinic``
    Settings of the edition, not clinical numbers: ``name``, ``logo`` (an SVG or PNG
    file beside the clinic file), ``phones`` (a list of ``label`` and ``number``),
    ``language`` (the language of the edition's pages, e.g. ``sv``: ``scripts/clinic``
    builds that language's pages at the root of the clinic's site),
    ``urgent`` (what to do in an emergency; ``{emergency}`` in it shows the clinic's
    emergency number), ``emergency`` (the edition's emergency and advice numbers by
    region, replacing ``data/emergency.yml``; see :mod:`macros.data.urgent`), ``site_url`` and
    ``contact_email``.
``overrides``
    Changes to ``data/parameters.yml``, addressed by dotted key, for example::

        lengthening.distraction_rate: 0.75          # one number: low = typical = high
        lengthening.latency: {low: 5, typical: 5, high: 7, note: Our protocol.}

An override may only change a parameter that exists, and only its numbers, ``note`` and
``sources``; the merged parameters are validated exactly like the shipped ones, so an
invalid value fails the build with a message naming the clinic file and the key.

Pure module: no MkDocs import.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from macros.data import schema
from macros.data.urgent import Region, parse_regions
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

OVERRIDABLE = {"value", "low", "typical", "high", "rows", "note", "sources"}


@dataclass(frozen=True)
class Clinic:
    """The settings of a clinic edition (empty name: the default, unbranded guide)."""

    name: str = ""
    logo: str = ""  # a data: URI, ready for an <img src>
    phones: tuple[tuple[str, str], ...] = ()
    urgent: str = ""
    site_url: str = ""
    contact_email: str = ""
    overrides: Mapping[str, Any] = field(default_factory=dict)
    emergency: tuple[Region, ...] = ()  # empty: the default edition's list (data/emergency.yml)
    editorial: Any = None  # the clinic's ``editorial`` section (macros.data.editorial), unvalidated
    language: str = ""  # the language of the edition's pages (sv); empty: the guide's default

    @property
    def is_edition(self) -> bool:
        return bool(self.name)


def _leaf(params: Mapping, dotted: str) -> Mapping | None:
    node: Any = params
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, Mapping) and "unit" in node else None


def _flatten(raw: Mapping, prefix: str, raw_params: Mapping, file: str, out: dict[str, Any]) -> None:
    """Accept nested groups or dotted keys; stop at each existing parameter."""
    for name, value in raw.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        if _leaf(raw_params, key) is not None:
            out[key] = value
        elif isinstance(value, Mapping) and value:
            node: Any = raw_params
            for part in key.split("."):
                node = node.get(part) if isinstance(node, Mapping) else None
            if not isinstance(node, Mapping):
                raise GuideDataError(file, f"overrides.{key}", "is not a parameter in data/parameters.yml")
            _flatten(value, key, raw_params, file, out)
        else:
            raise GuideDataError(file, f"overrides.{key}", "is not a parameter in data/parameters.yml")


def apply_overrides(raw: Mapping, overrides: Mapping | None, file: str = "clinic.yml") -> dict:
    """A deep copy of the raw parameters file (``units`` + ``parameters``) with the overrides merged in.

    Raises :class:`GuideDataError` naming ``overrides.<key>`` for an unknown parameter or
    field, or a value of the wrong shape. Values are range-checked later by
    :func:`macros.data.parameters.parse_parameters`.
    """
    merged = copy.deepcopy(dict(raw))
    if not overrides:
        return merged
    if not isinstance(overrides, Mapping):
        raise GuideDataError(file, "overrides", "must map parameter keys to new values")
    params = merged.get("parameters")
    flat: dict[str, Any] = {}
    _flatten(overrides, "", params, file, flat)
    for key, value in flat.items():
        leaf = _leaf(params, key)
        where = f"overrides.{key}"
        if not isinstance(value, Mapping):
            if "value" in leaf:
                value = {"value": value}
            elif "typical" in leaf:
                value = {"low": value, "typical": value, "high": value}
            else:
                raise GuideDataError(file, where, "is a table: give its rows")
        for fname, fvalue in value.items():
            fname = str(fname)
            if fname not in OVERRIDABLE:
                raise GuideDataError(file, f"{where}.{fname}", "cannot be overridden (only numbers, note and sources)")
            if fname in ("value", "low", "typical", "high", "rows") and fname not in leaf:
                raise GuideDataError(file, f"{where}.{fname}", "is not a field of this parameter")
            if fname in ("value", "low", "typical", "high") and (
                not isinstance(fvalue, (int, float)) or isinstance(fvalue, bool)
            ):
                raise GuideDataError(file, f"{where}.{fname}", f"must be a number, got {fvalue!r}")
            leaf[fname] = fvalue
            if fname in ("low", "typical", "high"):
                # A clinic's own range: its typical value is the clinic's protocol.
                leaf["typical_basis"] = "protocol"
    return merged


def overridden_keys(raw: Mapping, overrides: Mapping | None, file: str = "clinic.yml") -> frozenset[str]:
    """The dotted keys of the parameters a clinic file changes."""
    if not overrides:
        return frozenset()
    flat: dict[str, Any] = {}
    _flatten(overrides, "", raw.get("parameters", {}), file, flat)
    return frozenset(flat)


def _logo_uri(path: Path, file: str) -> str:
    import base64

    kinds = {".svg": "image/svg+xml", ".png": "image/png"}
    if path.suffix.lower() not in kinds:
        raise GuideDataError(file, "clinic.logo", "must be an .svg or .png file")
    if not path.is_file():
        raise GuideDataError(file, "clinic.logo", f"file not found: {path.name}")
    return f"data:{kinds[path.suffix.lower()]};base64,{base64.b64encode(path.read_bytes()).decode()}"


def parse_clinic(raw: Any, base_dir: Path, file: str = "clinic.yml") -> Clinic:
    """Validate a clinic file's content; ``base_dir`` is where its logo lives."""
    schema.validate(schema.ClinicFile, raw, file, hints=schema.CLINIC_HINTS)
    c = raw["clinic"]
    site_url = c.get("site_url") or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    email = c.get("contact_email") or ""
    phones = [(ph["label"], ph["number"]) for ph in c.get("phones") or []]
    logo = _logo_uri(Path(base_dir) / c["logo"], file) if c.get("logo") else ""
    emergency = parse_regions(c["emergency"], file, "clinic.emergency") if c.get("emergency") else ()
    urgent = " ".join((c.get("urgent") or "").split())
    for m in re.finditer(r"\{([^}]*)\}", urgent):
        if m.group(1) != "emergency":
            raise GuideDataError(file, "clinic.urgent", f"{{{m.group(1)}}} is not a known placeholder (only {{emergency}})")
        if not emergency:
            raise GuideDataError(file, "clinic.urgent", "uses {emergency}, so clinic.emergency must list your region's numbers")
    if emergency:
        urgent = urgent.replace("{emergency}", emergency[0].emergency)
    overrides = raw.get("overrides") or {}
    return Clinic(c["name"].strip(), logo, tuple(phones), urgent, site_url, email, overrides, emergency,
                  raw.get("editorial"), c.get("language") or "")


def load_clinic(path: Path | None) -> Clinic:
    """Read a clinic file; ``None`` gives the default (unbranded) edition."""
    if path is None:
        return Clinic()
    path = Path(path)
    return parse_clinic(read_yaml(path), path.parent, path.name)
