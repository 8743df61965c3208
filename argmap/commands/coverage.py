"""``argmap coverage MAP...``: the sentences of each source that no quote of the map covers.

Each uncovered sentence is one info-level finding located in the *source text*
(``seeds/x.txt:12:1: ...``), so an editor jumps to it; sentences with estimative, attribution or
reasoning words come first. Exit 0 unless ``--strict`` and such a sentence is uncovered (1), or a
map or source text cannot be read (2).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.batch import Batch, Outcome, load_maps
from argmap.output import write_problems
from argmap.problems import Level, Problem, UnreadableInputError
from argmap.read import DEFAULT_LIMITS, Limits, LineTable

if TYPE_CHECKING:
    from argmap.analyse.coverage import Coverage, Sentence
    from argmap.analyse.sources import SourceText
    from argmap.model import LoadedMap

CODE = "coverage"
_SHOWN = 160


@dataclass(frozen=True)
class CoverageSettings:
    paths: Sequence[Path]
    output_format: str = "auto"
    marked_only: bool = False
    strict: bool = False
    quiet: bool = False
    allow_outside: bool = False
    limits: Limits = DEFAULT_LIMITS


def run_coverage(settings: CoverageSettings, out: TextIO = sys.stdout,
                 err: TextIO = sys.stderr) -> int:
    batch = Batch()
    summaries: list[str] = []
    for outcome in load_maps(settings.paths, settings.limits):
        if outcome.map is not None:
            outcome = _cover(outcome, outcome.map, settings, summaries)
        batch.add(outcome)
    write_problems(batch, settings.output_format, out, err)
    if not settings.quiet:
        err.writelines(f"{line}\n" for line in summaries)
        err.write(batch.summary(f"{batch.count_files('map')} checked"))
    marked = any(problem.level is Level.WARNING for problem in batch.problems)
    return batch.exit_code(failed=settings.strict and marked)


def _cover(outcome: Outcome, loaded: LoadedMap, settings: CoverageSettings,
           summaries: list[str]) -> Outcome:
    from argmap.analyse.sources import SourceReader, SourceText

    reader = SourceReader(loaded, allow_outside=settings.allow_outside, limits=settings.limits)
    problems: list[Problem] = []
    for source in loaded.model.sources:
        read = reader.read(source)
        if not isinstance(read, SourceText):
            return outcome.failed(UnreadableInputError(f"{loaded.display}: {read.message}"))
        found = _source_coverage(loaded, source.id, read)
        shown = [s for s in found.uncovered if s.marked or not settings.marked_only]
        # One table of lines and one display name per source, not one search per sentence
        # (line_and_column per sentence was quadratic: 95 s on a 1.3 MB source).
        lines, where = LineTable(read.text.original), _display(read.path)
        problems.extend(_problem(where, lines, sentence, settings.strict) for sentence in shown)
        summaries.append(f"{loaded.display}: source `{source.id}`: {len(found.uncovered)} of "
                         f"{found.sentences} sentences quoted nowhere, {found.marked} of them "
                         "with estimative, attribution or reasoning words")
    return outcome.with_problems(problems)


def _source_coverage(loaded: LoadedMap, source_id: str, read: SourceText) -> Coverage:
    """Every piece of every quote of the source counts: where its offsets say, else where it
    first occurs (the reader page places quotes the same way)."""
    from argmap.analyse.coverage import coverage
    from argmap.analyse.quotes import place_quote

    quotes = [quote for quote in loaded.model.quotes if quote.source == source_id]
    pieces = [piece for quote in quotes for piece in place_quote(quote, read.text).pieces]
    return coverage(read.text.original, pieces)


def _problem(where: str, lines: LineTable, sentence: Sentence, strict: bool) -> Problem:
    line, column = lines.of_index(sentence.start)
    kinds = sorted({kind for kind, _ in sentence.marks})
    words = ", ".join(dict.fromkeys(f"\"{written}\"" for _, written in sentence.marks))
    why = f" ({', '.join(kinds)}: {words})" if kinds else ""
    text = sentence.text if len(sentence.text) <= _SHOWN else sentence.text[:_SHOWN - 1] + "…"
    # With --strict a marked sentence fails the run, so it is reported as a warning.
    level = Level.WARNING if strict and sentence.marked else Level.INFO
    return Problem(where, line, column, CODE,
                   f"no quote covers this sentence{why}: \"{text}\"", level)


def _display(path: Path) -> str:
    """The source's path as the user would type it: relative to here when it is below here."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
