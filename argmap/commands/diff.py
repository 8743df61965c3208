"""``argmap diff``: what the analysis says differently between two versions of a map.

Each side is a map file or ``GIT_REF:PATH`` (read with ``git show``; the work tree is not
touched); ``--git REF`` compares every map changed since ``REF`` with the work tree. Exit 0 when
nothing of substance changed, 1 when something did (or a map is invalid), 2 for usage errors and
unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.problems import MapInvalidError, Problem, UnreadableInputError, UsageError
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.analyse.changes import MapChanges
    from argmap.model import ArgumentMap


@dataclass(frozen=True)
class DiffSettings:
    sides: Sequence[str] = ()
    git_ref: str | None = None
    output_format: str = "text"
    fail_on: Sequence[str] = ()
    colour: bool = False
    problem_format: str = "auto"
    cwd: Path = field(default_factory=Path.cwd)
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class Side:
    """One version of a map: its label as the user wrote it and its text (None: not there)."""

    label: str
    text: str | None


@dataclass
class _Outcome:
    reports: list[MapChanges] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def run_diff(settings: DiffSettings, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from argmap.commands.diff_report import DIFF_FORMATS
    from argmap.output import format_problems

    outcome = _Outcome()
    try:
        fail_on = fail_on_categories(settings.fail_on)
        pairs = _side_pairs(settings, outcome)
    except (UsageError, UnreadableInputError) as error:
        err.write(f"argmap: {error}\n")
        return 2
    for old, new in pairs:
        _compare(old, new, settings.limits, outcome)
    if outcome.reports:
        out.write(DIFF_FORMATS[settings.output_format](outcome.reports, settings.colour))
    # Standard output carries the diff; an invalid map's problems go to stderr, in any format.
    err.write(format_problems(outcome.problems, settings.problem_format, err))
    err.writelines(f"argmap: {message}\n" for message in outcome.unreadable)
    if not pairs and not outcome.unreadable:
        err.write(f"no maps changed since {settings.git_ref}\n")
    if outcome.unreadable:
        return 2
    if outcome.problems:
        return 1
    changed = any(report.substantive(fail_on) for report in outcome.reports)
    return 1 if changed else 0


def fail_on_categories(names: Sequence[str]) -> frozenset[str]:
    """``--fail-on`` names (repeatable, or comma-separated) to the categories that fail."""
    from argmap.analyse.changes import CATEGORIES, COSMETIC

    wanted = [part.strip() for name in names for part in name.split(",") if part.strip()]
    if not wanted or "any" in wanted:
        return frozenset(CATEGORIES) - COSMETIC
    for name in wanted:
        if name not in CATEGORIES:
            raise UsageError(f"--fail-on: no change category `{name}`; choose from any, "
                             f"{', '.join(CATEGORIES)}{did_you_mean(name, CATEGORIES)}")
    return frozenset(wanted)


def _side_pairs(settings: DiffSettings, outcome: _Outcome) -> list[tuple[Side, Side]]:
    if settings.git_ref is not None:
        return _git_pairs(settings.git_ref, list(settings.sides), settings, outcome)
    if len(settings.sides) != 2:
        raise UsageError("give two maps to compare (OLD NEW), or --git REF")
    old, new = (_read_side(spec, settings) for spec in settings.sides)
    return [(old, new)]


def _read_side(spec: str, settings: DiffSettings) -> Side:
    from argmap.read.revisions import read_revision, split_revision

    path = settings.cwd / spec
    if _exists(path):
        return Side(spec, _read_file(path, spec, settings.limits))
    revision = split_revision(spec)
    if revision is None:
        raise UnreadableInputError(f"{spec}: no such file (a git revision is written REF:PATH)")
    return Side(spec, read_revision(*revision, settings.cwd, settings.limits))


def _exists(path: Path) -> bool:
    """A name no file can have (too long, a NUL byte) is no file: it may still be REF:PATH."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _git_pairs(ref: str, paths: list[str], settings: DiffSettings, outcome: _Outcome
               ) -> list[tuple[Side, Side]]:
    """Every changed map as (then, now); one that cannot be read (too big, not UTF-8) is noted
    in ``outcome`` and the others are still compared."""
    from argmap.read.revisions import changed_map_files

    pairs = []
    for name in changed_map_files(ref, settings.cwd, paths):
        try:
            old_text, new_text = _git_texts(ref, name, settings)
        except UnreadableInputError as error:
            outcome.unreadable.append(str(error))
            continue
        if _is_map(old_text) or _is_map(new_text):
            pairs.append((Side(f"{ref}:{name}", old_text), Side(name, new_text)))
    return pairs


def _git_texts(ref: str, name: str, settings: DiffSettings) -> tuple[str | None, str | None]:
    from argmap.read.revisions import read_revision, revision_exists

    relative = f"./{name}"
    old_text = (read_revision(ref, relative, settings.cwd, settings.limits)
                if revision_exists(ref, relative, settings.cwd) else None)
    path = settings.cwd / name
    new_text = _read_file(path, name, settings.limits) if path.is_file() else None
    return old_text, new_text


def _read_file(path: Path, label: str, limits: Limits) -> str:
    """A side's text; too big or not UTF-8 is unreadable input (exit 2), like a missing ref."""
    from argmap.read import YamlError, read_text

    try:
        return read_text(path, limits)
    except YamlError as error:
        raise UnreadableInputError(f"{label}: {error.message}") from None


def _is_map(text: str | None) -> bool:
    """A YAML file in the repository that is not a map (CI settings, ...) is left out."""
    if text is None:
        return False
    from argmap.read import YamlError, parse_yaml

    try:
        data = parse_yaml(text).data
    except YamlError:
        return True  # a broken map is still a map: its errors are reported
    return isinstance(data, dict) and "map" in data


def _compare(old: Side, new: Side, limits: Limits, outcome: _Outcome) -> None:
    from argmap.analyse.changes import compare_maps
    from argmap.model.elements import SECTIONS

    models: dict[str, ArgumentMap] = {}
    for name, side in (("old", old), ("new", new)):
        try:
            if side.text is not None:
                models[name] = _load(side, limits)
        except MapInvalidError as error:
            outcome.problems.extend(error.problems)
    if outcome.problems or not models:
        return
    # A map that did not exist yet (or no longer does) is the other side with no elements, so
    # only its elements show as added (or removed), not its title.
    present = next(iter(models.values()))
    empty = present.model_copy(update={section: () for section in SECTIONS})
    outcome.reports.append(compare_maps(models.get("old", empty), models.get("new", empty),
                                        old.label, new.label))


def _load(side: Side, limits: Limits) -> ArgumentMap:
    from argmap.model import load_map_text

    assert side.text is not None
    return load_map_text(side.text, Path(side.label), limits).model
