"""The structure of a synthetic map, as indexes only: layers, inferences, attacks, questions.

A map of ``n`` nodes (quotes + propositions + inferences) has 28% quotes, 45% propositions and the
rest inferences, which is how hand-made maps come out: most propositions are anchored in one quote,
and most conclusions are reached by one inference from two or three premises.

Propositions stand in layers, bottom (evidence: facts, claims, assumptions) to top (key
judgments); each layer is about half the one below. Every proposition above the bottom is the
conclusion of an inference whose premises are a *contiguous run* of the layer below, so most edges
join neighbouring layers and neighbouring positions, as in a real argument tree; a few premises
come from two or more layers down (the long edges a layout engine pays for).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

QUOTE_SHARE = 0.28
PROPOSITION_SHARE = 0.45
ATTACK_SHARE = 0.04
LONG_EDGE_RATE = 0.03
SHARED_PREMISE_RATE = 0.08
MAX_PREMISES = 4


@dataclass
class Shape:
    """Indexes into the lists of quotes, propositions and inferences a map will have."""

    nodes: int
    quotes: int
    layers: list[list[int]]
    kinds: list[str]
    anchors: list[list[int]] = field(default_factory=list)
    inferences: list[tuple[list[int], int]] = field(default_factory=list)
    attacks: list[tuple[int, str, int]] = field(default_factory=list)
    questions: list[list[int]] = field(default_factory=list)

    @property
    def propositions(self) -> int:
        return len(self.kinds)

    def places(self) -> dict[int, tuple[int, float]]:
        """Each proposition's layer and relative position in it (0 = left, 1 = right)."""
        return {prop: (depth, position / len(layer))
                for depth, layer in enumerate(self.layers)
                for position, prop in enumerate(layer)}


def make_shape(nodes: int, rng: random.Random) -> Shape:
    if nodes < 20:
        raise ValueError("a synthetic map needs at least 20 nodes")
    quotes = round(nodes * QUOTE_SHARE)
    propositions = round(nodes * PROPOSITION_SHARE)
    layers = _layers(propositions, 3 + round(math.log10(nodes)))
    shape = Shape(nodes, quotes, layers, [""] * propositions)
    _assign_kinds(shape, rng)
    _main_inferences(shape, rng)
    _extra_inferences(shape, nodes - quotes - propositions - len(shape.inferences), rng)
    _anchor_quotes(shape, rng)
    _attacks(shape, round(nodes * ATTACK_SHARE), rng)
    return shape


def _layers(count: int, depth: int) -> list[list[int]]:
    """Sizes halve going up; rounding leftovers go to the layer above the bottom."""
    sizes = [max(1, count >> (level + 1)) for level in range(depth)]
    sizes[1] += count - sum(sizes)
    start, layers = 0, []
    for size in sizes:
        layers.append(list(range(start, start + size)))
        start += size
    return layers


def _assign_kinds(shape: Shape, rng: random.Random) -> None:
    for prop in shape.layers[0]:
        roll = rng.random()
        shape.kinds[prop] = ("reported_fact" if roll < 0.5 else
                             "attributed_claim" if roll < 0.85 else "assumption")
    for layer in shape.layers[1:]:
        position = 0
        while position < len(layer):
            run = rng.choice((2, 2, 3))
            if rng.random() < 0.07 and position + run <= len(layer):
                shape.questions.append(layer[position:position + run])
                for prop in layer[position:position + run]:
                    shape.kinds[prop] = "hypothesis"
                position += run
            else:
                shape.kinds[layer[position]] = "author_judgment"
                position += 1


def _main_inferences(shape: Shape, rng: random.Random) -> None:
    for depth in range(1, len(shape.layers)):
        below, layer = shape.layers[depth - 1], shape.layers[depth]
        runs = _runs(len(below), len(layer), rng)
        for position, (conclusion, run) in enumerate(zip(layer, runs, strict=True)):
            premises = below[run[0]:run[1]]
            if rng.random() < SHARED_PREMISE_RATE and run[1] < len(below):
                premises = [*premises, below[run[1]]]
            if depth >= 2 and rng.random() < LONG_EDGE_RATE:
                premises = [*premises, _near(shape.layers[rng.randrange(depth - 1)],
                                             position / len(layer), rng)]
            shape.inferences.append((premises, conclusion))


