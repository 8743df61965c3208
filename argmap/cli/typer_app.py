"""The typer application object and option types shared by every command module."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from argmap._version import __version__
from argmap.cli.params import prime
from argmap.output import AUTO_HELP, FORMAT_CHOICES

# The order a newcomer meets the commands in: start a map, check it, draw it, then the rest.
COMMAND_ORDER = (
    "new", "draft", "quote", "validate", "lint", "coverage", "render", "report", "watch",
    "evaluate", "ach",
    "diff", "import", "export", "schema", "rules", "explain",
)


class _OrderedGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: number for number, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        prime(self, ctx)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            prime(command, ctx)  # plain values skip typer's per-parameter pydantic adapters
        return command


app = typer.Typer(
    cls=_OrderedGroup,
    name="argmap",
    help="Checked argument maps: validate, lint and render YAML maps of evidence and assertion.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@contextmanager
def building_only(args: Sequence[str]) -> Iterator[None]:
    """Build only the command that runs. typer builds every registered command (signatures,
    types, help) before it reads a word; for thirteen commands that was a tenth of
    ``argmap validate``. When the first argument names a command, only that one is built;
    otherwise (``--help``, a misspelt command, no arguments) all are, for the list and the
    suggestion."""
    chosen = [info for info in app.registered_commands
              if args and _command_name(info) == args[0]]
    saved = app.registered_commands
    if chosen:
        app.registered_commands = chosen
    try:
        yield
    finally:
        app.registered_commands = saved


def _command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


def one_of(choices: Sequence[str]) -> Callable[[str], str]:
    """A typer callback refusing a value outside ``choices`` (exit 2, like click's choices)."""
    def check(value: str) -> str:
        if value not in choices:
            raise typer.BadParameter(
                f"{value!r} is not one of {', '.join(repr(choice) for choice in choices)}")
        return value

    return check


def problem_format_option(*names: str) -> Any:
    """``--format`` for problems: its choices and help come from :data:`argmap.output.FORMATS`."""
    return typer.Option(
        *names, metavar=f"<{'|'.join(FORMAT_CHOICES)}>", callback=one_of(FORMAT_CHOICES),
        autocompletion=lambda: list(FORMAT_CHOICES),
        help=f"How problems are printed; {AUTO_HELP}.")


FormatOption = Annotated[str, problem_format_option("--format", "-f")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")]


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Checked argument maps: validate, lint and render YAML maps of evidence and assertion."""
