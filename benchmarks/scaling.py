"""How each argmap stage grows with map size: CPU time by size, growth exponents, a bound.

    python -m benchmarks.scaling [--sizes 100,1000,5000,20000] [--stages validate,lint,...]
        [--repeat 3] [--quick] [--markdown] [--profile STAGE]

Every stage is the command's core as the CLI runs it, timed in a fresh process after its
imports and a warm-up (:mod:`benchmarks.command_worker`): start-up is the same at every size
(``benchmarks.run`` measures it) and would only flatten the small sizes. Each figure is the best
CPU time of ``--repeat`` processes; CPU, not wall time, because other work shares the machine.
The report's layout engine is a child process: its time is shown on a row of its own and not
judged (Graphviz's layout is known to grow faster than linearly; docs/rendering.md chooses the
engine by size).

The growth exponent between two sizes is ``log(t2/t1) / log(n2/n1)``: 1 for linear work, 2 for
quadratic. The command exits 1 when, for any of argmap's own stages, the least-squares exponent
over the sizes from 1,000 nodes up, or the exponent between the two largest sizes, is above
``BOUND`` (see its comment for why 1.3).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.edits import edited_map
from benchmarks.generate import CACHE, cached_map
from benchmarks.measure import load_average, run_command

DEFAULT_SIZES = (100, 1000, 5000, 20000)
QUICK_SIZES = (100, 1000)
# Linear work measures 1.0-1.2 on real machines: n log n alone reads 1.12 from 1,000 to 20,000
# nodes, and memory (caches, allocator, the collector) adds a little at the largest sizes. A
# quadratic term reads 2 and n^1.5 reads 1.5. 1.3 is the line between "linear, up to a log and
# the memory hierarchy" and "a term that will dominate at some size". It is not a fine sieve: a
# quadratic term taking a sixth of the time at 5,000 nodes stays under it, which is what
# --profile's call counts are for (they do not depend on the machine).
BOUND = 1.3
# Below this many nodes the fixed part of a stage (templates, tables, the output's frame)
# outweighs the part that grows, so smaller sizes are shown but not judged.
JUDGED_FROM = 1000
UNRELATED_SEED = 18
LAYOUT_STORE = CACHE / "layouts"
ENGINE_ROW = "report: layout engine (not judged)"


@dataclass(frozen=True)
class Stage:
    """A row: the command the worker runs and, for diff, the map it compares with."""

    name: str
    command: str
    other: Callable[[int, Path], Path] | None = None


STAGES = (
    Stage("validate", "validate"),
    Stage("lint", "lint"),
    Stage("evaluate", "evaluate"),
    Stage("report", "report"),
    Stage("diff-edited", "diff", lambda nodes, path: edited_map(nodes)),
    Stage("diff-self", "diff", lambda nodes, path: path),
    Stage("diff-unrelated", "diff", lambda nodes, path: cached_map(nodes, UNRELATED_SEED)),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)


@dataclass
class Point:
    """One stage at one size: the best run of several (by CPU time), and what it produced."""

    nodes: int
    cpu: float
    wall: float
    peak_mb: float
    output_lines: int | None = 0  # None: nothing of argmap's to show (the engine's row)
    layout_cpu: float = 0.0
    layout_wall: float = 0.0
    page_bytes: int = 0

    @property
    def output(self) -> str:
        if self.page_bytes:
            return f"page of {self.page_bytes / 1e6:.1f} MB"
        if self.output_lines is None:
            return ""
        return f"{self.output_lines:,} line{'' if self.output_lines == 1 else 's'}"


@dataclass
class Growth:
    """One row of the table: a stage's points and its exponents."""

    stage: str
    points: list[Point] = field(default_factory=list)
    judged: bool = True
    failure: str = ""
    note: str = ""

    def pairs(self) -> list[float | None]:
        return [exponent(a.nodes, a.cpu, b.nodes, b.cpu)
                for a, b in itertools.pairwise(self.points)]

    def fit(self) -> float | None:
        large = [point for point in self.points if point.nodes >= JUDGED_FROM]
        return fitted_exponent([(point.nodes, point.cpu) for point in large])

    def verdict(self, bound: float = BOUND) -> str:
        if self.failure:
            return f"FAIL: {self.failure}"
        if not self.judged:
            return "not judged"
        judged = [value for value in (self.fit(), self._last_pair()) if value is not None]
        if not judged:
            return f"not judged (needs two sizes from {JUDGED_FROM:,} nodes)"
        worst = max(judged)
        verdict = f"pass (<= {bound})" if worst <= bound else f"FAIL (> {bound})"
        return f"{verdict}, {self.note}" if self.note else verdict

    def _last_pair(self) -> float | None:
        if len(self.points) < 2 or self.points[-2].nodes < JUDGED_FROM:
            return None
        return self.pairs()[-1]


