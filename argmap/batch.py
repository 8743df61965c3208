"""The batch layer: find the maps under the paths a command was given, load each, keep score.

Every command that reads maps goes through here, so they agree on what a path means, on what a
broken file does (it is one outcome among the others, never a stop), on the exit code and on the
summary line. A new command is about this long::

    from argmap.batch import Batch, load_maps
    from argmap.output import write_problems

    def run_count(settings: CountSettings, out: TextIO = sys.stdout,
                  err: TextIO = sys.stderr) -> int:
        batch = Batch()
        for outcome in load_maps(settings.paths, settings.limits):
            batch.add(outcome)
            if outcome.map is not None:  # loaded: the command's own work
                out.write(f"{outcome.path}: {len(outcome.map.model.propositions)}\\n")
        write_problems(batch, settings.output_format, out, err)  # problems, unreadable paths
        if not settings.quiet:
            err.write(batch.summary(f"{batch.count_files()} counted"))
        return batch.exit_code()

Exit codes, for every command: 2 when any path or file could not be read (or the command could
not do its work on it), else 1 when a map is invalid or the command found what fails it, else 0.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.problems import ArgmapError, MapInvalidError, Problem, UnreadableInputError
from argmap.read import DEFAULT_LIMITS, Limits, iter_map_files

if TYPE_CHECKING:
    from argmap.model import LoadedMap


class Status(str, enum.Enum):
    LOADED = "loaded"
    INVALID = "invalid"  # read, but the map has problems: they are in ``Outcome.problems``
    UNREADABLE = "unreadable"  # never read, or the command could not work on it: see ``error``


@dataclass(frozen=True)
class Outcome:
    """What happened to one file (or to one path that names no file)."""

    path: Path
    status: Status
    problems: tuple[Problem, ...] = ()  # an invalid map's problems, or what the command found
    error: str = ""  # why an unreadable file was not read, as one line
    map: LoadedMap | None = field(default=None, repr=False, compare=False)

    @property
    def loaded(self) -> bool:
        return self.status is Status.LOADED

    def with_problems(self, problems: Sequence[Problem]) -> Outcome:
        """This outcome with the command's findings, without the map (cheap to send between
        processes)."""
        return replace(self, problems=(*self.problems, *problems), map=None)

    def failed(self, error: ArgmapError) -> Outcome:
        """This file, which loaded, but the command could not do its work on it (exit code 2)."""
        return replace(self, status=Status.UNREADABLE, error=str(error), map=None)


def collect_map_files(paths: Sequence[Path]) -> tuple[list[Path], list[Outcome]]:
    """The map files under ``paths`` (each once, in order), and an outcome for each path that
    does not exist; the other paths are still expanded."""
    files: list[Path] = []
    missing: list[Outcome] = []
    for path in paths:
        try:
            files.extend(iter_map_files([path]))
        except UnreadableInputError as error:
            missing.append(Outcome(path, Status.UNREADABLE, error=str(error)))
    return list(dict.fromkeys(files)), missing  # a file named twice (or in a named folder) once


def load_one(path: Path, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """Load one map file: loaded (with its map), invalid (with its problems) or unreadable."""
    from argmap.model import load_map

    try:
        loaded = load_map(path, limits)
    except MapInvalidError as error:
        return Outcome(path, Status.INVALID, tuple(error.problems))
    except ArgmapError as error:
        return Outcome(path, Status.UNREADABLE, error=str(error))
    return Outcome(path, Status.LOADED, map=loaded)


def load_maps(paths: Sequence[Path], limits: Limits = DEFAULT_LIMITS) -> Iterator[Outcome]:
    """One outcome per path that names nothing, then one per map file, loaded one at a time."""
    files, missing = collect_map_files(paths)
    yield from missing
    for path in files:
        yield load_one(path, limits)


@dataclass
class Batch:
    """The outcomes of one command run, and what follows from them: exit code and summary."""

    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> Outcome:
        """Count ``outcome`` and give it back. The batch keeps it without its map, so a run over
        many maps holds one map at a time unless the command keeps them."""
        self.outcomes.append(replace(outcome, map=None) if outcome.map is not None else outcome)
        return outcome

    @property
    def checked(self) -> int:
        """Files that were read (loaded or invalid); an unreadable one was not checked."""
        return sum(1 for outcome in self.outcomes if outcome.status is not Status.UNREADABLE)

    @property
    def invalid(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is Status.INVALID)

    @property
    def problems(self) -> list[Problem]:
        return [problem for outcome in self.outcomes for problem in outcome.problems]

    @property
    def unreadable(self) -> list[str]:
        return [outcome.error for outcome in self.outcomes if outcome.status is Status.UNREADABLE]

    def exit_code(self, failed: bool = False) -> int:
        """2 if anything could not be read, else 1 if a map is invalid or ``failed`` (what the
        command found fails the run), else 0."""
        if self.unreadable:
            return 2
        return 1 if self.invalid or failed else 0

    def count_files(self, noun: str = "file") -> str:
        """``1 file`` / ``3 files``: how many were checked."""
        return plural(self.checked, noun)

    def summary(self, verdict: str) -> str:
        """The last line on stderr: ``verdict`` and how many could not be read; or that no map
        files were found at all."""
        if not self.outcomes:
            return "no map files found\n"
        unread = len(self.unreadable)
        return f"{verdict}; {unread} could not be read\n" if unread else f"{verdict}\n"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
