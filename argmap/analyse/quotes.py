"""Where each quote stands in its source text, in the source's own character offsets.

The same matching lint applies (:mod:`argmap.analyse.text`: whitespace runs and typographic quotes
forgiven, nothing else). A quote found once is placed there; one found several times is placed at
its stated ``start``/``end`` when those hold the quote, else at its first occurrence (and counted
as ambiguous); one not found has no place, and why is said in words a reader understands.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analyse.sources import SourceFailure, SourceReader, SourceText
from argmap.analyse.text import NormalisedText, normalise
from argmap.model import Quote


@dataclass(frozen=True)
class QuotePlace:
    """A quote's span ``[start, end)`` in the original source text, or why it has none."""

    quote: str
    source: str
    start: int | None = None
    end: int | None = None
    occurrences: int = 0
    problem: str | None = None

    @property
    def found(self) -> bool:
        return self.start is not None


def place_quote(quote: Quote, text: NormalisedText) -> QuotePlace:
    """Place one quote in an already read source text."""
    needle = normalise(quote.text)
    found = text.find_all(needle, limit=2)
    if not found:
        return QuotePlace(quote.id, quote.source,
                          problem=f"not found in the text of source `{quote.source}`")
    count = len(found)
    if _offsets_hold(quote, text, needle):
        assert quote.start is not None and quote.end is not None
        return QuotePlace(quote.id, quote.source, quote.start, quote.end, count)
    start, end = text.original_span(found[0], len(needle))
    return QuotePlace(quote.id, quote.source, start, end, count)


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


def _offsets_hold(quote: Quote, text: NormalisedText, needle: str) -> bool:
    if quote.start is None or quote.end is None or quote.end > len(text.original):
        return False
    return text.normalised_slice(quote.start, quote.end) == needle
