"""``argmap quote SOURCE PHRASE``: find words in a source text and print them ready to paste.

The phrase is searched forgivingly (case, whitespace, quote marks and dash look-alikes; ``...``
for words left out); what is printed is the source's own words, so a quote copied from the output
is verbatim by construction. Each place found is shown with its sentence, its offsets and its line
and column, and as a YAML quote entry whose text is quoted so that YAML reads it back unchanged.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from argmap.problems import ArgmapError, UsageError
from argmap.read import DEFAULT_LIMITS, LineTable, YamlError, decode_utf8, read_bytes
from argmap.read.scalar import yaml_scalar

# Quotation marks that open, that close, and the straight one that does both (by parity).
_MARKS = {"opening": "\u201c\u201e\u00ab", "closing": "\u201d\u00bb", "straight": '"'}
# The sentence printed with a place is cut to this many characters either side of the words
# found: a one-line source is one "sentence" of megabytes, which was printed whole for every
# place (a 10 MB line, 20 places: 210 MB of output).
CONTEXT_CHARS = 200


@dataclass(frozen=True)
class QuoteSettings:
    source: Path
    phrase: str
    speaker: str = "author"
    quote_id: str | None = None
    source_id: str = "source"
    mode: str | None = None
    output_format: str = "text"
    limit: int = 20


@dataclass(frozen=True)
class Found:
    """One place the phrase occurs, described for printing."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    line: int
    column: int
    words: str
    sentence: str
    entry: str


def run_quote(settings: QuoteSettings, out: TextIO = sys.stdout, err: TextIO = sys.stderr
              ) -> int:
    try:
        text = _read_source(settings.source)
        if not settings.phrase.strip():
            raise UsageError("the phrase to find is empty")
        found = find_places(text, settings)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    if not found:
        err.write(_not_found(text, settings))
        return 1
    out.write(_as_json(found, settings) if settings.output_format == "json"
              else _as_text(found, settings))
    return 0


def find_places(text: str, settings: QuoteSettings) -> list[Found]:
    from argmap.analyse.quote_match import find_phrase
    from argmap.analyse.text import NormalisedText

    source = NormalisedText(text)
    matches = find_phrase(source, settings.phrase, settings.limit)
    if not matches:
        return []
    index = _TextIndex(text)
    places = []
    for match in matches:
        words = " ... ".join(" ".join(text[start:end].split()) for start, end in match.pieces)
        sentence = index.sentence_around(match.start, match.end)
        line, column = index.lines.of_index(match.start)
        entry = quote_entry(words, settings, _mode(settings, index, match.start),
                            (match.start, match.end) if len(matches) > 1 else None)
        places.append(Found(match.start, match.end, match.pieces, line, column, words,
                            sentence, entry))
    return places


def quote_entry(words: str, settings: QuoteSettings, mode: str,
                offsets: tuple[int, int] | None) -> str:
    """A YAML list item for the ``quotes:`` section, indented as ``argmap new`` lays maps out."""
    lines = [
        f"  - id: {settings.quote_id or _default_id(words)}",
        f"    source: {settings.source_id}",
        f"    speaker: {settings.speaker}",
        f"    mode: {mode}",
        f"    text: {yaml_scalar(words)}",
    ]
    if offsets is not None:
        lines += [f"    start: {offsets[0]}", f"    end: {offsets[1]}"]
    return "\n".join(lines) + "\n"


def _read_source(path: Path) -> str:
    try:
        return decode_utf8(read_bytes(path, DEFAULT_LIMITS.max_source_bytes))
    except YamlError as error:
        raise UsageError(error.located(path)) from None


