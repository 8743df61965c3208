"""Lint's output formats: text with codes, coloured text, and SARIF for code-scanning tools.

SARIF and coloured text are added to the shared :data:`argmap.output.FORMATS` registry, so other
commands can offer them; :data:`LINT_FORMATS` is what ``argmap lint --format`` accepts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from argmap._version import __version__
from argmap.output import FORMATS, Formatter, format_text_with_codes
from argmap.problems import Level, Problem

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
_COLOUR = {Level.ERROR: "31", Level.WARNING: "33", Level.INFO: "36"}
_LOAD_RULE_TEXT = "The map could not be loaded (YAML, schema or reference error)."
_INTERNAL_TEXT = "A lint rule failed on this map (a bug in argmap); the other rules still ran."


def format_color(problems: Sequence[Problem]) -> str:
    """``path:line:col: CODE message`` with the location bold and the code coloured by level."""
    return "".join(
        f"\033[1m{problem.path}:{problem.line}:{problem.column}:\033[0m "
        f"\033[{_COLOUR[problem.level]};1m{problem.code}\033[0m {problem.message}\n"
        for problem in problems
    )


def format_sarif(problems: Sequence[Problem]) -> str:
    """SARIF 2.1.0, one run: what GitHub code scanning and other tools import."""
    from argmap.lint.rule import all_rules

    rules = {rule.code: _sarif_rule(rule.code, rule.name, rule.summary, rule.doc,
                                    rule.level) for rule in all_rules()}
    for problem in problems:
        text = _LOAD_RULE_TEXT if problem.code.startswith("AM0") else _INTERNAL_TEXT
        rules.setdefault(problem.code, _sarif_rule(problem.code, problem.rule or "load-error",
                                                   text, text, Level.ERROR))
    order = {code: number for number, code in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "argmap", "version": __version__,
                                "rules": list(rules.values())}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
            "results": [_sarif_result(problem, order[problem.code]) for problem in problems],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(code: str, name: str, summary: str, doc: str, level: Level) -> dict[str, Any]:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[-1].split("\n\n", 1)[0]},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
    }


def _sarif_result(problem: Problem, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _relative_uri(problem.path),
                                                     "uriBaseId": "%SRCROOT%"}}
    if problem.line > 0:
        location["region"] = {"startLine": problem.line, "startColumn": max(problem.column, 1)}
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[problem.level],
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": location}],
    }


def _relative_uri(path: str) -> str:
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_uri()


LINT_FORMATS: dict[str, Formatter] = {
    "text": format_text_with_codes,
    "color": format_color,
    "github": FORMATS["github"],
    "json": FORMATS["json"],
    "sarif": format_sarif,
}
FORMATS.setdefault("sarif", format_sarif)
FORMATS.setdefault("color", format_color)


def choose_format(name: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> str:
    """``auto``: ``github`` under GitHub Actions, ``color`` on a terminal (unless ``NO_COLOR``
    is set and not empty, or ``TERM=dumb``), plain ``text`` otherwise."""
    if name != "auto":
        return name
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    isatty = getattr(stream, "isatty", None)
    if callable(isatty) and isatty() and not environ.get("NO_COLOR") \
            and environ.get("TERM") != "dumb":
        return "color"
    return "text"
