"""What to do about a YAML syntax error: the parser's message turned into a fix.

The parser says *what* it found (``mapping values are not allowed in this context``); a person
who pasted article text into a map needs to know *why* and *what to type*. Article text breaks
YAML in a handful of ways (a `: ` inside a value, a value that opens with a quoted phrase, a comma
inside `{...}`, a tab, an apostrophe inside single quotes), so each hint looks at the line the
parser stopped on and recognises one of them. The parser's own words stay at the end of the
message, in brackets, for anyone searching for them.

Both libyaml and PyYAML's pure-Python parser are handled: their messages differ in wording, so
hints are chosen by what the line holds first and by the message's gist second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n?|\n")
# `  - text: value` -> indent, key, value (the value as typed, quotes included).
_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#'\"][^:#]*?):\s+(?P<value>.*)$")
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w.-]*:[^\s:]")
_BLOCK_TEXT = "or write it as a block: `{key}: >-` and the text on the next line, indented"


@dataclass(frozen=True)
class Stop:
    """Where the parser stopped and what it said."""

    problem: str
    context: str
    line: str  # the text of the line it stopped on
    column: int  # 0-based
    previous: str  # the line before, for errors only visible one line late
    opened: tuple[int, int] | None  # 1-based line and column of the context mark, if any

    @property
    def char(self) -> str:
        return self.line[self.column] if self.column < len(self.line) else ""


def explain(problem: str, context: str, text: str, line: int, column: int,
            opened: tuple[int, int] | None = None) -> str:
    """A one-line explanation with the fix for a parser error at 1-based ``line``:``column``."""
    lines = _LINE_BREAK.split(text)  # as editors count lines, not str.splitlines (U+2028...)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    previous = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    stop = Stop(problem, context, here, column - 1, previous, opened)
    raw = f"{problem} {context}".strip()
    for hint in _HINTS:
        found = hint(stop)
        if found:
            return f"YAML syntax error: {found} (parser: {raw})"
    return f"YAML syntax error: {raw}"


def _tab(stop: Stop) -> str:
    if stop.char == "\t" or ("\t" in stop.line[: stop.column + 1] and "token" in stop.problem):
        return ("a tab in the indentation: YAML indents with spaces only; replace the tab with "
                "spaces (set your editor to insert spaces)")
    return ""


def _unclosed_quote(stop: Stop) -> str:
    if "quoted scalar" not in stop.context:
        return ""
    where = f" on line {stop.opened[0]}" if stop.opened else ""
    return (f"a quoted value{where} is never closed: end it with the same quote mark; inside "
            "double quotes write a quote as \\\", inside single quotes write an apostrophe twice "
            "('')")


def _flow_collection(stop: Stop) -> str:
    if "flow mapping" in stop.context:
        return ("a `:` or `,` inside a value breaks the `{...}` mapping it is in; quote that "
                "value (`rationale: \"A party, but close.\"`) or write the mapping one field per "
                "line")
    if "flow sequence" in stop.context:
        return ("a `:`, `,` or quote inside an item breaks the `[...]` list it is in; quote the "
                "item or write the list one `- item` per line")
    return ""


def _quoted_start(stop: Stop) -> str:
    """`text: "survival pacts" with the insurgents.` -- the quotes end the value early."""
    match = _KEY_VALUE.match(stop.line)
    if match is None or ("key" not in stop.problem and "block end" not in stop.problem):
        return ""
    value, key = match["value"], match["key"].strip()
    if value[:1] in "'\"":
        if value[0] == "'" and re.match(r"'[^']*'\w", value):
            return (f"an apostrophe ends the single-quoted value of `{key}`: inside single quotes "
                    "write it twice (`it''s`), or quote the value with double quotes instead")
        other = "'" if value[0] == '"' else '"'
        return (f"the value of `{key}` starts with a quoted phrase, so YAML ends the value at the "
                f"closing {value[0]} and cannot read the rest; quote the whole value with "
                f"{other} ({key}: {other}{_short(value)}{other}), "
                + _BLOCK_TEXT.format(key=key))
    if value[:1] in "[{":
        kind = "list" if value[0] == "[" else "mapping"
        return (f"the value of `{key}` starts with `{value[0]}`, which opens a YAML {kind}; "
                f"quote the value ({key}: \"{_short(value)}\")")
    return ""


def _colon_in_value(stop: Stop) -> str:
    if "mapping values are not allowed" not in stop.problem:
        return ""
    if _KEY_NO_SPACE.match(stop.previous):
        return _space_after_colon(stop.previous)
    match = _KEY_VALUE.match(stop.line)
    if match is not None and stop.column >= match.start("value"):
        key = match["key"].strip()
        return (f"a `: ` inside the value of `{key}` reads as a new key; quote the value "
                f"({key}: \"...\"), " + _BLOCK_TEXT.format(key=key))
    return ("this line is indented deeper than the keys of its mapping, so it reads as part of "
            "the value above; line the key up with the keys around it")


def _space_after_colon(line: str) -> str:
    key = line.strip().lstrip("- ").split(":", 1)[0]
    return f"`{key}:` on the line above needs a space after the colon (`{key}: value`)"


def _reserved_start(stop: Stop) -> str:
    if "cannot start any token" not in stop.problem:
        return ""
    sign = "a backquote" if stop.char == "`" else f"`{stop.char}`"
    return f"a value cannot start with {sign} (reserved in YAML); quote the value (`text: \"...\"`)"


def _block_scalar_header(stop: Stop) -> str:
    if "block scalar" not in stop.context:
        return ""
    return ("after `>-`, `>` or `|` the text starts on the next line, indented; or, if the "
            "value really starts with that sign, quote it")


def _list_items(stop: Stop) -> str:
    if "'-' indicator" not in stop.problem and "block collection" not in stop.context:
        return ""
    return ("this line does not line up with the list around it: every item starts with `- ` "
            "in the same column, and an item's fields line up with its first field")


def _missing_colon(stop: Stop) -> str:
    if "expected ':'" not in stop.problem:
        return ""
    if _KEY_NO_SPACE.match(stop.previous):
        return _space_after_colon(stop.previous)
    where = f"line {stop.opened[0]}" if stop.opened else "the line above"
    return (f"{where} is neither `key: value` nor a list item `- ...`: add the missing `: ` or "
            "`- `, or indent it to continue the value above it (a long text can be a `>-` block)")


def _question_mark(stop: Stop) -> str:
    if "mapping keys are not allowed" not in stop.problem:
        return ""
    return "`? ` starts a YAML complex key; quote the value that contains it"


def _directive(stop: Stop) -> str:
    if "directive" not in stop.context:
        return ""
    return "a line starting with `%` is a YAML directive; quote the value or indent the line"


def _misaligned(stop: Stop) -> str:
    if "expected key" not in stop.problem and "block end" not in stop.problem \
            and "document start" not in stop.problem:
        return ""
    return ("this line does not fit the mapping it is in: keys of one mapping start in the same "
            "column, and a value with `: `, `#` or quotes inside must be quoted")


_HINTS: tuple[Callable[[Stop], str], ...] = (
    _tab, _unclosed_quote, _flow_collection, _quoted_start, _colon_in_value, _reserved_start,
    _block_scalar_header, _list_items, _missing_colon, _question_mark, _directive, _misaligned,
)


def _short(value: str, limit: int = 30) -> str:
    return value if len(value) <= limit else value[: limit - 3] + "..."
