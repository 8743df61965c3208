"""Facts about a map's evidence: who uses each element, and how independent the evidence is.

Independence: two quotes are independent reports only when they come from different documents,
from different speakers, and through different relays (a quote's relay is its ``via`` actor, or
its document when it has none). One article quoting two officials is one report (the article
chose and relayed both); two outlets repeating one official are one report (the official); two
officials reached through one spokesman are one report (the spokesman). So the number of
independent reports behind a proposition is the smallest of the distinct sources, speakers and
relays over its anchoring quotes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from argmap.analyse.graph import ArgumentGraph
from argmap.model.elements import ArgumentMap, Proposition


@dataclass(frozen=True)
class Reports:
    """Distinct sources, speakers and relays behind a proposition, each kept up to ``cap``."""

    sources: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    relays: frozenset[str] = frozenset()

    @property
    def independent(self) -> int:
        return min(len(self.sources), len(self.speakers), len(self.relays))

    def merge(self, other: Reports, cap: int) -> Reports:
        return Reports(_capped(self.sources | other.sources, cap),
                       _capped(self.speakers | other.speakers, cap),
                       _capped(self.relays | other.relays, cap))


class EvidenceFacts:
    """Usage and independence facts of one map, computed once and shared by every rule."""

    def __init__(self, model: ArgumentMap, graph: ArgumentGraph) -> None:
        self.model = model
        self.graph = graph
        self._quotes = {quote.id: quote for quote in model.quotes}

    @cached_property
    def propositions_of_quote(self) -> dict[str, list[str]]:
        users: dict[str, list[str]] = defaultdict(list)
        for proposition in self.model.propositions:
            for quote in proposition.quotes:
                users[quote].append(proposition.id)
        return users

    @cached_property
    def used_quotes(self) -> frozenset[str]:
        """Quotes that anchor a proposition or state an inference."""
        used = set(self.propositions_of_quote)
        for inference in self.model.inferences:
            used.update(inference.quotes)
        return frozenset(used)

    @cached_property
    def quotes_of_source(self) -> dict[str, list[str]]:
        users: dict[str, list[str]] = defaultdict(list)
        for quote in self.model.quotes:
            users[quote.source].append(quote.id)
        return users

    @cached_property
    def used_actors(self) -> frozenset[str]:
        used = {source.author for source in self.model.sources if source.author}
        for quote in self.model.quotes:
            used.add(quote.speaker)
            if quote.via:
                used.add(quote.via)
        return frozenset(used)

    @cached_property
    def used_propositions(self) -> frozenset[str]:
        used = set(self.graph.supported_by) | set(self.graph.premise_of)
        used |= set(self.graph.attacks_from) | set(self.graph.attacked_by)
        for question in self.model.questions:
            used.update(question.hypotheses)
            used.update(rating.proposition for rating in question.evidence)
        return frozenset(used)

    def reports(self, proposition: Proposition, cap: int = 1 << 30) -> Reports:
        """Distinct sources, speakers and relays of a proposition's own quotes."""
        sources, speakers, relays = set(), set(), set()
        for quote_id in proposition.quotes:
            quote = self._quotes.get(quote_id)
            if quote is not None:
                sources.add(quote.source)
                speakers.add(quote.speaker)
                relays.add(f"actor {quote.via}" if quote.via else f"source {quote.source}")
        return Reports(*(_capped(frozenset(found), cap) for found in (sources, speakers, relays)))

    def support_reports(self, proposition_id: str, cap: int = 2) -> Reports:
        """The independent reports of the evidence under a proposition, from the one basis walk
        (:mod:`argmap.analyse.basis`): its own quotes if it is a report, and those of every
        report any line of support to it reaches. A judgment's own quotes are the text asserting
        it, not reports. Sets are capped at ``cap`` members ("are there at least ``cap``?")."""
        found = self.graph.bases.of(proposition_id).reports
        return Reports(_capped(found.sources, cap), _capped(found.speakers, cap),
                       _capped(found.relays, cap))


def _capped(members: frozenset[str], cap: int) -> frozenset[str]:
    return members if len(members) <= cap else frozenset(sorted(members)[:cap])
