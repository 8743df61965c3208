"""Atomic file output: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple, TextIO

from argmap.problems import UnreadableInputError
from argmap.read.files import was_read


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents; a failure is one clear error (exit code 2)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UnreadableInputError(f"{folder}: cannot create folder: "
                                   f"{error.strerror or error}") from None


class Written(NamedTuple):
    """A file this process wrote, as it was when written (see :func:`read_written`)."""

    path: Path
    device: int
    inode: int
    size: int
    mtime_ns: int


def write_bytes_atomic(path: Path, data: bytes) -> Written:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over ``path``.

    Only a new path or a regular file is ever replaced, and never a file this run read."""
    check_replaceable(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise UnreadableInputError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        # mkstemp creates the file private (0600); give it the mode a plain write would have.
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            status = os.fstat(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UnreadableInputError(f"{path}: cannot write: {error.strerror or error}") from None
        raise
    return Written(path, status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def read_written(written: Written) -> bytes | None:
    """The bytes of a file this process wrote, while it is still that very file; else None.

    ``argmap watch`` serves what it wrote to a browser: a symbolic link, a FIFO or another file
    put in its place since (a link committed to a repository, say) must not be served in its
    name. The path is opened without following a link and without blocking, and the open file
    must be the one written: same device, inode, size and modification time."""
    flags = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_NOCTTY", 0))
    try:
        descriptor = os.open(written.path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or (
                status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns) != written[1:]:
            return None
        data = stream.read(written.size + 1)
    return data if len(data) == written.size else None


def check_replaceable(path: Path) -> None:
    """Refuse (exit 2) to replace anything but a regular file, or an input of this run.

    A rename would put a regular file in place of a symbolic link, a device node (as root,
    ``-o /dev/null`` would replace the node), a FIFO or a socket; and ``render m.yaml -o m.yaml``
    would overwrite the map with its own diagram."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise UnreadableInputError(f"{path}: cannot write: {error.strerror or error}") from None
    if stat.S_ISREG(status.st_mode):
        if was_read(status):
            raise UnreadableInputError(f"{path}: not written: it is an input of this command; "
                                       "name another output file")
        return
    kind = ("a symbolic link" if stat.S_ISLNK(status.st_mode)
            else "a folder" if stat.S_ISDIR(status.st_mode)
            else "not a regular file (a device, FIFO or socket)")
    raise UnreadableInputError(f"{path}: not written: it is {kind}; argmap replaces only "
                               "regular files")


def _mode_for(path: Path) -> int:
    """The existing file's mode, or what the umask allows a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str) -> Written:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_output(text: str, output: Path | None, stdout: TextIO) -> None:
    """A command's result: to ``output`` atomically when one is named, else to standard output."""
    if output is None:
        stdout.write(text)
    else:
        write_text_atomic(output, text)
