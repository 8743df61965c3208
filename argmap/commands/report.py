"""``argmap report``: each map becomes a self-contained HTML reader page.

Exit codes: 0 every page written (problems with sources or the drawing are shown on the page and
mentioned on stderr); 1 a map is invalid (its problems printed as ``argmap validate`` prints them,
and no page is written for it); 2 usage errors or unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.batch import Batch, collect_map_files, load_one, plural
from argmap.output import write_problems
from argmap.problems import ArgmapError, UsageError, one_line
from argmap.read import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from argmap.lint.config import LintConfig

# The report draws the whole map; past this many elements the layout takes minutes, so the page
# is written without its diagram (render --focus draws a part; see docs/report.md).
MAX_NODES = 25_000


@dataclass(frozen=True)
class ReportSettings:
    paths: Sequence[Path]
    output: Path | None = None
    config_path: Path | None = None
    allow_outside_paths: bool = False
    engine: str | None = None
    timeout: float = 300.0
    problem_format: str = "auto"
    quiet: bool = False
    limits: Limits = DEFAULT_LIMITS


def run_report(settings: ReportSettings, out: TextIO = sys.stdout,
               err: TextIO = sys.stderr) -> int:
    from argmap.lint.config import find_config, load_config

    files, missing = collect_map_files(settings.paths)
    batch = Batch(missing)
    try:
        config = load_config(settings.config_path or find_config(Path.cwd()))
        targets = {path: page_path(path, settings.output, len(files)) for path in files}
        _check_collisions(targets)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return 2
    written = 0
    for number, (path, target) in enumerate(targets.items(), start=1):
        counter = f"[{number}/{len(targets)}] " if len(targets) > 1 else ""
        written += _report_one(path, target, settings, config, batch, err, counter)
    write_problems(batch, settings.problem_format, out, err)
    if not settings.quiet:
        verdict = f"wrote {plural(written, 'reader page')}"
        if batch.invalid:
            verdict += f"; {batch.invalid} of {batch.count_files('map')} invalid"
        err.write(batch.summary(verdict))
    return batch.exit_code()


def page_path(map_path: Path, output: Path | None, count: int) -> Path:
    """``MAP.html`` beside the map; ``-o FILE.html`` for one map; ``-o DIR`` for any number."""
    if output is None:
        return map_path.with_suffix(".html")
    is_file = output.suffix.lower() in (".html", ".htm") and not output.is_dir()
    if is_file and count == 1:
        return output
    if is_file:
        raise UsageError(f"-o {output}: several maps make several pages; name a folder")
    return output / f"{map_path.stem}.html"


def _check_collisions(targets: dict[Path, Path]) -> None:
    seen: dict[Path, Path] = {}
    for map_path, target in targets.items():
        other = seen.setdefault(target, map_path)
        if other != map_path:
            raise UsageError(f"{other} and {map_path} would both be written to {target}; "
                             "write them into different folders")


def _report_one(path: Path, target: Path, settings: ReportSettings, config: LintConfig,
                batch: Batch, err: TextIO, counter: str) -> bool:
    """Write one map's page; record the outcome in ``batch``. True when the page was written."""
    from argmap.atomic import make_folder, write_text_atomic
    from argmap.report import ReportOptions, build_report

    outcome = load_one(path, settings.limits)
    loaded = outcome.map
    if loaded is None:
        batch.add(outcome)
        return False
    try:
        options = ReportOptions(config, settings.allow_outside_paths, settings.engine,
                                settings.timeout, MAX_NODES, settings.limits)
        page = build_report(loaded, options)
        make_folder(target.parent)
        write_text_atomic(target, page.html)
    except ArgmapError as error:
        batch.add(outcome.failed(error))
        return False
    batch.add(outcome)
    if not settings.quiet:
        shown = "".join(f"\n  shown on the page: {one_line(notice)}" for notice in page.notices)
        err.write(f"{counter}{path}: wrote {target}{shown}\n")
    return True
