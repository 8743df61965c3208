"""Entry point of the ``argmap`` command and of ``python -m argmap``."""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _exit_on_signal(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


def main() -> None:
    # `--version` is asked by editors and hooks to probe the tool: answer it without importing
    # typer, pydantic or graphviz.
    if sys.argv[1:] == ["--version"]:
        from argmap._version import __version__

        sys.stdout.write(f"argmap {__version__}\n")
        raise SystemExit(0)
    # A terminated run unwinds like an interrupted one, so no temporary file is left behind.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    from argmap.cli import app
    from argmap.problems import ArgmapError

    try:
        app(prog_name="argmap")
    except KeyboardInterrupt:
        sys.stderr.write("argmap: interrupted\n")
        raise SystemExit(130) from None
    except ArgmapError as error:  # a command let a known error through: still one clear line
        sys.stderr.write(f"argmap: {error}\n")
        raise SystemExit(error.exit_code) from None
    except Exception as error:  # a bug: say so in one line, never a traceback
        sys.stderr.write(f"argmap: internal error: {type(error).__name__}: {error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
