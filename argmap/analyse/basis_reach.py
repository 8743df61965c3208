"""Stage 3, analyse: which judgments a set of changed elements reaches through the support graph.

A judgment rests on its premises, their premises in turn, the quotes that anchor any of them, the
speakers and relays of those quotes and the sources they come from, and the attacks aimed at any
of these. A change to any of them is a change to the judgment's basis. Propagation runs upward,
from each changed element to what rests on it, once per element: linear in the size of the map.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable

from argmap.model.elements import ArgumentMap

JUDGMENT_KINDS = frozenset({"author_judgment", "hypothesis"})
# How many causes are kept per judgment: enough to point a reviewer at the change, and the bound
# that keeps propagation linear (each element's cause set grows at most this many times).
MAX_CAUSES = 5


def rests_on_edges(model: ArgumentMap) -> dict[str, list[str]]:
    """Element id -> ids of the elements that rest on it (one step up the basis)."""
    up: dict[str, list[str]] = defaultdict(list)
    for quote in model.quotes:
        up[quote.source].append(quote.id)
        up[quote.speaker].append(quote.id)
        if quote.via:
            up[quote.via].append(quote.id)
    for proposition in model.propositions:
        for quote_id in proposition.quotes:
            up[quote_id].append(proposition.id)
    for inference in model.inferences:
        for premise in inference.premises:
            up[premise].append(inference.id)
        for quote_id in inference.quotes:
            up[quote_id].append(inference.id)
        up[inference.id].append(inference.conclusion)
    for attack in model.attacks:
        up[attack.id].append(attack.target)
    return up


def affected_judgments(model: ArgumentMap, changed: Iterable[str]) -> dict[str, set[str]]:
    """Judgment id -> the changed elements (at most :data:`MAX_CAUSES`) in its basis, itself
    excluded: a judgment's own rewording is its own change, not a consequence."""
    up = rests_on_edges(model)
    causes: dict[str, set[str]] = defaultdict(set)
    pending: deque[str] = deque()
    for element in changed:
        causes[element].add(element)
        pending.append(element)
    while pending:
        element = pending.popleft()
        carried = causes[element]
        for above in up.get(element, ()):
            reached = causes[above]
            if len(reached) >= MAX_CAUSES or carried <= reached:
                continue
            before = len(reached)
            for cause in sorted(carried - reached)[: MAX_CAUSES - before]:
                reached.add(cause)
            pending.append(above)
    judgments = {p.id for p in model.propositions if p.kind in JUDGMENT_KINDS}
    return {judgment: found - {judgment} for judgment, found in causes.items()
            if judgment in judgments and found - {judgment}}
