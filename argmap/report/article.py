"""A source text as reader HTML: every quoted span marked, every unquoted sentence left plain.

The text is cut at every line break, sentence end and quote boundary, so each piece lies inside one
line and one sentence and is covered by one fixed set of quotes. Overlapping quotes need nothing
special: a piece inside two quotes simply lists both. Lines become paragraphs (the text between
them is line breaks only); within a line the text is exactly the file's, escaped.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from argmap.analyse.quote_match import sentence_spans
from argmap.analyse.quotes import QuotePlace

_LINE = re.compile(r"[^\n]+")
_SHORT_LINE = 80


@dataclass(frozen=True)
class Coverage:
    """How much of a text the map quotes: sentences touched and characters inside quotes."""

    sentences: int
    quoted_sentences: int
    characters: int
    quoted_characters: int

    @property
    def sentence_share(self) -> float:
        return self.quoted_sentences / self.sentences if self.sentences else 0.0

    @property
    def character_share(self) -> float:
        return self.quoted_characters / self.characters if self.characters else 0.0

    def describe(self) -> str:
        return (f"{self.quoted_sentences} of {self.sentences} sentences quoted "
                f"({self.sentence_share:.0%}); {self.character_share:.0%} of the text")


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    quotes: tuple[str, ...]
    in_gap: bool  # part of a sentence that no quote touches


def pieces(text: str, places: Sequence[QuotePlace]) -> tuple[list[Piece], Coverage]:
    """The text cut into pieces (line breaks dropped), and its coverage."""
    spans = [(start, end, p.quote) for p in places for start, end in p.pieces]
    found = sentence_spans(text)
    quoted = _quoted(found, spans)
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.update((start, end))
    for start, end in found:
        cuts.update((start, end))
    for line in _LINE.finditer(text):
        cuts.update((line.start(), line.end()))
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for start, end, quote in spans:
        starts.setdefault(start, []).append(quote)
        ends.setdefault(end, []).append(quote)
    gaps = [span for span, is_quoted in zip(found, quoted, strict=True) if not is_quoted]
    result = _cut(text, sorted(cuts), starts, ends, gaps)
    return result, _coverage(text, found, quoted, result)


def _quoted(found: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[bool]:
    """Which sentences overlap a quote, in one pass over both sorted lists."""
    ordered = sorted((start, end) for start, end, _ in spans)
    quoted, reach, index = [], -1, 0
    for start, end in found:
        while index < len(ordered) and ordered[index][0] < end:
            reach = max(reach, ordered[index][1])
            index += 1
        # some quote starting before this sentence ends reaches past its start
        quoted.append(reach > start)
    return quoted


def _cut(text: str, cuts: list[int], starts: dict[int, list[str]], ends: dict[int, list[str]],
         gaps: list[tuple[int, int]]) -> list[Piece]:
    active: dict[str, None] = {}
    result: list[Piece] = []
    gap_index = 0
    for start, end in itertools.pairwise(cuts):
        for quote in ends.get(start, ()):
            active.pop(quote, None)
        for quote in starts.get(start, ()):
            active[quote] = None
        if "\n" in text[start:end] and not text[start:end].strip():
            continue
        while gap_index < len(gaps) and gaps[gap_index][1] <= start:
            gap_index += 1
        in_gap = gap_index < len(gaps) and gaps[gap_index][0] <= start
        quotes = tuple(active)
        last = result[-1] if result else None
        if last is not None and (last.end, last.quotes, last.in_gap) == (start, quotes, in_gap):
            result[-1] = Piece(last.start, end, quotes, in_gap)
        else:
            result.append(Piece(start, end, quotes, in_gap))
    return result


def _coverage(text: str, found: list[tuple[int, int]], quoted: list[bool],
              cut: list[Piece]) -> Coverage:
    characters = sum(1 for char in text if not char.isspace())
    inside = sum(len("".join(text[p.start:p.end].split())) for p in cut if p.quotes)
    return Coverage(len(found), sum(quoted), characters, inside)


def article_html(text: str, places: Sequence[QuotePlace],
                 look_of: Callable[[str], str]) -> tuple[str, Coverage]:
    """The text as paragraphs of escaped pieces; ``look_of(quote_id)`` names a quote's colour."""
    cut, coverage = pieces(text, places)
    sizes = {p.quote: (p.end or 0) - (p.start or 0) for p in places if p.found}
    paragraphs, index = [], 0
    for line in _LINE.finditer(text):
        body = []
        while index < len(cut) and cut[index].start < line.end():
            body.append(_piece_html(text, cut[index], look_of, sizes))
            index += 1
        words = line.group().strip()
        short = len(words) < _SHORT_LINE and not words.endswith((".", "!", "?", '"', "\u201d"))
        paragraphs.append(f'<p class="line{" short" if short else ""}">{"".join(body)}</p>')
    return "\n".join(paragraphs), coverage


def _piece_html(text: str, piece: Piece, look_of: Callable[[str], str],
                sizes: dict[str, int]) -> str:
    words = html.escape(text[piece.start:piece.end], quote=True)
    if not piece.quotes:
        return f'<span class="gap">{words}</span>' if piece.in_gap else words
    # The innermost quote gives the colour: it is the one a click most likely means.
    innermost = min(piece.quotes, key=lambda quote: sizes.get(quote, 0))
    classes = ["q", f"k-{look_of(innermost)}"]
    if len(piece.quotes) > 1:
        classes.append("overlap")
    ids = " ".join(_innermost_first(piece.quotes, sizes))
    return (f'<mark class="{" ".join(classes)}" data-q="{html.escape(ids)}" tabindex="0">'
            f"{words}</mark>")


def _innermost_first(quotes: Iterable[str], sizes: dict[str, int]) -> list[str]:
    return sorted(quotes, key=lambda quote: sizes.get(quote, 0))
