"""The one exception type the guide's data layer raises.

Every problem with the parameters, the bibliography, the strings or a page's front
matter becomes a :class:`GuideDataError` whose message is one line that names the file
and the key, so that a failed build tells an editor exactly what to fix. This module
does not import MkDocs: ``macros/__init__.py`` turns the error into MkDocs' own
``PluginError`` so the command line shows the message without a traceback.
"""

from __future__ import annotations


class GuideDataError(ValueError):
    """A problem in the guide's data files: ``<file>: <key>: <problem>``."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}")
