"""Helpers several rules share (not a rule: the leading underscore keeps it out of discovery)."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.estimative import PhraseMatch, find_phrases
from argmap.model import Proposition, Quote

TextPlace = tuple[str | int, ...]


def anchoring_quotes(ctx: RuleContext, proposition: Proposition) -> Iterator[tuple[int, Quote]]:
    """The proposition's quotes with their position in its ``quotes`` list."""
    for number, quote_id in enumerate(proposition.quotes):
        quote = ctx.index.quote(quote_id)
        if quote is not None:
            yield number, quote


def estimative_phrases(ctx: RuleContext, proposition: Proposition
                       ) -> Iterator[tuple[TextPlace, PhraseMatch]]:
    """Estimative phrases in the proposition's text, then in its anchoring quotes, each with
    the field to point at (``("text",)`` or ``("quotes", n)``)."""
    for match in find_phrases(proposition.text):
        yield ("text",), match
    for number, quote in anchoring_quotes(ctx, proposition):
        for match in find_phrases(quote.text):
            yield ("quotes", number), match


def quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def describe_place(proposition: Proposition, place: TextPlace) -> str:
    """``its text`` or ``quote `q-id```, for a place from :func:`estimative_phrases`."""
    if place == ("text",):
        return "its text"
    return f"quote `{proposition.quotes[int(place[1])]}`"
