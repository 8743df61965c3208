"""Problems and errors: every stage reports what is wrong as data, never as a traceback.

A :class:`Problem` is one located finding (``path:line:column``). Loading, validation and lint all
produce them, so one broken file never hides the others and every output format can print them.
Exceptions are kept for conditions that stop one operation (a file that cannot be read, a usage
error); they carry problems and read well when printed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Level(str, enum.Enum):
    """How serious a problem is. Ordered: ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}


# Messages quote the input shortened; this is the backstop for one that does not.
MAX_MESSAGE_CHARS = 1_000


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding. Line and column are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    column: int
    code: str
    message: str
    level: Level = field(default=Level.ERROR, compare=False)
    rule: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # One problem is one line, whatever text from the input the message quotes, and whatever
        # the file is called (a name can hold a line break, an escape sequence, or bytes that are
        # not UTF-8).
        if not self.message.isprintable():
            object.__setattr__(self, "message", one_line(self.message))
        if len(self.message) > MAX_MESSAGE_CHARS:  # a message that quoted a whole long value
            object.__setattr__(self, "message", self.message[:MAX_MESSAGE_CHARS - 1] + "…")
        if not self.path.isprintable():
            object.__setattr__(self, "path", one_line(self.path))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def with_code(self) -> str:
        """``path:line:col: CODE message``, the lint text format."""
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes; a byte that
    was not UTF-8 (a surrogate escape, from a file name) as ``\\xff``."""
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""

    exit_code = 2

    def __str__(self) -> str:
        # One line, whatever file name or input text the message holds.
        return one_line(" ".join(str(arg) for arg in self.args)) or type(self).__name__


class UsageError(ArgmapError):
    """The command line asked for something impossible (exit code 2)."""


class UnreadableInputError(ArgmapError):
    """A path does not exist, is not a file, or cannot be read (exit code 2)."""


class MapInvalidError(ArgmapError):
    """A map failed to load; ``problems`` says where and why (exit code 1)."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(*problems)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
