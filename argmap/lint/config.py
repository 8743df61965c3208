"""Lint configuration: ``.argmap.yaml`` or ``[tool.argmap]`` in ``pyproject.toml``.

Both hold the same keys (see ``docs/lint.md``)::

    likelihood-vocabulary: phia      # for maps that do not name one
    allow-outside-paths: false       # read source texts outside the repository
    lint:
      jobs: 0                        # worker processes; 0 picks by the amount of work
      rules:
        AM125: off                   # a code or a name; off, error, warning or info
        not-standalone:
          level: info
          pronouns: [he, she, they]

The file is found in the current folder or the nearest one above it (stopping at the repository
root); ``.argmap.yaml`` wins over ``pyproject.toml`` in the same folder. Anything unknown is an
error that says where: a typo must not silently turn a rule's option back to its default.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.lint.rule import FrozenMapping, OptionValue, Rule, all_rules, find_rule, rule_keys
from argmap.model.vocabulary import VOCABULARIES
from argmap.problems import Level, UsageError, one_line
from argmap.read import Loc, Positions, YamlError, decode_utf8, parse_yaml, read_bytes
from argmap.suggest import did_you_mean

YAML_NAME = ".argmap.yaml"
PYPROJECT = "pyproject.toml"
_TOP_KEYS = ("likelihood-vocabulary", "allow-outside-paths", "lint")
_LINT_KEYS = ("jobs", "rules")
_OFF = "off"
# A configuration is a few dozen lines; pyproject.toml files run to a few kilobytes. The bound
# keeps `--config /dev/zero`-like mistakes (and hostile repositories) from eating memory.
CONFIG_MAX_BYTES = 1024 * 1024


class ConfigError(UsageError):
    """The configuration file is wrong (exit code 2)."""


@dataclass(frozen=True)
class RuleSetting:
    """A rule as configured: its level (None when off) and every option's value."""

    level: Level | None
    options: Mapping[str, OptionValue]


@dataclass(frozen=True)
class LintConfig:
    source: str | None = None
    vocabulary: str | None = None
    allow_outside_paths: bool = False
    jobs: int = 0
    overrides: Mapping[str, RuleSetting] = field(default_factory=dict)

    def setting(self, rule: Rule) -> RuleSetting:
        return self.overrides.get(rule.code) or RuleSetting(rule.level, rule.options)

    def enabled(self) -> list[tuple[Rule, RuleSetting]]:
        pairs = [(rule, self.setting(rule)) for rule in all_rules()]
        return [(rule, setting) for rule, setting in pairs if setting.level is not None]


