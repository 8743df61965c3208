"""Worker: run one argmap command's core once in this process, after its imports; print JSON.

    python -m benchmarks.command_worker validate|lint|evaluate|report|diff MAP [--other MAP]
        [--layouts DIR] [--profile FILE]

The command runs as the CLI runs it (the same core function, settings and collector policy,
output written to memory), after one warm-up run on a small map has imported everything it
imports and built the models: what is timed is the command's work on ``MAP``, not start-up
(which is constant and measured by ``benchmarks.run``). ``diff`` compares ``MAP`` with
``--other``.

``report`` lays the map out with the layout engine, a child process: its CPU time is the
child's, not this process's, so ``cpu`` is argmap's own work and ``layout_cpu`` the engine's.
With ``--layouts DIR`` each layout is kept there by the digest of its DOT source and engine and
replayed on later runs (the engine's time is then the one recorded when it ran): argmap gets
the same bytes back, so its own work is the same, without minutes of layout per repetition.

Prints ``{"cpu", "wall", "layout_cpu", "layout_wall", "layouts", "exit", "output_lines",
"page_bytes"}``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import cached_map

COMMANDS = ("validate", "lint", "evaluate", "report", "diff")
WARM_UP_NODES = 30


@dataclass
class EngineTime:
    """Time spent in layout engines during one run: CPU and wall seconds, and how many layouts."""

    cpu: float = 0.0
    wall: float = 0.0
    count: int = 0
    inside: float = 0.0  # wall seconds this process waited for (or replayed) layouts

    def add(self, cpu: float, wall: float, inside: float) -> None:
        self.cpu, self.wall, self.inside = self.cpu + cpu, self.wall + wall, self.inside + inside
        self.count += 1

    def clear(self) -> None:
        self.cpu = self.wall = self.inside = 0.0
        self.count = 0


def command(name: str, path: Path, other: Path | None, folder: Path,
            out: io.StringIO) -> Callable[[], int]:
    """The command's core, ready to call as the CLI would (its output kept in ``out``)."""
    err = io.StringIO()
    if name == "validate":
        from argmap.commands.validate import ValidateSettings, run_validate

        return lambda: run_validate(ValidateSettings([path]), out, err)
    if name == "lint":
        from argmap.commands.lint import LintCommandSettings, run_lint

        return lambda: run_lint(LintCommandSettings([path]), out, err)
    if name == "evaluate":
        from argmap.commands.evaluate import EvaluateSettings, run_evaluate

        return lambda: run_evaluate(EvaluateSettings([path]), out, err)
    if name == "report":
        from argmap.commands.report import ReportSettings, run_report

        return lambda: run_report(ReportSettings([path], output=folder / "page.html"), out, err)
    if name == "diff":
        from argmap.commands.diff import DiffSettings, run_diff

        return lambda: run_diff(DiffSettings(sides=[str(path), str(other or path)]), out, err)
    raise SystemExit(f"unknown command {name!r}; choose from {', '.join(COMMANDS)}")


def replay_layouts(store: Path | None, spent: EngineTime) -> None:
    """Count the layout engine's time apart, and with ``store`` keep each layout to replay it.

    The report starts its layouts (one engine process per view, side by side) and waits for
    each when it needs it; the CPU time of the child reaped while waiting is that layout's."""
    from argmap.render import pipeline
    from argmap.render.engine import Layout
    from argmap.render.layouts import PendingLayout

    start_uncached = pipeline.start_uncached

    def replayed(engine: Any, dot_source: str, formats: Sequence[str],
                 *args: Any, **kwargs: Any) -> PendingLayout:
        key = hashlib.sha256(f"{engine.label}\n{sorted(formats)}\n{dot_source}".encode())
        kept = store / f"{key.hexdigest()}.json" if store is not None else None
        if kept is not None and kept.exists():
            started = time.perf_counter()
            record = json.loads(kept.read_text(encoding="utf-8"))
            layout = Layout({fmt: data.encode("utf-8") for fmt, data in record["outputs"].items()},
                            record["warnings"])
            spent.add(record["cpu"], record["wall"], time.perf_counter() - started)
            return PendingLayout("", engine, layout, None, None)
        pending = start_uncached(engine, dot_source, formats, *args, **kwargs)
        pending.finish = _timed_finish(pending, kept, spent)  # type: ignore[method-assign]
        return pending

    pipeline.start_uncached = replayed


def _timed_finish(pending: Any, kept: Path | None, spent: EngineTime) -> Callable[[], Any]:
    finish, started = pending.finish, time.perf_counter()

    def timed() -> Any:
        children, waiting = _children_cpu(), time.perf_counter()
        layout = finish()
        done = time.perf_counter()
        cpu, wall = _children_cpu() - children, done - started
        spent.add(cpu, wall, done - waiting)
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            outputs = {fmt: data.decode("utf-8") for fmt, data in layout.outputs.items()}
            record = {"engine": pending.engine.label, "cpu": cpu, "wall": wall,
                      "outputs": outputs, "warnings": layout.warnings}
            staging = kept.with_suffix(".staging")
            staging.write_text(json.dumps(record), encoding="utf-8")
            staging.replace(kept)
        return layout

    return timed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(name: str, path: Path, other: Path | None, layouts: Path | None,
            profile: Path | None) -> dict[str, float | int]:
    from argmap import gcpolicy

    spent = EngineTime()
    replay_layouts(layouts, spent)
    with tempfile.TemporaryDirectory(prefix="argmap-scaling-") as folder:
        small = cached_map(WARM_UP_NODES)
        # Imports, models, rule tables: start-up, which this does not measure.
        command(name, small, small, Path(folder), io.StringIO())()
        out = io.StringIO()
        work = command(name, path, other, Path(folder), out)
        spent.clear()  # the warm-up's layouts are not the map's
        gc.collect()
        gcpolicy.one_shot()  # as the CLI process runs every command (argmap/gcpolicy.py)
        profiler = cProfile.Profile() if profile is not None else None
        started, started_cpu = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.enable()
        code = work()
        if profiler is not None:
            profiler.disable()
        wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        page = sum(file.stat().st_size for file in Path(folder).glob("*.html"))
    if profiler is not None and profile is not None:
        profiler.dump_stats(profile)
    return {"cpu": cpu, "wall": wall - spent.inside, "layout_cpu": spent.cpu,
            "layout_wall": spent.wall, "layouts": spent.count, "exit": code,
            "output_lines": out.getvalue().count("\n"), "page_bytes": page}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("path", type=Path)
    parser.add_argument("--other", type=Path, help="the second side of diff")
    parser.add_argument("--layouts", type=Path, help="folder that keeps layouts to replay")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    options = parser.parse_args(argv)
    print(json.dumps(measure(options.command, options.path, options.other, options.layouts,
                             options.profile)))


if __name__ == "__main__":
    main()
