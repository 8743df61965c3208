"""Planning a render before any map is drawn: the formats, where each map's diagrams go, that no
two maps land on one file, and that the view and focus asked for make sense.

Plain values in (paths, names, numbers), plain values or a :class:`UsageError` out, so the
command only turns its settings into arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.problems import UsageError
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.model import LoadedMap
    from argmap.render.dot import DrawOptions

IMAGE_FORMATS = ("svg", "png", "dot")
SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot"}
Targets = dict[str, Path]  # format -> the file it is written to


def resolve_formats(formats: Sequence[str], output: Path | None) -> tuple[str, ...]:
    """Formats asked for; without ``--format``, the suffix of ``-o FILE``; else SVG."""
    if formats:
        unknown = [fmt for fmt in formats if fmt not in IMAGE_FORMATS]
        if unknown:
            raise UsageError(f"--format: unknown format {unknown[0]!r}; "
                             f"choose from {', '.join(IMAGE_FORMATS)}")
        return tuple(dict.fromkeys(formats))
    if output is not None and not is_folder(output, several=False):
        return (SUFFIX_FORMATS.get(output.suffix.lower(), "svg"),)
    return ("svg",)


def is_folder(output: Path, *, several: bool) -> bool:
    """``-o`` names a folder when it is one, ends with a slash, has no suffix (``-o docs``), or
    several maps are rendered; otherwise it names the file (``-o docs/map.svg``)."""
    return (several or output.is_dir() or not output.suffix
            or str(output).endswith(("/", "\\")))


def output_targets(map_path: Path, output: Path | None, formats: tuple[str, ...], count: int,
                   stem: str) -> Targets:
    """Where each format of one map goes: beside the map, into ``-o DIR``, or to ``-o FILE``.
    In a folder the file is called ``stem`` (see :func:`view_stem`)."""
    if output is not None and not is_folder(output, several=count > 1):
        if len(formats) == 1:
            return {formats[0]: output}
        return {fmt: output.with_suffix(f".{fmt}") for fmt in formats}
    folder = map_path.parent if output is None else output
    return {fmt: folder / f"{stem}.{fmt}" for fmt in formats}


def view_stem(stem: str, view: str, focus: str | None) -> str:
    """``MAP``, ``MAP.overview``, ``MAP.basis-ID`` or ``MAP.focus-ID`` (ids are file-safe): a view
    other than the whole map gets a name of its own, so it never lands on the full diagram."""
    if view == "overview":
        return f"{stem}.overview"
    if view == "basis":
        return f"{stem}.basis-{focus}"
    if focus is not None:
        return f"{stem}.focus-{focus}"
    return stem


def check_collisions(plan: dict[Path, Targets]) -> None:
    """Two maps must not be drawn to the same file."""
    seen: dict[Path, Path] = {}
    for map_path, targets in plan.items():
        for target in targets.values():
            other = seen.setdefault(target, map_path)
            if other != map_path:
                raise UsageError(f"{other} and {map_path} would both be drawn to {target}; "
                                 "render them into different folders")


def check_view(view: str, focus: str | None) -> None:
    """The view and ``--focus`` agree: basis needs one element, the overview takes none."""
    from argmap.render.dot import VIEWS

    if view not in VIEWS:
        raise UsageError(f"--view: unknown view {view!r}; choose from {', '.join(VIEWS)}")
    if view == "basis" and focus is None:
        raise UsageError("--view basis draws what one element rests on: give it with --focus ID")
    if view == "overview" and focus is not None:
        raise UsageError("--view overview draws the whole map; --focus applies to the full "
                         "and basis views")


def draw_options(loaded: LoadedMap, focus: str | None, depth: int, legend: bool,
                 view: str) -> DrawOptions:
    """The drawing options for one map; a ``focus`` the map does not have is a usage error."""
    from argmap.render.dot import DrawOptions

    if focus is not None and loaded.index.get(focus) is None:
        raise UsageError(f"{loaded.path}: --focus: no element with id {focus!r}"
                         + did_you_mean(focus, loaded.index.by_id))
    return DrawOptions(focus, depth, legend, view)
