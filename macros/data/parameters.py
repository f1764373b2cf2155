"""Load and validate the clinical parameters (``data/parameters.yml``).

The parameters file is the guide's single source of truth for every clinical number.
Each parameter is a leaf mapping with a ``unit`` and ``sources`` (keys of
``data/references.yml``) and one of three shapes:

* ``value``: one number (for example a threshold);
* ``low`` / ``typical`` / ``high``: a range, for anything that varies between people or
  studies, with ``typical_basis``: how the typical value was chosen (one of
  :data:`TYPICAL_BASES`; the note explains it, the evidence table shows it in words);
* ``columns`` / ``rows``: a small table of numbers (for example a growth table).

A risk (a ``percent`` parameter shown with the ``risk`` macro) also says what was
counted: ``counted: {unit: segment, measure: per_100, event: complication}``. ``unit`` is
what the study counted (a lengthened bone segment, a lengthening, a patient, a child, an
operation, a bone); ``measure`` is ``share`` (the share of those units with at least one
event) or ``per_100`` (events per 100 units, which can count one unit twice); ``event``
names what was counted with ``per_100``. The wording macros read it, so a figure counted
per lengthened bone can never be printed as a share of children.

Leaves sit in groups of any depth and are addressed by their dotted path, for example
``distraction.rate``. The ``units`` section lists every unit a parameter may use with
sanity bounds, so a typo such as a negative rate or ``100`` mm a day fails the build.

Pure module: no MkDocs import. Problems raise :class:`GuideDataError` naming the key.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

from macros.data.references import Bibliography, check_keys
from macros.data.yamlfile import read_yaml
from macros.errors import GuideDataError

LEAF_FIELDS = {"label", "unit", "sources", "note", "value", "low", "typical", "high", "typical_basis", "columns", "rows", "counted"}
COUNTED_FIELDS = {"unit", "measure", "event", "events", "total"}
RANGE_FIELDS = ("low", "typical", "high")
# How a range's typical value was chosen. Words for readers: strings.en.yml,
# templates.clinic.typical_basis.
TYPICAL_BASES = (
    "pooled_mean",         # the mean of the patients of several series taken together
    "median_of_series",    # the middle one of several series' means
    "mean_of_series",      # the average of several series' means, each series counted once
    "single_series_mean",  # one series' mean (or rate): the only or the most fitting series
    "midpoint",            # halfway between low and high (no better figure)
    "conservative",        # the cautious end, chosen on purpose (the note says why)
    "protocol",            # the value a published protocol, rule or leaflet uses
    "most_sources",        # the value most of the sources give
    "primary_source",      # the figure of the most direct source (the others are secondary)
)
# What a risk figure counted (``counted:``): the unit, the measure, and for events per 100
# units the event. The words for each live in strings.en.yml (templates.risk).
COUNTED_UNITS = ("segment", "lengthening", "patient", "child", "operation", "bone")
COUNTED_MEASURES = ("share", "per_100")
COUNTED_EVENTS = ("complication", "case", "fracture")


@dataclass(frozen=True)
class Counted:
    """What a risk figure counted: ``unit`` (segment, child ...), ``measure`` (share or
    per_100) and, for ``per_100``, the ``event`` counted."""

    unit: str
    measure: str
    event: str = ""
    events: int | None = None  # the study's own counts, when one small study gives the figure
    total: int | None = None


@dataclass(frozen=True)
class Unit:
    """A unit a parameter may use, with the sanity bounds every value must meet."""

    name: str
    min: float
    max: float


@dataclass(frozen=True)
class Parameter:
    """One clinical number (or range, or table) with its unit and sources."""

    key: str
    label: str
    unit: str
    sources: tuple[str, ...]
    low: float | None = None
    typical: float | None = None
    high: float | None = None
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[float, ...], ...] = ()
    note: str = ""
    typical_basis: str = ""
    counted: Counted | None = None

    @property
    def kind(self) -> str:
        """``"table"``, ``"range"`` (low differs from high) or ``"value"``."""
        if self.columns:
            return "table"
        return "range" if self.low != self.high else "value"

    @property
    def value(self) -> float:
        """The typical value (for a single value, the value itself)."""
        if self.typical is None:
            raise GuideDataError("parameters.yml", self.key, "is a table, not a number")
        return self.typical

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, the form embedded in pages for the browser."""
        out: dict[str, Any] = {"unit": self.unit, "sources": list(self.sources)}
        if self.columns:
            out["columns"] = list(self.columns)
            out["rows"] = [list(r) for r in self.rows]
        else:
            out.update(low=self.low, typical=self.typical, high=self.high)
        return out


