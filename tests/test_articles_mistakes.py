"""Copies of the hand-made article maps with one realistic mistake each (tests/articles/NAME/
mistakes/): the source-reading lint rules must catch each, while the clean maps stay clean
(tests/test_articles.py lints them clean).

Each copy says in its header which class of mistake it is, what was changed, and which rule
should report it (`# rule: AM171`). There is one copy per class for each of two articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.model import load_map

ARTICLES = Path(__file__).parent / "articles"
MISTAKES = sorted(ARTICLES.glob("*/mistakes/*.yaml"))
_RULE = re.compile(r"^# rule: (AM\d{3})$", re.MULTILINE)


def _codes(path: Path) -> list[str]:
    engine = pytest.importorskip("argmap.lint.engine")
    return [finding.code for finding in engine.lint_loaded(load_map(path), engine.LintSettings())]


def test_two_articles_have_a_mistake_of_each_of_ten_classes() -> None:
    folders = {path.parent for path in MISTAKES}
    assert len(folders) >= 2
    for folder in folders:
        rules = {_RULE.search(path.read_text(encoding="utf-8"))[1]  # type: ignore[index]
                 for path in folder.glob("*.yaml")}
        assert len(rules) == 10, folder


@pytest.mark.parametrize("path", MISTAKES, ids=lambda path: f"{path.parts[-3]}-{path.stem}")
def test_the_mistake_is_caught_by_its_rule(path: Path) -> None:
    found = _RULE.search(path.read_text(encoding="utf-8"))
    assert found is not None, "the copy names the rule that should catch it"
    assert found[1] in _codes(path)
