"""argmap watch under attack: what its server sends, to whom, for how long, and what it reads.

The server sends only the files watch wrote in this run, while they are still those files; it
answers only requests addressed to 127.0.0.1, localhost or [::1] at its port (DNS rebinding);
connections are bounded in number and in time; a client that leaves prints nothing. Every file
the loop reads goes through the bounded reader: no FIFO blocks it, no device fills memory.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.atomic import read_written, write_text_atomic
from argmap.commands.watch import snapshot
from argmap.watch import server as server_module
from argmap.watch.core import WarmCore, WatchOptions
from argmap.watch.server import LiveState, local_host, start_server

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = b"<script>fetch('/state').then(r => r.text()).then(alert)</script>"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A map and the source text it quotes, in a repository of their own."""
    (tmp_path / ".git").mkdir()
    shutil.copy(ROOT / "tests/examples/valid/harbour.yaml", tmp_path / "m.yaml")
    shutil.copy(ROOT / "tests/examples/valid/harbour-report.txt", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def live() -> Iterator[tuple[LiveState, int]]:
    state = LiveState()
    server = start_server(state, 0)
    try:
        yield state, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def _serve_core(core: WarmCore, state: LiveState) -> None:
    core.refresh()
    state.publish(*snapshot(core))


# -- what is served ------------------------------------------------------------------------------

def test_a_page_path_that_is_a_symlink_is_neither_written_nor_served(
        folder: Path, tmp_path_factory: pytest.TempPathFactory,
        live: tuple[LiveState, int]) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "evil.html"
    outside.write_bytes(SCRIPT)
    (folder / "m.html").symlink_to(outside)  # committed to the repository, say
    core = WarmCore([folder], WatchOptions(engine="pure"))
    state, port = live
    _serve_core(core, state)
    (mapped,) = core.maps.values()
    assert mapped.page is None and mapped.broken
    assert any("symbolic link" in problem.message for problem in mapped.problems)
    status, body = _get(port, "/map/0/page")
    assert status == 404 and b"<script>" not in body
    assert outside.read_bytes() == SCRIPT  # not replaced either


@pytest.mark.parametrize("swap", ["symlink", "new file", "edited in place", "fifo"])
def test_a_written_file_swapped_afterwards_is_not_served(
        folder: Path, tmp_path_factory: pytest.TempPathFactory,
        live: tuple[LiveState, int], swap: str) -> None:
    core = WarmCore([folder], WatchOptions(engine="pure", report=False))
    state, port = live
    _serve_core(core, state)
    assert _get(port, "/map/0/diagram")[0] == 200
    diagram = folder / "m.svg"
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.svg"
    outside.write_bytes(b"<svg>secret</svg>")
    diagram.unlink() if swap != "edited in place" else None
    if swap == "symlink":
        diagram.symlink_to(outside)
    elif swap == "new file":
        shutil.copy(outside, diagram)
    elif swap == "edited in place":
        with diagram.open("ab") as stream:
            stream.write(b"<!-- more -->")
    else:
        os.mkfifo(diagram)
    status, body = _get(port, "/map/0/diagram")
    assert status == 404 and b"secret" not in body


def test_read_written_gives_the_bytes_only_of_the_very_file_written(tmp_path: Path) -> None:
    written = write_text_atomic(tmp_path / "page.html", "<p>mine</p>")
    assert read_written(written) == b"<p>mine</p>"
    (tmp_path / "page.html").write_text("<p>mine</p>")  # same bytes, another write
    os.utime(tmp_path / "page.html", ns=(0, 0))
    assert read_written(written) is None
    (tmp_path / "page.html").unlink()
    assert read_written(written) is None


# -- to whom -------------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}",
                                  "[::1]:{port}"])
def test_requests_to_this_server_by_a_local_name_are_answered(
        live: tuple[LiveState, int], host: str) -> None:
    _, port = live
    assert _get(port, "/", host.format(port=port))[0] == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "127.0.0.1",
                                  "127.0.0.1:{other}", "localhost.evil.example:{port}",
                                  "127.0.0.2:{port}", "0.0.0.0:{port}", "[::1]", ""])
@pytest.mark.parametrize("path", ["/", "/state?after=-1", "/map/0/diagram", "/live.js"])
def test_requests_naming_another_host_are_refused(
        tmp_path: Path, live: tuple[LiveState, int], host: str, path: str) -> None:
    state, port = live
    diagram = write_text_atomic(tmp_path / "m.svg", "<svg>harbour</svg>")
    state.publish({"version": 1, "maps": [{"name": "harbour"}]},
                  [{"diagram": diagram, "page": None}])
    assert _get(port, path)[0] == 200
    status, body = _get(port, path, host.format(port=port, other=port + 1))
    assert status == 403 and b"harbour" not in body


