"""docs/editor.md: the VS Code problem matcher reads argmap's real lint output."""

from __future__ import annotations

import io
import json
import re

from conftest import ROOT

from argmap.commands.lint import LintCommandSettings, run_lint

PAGE = (ROOT / "docs" / "editor.md").read_text(encoding="utf-8")
SEEDED = ROOT / "tests" / "lint" / "seeded" / "map.yaml"


def test_the_vscode_problem_matcher_reads_every_finding() -> None:
    block = re.search(r"```json\n(.*?)```", PAGE, re.S)
    assert block is not None
    task = json.loads(block.group(1))["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    out = io.StringIO()
    run_lint(LintCommandSettings(paths=[SEEDED], output_format="github"), out, io.StringIO())
    lines = out.getvalue().splitlines()
    assert len(lines) > 20
    levels = set()
    for line in lines:
        match = re.match(pattern["regexp"], line)
        assert match, line
        assert match.group(pattern["file"]).endswith("map.yaml")
        assert int(match.group(pattern["line"])) >= 1
        assert re.fullmatch(r"AM\d{3}", match.group(pattern["code"]))
        levels.add(match.group(pattern["severity"]))
    assert levels == {"error", "warning", "notice"}
