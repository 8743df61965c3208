"""``argmap ach``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import app, problem_format_option
from argmap.output import AUTO


class AchFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def ach(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    output_format: Annotated[AchFormat, typer.Option(
        "--format", "-f", help="text (a terminal table), markdown (for reports) or json.")
    ] = AchFormat.text,
    question: Annotated[str | None, typer.Option(
        "--question", help="Only this question (its id).", metavar="ID")] = None,
    problem_format: Annotated[str, problem_format_option("--problem-format")] = AUTO,
) -> None:
    """Score each question's competing hypotheses (Heuer's ACH): the evidence matrix, the
    inconsistency of each hypothesis, least inconsistent first, and which evidence is diagnostic.

    Exit 0 when done, 1 when a map is invalid, 2 for unreadable paths or an unknown question.
    """
    from argmap.commands.ach import AchSettings, run_ach

    settings = AchSettings(paths=paths, output_format=output_format.value, question=question,
                           problem_format=problem_format)
    raise typer.Exit(run_ach(settings))
