"""Layouts kept by what they are made from, for a process that draws the same maps again and
again (``argmap watch``).

A layout engine is a pure function of its input: the same DOT text through the same engine
binary, asked for the same formats, gives the same bytes. So a view that a save did not change
(the overview, after an edit to a quote's wording) is not laid out again; its layout is taken
from here. The key is the SHA-256 of the engine (kind, path, and the binary's size and
modification time, so an upgrade installed while argmap runs counts as another engine), the
formats and the DOT text. Stamps are added afterwards, by the caller, so a layout kept here is
the same whichever map text or options led to it.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar, cast

from argmap.render.engine import DEFAULT_TIMEOUT, Engine, Layout, RunningLayout, start_layout

T = TypeVar("T")
# Outputs and derived text kept at most: a few views of a few maps the seed map's size, or the
# last view of a map of some thousands of elements.
DEFAULT_MAX_BYTES = 64 * 1024**2


class LayoutCache:
    """The layouts used last, by :func:`layout_key`, and what callers made of them
    (:meth:`derive`): at most ``size`` layouts and ``max_bytes`` of outputs and derived text
    (a 20,000-element map's SVG is tens of MB; the seed map's 0.5 MB). ``hits`` and ``misses``
    count the layouts taken from here and the ones an engine had to make."""

    def __init__(self, size: int = 16, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self._kept: OrderedDict[str, Layout] = OrderedDict()
        self._derived: dict[str, dict[Hashable, object]] = {}
        self._bytes: dict[str, int] = {}

    def start(self, engine: Engine, dot_source: str, formats: Sequence[str],
              timeout: float = DEFAULT_TIMEOUT) -> PendingLayout:
        """The layout kept for this input, or the engine started on it (not waited for)."""
        key = layout_key(engine, dot_source, formats)
        kept = self._kept.get(key)
        if kept is not None:
            self.hits += 1
            self._kept.move_to_end(key)
            return PendingLayout(key, engine, kept, None, self)
        self.misses += 1
        running = start_layout(engine, dot_source, formats, timeout)
        return PendingLayout(key, engine, None, running, self)

    def keep(self, key: str, layout: Layout) -> None:
        self._kept[key] = layout
        self._kept.move_to_end(key)
        self._bytes[key] = sum(len(data) for data in layout.outputs.values())
        self._trim()

    def derive(self, key: str, what: Hashable, make: Callable[[], T]) -> T:
        """``make()``, a function of the layout ``key`` names and of ``what`` alone, made once
        while that layout is kept (the reader page's cleaned SVG of an unchanged view)."""
        if key not in self._kept:
            return make()
        made = self._derived.setdefault(key, {})
        if what not in made:
            made[what] = made_now = make()
            self._bytes[key] += len(made_now) if isinstance(made_now, (str, bytes)) else 0
            self._trim()
            return made_now
        return cast(T, made[what])

    @property
    def kept_bytes(self) -> int:
        return sum(self._bytes.values())

    def _trim(self) -> None:
        """Forget the layouts used longest ago until the cache is within its bounds."""
        while self._kept and (len(self._kept) > self.size or self.kept_bytes > self.max_bytes):
            gone, _ = self._kept.popitem(last=False)
            self._derived.pop(gone, None)
            self._bytes.pop(gone, None)


class PendingLayout:
    """A layout on its way: either already kept, or an engine still running."""

    def __init__(self, key: str, engine: Engine, layout: Layout | None,
                 running: RunningLayout | None, cache: LayoutCache | None) -> None:
        self.key = key
        self.engine = engine
        self.layout = layout
        self.running = running
        self.cache = cache

    def finish(self) -> Layout:
        """The layout, once the engine is done (and kept for next time); an engine that failed
        raises its error and keeps nothing."""
        if self.layout is None:
            assert self.running is not None
            with self.running:
                self.layout = self.running.finish()
            if self.cache is not None:
                self.cache.keep(self.key, self.layout)
        return self.layout

    def close(self) -> None:
        """Stop the engine if it has not been waited for (the caller gave up on it)."""
        if self.running is not None:
            self.running.close()


def start_uncached(engine: Engine, dot_source: str, formats: Sequence[str],
                   timeout: float = DEFAULT_TIMEOUT) -> PendingLayout:
    """The engine started on ``dot_source``, kept nowhere (a one-shot command)."""
    running = start_layout(engine, dot_source, formats, timeout)
    return PendingLayout("", engine, None, running, None)


def layout_key(engine: Engine, dot_source: str, formats: Sequence[str]) -> str:
    digest = hashlib.sha256()
    try:
        binary = os.stat(engine.path)
        version = f"{binary.st_size}:{binary.st_mtime_ns}"
    except OSError:
        version = "?"
    digest.update(f"{engine.name}\0{engine.path}\0{version}\0{','.join(formats)}\0".encode())
    digest.update(dot_source.encode("utf-8"))
    return digest.hexdigest()
