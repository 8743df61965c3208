"""Stage 3, analyse: facts about a valid map's structure that lint and render both need.

* who supports whom (inferences by conclusion and by premise), who attacks whom;
* support cycles (a proposition that, through inferences, supports itself);
* the **basis** of every proposition (:mod:`argmap.analyse.basis`): does it rest on evidence,
  on evidence that hinges on named weak links, or on assertion alone? This is the question the
  product exists to answer at a glance.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.model.elements import (
    Actor,
    ArgumentMap,
    Attack,
    Inference,
    Proposition,
    Quote,
    Source,
)

if TYPE_CHECKING:
    from argmap.analyse.basis import Bases

EVIDENCE_KINDS = frozenset({"reported_fact", "attributed_claim"})


class Basis(enum.IntEnum):
    """What a proposition rests on, weakest first (:mod:`argmap.analyse.basis` defines it)."""

    ASSERTION = 0  # no evidence anywhere under it
    HINGES = 1  # evidence under it, but every line of support passes through a weak link
    EVIDENCE = 2  # some line of support reaches only evidence

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass
class ArgumentGraph:
    """Support and attack relations of one map, indexed both ways."""

    model: ArgumentMap
    propositions: dict[str, Proposition] = field(default_factory=dict)
    supported_by: dict[str, list[Inference]] = field(default_factory=lambda: defaultdict(list))
    premise_of: dict[str, list[Inference]] = field(default_factory=lambda: defaultdict(list))
    attacked_by: dict[str, list[Attack]] = field(default_factory=lambda: defaultdict(list))
    attacks_from: dict[str, list[Attack]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, model: ArgumentMap) -> ArgumentGraph:
        graph = cls(model, {p.id: p for p in model.propositions})
        for inference in model.inferences:
            graph.supported_by[inference.conclusion].append(inference)
            for premise in inference.premises:
                graph.premise_of[premise].append(inference)
        for attack in model.attacks:
            graph.attacked_by[attack.target].append(attack)
            graph.attacks_from[attack.attacker].append(attack)
        return graph

    @cached_property
    def inferences(self) -> dict[str, Inference]:
        return {inference.id: inference for inference in self.model.inferences}

    @cached_property
    def quotes(self) -> dict[str, Quote]:
        return {quote.id: quote for quote in self.model.quotes}

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.model.actors}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {source.id: source for source in self.model.sources}

    @cached_property
    def hypotheses(self) -> dict[str, tuple[str, ...]]:
        """The hypotheses of each question, by the question's id."""
        return {question.id: tuple(question.hypotheses) for question in self.model.questions}

    @cached_property
    def position(self) -> dict[str, int]:
        """Each element's place in its section of the file: to list a subset in the map's order
        without scanning the whole section for it."""
        model = self.model
        return {element.id: number
                for section in (model.quotes, model.propositions, model.inferences, model.attacks)
                for number, element in enumerate(section)}

    @cached_property
    def bases(self) -> Bases:
        """Every element's basis (:mod:`argmap.analyse.basis`), computed once for the map."""
        from argmap.analyse.basis import Bases

        return Bases(self)

    @property
    def basis(self) -> dict[str, Basis]:
        """The class of every proposition's basis."""
        return self.bases.classes

    @cached_property
    def author_basis(self) -> dict[str, Basis]:
        """The basis counting only the steps the text itself argues (``by: author``): where it is
        weaker than :attr:`basis`, the support rests on the analyst's reconstruction."""
        from argmap.analyse.basis import Bases

        return Bases(self, [i for i in self.model.inferences if i.by == "author"]).classes

    def rests_on_reconstruction(self, proposition_id: str) -> bool:
        """True when the text argues nothing for the proposition that reaches its basis."""
        return self.author_basis.get(proposition_id, Basis.ASSERTION) < self.basis.get(
            proposition_id, Basis.ASSERTION)

    @cached_property
    def support_cycles(self) -> list[list[str]]:
        """Each cycle of support as the list of proposition ids on it (one per strongly connected
        component with more than one member; self-support is a validation error already)."""
        edges: dict[str, list[str]] = defaultdict(list)
        for inference in self.model.inferences:
            for premise in inference.premises:
                edges[premise].append(inference.conclusion)
        return [component for component in strongly_connected(list(self.propositions), edges)
                if len(component) > 1]

    def unsupported(self) -> Iterator[Proposition]:
        """Author judgments that no inference concludes."""
        for proposition in self.model.propositions:
            if proposition.kind == "author_judgment" and not self.supported_by.get(proposition.id):
                yield proposition


def strongly_connected(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (maps can be deep enough to exhaust Python's recursion).
    Components come out sinks first: each after every component it reaches."""
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = lowlink[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                successor = successors[child]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    lowlink[node] = min(lowlink[node], index[successor])
                continue
            if lowlink[node] == index[node]:
                components.append(_pop_component(node, stack, on_stack))
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[node])
    return components


def _pop_component(root: str, stack: list[str], on_stack: set[str]) -> list[str]:
    component: list[str] = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component[::-1]
