"""``argmap draft SOURCE``: a first, valid map of a source text for an analyst to curate.

Without ``--merge`` the draft is a new map (the header ``argmap new`` writes, then the drafted
actors, quotes, propositions and inferences), printed or written to ``-o``. With ``--merge MAP``
only the sentences of the source that no quote of MAP covers are drafted, and the entries are
added at the end of MAP's sections (MAP rewritten, or the result written to ``-o``). Either way
the result is loaded before anything is written: an invalid draft is never written.

Exit 0 when a draft was written, 1 when the source has nothing to draft (empty, no sentences)
or the existing map is invalid, 2 when a file cannot be read or written.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.atomic import write_text_atomic
from argmap.problems import ArgmapError, MapInvalidError, UsageError
from argmap.read import DEFAULT_LIMITS, YamlError, decode_utf8, read_bytes, release_input

if TYPE_CHECKING:
    from argmap.draft.build import Draft
    from argmap.draft.speakers import Cast
    from argmap.model import LoadedMap


@dataclass(frozen=True)
class DraftSettings:
    source: Path
    output: Path | None = None
    merge: Path | None = None
    title: str | None = None
    force: bool = False
    quiet: bool = False


class NothingToDraft(ArgmapError):
    exit_code = 1


def run_draft(settings: DraftSettings, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        text = _read_source(settings.source)
        target: Path | None
        if settings.merge is not None:
            result, draft = _merged(settings, text)
            target = settings.output or settings.merge
        else:
            result, draft = _fresh(settings, text)
            target = settings.output
        _check_loads(result, target or Path.cwd() / "draft.yaml")
        if target is None:
            out.write(result)
        else:
            if settings.merge is not None and target.resolve() == settings.merge.resolve():
                release_input(target)  # --merge rewrites the map it read, and only that
            write_text_atomic(target, result)
    except MapInvalidError as error:
        err.writelines(f"{problem}\n" for problem in error.problems)
        return 1
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    if not settings.quiet:
        err.write(_summary(draft, target))
    return 0


def _read_source(path: Path) -> str:
    try:
        data = read_bytes(path, DEFAULT_LIMITS.max_source_bytes)
        if b"\0" in data[:8192]:
            raise UsageError(f"{path}: not a text file (it holds NUL bytes); draft reads "
                             "UTF-8 text")
        text = decode_utf8(data)
    except YamlError as error:
        raise UsageError(error.located(path)) from None
    if not text.strip():
        raise NothingToDraft(f"{path}: nothing to draft: the text is empty")
    return text


def _fresh(settings: DraftSettings, text: str) -> tuple[str, Draft]:
    from argmap.commands.new import new_map_text
    from argmap.draft.build import draft, vocabulary_of
    from argmap.draft.speakers import Cast
    from argmap.draft.write import add_entries, draft_entries

    target = settings.output
    if target is not None and target.exists() and not settings.force:
        raise UsageError(f"{target}: already exists (use --force to replace it, or --merge "
                         "to add to it)")
    header = new_map_text(settings.source, target or Path.cwd() / "draft.yaml", settings.title)
    vocabulary = vocabulary_of(text)
    header = header.replace("likelihood_vocabulary: icd203", f"likelihood_vocabulary: {vocabulary}")
    drafted = draft(text, Cast(), vocabulary)
    _nothing_drafted(settings.source, drafted)
    return add_entries(header, draft_entries(drafted, text, "source")), drafted


def _merged(settings: DraftSettings, text: str) -> tuple[str, Draft]:
    from argmap.draft.build import draft
    from argmap.draft.write import add_entries, draft_entries
    from argmap.model import load_map

    assert settings.merge is not None
    loaded = load_map(settings.merge)
    source_id, author = _source_of(loaded, settings.source)
    cast = _cast_of(loaded, author)
    uncovered = _uncovered(loaded, source_id, text)
    drafted = draft(text, cast, loaded.model.map.likelihood_vocabulary or "icd203",
                    only=uncovered, taken=set(loaded.index.by_id))
    if not drafted.quotes:
        raise NothingToDraft(f"{loaded.display}: nothing to add: every sentence of "
                             f"{settings.source} is quoted already")
    return add_entries(loaded.text, draft_entries(drafted, text, source_id)), drafted


def _source_of(loaded: LoadedMap, source: Path) -> tuple[str, str]:
    """The map's source whose text file is ``source``, and its author's actor id."""
    for candidate in loaded.model.sources:
        if loaded.source_path(candidate).resolve() == source.resolve():
            return candidate.id, candidate.author or "author"
    paths = ", ".join(f"`{s.id}` ({s.path})" for s in loaded.model.sources) or "none"
    raise UsageError(f"{loaded.display}: no source of the map is {source} (its sources: {paths})")


def _cast_of(loaded: LoadedMap, author: str) -> Cast:
    from argmap.draft.speakers import Cast

    cast = Cast(author_id=author)
    # A map whose author is not among its actors gets the author as a drafted actor.
    cast.author.existing = loaded.index.actor(author) is not None
    for actor in loaded.model.actors:
        cast.known(actor.id, actor.name, actor.role)
    return cast


def _uncovered(loaded: LoadedMap, source_id: str, text: str) -> set[tuple[int, int]]:
    """The sentences of the source that no quote of the map covers (as ``argmap coverage``)."""
    from argmap.analyse.coverage import coverage
    from argmap.analyse.quotes import place_quote
    from argmap.analyse.text import NormalisedText

    normalised = NormalisedText(text)
    quotes = [quote for quote in loaded.model.quotes if quote.source == source_id]
    pieces = [piece for quote in quotes for piece in place_quote(quote, normalised).pieces]
    return {(sentence.start, sentence.end) for sentence in coverage(text, pieces).uncovered}


def _nothing_drafted(source: Path, drafted: Draft) -> None:
    if drafted.quotes:
        return
    why = "; ".join(drafted.skipped) or "it has no sentence that is not a heading"
    raise NothingToDraft(f"{source}: nothing to draft: {why}")


def _check_loads(text: str, path: Path) -> None:
    """Never write a map that would not load."""
    from argmap.model import load_map_text

    try:
        load_map_text(text, path)
    except MapInvalidError as error:
        raise UsageError(f"{path}: not written: the draft would not load "
                         f"({error.problems[0].message})") from None


def _summary(drafted: Draft, target: Path | None) -> str:
    where = f"wrote {target}" if target is not None else "drafted"
    judgments = sum(1 for p in drafted.propositions if p.kind == "author_judgment")
    lines = [f"{where}: {len(drafted.quotes)} quotes from {drafted.sentences} sentences, "
             f"{len(drafted.actors)} new actors, {len(drafted.propositions)} propositions "
             f"({judgments} judgments), {len(drafted.inferences)} inferences; every element "
             "is marked `drafted: true` until a person has reviewed it (argmap lint lists them)\n"]
    lines += [f"left out: {reason}\n" for reason in drafted.skipped]
    return "".join(lines)
