"""``argmap schema``: the JSON Schema of the map format, generated from the models."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from argmap.atomic import write_output
from argmap.problems import ArgmapError, UsageError

SCHEMA_ID = "https://argmap.invalid/schema/argmap-v1.schema.json"


def map_schema() -> dict[str, Any]:
    from argmap.model import ArgumentMap

    schema = ArgumentMap.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap argument map, format version 1",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(map_schema(), indent=2, ensure_ascii=False) + "\n"


def run_schema(output: Path | None) -> int:
    try:
        if output is not None:
            _make_folder(output.parent)
        write_output(schema_text(), output, sys.stdout)
    except ArgmapError as error:
        sys.stderr.write(f"argmap: {error}\n")
        return error.exit_code
    return 0


def _make_folder(folder: Path) -> None:
    """``schema -o new/folder/x.json`` creates the folder, as ``argmap new`` does."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{folder}: cannot create the folder: {error.strerror or error}") from None
