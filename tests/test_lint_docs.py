"""The lint documentation's examples work: configuration snippets parse, the CI workflow and the
pre-commit hooks run real `argmap lint` commands."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from argmap.lint.config import parse_config

DOCS = ROOT / "docs"


def blocks(page: str, language: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def test_configuration_examples_in_lint_md_are_valid() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    yaml_examples = [b for b in blocks("lint.md", "yaml") if "lint:" in b]
    toml_examples = blocks("lint.md", "toml")
    assert yaml_examples and toml_examples
    for example in yaml_examples:
        parse_config(yaml.safe_load(example), "docs", lambda loc: "docs:")
    for example in toml_examples:
        parse_config(tomllib.loads(example)["tool"]["argmap"], "docs", lambda loc: "docs:")


def test_ci_workflow_is_a_workflow_that_lints_the_maps() -> None:
    workflows = [yaml.safe_load(b) for b in blocks("ci.md", "yaml") if "jobs:" in b]
    (workflow,) = [w for w in workflows if "lint" in w["jobs"]]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [step["run"] for step in steps if "run" in step]
    assert "argmap lint maps/" in commands
    assert any(step.get("uses", "").startswith("actions/checkout@") for step in steps)
    assert any("--format sarif" in command for command in commands)


@pytest.mark.parametrize("command", ["argmap lint maps/",
                                     "argmap lint maps/ --format sarif"])
def test_ci_commands_run_on_this_repository(command: str) -> None:
    args = shlex.split(command)[1:]
    result = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr


def test_pre_commit_hooks_name_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"argmap-lint", "argmap-lint-all",
                                               "argmap-render-check"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert re.compile(hook["files"]).match("maps/qaani.yaml")
        args = [*shlex.split(hook["entry"])[1:], *hook.get("args", [])]
        if hook.get("pass_filenames", True):
            args.append(str(Path("maps")))
        result = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode in (0, 1), result.stderr


def test_ci_diff_workflow_posts_the_markdown_diff_of_the_pull_request() -> None:
    workflows = [yaml.safe_load(b) for b in blocks("ci.md", "yaml") if "jobs:" in b]
    (workflow,) = [w for w in workflows if "diff" in w["jobs"]]
    steps = workflow["jobs"]["diff"]["steps"]
    commands = " ".join(step["run"] for step in steps if "run" in step)
    assert "argmap diff --git" in commands and "-f markdown" in commands
    assert steps[0]["with"]["fetch-depth"] == 0  # the base revision must be there for git show
