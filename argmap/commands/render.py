"""``argmap render``: maps become diagrams (SVG, PNG or DOT); ``--check`` finds stale ones.

Exit codes: 0 all good; 1 a map is invalid (its problems are printed as ``argmap validate`` prints
them) or ``--check`` found a diagram missing or stale; 2 usage errors, unreadable input, no engine,
a failed or timed-out layout.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.batch import Batch, collect_map_files, load_one, plural
from argmap.output import write_problems
from argmap.problems import ArgmapError
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.render.plan import (
    Targets,
    check_collisions,
    check_view,
    output_targets,
    resolve_formats,
    view_stem,
)

if TYPE_CHECKING:
    from argmap.model import LoadedMap
    from argmap.render.dot import DrawOptions
    from argmap.render.engine import Engine
    from argmap.render.stamp import Fingerprint

# Layout time grows faster than the node count (graphviz-pure on synthetic maps: 0.2 s at 1,000
# nodes, 1.8 s at 5,000, 5.7 s at 10,000, 23 s at 20,000; Graphviz 2.43: 37 s at 20,000); past
# this many elements it runs into minutes. See docs/rendering.md, "Big maps".
MAX_NODES = 25_000
DEFAULT_DEPTH = 2


@dataclass(frozen=True)
class RenderSettings:
    paths: Sequence[Path]
    output: Path | None = None
    formats: tuple[str, ...] = ()
    check: bool = False
    engine: str | None = None
    timeout: float = 300.0
    focus: str | None = None
    depth: int = DEFAULT_DEPTH
    legend: bool = True
    view: str = "full"
    force: bool = False
    max_nodes: int = MAX_NODES
    quiet: bool = False
    verbose: bool = False
    problem_format: str = "auto"
    limits: Limits = DEFAULT_LIMITS


@dataclass
class RenderResult:
    """The batch of maps, plus what rendering and checking found."""

    batch: Batch = field(default_factory=Batch)
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    fresh: int = 0
    unchanged: list[Path] = field(default_factory=list)


def run_render(settings: RenderSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    files, missing = collect_map_files(settings.paths)
    result = RenderResult(Batch(missing))
    try:
        plan = plan_targets(settings, files)
        formats = {fmt for targets in plan.values() for fmt in targets}
        engine = None if settings.check or formats <= {"dot"} else _engine(settings)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return 2
    for number, (path, targets) in enumerate(plan.items(), start=1):
        started = time.perf_counter()
        if _render_one(path, targets, settings, engine, result, err) and not settings.quiet:
            _progress(err, number, len(plan), path, targets, settings, started,
                      set(result.unchanged))
    write_problems(result.batch, settings.problem_format, out, err)
    for message in result.stale:
        err.write(f"argmap: {message}\n")
    if not settings.quiet:
        err.write(result.batch.summary(_verdict(result, settings)))
    return result.batch.exit_code(bool(result.stale))


def _engine(settings: RenderSettings) -> Engine:
    from argmap.render.engine import find_engine

    return find_engine(settings.engine)


def plan_targets(settings: RenderSettings, files: list[Path]) -> dict[Path, Targets]:
    """Where each map's diagrams go (every usage error found before anything is drawn)."""
    check_view(settings.view, settings.focus)
    formats = resolve_formats(settings.formats, settings.output)
    plan = {path: output_targets(path, settings.output, formats, len(files),
                                 view_stem(path.stem, settings.view, settings.focus))
            for path in files}
    check_collisions(plan)
    return plan


def _render_one(path: Path, targets: Targets, settings: RenderSettings,
                engine: Engine | None, result: RenderResult, err: TextIO) -> bool:
    """Render (or check) one map; record what went wrong in ``result``. True when it went well."""
    outcome = load_one(path, settings.limits)
    loaded = outcome.map
    if loaded is None:
        result.batch.add(outcome)
        return False
    try:
        if settings.check:
            return _check_one(loaded, targets, settings, result)
        _draw_one(loaded, targets, settings, engine, result, err)
        return True
    except ArgmapError as error:
        outcome = outcome.failed(error)
    finally:
        result.batch.add(outcome)
    return False


def _options(loaded: LoadedMap, settings: RenderSettings) -> tuple[DrawOptions, Fingerprint]:
    from argmap.render.plan import draw_options
    from argmap.render.stamp import Fingerprint

    options = draw_options(loaded, settings.focus, settings.depth, settings.legend,
                           settings.view)
    return options, Fingerprint.of(loaded.text, options.stamp_key())


def _check_one(loaded: LoadedMap, targets: Targets, settings: RenderSettings,
               result: RenderResult) -> bool:
    from argmap.render.freshness import check_diagrams

    options, fingerprint = _options(loaded, settings)
    found = check_diagrams(loaded.path, options, fingerprint, targets)
    result.fresh += found.fresh
    result.stale.extend(found.stale)
    return not found.stale


def _draw_one(loaded: LoadedMap, targets: Targets, settings: RenderSettings,
              engine: Engine | None, result: RenderResult, err: TextIO) -> None:
    from argmap.render.pipeline import draw, write_drawing

    options, fingerprint = _options(loaded, settings)
    if not settings.force:
        targets = _needing_redraw(targets, fingerprint, result)
        if not targets:
            return
    drawing = draw(loaded, options, tuple(targets), engine, settings.timeout,
                   None if settings.force else settings.max_nodes, fingerprint)
    if settings.verbose:
        for warning in drawing.warnings:
            err.write(f"argmap: {loaded.path}: engine: {warning}\n")
    result.written.extend(write_drawing(drawing, targets))


def _needing_redraw(targets: Targets, fingerprint: Fingerprint, result: RenderResult
                    ) -> Targets:
    """The targets whose stamp is not this map's and options' fingerprint: a diagram that
    already shows this text, drawn this way, is not laid out again (``--force`` redraws)."""
    from argmap.render.stamp import read_stamp_details

    needed = {}
    for fmt, target in targets.items():
        stamp = read_stamp_details(target)
        if stamp is not None and stamp.digest == fingerprint.digest:
            result.unchanged.append(target)
        else:
            needed[fmt] = target
    return needed


def _progress(err: TextIO, number: int, total: int, path: Path, targets: Targets,
              settings: RenderSettings, started: float, unchanged: set[Path]) -> None:
    verb = "checked" if settings.check else "wrote"
    drawn = [str(target) for target in targets.values() if target not in unchanged]
    kept = [str(target) for target in targets.values() if target in unchanged]
    said = [f"{verb} {', '.join(drawn)}"] if drawn else []
    said += [f"{', '.join(kept)} up to date"] if kept else []
    counter = f"[{number}/{total}] " if total > 1 else ""
    err.write(f"{counter}{path}: {'; '.join(said)} ({time.perf_counter() - started:.1f} s)\n")


def _verdict(result: RenderResult, settings: RenderSettings) -> str:
    batch = result.batch
    if settings.check and result.stale:
        total = result.fresh + len(result.stale)
        return f"{len(result.stale)} of {total} diagrams stale or missing"
    if batch.invalid:
        return f"{batch.invalid} of {batch.count_files('map')} invalid"
    if settings.check:
        total = result.fresh
        return f"{total} {'diagram is' if total == 1 else 'diagrams are'} up to date"
    rendered = f"rendered {plural(len(result.written), 'file')} from {batch.count_files('map')}"
    if not result.unchanged:
        return rendered
    unchanged = f"{plural(len(result.unchanged), 'file')} up to date, not redrawn (--force redraws)"
    return f"{rendered}; {unchanged}" if result.written else unchanged
