"""``argmap evaluate``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import app


class EvaluateFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class Semantics(str, Enum):
    grounded = "grounded"
    preferred = "preferred"
    stable = "stable"


@app.command()
def evaluate(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    output_format: Annotated[EvaluateFormat, typer.Option(
        "--format", "-f", help="text (a terminal table), markdown (for a review comment) or "
        "json (one object per map, one per line).")] = EvaluateFormat.text,
    semantics: Annotated[Semantics, typer.Option(
        "--semantics", "-s", help="grounded (default, built in); preferred or stable need "
        "pip install 'argmap[solve]'.")] = Semantics.grounded,
    without: Annotated[list[str] | None, typer.Option(
        "--without", "-w", metavar="ID", help="What if this source, actor or quote falls: "
        "evaluate without what it reports, beside the labels before. Repeatable.")] = None,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", metavar="SECONDS", min=0, help="With --semantics preferred|stable: "
        "stop the solver after this long on one map and say how far it got (0: no limit).")
    ] = 60.0,
) -> None:
    """Say which judgments stand: every proposition, inference and attack labelled in, out or
    undec under grounded semantics (ASPIC+), each out and undec with its reason.

    Exit 0 when done, 1 when a map is invalid or an expected outcome (`expect:`) is not met,
    2 for unreadable paths, an unknown --without id, a missing solver, or a map the solver
    could not finish within --time-limit.
    """
    from argmap.commands.evaluate import EvaluateSettings, run_evaluate

    settings = EvaluateSettings(paths=paths, output_format=output_format.value,
                                semantics=semantics.value, without=tuple(without or ()),
                                time_limit=time_limit or None)
    raise typer.Exit(run_evaluate(settings))
