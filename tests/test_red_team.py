"""Regression tests for the red team's classes (docs/reliability.md, "Red team"): every hostile
input or situation ends in one clean located line, a bounded cost, or a correct result."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.lint.config import ConfigError, load_config
from argmap.lint.engine import LintSettings, lint_many
from argmap.model import load_map_text
from argmap.problems import MapInvalidError
from argmap.read import YamlError, parse_yaml

VALID = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
MAP = VALID.read_text(encoding="utf-8")
LONG_NUMBER = "7" * 4_301  # one digit past Python's int <-> str conversion limit


def argmap(*args: str | Path, cwd: Path = ROOT, timeout: float = 60,
           **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, **options)  # type: ignore[call-overload]


def assert_one_clean_line(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


# --- 1. crashes: lint configuration in worker processes ----------------------------------------

def test_a_lint_configuration_travels_to_worker_processes(tmp_path: Path) -> None:
    config = tmp_path / ".argmap.yaml"
    config.write_text("lint:\n  rules:\n    AM125: off\n    not-standalone:\n"
                      "      level: info\n      pronouns: [he]\n")
    loaded = load_config(config)
    assert pickle.loads(pickle.dumps(loaded)) == loaded  # whatever the number of cores
    (tmp_path / ".git").mkdir()
    files = [tmp_path / f"m{n}.yaml" for n in range(3)]
    for path in files:
        path.write_text(MAP, encoding="utf-8")
    settings = LintSettings(loaded)
    assert lint_many(files, settings, jobs=2) == lint_many(files, settings, jobs=1)


# --- 1. crashes: numbers past Python's conversion limit -----------------------------------------

@pytest.mark.parametrize("where", ["title", "start", "premise", "key"])
def test_a_number_of_4301_digits_anywhere_is_a_located_error(where: str) -> None:
    edits = {
        "title": ("  summary: A short report blames a snapped cable and, by judgment, skipped "
                  "maintenance.", f"  summary: {LONG_NUMBER}"),
        "start": ("    mode: indirect\n", f"    mode: indirect\n    start: {LONG_NUMBER}\n"
                  f"    end: {LONG_NUMBER}\n"),
        "premise": ("premises: [", f"premises: [{LONG_NUMBER}, "),
        "key": ("map:\n", f"map:\n  {LONG_NUMBER}: 1\n"),
    }
    old, new = edits[where]
    assert old in MAP
    text = MAP.replace(old, new, 1)
    with pytest.raises(MapInvalidError) as caught:
        load_map_text(text, Path("m.yaml"))
    for problem in caught.value.problems:
        assert str(problem).startswith("m.yaml:") and len(problem.message) < 300


def test_a_long_number_in_a_folder_run_hides_no_other_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MAP.replace("credibility: 2", f"credibility: {LONG_NUMBER}"))
    (tmp_path / "b.yaml").write_text("map: [broken\n")
    result = argmap("validate", tmp_path)
    assert_one_clean_line(result, 1)
    assert "a.yaml:" in result.stdout and "b.yaml:" in result.stdout


@pytest.mark.parametrize("typed", ["1e3", "007", "1.50", "-0", ".inf"])
def test_a_number_in_a_text_field_is_named_as_typed_and_asked_in_quotes(typed: str) -> None:
    """Types are strict, as in the JSON Schema (issue 17): a number is text only when quoted;
    the message shows the number as it was typed."""
    text = MAP.replace("  title: Why did the harbour crane collapse?", f"  title: {typed}", 1)
    with pytest.raises(MapInvalidError, match=f"`{re.escape(typed)}` is a number, not text"):
        load_map_text(text, Path("m.yaml"))
    quoted = MAP.replace("  title: Why did the harbour crane collapse?", f"  title: '{typed}'")
    assert load_map_text(quoted, Path("m.yaml")).model.map.title == typed


def test_a_number_as_an_id_is_the_id_typed() -> None:
    text = MAP.replace("premises: [", "premises: [1e3, ", 1)
    with pytest.raises(MapInvalidError, match="`1e3`"):
        load_map_text(text, Path("m.yaml"))


def test_typed_numbers_are_still_numbers_where_numbers_are_wanted() -> None:
    data = parse_yaml("a: 12\nb: 1e3\nc: 0.5\n").data
    assert data == {"a": 12, "b": 1000.0, "c": 0.5}
    assert pickle.loads(pickle.dumps(data)) == data


# --- 1. crashes: malformed configurations -------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "says"), [
    (".argmap.yaml", "likelihood-vocabulary: [phia]\n", "likelihood-vocabulary must be one of"),
    (".argmap.yaml", "lint:\n  rules:\n    AM125: [off]\n", "the level must be"),
    (".argmap.yaml", "lint:\n  rules:\n    AM125: {level: {a: 1}}\n", "the level must be"),
    (".argmap.yaml", "lint:\n  rules: [AM125]\n", "must be a mapping"),
    (".argmap.yaml", f"lint:\n  jobs: {LONG_NUMBER}\n", "jobs must be a whole number"),
    ("pyproject.toml", "tool = 3\n", "[tool] must be a table"),
    ("pyproject.toml", "tool = [1, 2]\n", "[tool] must be a table"),
    ("pyproject.toml", "[tool]\nargmap = 'x'\n", "must be a mapping"),
    ("pyproject.toml", "[tool.argmap]\nx = " + "[" * 3_000 + "]" * 3_000, "nested too deeply"),
    ("pyproject.toml", "[tool.argmap]\nx = " + "{a=" * 3_000 + "}" * 3_000, "nested too deeply"),
    ("pyproject.toml", f"[tool.argmap]\nx = {LONG_NUMBER}\n", "a number is too long"),
    ("pyproject.toml", "[tool.argmap]\nlikelihood-vocabulary = 3\n", "must be one of"),
])
def test_a_malformed_configuration_is_one_clear_line(tmp_path: Path, name: str, text: str,
                                                     says: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError, match=re_escape(says)) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message and len(message) < 300


def test_a_configuration_that_is_not_a_regular_file_or_too_big_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    import os

    os.mkfifo(fifo)
    result = argmap("lint", "--config", fifo, VALID, timeout=20)
    assert_one_clean_line(result, 2)
    assert "not a regular file" in result.stderr
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (1024 * 1024))
    with pytest.raises(ConfigError, match="over the limit"):
        load_config(huge)
    result = argmap("lint", "--config", "/dev/zero", VALID, timeout=20)
    assert_one_clean_line(result, 2)


# --- 6. positions: multibyte text, unusual line breaks ------------------------------------------

def test_a_control_character_after_multibyte_text_is_located_in_characters() -> None:
    with pytest.raises(YamlError) as caught:
        parse_yaml("title: Ünïcödé text\nnext: ééé \x01\n")
    assert (caught.value.line, caught.value.column) == (2, 11)


@pytest.mark.parametrize("odd_break", ["\x85", "\u2028", "\u2029"])
def test_unusual_line_breaks_do_not_shift_later_lines(odd_break: str) -> None:
    text = f'a: "one{odd_break}two"\nb: x\nc: [1, 2]\n'
    document = parse_yaml(text)
    assert document.positions.of_value(("c", 1)) == (3, 8)
    with pytest.raises(YamlError) as caught:
        parse_yaml(text + "d: ]\n")
    assert caught.value.line == 4


def re_escape(text: str) -> str:
    import re

    return re.escape(text)


# --- 1. crashes: Ctrl-C while starting ----------------------------------------------------------

INTERRUPT_DURING_IMPORT = """
import builtins, os, signal, sys
sys.argv = ["argmap", *{args!r}]
import argmap.__main__ as entry
real_import = builtins.__import__
def interrupting_import(name, *args, **kwargs):
    if name == {module!r}:
        builtins.__import__ = real_import
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = interrupting_import
entry.main()
"""


@pytest.mark.parametrize(("command", "module"), [
    ("lint", "pydantic"), ("lint", "yaml"), ("lint", "argmap.lint.engine"),
    ("rules", "typer"),  # a plain `lint FILE` never imports typer (argmap/cli/plain.py)
])
def test_ctrl_c_while_starting_is_one_line(command: str, module: str) -> None:
    args = [command, str(VALID)] if command == "lint" else [command]
    code = INTERRUPT_DURING_IMPORT.format(args=args, module=module)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "argmap: interrupted\n"


# --- 6. unsafe output: file names and echoed text -----------------------------------------------

def test_file_names_are_printed_inert_and_one_problem_per_line(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    hostile = ["a\x1b[2J\nb.yaml", "c\u202egnp.yaml", "d\x07.yaml"]
    for name in hostile:
        (folder / name).write_text("map: [broken\n")
    os_name = folder / "e\udcff.yaml"  # a byte that is not UTF-8
    import os

    with open(os.fsencode(os_name), "w") as stream:
        stream.write("map: [broken\n")
    for output_format in ("text", "json"):
        result = argmap("validate", "-f", output_format, folder, env=_utf8_env())
        assert_one_clean_line(result, 1)
        shown = result.stdout + result.stderr
        assert not any(char in shown for char in "\x1b\x07\u202e\udcff")
        assert "e\\xff.yaml" in shown.replace("\\\\", "\\")  # JSON doubles backslashes
    text = argmap("validate", folder, env=_utf8_env()).stdout.splitlines()
    assert len(text) == 4 and all(line.startswith(str(folder)) for line in text)


@pytest.mark.parametrize("args", [("explain", "AM1\x1b[2J\x9b31m"),
                                  ("ach", str(VALID), "--question", "q\x1b]0;pwned\x07")])
def test_echoed_user_text_is_inert(args: tuple[str, ...]) -> None:
    result = argmap(*args, env=_utf8_env())
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b" in result.stderr and result.stderr.count("\n") == 1


def _utf8_env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}


# --- 1./2. symbolic-link loops and FIFOs where files are read -----------------------------------

def _map_beside_its_source(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)
    for name in ("harbour.yaml", "harbour-report.txt"):
        (folder / name).write_bytes((VALID.parent / name).read_bytes())
    return folder / "harbour.yaml"


def test_a_source_that_is_a_symlink_loop_is_one_located_problem(tmp_path: Path) -> None:
    map_path = _map_beside_its_source(tmp_path)
    (tmp_path / "loop-a").symlink_to("loop-b")
    (tmp_path / "loop-b").symlink_to("loop-a")
    map_path.write_text(map_path.read_text().replace("harbour-report.txt", "loop-a"))
    result = argmap("lint", map_path, cwd=tmp_path)
    assert_one_clean_line(result, 1)
    assert "AM199" not in result.stdout
    assert "AM104 source text `" in result.stdout and "loop-a`: cannot read" in result.stdout


def test_render_check_does_not_wait_on_a_fifo_diagram(tmp_path: Path) -> None:
    import os

    map_path = _map_beside_its_source(tmp_path)
    os.mkfifo(tmp_path / "harbour.svg")
    result = argmap("render", "--check", map_path, cwd=tmp_path, timeout=30)
    assert_one_clean_line(result, 1)
    assert "stale or missing" in result.stderr


# --- 5. data loss: what -o may replace ---------------------------------------------------------

@pytest.mark.parametrize(("command", "target"), [
    (command, target) for command in ("render", "export")
    for target in ("the map", "a hard link to the map", "a symlink", "a FIFO", "a folder")
    if (command, target) != ("render", "a folder")  # render -o FOLDER writes into it
])
def test_output_replaces_only_a_regular_file_and_never_the_input(
        tmp_path: Path, target: str, command: str) -> None:
    import os

    map_path = _map_beside_its_source(tmp_path)
    before = map_path.read_bytes()
    out = tmp_path / "out.svg"
    if target == "the map":
        out = map_path
    elif target == "a hard link to the map":
        os.link(map_path, out)
    elif target == "a symlink":
        (tmp_path / "elsewhere.svg").write_text("kept")
        out.symlink_to(tmp_path / "elsewhere.svg")
    elif target == "a FIFO":
        os.mkfifo(out)
    else:
        out.mkdir()
    kind = {"render": (), "export": ("-f", "json")}[command]
    result = argmap(command, map_path, *kind, "-o", out, cwd=tmp_path, timeout=30)
    assert_one_clean_line(result, 2)
    assert "not written" in result.stderr
    assert map_path.read_bytes() == before
    if target == "a symlink":
        assert out.is_symlink() and (tmp_path / "elsewhere.svg").read_text() == "kept"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_output_to_a_device_node_is_refused_before_writing() -> None:
    from argmap.atomic import check_replaceable
    from argmap.problems import UnreadableInputError

    with pytest.raises(UnreadableInputError, match="not a regular file"):
        check_replaceable(Path("/dev/null"))


# --- 3./7. the layout engine: memory bound, process group, death with argmap --------------------

def dense_dot(nodes: int = 300, degree: int = 20) -> str:
    """A graph dot and graphviz-pure each take well over 20 s (and hundreds of MB) to lay out."""
    import random

    chooser = random.Random(1)
    edges = "".join(f"n{i} -> n{j};\n" for i in range(nodes)
                    for j in chooser.sample(range(nodes), degree))
    return f"digraph g {{\n{edges}}}\n"


def engine_or_skip(name: str) -> object:
    import os
    import shutil

    from argmap.render.engine import find_engine

    if name == "system" and shutil.which("dot") is None and not os.environ.get("ARGMAP_CI"):
        pytest.skip("system Graphviz (`dot`) is not installed; .ci/run installs it")
    return find_engine(name)


@pytest.mark.parametrize("name", ["pure", "system"])
def test_layout_runs_under_a_memory_bound(name: str) -> None:
    from argmap.render.engine import EngineError, run_layout

    engine = engine_or_skip(name)
    with pytest.raises(EngineError, match="limited to 64 MiB of memory"):
        run_layout(engine, dense_dot(), ["svg"], timeout=60, memory=64 * 2**20)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["pure", "system"])
def test_a_layout_past_its_time_is_killed_with_its_group(name: str) -> None:
    import os

    from argmap.render.engine import EngineError, run_layout

    engine = engine_or_skip(name)
    with pytest.raises(EngineError, match="longer than 1 s"):
        run_layout(engine, dense_dot(), ["svg", "png"], timeout=1)  # type: ignore[arg-type]
    assert _children_running(os.getpid(), engine.path) == []  # type: ignore[attr-defined]


KILLED_DURING_LAYOUT = """
import sys
from argmap.render.engine import find_engine, run_layout
run_layout(find_engine({name!r}), sys.stdin.read(), ["svg", "png"], timeout=120)
"""


@pytest.mark.parametrize("name", ["pure", "system"])
def test_the_engine_does_not_outlive_a_killed_argmap_nor_leave_files(
        tmp_path: Path, name: str) -> None:
    import os
    import signal
    import time

    engine_or_skip(name)
    runner = subprocess.Popen(
        [sys.executable, "-c", KILLED_DURING_LAYOUT.format(name=name)], cwd=ROOT,
        stdin=subprocess.PIPE, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert runner.stdin is not None
    runner.stdin.write(dense_dot().encode())
    runner.stdin.close()
    engine_pid = _wait_for_child(runner.pid)
    os.kill(runner.pid, signal.SIGKILL)
    runner.wait()
    deadline = time.monotonic() + 10
    while _alive(engine_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(engine_pid), "the layout engine outlived argmap"
    assert list(tmp_path.iterdir()) == []  # the engine wrote to unnamed files only


def _wait_for_child(parent: int) -> int:
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == parent:
                    return int(entry.name)
        time.sleep(0.05)
    raise AssertionError("the engine never started")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def _children_running(parent: int, path: str) -> list[int]:
    """Live child processes of ``parent`` running the program at ``path``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                program = (entry / "cmdline").read_bytes().split(b"\0")[0]
            except OSError:
                continue
            if int(fields[1]) == parent and program == path.encode() and fields[0] not in "ZX":
                found.append(int(entry.name))
    return found


