"""Helpers several rules share (not a rule: the leading underscore keeps it out of discovery)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from argmap.cues.estimative import TERM, PhraseMatch, find_phrases
from argmap.lint.context import RuleContext
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
            if governs(quote.text, match, proposition.text):
                yield ("quotes", number), match


# Where a quote's clauses part: punctuation, and the words that join two statements.
_CLAUSE_BREAK = re.compile(
    r"[,;:\u2013\u2014]\s|\s(?:which means|that is why|that's why|but|because|while|whereas|"
    r"although|though|and so|so that|however)\s", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9']{4,}")


def governs(quote: str, match: PhraseMatch, text: str) -> bool:
    """Whether the phrase ``match`` of ``quote`` bears on ``text``: its clause shares the most
    words with ``text`` of all the quote's clauses (a one-clause quote always does)."""
    clauses = clauses_of(quote)
    if len(clauses) < 2:
        return True
    shared = _shared_words(quote, clauses, text)
    own = next(n for n, (start, end) in enumerate(clauses) if start <= match.start < end)
    return max(shared) == 0 or (shared[own] > 0 and shared[own] == max(shared))


def clauses_of(quote: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each clause of ``quote``."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(quote)), len(quote)]
    return [(start, end) for start, end in itertools.pairwise(cuts) if end > start]


def closest_clause(quote: str, text: str) -> int | None:
    """The clause of ``quote`` that shares the most words with ``text`` (None: no words)."""
    clauses = clauses_of(quote)
    shared = _shared_words(quote, clauses, text)
    return shared.index(max(shared)) if shared and max(shared) > 0 else None


def _shared_words(quote: str, clauses: list[tuple[int, int]], text: str) -> list[int]:
    wanted = set(_WORD.findall(text.lower()))
    return [len(wanted & set(_WORD.findall(quote[start:end].lower())))
            for start, end in clauses]


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
