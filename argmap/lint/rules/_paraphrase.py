"""What the paraphrase-fidelity rules compare: a proposition's text against the words it rests
on (not a rule: the leading underscore keeps it out of discovery).

For every quote of a proposition whose source could be read, an :class:`Anchor` holds the quote
and the passage of each of its pieces (one, or one per part between ellipses: each piece's own
sentence, the sentence before, the paragraph; see :mod:`argmap.analyse.passage`). Sources are
laid out in sentences and paragraphs once per map (``ctx.layout``), so the rules stay linear in
the size of the text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from argmap.analyse.passage import Passage, SourceLayout
from argmap.analyse.quotes import place_quote
from argmap.lint.context import RuleContext
from argmap.model import Proposition, Quote

# Longest text shown of either side in a finding.
SHOWN = 160
# A word swapped for another is a replacement of at most this many words of the proposition
# (and twice as many of the quote, which may go on past it: "Iran, Ali Hassan said"), with the
# words before it the same: longer replacements are rewording, not a swap.
SWAP_WORDS = 3
_TOKEN = re.compile(r"[\w'\u2019.,%-]*\w")


@dataclass(frozen=True)
class Anchor:
    """One quote of a proposition, placed in its source: a passage per piece."""

    number: int  # its position in the proposition's `quotes`
    quote: Quote
    passages: tuple[Passage, ...]
    layout: SourceLayout

    @cached_property
    def sentence_text(self) -> str:
        """The distinct sentences the quote's pieces stand in, in order."""
        text = self.passages[0].text
        spans = dict.fromkeys(passage.sentence for passage in self.passages)
        return " ".join(text[start:end] for start, end in spans)

    @property
    def before(self) -> str:
        """The paragraph's text before the quote's first sentence."""
        first = self.passages[0]
        return first.text[first.paragraph[0]:first.sentence[0]]

    def previous(self, count: int) -> str:
        """Up to ``count`` sentences before the quote's first, within its paragraph."""
        first = here = self.passages[0]
        start = first.sentence[0]
        for _ in range(count):
            if here.previous is None:
                break
            start = here.previous[0]
            here = self.layout.passage(*here.previous)
        return first.text[start:first.sentence[0]]


def pieces(ctx: RuleContext, quote: Quote) -> tuple[tuple[Passage, ...], SourceLayout | None]:
    """The passage of each piece of a quote (none if its source is unread or it is not found
    there), and its source's layout."""
    source = ctx.sources.text_of(quote.source)
    if source is None:
        return (), None
    place = place_quote(quote, source.text)
    layout = ctx.layout(quote.source, source)
    return tuple(layout.passage(start, end) for start, end in place.pieces), layout


def anchors(ctx: RuleContext, proposition: Proposition) -> list[Anchor]:
    """The proposition's quotes that could be placed in their sources."""
    found = []
    for number, quote_id in enumerate(proposition.quotes):
        quote = ctx.index.quote(quote_id)
        if quote is None:
            continue
        placed, layout = pieces(ctx, quote)
        if placed and layout is not None:
            found.append(Anchor(number, quote, placed, layout))
    return found


def checked_propositions(ctx: RuleContext) -> Iterator[tuple[Proposition, list[Anchor]]]:
    """Every proposition with at least one placed quote, with its anchors."""
    for proposition in ctx.model.propositions:
        if proposition.quotes:
            placed = anchors(ctx, proposition)
            if placed:
                yield proposition, placed


def shown(text: str, limit: int = SHOWN) -> str:
    """Text for a message: on one line, and cut after ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(anchors: list[Anchor]) -> str:
    r"""Each quote's id and text, for a message: ``\`q-a\`: "..."; \`q-b\`: "..."``."""
    return "; ".join(f"`{anchor.quote.id}`: \"{shown(anchor.quote.text)}\"" for anchor in anchors)


def both(proposition: Proposition, anchor: Anchor, *, sentence: bool = False) -> str:
    """The two texts side by side, for the end of a message."""
    words = anchor.sentence_text if sentence else anchor.quote.text
    what = "its sentence" if sentence else f"quote `{anchor.quote.id}`"
    return f"proposition: \"{shown(proposition.text)}\"; {what}: \"{shown(words)}\""


class Swap(NamedTuple):
    """A short run of the quote's words that the proposition says differently, in the same
    place, with the offsets of both runs."""

    theirs: str
    ours: str
    their_span: tuple[int, int]
    our_span: tuple[int, int]


def swaps(quote: str, proposition: str) -> Iterator[Swap]:
    """Short runs of the quote's words that the proposition says differently, in the same place
    (the words before and after agree): ``("Iran", "Syria")``, ``("270 and 300", "170 and
    200")``."""
    theirs, ours = list(_TOKEN.finditer(quote)), list(_TOKEN.finditer(proposition))
    matcher = difflib.SequenceMatcher(None, [word.group(0).lower() for word in theirs],
                                      [word.group(0).lower() for word in ours], autojunk=False)
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag == "replace" and end - start <= 2 * SWAP_WORDS \
                and other_end - other_start <= SWAP_WORDS:
            their_span = theirs[start].start(), theirs[end - 1].end()
            our_span = ours[other_start].start(), ours[other_end - 1].end()
            yield Swap(quote[slice(*their_span)], proposition[slice(*our_span)], their_span,
                       our_span)
