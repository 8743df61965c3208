"""A cheap path through typer's conversion of command-line values.

typer (from 0.29) converts every value through a pydantic ``TypeAdapter`` that it builds, per
parameter, on first use. For ``argmap validate`` that was importing pydantic's adapter machinery
and building four adapters: more time than validating the seed map. argmap's parameters are
plain (paths without checks, text, bounded numbers, enum choices), so a value that is plainly
valid is converted here directly, to what typer would have made of it
(``tests/test_startup.py`` compares the two). Anything else (a bad value, an annotation not listed
here, an older typer without this machinery) goes through typer's own conversion, so error
messages stay typer's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]*)?")

try:  # typer >= 0.29; with an older typer nothing is primed and typer converts as it always did
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
    from typer.core import _TyperParameter

    _PRIMING = True
except ImportError:  # pragma: no cover - depends on the installed typer
    RuntimeParam = object  # type: ignore[assignment,misc]
    _PRIMING = False


class _NotPlain(Exception):
    """The value needs typer's own conversion (and its error message)."""


Convert = Callable[[Any, Any, Any], Any]


def prime(command: Any, ctx: Any) -> None:
    """Give each of ``command``'s parameters (``--help`` too) the cheap conversion, where one
    applies."""
    if not _PRIMING:  # pragma: no cover - depends on the installed typer
        return
    for param in command.get_params(ctx):
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            convert = _converter(param.type_descriptor.annotation,
                                 param.type_descriptor.parameter_info)
            if convert is not None:
                param._runtime_param = _CheapParam(
                    param.type_descriptor.parameter_info, param.type_descriptor.annotation,
                    convert)


def _converter(annotation: Any, info: Any) -> Convert | None:
    if info.parser is not None or getattr(info, "clamp", False):
        return None
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        leaf = _leaf_converter(item, info)
        if leaf is None:
            return None
        return lambda values, param, ctx: [leaf(value, param, ctx) for value in values]
    return _leaf_converter(annotation, info)


def _leaf_converter(annotation: Any, info: Any) -> Convert | None:
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation in (int, float):
        return _number(annotation, info.min, info.max)
    if isinstance(annotation, type) and issubclass(annotation, Enum) and info.case_sensitive:
        return _choice(annotation)
    if annotation is Path and info.path_type is None:
        return _path(info)
    return None


def _text(value: Any, param: Any, ctx: Any) -> str:
    if not isinstance(value, str):
        raise _NotPlain
    return value


def _flag(value: Any, param: Any, ctx: Any) -> bool:
    if not isinstance(value, bool):
        raise _NotPlain
    return value


def _number(kind: type[float], low: float | None, high: float | None) -> Convert:
    pattern = _INTEGER if kind is int else _DECIMAL

    def convert(value: Any, param: Any, ctx: Any) -> Any:
        number: float
        if type(value) is kind:
            number = value
        elif isinstance(value, str) and pattern.fullmatch(value):
            number = kind(value)
        else:
            raise _NotPlain
        if (low is not None and number < low) or (high is not None and number > high):
            raise _NotPlain
        return number

    return convert


def _choice(enum: type[Enum]) -> Convert:
    members = {member.value: member for member in enum}

    def convert(value: Any, param: Any, ctx: Any) -> Enum:
        if isinstance(value, enum):
            return value
        if isinstance(value, str) and value in members:
            return members[value]
        raise _NotPlain

    return convert


def _path(info: Any) -> Convert:
    def convert(value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, (str, Path)) or value in ("", "-"):
            raise _NotPlain
        # typer's own checks (exists, readable, ...) on a value that is already a Path:
        # the same checks and messages, without building a TypeAdapter for the str -> Path step.
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)

    return convert


@dataclass(frozen=True)
class _CheapParam(RuntimeParam):
    convert: Convert

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self.convert(value, param, ctx)
        except _NotPlain:
            return build_runtime_param(param.type_descriptor)._coerce_value(
                value, param=param, ctx=ctx)
