"""A judgment's basis in a few figures: the overview shows these instead of the quotes.

Everything counted is what :func:`argmap.analyse.support.basis_of` finds under the judgment (the
same elements its basis view draws): the quotes, the distinct sources and speakers behind them and
the number of independent reports (as :mod:`argmap.analyse.evidence` defines independence), the
best and worst Admiralty reliability among them (a quote is graded by its speaker's grade, else
by its source's), the assumptions it needs, and the attacks on any of its steps.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from argmap.analyse.evidence import Reports
from argmap.analyse.graph import ArgumentGraph, Basis
from argmap.analyse.support import basis_of
from argmap.model.elements import Quote


@dataclass(frozen=True)
class BasisSummary:
    quotes: int
    reports: Reports
    grades: tuple[str, ...]  # the distinct reliability grades of its quotes, best first
    assumptions: int
    basis: Basis
    attacks: Counter[str]

    @property
    def best_grade(self) -> str | None:
        return min(self.grades) if self.grades else None

    @property
    def worst_grade(self) -> str | None:
        return max(self.grades) if self.grades else None


def summarise(graph: ArgumentGraph, element_id: str) -> BasisSummary:
    """In time proportional to the basis, not the map: the overview summarises every judgment."""
    tree = basis_of(graph, element_id)
    quotes = sorted((graph.quotes[member] for member in tree.support if member in graph.quotes),
                    key=lambda quote: graph.position[quote.id])
    assumptions = sum(1 for member in tree.support
                      if (p := graph.propositions.get(member)) is not None
                      and p.kind == "assumption" and member != element_id)
    return BasisSummary(
        quotes=len(quotes), reports=_reports(quotes), grades=_grades(graph, quotes),
        assumptions=assumptions, basis=graph.basis.get(element_id, Basis.ASSERTION),
        attacks=Counter(attack.kind for attack in tree.attacks))


def _reports(quotes: list[Quote]) -> Reports:
    return Reports(frozenset(quote.source for quote in quotes),
                   frozenset(quote.speaker for quote in quotes),
                   frozenset(f"actor {quote.via}" if quote.via else f"source {quote.source}"
                             for quote in quotes))


def _grades(graph: ArgumentGraph, quotes: list[Quote]) -> tuple[str, ...]:
    actors, sources = graph.actors, graph.sources
    grades = []
    for quote in quotes:
        actor, source = actors.get(quote.speaker), sources.get(quote.source)
        grade = (actor.grade if actor is not None and actor.grade is not None
                 else source.grade if source is not None else None)
        if grade is not None:
            grades.append(str(grade.reliability))
    return tuple(sorted(set(grades)))