def _runs(total: int, parts: int, rng: random.Random) -> list[tuple[int, int]]:
    """Split ``range(total)`` into ``parts`` contiguous runs of 1..MAX_PREMISES items (more
    only when ``total`` does not fit otherwise, as in the smallest maps' top layers)."""
    sizes = [1] * parts
    most = max(MAX_PREMISES, -(-total // parts))
    for _ in range(total - parts):
        part = rng.randrange(parts)
        while sizes[part] >= most:
            part = (part + 1) % parts
        sizes[part] += 1
    runs, start = [], 0
    for size in sizes:
        runs.append((start, start + size))
        start += size
    return runs


def _near(layer: list[int], fraction: float, rng: random.Random, spread: int = 3) -> int:
    """A member of ``layer`` near the same relative position (a local, not random, edge)."""
    centre = int(fraction * len(layer))
    return layer[min(len(layer) - 1, max(0, centre + rng.randint(-spread, spread)))]


def _extra_inferences(shape: Shape, count: int, rng: random.Random) -> None:
    """Second lines of argument for some conclusions (convergent support)."""
    for _ in range(count):
        depth = rng.randrange(1, len(shape.layers))
        layer = shape.layers[depth]
        position = rng.randrange(len(layer))
        source_depth = depth - 1 if depth < 2 or rng.random() > 0.15 else rng.randrange(depth - 1)
        premises: list[int] = []
        for _ in range(rng.choice((1, 2, 2))):
            premise = _near(shape.layers[source_depth], position / len(layer), rng)
            if premise not in premises:
                premises.append(premise)
        shape.inferences.append((premises, layer[position]))


def _anchor_quotes(shape: Shape, rng: random.Random) -> None:
    """Each quote anchors at least one proposition; facts and claims all have a quote."""
    shape.anchors = [[] for _ in shape.kinds]
    graded = [p for p in shape.layers[0] if shape.kinds[p] != "assumption"]
    judged = [p for layer in shape.layers[1:] for p in layer
              if shape.kinds[p] == "author_judgment"]
    slots = list(graded)
    while len(slots) < shape.quotes:
        slots.append(rng.choice(graded) if rng.random() < 0.6 else rng.choice(judged or graded))
    slots.sort()
    for quote, prop in enumerate(slots[:shape.quotes]):
        shape.anchors[prop].append(quote)
    for prop in slots[shape.quotes:]:  # more anchored propositions than quotes: share
        shared = min(prop * shape.quotes // len(shape.kinds), shape.quotes - 1)
        if shared not in shape.anchors[prop]:
            shape.anchors[prop].append(shared)


def _attacks(shape: Shape, count: int, rng: random.Random) -> None:
    """Rebut a conclusion, undermine a premise, undercut an inference; attackers are nearby."""
    places = shape.places()
    top = len(shape.layers) - 1
    for _ in range(count):
        roll = rng.random()
        if roll < 0.25:  # undercut: a proposition of the premises' layer denies the step
            target = rng.randrange(len(shape.inferences))
            premises, conclusion = shape.inferences[target]
            kind, aimed, avoid = "undercut", conclusion, {*premises, conclusion}
        elif roll < 0.65:  # rebut: evidence from the layer below contradicts a conclusion
            kind, target = "rebut", rng.choice(shape.layers[rng.randint(1, top)])
            aimed, avoid = target, {target}
        else:  # undermine: a neighbour of a premise contradicts it
            kind, target = "undermine", rng.choice(shape.layers[rng.randrange(top)])
            aimed, avoid = target, {target}
        depth, fraction = places[aimed]
        attacker = _near(shape.layers[max(0, depth - (kind != "undermine"))], fraction, rng)
        if attacker not in avoid:
            shape.attacks.append((attacker, kind, target))
