"""The command lines editors, hooks and CI run on every save, read without typer.

``argmap validate`` and ``argmap lint`` of one map do a few milliseconds of work; importing
typer (and the click under it) to read their arguments cost more than that several times over.
So a command line made only of what those two commands plainly accept (known options, each
once, with valid values, and paths) is turned into the command's settings here, and the same
core runs. Anything else (``--help``, a misspelt or repeated option, a bad or missing value,
``--``, shell completion, another command) returns ``None`` and goes to typer, so every message
and every corner of click's parsing stays typer's. ``tests/test_plain_cli.py`` checks that both
read every accepted command line to the same settings, and that this table lists the same
options as the typer commands.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from argmap.output import FORMAT_CHOICES

_DIGITS = re.compile(r"[0-9]+")
# Set by a shell asking typer for completions: that conversation is typer's.
_COMPLETION_VARIABLE = "_ARGMAP_COMPLETE"


def _format(value: str) -> str | None:
    return value if value in FORMAT_CHOICES else None


def _count(value: str) -> int | None:
    return int(value) if _DIGITS.fullmatch(value) else None


def _path(value: str) -> Path | None:
    return Path(value) if value and not value.startswith("-") else None


class Option(NamedTuple):
    """One option: its names, the settings field it fills, and how its value is read
    (``None``: a flag, which takes no value)."""

    names: tuple[str, ...]
    field: str
    read: Callable[[str], Any] | None = None


class PlainCommand(NamedTuple):
    """A command this module can read: its options and the core that runs its settings.
    (Named tuples, not dataclasses: a frozen dataclass costs ten times as much to define, and
    this module exists to save start-up time.)"""

    name: str
    options: tuple[Option, ...]
    run: Callable[[dict[str, Any]], int]


def _run_validate(settings: dict[str, Any]) -> int:
    from argmap.commands.validate import ValidateSettings, run_validate

    return run_validate(ValidateSettings(**settings))


def _run_lint(settings: dict[str, Any]) -> int:
    from argmap.commands.lint import LintCommandSettings, run_lint

    return run_lint(LintCommandSettings(**settings))


_FORMAT = Option(("--format", "-f"), "output_format", _format)
_QUIET = Option(("--quiet", "-q"), "quiet")

COMMANDS: dict[str, PlainCommand] = {
    command.name: command for command in (
        PlainCommand("validate", (_FORMAT, _QUIET), _run_validate),
        PlainCommand("lint", (
            _FORMAT, _QUIET,
            Option(("--strict",), "strict"),
            Option(("--config", "-c"), "config_path", _path),
            Option(("--allow-outside-paths",), "allow_outside_paths"),
            Option(("--jobs", "-j"), "jobs", _count),
        ), _run_lint),
    )
}


def read_plain(args: Sequence[str]) -> tuple[PlainCommand, dict[str, Any]] | None:
    """The command and its settings, when ``args`` is a plain command line; else ``None``."""
    if not args or args[0] not in COMMANDS or _COMPLETION_VARIABLE in os.environ:
        return None
    command = COMMANDS[args[0]]
    by_name = {name: option for option in command.options for name in option.names}
    settings: dict[str, Any] = {}
    paths: list[Path] = []
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-"):
            if not word:
                return None
            paths.append(Path(word))
            continue
        name, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        option = by_name.get(name)
        if option is None or option.field in settings:
            return None
        if option.read is None:
            if equals:
                return None
            settings[option.field] = True
            continue
        value = option.read(attached if equals else next(words, "-"))
        if value is None:
            return None
        settings[option.field] = value
    if not paths:
        return None
    settings["paths"] = paths
    return command, settings


def run_plain(args: Sequence[str]) -> int | None:
    """Run a plain command line and return its exit code; ``None``: typer's to read."""
    plain = read_plain(args)
    if plain is None:
        return None
    command, settings = plain
    return command.run(settings)
