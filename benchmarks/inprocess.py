"""Worker: time one stage in this process, after its imports, and print JSON.

    python -m benchmarks.inprocess yaml-floor|yaml-floor-no-gc|read|validate MAP [--repeat N]

* ``yaml-floor``: ``yaml.load(text, Loader=yaml.CSafeLoader)``, the garbage collector left as
  PyYAML users get it (enabled): the floor argmap's reading is measured against;
* ``yaml-floor-no-gc``: the same with the collector paused around the load, to show how much
  of the floor is the collector's (a reference, not a budget);
* ``read``: :func:`argmap.read.parse_yaml` on the same text (data plus positions);
* ``validate``: :func:`argmap.model.load_map` on the file (read, schema, references).

Prints ``{"seconds": best wall time, "cpu": CPU time of that run}``; the runner reads peak memory
from outside, as for every stage.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _stage(name: str, path: Path) -> Callable[[], Any]:
    text = path.read_text(encoding="utf-8")
    if name == "yaml-floor":
        import yaml

        return lambda: yaml.load(text, Loader=yaml.CSafeLoader)
    if name == "yaml-floor-no-gc":
        import yaml

        return lambda: _without_gc(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    if name == "read":
        from argmap.read import parse_yaml

        return lambda: parse_yaml(text)
    if name == "validate":
        from argmap.model import load_map

        return lambda: load_map(path)
    raise SystemExit(f"unknown stage {name!r}")


def _without_gc(work: Callable[[], Any]) -> Any:
    gc.disable()
    try:
        return work()
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("stage", choices=("yaml-floor", "yaml-floor-no-gc", "read", "validate"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    work = _stage(options.stage, options.path)
    best, best_cpu = float("inf"), 0.0
    for _ in range(max(1, options.repeat)):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        if wall < best:
            best, best_cpu = wall, cpu
        del result  # each run starts from the same heap, as a fresh process would
    print(json.dumps({"seconds": best, "cpu": best_cpu}))


if __name__ == "__main__":
    main()
