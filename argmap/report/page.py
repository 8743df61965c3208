"""The HTML page: the template with its stylesheet, script and data inlined, and a strict CSP.

The script and stylesheet are real files beside this module (``reader.js``, ``reader.css``,
``reader.html``). The Content-Security-Policy allows exactly that one script and that one
stylesheet, by their SHA-256, and nothing else: no other script, no style attribute, no request
for anything (``default-src 'none'``), so a page opened from ``file://`` or a CI artifact never
reaches the network and no text from a map can run. Data goes in as JSON inside a
``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and the two JavaScript
line separators escaped, so it can never close that block.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_PROPERTY = re.compile(r"^[a-z][a-z0-9-]*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Assets:
    template: str
    style: str
    script: str


@cache
def assets() -> Assets:
    folder = resources.files("argmap.report")
    template, style, script = (
        (folder / name).read_text(encoding="utf-8")
        for name in ("reader.html", "reader.css", "reader.js"))
    for name, text in (("reader.css", style), ("reader.js", script)):
        if re.search(r"</(script|style)", text, re.IGNORECASE):
            raise ValueError(f"{name} must not contain a closing script or style tag")
    return Assets(template, style, script)


def content_security_policy(style: str, script: str) -> str:
    return ("default-src 'none'; "
            f"style-src '{_sha256(style)}'; "
            f"script-src '{_sha256(script)}'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside a script element (ASCII only: U+2028/2029 come out escaped)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return re.sub(r"[<>&]", lambda match: _JSON_ESCAPES[match.group()], text)


def fill(parts: dict[str, str], colours: dict[str, str] | None = None) -> str:
    """The page: every ``{{name}}`` in the template replaced, in one pass (so a value that
    happens to contain ``{{...}}`` stays as it is). ``parts`` are already escaped markup;
    ``colours`` are CSS custom properties (name without ``--``: ``#RRGGBB``) put before the
    stylesheet, so tables kept in Python colour the page without a style attribute."""
    found = assets()
    style = _custom_properties(colours or {}) + found.style
    values = {**parts, "style": style, "script": found.script,
              "csp": content_security_policy(style, found.script)}
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], found.template)


def _custom_properties(colours: dict[str, str]) -> str:
    if not colours:
        return ""
    for name, value in colours.items():
        if not (_PROPERTY.match(name) and _COLOUR.match(value)):
            raise ValueError(f"not a colour property: {name}: {value}")
    return ":root { " + " ".join(f"--{name}: {value};" for name, value in colours.items()) + " }\n"


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
