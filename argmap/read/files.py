"""Reading files from disk: discovery of map files, size bounds and strict UTF-8 decoding."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

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
    link loop cannot make the walk endless; hidden folders (``.git``, ``.venv``) and what git
    ignores (``.gitignore``: ``node_modules/``, build folders) are skipped."""
    from argmap.read.ignore import GitIgnore

    ignore = GitIgnore(folder)
    found: list[Path] = []
    for root, folders, files in os.walk(folder, followlinks=False):
        here = Path(root).resolve()
        ignore.add_folder(here)
        folders[:] = [name for name in folders if not name.startswith(".")
                      and not ignore.ignored(here / name, is_folder=True)]
        found.extend(Path(root, name) for name in files
                     if name.endswith(MAP_SUFFIXES) and not name.startswith(".")
                     and not ignore.ignored(here / name, is_folder=False))
    return iter(sorted(found))


# Every file this process read, by device and inode: output never replaces one of them
# (`argmap render m.yaml -o m.yaml`), whatever name or hard link it is given by.
_INPUTS_READ: set[tuple[int, int]] = set()


def was_read(status: os.stat_result) -> bool:
    """Whether the file with this ``stat`` is one this process read as input."""
    return (status.st_dev, status.st_ino) in _INPUTS_READ


def release_input(path: Path) -> None:
    """Let this run replace one input on purpose: a command that rewrites the map it read
    (``argmap draft --merge MAP``) names it here, and every other input stays protected."""
    with contextlib.suppress(OSError):
        status = os.stat(path)
        _INPUTS_READ.discard((status.st_dev, status.st_ino))


def forget_inputs_read() -> None:
    """Start a new run in a process that stays (``argmap watch``): what earlier runs read is no
    input of the next one. Editors save by renaming a new file over the old one, so the old
    map's inode is freed and an output file written later may get its number: remembered
    forever, it would make argmap refuse that output as "an input of this command"."""
    _INPUTS_READ.clear()


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a regular file whole, refusing one over ``max_bytes`` before reading it."""
    try:
        with open_regular(path) as stream:
            status = os.fstat(stream.fileno())
            _INPUTS_READ.add((status.st_dev, status.st_ino))
            size = status.st_size
            if size > max_bytes:
                raise YamlError(1, 1, f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                                code="AM005")
            # Read one byte past the limit: a file that grew meanwhile is still bounded.
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableInputError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise YamlError(1, 1, f"file is over the limit of {max_bytes:,} bytes", code="AM005")
    return data


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file; else :class:`UnreadableInputError`.

    The file is opened first (without blocking: opening a FIFO for reading would wait for a
    writer) and checked after, on the open descriptor, so nothing can be swapped in between. A
    FIFO or a device would block or never end; a folder is not a file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableInputError(f"{path}: is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableInputError(f"{path}: not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def resolved(path: Path) -> Path:
    """``path.resolve()``; for a symbolic-link loop (which ``resolve`` reports as RuntimeError
    before Python 3.13) the absolute path, so that reading it fails with a clear message."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


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
