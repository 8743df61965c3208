"""The side-by-side tables of ``python -m benchmarks.argdown``: medians, ratios, verdicts.

Nothing here runs a process, so the arithmetic and the wording are tested without node
(tests/test_benchmarks_argdown.py). A ratio is argmap's time divided by an Argdown's: below 1
argmap is faster. Both ratios are shown, wall time (what the user waits for) and CPU time (which,
unlike wall time, hardly changes when other work shares the machine); argmap counts as faster on
a row only when it is faster on both, against every Argdown version measured.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.measure import Sample

ARGMAP = "argmap"


@dataclass(frozen=True)
class Timing:
    """Median wall and CPU seconds of a tool's runs on one row; ``failure`` when a run failed."""

    wall: float = 0.0
    cpu: float = 0.0
    failure: str = ""


def median_timing(samples: Sequence[Sample], ok_codes: tuple[int, ...] = (0,)) -> Timing:
    """The medians of ``samples``, or the first failure (exit code, what it said, and how long
    it took to fail)."""
    for sample in samples:
        if sample.exit_code not in ok_codes:
            return Timing(sample.wall, sample.cpu or 0.0,
                          f"exit {sample.exit_code}: {_why(sample)}")
    if not samples:
        return Timing(failure="not run")
    return Timing(statistics.median(sample.wall for sample in samples),
                  statistics.median(sample.cpu or 0.0 for sample in samples))


def _why(sample: Sample) -> str:
    """The error line of a failed run's output (node prints a stack trace after it), else its
    last line."""
    lines = (sample.stderr or sample.stdout).strip().splitlines()
    errors = [line.strip() for line in lines if "Error" in line or "error:" in line]
    return errors[0][:160] if errors else sample.complaint


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def both(timing: Timing) -> str:
    """``wall (cpu)`` as a table cell; a failure says after how long."""
    if timing.failure:
        return f"failed after {seconds(timing.wall)}" if timing.wall else "failed"
    return f"{seconds(timing.wall)} ({seconds(timing.cpu)} cpu)"


@dataclass(frozen=True)
class Ratio:
    """argmap's time over another tool's, wall and CPU; None where either run failed."""

    wall: float | None
    cpu: float | None

    @classmethod
    def of(cls, ours: Timing, theirs: Timing) -> Ratio:
        if ours.failure or theirs.failure:
            return cls(None, None)
        return cls(_divide(ours.wall, theirs.wall), _divide(ours.cpu, theirs.cpu))

    @property
    def faster(self) -> bool:
        return (self.wall is not None and self.cpu is not None
                and self.wall < 1 and self.cpu < 1)

    def cell(self) -> str:
        if self.wall is None or self.cpu is None:
            return "—"
        return f"**{self.wall:.2f}x** ({self.cpu:.2f}x cpu)"


def _divide(ours: float, theirs: float) -> float | None:
    return ours / theirs if theirs > 0 else None


def size_header(versions: Sequence[str]) -> list[str]:
    """The size table's header: one time and one ratio column per Argdown version."""
    columns = ["nodes", "stage", "runs", "load", "argmap: wall (cpu)"]
    for version in versions:
        columns += [f"Argdown {version}: wall (cpu)", f"ratio to {version}"]
    return [_markdown([*columns, "argmap faster?"]), _rule(len(columns) + 1)]


def size_row(nodes: int, stage: str, runs: int, load: float,
             timings: dict[str, Timing]) -> tuple[str, bool]:
    """One row of the size table (``timings`` holds argmap and each Argdown by version; ``load``
    is the 1-minute load average after it) and whether argmap was faster than every Argdown."""
    ours = timings[ARGMAP]
    cells = [f"{nodes:,}", stage, str(runs), f"{load:.1f}", both(ours)]
    slower, failed = [], []
    for version, theirs in timings.items():
        if version == ARGMAP:
            continue
        ratio = Ratio.of(ours, theirs)
        cells += [both(theirs), ratio.cell()]
        if theirs.failure and not ours.failure:
            failed.append(version)  # what Argdown cannot do at all, it does not do faster
        elif not ratio.faster:
            slower.append(version)
    faster = len(timings) > 1 and not ours.failure and not slower
    verdict = ("yes" if faster else "**no**: not faster than " + ", ".join(slower)
               if slower else "**no**: argmap failed" if ours.failure else "**no**")
    if failed:
        verdict += f" (Argdown {', '.join(failed)} failed: only argmap finished it)"
    cells.append(verdict)
    return _markdown(cells), faster


@dataclass(frozen=True)
class Goal:
    """Issue 18's start-up goal for one argmap command: at most ``ratio`` of the wall time of
    ``argdown --help``, for every Argdown version."""

    ratio: float
    because: str


def startup_header(versions: Sequence[str]) -> list[str]:
    columns = ["command", "wall", "cpu", *(f"wall ratio to {version} --help"
                                           for version in versions), "goal", "met?"]
    return [_markdown(columns), _rule(len(columns))]


def startup_row(command: str, ours: Timing, helps: dict[str, Timing],
                goal: Goal | None) -> tuple[str, bool]:
    """A start-up row: the command's medians, its wall ratio to each ``argdown --help`` and the
    goal; met when under the goal against every version."""
    cells = [command, *((f"failed ({ours.failure})", "") if ours.failure else
                        (seconds(ours.wall), seconds(ours.cpu)))]
    if goal is None:  # a row compared with, not judged
        return _markdown([*cells, *("" for _ in helps), "", ""]), not ours.failure
    ratios = {version: Ratio.of(ours, theirs).wall for version, theirs in helps.items()}
    cells += ["—" if ratio is None else f"{ratio:.2f}x" for ratio in ratios.values()]
    met = bool(ratios) and all(ratio is not None and ratio <= goal.ratio
                               for ratio in ratios.values())
    return _markdown([*cells, f"<= {goal.ratio:.2f}x ({goal.because})",
                      "yes" if met else "**no**"]), met


def _markdown(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(columns: int) -> str:
    return "|" + "---|" * columns
