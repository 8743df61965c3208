"""``argmap export``: a valid map as YAML (normalised), JSON or AIF JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.atomic import write_output
from argmap.problems import ArgmapError, MapInvalidError

EXPORT_FORMATS = ("yaml", "json", "aif")


@dataclass(frozen=True)
class ExportSettings:
    path: Path
    export_format: str = "yaml"
    output: Path | None = None


def export_text(settings: ExportSettings) -> str:
    from argmap.export import dump_json, dump_yaml, to_aif
    from argmap.model import load_map

    model = load_map(settings.path).model
    if settings.export_format == "yaml":
        return dump_yaml(model)
    if settings.export_format == "json":
        return dump_json(model)
    return json.dumps(to_aif(model), indent=2, ensure_ascii=False) + "\n"


def run_export(settings: ExportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    try:
        write_output(export_text(settings), settings.output, out)
    except MapInvalidError as error:
        err.write(f"{error}\n")
        return 1
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    return 0
