"""Entry point of the ``argmap`` command and of ``python -m argmap``.

Start-up is most of what a user waits for on a small map, so this process skips what a
one-shot command does not need (docs/performance.md, "Start-up"): the collector's passes
(:mod:`argmap.gcpolicy`), pydantic's plugin discovery and PyYAML's unused patterns
(:mod:`argmap.startup`).
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # `signal` imports enum: slow enough to be hit
import os
import sys
from types import FrameType


def _interrupted_while_starting(number: int, frame: FrameType | None) -> None:
    # Nothing is open or half-written yet: leave at once, in one line, whatever is importing.
    os.write(2, b"argmap: interrupted\n")
    os._exit(128 + number)


# First thing: Ctrl-C while the interpreter imports typer and pydantic (a third of a second)
# must not print a traceback from deep inside an import.
_signal.signal(_signal.SIGINT, _interrupted_while_starting)

import signal  # noqa: E402  (after the handler, on purpose)


def _exit_on_signal(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


class _Interrupted(BaseException):
    """Ctrl-C while a command runs. Not a KeyboardInterrupt: typer turns that into a silent
    exit 130 and click into "Aborted!", each version its own way; this passes both, unwinding
    (temporary files are removed on the way) up to :func:`main`, which says so in one line."""


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise _Interrupted


def main() -> None:
    # Everything, imports included, runs inside the handlers: Ctrl-C while typer and pydantic
    # load (a third of a second) is "interrupted", not a traceback.
    try:
        _run()
    except (KeyboardInterrupt, _Interrupted):
        sys.stderr.write("argmap: interrupted\n")
        raise SystemExit(130) from None
    except BrokenPipeError:  # `argmap rules | head`: the reader left; so do we, quietly
        _silence_stdout()
        raise SystemExit(141) from None
    finally:
        _before_exit()


def _before_exit() -> None:
    gcpolicy = sys.modules.get("argmap.gcpolicy")
    if gcpolicy is not None:
        gcpolicy.before_exit()


def _run() -> None:
    # `--version` is asked by editors and hooks to probe the tool: answer it without importing
    # typer, pydantic or graphviz.
    if sys.argv[1:] == ["--version"]:
        from argmap._version import __version__

        sys.stdout.write(f"argmap {__version__}\n")
        raise SystemExit(0)
    from argmap import gcpolicy, startup

    gcpolicy.one_shot()
    startup.skip_pydantic_plugin_discovery()
    startup.import_pyyaml_patterns_on_first_use()
    # A terminated run unwinds like an interrupted one, so no temporary file is left behind.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    from argmap.terminal import guard_streams

    guard_streams()
    from argmap.problems import ArgmapError, one_line

    # From here on an interrupt unwinds, so temporary files are removed on the way out.
    signal.signal(signal.SIGINT, _interrupt)
    try:
        _run_command(sys.argv[1:])
    except ArgmapError as error:  # a command let a known error through: still one clear line
        sys.stderr.write(f"argmap: {error}\n")
        raise SystemExit(error.exit_code) from None
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as error:  # a bug: say so in one line, never a traceback
        sys.stderr.write(f"argmap: internal error: {type(error).__name__}: "
                         f"{one_line(str(error))}\n")
        raise SystemExit(2) from None


def _run_command(args: list[str]) -> None:
    """A plain ``validate`` or ``lint`` command line is read without typer (a third of the
    start-up, argmap/cli/plain.py); every other one is typer's."""
    from argmap.cli.plain import run_plain

    code = run_plain(args)
    if code is not None:
        raise SystemExit(code)
    from argmap.cli import app, building_only

    with building_only(args):
        app(prog_name="argmap")


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    main()
