"""``argmap report``. Nothing here imports the report package: that happens inside the command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.render_cmd import EngineOption, TimeoutOption
from argmap.cli.typer_app import QuietOption, app, problem_format_option
from argmap.output import AUTO


@app.command()
def report(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="MAP")
    ],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Output file (one map, ending .html) or folder; default: "
        "MAP.html beside each map.",
    )] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", help="Lint configuration for the findings shown (default: found upwards).",
    )] = None,
    allow_outside_paths: Annotated[bool, typer.Option(
        "--allow-outside-paths", help="Read source texts outside the repository too.",
    )] = False,
    engine: EngineOption = None,
    timeout: TimeoutOption = 300.0,
    problem_format: Annotated[str, problem_format_option("--problem-format")] = AUTO,
    quiet: QuietOption = False,
) -> None:
    """Write a reader page per map: the article with its quotes highlighted, the map beside it,
    linked both ways; one self-contained HTML file that needs no network.

    Exit 0 when every page is written (a missing or changed source is shown on the page), 1 when
    a map is invalid (no page is written for it), 2 for usage errors or unreadable input.
    """
    from argmap.commands.report import ReportSettings, run_report

    settings = ReportSettings(
        paths=paths, output=output, config_path=config, allow_outside_paths=allow_outside_paths,
        engine=engine.value if engine else None, timeout=timeout, problem_format=problem_format,
        quiet=quiet,
    )
    raise typer.Exit(run_report(settings))
