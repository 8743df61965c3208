"""``render --check``: is each diagram there, and stamped with this map's current fingerprint?

Never runs a layout engine: the stamp in the file is compared with the fingerprint of the map
text and drawing options, so CI checks every committed diagram in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.render.stamp import RENDERER_VERSION, Fingerprint, Stamp, read_stamp_details

if TYPE_CHECKING:
    from argmap.render.dot import DrawOptions


@dataclass
class Freshness:
    """How many diagrams are up to date, and a message for each one that is not."""

    fresh: int = 0
    stale: list[str] = field(default_factory=list)


def check_diagrams(map_path: Path, options: DrawOptions, fingerprint: Fingerprint,
                   targets: dict[str, Path]) -> Freshness:
    """Each target must exist and carry ``fingerprint``; a stale one says why and how to redraw."""
    found = Freshness()
    for target in targets.values():
        stamp = read_stamp_details(target)
        if stamp is not None and stamp.digest == fingerprint.digest:
            found.fresh += 1
            continue
        command = f"argmap render {map_path}{redraw_arguments(options)} -o {target}"
        found.stale.append(f"{target} {why_stale(map_path, fingerprint, target, stamp)}; "
                           f"run `{command}` to redraw it")
    return found


def why_stale(map_path: Path, fingerprint: Fingerprint, target: Path,
              found: Stamp | None) -> str:
    """The true reason, as far as the stamp tells it."""
    if found is None:
        return "is missing" if not target.exists() else "has no argmap stamp"
    if found.renderer != RENDERER_VERSION:
        return (f"was drawn by another version of argmap (renderer {found.renderer}, "
                f"this one draws {RENDERER_VERSION})")
    if found.options is not None and found.options != fingerprint.options:
        return (f"was drawn with other options ({found.options}, expected "
                f"{fingerprint.options}): another view was written over it")
    if found.map_digest is not None and found.map_digest != fingerprint.map_digest:
        return f"is stale: {map_path} changed since it was drawn"
    return f"is stale: {map_path} or the drawing options changed since it was drawn"


def redraw_arguments(options: DrawOptions) -> str:
    """The ``argmap render`` options that draw this view again."""
    words = "" if options.view == "full" else f" --view {options.view}"
    if options.focus is not None:
        words += f" --focus {options.focus}"
        if options.view == "full":
            words += f" --depth {options.depth}"
    return words + ("" if options.legend else " --no-legend")
