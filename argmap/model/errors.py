"""Turn pydantic's validation errors into one readable, located line each."""

from __future__ import annotations

import re
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from argmap.model.elements import SHA256_PATTERN, SLUG_PATTERN, URL_PATTERN, ArgumentMap
from argmap.model.index import KIND_NAMES
from argmap.read import Loc, Positions
from argmap.suggest import did_you_mean

_QUOTED = re.compile(r"'([^']*)'")
_PATTERN_HINTS = {
    SLUG_PATTERN: "is not a valid id: use lowercase letters, digits, `-`, `_` or `.`, "
    "starting with a letter or digit",
    URL_PATTERN: "is not a web address: a url must start with http:// or https://",
    SHA256_PATTERN: "is not a SHA-256: write the 64 lowercase hex digits of the file's hash",
}


def describe_error(error: ErrorDetails, data: Any, positions: Positions) -> tuple[int, int, str]:
    """Return (line, column, message) for one pydantic error on the document ``data``."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        line, column = positions.of_key(loc)
        where = describe_location(loc[:-1], data)
        return line, column, (f"{where}unknown field `{_short(loc[-1])}`"
                              f"{_suggest_field(loc) or _cut_at_comma(loc, data)}")
    if kind == "missing":
        line, column = positions.of_value(loc[:-1])
        where = describe_location(loc[:-1], data)
        return line, column, f"{where}missing required field `{_short(loc[-1])}`"
    line, column = positions.of_value(loc)
    return line, column, f"{describe_location(loc, data)}{_explain(error)}"


def _explain(error: ErrorDetails) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "literal_error" and tuple(error["loc"]) == ("map", "format"):
        return f"format version `{_short(value)}` is not supported; this argmap reads version 1"
    if kind == "literal_error":
        options = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(value), options)
        return f"`{_short(value)}` is not one of: {', '.join(options)}{hint}"
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern"))
        return f"`{_short(value)}` {_PATTERN_HINTS.get(pattern, f'does not match {pattern}')}"
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = error.get("ctx", {}).get("le", error.get("ctx", {}).get("ge"))
        word = "at most" if kind == "less_than_equal" else "at least"
        return f"`{_short(value)}` is out of range: must be {word} {bound}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_type" and isinstance(value, bool):
        return (f"`{str(value).lower()}` is true or false, not text: put it in quotes "
                f"(`\"{str(value).lower()}\"`)")
    if kind == "string_type" and isinstance(value, (int, float)):
        return (f"`{_short(value)}` is a number, not text: put text that looks "
                f"like one in quotes (`\"{_short(value)}\"`)")
    if kind == "int_type" and isinstance(value, float):  # 1.5, 1e3, or over 4,300 digits
        return f"`{_short(value)}` is not a whole number"
    if kind == "int_type" and isinstance(value, str):
        return f"`\"{_short(value)}\"` is text, not a whole number: write the number without quotes"
    if kind == "bool_type":
        return f"`{_short(value)}` is not true or false: write `true` or `false`"
    if kind == "int_parsing_size":  # the reader keeps integers of over 4,300 digits as text
        return "a number of more than 4,300 digits is too long to be a whole number"
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping of fields, found {_type_name(value)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, found {_type_name(value)}"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def describe_location(loc: Loc, data: Any) -> str:
    """``proposition `drone-match`: kind: `` -- a human name for a location."""
    if not loc:
        return ""
    parts: list[str] = []
    rest = loc
    if len(loc) >= 2 and loc[0] in KIND_NAMES and isinstance(loc[1], int):
        element = _get(data, loc[:2])
        ident = element.get("id") if isinstance(element, dict) else None
        name = f"`{_short(ident)}`" if isinstance(ident, str) else f"#{loc[1] + 1}"
        parts.append(f"{KIND_NAMES[str(loc[0])]} {name}")
        rest = loc[2:]
    dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{_short(part)}" for part in rest)
    if dotted:
        parts.append(dotted.lstrip("."))
    return ": ".join(parts) + ": "


def _suggest_field(loc: Loc) -> str:
    model = model_at(loc[:-1])
    if model is None:
        return ""
    return did_you_mean(str(loc[-1]), list(model.model_fields))


def _cut_at_comma(loc: Loc, data: Any) -> str:
    """``{rationale: A party, but close.}`` reads `but close.` as a key with no value."""
    key = str(loc[-1])
    if " " in key.strip() and _get(data, loc) is None:
        return ("; it looks like text cut at a comma inside `{...}`: quote the value the comma "
                "is in (`rationale: \"A party, but close.\"`)")
    return ""


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (list indexes are skipped)."""
    model: type[BaseModel] = ArgumentMap
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        inner = _inner_model(field.annotation) if field is not None else None
        if inner is None:
            return None
        model = inner
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    pending = [annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        pending.extend(get_args(current))
    return None


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _short(value: Any, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)
