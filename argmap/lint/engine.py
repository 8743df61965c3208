"""Running the rules: one map (:func:`lint_loaded`), one file, or many files on all cores."""

from __future__ import annotations

import itertools
import os
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.analyse import ArgumentGraph
from argmap.analyse.sources import SourceReader
from argmap.batch import Outcome, load_one
from argmap.lint.config import LintConfig, RuleSetting
from argmap.lint.context import MapContext, RuleContext
from argmap.lint.rule import Finding, Rule
from argmap.lint.suppression import apply_suppressions
from argmap.model import LoadedMap
from argmap.problems import Level, Problem
from argmap.read import DEFAULT_LIMITS, Limits

# Below this many bytes of maps, starting worker processes costs what it saves (measured on
# 2 cores, see docs/lint.md: 420 KB in 2 files or 170 KB in 8 gained nothing, 680 KB in 32 files
# gained 15%, 850 KB in 4 files 20%, 4.3 MB in 4 files 40%).
PARALLEL_MIN_BYTES = 512 * 1024
INTERNAL_ERROR = "AM199"
# Findings kept per rule and map: a map built to trip one rule on every pair of its elements
# produced 1.4 million problems and 2 GB; nobody reads past the first few thousand.
MAX_FINDINGS_PER_RULE = 5_000


@dataclass(frozen=True)
class LintSettings:
    config: LintConfig = field(default_factory=LintConfig)
    allow_outside_paths: bool = False
    limits: Limits = DEFAULT_LIMITS


def lint_loaded(loaded: LoadedMap, settings: LintSettings) -> list[Problem]:
    """Every problem the enabled rules find in one valid map, suppressions applied."""
    return sorted(problem for _, problem in lint_by_element(loaded, settings))


def lint_by_element(loaded: LoadedMap, settings: LintSettings
                    ) -> list[tuple[str | None, Problem]]:
    """Each problem with the id of the element it is about (None: the map as a whole)."""
    config = settings.config
    allow = settings.allow_outside_paths or config.allow_outside_paths
    reader = SourceReader(loaded, allow_outside=allow, limits=settings.limits)
    shared = MapContext(loaded, ArgumentGraph.of(loaded.model), reader,
                        effective_vocabulary(loaded, config))
    enabled = config.enabled()
    levels = {rule.code: setting.level for rule, setting in enabled}
    found: list[tuple[Rule, Finding]] = []
    problems: list[tuple[str | None, Problem]] = []
    for rule, setting in enabled:
        if not rule.after_suppression:
            _run(rule, setting, shared, found, problems)
    kept, shared.unused_suppressions = apply_suppressions(
        loaded.model, found, set(levels), shared.unchecked)
    for rule, setting in enabled:
        if rule.after_suppression:
            _run(rule, setting, shared, kept, problems)
    problems.extend(
        (finding.element,
         loaded.problem(finding.loc, rule.code, finding.message, levels[rule.code] or rule.level,
                        key=finding.key, rule=rule.name))
        for rule, finding in kept
    )
    return problems


def _run(rule: Rule, setting: RuleSetting, shared: MapContext,
         into: list[tuple[Rule, Finding]], problems: list[tuple[str | None, Problem]]) -> None:
    try:
        findings = rule.check(RuleContext(shared, setting.options))
        kept = list(itertools.islice(findings, MAX_FINDINGS_PER_RULE + 1))
        if len(kept) > MAX_FINDINGS_PER_RULE:
            del kept[MAX_FINDINGS_PER_RULE:]
            problems.append((None, Problem(
                shared.loaded.display, 1, 1, rule.code,
                f"rule {rule.label} found more than {MAX_FINDINGS_PER_RULE:,} problems in this "
                "map; the rest are not reported", Level.ERROR, rule.name)))
        into.extend((rule, finding) for finding in kept)
    except Exception as error:  # a bug in one rule must not hide the others' findings
        problems.append((None, Problem(shared.loaded.display, 1, 1, INTERNAL_ERROR,
                                       f"internal error in rule {rule.label}: "
                                       f"{type(error).__name__}: {error}", Level.ERROR,
                                       "internal-error")))


def effective_vocabulary(loaded: LoadedMap, config: LintConfig) -> str:
    """The map's own choice, else the configured default, else ICD 203."""
    info = loaded.model.map
    if "likelihood_vocabulary" in info.model_fields_set:
        return info.likelihood_vocabulary
    return config.vocabulary or info.likelihood_vocabulary


def lint_file(path: Path, settings: LintSettings) -> Outcome:
    """Load and lint one file; a map that does not load yields its load problems."""
    outcome = load_one(path, settings.limits)
    if outcome.map is None:
        return outcome
    return outcome.with_problems(lint_loaded(outcome.map, settings))


def lint_many(files: Sequence[Path], settings: LintSettings, jobs: int = 0) -> list[Outcome]:
    """Lint files in order, in worker processes when there is enough work to pay for them."""
    workers = worker_count(files, jobs or settings.config.jobs)
    if workers <= 1:
        return [lint_file(path, settings) for path in files]
    # Imported here: the pool machinery (multiprocessing, queues, threads) is start-up time
    # a run over one or two maps never uses.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts) as pool:
        return list(pool.map(_lint_file_job, files, [settings] * len(files),
                             chunksize=max(1, len(files) // (workers * 4))))


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent alone handles it (and
    shuts the pool down), so workers print no tracebacks of their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _lint_file_job(path: Path, settings: LintSettings) -> Outcome:
    return lint_file(path, settings)


def worker_count(files: Sequence[Path], jobs: int) -> int:
    """``jobs`` if given, never more than the usable cores (each worker holds maps in memory:
    200 workers asked for took 5 GB); otherwise every core, but only for enough bytes of maps."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    if jobs:
        return max(1, min(jobs, len(files), cores))
    if len(files) < 2 or cores < 2:
        return 1
    if sum(_size(path) for path in files) >= PARALLEL_MIN_BYTES:
        return min(cores, len(files))
    return 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
