"""``argmap new``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import app


@app.command()
def new(
    source: Annotated[
        Path, typer.Argument(help="The source text the map will quote (UTF-8).", metavar="SOURCE")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The map file to write (default: maps/<source>.yaml)."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The map's title (default: the headline).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Start a new map for a source text: the source's path and SHA-256 filled in."""
    from argmap.commands.new import NewSettings, run_new

    raise typer.Exit(run_new(NewSettings(source, output, title, force)))
