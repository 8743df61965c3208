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
        self._support: dict[int, dict[str, Reports]] = {}

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
        """Reports behind a proposition and everything that supports it, transitively.

        Sets are capped at ``cap`` members, which keeps the walk linear and still answers "are
        there at least ``cap`` independent reports?". Within a support cycle (reported
        separately) members see only what was reached before the cycle closed.
        """
        memo = self._support.setdefault(cap, {})
        pending: list[tuple[str, bool]] = [(proposition_id, False)]
        open_nodes: set[str] = set()
        while pending:
            node, expanded = pending.pop()
            if node in memo:
                continue
            premises = [premise for inference in self.graph.supported_by.get(node, ())
                        for premise in inference.premises]
            if expanded:
                memo[node] = self._combine(node, premises, memo, cap)
                open_nodes.discard(node)
                continue
            open_nodes.add(node)
            pending.append((node, True))
            pending.extend((premise, False) for premise in premises
                           if premise not in memo and premise not in open_nodes)
        return memo[proposition_id]

    def _combine(self, node: str, premises: list[str], memo: dict[str, Reports], cap: int
                 ) -> Reports:
        proposition = self.graph.propositions.get(node)
        total = self.reports(proposition, cap) if proposition is not None else Reports()
        for premise in premises:
            total = total.merge(memo.get(premise, Reports()), cap)
        return total


def _capped(members: frozenset[str], cap: int) -> frozenset[str]:
    return members if len(members) <= cap else frozenset(sorted(members)[:cap])
