"""``argmap export``: a valid map as YAML (normalised), JSON or AIF JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.atomic import write_output
from argmap.batch import Batch, load_one
from argmap.problems import ArgmapError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


@dataclass(frozen=True)
class ExportSettings:
    path: Path
    export_format: str = "yaml"
    output: Path | None = None


def export_text(model: ArgumentMap, settings: ExportSettings) -> str:
    from argmap.export import dump_json, dump_yaml, to_aif

    if settings.export_format == "yaml":
        return dump_yaml(model)
    if settings.export_format == "json":
        return dump_json(model)
    return json.dumps(to_aif(model), indent=2, ensure_ascii=False) + "\n"


def run_export(settings: ExportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    outcome = load_one(settings.path)
    if outcome.map is None:
        err.writelines(f"{problem}\n" for problem in outcome.problems)
        if outcome.error:
            err.write(f"argmap: {outcome.error}\n")
        return Batch([outcome]).exit_code()
    try:
        write_output(export_text(outcome.map.model, settings), settings.output, out)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    return 0