class _TextIndex:
    """Lines, sentences, paragraphs and quotation marks of a source text, found once; each place
    is then described by binary searches, not by scanning the text again per place."""

    def __init__(self, text: str) -> None:
        from argmap.analyse.quote_match import sentence_spans

        self.text = text
        self.lines = LineTable(text)
        spans = sentence_spans(text)
        self._sentence_starts = [start for start, _ in spans]
        self._sentence_ends = [end for _, end in spans]
        self._paragraph_breaks = [match.start() for match in re.finditer("(?=\n\n)", text)]
        self._marks = {kind: [match.start() for match in re.finditer(f"[{chars}]", text)]
                       for kind, chars in _MARKS.items()}

    def sentence_around(self, start: int, end: int) -> str:
        """The sentence (or sentences) ``[start, end)`` lies in, on one line, cut to
        CONTEXT_CHARS either side of it."""
        first = bisect.bisect_right(self._sentence_ends, start)
        last = bisect.bisect_left(self._sentence_starts, end) - 1
        if first > last:
            return ""
        left = max(self._sentence_starts[first], start - CONTEXT_CHARS)
        right = min(self._sentence_ends[last], end + CONTEXT_CHARS)
        shown = " ".join(self.text[left:right].split())
        return (("…" if left > self._sentence_starts[first] else "") + shown
                + ("…" if right < self._sentence_ends[last] else ""))

    def paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding ``offset`` starts (after the last blank line before)."""
        before = bisect.bisect_right(self._paragraph_breaks, offset - 2)
        return self._paragraph_breaks[before - 1] + 1 if before else 0

    def marks(self, kind: str, start: int, end: int) -> int:
        """How many quotation marks of ``kind`` lie in ``[start, end)``."""
        found = self._marks[kind]
        return bisect.bisect_left(found, end) - bisect.bisect_left(found, start)


def _mode(settings: QuoteSettings, index: _TextIndex, start: int) -> str:
    """``direct`` inside quotation marks, ``author`` for the author, else ``indirect``."""
    if settings.mode:
        return settings.mode
    paragraph = index.paragraph_start(start)
    opened, closed, straight = (index.marks(kind, paragraph, start) for kind in _MARKS)
    if opened > closed or straight % 2 == 1:
        return "direct"
    return "author" if settings.speaker == "author" else "indirect"


def _default_id(words: str) -> str:
    slug = "-".join(re.findall(r"[a-z0-9]+", words.lower())[:4])[:40].strip("-")
    return f"q-{slug or 'quote'}"


def _as_text(found: list[Found], settings: QuoteSettings) -> str:
    times = "once" if len(found) == 1 else f"{len(found)} times"
    more = f" (the first {settings.limit} shown)" if len(found) == settings.limit else ""
    lines = [f"{settings.source}: found {times}{more}"]
    if len(found) > 1:
        lines.append("several places: the entries carry `start` and `end` to say which one "
                     "(or quote more words)")
    for number, place in enumerate(found, start=1):
        pieces = "" if len(place.pieces) == 1 else "  pieces " + ", ".join(
            f"{start}-{end}" for start, end in place.pieces)
        lines += ["", f"{number}. characters {place.start}-{place.end} "
                      f"(line {place.line}, column {place.column}){pieces}",
                  f"   words:    {place.words}", f"   sentence: {place.sentence}",
                  *_typed_differs(settings.phrase, place.words), "", place.entry.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _typed_differs(phrase: str, words: str) -> list[str]:
    from argmap.analyse.quote_match import difference, quote_pieces

    typed, exact = " ... ".join(quote_pieces(phrase)), " ... ".join(quote_pieces(words))
    # Case differences are plain to see; the look-alikes (dashes, quote marks) are not.
    found = difference(typed.lower(), exact.lower())
    if found is None:
        return ["   note:     the source's capitals differ from yours"] if typed != exact else []
    return [f"   note:     the source's words differ from what you typed; "
            f"{found.describe('phrase').split('; source:')[0]}"]


def _as_json(found: list[Found], settings: QuoteSettings) -> str:
    records: list[dict[str, Any]] = [
        {"start": place.start, "end": place.end, "pieces": [list(p) for p in place.pieces],
         "line": place.line, "column": place.column, "text": place.words,
         "sentence": place.sentence, "yaml": place.entry}
        for place in found
    ]
    document = {"source": str(settings.source), "phrase": settings.phrase, "found": records}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _not_found(text: str, settings: QuoteSettings) -> str:
    from argmap.analyse.quote_match import explain_miss
    from argmap.analyse.text import NormalisedText

    why = explain_miss(NormalisedText(text), settings.phrase, 0.5, label="phrase")
    hint = f": {why}" if why else " (nothing like it either)"
    return f"argmap: {settings.source}: phrase not found{hint}\n"