@dataclass(frozen=True)
class Parameters:
    """All parameters by dotted key, with the unit table they were checked against."""

    items: Mapping[str, Parameter]
    units: Mapping[str, Unit] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Parameter:
        try:
            return self.items[key]
        except KeyError:
            raise GuideDataError("parameters.yml", key, "no such parameter") from None

    def __contains__(self, key: object) -> bool:
        return key in self.items

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def group(self, prefix: str) -> dict[str, Parameter]:
        """The parameters under ``prefix.`` keyed by the rest of their path."""
        start = prefix.rstrip(".") + "."
        found = {k[len(start):]: p for k, p in self.items.items() if k.startswith(start)}
        if not found:
            raise GuideDataError("parameters.yml", prefix, "no such parameter group")
        return found

    def as_dict(self) -> dict[str, Any]:
        """Every parameter as JSON-ready data, keyed by dotted path."""
        return {k: p.as_dict() for k, p in self.items.items()}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_number(value: Any, unit: Unit, file: str, key: str) -> float:
    if not _is_number(value):
        raise GuideDataError(file, key, f"must be a number, got {value!r}")
    if value < unit.min or value > unit.max:
        raise GuideDataError(
            file, key, f"{value} {unit.name} is outside the allowed {unit.min:g} to {unit.max:g} {unit.name}"
        )
    return value


def _parse_counted(raw: Any, unit_name: str, file: str, key: str) -> Counted:
    """``counted: {unit, measure[, event]}``: each value from its fixed list."""
    where = f"{key}.counted"
    if unit_name != "percent":
        raise GuideDataError(file, where, f"only a risk in percent says what was counted (this one is in {unit_name})")
    if not isinstance(raw, Mapping):
        raise GuideDataError(file, where, "must be a mapping with unit and measure, e.g. {unit: child, measure: share}")
    unknown = sorted(set(map(str, raw)) - COUNTED_FIELDS)
    if unknown:
        raise GuideDataError(file, f"{where}.{unknown[0]}", "is not a known field (unit, measure, event, events, total)")
    for name, allowed in (("unit", COUNTED_UNITS), ("measure", COUNTED_MEASURES)):
        if raw.get(name) not in allowed:
            got = "missing" if name not in raw else f"{raw[name]!r} is not allowed"
            raise GuideDataError(file, f"{where}.{name}", f"{got}: one of {', '.join(allowed)}")
    event = raw.get("event", "")
    if raw["measure"] == "per_100" and event not in COUNTED_EVENTS:
        got = "is missing" if not event else f"{event!r} is not allowed"
        raise GuideDataError(file, f"{where}.event", f"{got}: events per 100 need one of {', '.join(COUNTED_EVENTS)}")
    if raw["measure"] == "share" and event:
        raise GuideDataError(file, f"{where}.event", "only events per 100 (measure: per_100) name an event")
    events, total = raw.get("events"), raw.get("total")
    if (events is None) != (total is None):
        raise GuideDataError(file, f"{where}.{'total' if total is None else 'events'}",
                             "is missing: give both events and total (the study's counts), or neither")
    if events is not None:
        ok = all(isinstance(x, int) and not isinstance(x, bool) for x in (events, total)) and 0 <= events and total > 0
        if not ok:
            raise GuideDataError(file, f"{where}.events", f"events and total must be whole numbers, total above 0, "
                                                          f"got {events!r} of {total!r}")
        if raw["measure"] == "share" and events > total:
            raise GuideDataError(file, f"{where}.events", f"a share cannot have more events ({events}) than {total}")
    return Counted(raw["unit"], raw["measure"], event, events, total)


def _parse_units(raw: Any, file: str) -> dict[str, Unit]:
    if not isinstance(raw, Mapping) or not raw:
        raise GuideDataError(file, "units", "must map each unit to its min and max")
    units = {}
    for name, spec in raw.items():
        key = f"units.{name}"
        if not isinstance(spec, Mapping) or set(spec) != {"min", "max"}:
            raise GuideDataError(file, key, "must have exactly min and max")
        if not (_is_number(spec["min"]) and _is_number(spec["max"])) or spec["min"] > spec["max"]:
            raise GuideDataError(file, key, "min and max must be numbers with min <= max")
        units[str(name)] = Unit(str(name), spec["min"], spec["max"])
    return units


