"""The layout engine: system Graphviz ``dot`` or the ``graphviz-pure`` binary, run as a subprocess.

``auto`` prefers system Graphviz (its text measurement uses real fonts) and falls back to
graphviz-pure, which ``pip install argmap`` brings along, so a fresh machine needs nothing else.
From :data:`PURE_FROM_NODES` drawn elements up, an old system Graphviz (2.x, as Debian 12 has)
gives way to graphviz-pure, a port of Graphviz 16: measured as fast or faster there
(docs/rendering.md, "Which engine at which size"). ``--engine`` or ``ARGMAP_ENGINE`` choose; none
available is a clear error (exit 2).

The engine reads DOT on standard input and writes every requested format from *one* layout
(``-Tsvg -oA -Tpng -oB``). Its standard error is captured: warnings that are only noise (graphviz-
pure's "no value for width of non-ASCII character", one per character) are dropped, the rest kept
for ``--verbose``; a failure reports the engine's own error lines. A time limit kills a layout that
runs away.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import IO

from argmap.problems import ArgmapError

try:
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]

ENGINE_VARIABLE = "ARGMAP_ENGINE"
ENGINE_CHOICES = ("auto", "system", "pure")
SYSTEM_BINARY = "dot"
PURE_BINARY = "graphviz-pure"
DEFAULT_TIMEOUT = 300.0
# The layout's address space. The seed map needs about 20 MB and the 20,000-node benchmark map
# a few hundred; a dense 181 KB map was measured driving dot to 4-8 GB within a minute.
DEFAULT_MEMORY = 2 * 1024**3
_PR_SET_PDEATHSIG = 1
# From this many drawn elements, `auto` lays out with graphviz-pure rather than a system Graphviz
# older than 3.0 (python -m benchmarks.engines; docs/rendering.md has the figures).
PURE_FROM_NODES = 15_000
_NOISE = (
    re.compile(r"no value for width of non-ASCII character"),
    re.compile(r"^\s*$"),
)


class EngineError(ArgmapError):
    """No engine, an engine that failed, or one that ran out of time (exit code 2)."""


@dataclass(frozen=True)
class Engine:
    """A layout engine found on this machine."""

    name: str
    path: str
    # Chosen by `auto`: for a large map the other engine may be cheaper (see `for_size`).
    alternative: Engine | None = None

    def for_size(self, nodes: int) -> Engine:
        """The engine for a drawing of ``nodes`` elements: this one, unless ``auto`` chose an old
        system Graphviz and the map is large enough for graphviz-pure to be the cheaper."""
        if (self.alternative is None or nodes < PURE_FROM_NODES
                or system_major_version(self.path) >= 3):
            return self
        return self.alternative

    @property
    def label(self) -> str:
        kind = "system Graphviz" if self.name == "system" else "graphviz-pure"
        return f"{kind} ({self.path})"


@dataclass
class Layout:
    """What one engine run produced: bytes per format, and the warnings worth showing."""

    outputs: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)


def scripts_dir() -> str:
    """Where pip put console scripts for this interpreter (graphviz-pure's binary lives there)."""
    return sysconfig.get_path("scripts")


def resolve_choice(option: str | None) -> str:
    """The option wins, then ``ARGMAP_ENGINE``, then ``auto``."""
    choice = (option or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if choice not in ENGINE_CHOICES:
        source = "--engine" if option else ENGINE_VARIABLE
        raise EngineError(f"{source}: unknown engine {choice!r}; "
                          f"choose one of {', '.join(ENGINE_CHOICES)}")
    return choice


def find_engine(option: str | None = None) -> Engine:
    """The engine to use, or :class:`EngineError` saying how to get one."""
    choice = resolve_choice(option)
    system = shutil.which(SYSTEM_BINARY)
    pure = shutil.which(PURE_BINARY, path=scripts_dir()) or shutil.which(PURE_BINARY)
    if choice in ("auto", "system") and system:
        return Engine("system", system,
                      Engine("pure", pure) if choice == "auto" and pure else None)
    if choice in ("auto", "pure") and pure:
        return Engine("pure", pure)
    wanted = {"auto": "layout engine", "system": "system Graphviz (`dot`)",
              "pure": "graphviz-pure"}[choice]
    raise EngineError(f"no {wanted} found: install Graphviz so that `dot` is on PATH, or "
                      f"`pip install graphviz-pure` (argmap's own dependency); "
                      f"choose with --engine or {ENGINE_VARIABLE}")


@cache
def system_major_version(path: str) -> int:
    """The major version of the Graphviz at ``path`` (``dot -V``); 0 when it cannot be told."""
    try:
        said = subprocess.run([path, "-V"], capture_output=True, text=True, timeout=10,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return 0
    found = re.search(r"version (\d+)\.", said.stderr + said.stdout)
    return int(found.group(1)) if found else 0


def run_layout(engine: Engine, dot_source: str, formats: Sequence[str],
               timeout: float = DEFAULT_TIMEOUT, memory: int = DEFAULT_MEMORY) -> Layout:
    """Lay out ``dot_source`` once and write it in every one of ``formats``
    (:func:`start_layout`, then :meth:`RunningLayout.finish`)."""
    with start_layout(engine, dot_source, formats, timeout, memory) as running:
        return running.finish()


def start_layout(engine: Engine, dot_source: str, formats: Sequence[str],
                 timeout: float = DEFAULT_TIMEOUT, memory: int = DEFAULT_MEMORY
                 ) -> RunningLayout:
    """Start the engine on ``dot_source`` and return without waiting for it, so that several
    layouts can run side by side (one process each); :meth:`RunningLayout.finish` collects it.

    The DOT is read from, and the engine's messages and outputs written to, unnamed temporary
    files (``/dev/fd/N``): no pipe to keep drained while another layout is waited for, and
    nothing left on disk whatever happens to argmap, even SIGKILL. The engine runs in a process
    group of its own under a memory bound (``RLIMIT_AS``) and a time bound counted from its
    start; it is killed with its group when argmap stops early (Ctrl-C, SIGTERM, an error) and
    by the kernel when argmap dies (Linux's parent-death signal)."""
    running = RunningLayout(engine, timeout, memory)
    try:
        running.start(dot_source, formats)
    except BaseException:
        running.close()
        raise
    return running


class RunningLayout:
    """One engine process started by :func:`start_layout`, not yet collected. A context
    manager: leaving it stops the engine if it still runs and closes its files."""

    def __init__(self, engine: Engine, timeout: float, memory: int) -> None:
        self.engine = engine
        self.files = contextlib.ExitStack()
        self.timeout = timeout
        self.memory = memory
        self.deadline = time.monotonic() + timeout
        self.outputs: dict[str, IO[bytes]] = {}
        self.stderr: IO[bytes] | None = None
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, dot_source: str, formats: Sequence[str]) -> None:
        def temporary() -> IO[bytes]:
            return self.files.enter_context(tempfile.TemporaryFile(prefix="argmap-render-"))

        self.outputs = {fmt: temporary() for fmt in formats}
        source, self.stderr = temporary(), temporary()
        source.write(dot_source.encode("utf-8"))
        source.seek(0)
        command = [self.engine.path]
        for fmt, file in self.outputs.items():
            command += [f"-T{fmt}", f"-o/dev/fd/{file.fileno()}"]
        try:
            self.process = subprocess.Popen(
                command, stdin=source, stdout=subprocess.DEVNULL, stderr=self.stderr,
                pass_fds=[file.fileno() for file in self.outputs.values()],
                start_new_session=True, preexec_fn=_ChildBounds(self.memory, os.getpid()))
        except OSError as error:
            raise EngineError(f"cannot run {self.engine.label}: {error.strerror or error}"
                              ) from None
        self.files.callback(self.stop)

    def finish(self) -> Layout:
        """Wait for the engine (until its deadline) and read what it wrote."""
        assert self.process is not None and self.stderr is not None
        returncode = self._wait(self.process)
        self.stderr.seek(0)
        messages = filter_messages(self.stderr.read().decode("utf-8", "replace"))
        if returncode != 0:
            detail = "; ".join(messages[:5]) or f"exit status {returncode}"
            hint = _memory_hint(returncode, messages, self.memory)
            raise EngineError(f"{self.engine.label} failed: {detail}{hint}")
        outputs = {}
        for fmt, file in self.outputs.items():
            file.seek(0)
            outputs[fmt] = file.read()
            if not outputs[fmt]:
                raise EngineError(f"{self.engine.label} wrote no {fmt} output")
        return Layout(outputs, messages)

    def _wait(self, process: subprocess.Popen[bytes]) -> int:
        """The engine's exit code, or its whole process group killed (time out, Ctrl-C,
        SIGTERM's SystemExit, anything)."""
        try:
            _await_exit(process, max(0.0, self.deadline - time.monotonic()))
            return process.wait(timeout=max(0.0, self.deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise EngineError(f"layout took longer than {self.timeout:g} s and was stopped; "
                              "draw part of the map with --focus ID --depth K, or allow more "
                              "time with --timeout") from None
        except BaseException:
            _kill_group(process)
            raise

    def stop(self) -> None:
        """Kill the engine's group unless it has already ended and been collected."""
        if self.process is not None and self.process.returncode is None:
            _kill_group(self.process)

    def __enter__(self) -> RunningLayout:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the engine if it still runs; close (and so delete) its files."""
        self.files.close()


def _await_exit(process: subprocess.Popen[bytes], timeout: float) -> None:
    """Return the moment ``process`` exits (``Popen.wait`` with a time limit polls, sleeping up
    to 50 ms between looks: that much latency on every layout); :class:`TimeoutExpired` when
    it has not exited within ``timeout``. Linux's pidfd tells; elsewhere ``Popen.wait`` polls."""
    try:
        pidfd = os.pidfd_open(process.pid)
    except (AttributeError, OSError):  # not Linux 5.3+; or the process is already reaped
        return
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
    finally:
        os.close(pidfd)
    if not ready:
        raise subprocess.TimeoutExpired(process.args, timeout)


class _ChildBounds:
    """Runs in the engine's process between fork and exec: the memory bound, and death with
    argmap. Everything it needs is prepared in the parent (no import after fork)."""

    def __init__(self, memory: int, parent: int) -> None:
        self.memory = memory
        self.parent = parent
        self.prctl = _prctl()

    def __call__(self) -> None:
        if resource is not None and self.memory > 0:
            resource.setrlimit(resource.RLIMIT_AS, (self.memory, self.memory))
        if self.prctl is not None:
            self.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != self.parent:  # argmap died before the signal was armed
            os._exit(1)


def _prctl() -> Callable[[int, int], int] | None:
    """Linux's prctl(2), or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Callable[[int, int], int] = ctypes.CDLL(None, use_errno=True).prctl
        return function
    except (OSError, AttributeError):
        return None


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _memory_hint(returncode: int, messages: list[str], memory: int) -> str:
    """Say so when the engine died the way a failed allocation kills it: dot prints "out of
    memory" and aborts, graphviz-pure (Rust) panics with a backtrace and aborts."""
    if returncode >= 0 and not any("memory" in message for message in messages):
        return ""
    return (f" (the layout is limited to {memory / 2**20:,.0f} MiB of memory and may have run out; "
            "draw part of the map with --focus ID --depth K)")


def filter_messages(stderr: str) -> list[str]:
    """The engine's messages minus known noise, each once, in the order first seen."""
    kept: dict[str, None] = {}
    for line in stderr.splitlines():
        line = re.sub(r"^(Warning: )+", "Warning: ", line.strip())
        if not any(pattern.search(line) for pattern in _NOISE):
            kept.setdefault(line, None)
    return list(kept)
