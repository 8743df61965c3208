"""One map to finished, stamped diagrams: DOT source, size guard, one layout, stamps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import LoadedMap
from argmap.problems import UsageError
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.engine import DEFAULT_TIMEOUT, Engine, EngineError, run_layout
from argmap.render.stamp import Fingerprint, stamp

# Graphviz 2.43 writes a link's "&" as it is (``href="...?a=1&b=2"``), which no XML parser accepts;
# graphviz-pure escapes it. Every other "&" either engine writes starts an entity.
_BARE_AMPERSAND = re.compile(rb"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")


class TooBigError(UsageError):
    """The drawing has more nodes than a layout can handle in reasonable time (exit code 2)."""


@dataclass
class Drawing:
    """The bytes of each format, stamped, and the engine's warnings worth showing."""

    outputs: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)


def draw(loaded: LoadedMap, options: DrawOptions, formats: Sequence[str],
         engine: Engine | None, timeout: float = DEFAULT_TIMEOUT,
         max_nodes: int | None = None, fingerprint: Fingerprint | None = None) -> Drawing:
    """Draw ``loaded`` in every one of ``formats`` (``dot`` needs no engine), stamped with
    ``fingerprint`` (computed here when the caller has not already)."""
    fingerprint = fingerprint or Fingerprint.of(loaded.text, options.stamp_key())
    digest, details = fingerprint.digest, fingerprint.details
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
        drawing.outputs["dot"] = stamp(source.encode("utf-8"), "dot", digest, details)
    laid_out = [fmt for fmt in formats if fmt != "dot"]
    if laid_out:
        if engine is None:
            raise EngineError("no layout engine was chosen")
        engine = engine.for_size(nodes)
        layout = run_layout(engine, source, laid_out, timeout)
        drawing.warnings = layout.warnings
        for fmt in laid_out:
            data = layout.outputs[fmt]
            if fmt == "svg":
                data = _BARE_AMPERSAND.sub(b"&amp;", data)
            try:
                drawing.outputs[fmt] = stamp(data, fmt, digest, details)
            except ValueError as error:
                raise EngineError(f"{engine.label}: {error}") from None
    return drawing


def write_drawing(drawing: Drawing, targets: dict[str, Path]) -> list[Path]:
    """Write each format of ``drawing`` to its target, atomically, creating folders as needed."""
    from argmap.atomic import make_folder, write_bytes_atomic

    for fmt, target in targets.items():
        make_folder(target.parent)
        write_bytes_atomic(target, drawing.outputs[fmt])
    return list(targets.values())
