"""``argmap watch``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.render_cmd import EngineChoice
from argmap.cli.typer_app import app, problem_format_option
from argmap.output import AUTO


@app.command()
def watch(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535,
        help="Port of the page on 127.0.0.1 (0: any free port).")] = 8765,
    serve: Annotated[bool, typer.Option(
        "--serve/--no-serve", help="Serve the page that reloads after each save.")] = True,
    open_browser: Annotated[bool, typer.Option(
        "--open", help="Open the page in the default browser.")] = False,
    report: Annotated[bool, typer.Option(
        "--report/--diagram-only",
        help="Write and show the reader page (argmap report), or only the diagram (faster).",
    )] = True,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", help="Lint configuration (default: found upwards).")] = None,
    allow_outside_paths: Annotated[bool, typer.Option(
        "--allow-outside-paths", help="Read source texts outside the repository too.")] = False,
    engine: Annotated[EngineChoice | None, typer.Option(
        "--engine", help="Layout engine; default: $ARGMAP_ENGINE, else auto.")] = None,
    problem_format: Annotated[str, problem_format_option("--format", "-f")] = AUTO,
) -> None:
    """Check, lint and draw maps again on every save, and refresh the page that shows them
    (served on 127.0.0.1). A save with errors lists them and keeps the last good picture.

    Runs until Ctrl-C (exit 0); exit 2 for usage errors (no map found, port in use, watchfiles
    not installed).
    """
    from argmap.commands.watch import WatchSettings, run_watch
    from argmap.watch.core import WatchOptions

    options = WatchOptions(config_path=config, report=report,
                           engine=engine.value if engine else None,
                           allow_outside_paths=allow_outside_paths)
    settings = WatchSettings(paths, options, serve=serve, port=port, open_browser=open_browser,
                             problem_format=problem_format)
    raise typer.Exit(run_watch(settings))

