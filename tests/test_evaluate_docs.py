"""docs/evaluation.md tells the truth: the worked examples are the tested files, their label
tables are what ``argmap evaluate`` gives, and the --without excerpt is the seed map's."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import ROOT

from argmap.commands.evaluate import EvaluateSettings, run_evaluate

PAGE = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
EXAMPLES = sorted((ROOT / "tests" / "examples" / "evaluation").glob("*.yaml"))


def evaluation_json(path: str, *without: str) -> dict[str, object]:
    out = io.StringIO()
    settings = EvaluateSettings(paths=[ROOT / path], output_format="json", without=without)
    assert run_evaluate(settings, out, io.StringIO()) == 0
    data: dict[str, object] = json.loads(out.getvalue())
    return data


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_each_worked_example_is_shown_with_the_labels_and_reasons_it_gets(example: object
                                                                          ) -> None:
    relative = f"tests/examples/evaluation/{example.name}"  # type: ignore[attr-defined]
    assert f"```yaml\n{(ROOT / relative).read_text()}```" in PAGE
    data = evaluation_json(relative)
    labels, reasons = data["labels"], data["reasons"]
    assert isinstance(labels, dict) and isinstance(reasons, dict)
    for element, label in labels.items():
        assert f"| `{element}` | {label} | {reasons[element]} |" in PAGE, element


def test_the_without_excerpt_is_what_the_seed_map_gives() -> None:
    data = evaluation_json("maps/qaani-baghdad-2021-11.yaml", "security-officials")
    changes = data["changes"]
    assert isinstance(changes, list)
    rows = re.findall(r"^\| ([a-z][\w.-]*) \| proposition \| (\w+) \| (\w+) \| (\w+) \| (\w+) \|$",
                      PAGE, re.MULTILINE)
    assert len(rows) == 3
    found = {change["id"]: change for change in changes}
    for element, before, after, basis_before, basis_after in rows:
        assert found[element] == {"id": element, "kind": "proposition", "before": before,
                                  "after": after, "basis_before": basis_before,
                                  "basis_after": basis_after}


def test_every_option_is_documented() -> None:
    import typer.main

    from argmap.cli import app

    command = typer.main.get_command(app).commands["evaluate"]  # type: ignore[attr-defined]
    options = [name for param in command.params for name in param.opts
               if name.startswith("--") and name != "--help"]
    assert set(options) == {"--format", "--semantics", "--without", "--time-limit"}
    for option in options:
        assert f"`{option}" in PAGE or f"{option} " in PAGE, option
