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


def salvage_findings(data: dict[str, Any], errors: list[ErrorDetails], positions: Positions
                     ) -> Iterator[Finding]:
    """Whole-map findings on what of ``data`` is valid, at the locations of ``data``."""
    salvaged = _salvage(data, _bad_fields(errors))
    shifted = _ShiftedPositions(positions, salvaged.kept)
    for finding in check_references(salvaged.model, MapIndex(salvaged.model), shifted):
        loc = shifted.original(finding.loc)
        if finding.code == DANGLING and _value_at(data, loc) in salvaged.dropped_ids:
            continue
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
    kept: dict[str, list[int]] = {}
    sections: dict[str, Any] = {}
    dropped: set[str] = set()
    for section in SECTIONS:
        items = data.get(section)
        elements, kept[section] = [], []
        for position, item in enumerate(items if isinstance(items, list) else []):
            element = _element(section, item, bad.get((section, position), set()))
            if element is not None:
                elements.append(element)
                kept[section].append(position)
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                dropped.add(item["id"])
        sections[section] = tuple(elements)
    model = ArgumentMap.model_construct(map=_map_info(data.get("map")), **sections)
    return _Salvaged(model, kept, dropped)


def _element(section: str, item: Any, bad: set[str]) -> BaseModel | None:
    """The element from its valid fields; None without a valid id."""
    if not isinstance(item, dict) or "id" in bad or not isinstance(item.get("id"), str):
        return None
    cls = _element_class(section)
    if not bad:
        try:
            return cls.model_validate(item)
        except ValidationError:
            pass  # a cross-field check failed: rebuild field by field below
    fields: dict[str, Any] = dict.fromkeys(cls.model_fields)  # a missing required field: None
    fields.update({name: field.default for name, field in cls.model_fields.items()
                   if not field.is_required()})
    for name, value in item.items():
        if name in cls.model_fields and name not in bad:
            try:
                fields[name] = _adapter(cls, name).validate_python(value)
            except ValidationError:
                fields[name] = cls.model_fields[name].default
    return cls.model_construct(**fields)


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
