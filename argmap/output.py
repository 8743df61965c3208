"""How problems are printed: one table of output formats, one ``auto`` rule, one writer.

Every command that prints problems (validate, lint, render, and the ones to come) offers the
formats in :data:`FORMATS` plus ``auto``, and writes them with :func:`write_problems`::

    write_problems(batch, settings.output_format, out, err)          # validate, render
    write_problems(batch, settings.output_format, out, err,
                   Style(codes=True, rules=all_rules()))              # lint

A format is a function of the problems and a :class:`Style`; adding one is one function and one
row in :data:`FORMATS` (the CLI's ``--format`` choices are built from the table).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

from argmap._version import __version__
from argmap.problems import Level, Problem
from argmap.project import REPOSITORY, load_errors_uri, rule_help_uri

if TYPE_CHECKING:
    from argmap.batch import Batch


class RuleDescription(Protocol):
    """What SARIF says about a rule (a lint :class:`argmap.lint.rule.Rule` is one)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def level(self) -> Level: ...


class Style(NamedTuple):
    """What a command adds to its problems: codes in text (lint), the rules SARIF describes."""

    codes: bool = False
    rules: Sequence[RuleDescription] = ()


NO_STYLE = Style()

Formatter = Callable[[Sequence[Problem], Style], str]


class OutputFormat(NamedTuple):
    name: str
    help: str
    write: Formatter


def format_text(problems: Sequence[Problem], style: Style = NO_STYLE) -> str:
    """``path:line:col: message`` (``path:line:col: CODE message`` with codes)."""
    line = Problem.with_code if style.codes else Problem.__str__
    return "".join(f"{line(problem)}\n" for problem in problems)


_COLOUR = {Level.ERROR: "31", Level.WARNING: "33", Level.INFO: "36"}


def format_color(problems: Sequence[Problem], style: Style = NO_STYLE) -> str:
    """Text with the location bold and the code (or, without codes, the message) coloured by
    level; file names and messages escaped, so only argmap's own codes act on the terminal."""
    from argmap.terminal import Styled, escape_for_terminal

    def line(problem: Problem) -> str:
        path, message = escape_for_terminal(problem.path), escape_for_terminal(problem.message)
        where = f"\033[1m{path}:{problem.line}:{problem.column}:\033[0m"
        colour = _COLOUR[problem.level]
        if style.codes:
            code = escape_for_terminal(problem.code)
            return f"{where} \033[{colour};1m{code}\033[0m {message}\n"
        return f"{where} \033[{colour}m{message}\033[0m\n"

    return Styled("".join(line(problem) for problem in problems))


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Sequence[Problem], style: Style = NO_STYLE) -> str:
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


def format_json(problems: Sequence[Problem], style: Style = NO_STYLE) -> str:
    records = [
        {"path": problem.path, "line": problem.line, "column": problem.column,
         "code": problem.code, "rule": problem.rule or None, "level": problem.level.value,
         "message": problem.message}
        for problem in problems
    ]
    import json  # only the json and sarif formats need it

    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
_LOAD_RULE_TEXT = "The map could not be loaded (YAML, schema or reference error)."
_INTERNAL_TEXT = "A lint rule failed on this map (a bug in argmap); the other rules still ran."


def format_sarif(problems: Sequence[Problem], style: Style = NO_STYLE) -> str:
    """SARIF 2.1.0, one run: what GitHub code scanning and other tools import. Describes every
    rule in ``style.rules``, and a rule for each other code the problems carry."""
    rules = {rule.code: _sarif_rule(rule.code, rule.name, rule.summary, rule.doc, rule.level)
             for rule in style.rules}
    for problem in problems:
        text = _LOAD_RULE_TEXT if problem.code.startswith("AM0") else _INTERNAL_TEXT
        rules.setdefault(problem.code, _sarif_rule(problem.code, problem.rule or "load-error",
                                                   text, text, Level.ERROR))
    order = {code: number for number, code in enumerate(rules)}
    root = _source_root(problems)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "argmap", "version": __version__,
                                "informationUri": REPOSITORY, "rules": list(rules.values())}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
            "results": [_sarif_result(problem, order[problem.code], root)
                        for problem in problems],
        }],
    }
    import json

    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(code: str, name: str, summary: str, doc: str, level: Level) -> dict[str, Any]:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[-1].split("\n\n", 1)[0]},
        "helpUri": load_errors_uri() if code.startswith("AM0") else rule_help_uri(code, name),
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[level]},
    }


