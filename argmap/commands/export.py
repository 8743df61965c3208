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
from argmap.model import ArgumentMap, LoadedMap, Source
from argmap.output import write_problems
from argmap.problems import ArgmapError


@dataclass(frozen=True)
class ExportSettings:
    path: Path
    export_format: str = "yaml"
    output: Path | None = None
    problem_format: str = "auto"


def _aif_json(loaded: LoadedMap, model: ArgumentMap) -> str:
    return json.dumps(to_aif(model, readable_source_texts(loaded)), indent=2,
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
# Each writer gets the loaded map and its model with the source paths written for the output.
EXPORT_WRITERS: dict[str, Callable[[LoadedMap, ArgumentMap], str]] = {
    "yaml": lambda loaded, model: dump_yaml(model),
    "json": lambda loaded, model: dump_json(model),
    "aif": _aif_json,
    "argdown": lambda loaded, model: to_argdown(model),
}


def sources_moved(model: ArgumentMap, old_folder: Path, new_folder: Path) -> ArgumentMap:
    """``model`` with each relative source path rewritten from ``old_folder`` to
    ``new_folder``, so that a file written there still finds its source texts."""
    from argmap.export.paths import rebase

    if old_folder.resolve() == new_folder.resolve():
        return model
    # Validated, not model_copy'd: on pydantic 2.11 a model whose validator is built on first
    # use (defer_build) has no serializer of its own until it validates something, and dumping
    # a copied Source then fails ("'MockValSer' object cannot be converted").
    sources = tuple(Source.model_validate({**dict(source),
                                           "path": rebase(source.path, old_folder, new_folder)})
                    for source in model.sources)
    return model.model_copy(update={"sources": sources})


def run_export(settings: ExportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    outcome = load_one(settings.path)
    if outcome.map is None:
        batch = Batch([outcome])
        # Standard output carries the export: problems go to standard error, in any format.
        write_problems(batch, settings.problem_format, err, err)
        return batch.exit_code()
    try:
        # Standard output is most often redirected to a file in the current folder.
        target = settings.output.parent if settings.output is not None else Path(".")
        model = sources_moved(outcome.map.model, outcome.map.path.parent, target)
        text = EXPORT_WRITERS[settings.export_format](outcome.map, model)
        write_output(text, settings.output, out)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    return 0
