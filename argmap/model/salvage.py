"""What of an invalid map can still be checked, so one pass reports every error it can.

When pydantic refuses a map, the checks that need the whole map (references, ids, likelihood
bands, the author's voice) would otherwise wait for the next run: a user fixing a typo in `kind`
would only then learn that a band is not in the vocabulary. Here every element with a valid `id`
is rebuilt from the fields that are valid on their own (an invalid field is left out, as if not
given), so the whole-map checks run on the same pass. Their findings are then mapped back to the
file's own positions, and a reference is not called dangling when it names an element that is
only invalid (its own errors are already reported).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from argmap.model.elements import SECTIONS, ArgumentMap, MapInfo
from argmap.model.index import MapIndex
from argmap.model.references import DANGLING, Finding, check_references
from argmap.model.vocabulary import VOCABULARIES
from argmap.read import Loc, Positions


@dataclass
class _Salvaged:
    model: ArgumentMap
    kept: dict[str, list[int]]  # section -> original position of each element kept
    dropped_ids: set[str]  # ids of elements that could not be kept
    filled: set[tuple[str, int, str]]  # (section, original position, field) given a stand-in


def salvage_findings(data: dict[str, Any], errors: list[ErrorDetails], positions: Positions
                     ) -> Iterator[Finding]:
    """Whole-map findings on what of ``data`` is valid, at the locations of ``data``."""
    salvaged = _salvage(data, _bad_fields(errors))
    shifted = _ShiftedPositions(positions, salvaged.kept)
    for finding in check_references(salvaged.model, MapIndex(salvaged.model), shifted):
        loc = shifted.original(finding.loc)
        if (finding.code == DANGLING and _value_at(data, loc) in salvaged.dropped_ids) \
                or tuple(loc[:3]) in salvaged.filled:
            continue  # about an invalid element or field: its own error is reported
        yield Finding(loc, finding.code, finding.message)


def _bad_fields(errors: list[ErrorDetails]) -> dict[tuple[str, int], set[str]]:
    """(section, position) -> the element's own fields that have errors."""
    bad: dict[tuple[str, int], set[str]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if len(loc) >= 3 and loc[0] in SECTIONS and isinstance(loc[1], int):
            bad.setdefault((str(loc[0]), loc[1]), set()).add(str(loc[2]))
    return bad


def _salvage(data: dict[str, Any], bad: dict[tuple[str, int], set[str]]) -> _Salvaged:
    info = _map_info(data.get("map"))
    salvaged = _Salvaged(ArgumentMap.model_construct(map=info), {}, set(), set())
    sections: dict[str, Any] = {}
    for section in SECTIONS:
        items = data.get(section)
        elements, salvaged.kept[section] = [], []
        for position, item in enumerate(items if isinstance(items, list) else []):
            built = _element(section, item, bad.get((section, position), set()))
            if built is not None:
                elements.append(built[0])
                salvaged.kept[section].append(position)
                salvaged.filled.update((section, position, name) for name in built[1])
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                salvaged.dropped_ids.add(item["id"])
        sections[section] = tuple(elements)
    salvaged.model = ArgumentMap.model_construct(map=info, **sections)
    return salvaged


def _element(section: str, item: Any, bad: set[str]) -> tuple[BaseModel, set[str]] | None:
    """The element from its valid fields, and the fields given a stand-in (an empty value where
    the field is required but invalid or missing); None without a valid id."""
    if not isinstance(item, dict) or "id" in bad or not isinstance(item.get("id"), str):
        return None
    cls = _element_class(section)
    if not bad:
        try:
            return cls.model_validate(item), set()
        except ValidationError:
            pass  # a cross-field check failed: rebuild field by field below
    fields: dict[str, Any] = {}
    filled: set[str] = set()
    for name, field in cls.model_fields.items():
        value = _valid_value(cls, name, item) if name not in bad else _MISSING
        if value is _MISSING:
            value = _stand_in(field.annotation) if field.is_required() else field.default
            filled.add(name)
        fields[name] = value
    return cls.model_construct(**fields), filled


_MISSING = object()


def _valid_value(cls: type[BaseModel], name: str, item: dict[str, Any]) -> Any:
    if name not in item:
        return _MISSING
    try:
        return _adapter(cls, name).validate_python(item[name])
    except ValidationError:
        return _MISSING


def _stand_in(annotation: Any) -> Any:
    """An empty value of the field's type, so whole-map checks can read it without failing."""
    origin = getattr(annotation, "__origin__", None)
    return () if origin is tuple or annotation is tuple else ""


def _map_info(raw: Any) -> MapInfo:
    try:
        return MapInfo.model_validate(raw)
    except ValidationError:
        vocabulary = raw.get("likelihood_vocabulary") if isinstance(raw, dict) else None
        given = {"likelihood_vocabulary": vocabulary} if vocabulary in VOCABULARIES else {}
        return MapInfo.model_construct(id="map", title="map", format=1, **given)


@cache
def _element_class(section: str) -> type[BaseModel]:
    annotation = ArgumentMap.model_fields[section].annotation
    return next(arg for arg in get_args(annotation) if isinstance(arg, type))


@cache
def _adapter(cls: type[BaseModel], name: str) -> TypeAdapter[Any]:
    annotation: Any = cls.model_fields[name].annotation
    return TypeAdapter(annotation)


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data if isinstance(data, str) else None


class _ShiftedPositions(Positions):
    """Positions looked up for the salvaged model, whose sections may have lost elements."""

    def __init__(self, inner: Positions, kept: dict[str, list[int]]) -> None:
        super().__init__(inner.values, inner.keys)
        self.kept = kept

    def original(self, loc: Loc) -> Loc:
        if len(loc) >= 2 and loc[0] in self.kept and isinstance(loc[1], int):
            return (loc[0], self.kept[str(loc[0])][loc[1]], *loc[2:])
        return loc

    def of_value(self, loc: Loc) -> tuple[int, int]:
        return super().of_value(self.original(loc))
