"""Structured fuzzing where byte-level fuzzing cannot reach: long scalars and configurations.

The atheris harness (tests/fuzz/fuzz_loader.py) mutates bytes up to ``-max_len``; a 4,301-digit
number, a 100,001-character string or a configuration with the right keys and the wrong types
are out of its reach. Here hypothesis builds them from the format's own vocabulary: a valid map
with one value replaced by a hostile one, and configurations made of argmap's real keys, rule
codes and names with values of every shape. The promise checked: one located problem per line or
a clean configuration error, never another exception.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.lint.config import ConfigError, load_config
from argmap.lint.rule import all_rules
from argmap.model import load_map_text
from argmap.problems import MapInvalidError

MAP = (ROOT / "tests" / "examples" / "valid" / "harbour.yaml").read_text(encoding="utf-8")
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])

# Scalars a byte fuzzer with -max_len=4096 never writes: past Python's int-str limit, past the
# string bound, deep flow nesting, unusual line breaks, escapes YAML turns into control chars.
LONG_SCALARS = st.one_of(
    st.integers(4_290, 4_400).map(lambda digits: "9" * digits),
    st.integers(4_290, 4_400).map(lambda digits: "-" + "1" * digits),
    st.integers(1, 400).map(lambda digits: "1" * digits + "e" + "9" * 3),
    st.integers(99_990, 100_010).map(lambda size: "x" * size),
    st.integers(30, 1_200).map(lambda depth: "[" * depth + "]" * depth),
    st.sampled_from(['"a\\x01b"', '"\\ud800"', '"\\u2028x"', "a\u2028b", "a\u0085b", "1e3",
                     "007", ".inf", "-.nan", "0x1F", "'\\x1b[2J'", '"&#x1;&#xD800;"']),
)


def _value_lines(text: str) -> list[int]:
    """Lines of the map that hold a `key: value` pair (a value can be swapped in)."""
    return [number for number, line in enumerate(text.splitlines())
            if ": " in line and not line.lstrip().startswith("#")]


@FUZZ
@given(st.data(), LONG_SCALARS)
def test_a_long_or_odd_scalar_anywhere_is_a_located_problem_or_a_map(
        data: st.DataObject, scalar: str) -> None:
    lines = MAP.splitlines()
    number = data.draw(st.sampled_from(_value_lines(MAP)))
    key = lines[number].split(": ", 1)[0]
    lines[number] = f"{key}: {scalar}"
    try:
        load_map_text("\n".join(lines) + "\n", Path("fuzz.yaml"))
    except MapInvalidError as error:
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.line <= len(lines) + 1, problem
            assert str(problem).isprintable(), problem
            assert len(problem.message) <= 1_000, problem  # MAX_MESSAGE_CHARS, "at most"


# Written into the file as a bare number past Python's int-str limit (the generator cannot make
# such an int itself).
LONG_NUMBER = "LONGNUMBER"
RULE_KEYS = [key for rule in all_rules() for key in (rule.code, rule.name)]
OPTION_NAMES = sorted({name for rule in all_rules() for name in rule.options} | {"level"})
LEAVES = st.one_of(
    st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["off", "error", "warning", "info", "phia", "icd203", "", "\x1b[2J"]),
    st.text(max_size=20), st.just(LONG_NUMBER),
)
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from([*OPTION_NAMES, "x"]), inner, max_size=4)), max_leaves=12)
RULES = st.dictionaries(st.sampled_from([*RULE_KEYS, "AM999", "nope"]), VALUES, max_size=5)
LINT = st.fixed_dictionaries({}, optional={"jobs": VALUES, "rules": st.one_of(RULES, VALUES),
                                           "extra": VALUES})
CONFIGS = st.fixed_dictionaries({}, optional={
    "likelihood-vocabulary": VALUES, "allow-outside-paths": VALUES,
    "lint": st.one_of(LINT, VALUES), "typo": VALUES})


@FUZZ
@given(CONFIGS, st.sampled_from(["yaml", "toml"]), st.integers(0, 600))
def test_any_configuration_is_a_config_or_one_clear_error(
        tmp_path: Path, config: dict[str, Any], kind: str, depth: int) -> None:
    path = tmp_path / (".argmap.yaml" if kind == "yaml" else "pyproject.toml")
    text = yaml.safe_dump(config) if kind == "yaml" else _toml(config)
    text = text.replace(f'"{LONG_NUMBER}"', "7" * 4_301).replace(LONG_NUMBER, "7" * 4_301)
    if depth:  # nesting far past anything real, in both formats
        text += ("deep: " if kind == "yaml" else "deep = ") + "[" * depth + "]" * depth + "\n"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_config(path)
    except ConfigError as error:
        message = str(error)
        assert message.startswith(str(path)) and "\n" not in message, message
        assert len(message) < 500, message
    else:
        assert pickle.loads(pickle.dumps(loaded)) == loaded


def _toml(config: dict[str, Any]) -> str:
    """``[tool.argmap]`` holding ``config`` as inline TOML (enough for the shapes drawn)."""
    body = "".join(f"{_toml_key(key)} = {_toml_value(value)}\n" for key, value in config.items())
    return f"[tool.argmap]\n{body}"


def _toml_key(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_key(value).replace("\x1b", "\\u001b")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
