"""Build plain Python data from YAML *events*, remembering where every key and value stood.

Why events and not ``yaml.safe_load``:

* positions: pydantic reports errors by location (``("propositions", 3, "kind")``); we need the
  line and column of that location in the file, so we record them while building;
* safety: no tag constructs an object, aliases are refused at the first ``*alias`` (an alias bomb
  costs nothing), nesting depth is bounded before PyYAML's recursive composer could overflow the C
  stack (``[[[[...`` 100,000 deep crashes the C composer), and duplicate keys are errors;
* speed: iterating libyaml's events and building dicts ourselves is faster than PyYAML's
  constructor, which is the floor we are measured against.

Scalars follow the YAML 1.2 core schema: only ``true``/``false`` are booleans (``no`` stays the
string "no"), and dates stay strings for pydantic to parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from argmap.read.limits import DEFAULT_LIMITS, Limits

Loc = tuple[str | int, ...]
Mark = tuple[int, int]

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LIMIT_CODE = "AM005"
# Python's own limit on int <-> str conversion (sys.get_int_max_str_digits, by default).
_MAX_INT_DIGITS = 4300
_DUPLICATE_CODE = "AM003"

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf")}
# A plain scalar can only be a non-string if it starts with one of these characters.
_MAYBE_TYPED = frozenset("0123456789-+.~nNtTfF")
_BREAK = re.compile(r"\r\n?|\n")
_UNUSUAL_BREAK = re.compile("[\x85\u2028\u2029]")


class YamlError(Exception):
    """A YAML document that cannot be turned into data; carries the 1-based position."""

    def __init__(self, line: int, column: int, message: str, code: str = "AM001") -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.code = code

    def located(self, path: object) -> str:
        """``path:line:column: message``, the one way a YAML error is shown."""
        return f"{path}:{self.line}:{self.column}: {self.message}"


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document stood, by location tuple."""

    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> Mark:
        """Position of the value at ``loc``, or of its nearest ancestor that exists."""
        loc = tuple(loc)
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))

    def of_key(self, loc: Loc) -> Mark:
        """Position of the mapping key at ``loc`` (falls back to the value's position)."""
        return self.keys.get(tuple(loc)) or self.of_value(loc)


class YamlDocument(NamedTuple):
    data: Any
    positions: Positions


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


