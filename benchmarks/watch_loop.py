"""The edit-save-see loop of ``argmap watch``, measured in a warm process.

    python -m benchmarks.watch_loop [--map maps/qaani-baghdad-2021-11.yaml] [--runs 10]
                                    [--diagram-only] [--edit title|wording]
                                    [--end-to-end | --browser]

Copies the map and its sources to a temporary folder, lets the loop check it once, then
``--runs`` times changes the map and saves it, and times the save until the outputs are written:

* by default, the warm core's round in this process (validate, lint, draw the SVG; the reader
  page too unless ``--diagram-only``), from the file written until the outputs are on disk. CPU
  time counts the layout engines too;
* ``--end-to-end``: a real ``argmap watch --port 0`` in its own process; an editor's save (a new
  file renamed over the map) until the browser's long poll (``/state?after=N``) has answered
  with the new version *and* the refreshed page (or diagram) has been fetched from the server:
  file events, watchfiles' 30 ms of quiet (``STEP_MS``), the round, the publication and the
  HTTP answers. CPU time is the watch process's, engines included (``/proc``, 10 ms ticks);
* ``--browser``: as ``--end-to-end``, with headless Chromium (selenium, /usr/bin/chromium) on the
  watch page instead: until the frame's ``load`` event of the new page (parsed, styled, its
  script run), timed by the browser's clock. The browser's own CPU time is not counted.

``--edit title`` changes the map's title, which every view shows (each is laid out again);
``--edit wording`` changes the wording of the first proposition: the full view changes, and
the overview (which folds reported facts into counts) is usually taken from the layout cache.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EDITS = ("title", "wording")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", type=Path, default=ROOT / "maps" / "qaani-baghdad-2021-11.yaml")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--diagram-only", action="store_true")
    parser.add_argument("--edit", choices=EDITS, default="title")
    parser.add_argument("--end-to-end", action="store_true")
    parser.add_argument("--browser", action="store_true",
                        help="end to end, until headless Chromium has reloaded the page")
    parser.add_argument("--engine", default=None)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-watch-bench-") as folder:
        the_map = _copy(options.map.resolve(), Path(folder))
        edit = editor(the_map.read_text(encoding="utf-8"), options.edit)
        report = not options.diagram_only
        if options.end_to_end or options.browser:
            walls, cpus, note = end_to_end(the_map, options.runs, report, edit, options.engine,
                                           options.browser)
        else:
            walls, cpus, note = measure(the_map, options.runs, report, edit, options.engine)
    what = "diagram only" if options.diagram_only else "diagram and reader page"
    how = ("save to the page reloaded in Chromium, argmap watch process" if options.browser
           else "save to page fetched, argmap watch process" if options.end_to_end
           else "save to outputs written, warm core in this process")
    print(f"{options.map.name}, {what}, edit {options.edit}, {options.runs} saves ({how}): "
          f"wall median {statistics.median(walls) * 1000:.0f} ms (min {min(walls) * 1000:.0f}), "
          f"cpu median {statistics.median(cpus) * 1000:.0f} ms (min {min(cpus) * 1000:.0f}); "
          f"{note}load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


def editor(text: str, what: str) -> Callable[[int], str]:
    """The map's text after save number ``run``: each save differs from the one before."""
    if what == "title":
        return lambda run: text.replace("  title: ", f"  title: Save {run} - ", 1)
    start = text.index("\npropositions:")
    found = re.compile(r"\n    text: (?:>-?\n +)?").search(text, start)
    if found is None:
        raise SystemExit("--edit wording: no proposition text found in the map")
    return lambda run: text[:found.end()] + f"Save {run} - " + text[found.end():]


def measure(the_map: Path, runs: int, report: bool, edit: Callable[[int], str],
            engine: str | None) -> tuple[list[float], list[float], str]:
    from argmap.watch.core import WarmCore, WatchOptions

    core = WarmCore([the_map], WatchOptions(report=report, engine=engine))
    core.refresh()  # warm: imports, models, configuration, the first drawing
    counts = _layout_counts(core)
    walls, cpus = [], []
    for run in range(runs):
        cpu = _cpu()
        started = time.perf_counter()
        the_map.write_text(edit(run), encoding="utf-8")
        refresh = core.refresh([the_map])
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
        if refresh.checked != (the_map,) or core.maps[the_map].broken:
            raise SystemExit(f"the save was not checked and drawn: {core.problems()[:3]}")
    if counts is None:
        return walls, cpus, ""
    made, kept = (now - before for now, before in zip(_layout_counts(core) or (0, 0), counts,
                                                       strict=True))
    return walls, cpus, f"{made} layouts made, {kept} taken from the cache; "


