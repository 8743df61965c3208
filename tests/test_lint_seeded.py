"""`argmap lint` on a map seeded with one violation of each rule reports each at its line.

tests/lint/seeded/map.yaml marks every line where a problem is due with `# expect: CODE`; the
rest of the map is clean, so a problem anywhere else is a false positive.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from argmap.commands.lint import LintCommandSettings, run_lint
from argmap.lint.rule import all_rules
from argmap.problems import Level

SEEDED = Path(__file__).parent / "lint" / "seeded" / "map.yaml"
_EXPECT = re.compile(r"#\s*expect:\s*((?:AM\d{3}\s*)+)$")
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>AM\d{3}) ")


def expected_problems() -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(SEEDED.read_text(encoding="utf-8").splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            expected.update((number, code) for code in match.group(1).split())
    return expected


def test_seeded_map_reports_each_rule_once_at_its_line() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_lint(LintCommandSettings(paths=[SEEDED], output_format="text"), out, err)
    found = set()
    for line in out.getvalue().splitlines():
        match = _LINE.match(line)
        assert match, f"not a `path:line:col: CODE message` line: {line!r}"
        found.add((int(match["line"]), match["code"]))
    assert found == expected_problems()
    assert len(out.getvalue().splitlines()) == len(found), "a rule reported twice"
    assert code == 1
    assert expected_summary() in err.getvalue()


def expected_summary() -> str:
    """``N errors, N warnings, N info`` counted from the markers and each rule's default level
    (the seeded map sets no levels), so a new rule's marker changes the count by itself."""
    levels = {rule.code: rule.level for rule in all_rules()}
    counts = Counter(levels[code] for _, code in expected_problems())
    words = {Level.ERROR: ("error", "errors"), Level.WARNING: ("warning", "warnings"),
             Level.INFO: ("info", "info")}
    return ", ".join(f"{counts[level]} {words[level][counts[level] != 1]}"
                     for level in Level if counts[level])


def test_seeded_map_covers_every_rule() -> None:
    assert {code for _, code in expected_problems()} == {rule.code for rule in all_rules()}
