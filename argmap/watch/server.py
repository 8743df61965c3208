"""The page ``argmap watch`` serves on 127.0.0.1: the reader page (or the diagram) of each map,
reloaded the moment a save has been checked and drawn.

Why a server and not a file the page polls: a page opened from ``file://`` may not read another
file (browsers forbid it), and the reader page's Content-Security-Policy forbids every request.
So the reader page is shown unchanged inside a frame of a small page of our own, which asks
``/state?after=N`` and gets its answer as soon as version N is out of date (a long poll: no
delay, no busy polling). On a new version the frame reloads with the same ``#fragment``, so what
the reader had selected stays selected.

What a web page elsewhere could ask of it is bounded. Only 127.0.0.1 is bound, and a request
whose ``Host`` is not 127.0.0.1, localhost or [::1] at this port is refused (a page of another
site that has its name resolve to 127.0.0.1, DNS rebinding, sends its own name). Files are served
by their index in the list of maps, never by a path taken from the request, and only the files
watch wrote in this run, while they are still those very files (a symbolic link put in a page's
place is not followed). Connections are bounded in number and in time; a client that leaves is
no error.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from argmap.atomic import Written, read_written
from argmap.problems import one_line

LONG_POLL_SECONDS = 20.0
# Each socket operation (reading the request, sending the answer) waits at most this long, and a
# connection lasts at most CONNECTION_SECONDS in all (a long poll, then sending a large page):
# a client that sends half a request, or reads a byte a minute, is cut off.
SOCKET_SECONDS = 10.0
CONNECTION_SECONDS = LONG_POLL_SECONDS + 30.0
# Connections served at once; more are closed at once (the page asks again a second later). A
# browser opens six at most per site; every tab holds one long poll.
MAX_CONNECTIONS = 32
_LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "frame-src 'self'; base-uri 'none'; form-action 'none'")


class LiveState:
    """What the page shows, published by the watch loop and read by the server's threads."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._snapshot: dict[str, Any] = {"version": 0, "maps": []}
        self._files: list[dict[str, Written | None]] = []

    def publish(self, snapshot: dict[str, Any], files: list[dict[str, Written | None]]) -> None:
        with self._changed:
            self._snapshot, self._files = snapshot, files
            self._changed.notify_all()

    def after(self, version: int, timeout: float = LONG_POLL_SECONDS) -> dict[str, Any]:
        """The snapshot, as soon as it is newer than ``version`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot["version"] != version, timeout)
            return self._snapshot

    def file(self, index: int, kind: str) -> Written | None:
        with self._changed:
            if 0 <= index < len(self._files):
                return self._files[index].get(kind)
        return None


def start_server(state: LiveState, port: int = 0) -> ThreadingHTTPServer:
    """Serve ``state`` on 127.0.0.1 (``port`` 0: any free port) from a background thread."""
    handler = type("Handler", (_Handler,), {"state": state})
    server = _BoundedServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="argmap-watch-server",
                     daemon=True).start()
    return server


class _BoundedServer(ThreadingHTTPServer):
    """A thread per connection, at most MAX_CONNECTIONS of them, none older than
    CONNECTION_SECONDS."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._deadlines: dict[socket.socket, float] = {}  # each open connection's last moment
        self._lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            room = len(self._deadlines) < MAX_CONNECTIONS
            if room:
                self._deadlines[request] = time.monotonic() + CONNECTION_SECONDS
        if room:
            super().process_request(request, client_address)
        else:
            self.shutdown_request(request)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._deadlines.pop(request, None)
        super().shutdown_request(request)

    def service_actions(self) -> None:
        """Run by ``serve_forever`` twice a second: cut off connections past their time (their
        thread's next read or write fails, and it ends)."""
        now = time.monotonic()
        with self._lock:
            late = [request for request, deadline in self._deadlines.items() if deadline < now]
        for request in late:
            with contextlib.suppress(OSError):
                request.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away, or was cut off, is no error; anything else is one line."""
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            sys.stderr.write(f"argmap: watch server: {type(error).__name__}: "
                             f"{one_line(str(error))}\n")


def local_host(host: str, port: int) -> bool:
    """Whether a request's ``Host`` header names this server: 127.0.0.1, localhost or [::1],
    at ``port`` (which a browser leaves out only for port 80)."""
    name, colon, number = host.rpartition(":")
    if not colon or name.endswith(":") or "]" in number:  # no port: "localhost", "[::1]"
        name, number = host, "80"
    return name.lower() in _LOCAL_NAMES and number == str(port)


def _asset(name: str) -> bytes:
    return (resources.files("argmap.watch") / name).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    state: LiveState
    server_version = "argmap-watch"
    timeout = SOCKET_SECONDS

    def do_GET(self) -> None:
        if not local_host(self.headers.get("Host", ""), self.connection.getsockname()[1]):
            self.send_error(HTTPStatus.FORBIDDEN, "only 127.0.0.1, localhost and [::1]")
            return
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            self._send(_asset("live.html"), "text/html; charset=utf-8")
        elif url.path in ("/live.js", "/live.css"):
            kind = "text/javascript" if url.path.endswith(".js") else "text/css"
            self._send(_asset(url.path[1:]), f"{kind}; charset=utf-8")
        elif url.path == "/state":
            after = _integer(query.get("after", ["-1"])[0], -1)
            body = json.dumps(self.state.after(after)).encode("utf-8")
            self._send(body, "application/json", cache=False)
        elif url.path.startswith("/map/"):
            self._send_output(url.path.split("/")[2:])
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send_output(self, parts: list[str]) -> None:
        index = _integer(parts[0], -1) if parts else -1
        kind = parts[1] if len(parts) > 1 else ""
        written = self.state.file(index, kind) if kind in ("page", "diagram") else None
        data = read_written(written) if written is not None else None
        if data is None:
            self.send_error(HTTPStatus.NOT_FOUND, "not drawn yet")
            return
        kind_type = "text/html; charset=utf-8" if kind == "page" else "image/svg+xml"
        # The reader page brings its own strict policy; ours must not loosen it.
        self._send(data, kind_type, cache=False, policy=kind != "page")

    def _send(self, body: bytes, content_type: str, *, cache: bool = True,
              policy: bool = True) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if policy:
            self.send_header("Content-Security-Policy", _CSP)
        if not cache:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line each on the terminal the user watches."""


def _integer(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default
