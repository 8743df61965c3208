"""argmap: checked argument maps.

Data flows one way: :mod:`argmap.read` (YAML to positioned data) → :mod:`argmap.model`
(pydantic models, references) → :mod:`argmap.analyse` (graph facts) → lint, render, export.
Importing ``argmap`` is cheap; the names below load their modules on first use.
"""

from __future__ import annotations

from argmap._version import __version__

# `typing` itself costs tens of milliseconds of start-up; mypy reads this name as typing's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from argmap.model import ArgumentMap, LoadedMap, load_map, load_map_text
    from argmap.problems import (
        ArgmapError,
        Level,
        MapInvalidError,
        Problem,
        UnreadableInputError,
        UsageError,
    )

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Level",
    "LoadedMap",
    "MapInvalidError",
    "Problem",
    "UnreadableInputError",
    "UsageError",
    "__version__",
    "load_map",
    "load_map_text",
]

_LAZY = {"ArgumentMap", "LoadedMap", "load_map", "load_map_text"}
# Not even these at import: `python -m argmap` and the `argmap` script import this package
# before the entry point can take Ctrl-C, so the package itself imports nothing heavy.
_PROBLEMS = {"ArgmapError", "Level", "MapInvalidError", "Problem", "UnreadableInputError",
             "UsageError"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from argmap import model

        return getattr(model, name)
    if name in _PROBLEMS:
        from argmap import problems

        return getattr(problems, name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
