"""``argmap import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import app


@app.command("import")
def import_map(
    path: Annotated[
        Path, typer.Argument(help="AIF/AIFdb, xAIF, OVA+, SADFace, arguebuf or Argdown JSON file.",
                             metavar="FILE")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The map file to write (default: FILE as .yaml)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Make a map from AIF, xAIF, OVA+, SADFace, arguebuf or Argdown JSON; list what could not be
    carried."""
    from argmap.commands.import_map import ImportSettings, run_import

    raise typer.Exit(run_import(ImportSettings(path, output, force)))
