"""``argmap lint``, ``argmap rules`` and ``argmap explain``: settings in, exit code out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.batch import Batch, collect_map_files
from argmap.problems import ArgmapError, Level, Problem
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.suggest import did_you_mean


@dataclass(frozen=True)
class LintCommandSettings:
    paths: Sequence[Path]
    output_format: str = "auto"
    strict: bool = False
    quiet: bool = False
    config_path: Path | None = None
    allow_outside_paths: bool = False
    jobs: int = 0
    limits: Limits = DEFAULT_LIMITS


def run_lint(settings: LintCommandSettings, out: TextIO = sys.stdout,
             err: TextIO = sys.stderr) -> int:
    """Lint every map under ``settings.paths``; exit 0 clean, 1 problems, 2 usage/unreadable."""
    from argmap.lint.config import find_config, load_config
    from argmap.lint.engine import LintSettings, lint_many
    from argmap.lint.rule import all_rules
    from argmap.output import Style, write_problems

    try:
        config = load_config(settings.config_path or find_config(Path.cwd()))
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return 2
    files, missing = collect_map_files(settings.paths)
    batch = Batch(missing)
    engine = LintSettings(config, settings.allow_outside_paths, settings.limits)
    for outcome in lint_many(files, engine, settings.jobs):
        batch.add(outcome)
    write_problems(batch, settings.output_format, out, err, Style(codes=True, rules=all_rules()))
    if not settings.quiet:
        err.write(summary(batch))
    return lint_exit_code(batch, settings.strict)


def lint_exit_code(batch: Batch, strict: bool) -> int:
    failing = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    return batch.exit_code(any(problem.level in failing for problem in batch.problems))


def summary(batch: Batch) -> str:
    if not batch.problems:
        return batch.summary(f"{batch.count_files()} linted: no problems")
    loads = f"; {batch.invalid} did not load" if batch.invalid else ""
    return batch.summary(f"{batch.count_files()} linted: {_count_levels(batch.problems)}{loads}")


def _count_levels(problems: Sequence[Problem]) -> str:
    parts = []
    for level in Level:
        count = sum(1 for problem in problems if problem.level is level)
        if count:
            plural = "s" if count != 1 and level is not Level.INFO else ""
            parts.append(f"{count} {level.value}{plural}")
    return ", ".join(parts)


def run_rules(output_format: str, out: TextIO = sys.stdout) -> int:
    from argmap.lint.docs import RULES_FORMATS
    from argmap.lint.rule import all_rules

    out.write(RULES_FORMATS[output_format](all_rules()))
    return 0


def run_explain(key: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from argmap.lint.docs import explain
    from argmap.lint.rule import find_rule, rule_keys

    rule = find_rule(key)
    if rule is None:
        hint = did_you_mean(key, rule_keys())
        err.write(f"argmap: no rule is called `{key}`{hint} (`argmap rules` lists them)\n")
        return 2
    out.write(explain(rule))
    return 0
