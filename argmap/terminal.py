"""What argmap prints to a person's terminal is inert and always encodable.

File names come from disk and map text from strangers: a name holding ``ESC [ 2 J`` would clear
the screen, a right-to-left override would reorder what the line appears to say, and a name that
is not UTF-8 (``\\udcff`` after Python's surrogate escape) would stop ``print`` with
``UnicodeEncodeError`` and lose every line after it. :func:`guard_streams` installs, once, at the
entry point, writers that show such characters as escapes (``\\x1b``, ``\\u202e``, ``\\xff``):
on standard error always (it only ever carries messages for people) and on standard output when
it is a terminal (piped output is data, kept byte for byte, and only made encodable).
Messages themselves also keep one problem on one line (:func:`argmap.problems.one_line`).

argmap's own colours must still reach the terminal as colours. A formatter that colours its output
escapes every piece of outside text in it itself (:func:`escape_for_terminal`) and returns the
whole as :class:`Styled`; the guard writes a ``Styled`` text as it is, and escapes any other.
"""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

# C0 controls but tab and line feed, DEL and C1 controls, bidirectional overrides and isolates,
# and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")


def escape_for_terminal(text: str) -> str:
    """``text`` with every character that acts on a terminal written as an escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, carried by the surrogate escape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class Styled(str):
    """Text whose escape sequences argmap wrote itself, every outside piece in it already
    escaped: the terminal guard passes it through, so its colours show as colours."""

    __slots__ = ()


class _GuardedWriter(io.TextIOWrapper):
    def write(self, text: str) -> int:
        return super().write(text if isinstance(text, Styled) else escape_for_terminal(text))


def guard_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe for a terminal (see the module docstring)."""
    sys.stderr = _guarded(sys.stderr, always=True)
    sys.stdout = _guarded(sys.stdout, always=False)


def _guarded(stream: TextIO, *, always: bool) -> TextIO:
    if not isinstance(stream, io.TextIOWrapper):
        return stream  # not a real stream (an embedding host's): leave it alone
    stream.flush()
    if not (always or stream.isatty()):
        stream.reconfigure(errors="backslashreplace")
        return stream
    return _GuardedWriter(stream.buffer, encoding=stream.encoding, errors="backslashreplace",
                          line_buffering=stream.line_buffering, write_through=True)
