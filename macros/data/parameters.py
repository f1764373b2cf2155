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

The file's structure (fields, types, the fixed lists) is declared by its model,
:class:`macros.data.schema.ParametersFile`; this module adds the rules between fields and
files. Pure module: no MkDocs import. Problems raise :class:`GuideDataError` naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, get_args

from macros.data import schema
from macros.data.references import Bibliography, check_keys
from macros.errors import GuideDataError

RANGE_FIELDS = ("low", "typical", "high")
# The fixed lists are declared with the file's model (macros/data/schema.py).
TYPICAL_BASES = get_args(schema.TypicalBasis)
COUNTED_UNITS = get_args(schema.CountedUnit)
COUNTED_MEASURES = get_args(schema.CountedMeasure)
COUNTED_EVENTS = get_args(schema.CountedEvent)


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


def _check_number(value: float, unit: Unit, file: str, key: str) -> float:
    if value < unit.min or value > unit.max:
        raise GuideDataError(
            file, key, f"{value} {unit.name} is outside the allowed {unit.min:g} to {unit.max:g} {unit.name}"
        )
    return value


def _check_counted(raw: Mapping, unit_name: str, figure: Any, file: str, key: str) -> Counted:
    """The rules between the fields of ``counted`` (the model checked each field)."""
    where = f"{key}.counted"
    if unit_name != "percent":
        raise GuideDataError(file, where, f"only a risk in percent says what was counted (this one is in {unit_name})")
    event = raw.get("event") or ""
    if raw["measure"] == "per_100" and not event:
        raise GuideDataError(file, f"{where}.event", f"is missing: events per 100 need one of {', '.join(COUNTED_EVENTS)}")
    if raw["measure"] == "share" and event:
        raise GuideDataError(file, f"{where}.event", "only events per 100 (measure: per_100) name an event")
    events, total = raw.get("events"), raw.get("total")
    if (events is None) != (total is None):
        raise GuideDataError(file, f"{where}.{'total' if total is None else 'events'}",
                             "is missing: give both events and total (the study's counts), or neither")
    if events is not None:
        if raw["measure"] == "share" and events > total:
            raise GuideDataError(file, f"{where}.events", f"a share cannot have more events ({events}) than {total}")
        if figure is not None and abs(100 * events / total - figure) > 0.5:
            raise GuideDataError(file, f"{where}.events", f"{events} of {total} is "
                                 f"{100 * events / total:.1f}%, not the figure {figure}%")
    return Counted(raw["unit"], raw["measure"], event, events, total)


def _parse_units(raw: Mapping, file: str) -> dict[str, Unit]:
    units = {}
    for name, spec in raw.items():
        if spec["min"] > spec["max"]:
            raise GuideDataError(file, f"units.{name}", "min and max must be numbers with min <= max")
        units[name] = Unit(name, spec["min"], spec["max"])
    return units


def _parse_leaf(key: str, raw: Mapping, units: Mapping[str, Unit], bib: Bibliography, file: str) -> Parameter:
    """One parameter whose fields the model checked: bounds of its unit, order of a range, sources."""
    unit_name = raw["unit"]
    if unit_name not in units:
        raise GuideDataError(file, f"{key}.unit", f"unknown unit {unit_name!r} (add it to units:)")
    unit = units[unit_name]
    sources = check_keys(raw["sources"], bib, file, f"{key}.sources")
    label, note = raw["label"].strip(), (raw.get("note") or "").strip()
    if "columns" in raw:
        rows = []
        for i, row in enumerate(raw["rows"]):
            if len(row) != len(raw["columns"]):
                raise GuideDataError(file, f"{key}.rows[{i}]", f"must have {len(raw['columns'])} numbers")
            rows.append(tuple(_check_number(v, unit, file, f"{key}.rows[{i}]") for v in row))
        return Parameter(key, label, unit_name, sources, columns=tuple(raw["columns"]), rows=tuple(rows), note=note)
    figure = raw["value"] if "value" in raw else raw["typical"]
    counted = _check_counted(raw["counted"], unit_name, figure, file, key) if raw.get("counted") else None
    if "value" in raw:
        v = _check_number(raw["value"], unit, file, f"{key}.value")
        return Parameter(key, label, unit_name, sources, v, v, v, note=note, counted=counted)
    low, typical, high = (_check_number(raw[f], unit, file, f"{key}.{f}") for f in RANGE_FIELDS)
    if not low <= typical <= high:
        raise GuideDataError(file, key, f"needs low <= typical <= high, got {low}, {typical}, {high}")
    return Parameter(key, label, unit_name, sources, low, typical, high, note=note,
                     typical_basis=raw["typical_basis"], counted=counted)


def _walk(node: Mapping, path: str, units, bib, file, out: dict[str, Parameter]) -> None:
    if "unit" in node:
        out[path] = _parse_leaf(path, node, units, bib, file)
        return
    for name, child in node.items():
        _walk(child, f"{path}.{name}" if path else name, units, bib, file, out)


def parse_parameters(raw: Any, bibliography: Bibliography, file: str = "parameters.yml") -> Parameters:
    """Check the parameters file against its model (:class:`macros.data.schema.ParametersFile`),
    then each value against its unit's bounds and each source against the bibliography."""
    schema.validate(schema.ParametersFile, raw, file, hints=schema.PARAMETER_HINTS, section="parameters")
    units = _parse_units(raw["units"], file)
    out: dict[str, Parameter] = {}
    _walk(raw["parameters"], "", units, bibliography, file, out)
    return Parameters(out, units)
