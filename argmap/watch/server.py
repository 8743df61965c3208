"""The page ``argmap watch`` serves on 127.0.0.1: the reader page (or the diagram) of each map,
reloaded the moment a save has been checked and drawn.

Why a server and not a file the page polls: a page opened from ``file://`` may not read another
file (browsers forbid it), and the reader page's Content-Security-Policy forbids every request.
So the reader page is shown unchanged inside a frame of a small page of our own, which asks
``/state?after=N`` and gets its answer as soon as version N is out of date (a long poll: no
delay, no busy polling). On a new version the frame reloads with the same ``#fragment``, so what
the reader had selected stays selected. Only 127.0.0.1 is bound; files are served by their index
in the list of maps, never by a path taken from the request.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

LONG_POLL_SECONDS = 20.0
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "frame-src 'self'; base-uri 'none'; form-action 'none'")


class LiveState:
    """What the page shows, published by the watch loop and read by the server's threads."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._snapshot: dict[str, Any] = {"version": 0, "maps": []}
        self._files: list[dict[str, Path | None]] = []

    def publish(self, snapshot: dict[str, Any], files: list[dict[str, Path | None]]) -> None:
        with self._changed:
            self._snapshot, self._files = snapshot, files
            self._changed.notify_all()

    def after(self, version: int, timeout: float = LONG_POLL_SECONDS) -> dict[str, Any]:
        """The snapshot, as soon as it is newer than ``version`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot["version"] != version, timeout)
            return self._snapshot

    def file(self, index: int, kind: str) -> Path | None:
        with self._changed:
            if 0 <= index < len(self._files):
                return self._files[index].get(kind)
        return None


def start_server(state: LiveState, port: int = 0) -> ThreadingHTTPServer:
    """Serve ``state`` on 127.0.0.1 (``port`` 0: any free port) from a background thread."""
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="argmap-watch-server",
                     daemon=True).start()
    return server


def _asset(name: str) -> bytes:
    return (resources.files("argmap.watch") / name).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    state: LiveState
    server_version = "argmap-watch"

    def do_GET(self) -> None:
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
        path = self.state.file(index, kind) if kind in ("page", "diagram") else None
        try:
            data = path.read_bytes() if path is not None else None
        except OSError:
            data = None
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
