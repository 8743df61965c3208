"""``argmap export``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import app, problem_format_option
from argmap.output import AUTO


class ExportFormat(str, Enum):
    yaml = "yaml"
    json = "json"
    aif = "aif"
    argdown = "argdown"


@app.command()
def export(
    path: Annotated[Path, typer.Argument(help="The map file.", metavar="MAP")],
    export_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f",
                     help="yaml (normalised), json, aif (AIF JSON for AIFdb/OVA+) or argdown."),
    ] = ExportFormat.yaml,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    problem_format: Annotated[str, problem_format_option("--problem-format")] = AUTO,
) -> None:
    """Write a valid map out as normalised YAML, JSON, AIF JSON or Argdown."""
    from argmap.commands.export import ExportSettings, run_export

    raise typer.Exit(run_export(ExportSettings(path, export_format.value, output, problem_format)))
