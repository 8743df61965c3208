"""Where each quote stands in its source text, in the source's own character offsets.

The matching is lint's (:mod:`argmap.analyse.quote_match`: whitespace runs and typographic quotes
forgiven, an ellipsis splits a quote into pieces found in order within one paragraph). A quote
found once is placed there; one found several times is placed at its stated ``start``/``end``
when those hold the quote, else at its first occurrence (and counted as ambiguous); one not found
has no place, and why is said in words a reader understands.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analyse.quote_match import Span, find_quote, offsets_hold
from argmap.analyse.sources import SourceFailure, SourceReader, SourceText
from argmap.analyse.text import NormalisedText
from argmap.model import Quote


@dataclass(frozen=True)
class QuotePlace:
    """A quote's pieces (one, or one per part between ellipses) as ``[start, end)`` spans of the
    original source text, or why it has none."""

    quote: str
    source: str
    pieces: tuple[Span, ...] = ()
    occurrences: int = 0
    problem: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.pieces)

    @property
    def start(self) -> int | None:
        return self.pieces[0][0] if self.pieces else None

    @property
    def end(self) -> int | None:
        return self.pieces[-1][1] if self.pieces else None


def place_quote(quote: Quote, text: NormalisedText) -> QuotePlace:
    """Place one quote in an already read source text."""
    matches = find_quote(text, quote.text, limit=2)
    if not matches:
        return QuotePlace(quote.id, quote.source,
                          problem=f"not found in the text of source `{quote.source}`")
    pieces = matches[0].pieces
    if quote.start is not None and quote.end is not None \
            and offsets_hold(text, quote.text, quote.start, quote.end):
        pieces = _pieces_within(text, quote.text, quote.start, quote.end)
    return QuotePlace(quote.id, quote.source, pieces, len(matches))


def _pieces_within(text: NormalisedText, words: str, start: int, end: int) -> tuple[Span, ...]:
    held = find_quote(NormalisedText(text.original[start:end]), words, 1)
    if not held:
        return ((start, end),)
    return tuple((start + piece_start, start + piece_end)
                 for piece_start, piece_end in held[0].pieces)


def place_quotes(quotes: tuple[Quote, ...], reader: SourceReader) -> dict[str, QuotePlace]:
    """Every quote's place, by quote id; quotes of sources that could not be read say why."""
    places: dict[str, QuotePlace] = {}
    for quote in quotes:
        source = reader.loaded.index.source(quote.source)
        read = reader.read(source) if source is not None else None
        if isinstance(read, SourceText):
            places[quote.id] = place_quote(quote, read.text)
        else:
            why = read.message if isinstance(read, SourceFailure) else "no such source"
            places[quote.id] = QuotePlace(quote.id, quote.source, problem=why)
    return places
