"""The render stamp: a hash of everything a diagram is drawn from, embedded in the diagram.

``argmap render --check`` recomputes the hash from the map and compares; it never runs the layout
engine, so CI can check every committed diagram in a fraction of a second, and the verdict does not
depend on which engine (or which version of it) drew the diagram.

The hash covers the map's text, :data:`RENDERER_VERSION` (bumped whenever the drawing of the same
map changes) and the drawing options (view, focus, depth, legend). Beside it the stamp says the
options in words and the hash of the map's text alone, so that ``--check`` can say *why* a
diagram is stale: the map changed, an older argmap drew it, or it was drawn with other options
(a focused render written over the full diagram). Where it lives:

* SVG: ``<metadata id="argmap-render">`` right after the ``<svg>`` start tag;
* PNG: a ``tEXt`` chunk with keyword ``argmap-render`` right after ``IHDR``;
* DOT: a first-line comment.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from argmap.problems import ArgmapError
from argmap.read.files import open_regular

RENDERER_VERSION = 10
KEYWORD = "argmap-render"
_STAMP = re.compile(rb"argmap-render renderer=(\d+) input-sha256=([0-9a-f]{64})"
                    rb"(?: map-sha256=([0-9a-f]{64}) options=([\w.;=-]*))?")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SVG_START = re.compile(rb"<svg\b[^>]*>")
_HEAD_BYTES = 8192


def input_hash(map_text: str, options_description: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"{KEYWORD} {RENDERER_VERSION}\n{options_description}\n".encode())
    digest.update(map_text.encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class Stamp:
    """What a diagram's stamp says: the renderer, the input hash, and (renderer 5 on) the hash
    of the map text alone and the drawing options."""

    renderer: int
    digest: str
    map_digest: str | None = None
    options: str | None = None


def map_hash(map_text: str) -> str:
    return hashlib.sha256(map_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """What one map's diagram is drawn from, hashed once: the stamp a drawing gets and the one
    ``--check`` expects to find."""

    digest: str  # the input hash: renderer, options and map text
    map_digest: str  # the map text alone (says *why* a diagram is stale)
    options: str  # the drawing options in words (``DrawOptions.stamp_key()``)

    @classmethod
    def of(cls, map_text: str, options: str) -> Fingerprint:
        return cls(input_hash(map_text, options), map_hash(map_text), options)

    @property
    def details(self) -> tuple[str, str]:
        return self.map_digest, self.options


def stamp_text(digest: str, details: tuple[str, str] | None = None) -> str:
    text = f"{KEYWORD} renderer={RENDERER_VERSION} input-sha256={digest}"
    if details is not None:
        text += f" map-sha256={details[0]} options={details[1]}"
    return text


def stamp(data: bytes, fmt: str, digest: str, details: tuple[str, str] | None = None) -> bytes:
    """``data`` (an engine's output in ``fmt``) with the stamp embedded; ``details`` are the map
    text's hash and the options in words (see :class:`Stamp`)."""
    text = stamp_text(digest, details)
    if fmt == "svg":
        match = _SVG_START.search(data)
        if match is None:
            raise ValueError("engine output has no <svg> element")
        element = f'\n<metadata id="{KEYWORD}">{text}</metadata>'.encode()
        return data[: match.end()] + element + data[match.end():]
    if fmt == "png":
        return _png_with_text(data, KEYWORD, text.encode("ascii"))
    if fmt == "dot":
        return f"// {text}\n".encode() + data
    raise ValueError(f"cannot stamp format {fmt!r}")


def read_stamp(path: Path) -> str | None:
    """The input hash stamped in a diagram file, or None (no file, no stamp, not ours)."""
    found = read_stamp_details(path)
    return found.digest if found is not None else None


def read_stamp_details(path: Path) -> Stamp | None:
    """Everything stamped in a diagram file, or None (no file, no stamp, not ours)."""
    try:
        with open_regular(path) as stream:  # a FIFO or device in its place would block
            head = stream.read(_HEAD_BYTES)
    except (OSError, ArgmapError):
        return None
    match = _STAMP.search(head)
    if match is None:
        return None
    renderer, digest, map_digest, options = (
        group.decode("ascii") if group is not None else None for group in match.groups())
    return Stamp(int(renderer or 0), digest or "", map_digest, options)


def _png_with_text(png: bytes, keyword: str, text: bytes) -> bytes:
    """Insert a tEXt chunk after IHDR (the first chunk: 8-byte signature + 25 bytes)."""
    if not png.startswith(_PNG_SIGNATURE):
        raise ValueError("engine output is not a PNG")
    body = keyword.encode("latin-1") + b"\0" + text
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    after_header = len(_PNG_SIGNATURE) + 25
    return png[:after_header] + chunk + png[after_header:]
