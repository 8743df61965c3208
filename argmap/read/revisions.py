"""Reading a file as it was at a git revision (``REF:PATH``), and which files changed since one.

Git is run as a subprocess with its output bounded, never through a shell; nothing in the work
tree changes. Every failure is an :class:`UnreadableInputError` with git's own first line.

User text never reaches git where an option could be: a ref is first resolved to a commit id
with ``rev-parse --verify --end-of-options`` (``--output=x`` is then a ref that does not exist,
not an option that writes a file), and only that id, which starts with a hex digit, is passed on.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from argmap.problems import UnreadableInputError, one_line
from argmap.read.files import MAP_SUFFIXES, decode_utf8
from argmap.read.limits import DEFAULT_LIMITS, Limits
from argmap.read.yaml_tree import YamlError

GIT_TIMEOUT_SECONDS = 60


def split_revision(spec: str) -> tuple[str, str] | None:
    """``HEAD~1:maps/x.yaml`` -> (``HEAD~1``, ``maps/x.yaml``); None when ``spec`` is no
    revision spec (no colon, or an empty side)."""
    ref, colon, path = spec.partition(":")
    if not colon or not ref or not path:
        return None
    return ref, path


def read_revision(ref: str, path: str, cwd: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of ``path`` at ``ref`` (git's own path rules: ``./x`` is relative to ``cwd``)."""
    commit = resolve_commit(ref, cwd)
    data = _git(["cat-file", "blob", f"{commit}:{path}"], cwd, limits.max_file_bytes,
                f"{ref}:{path}")
    try:
        return decode_utf8(data)
    except YamlError as error:
        raise UnreadableInputError(f"{one_line(ref)}:{one_line(path)}: {error.message}") from None


def resolve_commit(ref: str, cwd: Path) -> str:
    """The commit id ``ref`` names; an :class:`UnreadableInputError` when it names none."""
    # --quiet: an unknown ref fails with no words of git's own, so ours are used.
    data = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
                cwd, 4096, ref, silent_failure="no such commit")
    commit = data.decode("ascii", "replace").strip()
    if not commit.isalnum():
        raise UnreadableInputError(f"{one_line(ref)}: no such commit")
    return commit


def revision_exists(ref: str, path: str, cwd: Path) -> bool:
    try:
        commit = resolve_commit(ref, cwd)
        _git(["cat-file", "-e", f"{commit}:{path}"], cwd, 0, f"{ref}:{path}")
    except UnreadableInputError:
        return False
    return True


def changed_map_files(ref: str, cwd: Path, paths: list[str]) -> list[str]:
    """Map files (``.yaml``/``.yml``) that differ between ``ref`` and the work tree, as paths
    relative to ``cwd``, limited to ``paths`` when given."""
    commit = resolve_commit(ref, cwd)
    listing = _git(["diff", "--name-only", "--no-renames", "--relative", "-z", commit, "--",
                    *(paths or ["."])], cwd, 64 * 1024 * 1024, ref)
    names = [name for name in listing.decode("utf-8", "surrogateescape").split("\0") if name]
    return sorted(name for name in names if name.endswith(MAP_SUFFIXES))


def _git(args: list[str], cwd: Path, max_bytes: int, what: str,
         silent_failure: str = "git failed") -> bytes:
    what = one_line(what)
    try:
        process = subprocess.Popen(["git", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        raise UnreadableInputError(f"{what}: cannot run git: {error.strerror or error}") from None
    except ValueError:  # a NUL byte: no ref or path has one
        raise UnreadableInputError(f"{what}: no such commit or path") from None
    assert process.stdout is not None and process.stderr is not None
    with process:
        data = process.stdout.read(max_bytes + 1)
        if len(data) > max_bytes:
            process.kill()
            raise UnreadableInputError(f"{what}: over the limit of {max_bytes:,} bytes")
        try:
            _, errors = process.communicate(timeout=GIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            raise UnreadableInputError(f"{what}: git did not answer in time") from None
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        reason = message[0].removeprefix("fatal: ") if message else silent_failure
        raise UnreadableInputError(f"{what}: {one_line(reason)}")
    return data
