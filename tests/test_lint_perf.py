"""The lint budget: a 5,000-node map (benchmarks.generate) loads and lints in under a second."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from argmap.lint.engine import LintSettings, lint_loaded
from argmap.model import load_map

sys.path.append(str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate, write_map

BUDGET_SECONDS = 1.0


def best_time(path: Path, runs: int = 3) -> tuple[float, int]:
    """Fastest of a few runs: the budget is about the code, not about a busy machine."""
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        problems = lint_loaded(load_map(path), LintSettings())
        best, count = min(best, time.perf_counter() - start), len(problems)
    return best, count


def test_a_5000_node_map_loads_and_lints_within_budget(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = write_map(generate(5000), tmp_path)
    seconds, problems = best_time(path)
    assert problems > 0  # the rules really ran over the map
    assert seconds < BUDGET_SECONDS, f"load + lint took {seconds:.2f}s"
