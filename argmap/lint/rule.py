"""What a lint rule is, and how rules are found: one module per rule in :mod:`argmap.lint.rules`.

A rule module defines, at top level:

* ``ID``: a stable code (``AM101``), never reused once published;
* ``NAME``: a readable name (``quote-not-in-source``), accepted wherever a code is;
* ``LEVEL``: ``"error"``, ``"warning"`` or ``"info"``, the default the configuration can change;
* ``OPTIONS``: option names and their defaults (the default's type is the option's type);
* ``check(ctx)``: a generator of :class:`Finding`, given a
  :class:`~argmap.lint.context.RuleContext`;
* a docstring: the rule's documentation (what it checks, why, an anti-pattern and the fix).

Optionally ``AFTER_SUPPRESSION = True`` for a rule that judges the other rules' results (the
unused-suppression rule). Adding a rule is adding a module and its fixture file; nothing else
lists rules.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from argmap.problems import Level
from argmap.read import Loc

if TYPE_CHECKING:
    from argmap.lint.context import RuleContext

_CODE = re.compile(r"AM[1-9][0-9]{2}\Z")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
OptionValue = bool | int | float | str | tuple[str, ...]
_V = TypeVar("_V")


class FrozenMapping(Mapping[str, _V]):
    """A read-only mapping that, unlike ``types.MappingProxyType``, can be pickled: lint settings
    travel to worker processes."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, _V] | None = None) -> None:
        self._data: dict[str, _V] = dict(data or {})

    def __getitem__(self, key: str) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenMapping[_V]], tuple[dict[str, _V]]]:
        return (type(self), (self._data,))


class Finding(NamedTuple):
    """What a rule reports: a message at a location, about one element.

    ``element`` is the id of the element whose ``suppress:`` list can silence the finding (None
    for findings about the map as a whole); ``loc`` is where in the file it points.
    """

    element: str | None
    loc: Loc
    message: str
    key: bool = False


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    level: Level
    doc: str
    check: Callable[[RuleContext], Iterable[Finding]] = field(repr=False, compare=False)
    options: Mapping[str, OptionValue] = field(default_factory=dict, compare=False)
    after_suppression: bool = False

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip().rstrip(".")

    @property
    def label(self) -> str:
        return f"{self.code} ({self.name})"


class RuleDefinitionError(Exception):
    """A module in the rules package is not a valid rule (a bug in argmap, caught by tests)."""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule in :mod:`argmap.lint.rules`, ordered by code."""
    from argmap.lint import rules as package

    found = [rule_from_module(importlib.import_module(f"{package.__name__}.{info.name}"))
             for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]
    _check_unique(found)
    return tuple(sorted(found, key=lambda rule: rule.code))


def find_rule(key: str) -> Rule | None:
    """A rule by code (any case) or by name."""
    wanted = key.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    return None


def rule_keys() -> list[str]:
    return [key for rule in all_rules() for key in (rule.code, rule.name)]


def rule_from_module(module: ModuleType) -> Rule:
    where = module.__name__
    code, name, level = (getattr(module, attr, None) for attr in ("ID", "NAME", "LEVEL"))
    check = getattr(module, "check", None)
    if not isinstance(code, str) or not _CODE.match(code):
        raise RuleDefinitionError(f"{where}: ID must be a code like AM101, not {code!r}")
    if not isinstance(name, str) or not _NAME.match(name):
        raise RuleDefinitionError(f"{where}: NAME must be lowercase-with-dashes, not {name!r}")
    if level not in {member.value for member in Level}:
        raise RuleDefinitionError(f"{where}: LEVEL must be error, warning or info")
    if not callable(check) or not module.__doc__:
        raise RuleDefinitionError(f"{where}: a rule needs a check() function and a docstring")
    options: dict[str, Any] = dict(getattr(module, "OPTIONS", {}))
    return Rule(code, name, Level(level), inspect.cleandoc(module.__doc__), check,
                FrozenMapping(options), bool(getattr(module, "AFTER_SUPPRESSION", False)))


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleDefinitionError(f"rule {key} is defined twice ({seen[key]})")
            seen[key] = rule.code
