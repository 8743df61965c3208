"""Source paths written for the file they are written in.

A map's source ``path`` is relative to the map. When the map's data is written to a file in
another folder (an export, or a map imported from an export), each relative path is rewritten
so that it still names the same text from the new file's folder.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def rebase(path: str, old_folder: Path, new_folder: Path) -> str:
    """``path``, relative to ``old_folder``, written relative to ``new_folder``; an absolute
    path or a URL is left as it is."""
    if PurePosixPath(path).is_absolute() or Path(path).is_absolute() or "://" in path:
        return path
    target = os.path.normpath(os.path.join(old_folder.resolve(), path))
    return Path(os.path.relpath(target, new_folder.resolve())).as_posix()