def _layout_counts(core: Any) -> tuple[int, int] | None:
    """Layouts made and taken from the cache so far (None: an argmap without the cache, when
    this script is run against an older checkout to compare)."""
    layouts = getattr(core, "layouts", None)
    return None if layouts is None else (layouts.misses, layouts.hits)


def end_to_end(the_map: Path, runs: int, report: bool, edit: Callable[[int], str],
               engine: str | None, browser: bool = False
               ) -> tuple[list[float], list[float], str]:
    command = [sys.executable, "-m", "argmap", "watch", str(the_map), "--port", "0",
               "--format", "text", *([] if report else ["--diagram-only"]),
               *(["--engine", engine] if engine else [])]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = the_map.parent / "watch.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(command, cwd=the_map.parent.parent, env=environment,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        url = _served_at(log, process)
        client = _Browser(url) if browser else _LongPoll(url, report)
        try:
            time.sleep(1.0)  # the watcher is running (its catch-up round is done)
            walls, cpus = [], []
            for run in range(runs):
                cpu, started = _process_cpu(process.pid), time.time()
                _save_as_editors_do(the_map, edit(run))
                walls.append(client.refreshed() - started)
                cpus.append(_process_cpu(process.pid) - cpu)
                time.sleep(0.2)  # the next save comes after the browser reloaded
        finally:
            client.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return walls, cpus, ""


class _LongPoll:
    """What the watch page's script does, in Python: a long poll for the next version, then
    the page (or diagram) fetched."""

    def __init__(self, url: str, report: bool) -> None:
        self.url, self.report = url, report
        self.version = _state(url, -1)["version"]
        while self.version == 0:
            self.version = _state(url, 0)["version"]

    def refreshed(self) -> float:
        """When the next version's page had been fetched (seconds since the epoch)."""
        state = _state(self.url, self.version)
        _fetch(f"{self.url}map/0/{'page' if self.report else 'diagram'}")
        self.version = state["version"]
        if state["maps"][0]["broken"]:
            raise SystemExit(f"the save was not drawn: {state['maps'][0]['problems'][:3]}")
        return time.time()

    def close(self) -> None:
        pass


class _Browser:
    """Headless Chromium on the watch page: a save is seen when the frame has loaded the new
    page (its ``load`` event: parsed, styled, its script run), by the browser's clock."""

    SCRIPT = ("window.__loads = []; document.getElementById('view').addEventListener("
              "'load', () => window.__loads.push(Date.now()));")

    def __init__(self, url: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1600,1000",
                     "--disable-background-networking", "--disable-component-update"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.get(url)
        deadline = time.monotonic() + 60
        while "/map/0/" not in self.driver.execute_script(
                "return document.getElementById('view').src") and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # the first page has loaded
        self.driver.execute_script(self.SCRIPT)
        self.seen = 0

    def refreshed(self) -> float:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            loads = self.driver.execute_script("return window.__loads")
            if len(loads) > self.seen:
                self.seen = len(loads)
                status = self.driver.execute_script(
                    "return document.getElementById('status').textContent")
                if "errors" in status:
                    raise SystemExit(f"the save was not drawn: {status}")
                return float(loads[-1]) / 1000
            time.sleep(0.01)
        raise SystemExit("the page was not reloaded within 2 minutes")

    def close(self) -> None:
        self.driver.quit()


def _save_as_editors_do(the_map: Path, text: str) -> None:
    """A new file renamed over the old one, as most editors save."""
    saving = the_map.with_name(".saving")
    saving.write_text(text, encoding="utf-8")
    os.replace(saving, the_map)


def _served_at(log: Path, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        said = re.search(r"shown at (\S+)", log.read_text())
        if said:
            return said.group(1)
        if process.poll() is not None:
            raise SystemExit(f"argmap watch stopped: {log.read_text()}")
        time.sleep(0.05)
    raise SystemExit("argmap watch never said where it serves the maps")


def _state(url: str, after: int) -> dict[str, Any]:
    import json

    with urllib.request.urlopen(f"{url}state?after={after}", timeout=120) as answer:
        state: dict[str, Any] = json.load(answer)
        return state


def _fetch(url: str) -> None:
    with urllib.request.urlopen(url, timeout=120) as answer:
        answer.read()


def _process_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and of the children it has waited for (the layout engines)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


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
