"""Recompile the guide's SCSS (styles/) before each MkDocs build, so `mkdocs serve` reloads
after an edit in styles/ (mkdocs.yml watches that folder).

scripts/styles.py does the work and writes only the CSS files whose text changed, so an
unchanged build touches nothing and the watcher does not rebuild again. The compiled CSS
is committed: a builder that runs no MkDocs hooks still finds it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "styles.py"
log = get_plugin_logger("styles")


def _styles():
    spec = importlib.util.spec_from_file_location("guide_styles", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def on_pre_build(config):
    styles = _styles()
    for css in styles.write(styles.compile_all()):
        log.info("Compiled %s", css.relative_to(styles.ROOT))
