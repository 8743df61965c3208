"""Command-line interface. Each ``*_cmd`` module registers its commands on :data:`app`.

Command modules only turn arguments into settings and call a core in :mod:`argmap.commands`;
heavy imports (pydantic, graphviz) happen inside the command, so ``argmap --version`` stays fast.
The typer application is built on first use of :data:`app`: the plain command lines of
:mod:`argmap.cli.plain` (``argmap validate FILE``, ``argmap lint FILE``) never import typer.
"""

from __future__ import annotations

from typing import Any

__all__ = ["app", "building_only"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'argmap.cli' has no attribute {name!r}")
    from argmap.cli import (  # noqa: F401  (registers commands)
        ach_cmd,
        diff_cmd,
        draft_cmd,
        evaluate_cmd,
        export_cmd,
        import_cmd,
        lint_cmd,
        new_cmd,
        quote_cmd,
        render_cmd,
        report_cmd,
        typer_app,
        validate_cmd,
        watch_cmd,
    )

    return getattr(typer_app, name)
