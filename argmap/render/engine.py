"""The layout engine: system Graphviz ``dot`` or the ``graphviz-pure`` binary, run as a subprocess.

``auto`` prefers system Graphviz (its text measurement uses real fonts) and falls back to
graphviz-pure, which ``pip install argmap`` brings along, so a fresh machine needs nothing else.
``--engine`` or ``ARGMAP_ENGINE`` choose; none available is a clear error (exit 2).

The engine reads DOT on standard input and writes every requested format from *one* layout
(``-Tsvg -oA -Tpng -oB``). Its standard error is captured: warnings that are only noise (graphviz-
pure's "no value for width of non-ASCII character", one per character) are dropped, the rest kept
for ``--verbose``; a failure reports the engine's own error lines. A time limit kills a layout that
runs away.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.problems import ArgmapError

ENGINE_VARIABLE = "ARGMAP_ENGINE"
ENGINE_CHOICES = ("auto", "system", "pure")
SYSTEM_BINARY = "dot"
PURE_BINARY = "graphviz-pure"
DEFAULT_TIMEOUT = 300.0
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
        return Engine("system", system)
    if choice in ("auto", "pure") and pure:
        return Engine("pure", pure)
    wanted = {"auto": "layout engine", "system": "system Graphviz (`dot`)",
              "pure": "graphviz-pure"}[choice]
    raise EngineError(f"no {wanted} found: install Graphviz so that `dot` is on PATH, or "
                      f"`pip install graphviz-pure` (argmap's own dependency); "
                      f"choose with --engine or {ENGINE_VARIABLE}")


def run_layout(engine: Engine, dot_source: str, formats: Sequence[str],
               timeout: float = DEFAULT_TIMEOUT) -> Layout:
    """Lay out ``dot_source`` once and write it in every one of ``formats``."""
    with tempfile.TemporaryDirectory(prefix="argmap-render-") as folder:
        targets = {fmt: Path(folder) / f"out.{fmt}" for fmt in formats}
        command = [engine.path]
        for fmt, target in targets.items():
            command += [f"-T{fmt}", f"-o{target}"]
        try:
            finished = subprocess.run(command, input=dot_source.encode("utf-8"),
                                      capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise EngineError(f"layout took longer than {timeout:g} s and was stopped; draw part "
                              "of the map with --focus ID --depth K, or allow more time with "
                              "--timeout") from None
        except OSError as error:
            raise EngineError(f"cannot run {engine.label}: "
                              f"{error.strerror or error}") from None
        messages = filter_messages(finished.stderr.decode("utf-8", "replace"))
        if finished.returncode != 0:
            detail = "; ".join(messages[:5]) or f"exit status {finished.returncode}"
            raise EngineError(f"{engine.label} failed: {detail}")
        try:
            outputs = {fmt: target.read_bytes() for fmt, target in targets.items()}
        except OSError:
            raise EngineError(f"{engine.label} wrote no output") from None
        return Layout(outputs, messages)


def filter_messages(stderr: str) -> list[str]:
    """The engine's messages minus known noise, each once, in the order first seen."""
    kept: dict[str, None] = {}
    for line in stderr.splitlines():
        line = re.sub(r"^(Warning: )+", "Warning: ", line.strip())
        if not any(pattern.search(line) for pattern in _NOISE):
            kept.setdefault(line, None)
    return list(kept)
