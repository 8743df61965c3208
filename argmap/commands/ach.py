"""``argmap ach``: each question's Analysis of Competing Hypotheses matrix, scored and ranked.

Exit 0 when every map loaded, 1 when a map is invalid (its problems are printed as ``argmap
validate`` prints them), 2 for an unreadable path or a ``--question`` no loaded map has.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.batch import Batch, load_maps
from argmap.output import write_problems
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.commands.ach_report import MapReport
    from argmap.model import LoadedMap


@dataclass(frozen=True)
class AchSettings:
    paths: Sequence[Path]
    output_format: str = "text"
    question: str | None = None
    problem_format: str = "auto"
    limits: Limits = DEFAULT_LIMITS


def run_ach(settings: AchSettings, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    from argmap.commands.ach_report import ACH_FORMATS

    result = Batch()
    loaded = [outcome.map for outcome in map(result.add, load_maps(settings.paths, settings.limits))
              if outcome.map is not None]
    reports = [map_report(one, settings.question) for one in loaded]
    if settings.question is not None:
        reports = [report for report in reports if report.matrices]
    if reports:
        out.write(ACH_FORMATS[settings.output_format](reports))
    # Standard output carries the matrices: problems go to standard error, in any format.
    write_problems(result, settings.problem_format, err, err)
    if not result.outcomes:
        err.write(result.summary(""))
    if settings.question is not None and not reports:
        err.write(f"argmap: {unknown_question(settings.question, loaded, result)}\n")
        # A map that did not load may hold the question: its own exit code says more.
        return result.exit_code() or 2
    return result.exit_code()


def map_report(loaded: LoadedMap, question: str | None) -> MapReport:
    from argmap.analyse.ach import analyse_map
    from argmap.commands.ach_report import MapReport

    matrices = [matrix for matrix in analyse_map(loaded.model)
                if question is None or matrix.question == question]
    return MapReport(loaded.display, loaded.model.map.title, matrices)


def unknown_question(wanted: str, loaded: Sequence[LoadedMap], result: Batch) -> str:
    """Why ``--question`` found nothing, with the closest question id or what the id names."""
    for one in loaded:
        entry = one.index.get(wanted)
        if entry is not None:
            return f"`{wanted}` in {one.display} is a {entry.kind_name}, not a question"
    known = [question.id for one in loaded for question in one.model.questions]
    hint = did_you_mean(wanted, known)
    unloaded = result.invalid + len(result.unreadable)
    searched = f" ({unloaded} map{'s' if unloaded != 1 else ''} did not load)" if unloaded else ""
    return f"no question `{wanted}` in the maps given{searched}{hint}"
