"""The neighbourhood of one element: what lies within K steps of it over the map's relations.

A step is one relation, followed either way: a quote anchoring a proposition or stating an
inference, a premise or the conclusion of an inference, an attack (attacker to target), a
hypothesis of a question. Used by ``argmap render --focus`` to draw a readable piece of a map too
big to read whole.

The steps are exactly the relations the diagram draws as edges, so everything a focused view keeps
hangs together on the page. A question's ACH ratings (``Question.evidence``) are therefore not
steps: the diagram draws no edge for them, and a proposition kept only because it is rated would
float unconnected (and a question rated against dozens of items would pull them all in).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from argmap.analyse.graph import ArgumentGraph


@dataclass(frozen=True)
class Neighbourhood:
    """Ids of the quotes, propositions, inferences and questions kept; ``frontier`` are the kept
    ones with a neighbour left out (the drawing marks them so the cut is visible)."""

    members: frozenset[str]
    frontier: frozenset[str]


def adjacency(graph: ArgumentGraph) -> dict[str, list[str]]:
    """Every drawn element's neighbours, both directions, in map order."""
    model = graph.model
    links: dict[str, list[str]] = defaultdict(list)

    def link(one: str, other: str) -> None:
        links[one].append(other)
        links[other].append(one)

    for proposition in model.propositions:
        for quote in proposition.quotes:
            link(quote, proposition.id)
    for inference in model.inferences:
        for premise in inference.premises:
            link(premise, inference.id)
        link(inference.id, inference.conclusion)
        for quote in inference.quotes:
            link(quote, inference.id)
    for attack in model.attacks:
        link(attack.attacker, attack.target)
    for question in model.questions:
        for hypothesis in question.hypotheses:
            link(hypothesis, question.id)
    return links


def seeds_of(graph: ArgumentGraph, element_id: str) -> list[str]:
    """Where a walk from ``element_id`` starts. Sources and actors are not drawn, so they start
    from their quotes; an attack is drawn as an edge, so it starts from both of its ends.
    Raises :class:`KeyError` for an id the map does not have."""
    model = graph.model
    for attack in model.attacks:
        if attack.id == element_id:
            return [attack.attacker, attack.target]
    if any(source.id == element_id for source in model.sources):
        return [quote.id for quote in model.quotes if quote.source == element_id]
    if any(actor.id == element_id for actor in model.actors):
        return [quote.id for quote in model.quotes if element_id in (quote.speaker, quote.via)]
    drawn = (model.quotes, model.propositions, model.inferences, model.questions)
    if any(element.id == element_id for section in drawn for element in section):
        return [element_id]
    raise KeyError(element_id)


def neighbourhood(graph: ArgumentGraph, element_id: str, depth: int) -> Neighbourhood:
    """Breadth-first walk of ``depth`` steps from ``element_id`` (see :func:`seeds_of`)."""
    links = adjacency(graph)
    seen = dict.fromkeys(seeds_of(graph, element_id))
    layer = list(seen)
    for _ in range(max(depth, 0)):
        following = []
        for node in layer:
            for neighbour in links.get(node, ()):
                if neighbour not in seen:
                    seen[neighbour] = None
                    following.append(neighbour)
        layer = following
    members = frozenset(seen)
    frontier = frozenset(node for node in members
                         if any(other not in members for other in links.get(node, ())))
    return Neighbourhood(members, frontier)
