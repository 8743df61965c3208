"""``argmap diff`` sees every field of the format: a test walks the pydantic models, so a field
added to the format without diff handling fails here; and an edit of any one value of a map that
sets every field is reported."""

from __future__ import annotations

import copy
import datetime
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from argmap.analyse.changes import CATEGORIES, FIELD_CATEGORIES, compare_maps
from argmap.model import ArgumentMap
from argmap.model.index import MapIndex
from argmap.model.references import check_references
from argmap.read import Positions

EVERY_FIELD = Path(__file__).parent / "diff" / "every-field.yaml"


def models(root: type[BaseModel] = ArgumentMap) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``root`` through its fields' annotations."""
    found: dict[str, type[BaseModel]] = {}
    pending = [root]
    while pending:
        model = pending.pop()
        if model.__name__ in found:
            continue
        found[model.__name__] = model
        for info in model.model_fields.values():
            pending.extend(_models_in(info.annotation))
    return found


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def test_every_field_of_every_model_has_diff_handling() -> None:
    found = models()
    assert set(found) == set(FIELD_CATEGORIES), "a model of the format without diff handling"
    for name, model in found.items():
        missing = set(model.model_fields) - set(FIELD_CATEGORIES[name])
        assert not missing, f"{name}: fields without diff handling: {sorted(missing)}"
        stale = set(FIELD_CATEGORIES[name]) - set(model.model_fields)
        assert not stale, f"{name}: diff handles fields the format no longer has: {sorted(stale)}"
        assert set(FIELD_CATEGORIES[name].values()) <= set(CATEGORIES)


def test_the_fixture_sets_every_field_of_the_format() -> None:
    model = ArgumentMap.model_validate(yaml.safe_load(EVERY_FIELD.read_text()))
    unset = {f"{name}.{field}" for name, model_type in models().items()
             for field in model_type.model_fields} - set(_fields_set(model))
    assert not unset, f"tests/diff/every-field.yaml leaves unset: {sorted(unset)}"


def _fields_set(value: Any) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for field in type(value).model_fields:
            inner = getattr(value, field)
            if inner not in (None, (), {}):
                yield f"{type(value).__name__}.{field}"
                yield from _fields_set(inner)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _fields_set(item)


def _literal_words(annotation: Any) -> Iterator[Any]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from typing.get_args(annotation)
    for argument in typing.get_args(annotation):
        yield from _literal_words(argument)


def _choices_by_field() -> dict[str, set[Any]]:
    """Field name -> every word a vocabulary (Literal) of that name allows, in any model."""
    choices: dict[str, set[Any]] = {}
    for model in models().values():
        for name, info in model.model_fields.items():
            words = set(_literal_words(info.annotation))
            if words:
                choices.setdefault(name, set()).update(words)
    return choices


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    elif path[-1] != "id" and path[:2] != ("map", "format"):
        yield path


def _edits(path: tuple[Any, ...], value: Any, ids: dict[str, list[str]],
           choices: dict[str, set[Any]]) -> Iterator[Any]:
    """Other values for the field at ``path``, most likely to be valid first."""
    names = [step for step in path if isinstance(step, str)]
    words = next((choices[name] for name in reversed(names) if name in choices), set())
    yield from sorted(word for word in words if word != value)
    if isinstance(value, bool):
        yield not value
    elif isinstance(value, int):
        yield from (value + 1, value - 1)
    elif isinstance(value, datetime.date):
        yield value + datetime.timedelta(days=1)
    elif isinstance(value, str):
        yield f"{value} edited"
        yield from (other for other in ids.get(value, ()) if other != value)  # a reference
        yield from ("https://example.org/other", "b" * 64, "unlikely", "almost_certain")


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _load(data: dict[str, Any]) -> ArgumentMap | None:
    """The model, when ``data`` is a valid map whose references all resolve."""
    try:
        model = ArgumentMap.model_validate(data)
    except ValidationError:
        return None
    found = check_references(model, MapIndex(model), Positions())
    return model if next(iter(found), None) is None else None


def test_an_edit_of_any_one_value_is_reported() -> None:
    data = yaml.safe_load(EVERY_FIELD.read_text())
    original = _load(data)
    assert original is not None
    # An id to the other ids of its section: what a reference may be changed to.
    ids = {item["id"]: [other["id"] for other in section]
           for section in data.values() if isinstance(section, list) for item in section}
    choices = _choices_by_field()
    edited_fields = set()
    for path in _leaves(data):
        value = data
        for step in path:
            value = value[step]
        for new_value in _edits(path, value, ids, choices):
            edited = copy.deepcopy(data)
            _set(edited, path, new_value)
            model = _load(edited)
            if model is None or model == original:
                continue
            report = compare_maps(original, model)
            assert report.changes, f"no change reported for {path}: {value!r} -> {new_value!r}"
            edited_fields.add(_field_name(path))
            break
    unedited = {_field_name(path) for path in _leaves(data)} - edited_fields
    assert not unedited, f"no edit of these loaded: {sorted(unedited)}"


def _field_name(path: tuple[Any, ...]) -> str:
    return ".".join(str(step) for step in path if isinstance(step, str))
