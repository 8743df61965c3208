"""``argmap lint``, ``argmap rules`` and ``argmap explain``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import FormatOption, QuietOption, app
from argmap.output import AUTO


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def lint(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="PATH")
    ],
    output_format: FormatOption = AUTO,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 on warnings too, not only on errors.")] = False,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", help="Configuration file (.argmap.yaml or pyproject.toml); default: "
        "the nearest one above the current folder.")] = None,
    allow_outside_paths: Annotated[bool, typer.Option(
        "--allow-outside-paths", help="Read source texts outside the repository.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes; 0 picks by the amount of work.")] = 0,
    quiet: QuietOption = False,
) -> None:
    """Check maps for what validation cannot: quotes not in their sources, judgments that rest
    on nothing, estimative words without a likelihood, and more (`argmap rules` lists them).

    Exit 0 when clean, 1 when any error-level problem is found (warnings too with --strict),
    2 for usage errors and unreadable paths.
    """
    from argmap.commands.lint import LintCommandSettings, run_lint

    settings = LintCommandSettings(
        paths=paths, output_format=output_format, strict=strict, quiet=quiet,
        config_path=config, allow_outside_paths=allow_outside_paths, jobs=jobs)
    raise typer.Exit(run_lint(settings))


@app.command()
def rules(
    output_format: Annotated[RulesFormat, typer.Option(
        "--format", "-f", help="markdown is docs/rules.md.")] = RulesFormat.text,
) -> None:
    """List the lint rules: code, name, default level and what each checks."""
    from argmap.commands.lint import run_rules

    raise typer.Exit(run_rules(output_format.value))


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code (AM101) or name.", metavar="RULE")],
) -> None:
    """Print one lint rule's documentation: what it checks, why, and how to fix it."""
    from argmap.commands.lint import run_explain

    raise typer.Exit(run_explain(rule))
