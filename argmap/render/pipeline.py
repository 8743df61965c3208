"""One map to finished, stamped diagrams: DOT source, size guard, one layout, stamps; several
views of one map laid out side by side."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import LoadedMap
from argmap.problems import ArgmapError, UsageError
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.engine import DEFAULT_TIMEOUT, Engine, EngineError
from argmap.render.layouts import LayoutCache, PendingLayout, start_uncached
from argmap.render.stamp import Fingerprint, stamp

# Graphviz 2.43 writes a link's "&" as it is (``href="...?a=1&b=2"``), which no XML parser accepts;
# graphviz-pure escapes it. Every other "&" either engine writes starts an entity.
_BARE_AMPERSAND = re.compile(rb"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")


class TooBigError(UsageError):
    """The drawing has more nodes than a layout can handle in reasonable time (exit code 2)."""


@dataclass
class Drawing:
    """The bytes of each format, stamped, and the engine's warnings worth showing. ``layout``
    names the layout it was made from (:func:`argmap.render.layouts.layout_key`; empty when
    nothing was laid out or nothing kept): equal keys, equal drawings but for the stamp."""

    outputs: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)
    layout: str = ""


@dataclass(frozen=True)
class _Source:
    """One view's DOT text, checked, and the stamp its outputs get."""

    dot: str
    nodes: int
    fingerprint: Fingerprint


def draw(loaded: LoadedMap, options: DrawOptions, formats: Sequence[str],
         engine: Engine | None, timeout: float = DEFAULT_TIMEOUT,
         max_nodes: int | None = None, fingerprint: Fingerprint | None = None,
         layouts: LayoutCache | None = None) -> Drawing:
    """Draw ``loaded`` in every one of ``formats`` (``dot`` needs no engine), stamped with
    ``fingerprint`` (computed here when the caller has not already); a layout kept in
    ``layouts`` for the same DOT text is not made again."""
    source = _dot_source(loaded, options, max_nodes, fingerprint)
    with contextlib.ExitStack() as running:
        pending = _start(source, formats, engine, timeout, layouts, running)
        return _finish(source, pending, formats)


class SideBySide:
    """Several views of one map, every layout started at once (one engine process each), so on
    as many cores they take about as long as the slowest one. Start the slowest first: the next
    views' DOT is built while it runs. Meanwhile the caller can do other work, then take each
    drawing (:meth:`result`) in any order, using one while the others are still being laid
    out. A context manager: leaving it stops any engine still running."""

    def __init__(self, loaded: LoadedMap, views: Sequence[DrawOptions], formats: Sequence[str],
                 engine: Engine | None, timeout: float = DEFAULT_TIMEOUT,
                 max_nodes: int | None = None, layouts: LayoutCache | None = None) -> None:
        self.formats = formats
        self.running = contextlib.ExitStack()
        self.started: list[tuple[_Source, PendingLayout | None] | ArgmapError] = []
        with self.running:
            for options in views:
                try:
                    source = _dot_source(loaded, options, max_nodes)
                    pending = _start(source, formats, engine, timeout, layouts, self.running)
                    self.started.append((source, pending))
                except ArgmapError as error:
                    self.started.append(error)
            self.running = self.running.pop_all()

    def result(self, index: int) -> Drawing | ArgmapError:
        """The drawing of ``views[index]`` (waiting for its layout), or the error that stopped
        it."""
        started = self.started[index]
        if isinstance(started, ArgmapError):
            return started
        try:
            return _finish(*started, self.formats)
        except ArgmapError as error:
            return error

    def __enter__(self) -> SideBySide:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.running.close()


def _dot_source(loaded: LoadedMap, options: DrawOptions, max_nodes: int | None,
                fingerprint: Fingerprint | None = None) -> _Source:
    fingerprint = fingerprint or Fingerprint.of(loaded.text, options.stamp_key())
    source, nodes = build_dot(loaded.model, options)
    if options.focus is not None and nodes == 0:
        raise UsageError(f"{loaded.path}: nothing to draw around {options.focus}: it touches no "
                         "quote, proposition, inference or question")
    if max_nodes is not None and nodes > max_nodes:
        raise TooBigError(
            f"{loaded.path}: {nodes:,} elements to draw; laying out more than {max_nodes:,} "
            "takes minutes and gives a diagram nobody can read. Draw the part around one "
            "element with --focus ID --depth K, or pass --force to lay it all out")
    return _Source(source, nodes, fingerprint)


def _start(source: _Source, formats: Sequence[str], engine: Engine | None, timeout: float,
           layouts: LayoutCache | None, running: contextlib.ExitStack) -> PendingLayout | None:
    """The layout of ``source`` under way (None: only ``dot`` is asked for); ``running`` stops
    it if it is never waited for."""
    laid_out = [fmt for fmt in formats if fmt != "dot"]
    if not laid_out:
        return None
    if engine is None:
        raise EngineError("no layout engine was chosen")
    engine = engine.for_size(source.nodes)
    if layouts is None:
        pending = start_uncached(engine, source.dot, laid_out, timeout)
    else:
        pending = layouts.start(engine, source.dot, laid_out, timeout)
    running.callback(pending.close)
    return pending


def _finish(source: _Source, pending: PendingLayout | None, formats: Sequence[str]) -> Drawing:
    """The engine's outputs (once it is done) and the DOT text, stamped."""
    digest, details = source.fingerprint.digest, source.fingerprint.details
    drawing = Drawing({})
    if "dot" in formats:
        drawing.outputs["dot"] = stamp(source.dot.encode("utf-8"), "dot", digest, details)
    if pending is None:
        return drawing
    layout = pending.finish()
    drawing.warnings, drawing.layout = layout.warnings, pending.key
    for fmt, data in layout.outputs.items():
        if fmt == "svg":
            data = _BARE_AMPERSAND.sub(b"&amp;", data)
        try:
            drawing.outputs[fmt] = stamp(data, fmt, digest, details)
        except ValueError as error:
            raise EngineError(f"{pending.engine.label}: {error}") from None
    return drawing


def write_drawing(drawing: Drawing, targets: dict[str, Path]) -> list[Path]:
    """Write each format of ``drawing`` to its target, atomically, creating folders as needed."""
    from argmap.atomic import make_folder, write_bytes_atomic

    for fmt, target in targets.items():
        make_folder(target.parent)
        write_bytes_atomic(target, drawing.outputs[fmt])
    return list(targets.values())
