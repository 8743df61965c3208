"""Stage 2, model: a file on disk becomes a validated :class:`LoadedMap`, or located problems."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap import gcpolicy
from argmap.model.elements import SECTIONS, ArgumentMap, Source
from argmap.model.errors import describe_error, describe_location
from argmap.model.index import MapIndex
from argmap.model.references import check_references
from argmap.problems import Level, MapInvalidError, Problem
from argmap.read import DEFAULT_LIMITS, Limits, Loc, Positions, YamlError, parse_yaml, read_text

SCHEMA_CODE = "AM010"
LIMIT_CODE = "AM005"
# Problems reported per map from validation: each one is a located line a person reads.
MAX_SCHEMA_PROBLEMS = 5_000


@dataclass(frozen=True)
class LoadedMap:
    """A valid map with everything later stages need: the model, its index and positions."""

    path: Path
    text: str
    model: ArgumentMap
    positions: Positions
    index: MapIndex = field(repr=False)

    @property
    def display(self) -> str:
        return str(self.path)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return self.positions.of_key(loc) if key else self.positions.of_value(loc)

    def problem(self, loc: Loc, code: str, message: str, level: Level = Level.ERROR,
                *, key: bool = False, rule: str = "") -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(self.display, line, column, code, message, level, rule)

    def source_path(self, source: Source) -> Path:
        """Source texts are found relative to the map file, like links in a document."""
        return self.path.parent / source.path


def load_map(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> LoadedMap:
    """Read and validate one map file (``path`` a :class:`~pathlib.Path`, or a ``str``).

    Raises :class:`MapInvalidError` with every problem found, or
    :class:`~argmap.problems.UnreadableInputError` when the file cannot be read at all.
    """
    path = Path(path)
    try:
        text = read_text(path, limits)
    except YamlError as error:
        raise MapInvalidError([_yaml_problem(str(path), error)]) from None
    return load_map_text(text, path, limits)


def load_map_text(text: str, path: str | os.PathLike[str],
                  limits: Limits = DEFAULT_LIMITS) -> LoadedMap:
    """Validate map text as if read from ``path`` (used by editors, tests and fuzzing)."""
    path = Path(path)
    display = str(path)
    try:
        with gcpolicy.paused():
            document = parse_yaml(text, limits)
    except YamlError as error:
        raise MapInvalidError([_yaml_problem(display, error)]) from None
    model = _validate(document.data, document.positions, display, limits)
    index = MapIndex(model)
    loaded = LoadedMap(path, text, model, document.positions, index)
    problems = [
        loaded.problem(finding.loc, finding.code,
                       describe_location(finding.loc, document.data) + finding.message)
        for finding in check_references(model, index, document.positions)
    ]
    if problems:
        raise MapInvalidError(sorted(problems))
    return loaded


def _validate(data: Any, positions: Positions, display: str, limits: Limits) -> ArgumentMap:
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        message = f"a map is a YAML mapping with a `map:` block; found {found}"
        line, column = positions.of_value(())
        raise MapInvalidError([Problem(display, line, column, SCHEMA_CODE, message)])
    _check_element_count(data, display, limits)
    try:
        with gcpolicy.paused():
            return ArgumentMap.model_validate(data)
    except ValidationError as error:
        problems = []
        details = error.errors(include_url=False)
        for detail in details[:MAX_SCHEMA_PROBLEMS]:
            line, column, message = describe_error(detail, data, positions)
            problems.append(Problem(display, line, column, SCHEMA_CODE, message))
        if len(details) > MAX_SCHEMA_PROBLEMS:
            problems.append(Problem(display, 1, 1, SCHEMA_CODE, f"{len(details):,} problems in "
                                    f"all; the first {MAX_SCHEMA_PROBLEMS:,} are reported"))
        else:
            # The whole-map checks still run on what is valid: every error in one pass.
            problems.extend(_salvaged_problems(data, details, positions, display))
        raise MapInvalidError(sorted(set(problems))) from None


def _salvaged_problems(data: dict[str, Any], details: list[ErrorDetails], positions: Positions,
                       display: str) -> list[Problem]:
    """Whole-map problems of an invalid map, on the elements that can be read. (Imported here:
    salvage needs pydantic's TypeAdapter, which a valid map never pays for.)"""
    from argmap.model.salvage import salvage_findings

    problems = []
    for finding in salvage_findings(data, details, positions):
        line, column = positions.of_value(finding.loc)
        problems.append(Problem(display, line, column, finding.code,
                                describe_location(finding.loc, data) + finding.message))
    return problems[:MAX_SCHEMA_PROBLEMS]


def _check_element_count(data: dict[str, Any], display: str, limits: Limits) -> None:
    count = sum(len(data[section]) for section in SECTIONS
                if isinstance(data.get(section), list))
    if count > limits.max_elements:
        raise MapInvalidError([Problem(display, 1, 1, LIMIT_CODE,
                                       f"map has {count:,} elements, over the limit of "
                                       f"{limits.max_elements:,}")])


def _yaml_problem(display: str, error: YamlError) -> Problem:
    return Problem(display, error.line, error.column, error.code, error.message)