def exponent(n1: int, t1: float, n2: int, t2: float) -> float | None:
    """``log(t2/t1) / log(n2/n1)``: how fast the time grows with the size between two sizes."""
    if n1 == n2 or t1 <= 0 or t2 <= 0:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def fitted_exponent(points: Sequence[tuple[int, float]]) -> float | None:
    """The least-squares slope of log(time) on log(size), or None below two sizes."""
    logs = [(math.log(n), math.log(t)) for n, t in points if n > 0 and t > 0]
    if len({x for x, _ in logs}) < 2:
        return None
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    spread = sum((x - mean_x) ** 2 for x, _ in logs)
    return sum((x - mean_x) * (y - mean_y) for x, y in logs) / spread


def measure(stage: Stage, nodes: int, profile: Path | None = None) -> Point:
    """One fresh worker process running ``stage`` on the map of ``nodes`` nodes."""
    path = cached_map(nodes)
    argv: list[str | Path] = [sys.executable, "-m", "benchmarks.command_worker", stage.command,
                              path, "--layouts", LAYOUT_STORE]
    if stage.other is not None:
        argv += ["--other", stage.other(nodes, path)]
    if profile is not None:
        argv += ["--profile", profile]
    sample = run_command(argv)
    if sample.exit_code != 0:
        raise RuntimeError(f"{stage.name} at {nodes:,} nodes: {sample.complaint}")
    result = json.loads(sample.stdout)
    return Point(nodes, result["cpu"], result["wall"], sample.peak_mb, result["output_lines"],
                 result["layout_cpu"], result["layout_wall"], result["page_bytes"])


def measure_row(stage: Stage, sizes: Sequence[int], repeat: int,
                row: Growth | None = None) -> Growth:
    """The best of ``repeat`` runs per size (by CPU time; the largest peak memory seen), in
    rounds over every size, so a burst of other work on the machine slows one run of each
    size rather than every run of one size. ``row``: earlier points to improve on."""
    best = {point.nodes: point for point in row.points} if row is not None else {}
    for _ in range(max(1, repeat)):
        for nodes in sizes:
            point, kept = measure(stage, nodes), best.get(nodes)
            if kept is not None:
                point.peak_mb = max(point.peak_mb, kept.peak_mb)
                if kept.cpu <= point.cpu:
                    kept.peak_mb = point.peak_mb
                    continue
            best[nodes] = point
    return Growth(stage.name, [best[nodes] for nodes in sorted(best)])


