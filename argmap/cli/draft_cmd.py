"""``argmap draft``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import QuietOption, app


@app.command()
def draft(
    source: Annotated[
        Path, typer.Argument(help="The source text to draft a map of (UTF-8).", metavar="SOURCE")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The map file to write (default: print the draft; "
                                             "with --merge, the map merged into)."),
    ] = None,
    merge: Annotated[
        Path | None,
        typer.Option("--merge", help="Add to this map only what its quotes do not cover yet.",
                     metavar="MAP"),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The map's title (default: the headline).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing -o file.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Draft a valid map of a source text for an analyst to curate: quotes with their speakers,
    propositions with suggested kinds and likelihoods, inferences from connectives.

    Every drafted element is marked `drafted: true`; lint reports it until a person has reviewed
    it and deleted the mark. Exit 0 when written, 1 when there is nothing to draft or the map to
    merge into is invalid, 2 when a file cannot be read or written.
    """
    from argmap.commands.draft import DraftSettings, run_draft

    raise typer.Exit(run_draft(DraftSettings(source, output, merge, title, force, quiet)))
