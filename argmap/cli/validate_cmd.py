"""``argmap validate`` and ``argmap schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import FormatOption, QuietOption, app
from argmap.output import AUTO


@app.command()
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    output_format: FormatOption = AUTO,
    quiet: QuietOption = False,
) -> None:
    """Check that maps are well-formed: YAML, fields, ids and references.

    Exit 0 when every map is valid, 1 when any is invalid, 2 for unreadable paths.
    """
    from argmap.commands.validate import ValidateSettings, run_validate

    settings = ValidateSettings(paths=paths, output_format=output_format, quiet=quiet)
    raise typer.Exit(run_validate(settings))


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the map format (for editor completion and checking)."""
    from argmap.commands.schema import run_schema

    raise typer.Exit(run_schema(output))
