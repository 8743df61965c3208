"""Every element's basis summary at once, for the overview, which summarises every judgment.

Summarising each judgment on its own walks its whole basis: on a layered map that totals about n
times the depth, but on a long chain (each judgment resting on the one below) n^2/2. Here each
element's basis is instead carried up from below as bit sets (Python integers: one bit per
element, per source, per speaker...), so an element's set is the union of its own bits and its
parts' sets: one pass, each union a few machine words per 64 elements. Support cycles (which lint
reports) share one set: the elements of a strongly connected component reach the same things.

``Summaries(graph).of(id)`` equals ``summarise(graph, id)`` for every element (a test compares
them on random maps and on cycles).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from argmap.analyse.evidence import Reports
from argmap.analyse.graph import ArgumentGraph, Basis, strongly_connected
from argmap.analyse.summary import BasisSummary

# What is carried up, one bit set each: elements reached, their quotes' sources, speakers,
# relays and grades, and the attacks on any element reached.
_REACHED, _SOURCES, _SPEAKERS, _RELAYS, _GRADES, _ATTACKS = range(6)
_Sets = list[int]


class _Numbering:
    """A bit per distinct name, and the names back from a bit set."""

    def __init__(self) -> None:
        self.bit: dict[str, int] = {}
        self.names: list[str] = []

    def of(self, name: str) -> int:
        number = self.bit.setdefault(name, len(self.names))
        if number == len(self.names):
            self.names.append(name)
        return 1 << number

    def decode(self, bits: int) -> Iterator[str]:
        while bits:
            lowest = bits & -bits
            yield self.names[lowest.bit_length() - 1]
            bits ^= lowest


class Summaries:
    def __init__(self, graph: ArgumentGraph) -> None:
        self.graph = graph
        self.numbers = [_Numbering() for _ in range(6)]
        self.quote_mask = self.assumption_mask = 0
        self.kind_masks: dict[str, int] = {}
        parts = self._parts()
        own = {element: self._own(element) for element in parts}
        self.sets: dict[str, _Sets] = {}
        for component in strongly_connected(list(parts), parts):
            union = [0] * 6
            for element in component:
                for part in (own[element], *(self.sets.get(p, [0] * 6) for p in parts[element])):
                    for slot in range(6):
                        union[slot] |= part[slot]
            for element in component:
                self.sets[element] = union

    def _parts(self) -> dict[str, list[str]]:
        """What each element rests on, as :func:`argmap.analyse.support.basis_of` walks it."""
        graph, model = self.graph, self.graph.model
        parts: dict[str, list[str]] = {quote.id: [] for quote in model.quotes}
        for proposition in model.propositions:
            parts[proposition.id] = [*proposition.quotes, *(
                inference.id for inference in graph.supported_by.get(proposition.id, ()))]
        for inference in model.inferences:
            parts[inference.id] = [*inference.quotes, *inference.premises]
        for question in model.questions:
            parts[question.id] = list(question.hypotheses)
        for element in [part for listed in parts.values() for part in listed]:
            parts.setdefault(element, [])  # a dangling id (not in a valid map): reached, no parts
        return parts

    def _own(self, element: str) -> _Sets:
        graph, numbers = self.graph, self.numbers
        sets = [0] * 6
        sets[_REACHED] = bit = numbers[_REACHED].of(element)
        quote = graph.quotes.get(element)
        if quote is not None:
            self.quote_mask |= bit
            sets[_SOURCES] = numbers[_SOURCES].of(quote.source)
            sets[_SPEAKERS] = numbers[_SPEAKERS].of(quote.speaker)
            relay = f"actor {quote.via}" if quote.via else f"source {quote.source}"
            sets[_RELAYS] = numbers[_RELAYS].of(relay)
            actor, source = graph.actors.get(quote.speaker), graph.sources.get(quote.source)
            grade = (actor.grade if actor is not None and actor.grade is not None
                     else source.grade if source is not None else None)
            if grade is not None:
                sets[_GRADES] = numbers[_GRADES].of(str(grade.reliability))
        proposition = graph.propositions.get(element)
        if proposition is not None and proposition.kind == "assumption":
            self.assumption_mask |= bit
        for attack in graph.attacked_by.get(element, ()):
            attack_bit = numbers[_ATTACKS].of(attack.id)
            sets[_ATTACKS] |= attack_bit
            self.kind_masks[attack.kind] = self.kind_masks.get(attack.kind, 0) | attack_bit
        return sets

    def of(self, element_id: str) -> BasisSummary:
        sets = self.sets.get(element_id) or self._own(element_id)
        reached, numbers = sets[_REACHED], self.numbers
        itself = numbers[_REACHED].of(element_id)
        reports = Reports(*(frozenset(numbers[slot].decode(sets[slot]))
                            for slot in (_SOURCES, _SPEAKERS, _RELAYS)))
        attacks = Counter({kind: count for kind, mask in self.kind_masks.items()
                           if (count := (sets[_ATTACKS] & mask).bit_count())})
        return BasisSummary(
            quotes=(reached & self.quote_mask).bit_count(), reports=reports,
            grades=tuple(sorted(numbers[_GRADES].decode(sets[_GRADES]))),
            assumptions=(reached & self.assumption_mask & ~itself).bit_count(),
            basis=self.graph.basis.get(element_id, Basis.ASSERTION), attacks=attacks)
