"""Command-line interface. Each ``*_cmd`` module registers its commands on :data:`app`.

Command modules only turn arguments into settings and call a core in :mod:`argmap.commands`;
heavy imports (pydantic, graphviz) happen inside the command, so ``argmap --version`` stays fast.
"""

from argmap.cli import (  # noqa: F401  (registers commands)
    ach_cmd,
    diff_cmd,
    evaluate_cmd,
    export_cmd,
    import_cmd,
    lint_cmd,
    new_cmd,
    quote_cmd,
    render_cmd,
    report_cmd,
    validate_cmd,
    watch_cmd,
)
from argmap.cli.app import app, building_only

__all__ = ["app", "building_only"]
