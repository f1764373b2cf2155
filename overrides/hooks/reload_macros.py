"""Make `mkdocs serve` pick up edits to the macros package.

mkdocs-macros imports `macros` once; Python then keeps the cached modules for every
rebuild. This hook runs before the macros plugin on each (re)load of the configuration
and forgets the cached modules, so the next import reads the edited code.
"""

import sys

from mkdocs.plugins import event_priority


@event_priority(100)  # before the macros plugin's own on_config
def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # the next language of the same build: same code and data
        return config
    for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
        del sys.modules[name]
    return config