def _parse_leaf(key: str, raw: Mapping, units: Mapping[str, Unit], bib: Bibliography, file: str) -> Parameter:
    unknown = sorted(set(map(str, raw)) - LEAF_FIELDS)
    if unknown:
        raise GuideDataError(file, f"{key}.{unknown[0]}", "is not a known field")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise GuideDataError(file, f"{key}.label", "is missing (a short description for readers)")
    unit_name = raw["unit"]
    if unit_name not in units:
        raise GuideDataError(file, f"{key}.unit", f"unknown unit {unit_name!r} (add it to units:)")
    unit = units[unit_name]
    if "sources" not in raw:
        raise GuideDataError(file, f"{key}.sources", "is missing: every number needs a source")
    sources = check_keys(raw["sources"], bib, file, f"{key}.sources")
    note = str(raw.get("note") or "").strip()
    counted = _parse_counted(raw["counted"], unit_name, file, key) if "counted" in raw else None
    shapes = [s for s, fields in (("value", ("value",)), ("range", RANGE_FIELDS), ("table", ("columns", "rows"))) if any(f in raw for f in fields)]
    if len(shapes) != 1:
        raise GuideDataError(file, key, "needs exactly one of: value; low, typical and high; columns and rows")
    shape = shapes[0]
    if shape != "range" and "typical_basis" in raw:
        raise GuideDataError(file, f"{key}.typical_basis", "belongs to a range (low, typical, high) only")
    if counted is not None and counted.events is not None and shape != "table":
        figure = raw["value"] if shape == "value" else raw.get("typical")
        if _is_number(figure) and abs(100 * counted.events / counted.total - figure) > 0.5:
            raise GuideDataError(file, f"{key}.counted.events", f"{counted.events} of {counted.total} is "
                                 f"{100 * counted.events / counted.total:.1f}%, not the figure {figure}%")
    if shape == "value":
        v = _check_number(raw["value"], unit, file, f"{key}.value")
        return Parameter(key, label.strip(), unit_name, sources, v, v, v, note=note, counted=counted)
    if shape == "range":
        for f in RANGE_FIELDS:
            if f not in raw:
                raise GuideDataError(file, f"{key}.{f}", "is missing (a range needs low, typical and high)")
        low, typical, high = (_check_number(raw[f], unit, file, f"{key}.{f}") for f in RANGE_FIELDS)
        if not low <= typical <= high:
            raise GuideDataError(file, key, f"needs low <= typical <= high, got {low}, {typical}, {high}")
        basis = raw.get("typical_basis")
        if basis is None:
            raise GuideDataError(file, f"{key}.typical_basis",
                                 "is missing: say how the typical value was chosen (" + ", ".join(TYPICAL_BASES) + ")")
        if basis not in TYPICAL_BASES:
            raise GuideDataError(file, f"{key}.typical_basis", f"unknown basis {basis!r} (one of: {', '.join(TYPICAL_BASES)})")
        return Parameter(key, label.strip(), unit_name, sources, low, typical, high, note=note, typical_basis=basis, counted=counted)
    if counted:
        raise GuideDataError(file, f"{key}.counted", "a table cannot be a risk")
    columns, rows = raw.get("columns"), raw.get("rows")
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        raise GuideDataError(file, f"{key}.columns", "must be a list of column names")
    if not isinstance(rows, list) or not rows:
        raise GuideDataError(file, f"{key}.rows", "must be a non-empty list of rows")
    parsed = []
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(columns):
            raise GuideDataError(file, f"{key}.rows[{i}]", f"must have {len(columns)} numbers")
        parsed.append(tuple(_check_number(v, unit, file, f"{key}.rows[{i}]") for v in row))
    return Parameter(key, label.strip(), unit_name, sources, columns=tuple(columns), rows=tuple(parsed), note=note)


def _walk(node: Any, path: str, units, bib, file, out: dict[str, Parameter]) -> None:
    if not isinstance(node, Mapping) or not node:
        raise GuideDataError(file, path, "must be a parameter (with unit) or a group of parameters")
    if "unit" in node:
        out[path] = _parse_leaf(path, node, units, bib, file)
        return
    for name, child in node.items():
        name = str(name)
        if not name.replace("_", "").isalnum() or not name[0].isalpha() or name != name.lower():
            raise GuideDataError(file, f"{path}.{name}", "names use lower-case letters, digits and _")
        _walk(child, f"{path}.{name}" if path else name, units, bib, file, out)


def parse_parameters(raw: Any, bibliography: Bibliography, file: str = "parameters.yml") -> Parameters:
    """Validate the YAML structure of the parameters file against the bibliography."""
    if not isinstance(raw, Mapping):
        raise GuideDataError(file, "", "must be a mapping with units and parameters")
    unknown = sorted(set(map(str, raw)) - {"units", "parameters"})
    if unknown:
        raise GuideDataError(file, unknown[0], "is not a known top-level section")
    units = _parse_units(raw.get("units"), file)
    out: dict[str, Parameter] = {}
    if "parameters" not in raw:
        raise GuideDataError(file, "parameters", "is missing")
    _walk(raw["parameters"], "", units, bibliography, file, out)
    return Parameters(out, units)


def load_parameters(path: Path, bibliography: Bibliography) -> Parameters:
    """Read and validate ``path``; raises :class:`GuideDataError` with the key at fault."""
    return parse_parameters(read_yaml(path), bibliography, path.name)
