"""The CLI on a real terminal: colours arrive as colours, and only where a person reads them.

Each test runs ``python -m argmap`` with standard output and error on a pseudo-terminal (or a
pipe) and reads the bytes the terminal receives, so the stream guard, the ``auto`` format rule and
the colour formatter are checked together, as an interactive user meets them.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BOLD, RED_BOLD = b"\x1b[1m", b"\x1b[31;1m"
# A support circle: lint reports AM141 (an error) at the inference that closes it.
CIRCLE = """\
map: {id: t, title: Fixture, format: 1}
propositions:
  - {id: a, kind: author_judgment, text: A holds.}
  - {id: b, kind: author_judgment, text: B holds.}
inferences:
  - {id: i1, premises: [a], conclusion: b}
  - {id: i2, premises: [b], conclusion: a}
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def _environment(**changes: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "TERM")}
    env.update({"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", **changes})
    return env


def _on_terminal(args: list[str], cwd: Path, **env: str) -> tuple[int, bytes]:
    """Exit code and every byte written to the terminal (stdout and stderr share it)."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "argmap", *args], cwd=cwd,
                                   stdin=follower, stdout=follower, stderr=follower,
                                   env=_environment(**env), close_fds=True)
    finally:
        os.close(follower)
    received = bytearray()
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                process.kill()
                raise AssertionError(f"no output within a minute; so far: {bytes(received)!r}")
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: every writer of the terminal has closed it
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(leader)
    return process.wait(timeout=60), bytes(received)


def _piped(args: list[str], cwd: Path, **env: str) -> tuple[int, bytes]:
    run = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True,
                         env=_environment(**env), timeout=60, check=False)
    return run.returncode, run.stdout + run.stderr


@pytest.fixture
def circle(tmp_path: Path) -> Path:
    (tmp_path / "circle.yaml").write_text(CIRCLE, encoding="utf-8")
    return tmp_path


def test_lint_on_a_terminal_is_coloured(circle: Path) -> None:
    code, shown = _on_terminal(["lint", "circle.yaml"], circle)
    assert code == 1
    assert BOLD + b"circle.yaml:7:" in shown
    assert RED_BOLD + b"AM141" in shown
    assert b"\\x1b" not in shown  # no escape code printed as text


def test_validate_on_a_terminal_is_coloured(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(CIRCLE.replace("kind: author_judgment", "kind: claim", 1),
                                       encoding="utf-8")
    code, shown = _on_terminal(["validate", "bad.yaml"], tmp_path)
    assert code == 1
    assert BOLD + b"bad.yaml:3:" in shown and b"\x1b[31m" in shown
    assert b"\\x1b" not in shown


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["NO_COLOR", "dumb"])
def test_no_colour_when_the_user_or_the_terminal_says_so(circle: Path, env: dict[str, str]) -> None:
    code, shown = _on_terminal(["lint", "circle.yaml"], circle, **env)
    assert code == 1
    assert b"circle.yaml:7:" in shown and b"AM141" in shown
    assert b"\x1b" not in shown and b"\\x1b" not in shown


def test_no_colour_in_a_pipe(circle: Path) -> None:
    code, shown = _piped(["lint", "circle.yaml"], circle)
    assert code == 1
    assert b"circle.yaml:7:" in shown and b"\x1b" not in shown


def test_a_hostile_file_name_stays_inert_among_the_colours(circle: Path) -> None:
    hostile = "x\x1b[2Jy\u202e.yaml"
    (circle / hostile).write_text(CIRCLE, encoding="utf-8")
    code, shown = _on_terminal(["lint", hostile], circle)
    assert code == 1
    assert RED_BOLD + b"AM141" in shown
    assert b"\x1b[2J" not in shown and "\u202e".encode() not in shown
    assert BOLD + b"x\\x1b[2Jy\\u202e.yaml:7:" in shown


def test_diff_on_a_terminal_is_coloured(circle: Path) -> None:
    (circle / "new.yaml").write_text(CIRCLE.replace("B holds.", "B firmly holds."),
                                     encoding="utf-8")
    code, shown = _on_terminal(["diff", "circle.yaml", "new.yaml"], circle)
    assert code == 1, shown
    assert b"\x1b[32m{+firmly+}" in shown and b"\\x1b" not in shown
