"""Reading files from disk: discovery of map files, size bounds and strict UTF-8 decoding."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from argmap.problems import UnreadableInputError
from argmap.read.limits import DEFAULT_LIMITS, Limits
from argmap.read.yaml_tree import YamlError

MAP_SUFFIXES = (".yaml", ".yml")
_BOM = b"\xef\xbb\xbf"


def iter_map_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the map files below them (sorted, hidden folders skipped).

    A path that does not exist raises :class:`UnreadableInputError`; files are yielded as given,
    whatever their suffix, because the user named them.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk_folder(path)
        elif path.exists():
            yield path
        else:
            raise UnreadableInputError(f"{path}: no such file or folder")


def _walk_folder(folder: Path) -> Iterator[Path]:
    """Map files below ``folder`` in a stable order. Symlinked folders are not followed, so a
    link loop cannot make the walk endless; hidden folders (``.git``, ``.venv``) are skipped."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(root, name) for name in files
                     if name.endswith(MAP_SUFFIXES) and not name.startswith("."))
    return iter(sorted(found))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file whole, refusing one over ``max_bytes`` before reading it."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or device would block or never end: only regular files are read.
            raise UnreadableInputError(f"{path}: not a regular file")
        size = status.st_size
        if size > max_bytes:
            raise YamlError(1, 1, f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                            code="AM005")
        with path.open("rb") as stream:
            # Read one byte past the limit: a file that grew (or a pipe) is still bounded.
            data = stream.read(max_bytes + 1)
    except IsADirectoryError:
        raise UnreadableInputError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise UnreadableInputError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise YamlError(1, 1, f"file is over the limit of {max_bytes:,} bytes", code="AM005")
    return data


def decode_utf8(data: bytes) -> str:
    """Decode strict UTF-8 (a leading BOM is dropped); a bad byte is a located error."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise YamlError(line, column, f"not valid UTF-8: byte 0x{data[error.start]:02x} "
                        "cannot be decoded (save the file as UTF-8)", code="AM002") from None


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    return decode_utf8(read_bytes(path, limits.max_file_bytes))