@given(st.text(max_size=40), st.integers(min_value=1, max_value=65535))
def test_only_the_three_local_names_at_the_port_are_local(host: str, port: int) -> None:
    local = {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")}
    if port == 80:
        local |= {"127.0.0.1", "localhost", "[::1]"}
    assert local_host(host, port) == (host.lower() in local)
    for name in local:
        assert local_host(name, port)


# -- for how long --------------------------------------------------------------------------------

def _closed_within(client: socket.socket, seconds: float) -> bool:
    """Whether the server closed ``client`` within ``seconds`` (reading whatever it sent)."""
    client.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not client.recv(65536):
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return False


def test_a_half_sent_request_is_cut_off(live: tuple[LiveState, int],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _, port = live
    monkeypatch.setattr(server_module._Handler, "timeout", 0.5)
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0")
        assert _closed_within(client, 10)


def test_a_request_sent_a_byte_at_a_time_is_cut_off_in_time(
        live: tuple[LiveState, int], monkeypatch: pytest.MonkeyPatch) -> None:
    _, port = live
    monkeypatch.setattr(server_module, "CONNECTION_SECONDS", 1.0)
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.settimeout(10)
        try:
            while time.monotonic() - started < 10:
                client.sendall(b"X")  # each byte in time for the per-read timeout
                time.sleep(0.1)
        except OSError:
            pass
    assert time.monotonic() - started < 8  # never, without the bound


def test_connections_beyond_the_bound_are_closed_and_the_server_recovers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "MAX_CONNECTIONS", 4)
    monkeypatch.setattr(server_module, "CONNECTION_SECONDS", 8.0)
    server = start_server(LiveState(), 0)
    port = server.server_address[1]
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
    try:
        deadline = time.monotonic() + 5
        while len(server._deadlines) < 4 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.02)  # all four accepted, on a busy machine too
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", port)) as extra:
            assert _closed_within(extra, 4)
        assert time.monotonic() - started < 4  # at once, long before the others' time is up
        for client in idle:
            assert _closed_within(client, 12)  # cut off once past their time
        assert _get(port, "/")[0] == 200
    finally:
        for client in idle:
            client.close()
        server.shutdown()
        server.server_close()


def test_a_client_that_leaves_a_long_poll_prints_nothing(
        live: tuple[LiveState, int], capfd: pytest.CaptureFixture[str]) -> None:
    state, port = live
    leaving = []
    for _ in range(3):
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(f"GET /state?after=0 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        leaving.append(client)
    time.sleep(0.3)  # the requests are read, the long polls wait
    for client in leaving:  # gone, with a reset: the answer cannot be sent
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
    state.publish({"version": 1, "maps": [], "padding": "x" * 200_000}, [])
    time.sleep(0.5)
    assert _get(port, "/state?after=-1")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err


# -- what the loop reads -------------------------------------------------------------------------

_UNDER_BOUNDS = textwrap.dedent("""
    import os, resource, shutil, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    from argmap.watch.core import WarmCore, WatchOptions
    folder = Path(sys.argv[1])
    text = (folder / "m.yaml").read_text()
    for name, how in (("zero-source", "source"), ("zero-map", "link"), ("fifo-map", "fifo")):
        case = folder / name
        case.mkdir()
        if how == "source":
            quoting = text.replace("path: harbour-report.txt", "path: /dev/zero")
            (case / "m.yaml").write_text(quoting)
        elif how == "link":
            (case / "m.yaml").symlink_to("/dev/zero")
        else:
            os.mkfifo(case / "m.yaml")
        core = WarmCore([case / "m.yaml"], WatchOptions(engine="pure", report=False,
                                                        allow_outside_paths=True))
        core.refresh()
        if how == "source":  # now the map is known to quote /dev/zero; compare once more
            core.refresh()
        for problem in core.problems():
            print(name, problem)
""")


def test_the_loop_reads_no_fifo_and_no_device(folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _UNDER_BOUNDS, str(folder)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("zero-source") and "not a regular file" in line for line in lines)
    assert any(line.startswith("zero-map") and "not a regular file" in line for line in lines)
    assert any(line.startswith("fifo-map") and "not a regular file" in line for line in lines)


def test_a_source_outside_the_repository_is_not_read_for_the_digest(
        folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    fifo = tmp_path_factory.mktemp("elsewhere") / "report.txt"
    os.mkfifo(fifo)
    text = (folder / "m.yaml").read_text()
    (folder / "m.yaml").write_text(text.replace("path: harbour-report.txt", f"path: {fifo}"))
    core = WarmCore([folder], WatchOptions(engine="pure", report=False))
    done = threading.Event()
    threading.Thread(target=lambda: (core.refresh(), core.refresh(), done.set()),
                     daemon=True).start()
    assert done.wait(60)
    (mapped,) = core.maps.values()
    assert mapped.sources == ()
    assert any("outside the repository" in problem.message for problem in mapped.problems)
