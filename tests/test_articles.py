"""Hand-made maps of articles written for the project (tests/articles/NAME/).

Each folder holds an article (NAME.txt, 1,000-1,500 words), the map an analyst made of it by hand
(NAME.yaml) and a README saying what it is. The maps are ground truth for tools that read prose
(the drafter, the lint's source-reading rules), so they must stay valid and lint-clean: a rule
that starts to fire on one of them is either a false positive or a finding about the hand map,
and someone has to decide which.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.model import LoadedMap, load_map, load_map_text

ARTICLES = Path(__file__).parent / "articles"
MAPS = sorted(ARTICLES.glob("*/*.yaml"))


def _lint(loaded: LoadedMap) -> list[str]:
    engine = pytest.importorskip("argmap.lint.engine")
    return [f"{finding.code} {finding.message}"
            for finding in engine.lint_loaded(loaded, engine.LintSettings())]


def test_there_are_three_articles_at_least() -> None:
    assert len(MAPS) >= 3


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.parent.name)
def test_article_folder_holds_text_map_and_readme(path: Path) -> None:
    folder = path.parent
    assert path.stem == folder.name
    assert (folder / "README.md").is_file()
    words = len((folder / f"{folder.name}.txt").read_text(encoding="utf-8").split())
    assert 1000 <= words <= 1500


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.parent.name)
def test_map_is_valid_and_lints_clean(path: Path) -> None:
    loaded = load_map(path)
    assert [source.path for source in loaded.model.sources] == [f"{path.stem}.txt"]
    assert _lint(loaded) == []


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.parent.name)
def test_a_misquote_in_the_map_is_caught(path: Path) -> None:
    """The clean result above means something: one quote altered by a word fails the lint."""
    text = path.read_text(encoding="utf-8")
    altered = re.sub(r"(\n  - id: q-[^\n]+\n    source: \w+\n    text: (?:>-\n\s+)?)(\S+)",
                     r"\1Reportedly \2", text, count=1)
    assert altered != text
    findings = _lint(load_map_text(altered, path))
    assert any(finding.startswith("AM101") for finding in findings), findings
