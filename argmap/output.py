"""Output formats for problems, chosen by name (``text``, ``github``, ``json``; ``auto`` picks).

A format is a function from problems to the text written on standard output. Lint adds its own
formats (SARIF) to :data:`FORMATS` from its package; every command shares this registry.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence

from argmap.problems import Problem

Formatter = Callable[[Sequence[Problem]], str]


def format_text(problems: Sequence[Problem]) -> str:
    return "".join(f"{problem}\n" for problem in problems)


def format_text_with_codes(problems: Sequence[Problem]) -> str:
    return "".join(f"{problem.with_code()}\n" for problem in problems)


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on the pull request."""
    lines = []
    for problem in problems:
        command = {"error": "error", "warning": "warning"}.get(problem.level.value, "notice")
        props = ",".join((
            f"file={_escape_github(problem.path, property_value=True)}",
            f"line={max(problem.line, 1)}",
            f"col={max(problem.column, 1)}",
            f"title={_escape_github(problem.code, property_value=True)}",
        ))
        lines.append(f"::{command} {props}::{_escape_github(problem.message)}\n")
    return "".join(lines)


def format_json(problems: Sequence[Problem]) -> str:
    records = [
        {"path": problem.path, "line": problem.line, "column": problem.column,
         "code": problem.code, "rule": problem.rule or None, "level": problem.level.value,
         "message": problem.message}
        for problem in problems
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Formatter] = {
    "text": format_text,
    "github": format_github,
    "json": format_json,
}


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions and ``text`` elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name
