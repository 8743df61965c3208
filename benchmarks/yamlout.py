"""Write map data as YAML the way people write maps: block style, plain scalars where safe.

PyYAML's emitter would do, but it is slow for 20,000-node maps and quotes more than a person
would; the parse cost we measure depends on what real files look like, so we write them by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TypeAlias

Value: TypeAlias = "str | int | bool | Sequence[Value] | Mapping[str, Value]"

# Safe as a YAML plain scalar in block context: no indicator first, no `: ` or ` #` inside.
_PLAIN = re.compile("[A-Za-z][A-Za-z0-9 ,.'\u2019()%/-]*[A-Za-z0-9.)%\u2019]\\Z|[A-Za-z]\\Z")
# Dates and links as people type them; both stay strings for argmap (YAML 1.2 core schema).
_PLAIN_FORMS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z|https?://[^\s#,]+\Z")
_SPECIAL_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def scalar(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if (_PLAIN.match(value) and value.lower() not in _SPECIAL_WORDS) or _PLAIN_FORMS.match(value):
        return value
    # A JSON string is a valid YAML double-quoted scalar for the characters we generate.
    return json.dumps(value, ensure_ascii=False)


def _flow_scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False) if "," in value else scalar(value)


def emit_document(sections: Mapping[str, Value]) -> str:
    lines: list[str] = []
    for key, value in sections.items():
        _emit_field(key, value, "", lines)
    return "\n".join(lines) + "\n"


def _emit_field(key: str, value: Value, indent: str, lines: list[str]) -> None:
    if isinstance(value, Mapping):
        lines.append(f"{indent}{key}:")
        for inner_key, inner in value.items():
            _emit_field(inner_key, inner, indent + "  ", lines)
    elif isinstance(value, (str, int, bool)):
        lines.append(f"{indent}{key}: {scalar(value)}")
    elif all(isinstance(item, str) for item in value):
        # Lists of ids read best on one line, as people write them.
        items = ", ".join(_flow_scalar(item) for item in value)  # type: ignore[arg-type]
        lines.append(f"{indent}{key}: [{items}]")
    else:
        lines.append(f"{indent}{key}:")
        for item in value:
            _emit_item(item, indent + "  ", lines)


def _emit_item(item: Value, indent: str, lines: list[str]) -> None:
    if not isinstance(item, Mapping):
        lines.append(f"{indent}- {scalar(item)}")  # type: ignore[arg-type]
        return
    first = True
    for key, value in item.items():
        start = len(lines)
        _emit_field(key, value, indent + "  ", lines)
        if first:  # `- key: value` for the first field, aligned fields after it
            lines[start] = f"{indent}- {lines[start][len(indent) + 2:]}"
            first = False
