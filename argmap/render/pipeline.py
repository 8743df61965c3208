"""One map to finished, stamped diagrams: DOT source, size guard, one layout, stamps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.model import LoadedMap
from argmap.problems import UsageError
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.engine import DEFAULT_TIMEOUT, Engine, EngineError, run_layout
from argmap.render.stamp import input_hash, stamp


class TooBigError(UsageError):
    """The drawing has more nodes than a layout can handle in reasonable time (exit code 2)."""


@dataclass
class Drawing:
    """The bytes of each format, stamped, and the engine's warnings worth showing."""

    outputs: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)


def draw(loaded: LoadedMap, options: DrawOptions, formats: Sequence[str],
         engine: Engine | None, timeout: float = DEFAULT_TIMEOUT,
         max_nodes: int | None = None) -> Drawing:
    """Draw ``loaded`` in every one of ``formats`` (``dot`` needs no engine)."""
    digest = input_hash(loaded.text, options.describe())
    source, nodes = build_dot(loaded.model, options)
    if options.focus is not None and nodes == 0:
        raise UsageError(f"{loaded.path}: nothing to draw around {options.focus}: it touches no "
                         "quote, proposition, inference or question")
    if max_nodes is not None and nodes > max_nodes:
        raise TooBigError(
            f"{loaded.path}: {nodes:,} elements to draw; laying out more than {max_nodes:,} "
            "takes minutes and gives a diagram nobody can read. Draw the part around one "
            "element with --focus ID --depth K, or pass --force to lay it all out")
    drawing = Drawing({})
    if "dot" in formats:
        drawing.outputs["dot"] = stamp(source.encode("utf-8"), "dot", digest)
    laid_out = [fmt for fmt in formats if fmt != "dot"]
    if laid_out:
        if engine is None:
            raise EngineError("no layout engine was chosen")
        layout = run_layout(engine, source, laid_out, timeout)
        drawing.warnings = layout.warnings
        for fmt in laid_out:
            try:
                drawing.outputs[fmt] = stamp(layout.outputs[fmt], fmt, digest)
            except ValueError as error:
                raise EngineError(f"{engine.describe()}: {error}") from None
    return drawing
