"""How the process uses Python's cyclic garbage collector.

Nothing argmap builds while it starts or loads a map is cyclic, yet the collector runs again and
again as objects pile up, each full pass walking every module, class and map element alive. A
one-shot command (``argmap validate``, ``lint``, ``render``...) therefore starts with the collector
off, moves what it has built out of the collector's sight once a map is loaded (``gc.freeze``),
and freezes everything before it exits, so the interpreter's final collection has nothing to
walk. A long-running process (``argmap watch``, a library user, the tests) keeps the default:
there, frozen objects would never be collected.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_one_shot = False


def one_shot() -> None:
    """This process runs one command and exits: collect nothing until a map is loaded."""
    global _one_shot
    _one_shot = True
    gc.disable()


def long_running() -> None:
    """This process stays (watch mode): collect as usual from now on."""
    global _one_shot
    _one_shot = False
    gc.unfreeze()
    gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Build many small containers without the collector scanning them again and again.

    In a one-shot process what was built is frozen afterwards, so the collections that later
    work triggers (lint, render) do not walk the whole map each time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _one_shot:
            gc.freeze()
            gc.enable()
        elif was_enabled:
            gc.enable()


def before_exit() -> None:
    """Skip the final collection's walk over everything still alive: nothing cyclic that
    matters is left, and the interpreter frees the rest anyway."""
    if _one_shot:
        gc.freeze()
