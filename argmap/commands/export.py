"""``argmap export``: a valid map as YAML (normalised), JSON or AIF JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.atomic import write_output
from argmap.batch import Batch, load_one
from argmap.export import dump_json, dump_yaml, to_aif
from argmap.model import ArgumentMap
from argmap.problems import ArgmapError


@dataclass(frozen=True)
class ExportSettings:
    path: Path
    export_format: str = "yaml"
    output: Path | None = None


def _aif_json(model: ArgumentMap) -> str:
    return json.dumps(to_aif(model), indent=2, ensure_ascii=False) + "\n"


# What `argmap export --format` offers (tests/test_output.py keeps the CLI's choices in step).
EXPORT_WRITERS: dict[str, Callable[[ArgumentMap], str]] = {
    "yaml": dump_yaml,
    "json": dump_json,
    "aif": _aif_json,
}


def run_export(settings: ExportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    outcome = load_one(settings.path)
    if outcome.map is None:
        err.writelines(f"{problem}\n" for problem in outcome.problems)
        if outcome.error:
            err.write(f"argmap: {outcome.error}\n")
        return Batch([outcome]).exit_code()
    try:
        text = EXPORT_WRITERS[settings.export_format](outcome.map.model)
        write_output(text, settings.output, out)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    return 0
