"""``argmap export``: a valid map as YAML (normalised), JSON, AIF JSON or Argdown."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.atomic import write_output
from argmap.batch import Batch, load_one
from argmap.export import dump_json, dump_yaml, to_aif, to_argdown
from argmap.model import LoadedMap
from argmap.output import write_problems
from argmap.problems import ArgmapError


@dataclass(frozen=True)
class ExportSettings:
    path: Path
    export_format: str = "yaml"
    output: Path | None = None
    problem_format: str = "auto"


def _aif_json(loaded: LoadedMap) -> str:
    return json.dumps(to_aif(loaded.model, readable_source_texts(loaded)), indent=2,
                      ensure_ascii=False) + "\n"


def readable_source_texts(loaded: LoadedMap) -> dict[str, str]:
    """Source id → text, for the sources that can be read (inside the repository, as lint)."""
    from argmap.analyse.sources import SourceReader, SourceText

    reader = SourceReader(loaded)
    texts = {}
    for source in loaded.model.sources:
        found = reader.read(source)
        if isinstance(found, SourceText):
            texts[source.id] = found.text.original
    return texts


# What `argmap export --format` offers (tests/test_output.py keeps the CLI's choices in step).
EXPORT_WRITERS: dict[str, Callable[[LoadedMap], str]] = {
    "yaml": lambda loaded: dump_yaml(loaded.model),
    "json": lambda loaded: dump_json(loaded.model),
    "aif": _aif_json,
    "argdown": lambda loaded: to_argdown(loaded.model),
}


def run_export(settings: ExportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    outcome = load_one(settings.path)
    if outcome.map is None:
        batch = Batch([outcome])
        # Standard output carries the export: problems go to standard error, in any format.
        write_problems(batch, settings.problem_format, err, err)
        return batch.exit_code()
    try:
        text = EXPORT_WRITERS[settings.export_format](outcome.map)
        write_output(text, settings.output, out)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    return 0
