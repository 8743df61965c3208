"""Time every stage of argmap on synthetic maps and print one table per size.

    python -m benchmarks.run [--sizes 100,1000,5000,20000] [--stages startup,read,...] [--quick]

Run it from the repository root with the interpreter argmap is installed in. Each stage is timed
as the user feels it (the CLI in a fresh process: wall time and peak memory), plus in-process
read and validate, and each is divided by its floor: PyYAML's C loader alone on the same file, or
the layout engine alone on the DOT that argmap wrote. Budgets and the recorded figures are
in ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from benchmarks.generate import cached_map, map_counts
from benchmarks.imports import import_costs
from benchmarks.measure import cpu_count, load_average, package_version
from benchmarks.stages import BUDGET_SIZE, STAGES, Row, Settings, size_rows, startup_rows

DEFAULT_SIZES = (100, 1000, BUDGET_SIZE, 20000)
QUICK_SIZES = (100, 1000)
SMALL_MAP_NODES = 100
COLUMNS = ("stage", "wall", "cpu", "peak MB", "ratio to floor", "budget", "result")


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    settings = Settings(stages=options.stages, repeat=options.repeat,
                        startup_repeat=options.startup_repeat, layout_max=options.layout_max)
    started = time.perf_counter()
    print(_preamble(options))
    rows: list[Row] = []
    if "startup" in options.stages:
        small = cached_map(SMALL_MAP_NODES)
        rows += _section("start-up", startup_rows(settings, small), options.markdown)
        print(_imports_line(small))
    for nodes in options.sizes:
        path = cached_map(nodes)
        rows += _section(_size_title(nodes, path), size_rows(settings, nodes, path),
                         options.markdown)
    print(_summary(rows, time.perf_counter() - started))
    return 1 if any(row.verdict == "FAIL" for row in rows) else 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, help="node counts, comma-separated "
                        f"(default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--stages", type=_stages, default=STAGES,
                        help=f"comma-separated subset of {','.join(STAGES)} (default: all)")
    parser.add_argument("--repeat", type=int, help="runs per measurement, best kept (default 3)")
    parser.add_argument("--startup-repeat", type=int, help="runs per start-up figure (default 10)")
    parser.add_argument("--layout-max", type=int, default=BUDGET_SIZE,
                        help="largest map to lay out (default %(default)s; 20,000 takes minutes)")
    parser.add_argument("--quick", action="store_true",
                        help=f"sizes {','.join(map(str, QUICK_SIZES))}, one run each (< 1 min)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    options = parser.parse_args(argv)
    options.sizes = options.sizes or (QUICK_SIZES if options.quick else DEFAULT_SIZES)
    options.repeat = options.repeat or (1 if options.quick else 3)
    options.startup_repeat = options.startup_repeat or (3 if options.quick else 10)
    return options


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def _stages(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [stage for stage in chosen if stage not in STAGES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown stage(s) {', '.join(unknown)}; "
                                         f"choose from {', '.join(STAGES)}")
    return chosen


def _preamble(options: argparse.Namespace) -> str:
    packages = ", ".join(f"{name} {package_version(name)}"
                         for name in ("argmap", "PyYAML", "pydantic", "typer", "graphviz-pure"))
    return (f"argmap benchmarks: Python {platform.python_version()} on {platform.machine()}, "
            f"{cpu_count()} cores; {packages}\n"
            f"repeat {options.repeat} (fastest kept), "
            f"start-up repeat {options.startup_repeat}; stages {','.join(options.stages)}; "
            f"{load_average()}")


def _size_title(nodes: int, path: Path) -> str:
    counts = map_counts(path)
    megabytes = path.stat().st_size / 1e6
    parts = ", ".join(f"{counts.get(name, 0):,} {name}"
                      for name in ("quotes", "propositions", "inferences", "attacks", "sources"))
    return f"{nodes:,} nodes ({parts}; {megabytes:.1f} MB of YAML)"


def _section(title: str, rows: Iterable[Row], markdown: bool) -> list[Row]:
    """Print a table row by row as each is measured (slow stages show progress); return them."""
    print(f"\n## {title}\n" if markdown else f"\n== {title} ==")
    print(_line(COLUMNS, markdown))
    if markdown:
        print("|" + "|".join("---" for _ in COLUMNS) + "|")
    done = []
    for row in rows:
        print(_line(_cells(row), markdown), flush=True)
        done.append(row)
    return done


def _cells(row: Row) -> tuple[str, ...]:
    wall, cpu = _seconds(row.wall), _seconds(row.cpu)
    peak = "" if row.peak_mb is None else f"{row.peak_mb:.0f}"
    ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
    budget = row.budget.describe() if row.budget is not None else ""
    result = " ".join(part for part in (row.verdict, row.note) if part)
    return row.stage, wall, cpu, peak, ratio, budget, result


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _line(cells: Iterable[str], markdown: bool) -> str:
    cells = list(cells)
    if markdown:
        return "| " + " | ".join(cells) + " |"
    widths = (52, 10, 10, 9, 16, 20, 0)
    return "".join(cell.ljust(width) if width else cell
                   for cell, width in zip(cells, widths, strict=True)).rstrip()


def _imports_line(small_map: Path) -> str:
    costs = import_costs([sys.executable, "-m", "argmap", "validate", small_map])
    listed = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in costs)
    return f"\nimports of `argmap validate` (own time by package, -X importtime): {listed}"


def _summary(rows: list[Row], seconds: float) -> str:
    lines = [f"\n{len(rows)} measurements in {seconds:.0f} s; {load_average()}."]
    lines += _verdicts(rows)
    return "\n".join(lines)


def _verdicts(rows: list[Row]) -> Iterator[str]:
    failed = [row.stage for row in rows if row.verdict == "FAIL"]
    missing = sorted({row.note for row in rows if row.note.startswith("not available")})
    judged = [row for row in rows if row.verdict in ("pass", "FAIL")]
    if not judged:
        yield "budgets: none apply to the sizes and stages measured"
    else:
        yield f"budgets: {len(judged) - len(failed)} of {len(judged)} met" + (
            f"; missed: {', '.join(failed)}" if failed else "")
    yield from missing


if __name__ == "__main__":
    raise SystemExit(main())
