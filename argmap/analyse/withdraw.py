"""What if a source falls: the map without what a source, a speaker or a quote reports.

Taking away a **source** takes away every quote from it; an **actor**, every quote the actor
speaks or relays (``via``); a **quote**, that quote. A proposition left with none of the quotes
that anchored it has lost its basis in evidence, and if it is a premise (nothing concludes it)
nobody reports it any more: it is *withdrawn* and has no argument. A proposition that some
inference concludes still stands or falls by its inferences, as before. Inferences and attacks
stay: they are the reasoning, not the report (a quote that states a step is the text saying so,
not evidence for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model.elements import ArgumentMap, Quote
from argmap.model.index import MapIndex
from argmap.problems import ArgmapError
from argmap.suggest import did_you_mean

WITHDRAWABLE = ("sources", "actors", "quotes")


class UnknownWithdrawalError(ArgmapError):
    """``--without`` names nothing that reports (a usage error, exit code 2)."""


@dataclass(frozen=True)
class Withdrawal:
    """The map as it stands without ``names``."""

    names: tuple[str, ...]
    quotes: frozenset[str]
    propositions: frozenset[str]  # lost every anchoring quote
    model: ArgumentMap

    @property
    def withdrawn(self) -> frozenset[str]:
        """The premises among :attr:`propositions`: nobody reports them, so they have no
        argument. A concluded proposition that lost its quotes still stands by its inferences."""
        concluded = {inference.conclusion for inference in self.model.inferences}
        return self.propositions - concluded

    @property
    def unanchored(self) -> frozenset[str]:
        """Concluded propositions that lost every quote: not withdrawn, only unanchored."""
        return self.propositions - self.withdrawn


def withdraw(model: ArgumentMap, names: Sequence[str]) -> Withdrawal:
    """``model`` without the quotes of every source, actor or quote in ``names`` (ids the map
    does not have are ignored here: :func:`check_withdrawable` reports them)."""
    wanted = set(names)
    gone = frozenset(quote.id for quote in model.quotes if _taken(quote, wanted))
    propositions = []
    lost = set()
    for proposition in model.propositions:
        kept = tuple(quote for quote in proposition.quotes if quote not in gone)
        if len(kept) < len(proposition.quotes):
            proposition = proposition.model_copy(update={"quotes": kept})
            if not kept:
                lost.add(proposition.id)
        propositions.append(proposition)
    reduced = model.model_copy(update={
        "quotes": tuple(quote for quote in model.quotes if quote.id not in gone),
        "propositions": tuple(propositions)})
    return Withdrawal(tuple(names), gone, frozenset(lost), reduced)


def _taken(quote: Quote, wanted: set[str]) -> bool:
    return quote.id in wanted or quote.source in wanted or quote.speaker in wanted or (
        quote.via is not None and quote.via in wanted)


def check_withdrawable(name: str, indexes: Sequence[tuple[str, MapIndex]]) -> None:
    """Raise :class:`UnknownWithdrawalError` unless some map has a source, actor or quote
    ``name``; the message says what the id is where it is something else, or the closest id."""
    for _, index in indexes:
        entry = index.get(name)
        if entry is not None and entry.section in WITHDRAWABLE:
            return
    for display, index in indexes:
        entry = index.get(name)
        if entry is not None:
            raise UnknownWithdrawalError(
                f"--without `{name}`: in {display} it is {_article(entry.kind_name)} "
                f"{entry.kind_name}; --without takes a source, an actor or a quote")
    known = [key for _, index in indexes for key, entry in index.by_id.items()
             if entry.section in WITHDRAWABLE]
    raise UnknownWithdrawalError(f"--without `{name}`: no source, actor or quote has this id in "
                                 f"the maps given{did_you_mean(name, known)}")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
