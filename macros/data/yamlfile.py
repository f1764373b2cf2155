"""Read the guide's YAML data files with one-line error messages.

Pure module: no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.errors import GuideDataError


def read_yaml(path: Path) -> Any:
    """Read a YAML file, turning a missing file or a syntax error into a :class:`GuideDataError`."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuideDataError(path.name, "", "file not found") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise GuideDataError(path.name, where, f"is not valid YAML ({getattr(err, 'problem', 'syntax error')})") from None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: ``!ENV [NAME, default]`` gives its default (the last item,
    or None), and ``!!python/name:...`` tags (Markdown extension options) give None."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> Any:
    """An MkDocs configuration file (mkdocs.yml) as plain data, for scripts and tests."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_ConfigLoader)
