"""Every valid example validates; every invalid one fails exactly where its header says.

An invalid example starts with one or more ``# expect: LINE:COLUMN: message fragment`` lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.model import load_map
from argmap.problems import MapInvalidError

EXAMPLES = Path(__file__).parent / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
EXPECT = re.compile(rb"^# expect: (\d+):(\d+): (.+)$", re.MULTILINE)


def expectations(path: Path) -> list[tuple[int, int, str]]:
    found = EXPECT.findall(path.read_bytes())
    return [(int(line), int(column), fragment.decode()) for line, column, fragment in found]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_loads(path: Path) -> None:
    loaded = load_map(path)
    assert loaded.model.map.format == 1


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_fails_where_stated(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no `# expect:` line"
    with pytest.raises(MapInvalidError) as caught:
        load_map(path)
    problems = caught.value.problems
    for line, column, fragment in expected:
        matching = [p for p in problems if (p.line, p.column) == (line, column)]
        assert matching, f"no problem at {line}:{column}; got {[str(p) for p in problems]}"
        assert any(fragment in p.message for p in matching), (fragment, [str(p) for p in matching])
    for problem in problems:
        assert "\n" not in problem.message, "every problem is one line"
        assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")


def test_there_are_enough_cases() -> None:
    assert len(VALID) >= 1
    assert len(INVALID) >= 30


def test_references_to_elements_that_are_only_invalid_are_not_called_dangling() -> None:
    with pytest.raises(MapInvalidError) as caught:
        load_map(EXAMPLES / "invalid" / "every-error-at-once.yaml")
    messages = [problem.message for problem in caught.value.problems]
    assert not any("`p2` is not defined" in message for message in messages), messages
    assert not any("`p1` is not defined" in message for message in messages), messages
    assert len(messages) == 8, messages  # the six expected, `text` missing, the bad id
