"""Reading and running the lint rule fixtures in ``tests/lint/*.yaml`` (one file per rule).

A fixture file names its rule, the source texts its cases share, and a list of cases. Each case
is a complete map (a string, so its line numbers are the map's), an optional `options` mapping
for the rule and an `expect` list of positions, `"line:column"` or `{at: "line:column",
contains: "part of the message"}`, of the problems that rule must report, and no others.
`{sha256 NAME}` in a map or an expectation becomes the SHA-256 of the fixture file NAME.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.lint.config import LintConfig, parse_config
from argmap.lint.engine import LintSettings, lint_file
from argmap.problems import Problem

FIXTURES = Path(__file__).parent / "lint"
_SHA = re.compile(r"\{sha256 ([^}]+)\}")


@dataclass(frozen=True)
class Expected:
    line: int
    column: int
    contains: str = ""


@dataclass
class Case:
    fixture: str
    rule: str
    name: str
    map: str
    expect: list[Expected]
    files: dict[str, bytes] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*.yaml"))


def load_fixture(path: Path) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = {name: content if isinstance(content, bytes) else content.encode("utf-8")
             for name, content in (data.get("files") or {}).items()}
    cases = []
    for raw in data["cases"]:
        case_files = {**files, **{name: content.encode("utf-8")
                                  for name, content in (raw.get("files") or {}).items()}}
        cases.append(Case(path.name, data["rule"], raw["name"], _fill(raw["map"], case_files),
                          [_expected(item, case_files) for item in raw["expect"]], case_files,
                          raw.get("options") or {}, raw.get("config") or {}))
    return cases


def all_cases() -> list[Case]:
    return [case for path in fixture_paths() for case in load_fixture(path)]


def run_case(case: Case, folder: Path, *, rule_enabled: bool = True) -> list[Problem]:
    """Lint the case's map in a fresh repository under ``folder``; all rules run.

    A map that does not load fails the case: lint would report only why, no rule would run,
    and a case expecting no problems of its rule would pass without testing it.
    """
    repo = folder / "repo"
    (repo / ".git").mkdir(parents=True)
    for name, content in case.files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(content)
    map_path = repo / "map.yaml"
    map_path.write_text(case.map, encoding="utf-8")
    rules = dict(case.config.get("lint", {}).get("rules", {}))
    if not rule_enabled:
        rules[case.rule] = "off"
    elif case.options:
        rules[case.rule] = case.options
    table = {**case.config, "lint": {**case.config.get("lint", {}), "rules": rules}}
    config = parse_config(table, "fixture", lambda loc: f"{case.id}: {loc}:")
    outcome = lint_file(map_path, LintSettings(config))
    if not outcome.loaded:
        reasons = "; ".join(f"{p.line}:{p.column} {p.code} {p.message}" for p in outcome.problems)
        pytest.fail(f"{case.id}: the fixture map does not load, so no rule ran: {reasons}")
    return list(outcome.problems)


def check_case(case: Case, problems: list[Problem]) -> None:
    """Assert that the case's rule reported exactly the expected problems."""
    found = sorted((p.line, p.column, p.message) for p in problems if p.code == case.rule)
    where = [(line, column) for line, column, _ in found]
    wanted = sorted((item.line, item.column) for item in case.expect)
    assert where == wanted, f"{case.id}: expected {wanted}, got {found}"
    for item in case.expect:
        messages = [m for line, column, m in found if (line, column) == (item.line, item.column)]
        assert any(item.contains in message for message in messages), \
            f"{case.id}: no message at {item.line}:{item.column} contains {item.contains!r}: " \
            f"{messages}"


def default_config() -> LintConfig:
    return LintConfig()


def _expected(item: Any, files: dict[str, bytes]) -> Expected:
    if isinstance(item, str):
        item = {"at": item}
    line, column = (int(part) for part in item["at"].split(":"))
    return Expected(line, column, _fill(item.get("contains", ""), files))


def _fill(text: str, files: dict[str, bytes]) -> str:
    return _SHA.sub(lambda match: hashlib.sha256(files[match.group(1)]).hexdigest(), text)