def find_config(start: Path) -> Path | None:
    """The nearest ``.argmap.yaml`` or ``pyproject.toml`` with ``[tool.argmap]``."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / YAML_NAME).is_file():
            return _shown(candidate / YAML_NAME, folder)
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and "argmap" in _tool_table(pyproject):
            return _shown(pyproject, folder)
        if (candidate / ".git").exists():
            return None
    return None


def _shown(path: Path, folder: Path) -> Path:
    """``path`` relative to the folder the search started in, when it is below it."""
    return path.relative_to(folder) if path.is_relative_to(folder) else path


def load_config(path: Path | None) -> LintConfig:
    """Read and check a configuration file; None gives the defaults."""
    if path is None:
        return LintConfig()
    if path.suffix == ".toml":
        table = _tool_table(path).get("argmap", {})
        return parse_config(table, str(path), lambda loc: f"{path}: {_toml_key(loc)}")
    data, positions = _read_yaml(path)
    if data is None:
        return LintConfig(source=str(path))

    def where(loc: Loc) -> str:
        line, column = positions.of_key(loc) if loc else (1, 1)
        return f"{path}:{line}:{column}:"

    return parse_config(data, str(path), where)


def parse_config(data: Any, source: str, where: Callable[[Loc], str]) -> LintConfig:
    table = _mapping(data, (), where)
    _known_keys(table, _TOP_KEYS, (), where)
    lint = _mapping(table.get("lint", {}), ("lint",), where)
    _known_keys(lint, _LINT_KEYS, ("lint",), where)
    vocabulary = table.get("likelihood-vocabulary")
    if vocabulary is not None and (not isinstance(vocabulary, str)
                                   or vocabulary not in VOCABULARIES):
        raise ConfigError(f"{where(('likelihood-vocabulary',))} likelihood-vocabulary must be "
                          f"one of: {', '.join(VOCABULARIES)}; found {_quoted_value(vocabulary)}")
    allow = table.get("allow-outside-paths", False)
    jobs = lint.get("jobs", 0)
    if not isinstance(allow, bool):
        raise ConfigError(f"{where(('allow-outside-paths',))} allow-outside-paths must be "
                          "true or false")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ConfigError(f"{where(('lint', 'jobs'))} jobs must be a whole number, 0 or more")
    rules = _mapping(lint.get("rules", {}), ("lint", "rules"), where)
    overrides = {}
    for key, value in rules.items():
        rule, setting = _rule_setting(str(key), value, ("lint", "rules", key), where)
        overrides[rule.code] = setting
    return LintConfig(source, vocabulary, allow, jobs, FrozenMapping(overrides))


def _rule_setting(key: str, value: Any, loc: Loc, where: Callable[[Loc], str]
                  ) -> tuple[Rule, RuleSetting]:
    rule = find_rule(key)
    if rule is None:
        hint = did_you_mean(key, rule_keys())
        raise ConfigError(f"{where(loc)} no rule is called `{key}`{hint}")
    if not isinstance(value, dict):
        return rule, RuleSetting(_level(value, rule, loc, where), rule.options)
    options = dict(rule.options)
    level: Level | None = rule.level
    for name, option_value in value.items():
        if name == "level":
            level = _level(option_value, rule, (*loc, name), where)
        elif name in rule.options:
            options[name] = _option(rule, name, option_value, (*loc, name), where)
        else:
            known = ", ".join(["level", *rule.options])
            raise ConfigError(f"{where((*loc, name))} rule {rule.label} has no option `{name}`"
                              f"{did_you_mean(name, list(rule.options))} (its options: {known})")
    return rule, RuleSetting(level, FrozenMapping(options))


def _level(value: Any, rule: Rule, loc: Loc, where: Callable[[Loc], str]) -> Level | None:
    if value is False or value == _OFF:
        return None
    if isinstance(value, str) and value in {member.value for member in Level}:
        return Level(value)
    raise ConfigError(f"{where(loc)} rule {rule.label}: the level must be off, error, warning or "
                      f"info; found {_quoted_value(value)}")


def _option(rule: Rule, name: str, value: Any, loc: Loc, where: Callable[[Loc], str]
            ) -> OptionValue:
    default = rule.options[name]
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
    elif isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, (int, float)):
        if isinstance(value, (int, float)) and not isinstance(value, bool) \
                and (isinstance(default, float) or isinstance(value, int)):
            return value
    elif isinstance(value, str):
        return value
    raise ConfigError(f"{where(loc)} rule {rule.label}: option `{name}` must be "
                      f"{_type_name(default)}; found {_quoted_value(value)}")


def _type_name(default: OptionValue) -> str:
    if isinstance(default, tuple):
        return "a list of strings"
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number"
    return "a number" if isinstance(default, float) else "a string"


def _mapping(value: Any, loc: Loc, where: Callable[[Loc], str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        name = ".".join(map(str, loc)) or "the configuration"
        raise ConfigError(f"{where(loc)} {name} must be a mapping of keys to values")
    return value


def _known_keys(table: dict[str, Any], known: tuple[str, ...], loc: Loc,
                where: Callable[[Loc], str]) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(f"{where((*loc, key))} unknown setting `{key}`"
                              f"{did_you_mean(str(key), list(known))} "
                              f"(known: {', '.join(known)})")


def _toml_key(loc: Loc) -> str:
    return "[tool.argmap" + "".join(f".{part}" for part in loc) + "]"


def _quoted_value(value: Any) -> str:
    """A configured value as a message quotes it: one line, at most 60 characters."""
    if isinstance(value, (dict, list)):
        return f"a {'table' if isinstance(value, dict) else 'list'}"
    text = one_line(str(value)) if isinstance(value, str) else one_line(repr(value)[:61])
    return f"`{text[:57]}...`" if len(text) > 60 else f"`{text}`"


def _tool_table(path: Path) -> dict[str, Any]:
    """The ``[tool]`` table of a TOML file (empty when absent); anything else is an error."""
    tool = _read_toml(path).get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table; found {_quoted_value(tool)}")
    return tool


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib
        except ImportError:
            raise ConfigError(f"{path}: reading TOML needs Python 3.11 or the `tomli` package; "
                              f"use {YAML_NAME} instead") from None
    text = _read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {one_line(str(error))}") from None
    except RecursionError:  # the parser recurses per level of [[[...]]] or {a={b={...}}}
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except ValueError:  # the parser's int() refuses more digits than Python converts (4,300)
        raise ConfigError(f"{path}: not valid TOML: a number is too long to read") from None


def _read_config_text(path: Path) -> str:
    """The file's text: a regular file (a FIFO would block), at most CONFIG_MAX_BYTES, UTF-8."""
    try:
        return decode_utf8(read_bytes(path, CONFIG_MAX_BYTES))
    except YamlError as error:
        raise ConfigError(error.located(path)) from None


def _read_yaml(path: Path) -> tuple[Any, Positions]:
    try:
        document = parse_yaml(_read_config_text(path))
    except YamlError as error:
        raise ConfigError(error.located(path)) from None
    return document.data, document.positions