# --- 2. hangs: closest-passage search on huge sources and many failing quotes -------------------

def test_a_one_line_source_is_cut_into_pieces_that_cover_it() -> None:
    from argmap.analyse.text import _PIECE_CHARS, NormalisedText, normalise

    line = " ".join(f"word{n % 977}" for n in range(200_000))  # 1.7 MB, no sentence end
    pieces = NormalisedText(line)._sentences
    assert all(0 < len(piece) <= _PIECE_CHARS for piece in pieces)
    assert " ".join(pieces) == normalise(line)


def test_closest_passage_work_is_budgeted_per_source(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib
    import random

    from argmap.analyse import text as text_module

    chooser = random.Random(4)
    words = [f"w{n}" for n in range(3000)]
    source = text_module.NormalisedText(" ".join(chooser.choice(words) for _ in range(60_000)))
    alignments = 0
    real = difflib.SequenceMatcher

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            nonlocal alignments
            alignments += 1
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(text_module.difflib, "SequenceMatcher", Counting)
    answered = [source.closest_passage(" ".join(chooser.choice(words) for _ in range(90)))
                for _ in range(2_000)]
    spent = alignments
    assert answered[-1] is None and source._align_budget == 0
    assert spent < 2 * 6 * 100  # far fewer alignments than quotes: the budget ran out early
    assert source.closest_passage("w1 w2 w3") is None and alignments == spent


# --- 3. memory: problems per map are bounded ------------------------------------------------

def test_findings_per_rule_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.lint import engine
    from argmap.model import load_map

    map_path = _map_beside_its_source(tmp_path)
    text = map_path.read_text()
    for number, line in enumerate(t for t in text.splitlines() if t.startswith("    text: ")):
        if number < 3:
            text = text.replace(line, f"    text: Words never written in the report, {number}.")
    map_path.write_text(text)
    monkeypatch.setattr(engine, "MAX_FINDINGS_PER_RULE", 2)
    problems = engine.lint_loaded(load_map(map_path), LintSettings())
    assert [p.code for p in problems].count("AM101") == 3  # two findings, one saying so
    assert any("found more than 2 problems" in p.message for p in problems)


def test_validation_problems_per_map_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.model import load as load_module

    monkeypatch.setattr(load_module, "MAX_SCHEMA_PROBLEMS", 3)
    text = MAP + "".join(f"  - id: extra{n}\n    wrong: field\n" for n in range(10))
    with pytest.raises(MapInvalidError) as caught:
        load_map_text(text, Path("m.yaml"))
    assert len(caught.value.problems) == 4
    assert any("first 3 are reported" in p.message for p in caught.value.problems)


# --- 7. argmap new: whatever the headline or file name, the map it writes loads -----------------

@pytest.mark.parametrize(("name", "headline", "title"), [
    ("report.txt", "Head\x07line \x1b[31mred", None),
    ("report.txt", "A plain headline", "T\x01\x1b\u2028itle \"q\" \\"),
    ("na\x07me\x1b.txt", "A plain headline", None),
])
def test_new_writes_a_map_that_loads(tmp_path: Path, name: str, headline: str,
                                     title: str | None) -> None:
    source = tmp_path / name
    source.write_text(f"{headline}\n\nBody text.\n")
    out = tmp_path / "m.yaml"
    extra = ("--title", title) if title is not None else ()
    result = argmap("new", source, "-o", out, *extra, cwd=tmp_path)
    assert_one_clean_line(result, 0)
    assert argmap("validate", out, cwd=tmp_path).returncode == 0
    loaded = load_map_text(out.read_text(), out)
    assert all(char.isprintable() for char in loaded.model.map.title) or title is not None
    if title is not None:
        assert loaded.model.map.title == title.strip()


def test_new_refuses_cleanly_what_cannot_be_a_map(tmp_path: Path) -> None:
    import os

    source = os.fsencode(tmp_path) + b"/b\xff.txt"  # a name that is not UTF-8
    with open(source, "w") as stream:
        stream.write("Headline\n")
    result = argmap("new", os.fsdecode(source), "-o", tmp_path / "m.yaml", cwd=tmp_path)
    assert_one_clean_line(result, 2)
    assert "not written" in result.stderr and not (tmp_path / "m.yaml").exists()


# --- 6. reports: Markdown carries no live HTML ----------------------------------------------

def test_ach_markdown_carries_map_text_as_text(tmp_path: Path) -> None:
    source = ROOT / "tests" / "examples" / "valid" / "reservoir.yaml"
    hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'
    text = source.read_text().replace("What is the main cause of the reservoir's fall?",
                                      f"Why? {hostile}")
    (tmp_path / "reservoir.yaml").write_text(text)
    for name in ("reservoir-report.txt",):
        (tmp_path / name).write_bytes((source.parent / name).read_bytes())
    result = argmap("ach", tmp_path / "reservoir.yaml", "-f", "markdown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "<img" not in result.stdout and "<script" not in result.stdout
    assert '&lt;img src=x onerror="alert(1)"&gt; &amp; &lt;script&gt;' in result.stdout
