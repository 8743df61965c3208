"""``argmap render``. Nothing here imports graphviz: that happens inside the command."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import QuietOption, app, problem_format_option
from argmap.output import AUTO


class ImageFormat(str, Enum):
    svg = "svg"
    png = "png"
    dot = "dot"


class View(str, Enum):
    full = "full"
    overview = "overview"
    basis = "basis"


class EngineChoice(str, Enum):
    auto = "auto"
    system = "system"
    pure = "pure"


# Shared by every command that lays out a diagram (render, report).
EngineOption = Annotated[EngineChoice | None, typer.Option(
    "--engine", help="Layout engine; default: $ARGMAP_ENGINE, else auto (system dot first).",
)]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=1, metavar="SECONDS", help="Stop a layout that runs longer.",
)]


@app.command()
def render(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file (one map) or folder; default: beside each map.",
    )] = None,
    formats: Annotated[list[ImageFormat] | None, typer.Option(
        "--format", "-f", help="svg (default), png or dot; repeat for several from one layout.",
    )] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Draw nothing; exit 1 if a diagram is missing or older than its map.",
    )] = False,
    view: Annotated[View, typer.Option(
        "--view", help="full: every element; overview: judgments with basis summaries; "
        "basis: what --focus ID rests on.",
    )] = View.full,
    focus: Annotated[str | None, typer.Option(
        "--focus", metavar="ID",
        help="Full view: only this element's neighbourhood. Basis view: the element drawn.",
    )] = None,
    depth: Annotated[int, typer.Option(
        "--depth", "-k", min=0, help="Steps from --focus over support, attack and anchoring.",
    )] = 2,
    engine: EngineOption = None,
    timeout: TimeoutOption = 300.0,
    force: Annotated[bool, typer.Option(
        "--force", help="Redraw diagrams that are up to date (their stamp matches the map), "
        "and lay out maps past the size that takes minutes.",
    )] = False,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw the legend.")] = True,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Show the layout engine's warnings.",
    )] = False,
    quiet: QuietOption = False,
    problem_format: Annotated[str, problem_format_option("--problem-format")] = AUTO,
) -> None:
    """Draw maps as diagrams: evidence apart from assertion, every chain of reasoning visible.

    Exit 0 on success, 1 when a map is invalid or --check finds a stale diagram, 2 for usage
    errors, unreadable input, no layout engine, or a layout that failed or timed out.
    """
    from argmap.commands.render import RenderSettings, run_render

    settings = RenderSettings(
        paths=paths, output=output, formats=tuple(fmt.value for fmt in formats or ()),
        check=check, engine=engine.value if engine else None, timeout=timeout, focus=focus,
        depth=depth, legend=legend, view=view.value, force=force, quiet=quiet, verbose=verbose,
        problem_format=problem_format,
    )
    raise typer.Exit(run_render(settings))
