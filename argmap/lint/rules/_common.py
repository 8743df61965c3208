"""Helpers several rules share (not a rule: the leading underscore keeps it out of discovery)."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.estimative import TERM, PhraseMatch, find_phrases
from argmap.model import Proposition, Quote
from argmap.model.elements import ESTIMATIVE_KINDS

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


def unbanded_estimates(ctx: RuleContext, strength: str
                       ) -> Iterator[tuple[Proposition, list[tuple[TextPlace, PhraseMatch]]]]:
    """Judgments and hypotheses without a likelihood, with their phrases of ``strength`` (only
    those that have some, and none when a firmer term is there: the term is what to record)."""
    for proposition in ctx.model.propositions:
        if proposition.kind not in ESTIMATIVE_KINDS or proposition.likelihood is not None:
            continue
        found = list(estimative_phrases(ctx, proposition))
        if any(match.phrase.strength == TERM for _, match in found) and strength != TERM:
            continue
        chosen = [(place, match) for place, match in found if match.phrase.strength == strength]
        if chosen:
            yield proposition, chosen


def quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def describe_place(proposition: Proposition, place: TextPlace) -> str:
    """``its text`` or ``quote `q-id```, for a place from :func:`estimative_phrases`."""
    if place == ("text",):
        return "its text"
    return f"quote `{proposition.quotes[int(place[1])]}`"
