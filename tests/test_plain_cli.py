"""The plain command lines of ``argmap validate`` and ``argmap lint`` are read without typer
(argmap/cli/plain.py). Whatever that reader accepts, typer must read to the same settings; what it
declines goes to typer untouched."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app
from argmap.cli.plain import COMMANDS, read_plain
from argmap.commands.lint import LintCommandSettings
from argmap.commands.validate import ValidateSettings

SETTINGS_TYPE = {"validate": ValidateSettings, "lint": LintCommandSettings}
CORE = {"validate": "argmap.commands.validate.run_validate",
        "lint": "argmap.commands.lint.run_lint"}

# Words a command line may hold: every option either command knows, in every spelling, values
# good and bad, paths, and what click reads its own way (`--`, clusters, attached values).
WORDS = [
    "map.yaml", "maps", "a b.yaml", "ünï.yaml", "", "-", "--", "-h", "--help", "--version",
    "--format", "-f", "json", "github", "sarif", "auto", "bogus", "--format=json", "--format=",
    "-fjson", "--quiet", "-q", "-qf", "--quiet=1", "--strict", "--config", "-c", "cfg.yaml",
    "--config=cfg.yaml", "--allow-outside-paths", "--jobs", "-j", "0", "3", "007", "-1", "x",
    "--jobs=2", "--job", "--formats", "-x",
]


def typers_settings(command: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """The settings typer builds for ``argmap COMMAND ARGS`` (None when it refuses them)."""
    captured: list[Any] = []

    def capture(settings: Any, *rest: Any, **options: Any) -> int:
        captured.append(settings)
        return 0

    monkeypatch.setattr(CORE[command], capture)
    result = CliRunner().invoke(app, [command, *args])
    return captured[0] if captured and result.exit_code == 0 else None


@pytest.mark.parametrize("command", sorted(COMMANDS))
@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.sampled_from(WORDS), max_size=6))
def test_what_the_plain_reader_accepts_typer_reads_the_same(
        command: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    plain = read_plain([command, *args])
    if plain is None:
        return
    chosen, values = plain
    assert chosen.name == command
    assert SETTINGS_TYPE[command](**values) == typers_settings(command, args, monkeypatch)


@pytest.mark.parametrize(("command", "args"), [
    ("validate", ["map.yaml"]),
    ("validate", ["-q", "a.yaml", "--format", "json", "b.yaml"]),
    ("validate", ["--format=github", "maps"]),
    ("lint", ["maps", "--strict", "-j", "2", "--config", "c.yaml", "--allow-outside-paths"]),
    ("lint", ["-f", "sarif", "--jobs=0", "-q", "m.yaml"]),
])
def test_common_command_lines_are_read_without_typer(
        command: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    plain = read_plain([command, *args])
    assert plain is not None
    assert SETTINGS_TYPE[command](**plain[1]) == typers_settings(command, args, monkeypatch)


@pytest.mark.parametrize("args", [
    [], ["validate"], ["validate", "--help"], ["validate", "-h", "m.yaml"], ["render", "m.yaml"],
    ["validate", "--format", "bogus", "m.yaml"], ["validate", "-f"], ["validate", "m.yaml", "-f"],
    ["lint", "--jobs", "-1", "m.yaml"], ["lint", "--jobs", "x", "m.yaml"], ["validate", "--", "m"],
    ["validate", "-q", "-q", "m.yaml"], ["validate", "-qf", "json", "m.yaml"],
    ["validate", "--quiet=yes", "m.yaml"], ["validate", "", "m.yaml"], ["validate", "-"],
    ["lint", "--config", "--strict", "m.yaml"], ["validate", "--strict", "m.yaml"],
    ["validat", "m.yaml"],
])
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert read_plain(args) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ARGMAP_COMPLETE", "complete_bash")
    assert read_plain(["validate", "m.yaml"]) is None


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_table_lists_the_options_typer_has(command: str) -> None:
    """A new option on the typer command must be added to the plain table too (else every
    command line using it would go the slow way), with the same names and the same arity."""
    with_names: dict[str, bool] = {}
    for param in typer.main.get_command(app).commands[command].params:  # type: ignore[attr-defined]
        if param.param_type_name == "option" and param.name != "help":
            for name in (*param.opts, *param.secondary_opts):
                with_names[name] = bool(param.is_flag)
    table = {name: option.read is None
             for option in COMMANDS[command].options for name in option.names}
    assert table == with_names


def test_settings_defaults_are_typers() -> None:
    """The plain reader leaves unset options to the settings' defaults: they must be typer's."""
    for command, kind in SETTINGS_TYPE.items():
        defaults = {item.name: item.default for item in dataclasses.fields(kind)}
        built = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
        for param in built.params:
            field = {"config": "config_path"}.get(str(param.name), str(param.name))
            if param.param_type_name == "option" and field in defaults:
                assert defaults[field] == param.default, (command, field)


def test_paths_are_paths() -> None:
    plain = read_plain(["validate", "a.yaml", "sub/b.yaml"])
    assert plain is not None and plain[1]["paths"] == [Path("a.yaml"), Path("sub/b.yaml")]
