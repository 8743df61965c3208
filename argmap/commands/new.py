"""``argmap new``: start a map for a source text, with the source's path and hash filled in."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.atomic import write_text_atomic
from argmap.problems import ArgmapError, MapInvalidError, UsageError
from argmap.read import DEFAULT_LIMITS, YamlError, decode_utf8, read_bytes


@dataclass(frozen=True)
class NewSettings:
    source: Path
    output: Path | None = None
    title: str | None = None
    force: bool = False


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or "map"


def new_map_text(source: Path, output: Path, title: str | None = None,
                 schema: Path | None = None) -> str:
    """The map's text; its editor hint points at ``schema``, else at the repository's copy."""
    data = read_bytes(source, DEFAULT_LIMITS.max_source_bytes)
    title = title or _guess_title(decode_utf8(data), source)
    relative = Path(os.path.relpath(source.resolve(), output.resolve().parent)).as_posix()
    map_id = slug(source.stem)
    return _TEMPLATE.format(
        schema=_schema_hint(output, schema), map_id=map_id, title=_quoted(title),
        path=_quoted(relative),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _guess_title(text: str, source: Path) -> str:
    """A short first line is usually the headline; otherwise the file name says more."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = "".join(char for char in first if char.isprintable())  # no bell in a title
    if 0 < len(first) <= 100 and not first.endswith("."):
        return first
    return source.stem.replace("-", " ").replace("_", " ")


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar that reads back as ``value``: a character that is not
    printable (a control character in a headline or a file name) is written as an escape,
    never raw (the reader refuses raw control characters)."""
    return '"' + "".join(_escaped(char) for char in value) + '"'


def _escaped(char: str) -> str:
    if char in '\\"':
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def _check_reads_back(text: str, output: Path) -> None:
    """The new map must load: whatever the source's name or headline, never write one that
    `argmap validate` would refuse."""
    from argmap.model import load_map_text

    try:
        load_map_text(text, output)
    except MapInvalidError as error:
        raise UsageError(f"{output}: not written: the new map would not load "
                         f"({error.problems[0].message}); rename the source or give "
                         "--title") from None


SCHEMA_NAME = "argmap-v1.schema.json"
# Where a repository keeps its copy of the schema: argmap's own layout, then the folder
# `argmap new` creates when there is none.
_SCHEMA_PLACES = (Path("docs") / "schema" / SCHEMA_NAME, Path(".argmap") / SCHEMA_NAME)


def find_schema(output: Path) -> Path | None:
    """The schema copy the map's repository keeps, looked for in the folders above the map."""
    for folder in output.resolve().parents:
        for place in _SCHEMA_PLACES:
            if (folder / place).is_file():
                return folder / place
    return None


def schema_to_write(output: Path) -> Path | None:
    """Where `argmap new` writes the schema: ``.argmap/`` at the root of the map's repository
    (the folder holding `.git`, else the current folder); None when the repository keeps a copy."""
    if find_schema(output) is not None:
        return None
    folder = output.resolve().parent
    root = next((f for f in (folder, *folder.parents) if (f / ".git").exists()), Path.cwd())
    if not folder.is_relative_to(root.resolve()):
        root = folder
    return root.resolve() / _SCHEMA_PLACES[1]


def write_schema(schema: Path) -> None:
    from argmap.commands.schema import schema_text

    try:
        schema.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(schema, schema_text())
    except OSError as error:
        raise UsageError(f"{schema}: cannot write the schema: {error.strerror or error}") from None


def _schema_hint(output: Path, schema: Path | None = None) -> str:
    """The editor hint: ``schema`` (about to be written) or the repository's copy, relative to
    the map."""
    schema = schema or find_schema(output)
    if schema is None:
        return ""
    relative = Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


_TEMPLATE = """{schema}map:
  id: {map_id}
  title: {title}
  format: 1
  likelihood_vocabulary: icd203

sources:
  - id: source
    path: {path}
    title: {title}
    sha256: {sha256}
    author: author

# Who speaks: the author first, then every actor the text quotes or reports.
actors:
  - id: author
    name: The author

# The evidence layer: verbatim spans of the source, each with its speaker.
quotes: []

# The assertion layer: reported_fact, attributed_claim, author_judgment, assumption, hypothesis.
propositions: []

inferences: []

attacks: []
"""


def run_new(settings: NewSettings, err: TextIO = sys.stderr) -> int:
    output = settings.output or Path("maps") / f"{slug(settings.source.stem)}.yaml"
    try:
        if output.exists() and not settings.force:
            raise UsageError(f"{output}: already exists (use --force to replace it)")
        # Everything is read and checked before anything is written: a failed `new` leaves
        # no folder and no schema behind.
        schema = schema_to_write(output)
        text = new_map_text(settings.source, output, settings.title, schema)
        _check_reads_back(text, output)
        output.parent.mkdir(parents=True, exist_ok=True)
        if schema is not None:
            write_schema(schema)
        write_text_atomic(output, text)
    except YamlError as error:
        err.write(error.located(settings.source) + "\n")
        return 1
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    if schema is not None:
        err.write(f"wrote {schema}: the JSON Schema your editor reads (the map's first line "
                  "points at it)\n")
    err.write(f"wrote {output}: add quotes, then propositions; `argmap lint {output}` guides you\n")
    return 0
