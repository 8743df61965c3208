"""Command-line interface. Each ``*_cmd`` module registers its commands on :data:`app`.

Command modules only turn arguments into settings and call a core in :mod:`argmap.commands`;
heavy imports (pydantic, graphviz) happen inside the command, so ``argmap --version`` stays fast.
"""

from argmap.cli import export_cmd, lint_cmd, new_cmd, validate_cmd  # noqa: F401  (registers commands)
from argmap.cli import render_cmd  # noqa: F401  (registers `argmap render`)
from argmap.cli.app import app

__all__ = ["app"]
