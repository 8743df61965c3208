"""Reading the source texts a map quotes: each once per map, only inside the repository.

A source path comes from the map, and the map may come from anyone (a pull request). Lint prints
passages of source texts in its suggestions, so a path that leaves the repository (``../../etc``,
an absolute path, a symbolic link out) could copy a private file into a public CI log. Such paths
are refused unless the user allows them (``--allow-outside-paths`` or ``allow-outside-paths`` in
the configuration). The repository is the folder holding ``.git`` above the map, or the current
working directory when there is none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from argmap.analyse.text import NormalisedText
from argmap.model import LoadedMap, Source
from argmap.problems import UnreadableInputError
from argmap.read import DEFAULT_LIMITS, Limits, YamlError, decode_utf8, read_bytes, resolved


@dataclass(frozen=True)
class SourceText:
    """A source text that could be read, with the SHA-256 of its bytes."""

    path: Path
    sha256: str
    text: NormalisedText


class SourceFailure(NamedTuple):
    """Why a source text could not be read; reported once, against the source."""

    message: str


class SourceReader:
    """Reads and caches the source texts of one map."""

    def __init__(self, loaded: LoadedMap, *, allow_outside: bool = False,
                 limits: Limits = DEFAULT_LIMITS) -> None:
        self.loaded = loaded
        self.allow_outside = allow_outside
        self.limits = limits
        self._cache: dict[str, SourceText | SourceFailure] = {}
        self._root: Path | None = None

    def read(self, source: Source) -> SourceText | SourceFailure:
        found = self._cache.get(source.id)
        if found is None:
            found = self._cache[source.id] = self._read(source)
        return found

    def text_of(self, source_id: str) -> SourceText | None:
        """The readable text of a source by id, or None (the failure is reported elsewhere)."""
        source = self.loaded.index.source(source_id)
        found = self.read(source) if source is not None else None
        return found if isinstance(found, SourceText) else None

    def may_read(self, source: Source) -> bool:
        """Whether the source's path is one this reader reads (inside the repository, or
        outside paths are allowed)."""
        return self.allow_outside or self._outside_refusal(
            source, self.loaded.source_path(source)) is None

    def _read(self, source: Source) -> SourceText | SourceFailure:
        path = self.loaded.source_path(source)
        refusal = None if self.allow_outside else self._outside_refusal(source, path)
        if refusal is not None:
            return SourceFailure(refusal)
        if not path.exists() and not path.is_symlink():  # a link loop: the read says so
            return SourceFailure(f"source text `{source.path}` not found (looked for {path})")
        try:
            data = read_bytes(path, self.limits.max_source_bytes)
            text = decode_utf8(data)
        except UnreadableInputError as error:
            return SourceFailure(f"source text {_after_path(str(error), path)}")
        except YamlError as error:
            where = f" (line {error.line})" if error.code == "AM002" else ""
            return SourceFailure(f"source text `{source.path}`{where}: {error.message}")
        return SourceText(path, hashlib.sha256(data).hexdigest(), NormalisedText(text))

    def _outside_refusal(self, source: Source, path: Path) -> str | None:
        if self._root is None:
            self._root = repository_root(self.loaded.path.parent)
        if resolved(path).is_relative_to(self._root):
            return None
        return (f"source text `{source.path}` is outside the repository ({self._root}); "
                "refused (use --allow-outside-paths to read it anyway)")


def repository_root(start: Path) -> Path:
    """The folder holding ``.git`` at or above ``start``, else the current working directory."""
    folder = resolved(start)
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return Path.cwd().resolve()


def _after_path(message: str, path: Path) -> str:
    """``"<path>: cannot read: ..."`` from the reader, with the path in backticks."""
    prefix = f"{path}: "
    rest = message[len(prefix):] if message.startswith(prefix) else message
    return f"`{path}`: {rest}"
