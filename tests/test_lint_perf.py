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


def test_a_long_chain_listed_conclusion_first_stays_linear(tmp_path: Path) -> None:
    """Support facts must not sweep the map once per step: 2,500 steps, listed top-down."""
    steps = 2500
    lines = ["map: {id: t, title: T, format: 1}", "propositions:",
             "  - {id: p0, kind: assumption, text: Base., if_wrong: All falls.}"]
    lines += [f"  - {{id: p{n}, kind: author_judgment, text: Step {n}., confidence: high}}"
              for n in range(1, steps)]
    lines += ["inferences:"]
    lines += [f"  - {{id: i{n}, premises: [p{n - 1}], conclusion: p{n}}}"
              for n in range(steps - 1, 0, -1)]
    (tmp_path / ".git").mkdir()
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seconds, problems = best_time(path, runs=2)
    assert problems == steps - 1  # every step is high confidence resting on the assumption
    assert seconds < BUDGET_SECONDS, f"load + lint took {seconds:.2f}s"
