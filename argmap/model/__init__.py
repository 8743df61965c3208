"""Stage 2, model: the map format as pydantic models, validation and cross-reference checks."""

from argmap.model.elements import (
    FORMAT_VERSION,
    SECTIONS,
    Actor,
    ArgumentMap,
    Attack,
    CriticalQuestion,
    Element,
    Grade,
    Inference,
    Likelihood,
    MapInfo,
    Proposition,
    Question,
    Quote,
    Source,
    Suppression,
)
from argmap.model.index import Entry, MapIndex
from argmap.model.load import LoadedMap, load_map, load_map_text

__all__ = [
    "FORMAT_VERSION",
    "SECTIONS",
    "Actor",
    "ArgumentMap",
    "Attack",
    "CriticalQuestion",
    "Element",
    "Entry",
    "Grade",
    "Inference",
    "Likelihood",
    "LoadedMap",
    "MapIndex",
    "MapInfo",
    "Proposition",
    "Question",
    "Quote",
    "Source",
    "Suppression",
    "load_map",
    "load_map_text",
]
