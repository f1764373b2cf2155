"""Load all of the guide's data at once: bibliography, parameters and strings.

``load_guide(data_dir)`` is the single entry point that the MkDocs wiring, the tests and
the scripts use, so they all see the same validated model.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from macros.bibliography import Reference, load_bibliography
from macros.params import Parameters, load_parameters
from macros.strings import load_strings

REFERENCES_FILE = "references.yml"
PARAMETERS_FILE = "parameters.yml"
STRINGS_FILE = "strings.en.yml"


@dataclass(frozen=True)
class Guide:
    """The validated data behind every page."""

    references: Mapping[str, Reference]
    params: Parameters
    strings: Mapping[str, Any]


def load_guide(data_dir: Path) -> Guide:
    """Load and cross-check the data files in ``data_dir``.

    Raises :class:`macros.errors.GuideDataError` with a one-line message naming the file
    and key at fault.
    """
    data_dir = Path(data_dir)
    references = load_bibliography(data_dir / REFERENCES_FILE)
    params = load_parameters(data_dir / PARAMETERS_FILE, references)
    strings = load_strings(data_dir / STRINGS_FILE, params.units)
    return Guide(references, params, strings)
