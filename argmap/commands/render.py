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
from argmap.problems import ArgmapError, UsageError
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.model import LoadedMap
    from argmap.render.dot import DrawOptions
    from argmap.render.engine import Engine
    from argmap.render.stamp import Stamp

IMAGE_FORMATS = ("svg", "png", "dot")
SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot"}
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


def run_render(settings: RenderSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    files, missing = collect_map_files(settings.paths)
    result = RenderResult(Batch(missing))
    try:
        check_view(settings)
        formats = resolve_formats(settings)
        plan = {path: output_targets(path, settings, formats, len(files)) for path in files}
        check_collisions(plan)
        engine = None if settings.check or formats == ("dot",) else _engine(settings)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return 2
    for number, (path, targets) in enumerate(plan.items(), start=1):
        started = time.perf_counter()
        if _render_one(path, targets, settings, engine, result, err) and not settings.quiet:
            _progress(err, number, len(plan), path, targets, settings, started)
    write_problems(result.batch, settings.problem_format, out, err)
    for message in result.stale:
        err.write(f"argmap: {message}\n")
    if not settings.quiet:
        err.write(result.batch.summary(_verdict(result, settings)))
    return result.batch.exit_code(bool(result.stale))


def _engine(settings: RenderSettings) -> Engine:
    from argmap.render.engine import find_engine

    return find_engine(settings.engine)


def resolve_formats(settings: RenderSettings) -> tuple[str, ...]:
    """Formats asked for; without ``--format``, the suffix of ``-o FILE``; else SVG."""
    if settings.formats:
        unknown = [fmt for fmt in settings.formats if fmt not in IMAGE_FORMATS]
        if unknown:
            raise UsageError(f"--format: unknown format {unknown[0]!r}; "
                             f"choose from {', '.join(IMAGE_FORMATS)}")
        return tuple(dict.fromkeys(settings.formats))
    if settings.output is not None and not is_folder(settings.output, several=False):
        return (SUFFIX_FORMATS.get(settings.output.suffix.lower(), "svg"),)
    return ("svg",)


def is_folder(output: Path, *, several: bool) -> bool:
    """``-o`` names a folder when it is one, ends with a slash, has no suffix (``-o docs``), or
    several maps are rendered; otherwise it names the file (``-o docs/map.svg``)."""
    return (several or output.is_dir() or not output.suffix
            or str(output).endswith(("/", "\\")))


def output_targets(map_path: Path, settings: RenderSettings, formats: tuple[str, ...],
                   count: int) -> dict[str, Path]:
    """Where each format of one map goes: beside the map, into ``-o DIR``, or to ``-o FILE``.
    A view other than the whole map gets a name of its own (see :func:`view_stem`), so it never
    lands on the full diagram."""
    output = settings.output
    if output is not None and not is_folder(output, several=count > 1):
        if len(formats) == 1:
            return {formats[0]: output}
        return {fmt: output.with_suffix(f".{fmt}") for fmt in formats}
    folder = map_path.parent if output is None else output
    stem = view_stem(map_path.stem, settings)
    return {fmt: folder / f"{stem}.{fmt}" for fmt in formats}


def view_stem(stem: str, settings: RenderSettings) -> str:
    """``MAP``, ``MAP.overview``, ``MAP.basis-ID`` or ``MAP.focus-ID`` (ids are file-safe)."""
    if settings.view == "overview":
        return f"{stem}.overview"
    if settings.view == "basis":
        return f"{stem}.basis-{settings.focus}"
    if settings.focus is not None:
        return f"{stem}.focus-{settings.focus}"
    return stem


def check_collisions(plan: dict[Path, dict[str, Path]]) -> None:
    seen: dict[Path, Path] = {}
    for map_path, targets in plan.items():
        for target in targets.values():
            other = seen.setdefault(target, map_path)
            if other != map_path:
                raise UsageError(f"{other} and {map_path} would both be drawn to {target}; "
                                 "render them into different folders")


def _render_one(path: Path, targets: dict[str, Path], settings: RenderSettings,
                engine: Engine | None, result: RenderResult, err: TextIO) -> bool:
    """Render (or check) one map; record what went wrong in ``result``. True when it went well."""
    outcome = load_one(path, settings.limits)
    loaded = outcome.map
    if loaded is None:
        result.batch.add(outcome)
        return False
    try:
        options = draw_options(loaded, settings)
        if settings.check:
            return check_map(loaded, options, targets, result)
        write_map(loaded, options, targets, settings, engine, result, err)
        return True
    except ArgmapError as error:
        outcome = outcome.failed(error)
    finally:
        result.batch.add(outcome)
    return False


def check_view(settings: RenderSettings) -> None:
    """The view and ``--focus`` agree: basis needs one element, the overview takes none."""
    from argmap.render.dot import VIEWS

    if settings.view not in VIEWS:
        raise UsageError(f"--view: unknown view {settings.view!r}; choose from {', '.join(VIEWS)}")
    if settings.view == "basis" and settings.focus is None:
        raise UsageError("--view basis draws what one element rests on: give it with --focus ID")
    if settings.view == "overview" and settings.focus is not None:
        raise UsageError("--view overview draws the whole map; --focus applies to the full "
                         "and basis views")


def draw_options(loaded: LoadedMap, settings: RenderSettings) -> DrawOptions:
    from argmap.render.dot import DrawOptions

    if settings.focus is not None and loaded.index.get(settings.focus) is None:
        raise UsageError(f"{loaded.path}: --focus: no element with id {settings.focus!r}"
                         + did_you_mean(settings.focus, loaded.index.by_id))
    return DrawOptions(settings.focus, settings.depth, settings.legend, settings.view)


def check_map(loaded: LoadedMap, options: DrawOptions, targets: dict[str, Path],
              result: RenderResult) -> bool:
    """Each target must exist and carry the stamp of this map's current text and options."""
    from argmap.render.stamp import input_hash, read_stamp_details

    digest = input_hash(loaded.text, options.describe())
    fine = True
    for target in targets.values():
        found = read_stamp_details(target)
        if found is not None and found.digest == digest:
            result.fresh += 1
            continue
        fine = False
        command = f"argmap render {loaded.path}{_view_arguments(options)} -o {target}"
        result.stale.append(f"{target} {_why_stale(loaded, options, target, found)}; "
                            f"run `{command}` to redraw it")
    return fine


def _why_stale(loaded: LoadedMap, options: DrawOptions, target: Path,
               found: Stamp | None) -> str:
    """The true reason, as far as the stamp tells it."""
    from argmap.render.stamp import RENDERER_VERSION, map_hash

    if found is None:
        return "is missing" if not target.exists() else "has no argmap stamp"
    if found.renderer != RENDERER_VERSION:
        return (f"was drawn by another version of argmap (renderer {found.renderer}, "
                f"this one draws {RENDERER_VERSION})")
    if found.options is not None and found.options != options.describe():
        return (f"was drawn with other options ({found.options}, expected "
                f"{options.describe()}): another view was written over it")
    if found.map_digest is not None and found.map_digest != map_hash(loaded.text):
        return f"is stale: {loaded.path} changed since it was drawn"
    return f"is stale: {loaded.path} or the drawing options changed since it was drawn"


def _view_arguments(options: DrawOptions) -> str:
    words = "" if options.view == "full" else f" --view {options.view}"
    if options.focus is not None:
        words += f" --focus {options.focus}"
        if options.view == "full":
            words += f" --depth {options.depth}"
    return words + ("" if options.legend else " --no-legend")


def write_map(loaded: LoadedMap, options: DrawOptions, targets: dict[str, Path],
              settings: RenderSettings, engine: Engine | None, result: RenderResult,
              err: TextIO) -> None:
    from argmap.atomic import write_bytes_atomic
    from argmap.render.pipeline import draw

    drawing = draw(loaded, options, tuple(targets), engine, settings.timeout,
                   max_nodes=None if settings.force else settings.max_nodes)
    if settings.verbose:
        for warning in drawing.warnings:
            err.write(f"argmap: {loaded.path}: engine: {warning}\n")
    for fmt, target in targets.items():
        _make_folder(target.parent)
        write_bytes_atomic(target, drawing.outputs[fmt])
        result.written.append(target)


def _make_folder(folder: Path) -> None:
    from argmap.problems import UnreadableInputError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UnreadableInputError(f"{folder}: cannot create folder: "
                                   f"{error.strerror or error}") from None


def _progress(err: TextIO, number: int, total: int, path: Path, targets: dict[str, Path],
              settings: RenderSettings, started: float) -> None:
    verb = "checked" if settings.check else "wrote"
    names = ", ".join(str(target) for target in targets.values())
    counter = f"[{number}/{total}] " if total > 1 else ""
    err.write(f"{counter}{path}: {verb} {names} ({time.perf_counter() - started:.1f} s)\n")


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
    return f"rendered {plural(len(result.written), 'file')} from {batch.count_files('map')}"
