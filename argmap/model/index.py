"""Lookup of a map's elements by id, and the location of each element in the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, TypeVar

from argmap.model.elements import (
    SECTIONS,
    Actor,
    ArgumentMap,
    Element,
    Proposition,
    Quote,
    Source,
)
from argmap.read import Loc

T = TypeVar("T", bound=Element)

KIND_NAMES = {
    "sources": "source", "actors": "actor", "quotes": "quote", "propositions": "proposition",
    "inferences": "inference", "attacks": "attack", "questions": "question",
}


class Entry(NamedTuple):
    """Where an element lives: its section, its index in that section, and the element."""

    section: str
    position: int
    element: Element

    @property
    def loc(self) -> Loc:
        return (self.section, self.position)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.section]


class MapIndex:
    """Every element by id. Ids are unique across the whole map; repeats are kept aside."""

    def __init__(self, model: ArgumentMap) -> None:
        self.model = model
        self.by_id: dict[str, Entry] = {}
        self.repeated: list[tuple[Entry, Entry]] = []
        for entry in iter_entries(model):
            first = self.by_id.setdefault(entry.element.id, entry)
            if first is not entry:
                self.repeated.append((first, entry))

    def get(self, element_id: str) -> Entry | None:
        return self.by_id.get(element_id)

    def proposition(self, element_id: str) -> Proposition | None:
        return _typed(self.by_id.get(element_id), Proposition)

    def quote(self, element_id: str) -> Quote | None:
        return _typed(self.by_id.get(element_id), Quote)

    def actor(self, element_id: str) -> Actor | None:
        return _typed(self.by_id.get(element_id), Actor)

    def source(self, element_id: str) -> Source | None:
        return _typed(self.by_id.get(element_id), Source)

    def loc_of(self, element_id: str, *fields: str | int) -> Loc:
        """Location of an element (or of one of its fields) for error positions."""
        entry = self.by_id.get(element_id)
        return (*entry.loc, *fields) if entry is not None else ()


def iter_entries(model: ArgumentMap) -> Iterator[Entry]:
    for section in SECTIONS:
        for position, element in enumerate(getattr(model, section)):
            yield Entry(section, position, element)


def _typed(entry: Entry | None, cls: type[T]) -> T | None:
    if entry is not None and isinstance(entry.element, cls):
        return entry.element
    return None
