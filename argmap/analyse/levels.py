"""How high each proposition stands in its argument: the longest chain of inferences below it.

A proposition no inference concludes stands at level 0; a conclusion stands one above its highest
premise. Support cycles (reported by :attr:`ArgumentGraph.support_cycles`) are cut where the walk
meets them, so every proposition gets a level. The renderer uses levels to keep anchor edges short.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.graph import ArgumentGraph


def support_levels(graph: ArgumentGraph) -> dict[str, int]:
    """Level of every proposition (iterative depth-first walk: maps can be very deep)."""
    levels: dict[str, int] = {}
    started: set[str] = set()
    for root in graph.propositions:
        if root in started:
            continue
        started.add(root)
        stack: list[tuple[str, Iterator[str]]] = [(root, _premises(graph, root))]
        while stack:
            node, premises = stack[-1]
            following = next((p for p in premises
                              if p not in started and p in graph.propositions), None)
            if following is not None:
                started.add(following)
                stack.append((following, _premises(graph, following)))
                continue
            stack.pop()
            # A premise still on the stack closes a cycle: it counts as level 0 here.
            levels[node] = max((levels.get(p, 0) + 1 for p in _premises(graph, node)), default=0)
    return levels


def _premises(graph: ArgumentGraph, proposition_id: str) -> Iterator[str]:
    for inference in graph.supported_by.get(proposition_id, ()):
        yield from inference.premises