def _sarif_result(problem: Problem, rule_index: int, root: Path) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact_location(problem.path, root)}
    if problem.line > 0:
        location["region"] = {"startLine": problem.line, "startColumn": max(problem.column, 1)}
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[problem.level],
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": location}],
    }


def _source_root(problems: Sequence[Problem]) -> Path:
    """What %SRCROOT% stands for: the repository (the folder holding ``.git``) of the working
    folder, else of the first file with a problem, else the working folder. GitHub code
    scanning wants paths relative to the repository, wherever in it argmap was run."""
    starts = [Path.cwd(), *(Path(problem.path).parent for problem in problems[:1])]
    for start in starts:
        folder = start.resolve()
        for candidate in (folder, *folder.parents):
            if (candidate / ".git").exists():
                return candidate
    return Path.cwd().resolve()


def _artifact_location(path: str, root: Path) -> dict[str, str]:
    """Inside the source root: a relative uri against %SRCROOT% (what code scanning maps to
    the repository); outside it: an absolute file uri and no base, as SARIF requires (§3.4.4)."""
    resolved = Path(path).resolve()
    try:
        relative = resolved.relative_to(root)
    except ValueError:
        return {"uri": resolved.as_uri()}
    from urllib.parse import quote

    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


FORMATS: Mapping[str, OutputFormat] = {fmt.name: fmt for fmt in (
    OutputFormat("text", "path:line:col: message, one a line", format_text),
    OutputFormat("color", "text coloured by level, for a terminal", format_color),
    OutputFormat("github", "GitHub Actions annotations", format_github),
    OutputFormat("json", "a JSON list of problems", format_json),
    OutputFormat("sarif", "SARIF 2.1.0 for code scanning", format_sarif),
)}
AUTO = "auto"
FORMAT_CHOICES = (AUTO, *FORMATS)
AUTO_HELP = ("auto is github under GitHub Actions, color on a terminal (unless NO_COLOR is set; "
             "FORCE_COLOR forces it), text otherwise")


def choose_format(name: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> str:
    """The format ``name`` names; for ``auto``: ``github`` under GitHub Actions, else plain
    ``text`` when ``NO_COLOR`` is set (not empty), else ``color`` when ``FORCE_COLOR`` is set
    (not empty) or ``stream`` is a terminal (not ``TERM=dumb``), else ``text``."""
    if name != AUTO:
        return name
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if environ.get("NO_COLOR"):
        return "text"
    if environ.get("FORCE_COLOR"):
        return "color"
    isatty = getattr(stream, "isatty", None)
    if callable(isatty) and isatty() and environ.get("TERM") != "dumb":
        return "color"
    return "text"


def format_problems(problems: Sequence[Problem], name: str, stream: TextIO,
                    style: Style = NO_STYLE) -> str:
    """``problems`` in the format ``name`` (``auto`` decided for ``stream``)."""
    return FORMATS[choose_format(name, stream)].write(problems, style)


def write_problems(batch: Batch, name: str, out: TextIO = sys.stdout,
                   err: TextIO = sys.stderr, style: Style = NO_STYLE) -> None:
    """A batch's problems on ``out`` in format ``name``; each file that could not be read as one
    ``argmap: ...`` line on ``err``."""
    out.write(format_problems(batch.problems, name, out, style))
    for message in batch.unreadable:
        err.write(f"argmap: {message}\n")
