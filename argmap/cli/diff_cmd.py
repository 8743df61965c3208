"""``argmap diff``."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from argmap.cli.typer_app import app, problem_format_option


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    sides: Annotated[list[str] | None, typer.Argument(
        help="OLD and NEW: map files or GIT_REF:PATH (e.g. HEAD~1:maps/x.yaml); with --git, "
        "only maps under these paths.", metavar="OLD NEW")] = None,
    git: Annotated[str | None, typer.Option(
        "--git", help="Compare every map changed since this git ref with the work tree.",
        metavar="REF")] = None,
    output_format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="text (coloured on a terminal), markdown (for a pull-request "
        "comment) or json.")] = DiffFormat.text,
    fail_on: Annotated[list[str] | None, typer.Option(
        "--fail-on", help="Change categories that make the exit code 1 (repeatable or "
        "comma-separated, e.g. likelihood,confidence,label); default: any change of substance.",
        metavar="CATEGORY")] = None,
    problem_format: Annotated[str, problem_format_option("--problem-format")] = "auto",
) -> None:
    """Show what the analysis says differently between two versions of a map: elements added,
    removed, reworded or regraded, likelihoods moved, and the judgments whose basis changed.

    Exit 0 when nothing of substance changed, 1 when something did (or a map is invalid), 2 for
    usage errors and unreadable input.
    """
    from argmap.commands.diff import DiffSettings, run_diff
    from argmap.output import AUTO, choose_format

    # The one colour rule (NO_COLOR, FORCE_COLOR, a terminal), as for problems.
    colour = output_format is DiffFormat.text and choose_format(AUTO, sys.stdout) == "color"
    settings = DiffSettings(sides=sides or (), git_ref=git, output_format=output_format.value,
                            fail_on=fail_on or (), colour=colour, problem_format=problem_format)
    raise typer.Exit(run_diff(settings))
