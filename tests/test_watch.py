"""argmap watch: the warm core redoes only what a save changed, keeps the last good picture when
a save breaks the map, serves the page on 127.0.0.1 only; one real run edits a file and sees it.

The core is driven directly (no file events, no timing); the end-to-end test is bounded in time.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from argmap.atomic import write_text_atomic
from argmap.commands.watch import WatchSettings, run_watch, snapshot
from argmap.watch.core import WarmCore, WatchOptions
from argmap.watch.server import LiveState, start_server

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "examples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A map and its source, in a folder of their own."""
    maps = tmp_path / "maps"
    maps.mkdir()
    seed = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
    shutil.copy(seed, maps / seed.name)
    (tmp_path / "seeds").mkdir()
    for text in (ROOT / "seeds").iterdir():
        shutil.copy(text, tmp_path / "seeds" / text.name)
    return maps


@pytest.fixture
def core(folder: Path, monkeypatch: pytest.MonkeyPatch) -> WarmCore:
    monkeypatch.chdir(folder.parent)
    return WarmCore([folder], WatchOptions(report=False, engine="pure"))


def the_map(folder: Path) -> Path:
    return folder / "qaani-baghdad-2021-11.yaml"


def test_first_round_checks_and_draws_every_map(core: WarmCore, folder: Path) -> None:
    refresh = core.refresh()
    assert refresh.checked == (the_map(folder),)
    state = core.maps[the_map(folder)]
    assert state.diagram is not None and not state.broken
    assert state.diagram.path == the_map(folder).with_suffix(".svg")
    assert b"<svg" in state.diagram.path.read_bytes()
    assert state.sources and all(source.name.endswith(".txt") for source in state.sources)
    assert core.version == 1


def test_a_save_that_changes_nothing_redoes_nothing(core: WarmCore, folder: Path) -> None:
    core.refresh()
    the_map(folder).write_bytes(the_map(folder).read_bytes())  # an editor's save, same bytes
    assert core.refresh([the_map(folder)]).checked == ()
    assert core.refresh().checked == ()
    assert core.version == 1


def test_only_the_changed_map_is_checked_again(core: WarmCore, folder: Path) -> None:
    other = folder / "second.yaml"
    other.write_text(the_map(folder).read_text().replace("id: qaani-baghdad-2021-11",
                                                         "id: second", 1))
    assert len(core.refresh().checked) == 2
    other.write_text(other.read_text().replace("title: ", "title: Edited ", 1))
    assert core.refresh([other]).checked == (other,)
    assert core.refresh([the_map(folder)]).checked == ()


def test_a_changed_source_text_rechecks_the_maps_that_quote_it(core: WarmCore) -> None:
    core.refresh()
    (source,) = {source for state in core.maps.values() for source in state.sources}
    source.write_text(source.read_text().replace("Qaani", "Qa'ani", 1))
    refresh = core.refresh([source])
    assert len(refresh.checked) == 1
    state = next(iter(core.maps.values()))
    assert any(problem.code == "AM102" or "sha256" in problem.message.lower()
               or "changed" in problem.message for problem in state.problems)


def test_a_broken_save_reports_errors_and_keeps_the_last_good_picture(
        core: WarmCore, folder: Path) -> None:
    core.refresh()
    diagram = the_map(folder).with_suffix(".svg")
    good = diagram.read_bytes()
    the_map(folder).write_text('map:\n  id: x\n  title: "never closed\n')
    refresh = core.refresh([the_map(folder)])
    state = core.maps[the_map(folder)]
    assert refresh.checked == (the_map(folder),) and state.broken
    assert state.problems and "never closed" in state.problems[0].message
    assert f"{the_map(folder)}:" in str(state.problems[0])
    assert diagram.read_bytes() == good and state.diagram is not None
    assert state.diagram.path == diagram


def test_the_snapshot_lists_problems_and_files_by_index(core: WarmCore, folder: Path) -> None:
    core.refresh()
    the_map(folder).write_text("map: [\n")
    core.refresh([the_map(folder)])
    shown, files = snapshot(core)
    assert shown["version"] == 2 and shown["maps"][0]["broken"] is True
    assert "AM001" in shown["maps"][0]["problems"][0]
    written = files[0]["diagram"]
    assert written is not None and written.path == the_map(folder).with_suffix(".svg")


