"""Start-up stays lean: each command imports only what it needs, and the shortcuts taken to get
there (cheap parameter conversion, one command built, the collector's policy) change nothing a
user can see. Timing is the benchmark's job (docs/performance.md); these tests check structure."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from argmap import gcpolicy
from argmap.cli import app, building_only
from argmap.cli.params import prime

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"

# Modules no command below needs: each costs milliseconds at every start.
NEVER = ("typer._adapters", "pydantic.type_adapter", "importlib.metadata", "email",
         "concurrent.futures", "multiprocessing")

PROBE = """
import sys
sys.argv = ["argmap", *sys.argv[1:]]
from argmap.__main__ import main
try:
    main()
except SystemExit:
    pass
names = sorted(sys.modules)
import json
sys.__stderr__.write("\\nMODULES " + json.dumps(names) + "\\n")
"""


def imported_by(*args: str, cwd: Path = ROOT) -> set[str]:
    """The modules loaded by one run of ``argmap ARGS`` (a fresh interpreter)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, cwd=cwd, env=env, timeout=60, check=False)
    marker = result.stderr.rindex("MODULES ")
    return set(json.loads(result.stderr[marker + len("MODULES "):].splitlines()[0]))


def test_version_imports_neither_typer_nor_pydantic() -> None:
    modules = imported_by("--version")
    assert {"typer", "pydantic", "yaml", "graphviz"} & modules == set()


def test_help_imports_no_pydantic_yaml_or_graphviz() -> None:
    modules = imported_by("--help")
    assert "typer" in modules
    assert {"pydantic", "yaml", "graphviz", "json", *NEVER} & modules == set()


@pytest.mark.parametrize("command", [["validate"], ["lint"], ["validate", "--format", "json"]])
def test_checking_a_map_imports_no_layout_engine_and_no_adapter(command: list[str]) -> None:
    modules = imported_by(*command, str(SEED))
    assert {"pydantic", "yaml"} <= modules  # the probe really ran the command
    assert {"graphviz", "graphviz_pure", *NEVER} & modules == set()
    assert "typer" not in modules  # a plain command line is read by argmap/cli/plain.py


def test_a_command_line_plain_reader_declines_goes_to_typer() -> None:
    modules = imported_by("validate", "--format=json", "-q", "-q", str(SEED))
    assert {"typer", "pydantic", "yaml"} <= modules


def test_render_imports_no_adapter(tmp_path: Path) -> None:
    modules = imported_by("render", "--format", "dot", "-o", str(tmp_path / "x.dot"), str(SEED))
    assert "graphviz" in modules
    assert set(NEVER) & modules == set()


def test_only_the_command_named_is_built() -> None:
    with building_only(["validate", "x.yaml"]):
        group: Any = typer.main.get_command(app)
    assert set(group.commands) == {"validate"}
    with building_only(["validat"]):  # misspelt: every command, for the suggestion
        group = typer.main.get_command(app)
    assert {"validate", "lint", "render"} <= set(group.commands)
    assert len(typer.main.get_command(app).commands) == len(group.commands)


def _every_parameter() -> list[tuple[str, Any, Any]]:
    group: Any = typer.main.get_command(app)
    ctx = group.make_context("argmap", ["--version"], resilient_parsing=True)
    found = []
    for name, command in group.commands.items():
        for param in command.get_params(ctx):
            found.append((name, param, ctx))
    return found


VALUES: dict[Any, list[Any]] = {
    str: ["AM101", "", "a b", "ünïcode"],
    int: ["0", "3", "-1", "1.5", "x", "99999999999999999999"],
    float: ["1", "300", "2.5", "0.5", "1e3", "nan", "x", "-4"],
    bool: [True, False],
    Path: ["map.yaml", "no/such/place.yaml", "", "-", str(SEED)],
}


def _typers_own(param: Any, value: Any, ctx: Any) -> Any:
    from typer._coercion import build_runtime_param

    try:
        return ("ok", build_runtime_param(param.type_descriptor).coerce(value, param=param,
                                                                          ctx=ctx))
    except Exception as error:  # compared by message below
        return ("error", type(error).__name__, str(error))


def _cheap(param: Any, value: Any, ctx: Any) -> Any:
    try:
        return ("ok", param.get_runtime_param().coerce(value, param=param, ctx=ctx))
    except Exception as error:
        return ("error", type(error).__name__, str(error))


def _samples(annotation: Any) -> list[Any]:
    from enum import Enum
    from typing import get_args, get_origin

    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return [[value] for value in _samples(item)] + [[]]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [member.value for member in annotation] + ["bogus", annotation.__members__.get(
            next(iter(annotation.__members__)))]
    return VALUES.get(annotation, [])


def test_cheap_conversion_gives_what_typer_gives_for_every_parameter() -> None:
    compared = 0
    for _, param, ctx in _every_parameter():
        annotation = param.type_descriptor.annotation
        for value in _samples(annotation):
            expected = _typers_own(param, value, ctx)
            param._runtime_param = None
            prime_one = type("Command", (), {"get_params": lambda self, c, p=param: [p]})()
            prime(prime_one, ctx)
            assert _cheap(param, value, ctx) == expected, (param.name, value)
            compared += 1
    assert compared > 100


def test_a_bad_value_gets_typers_message(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "argmap", "lint", "--jobs", "-2", str(SEED)],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert "Invalid value for '--jobs' / '-j'" in result.stderr
    assert "greater than or equal to 0" in result.stderr


def test_one_shot_process_freezes_what_it_loaded_and_watch_mode_undoes_it() -> None:
    assert gc.isenabled()
    try:
        gcpolicy.one_shot()
        assert not gc.isenabled()  # start-up: nothing to collect
        with gcpolicy.paused():
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() > 0  # loaded: frozen, collector on
    finally:
        gcpolicy.long_running()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with gcpolicy.paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0  # a long-running process never freezes


PYYAML_PROBE = """
import datetime, re, sys
from argmap import startup
startup.import_pyyaml_patterns_on_first_use()
assert "yaml" not in sys.modules
import yaml
assert type(yaml.reader.Reader.NON_PRINTABLE).__name__ == "_PatternOnFirstUse"
assert re.compile is startup.re.compile and isinstance(re.compile("x"), re.Pattern)
text = "a: 2020-01-01\\nb: yes\\nc: 1.5\\nd: ~\\ne: 0x1F\\n"
expected = {"a": datetime.date(2020, 1, 1), "b": True, "c": 1.5, "d": None, "e": 31}
assert yaml.load(text, Loader=yaml.SafeLoader) == expected  # the pure-Python loader
assert yaml.safe_dump({"x": "yes", "y": "1.5"}) == "x: 'yes'\\ny: '1.5'\\n"
try:
    yaml.load("a: \\x07", Loader=yaml.SafeLoader)
except yaml.YAMLError as error:
    assert "special characters are not allowed" in str(error)
else:
    raise AssertionError("NON_PRINTABLE did not fire")
print("ok")
"""


def test_pyyaml_with_patterns_on_first_use_still_loads_and_dumps() -> None:
    """The CLI imports PyYAML with its patterns compiled on first use (argmap/startup.py);
    its pure-Python loader and dumper, which use them, work as before."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", PYYAML_PROBE], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.stdout.strip() == "ok", result.stderr
