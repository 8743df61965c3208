"""Atomic file output: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO

from argmap.problems import UnreadableInputError


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents; a failure is one clear error (exit code 2)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UnreadableInputError(f"{folder}: cannot create folder: "
                                   f"{error.strerror or error}") from None


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over ``path``."""
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
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UnreadableInputError(f"{path}: cannot write: {error.strerror or error}") from None
        raise


def _mode_for(path: Path) -> int:
    """The existing file's mode, or what the umask allows a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_output(text: str, output: Path | None, stdout: TextIO) -> None:
    """A command's result: to ``output`` atomically when one is named, else to standard output."""
    if output is None:
        stdout.write(text)
    else:
        write_text_atomic(output, text)
