"""JSON values taken only in the type a reader expects.

An imported file is a stranger's JSON: a statement may be a number, a list of tags a string, an
id an object. Every reader asks for its values through these functions, which give the expected
type or an empty one (the element is then listed as not carried where it matters), so a wrong
type is never an ``AttributeError`` half-way through an import.
"""

from __future__ import annotations

from typing import Any

# The longest run of digits the JSON reader turns into an int: Python refuses to convert more
# (the conversion is quadratic), so a longer one is kept as the text it is.
MAX_INT_DIGITS = 4300


def bounded_int(digits: str) -> int | str:
    """``json.loads``'s ``parse_int``: an int, or the digits as text when too long to convert."""
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


def mapping(value: object) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def records(value: object) -> list[dict[str, Any]]:
    """The objects in ``value`` when it is a JSON list (anything else in it is left out)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def scalar(value: object) -> str | None:
    """A text or a number as text (ids are often numbers); ``None`` for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def text(value: object) -> str:
    """``value`` as text when it is a text or a number, else empty."""
    return scalar(value) or ""


def strings(value: object) -> list[str]:
    """The texts (and numbers, as text) in ``value`` when it is a JSON list."""
    if not isinstance(value, list):
        return []
    return [found for item in value if (found := scalar(item)) is not None]
