"""``argmap validate``: load every map, report every problem, exit 0/1/2."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.output import FORMATS, resolve_format
from argmap.problems import ArgmapError, MapInvalidError, Problem, UnreadableInputError
from argmap.read import DEFAULT_LIMITS, Limits, iter_map_files

if TYPE_CHECKING:
    from argmap.model import LoadedMap


@dataclass(frozen=True)
class ValidateSettings:
    paths: Sequence[Path]
    output_format: str = "auto"
    quiet: bool = False
    limits: Limits = DEFAULT_LIMITS


@dataclass
class BatchResult:
    """What happened to a batch of files: problems found, and paths that could not be read."""

    checked: int = 0
    invalid: int = 0
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.invalid else 0


def collect_map_files(paths: Sequence[Path], result: BatchResult) -> list[Path]:
    """Expand every path; a missing one is recorded and the others still run."""
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(iter_map_files([path]))
        except UnreadableInputError as error:
            result.unreadable.append(str(error))
    return list(dict.fromkeys(files))  # a file named twice (or inside a named folder) runs once


def load_files(paths: Sequence[Path], limits: Limits, result: BatchResult
               ) -> Iterator[LoadedMap]:
    """Every map under ``paths`` that loads; the others are counted and reported in ``result``."""
    from argmap.model import load_map

    for path in collect_map_files(paths, result):
        try:
            loaded = load_map(path, limits)
        except MapInvalidError as error:
            result.checked += 1
            result.invalid += 1
            result.problems.extend(error.problems)
        except ArgmapError as error:  # not read at all: not counted as checked
            result.unreadable.append(str(error))
        else:
            result.checked += 1
            yield loaded


def validate_files(settings: ValidateSettings) -> BatchResult:
    result = BatchResult()
    for _ in load_files(settings.paths, settings.limits, result):
        pass
    return result


def run_validate(settings: ValidateSettings, out: TextIO = sys.stdout,
                 err: TextIO = sys.stderr) -> int:
    result = validate_files(settings)
    out.write(FORMATS[resolve_format(settings.output_format)](result.problems))
    for message in result.unreadable:
        err.write(f"argmap: {message}\n")
    if not settings.quiet:
        err.write(_summary(result))
    return result.exit_code


def _summary(result: BatchResult) -> str:
    files = "file" if result.checked == 1 else "files"
    if result.checked == 0 and not result.unreadable:
        return "no map files found\n"
    unread = f"; {len(result.unreadable)} could not be read" if result.unreadable else ""
    if result.invalid:
        return f"{result.invalid} of {result.checked} {files} invalid{unread}\n"
    return f"{result.checked} {files} valid{unread}\n"
