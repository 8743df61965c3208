"""One table of output formats: the CLI offers what the table has, one ``auto`` rule decides."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import ROOT

from argmap.cli import app
from argmap.commands.ach_report import ACH_FORMATS
from argmap.commands.export import EXPORT_WRITERS
from argmap.lint.docs import RULES_FORMATS
from argmap.output import FORMAT_CHOICES, FORMATS, Style, choose_format, format_sarif
from argmap.problems import Level, Problem
from argmap.render.engine import ENGINE_CHOICES
from argmap.render.plan import IMAGE_FORMATS

INVALID = ROOT / "tests" / "examples" / "invalid" / "unknown-field.yaml"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _choices(command: str, option: str) -> list[str]:
    """The choices ``argmap COMMAND --help`` shows for ``option``."""
    group: Any = typer.main.get_command(app)
    click_command = group.commands[command]
    context = click_command.make_context(command, [], resilient_parsing=True)
    [param] = [param for param in click_command.params if option in param.opts]
    shown = param.get_help_record(context)[0]
    match = re.search(r"<(?:list\[)?([\w|]+)\]?>", shown)
    assert match, shown
    return match.group(1).split("|")


@pytest.mark.parametrize(("command", "option", "table"), [
    ("validate", "--format", FORMAT_CHOICES),
    ("lint", "--format", FORMAT_CHOICES),
    ("render", "--problem-format", FORMAT_CHOICES),
    ("render", "--format", IMAGE_FORMATS),
    ("render", "--engine", ENGINE_CHOICES),
    ("report", "--problem-format", FORMAT_CHOICES),
    ("report", "--engine", ENGINE_CHOICES),
    ("ach", "--problem-format", FORMAT_CHOICES),
    ("export", "--problem-format", FORMAT_CHOICES),
    ("diff", "--problem-format", FORMAT_CHOICES),
    ("ach", "--format", tuple(ACH_FORMATS)),
    ("export", "--format", tuple(EXPORT_WRITERS)),
    ("rules", "--format", tuple(RULES_FORMATS)),
])
def test_cli_choices_are_the_tables(command: str, option: str, table: tuple[str, ...]) -> None:
    assert _choices(command, option) == list(table)


def test_problem_format_choices_come_from_the_one_table() -> None:
    assert ("auto", *FORMATS) == FORMAT_CHOICES
    assert set(FORMATS) == {"text", "color", "github", "json", "sarif"}


def test_auto_rule() -> None:
    assert choose_format("auto", _Terminal(), {}) == "color"
    assert choose_format("auto", io.StringIO(), {}) == "text"
    assert choose_format("auto", io.StringIO(), {"FORCE_COLOR": "1"}) == "color"
    assert choose_format("auto", io.StringIO(), {"FORCE_COLOR": ""}) == "text"
    assert choose_format("auto", _Terminal(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}) == "text"
    assert choose_format("auto", _Terminal(), {"GITHUB_ACTIONS": "true",
                                               "FORCE_COLOR": "1"}) == "github"
    assert choose_format("json", _Terminal(), {"GITHUB_ACTIONS": "true"}) == "json"


def test_sarif_describes_the_rules_it_is_given() -> None:
    problem = Problem("m.yaml", 3, 4, "AM101", "quote not found", Level.WARNING, "quote-x")

    class Rule:
        code, name, summary, level = "AM101", "quote-x", "Quote", Level.ERROR
        doc = "Quote.\n\nMore."

    bare = json.loads(format_sarif([problem]))["runs"][0]["tool"]["driver"]["rules"]
    described = json.loads(format_sarif([problem], Style(rules=[Rule()])))
    rules = described["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in bare] == ["AM101"]
    assert rules[0]["fullDescription"]["text"] == "More."
    assert rules[0]["defaultConfiguration"]["level"] == "error"
    assert described["runs"][0]["results"][0]["level"] == "warning"


def _argmap(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=environment)


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_every_problem_printing_command_offers_every_format(command: str) -> None:
    for name in FORMATS:
        result = _argmap(command, "--format", name, INVALID)
        assert result.returncode == 1, (name, result.stderr)
        assert "unknown field `premisses`" in result.stdout, name
    coloured = _argmap(command, INVALID, FORCE_COLOR="1")
    assert "\033[1m" in coloured.stdout and "premisses" in coloured.stdout


def test_render_prints_problems_in_the_format_asked(tmp_path: Path) -> None:
    result = _argmap("render", INVALID, "-o", tmp_path, "--problem-format", "json")
    assert result.returncode == 1
    assert '"code": "AM' in result.stdout


@pytest.mark.parametrize("command", ["ach", "export"])
def test_commands_whose_output_is_a_product_print_problems_on_stderr(command: str) -> None:
    result = _argmap(command, INVALID, "--problem-format", "github")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("::error file=") and "premisses" in result.stderr