def test_the_server_binds_127_0_0_1_answers_new_versions_at_once_and_serves_by_index(
        tmp_path: Path) -> None:
    diagram = write_text_atomic(tmp_path / "x.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    live = LiveState()
    server = start_server(live, 0)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        base = f"http://127.0.0.1:{port}"
        threading.Timer(0.2, live.publish, ({"version": 1, "maps": []},
                                            [{"diagram": diagram, "page": None}])).start()
        started = time.monotonic()
        with urllib.request.urlopen(f"{base}/state?after=0", timeout=10) as answer:
            assert json.load(answer)["version"] == 1
        assert time.monotonic() - started < 5  # a long poll: answered when published
        with urllib.request.urlopen(f"{base}/map/0/diagram", timeout=10) as answer:
            assert answer.headers["Content-Type"] == "image/svg+xml"
            assert b"<svg" in answer.read()
        for wrong in ("/map/1/diagram", "/map/0/page", "/map/../../etc/passwd", "/nothing"):
            with pytest.raises(urllib.error.HTTPError) as raised:
                urllib.request.urlopen(base + wrong, timeout=10)
            assert raised.value.code == 404
        with urllib.request.urlopen(base + "/", timeout=10) as answer:
            page = answer.read().decode()
            assert "/live.js" in page and "connect-src 'self'" in answer.headers[
                "Content-Security-Policy"]
    finally:
        server.shutdown()
        server.server_close()


def test_no_map_under_the_paths_is_a_usage_error(tmp_path: Path) -> None:
    err = _Buffer()
    assert run_watch(WatchSettings([tmp_path / "nothing"], serve=False), _Buffer(), err) == 2
    assert err.text.startswith("argmap: ") and "nothing" in err.text


def test_a_port_in_use_is_a_usage_error(folder: Path) -> None:
    live = LiveState()
    server = start_server(live, 0)
    try:
        err = _Buffer()
        settings = WatchSettings([folder], port=server.server_address[1])
        assert run_watch(settings, _Buffer(), err) == 2
        assert "cannot listen on 127.0.0.1" in err.text and "--port" in err.text
    finally:
        server.shutdown()
        server.server_close()


def test_the_loop_stops_cleanly_when_asked(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder.parent)
    stop = threading.Event()
    out, err = _Buffer(), _Buffer()
    settings = WatchSettings([folder], WatchOptions(report=False), serve=False, stop=stop)
    threading.Timer(1.0, stop.set).start()
    assert run_watch(settings, out, err) == 0
    assert "clean" in err.text or "lint finding" in err.text
    assert err.text.endswith("argmap: stopped watching\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_end_to_end_a_save_is_seen_and_ctrl_c_exits_cleanly(folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGMAP_ENGINE": "pure"}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", str(folder), "--port", "0",
         "--diagram-only", "--format", "text"],
        cwd=folder.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = _wait_for_line(process, "shown at ").split("shown at ")[1].split()[0]
        first = _state(url, -1)
        while first["version"] == 0:
            first = _state(url, 0)
        assert first["maps"][0]["broken"] is False
        saved = folder / ".saving"  # as editors save: a new file renamed over the old
        saved.write_text(the_map(folder).read_text() + "oops: [\n")
        os.replace(saved, the_map(folder))
        broken = _state(url, first["version"])
        deadline = time.monotonic() + 60
        while not broken["maps"][0]["broken"] and time.monotonic() < deadline:
            broken = _state(url, broken["version"])  # a round may have seen an earlier event
        assert broken["maps"][0]["broken"] is True
        assert "AM001" in broken["maps"][0]["problems"][0]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0
        assert "stopped watching" in err and "Traceback" not in err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _state(url: str, after: int) -> dict[str, object]:
    with urllib.request.urlopen(f"{url}state?after={after}", timeout=60) as answer:
        result: dict[str, object] = json.load(answer)
        return result


def _wait_for_line(process: subprocess.Popen[str], wanted: str) -> str:
    deadline = time.monotonic() + 60
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if wanted in line:
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"argmap watch never said {wanted!r}")


class _Buffer:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