def growth_rows(stages: Iterable[Stage], sizes: Sequence[int],
                repeat: int) -> Iterable[Growth]:
    """Each stage's row as soon as it is measured; the report's engine row after the report.

    A row over the bound is measured again before it is reported (its judged sizes, as many
    runs again, best kept): a minute of heavy load elsewhere should not fail a linear stage."""
    for stage in stages:
        try:
            row = measure_row(stage, sizes, repeat)
            if row.verdict().startswith("FAIL"):
                judged = [nodes for nodes in sizes if nodes >= JUDGED_FROM]
                row = measure_row(stage, judged, repeat, row)
                row.note = "measured twice"
        except RuntimeError as error:
            row = Growth(stage.name, failure=str(error))
        yield row
        if stage.name == "report" and row.points:
            yield Growth(ENGINE_ROW, [Point(p.nodes, p.layout_cpu, p.layout_wall, 0.0, None)
                                      for p in row.points], judged=False)


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _exponent_text(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def table_header(sizes: Sequence[int]) -> list[str]:
    pairs = [f"{a:,}->{b:,}" for a, b in itertools.pairwise(sizes)]
    return ["stage", *(f"{nodes:,}" for nodes in sizes), *pairs,
            f"fit {JUDGED_FROM:,}+", "verdict"]


def table_cells(row: Growth, sizes: Sequence[int]) -> list[str]:
    times = [_seconds(point.cpu) for point in row.points]
    times += [""] * (len(sizes) - len(times))
    pairs = [_exponent_text(value) for value in row.pairs()]
    pairs += [""] * (max(0, len(sizes) - 1) - len(pairs))
    return [row.stage, *times, *pairs, _exponent_text(row.fit()), row.verdict()]


def detail_lines(rows: Sequence[Growth], markdown: bool) -> list[str]:
    """Per stage and size: CPU, wall, peak memory and output, for the record."""
    header = ["stage", "nodes", "cpu", "wall", "peak MB", "output"]
    lines = [format_line(header, markdown)]
    if markdown:
        lines.append("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        for point in row.points:
            peak = f"{point.peak_mb:.0f}" if point.peak_mb else ""
            lines.append(format_line([row.stage, f"{point.nodes:,}", _seconds(point.cpu),
                                      _seconds(point.wall), peak, point.output],
                                     markdown))
    return lines


def format_line(cells: Sequence[str], markdown: bool) -> str:
    if markdown:
        return "| " + " | ".join(cells) + " |"
    widths = [36] + [14] * (len(cells) - 2) + [0]
    return "".join(cell.ljust(width) if width else cell
                   for cell, width in zip(cells, widths, strict=True)).rstrip()


def profile_growth(stage: Stage, sizes: Sequence[int], top: int = 15) -> list[str]:
    """cProfile the stage at its two largest sizes; list argmap's functions whose number of
    calls, and whose own time, grow fastest. Call counts do not depend on the machine: a
    function called n^2 times shows an exponent of 2 however busy the neighbours are."""
    small, large = sorted(sizes)[-2:]
    with tempfile.TemporaryDirectory(prefix="argmap-scaling-profile-") as folder:
        stats = {}
        for nodes in (small, large):
            file = Path(folder) / f"{nodes}.prof"
            measure(stage, nodes, file)
            stats[nodes] = pstats.Stats(str(file)).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats[large].values())
    rows = []
    for key, (_, calls, own, _, _) in stats[large].items():
        before = stats[small].get(key)
        if before is None or "argmap" not in key[0]:
            continue
        growth = exponent(small, before[1], large, calls)
        rows.append((growth or 0.0, own / total, key, before[1], calls))
    rows.sort(key=lambda row: (-row[0], -row[1]))
    lines = [f"\nprofile of {stage.name}, {small:,} -> {large:,} nodes: argmap functions by "
             "growth of their call count (own time at the larger size in brackets)"]
    for growth, share, (file, line, name), before, calls in rows[:top]:
        where = f"{Path(file).parent.name}/{Path(file).name}:{line} {name}"
        lines.append(f"  {growth:5.2f}  {before:>9,} -> {calls:>10,} calls  ({share:5.1%})  "
                     f"{where}")
    return lines


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, help="node counts, comma-separated "
                        f"(default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--stages", type=_stages, default=STAGES,
                        help=f"comma-separated subset of {','.join(STAGE_NAMES)} (default: all)")
    parser.add_argument("--repeat", type=int, help="processes per figure, best kept (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help=f"sizes {','.join(map(str, QUICK_SIZES))}, one run each")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--profile", type=lambda name: _stages(name)[0], metavar="STAGE",
                        help="also profile STAGE at the two largest sizes (call counts)")
    options = parser.parse_args(argv)
    options.sizes = sorted(set(options.sizes or (QUICK_SIZES if options.quick
                                                 else DEFAULT_SIZES)))
    options.repeat = options.repeat or (1 if options.quick else 3)
    return options


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    if any(size < 20 for size in sizes):
        raise argparse.ArgumentTypeError("a generated map has at least 20 nodes")
    return sizes


def _stages(text: str) -> tuple[Stage, ...]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [name for name in chosen if name not in STAGE_NAMES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown stage(s) {', '.join(unknown)}; "
                                         f"choose from {', '.join(STAGE_NAMES)}")
    return tuple(stage for stage in STAGES if stage.name in chosen)


def _preamble(options: argparse.Namespace) -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"argmap scaling: Python {platform.python_version()} on {platform.machine()}, "
            f"{cpus} cores; best CPU time of {options.repeat} process(es) per figure, in-process "
            f"after imports; bound {BOUND} on the exponent from {JUDGED_FROM:,} nodes; "
            f"{load_average()}")


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    started = time.perf_counter()
    print(_preamble(options), flush=True)
    for nodes in options.sizes:  # generated (and cached) before anything is timed
        cached_map(nodes)
    header = table_header(options.sizes)
    print()
    print(format_line(header, options.markdown))
    if options.markdown:
        print("|" + "|".join("---" for _ in header) + "|")
    rows = []
    for row in growth_rows(options.stages, options.sizes, options.repeat):
        print(format_line(table_cells(row, options.sizes), options.markdown), flush=True)
        rows.append(row)
    print()
    print("\n".join(detail_lines(rows, options.markdown)))
    if options.profile is not None:
        print("\n".join(profile_growth(options.profile, options.sizes)))
    failed = [row.stage for row in rows if row.verdict().startswith("FAIL")]
    print(f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s; {load_average()}; "
          + (f"over the bound: {', '.join(failed)}" if failed else "none over the bound"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