def parse_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse one YAML document into dicts, lists and scalars plus their positions."""
    try:
        return _build(text, limits)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            _check_bounds_before(text, mark.index, limits)
        raise _from_marked(error, text) from None
    except yaml.YAMLError as error:
        raise _from_unmarked(error, text) from None


def _build(text: str, limits: Limits) -> YamlDocument:
    builder = _TreeBuilder(limits, text)
    handlers = builder.dispatch
    for event in yaml.parse(text, Loader=_Loader):
        handler = handlers.get(event.__class__)
        if handler is not None:
            handler(event)
    return YamlDocument(builder.root, builder.positions)


def _check_bounds_before(text: str, index: int, limits: Limits) -> None:
    """Raise argmap's own error if the text before a libyaml error already breaks a rule.

    libyaml reads up to 1,024 characters ahead before it hands out an event, and libyaml 0.2.6
    has a nesting limit of its own (1,000 levels): ``[[[[...`` stops libyaml before our depth
    bound ever sees an event. The text before the error is read again (libyaml is fast; this is
    the error path only) and what argmap finds there is reported: the first problem in the file,
    in argmap's words whatever libyaml's version says. A duplicate key is the one finding a cut
    can invent (``name`` cut from ``names``), so it does not count."""
    try:
        _build(text[:index], limits)
    except YamlError as error:
        if error.code != _DUPLICATE_CODE:
            raise
    except yaml.YAMLError:
        pass


class _TreeBuilder:
    def __init__(self, limits: Limits, text: str) -> None:
        self.limits = limits
        self.mark: Callable[[yaml.Event], Mark] = _mark
        if _UNUSUAL_BREAK.search(text):
            self.mark = LineTable(text).of_event
        self.positions = Positions()
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.nodes = 0
        self.dispatch: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            line, column = self.mark(event)
            message = "a map file holds one YAML document; found a second `---`"
            raise YamlError(line, column, message)

    def _alias(self, event: yaml.AliasEvent) -> None:
        line, column = self.mark(event)
        raise YamlError(
            line, column, f"YAML aliases are not allowed (`*{event.anchor}`); write the value out, "
            "or quote it if the `*` is part of the text",
            code="AM004",
        )

    def _check_node(self, event: yaml.NodeEvent, tag: str | None) -> None:
        self.nodes += 1
        if self.nodes <= self.limits.max_yaml_nodes and event.anchor is None and tag is None:
            return  # the common case, first: this runs once per value of a large file
        if self.nodes > self.limits.max_yaml_nodes:
            line, column = self.mark(event)
            raise YamlError(line, column, f"more than {self.limits.max_yaml_nodes:,} YAML values; "
                            "the file is too large to be a map", code=_LIMIT_CODE)
        if event.anchor is not None:
            line, column = self.mark(event)
            raise YamlError(line, column, f"YAML anchors are not allowed (`&{event.anchor}`); "
                            "write the value out, or quote it if the `&` is part of the text",
                            code="AM004")
        if tag is not None and tag != "!":
            line, column = self.mark(event)
            raise YamlError(line, column, f"YAML tags are not allowed (`{tag}`); quote the value "
                            "if the `!` is part of the text", code="AM004")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._check_node(event, None if event.implicit[0] or event.implicit[1] else event.tag)
        value = event.value
        if len(value) > self.limits.max_string_chars:
            line, column = self.mark(event)
            raise YamlError(line, column, f"string of {len(value):,} characters is longer than the "
                            f"limit of {self.limits.max_string_chars:,}", code=_LIMIT_CODE)
        stack = self.stack
        if stack and stack[-1].key is None and isinstance(stack[-1].container, dict):
            self._take_key(stack[-1], event, self.mark(event))  # keys stay strings: `no`, `true`
            return
        if event.implicit[0] and (value == "" or value[:1] in _MAYBE_TYPED):
            value = resolve_plain(value)
        self._attach(value, event)

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        self._check_node(event, None if event.implicit else event.tag)
        if len(self.stack) >= self.limits.max_depth:
            line, column = self.mark(event)
            raise YamlError(line, column, f"nesting deeper than {self.limits.max_depth} levels",
                            code=_LIMIT_CODE)
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        loc = self._attach(container, event)
        self.stack.append(_Frame(container, loc))

    def _end(self, event: yaml.CollectionEndEvent) -> None:
        self.stack.pop()

    def _attach(self, value: Any, event: yaml.NodeEvent) -> Loc:
        """Place ``value`` in the current container; return its location."""
        mark = self.mark(event)
        if not self.stack:
            self.root = value
            self.positions.values[()] = mark
            return ()
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            loc = (*frame.loc, len(container))
            container.append(value)
        elif frame.key is None:
            raise YamlError(*mark, "mapping keys must be plain strings, not lists or mappings")
        else:
            loc = (*frame.loc, frame.key)
            container[frame.key] = value
            frame.key = None
        self.positions.values[loc] = mark
        return loc

    def _take_key(self, frame: _Frame, event: yaml.ScalarEvent, mark: Mark) -> None:
        name = event.value
        if name in frame.key_lines:
            raise YamlError(*mark, f"duplicate key `{name}` (first defined on line "
                            f"{frame.key_lines[name]})", code=_DUPLICATE_CODE)
        frame.key_lines[name] = mark[0]
        frame.key = name
        key_loc = (*frame.loc, name)
        self.positions.keys[key_loc] = mark


class TypedInt(int):
    """An integer read from a plain scalar that remembers the text typed: a text field given
    ``007`` keeps ``007`` (pydantic's number-to-text coercion calls ``str``)."""

    text: str

    def __new__(cls, text: str) -> TypedInt:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type[TypedInt], tuple[str]]:
        return (type(self), (self.text,))


class TypedFloat(float):
    """A float read from a plain scalar that remembers the text typed (``1e3``, not ``1000.0``)."""

    text: str

    def __new__(cls, text: str, value: float | None = None) -> TypedFloat:
        number = super().__new__(cls, float(text) if value is None else value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[type[TypedFloat], tuple[str, float]]:
        return (type(self), (self.text, float(self)))


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema.

    Numbers remember the text typed. An integer of more digits than Python converts to and
    from text (4,300; converting more is quadratic, so Python refuses) is never converted: it is
    an infinite float that prints as typed, so a text field says it is a number (as for any
    number) and a whole-number field says it is not a whole number."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.match(value):
        if len(value.lstrip("+-")) > _MAX_INT_DIGITS:  # a number still, never converted
            return TypedFloat(value, float("-inf") if value.startswith("-") else float("inf"))
        number = int(value)
        return number if str(number) == value else TypedInt(value)
    if _FLOAT.match(value):
        real = float(value)
        return real if repr(real) == value else TypedFloat(value, real)
    lowered = value.lower()
    if lowered in _SPECIAL_FLOATS:
        return TypedFloat(value, _SPECIAL_FLOATS[lowered])
    if lowered == ".nan":
        return TypedFloat(value, float("nan"))
    return value


def _mark(event: yaml.Event) -> Mark:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class LineTable:
    """Line and column of a character index, counting only the line breaks editors count.

    libyaml also breaks lines at NEL (U+0085) and the Unicode line and paragraph separators
    (U+2028, U+2029), which editors show inside a line: with one of those in the text, every
    later line number libyaml gives would be off. Only then is this table built for a map.
    Anything that locates many places in one text builds one table (a search per place would
    scan the text from its start each time: quadratic)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def of_index(self, index: int) -> Mark:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def of_event(self, event: yaml.Event) -> Mark:
        mark = event.start_mark
        return self.of_index(mark.index) if mark is not None else (1, 1)


def _from_marked(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    from argmap.read.yaml_hints import explain  # only a broken file needs the hints

    mark = error.problem_mark or error.context_mark
    line, column = line_and_column(text, mark.index) if mark is not None else (1, 1)
    opened = error.context_mark
    return YamlError(line, column, explain(
        error.problem or "invalid YAML", f"({error.context})" if error.context else "", text,
        line, column, line_and_column(text, opened.index) if opened is not None else None,
    ))


def _from_unmarked(error: yaml.YAMLError, text: str) -> YamlError:
    position = getattr(error, "position", None)
    if isinstance(position, int) and _Loader is not yaml.SafeLoader:
        # libyaml's reader counts bytes of UTF-8, not characters.
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    line, column = line_and_column(text, position) if isinstance(position, int) else (1, 1)
    reason = getattr(error, "reason", None) or str(error).splitlines()[0]
    return YamlError(line, column, f"YAML error: {reason}")


def line_and_column(text: str, offset: int) -> Mark:
    """1-based line and column of character ``offset`` in ``text`` (lines end at LF, CR LF or
    CR, as editors count them)."""
    return LineTable(text[:offset]).of_index(offset)
