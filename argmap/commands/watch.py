"""``argmap watch``: on every save, check, lint, draw and page the maps again, and refresh the
browser showing them (docs/watch.md).

The loop: watchfiles reports the files a save touched; the warm core (:mod:`argmap.watch.core`)
redoes only the maps whose content digest changed; the terminal gets one line per map checked
and its problems; the page served on 127.0.0.1 (:mod:`argmap.watch.server`) reloads. Ctrl-C
stops it (exit 0).

Exit codes: 0 stopped by the user; 2 usage errors (no map under the paths, watchfiles missing, a
port in use).
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from argmap.batch import collect_map_files
from argmap.output import format_problems
from argmap.problems import ArgmapError, UsageError
from argmap.watch.core import WarmCore, WatchOptions

if TYPE_CHECKING:
    from argmap.atomic import Written
    from argmap.watch.server import LiveState

# watchfiles yields once no new change came for STEP ms: short, so the loop starts at once.
STEP_MS = 30
# With no change for this long, the loop wakes once to catch up (see run_watch).
CATCH_UP_MS = 300
# While nothing is reported, every digest is compared again this often: a file system event
# that never arrives (a busy machine, a network folder) costs one sweep's delay, not the save.
SWEEP_SECONDS = 2.0


@dataclass(frozen=True)
class WatchSettings:
    paths: Sequence[Path]
    options: WatchOptions = field(default_factory=WatchOptions)
    serve: bool = True
    port: int = 8765
    open_browser: bool = False
    problem_format: str = "auto"
    stop: threading.Event | None = None  # set by tests (and by Ctrl-C) to end the loop


def run_watch(settings: WatchSettings, out: TextIO = sys.stdout,
              err: TextIO = sys.stderr) -> int:
    try:
        watch = _watchfiles()
        files, missing = collect_map_files(settings.paths)
        if missing or not files:
            raise UsageError(missing[0].error if missing else "no map files found under "
                             + ", ".join(map(str, settings.paths)))
        core = WarmCore(settings.paths, settings.options)
        core.config()  # a broken configuration is a usage error now, not at the first save
        live, server = _serve(settings, err)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return 2
    from argmap import gcpolicy

    gcpolicy.long_running()  # this process stays: collect garbage as usual
    stop = settings.stop or threading.Event()
    previous = signal.signal(signal.SIGINT, _stopper(stop)) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        _round(core, None, settings, live, out, err)
        caught_up = False
        swept = time.monotonic()
        for changes in watch(*_folders(settings.paths, core), watch_filter=_worth_a_look,
                             stop_event=stop, step=STEP_MS, debounce=1000,
                             raise_interrupt=False, rust_timeout=CATCH_UP_MS,
                             yield_on_timeout=True):
            if not caught_up:
                # A save made while the first round ran came before the watcher started: once
                # it runs, every digest is compared once more, so no such save goes unseen.
                _round(core, None, settings, live, out, err)
                caught_up = True
            elif changes:
                _round(core, [Path(path) for _, path in changes], settings, live, out, err)
            elif time.monotonic() - swept >= SWEEP_SECONDS:
                _round(core, None, settings, live, out, err)
                swept = time.monotonic()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if server is not None:
            server.shutdown()
            server.server_close()
    err.write("argmap: stopped watching\n")
    return 0


def _stopper(stop: threading.Event) -> Any:
    """Ctrl-C ends the loop after the round in progress; a second Ctrl-C does not wait."""
    def handle(number: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    return handle


def _watchfiles() -> Any:
    try:
        from watchfiles import watch
    except ImportError:
        raise UsageError("argmap watch needs watchfiles: pip install 'argmap[watch]'") from None
    return watch


def _serve(settings: WatchSettings, err: TextIO) -> tuple[LiveState | None, Any]:
    if not settings.serve:
        return None, None
    from argmap.watch.server import LiveState, start_server

    live = LiveState()
    try:
        server = start_server(live, settings.port)
    except OSError as error:
        raise UsageError(f"--port {settings.port}: cannot listen on 127.0.0.1 "
                         f"({error.strerror}); choose another with --port, or 0 for any"
                         ) from None
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    err.write(f"argmap: watching; the maps are shown at {url} (Ctrl-C stops)\n")
    if settings.open_browser:
        import webbrowser

        webbrowser.open(url)
    return live, server


def _folders(paths: Sequence[Path], core: WarmCore) -> list[Path]:
    """Folders, not files: editors save by writing a new file and renaming it over the old one,
    which a watch on the old file would miss. Source texts may live elsewhere: their folders
    are watched too."""
    folders = {path if path.is_dir() else path.parent for path in paths}
    folders |= {source.parent for state in core.maps.values() for source in state.sources
                if source.parent.is_dir()}
    return sorted(folder.resolve() for folder in folders)


_OUTPUTS = (".svg", ".html", ".png", ".dot", ".tmp")


def _worth_a_look(change: Any, path: str) -> bool:
    """What argmap writes itself (diagrams, pages, their temporary files) is not a save."""
    return not path.endswith(_OUTPUTS)


def _round(core: WarmCore, changed: Iterable[Path] | None, settings: WatchSettings,
           live: LiveState | None, out: TextIO, err: TextIO) -> None:
    saved = _latest_change(changed)
    refresh = core.refresh(changed)
    if not refresh.checked:
        return
    for path in refresh.checked:
        state = core.maps[path]
        after = f", {time.time() - saved:.2f} s after the save" if saved else ""
        verdict = ("has errors: the last good picture is kept" if state.broken else
                   f"{len(state.problems)} lint finding(s)" if state.problems else "clean")
        err.write(f"{path}: {verdict} (checked and drawn in {state.seconds:.2f} s{after})\n")
    out.write(format_problems(core.problems(), settings.problem_format, out))
    out.flush()
    if live is not None:
        live.publish(*snapshot(core))


def _latest_change(changed: Iterable[Path] | None) -> float | None:
    times = []
    for path in changed or ():
        try:
            times.append(path.stat().st_mtime)
        except OSError:
            continue
    return max(times) if times else None


def snapshot(core: WarmCore) -> tuple[dict[str, Any], list[dict[str, Written | None]]]:
    """What the page shows (JSON), and the files it may ask for, by index."""
    maps, files = [], []
    for state in core.maps.values():
        maps.append({"name": str(state.path), "broken": state.broken, "seconds": state.seconds,
                     "page": state.page is not None, "diagram": state.diagram is not None,
                     "problems": [problem.with_code() for problem in state.problems]})
        files.append({"page": state.page, "diagram": state.diagram})
    return {"version": core.version, "maps": maps}, files
