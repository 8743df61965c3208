""""Did you mean": one helper, one spelling, a cutoff that suggests typos and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.suggest import closest, did_you_mean

TOP_LEVEL = ["map", "sources", "actors", "quotes", "propositions", "inferences", "attacks",
             "questions", "analyst_steps"]


@pytest.mark.parametrize(("typo", "meant"), [
    ("premisses", "premises"), ("propositons", "propositions"), ("whom", "who"),
    ("lints", "lint"), ("tilte", "title"), ("cable-snaped", "cable-snapped"),
])
def test_typos_are_suggested(typo: str, meant: str) -> None:
    assert closest(typo, [meant, "something-else"]) == meant
    assert did_you_mean(typo, [meant]) == f"; did you mean `{meant}`?"


def test_a_different_word_is_not_suggested() -> None:
    assert closest("version", TOP_LEVEL) is None
    assert did_you_mean("version", TOP_LEVEL) == ""
    assert closest("conf", ["confidence"]) is None


def test_an_unknown_top_level_field_version_suggests_nothing(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("map: {id: m, title: T, format: 1}\nversion: 2\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "argmap", "validate", path], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "unknown field `version`" in result.stdout
    assert "did you mean" not in result.stdout


def test_no_module_spells_its_own_suggestion() -> None:
    for path in (ROOT / "argmap").rglob("*.py"):
        if path.name != "suggest.py":
            assert "get_close_matches" not in path.read_text(encoding="utf-8"), path
