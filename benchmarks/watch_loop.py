"""The edit-save-see loop of ``argmap watch``, measured in a warm process.

    python -m benchmarks.watch_loop [--map maps/qaani-baghdad-2021-11.yaml] [--runs 10]

Copies the map and its sources to a temporary folder, lets the warm core check it once, then
``--runs`` times: changes the map's title, saves it, and times the core's round (validate, lint,
draw the SVG; and the reader page unless ``--diagram-only``) from the save until the outputs are
written. CPU time counts the layout engine too. What the browser adds on top is one long-poll
answer and a reload of the frame (not measured here). File events are not involved: watchfiles
delivers a save after 30 ms of quiet (``STEP_MS``), which the figures below do not include.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from argmap.watch.core import WarmCore, WatchOptions

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", type=Path, default=ROOT / "maps" / "qaani-baghdad-2021-11.yaml")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--diagram-only", action="store_true")
    parser.add_argument("--engine", default=None)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-watch-bench-") as folder:
        the_map = _copy(options.map.resolve(), Path(folder))
        walls, cpus = measure(the_map, options.runs, not options.diagram_only, options.engine)
    what = "diagram only" if options.diagram_only else "diagram and reader page"
    print(f"{options.map.name}, {what}, {options.runs} saves: "
          f"wall median {statistics.median(walls) * 1000:.0f} ms (min {min(walls) * 1000:.0f}), "
          f"cpu median {statistics.median(cpus) * 1000:.0f} ms (min {min(cpus) * 1000:.0f}); "
          f"load average {os.getloadavg()[0]:.2f}")
    return 0


def measure(the_map: Path, runs: int, report: bool, engine: str | None
            ) -> tuple[list[float], list[float]]:
    core = WarmCore([the_map], WatchOptions(report=report, engine=engine))
    core.refresh()  # warm: imports, models, configuration, the first drawing
    text = the_map.read_text(encoding="utf-8")
    walls, cpus = [], []
    for run in range(runs):
        cpu = _cpu()
        started = time.perf_counter()
        the_map.write_text(text.replace("  title: ", f"  title: Save {run} - ", 1),
                           encoding="utf-8")
        refresh = core.refresh([the_map])
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
        if refresh.checked != (the_map,) or core.maps[the_map].broken:
            raise SystemExit(f"the save was not checked and drawn: {core.problems()[:3]}")
    return walls, cpus


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _copy(the_map: Path, folder: Path) -> Path:
    """The map, and the sources it names relative to it, in the same places under ``folder``."""
    import yaml

    data = yaml.safe_load(the_map.read_text(encoding="utf-8"))
    (folder / "maps").mkdir()
    copied = folder / "maps" / the_map.name
    shutil.copy(the_map, copied)
    for source in data.get("sources", []):
        original = (the_map.parent / source["path"]).resolve()
        target = (copied.parent / source["path"]).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(original, target)
    return copied


if __name__ == "__main__":
    raise SystemExit(main())
