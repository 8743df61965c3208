"""The stages a user feels, each measured against its floor, and their budgets (the table
"Budgets" of docs/performance.md).

Every row is one measurement. A stage whose command does not exist yet (lint, render) is a row
that says "not available" rather than a missing row, so the table always has the same shape.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import Sample, argmap_command, best_of, in_process, run_command

STAGES = ("startup", "read", "validate", "lint", "dot", "layout")
BUDGET_SIZE = 5000
PEAK_BUDGET_MB = 200.0
LAYOUT_ENGINE = Path(sys.executable).with_name("graphviz-pure")


@dataclass(frozen=True)
class Budget:
    """What a row must stay within; any limit left ``None`` does not apply."""

    max_wall: float | None = None
    max_ratio: float | None = None
    max_peak_mb: float | None = None

    def describe(self) -> str:
        parts = []
        if self.max_wall is not None:
            parts.append(f"< {self.max_wall * 1000:.0f} ms" if self.max_wall < 1
                         else f"< {self.max_wall:g} s")
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x")
        if self.max_peak_mb is not None:
            parts.append(f"< {self.max_peak_mb:.0f} MB")
        return ", ".join(parts)

    def met(self, row: Row) -> bool:
        """Under the wall and memory limits; "within Nx" of the floor allows exactly Nx."""
        return (_within(row.wall, self.max_wall, strict=True)
                and _within(row.ratio, self.max_ratio, strict=False)
                and _within(row.peak_mb, self.max_peak_mb, strict=True))


def _within(value: float | None, limit: float | None, *, strict: bool) -> bool:
    if limit is None:
        return True
    if value is None:
        return False
    return value < limit if strict else value <= limit


@dataclass
class Row:
    stage: str
    wall: float | None = None
    peak_mb: float | None = None
    cpu: float | None = None
    ratio: float | None = None
    budget: Budget | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget is None:
            return ""
        if self.wall is None:
            return "n/a"
        return "pass" if self.budget.met(self) else "FAIL"


@dataclass
class Settings:
    stages: tuple[str, ...] = STAGES
    repeat: int = 3
    startup_repeat: int = 10
    layout_max: int = BUDGET_SIZE
    commands: dict[str, bool] = field(default_factory=dict)

    def has_command(self, name: str) -> bool:
        """Whether ``argmap NAME`` exists yet (asked once: ``argmap NAME --help`` exits 0)."""
        if name not in self.commands:
            probe = run_command([*argmap_command(), name, "--help"])
            self.commands[name] = probe.exit_code == 0
        return self.commands[name]


def _row(stage: str, sample: Sample, budget: Budget | None = None,
         floor: Row | None = None, ok_codes: tuple[int, ...] = (0,)) -> Row:
    if sample.exit_code not in ok_codes:
        return Row(stage, budget=budget, note=f"failed (exit {sample.exit_code}): "
                   f"{sample.complaint}")
    ratio = sample.wall / floor.wall if floor is not None and floor.wall else None
    return Row(stage, sample.wall, sample.peak_mb, sample.cpu, ratio, budget)


def _missing(stage: str, command: str, budget: Budget | None = None) -> Row:
    return Row(stage, budget=budget, note=f"not available: `argmap {command}` does not exist yet")


def startup_rows(settings: Settings, small_map: Path) -> Iterator[Row]:
    """Start-up as editors and hooks feel it, and the interpreter and imports beneath it."""
    runs, python = settings.startup_repeat, sys.executable
    yield _row("reference: python -c pass", best_of(runs, [python, "-c", "pass"]))
    yield _row("reference: import yaml, pydantic, typer, graphviz",
               best_of(runs, [python, "-c", "import yaml, pydantic, typer, graphviz"]))
    yield _row("argmap --version", best_of(runs, [*argmap_command(), "--version"]),
               Budget(max_wall=0.100))
    yield _row(f"argmap validate {small_map.parent.name}/{small_map.name}",
               best_of(runs, [*argmap_command(), "validate", small_map]), Budget(max_wall=0.250))


def size_rows(settings: Settings, nodes: int, path: Path) -> Iterator[Row]:
    """Every wanted stage on one map, each after the floor it is divided by."""
    bench = _SizeBench(settings, nodes, path)
    wanted = set(settings.stages)
    if wanted & {"read", "validate"}:
        yield bench.measure_yaml_floor()
    if "read" in wanted:
        yield _row("reference: the same, GC paused (in-process)",
                   in_process("yaml-floor-no-gc", path, settings.repeat), floor=bench.yaml_floor)
        yield _row("read: parse_yaml (in-process)", in_process("read", path, settings.repeat),
                   floor=bench.yaml_floor)
    if "validate" in wanted:
        yield bench.in_process_validate()
    if wanted & {"validate", "lint", "dot"}:
        yield bench.measure_cli_floor()
    if "validate" in wanted:
        yield bench.cli_validate()
    if "lint" in wanted:
        yield bench.lint()
    if wanted & {"dot", "layout"}:
        yield from bench.render()


@dataclass
class _SizeBench:
    """One map's measurements; later rows are divided by the floors measured first.

    Commands that read the map (validate, lint, render to DOT) are divided by the CLI floor,
    Python starting and PyYAML's C loader reading the same file: what any Python tool must pay.
    """

    settings: Settings
    nodes: int
    path: Path
    yaml_floor: Row | None = None
    cli_floor: Row | None = None

    @property
    def peak(self) -> float | None:
        return PEAK_BUDGET_MB if self.nodes == BUDGET_SIZE else None

    def budget(self, **limits: float | None) -> Budget | None:
        """The budget at this size (they are set at 5,000 nodes), or None."""
        if self.nodes != BUDGET_SIZE:
            return None
        return Budget(max_peak_mb=self.peak, **limits)

    def measure_yaml_floor(self) -> Row:
        sample = in_process("yaml-floor", self.path, self.settings.repeat)
        self.yaml_floor = _row("floor: yaml.load CSafeLoader (in-process)", sample)
        return self.yaml_floor

    def measure_cli_floor(self) -> Row:
        load = "import sys, yaml; yaml.load(open(sys.argv[1]).read(), Loader=yaml.CSafeLoader)"
        sample = best_of(self.settings.repeat, [sys.executable, "-c", load, self.path])
        self.cli_floor = _row("floor: python + yaml.load CSafeLoader (CLI)", sample)
        return self.cli_floor

    def in_process_validate(self) -> Row:
        budget = Budget(max_ratio=2.0) if self.nodes == BUDGET_SIZE else None
        return _row("validate: load_map (in-process)",
                    in_process("validate", self.path, self.settings.repeat), budget,
                    self.yaml_floor)

    def cli_validate(self) -> Row:
        command: list[str | Path] = [*argmap_command(), "validate", self.path]
        return _row("argmap validate (CLI)", best_of(self.settings.repeat, command),
                    self.budget(max_ratio=2.0), self.cli_floor)

    def lint(self) -> Row:
        budget = self.budget(max_wall=1.0)
        if not self.settings.has_command("lint"):
            return _missing("argmap lint (CLI)", "lint", budget)
        command: list[str | Path] = [*argmap_command(), "lint", self.path]
        # Exit 1 means findings, which is a normal outcome for lint.
        return _row("argmap lint (CLI)", best_of(self.settings.repeat, command), budget,
                    self.cli_floor, ok_codes=(0, 1))

    def render(self) -> Iterator[Row]:
        stages, nodes, peak = self.settings.stages, self.nodes, self.peak
        if not self.settings.has_command("render"):
            if "dot" in stages:
                yield _missing("argmap render --format dot (CLI)", "render")
            if "layout" in stages:
                yield _missing("argmap render --format svg (CLI)", "render",
                               _render_budget(nodes, peak))
            return
        folder = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
        try:
            dot_row, dot_file = _render(self.settings, self.path, folder / "dot", "dot",
                                        self.settings.repeat, self.cli_floor)
            if "dot" in stages:
                dot_row.budget = self.budget()
                yield dot_row
            if "layout" in stages:
                yield from _layout_rows(self.settings, nodes, self.path, dot_file, folder, peak)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _render_budget(nodes: int, peak: float | None) -> Budget | None:
    ratio = {1000: 1.5, BUDGET_SIZE: 1.1}.get(nodes)
    return Budget(max_ratio=ratio, max_peak_mb=peak) if ratio or peak else None


def _layout_rows(settings: Settings, nodes: int, path: Path, dot_file: Path | None,
                 folder: Path, peak: float | None) -> Iterator[Row]:
    budget = _render_budget(nodes, peak)
    if nodes > settings.layout_max:
        note = f"skipped: layout above {settings.layout_max:,} nodes (--layout-max)"
        yield Row("floor: graphviz-pure -Tsvg (layout alone)", note=note)
        yield Row("argmap render --format svg (CLI)", note=note)
        return
    if dot_file is None:
        yield Row("floor: graphviz-pure -Tsvg (layout alone)", note="no DOT file to lay out")
        return
    # Best of several runs even though layout takes seconds: one run is at the mercy of whatever
    # else the machine does, and the budgets here are ratios of two such runs.
    runs = settings.repeat
    floor = _row("floor: graphviz-pure -Tsvg (layout alone)",
                 best_of(runs, [LAYOUT_ENGINE, "-Tsvg", dot_file, "-o", folder / "floor.svg"]))
    yield floor
    row, _ = _render(settings, path, folder / "svg", "svg", runs, floor)
    row.budget = budget
    yield row


def _render(settings: Settings, path: Path, output: Path, fmt: str, runs: int,
            floor: Row | None = None) -> tuple[Row, Path | None]:
    """Run ``argmap render`` into ``output``; return its row and the file it wrote."""
    output.mkdir(parents=True, exist_ok=True)
    sample = best_of(runs, [*argmap_command(), "render", path, "-o", output, "--format", fmt])
    row = _row(f"argmap render --format {fmt} (CLI)", sample, floor=floor)
    written = sorted(output.rglob(f"*.{fmt}"), key=lambda file: file.stat().st_size)
    if row.wall is not None and not written:
        row.note = f"wrote no .{fmt} file under the output folder"
    elif written:
        row.note = _describe_output(written[-1])
    return row, written[-1] if written else None


def _describe_output(path: Path) -> str:
    """Size of what render wrote; for DOT also its edges (the layout engine's work grows with
    them, and more with long ones)."""
    data = path.read_bytes()
    edges = f", {data.count(b'->'):,} edges" if path.suffix == ".dot" else ""
    return f"{path.suffix[1:].upper()} {len(data) / 1e6:.1f} MB{edges}"

