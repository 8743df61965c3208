"""argmap: checked argument maps.

Data flows one way: :mod:`argmap.read` (YAML to positioned data) → :mod:`argmap.model`
(pydantic models, references) → :mod:`argmap.analyse` (graph facts) → lint, render, export.
Importing ``argmap`` is cheap; the names below load their modules on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap._version import __version__
from argmap.problems import (
    ArgmapError,
    Level,
    MapInvalidError,
    Problem,
    UnreadableInputError,
    UsageError,
)

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, LoadedMap, load_map, load_map_text

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from argmap import model

        return getattr(model, name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
