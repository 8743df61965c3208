"""``argmap validate``: load every map, report every problem, exit 0/1/2."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from argmap.batch import Batch, load_maps
from argmap.output import write_problems
from argmap.read import DEFAULT_LIMITS, Limits


@dataclass(frozen=True)
class ValidateSettings:
    paths: Sequence[Path]
    output_format: str = "auto"
    quiet: bool = False
    limits: Limits = DEFAULT_LIMITS


def validate_files(settings: ValidateSettings) -> Batch:
    batch = Batch()
    for outcome in load_maps(settings.paths, settings.limits):
        batch.add(outcome)
    return batch


def run_validate(settings: ValidateSettings, out: TextIO = sys.stdout,
                 err: TextIO = sys.stderr) -> int:
    batch = validate_files(settings)
    write_problems(batch, settings.output_format, out, err)
    if not settings.quiet:
        err.write(batch.summary(
            f"{batch.invalid} of {batch.count_files()} invalid" if batch.invalid
            else f"{batch.count_files()} valid"))
    return batch.exit_code()
