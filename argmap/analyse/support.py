"""What a judgment rests on, whole (its basis) or folded between judgments (the overview).

* :func:`basis_of` walks down from one element through every line of support: the inferences
  that conclude it, the quotes that state them, their premises, the quotes that anchor each
  proposition, and so on to the evidence. The attacks on any step of it come along, with their
  attackers and the attackers' own quotes, so a reader sees what stands against each step.
* :func:`fold` keeps only the *judgments* (author judgments and hypotheses, and the questions
  the hypotheses answer) and joins two of them when one supports the other through inferences
  and propositions that are not judgments (facts, claims, assumptions, analyst steps).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.analyse.graph import ArgumentGraph
from argmap.model.elements import Attack

JUDGMENT_KINDS = frozenset({"author_judgment", "hypothesis"})


@dataclass(frozen=True)
class BasisTree:
    """``support``: the element and every quote, proposition and inference it rests on;
    ``attacks``: the attacks on any of them; ``attackers``: what those attacks add to draw
    (the attackers and their own quotes)."""

    support: frozenset[str]
    attacks: tuple[Attack, ...]
    attackers: frozenset[str]

    @property
    def members(self) -> frozenset[str]:
        return self.support | self.attackers


def basis_of(graph: ArgumentGraph, element_id: str) -> BasisTree:
    """Everything ``element_id`` rests on (see the module's docstring), in one walk."""
    support = _walk_down(graph, [element_id])
    # From the index, not a scan of every attack: the overview asks this of every judgment.
    attacks = tuple(sorted((attack for member in support
                            for attack in graph.attacked_by.get(member, ())),
                           key=lambda attack: graph.position[attack.id]))
    attackers: set[str] = set()
    for attack in attacks:
        if attack.attacker not in support:
            attackers.add(attack.attacker)
            proposition = graph.propositions.get(attack.attacker)
            attackers.update(proposition.quotes if proposition is not None else ())
    return BasisTree(frozenset(support), attacks, frozenset(attackers))


def _walk_down(graph: ArgumentGraph, start: Iterable[str]) -> dict[str, None]:
    """Everything reachable down from ``start``, in time proportional to what is reached (the
    graph's indexes are built once, not per walk)."""
    inferences, hypotheses = graph.inferences, graph.hypotheses
    seen: dict[str, None] = {}
    pending = list(start)
    while pending:
        element = pending.pop()
        if element in seen:
            continue
        seen[element] = None
        proposition = graph.propositions.get(element)
        if proposition is not None:
            pending.extend(proposition.quotes)
            pending.extend(inference.id for inference in graph.supported_by.get(element, ()))
        elif element in inferences:
            pending.extend(inferences[element].quotes)
            pending.extend(inferences[element].premises)
        else:
            pending.extend(hypotheses.get(element, ()))
    return seen


@dataclass
class Folded:
    """The overview's graph: judgments, and which judgment supports which.

    ``supports[j]`` lists the judgments that support ``j`` through non-judgment steps, each with
    the inferences on the way; ``folded[j]`` are the non-judgment elements folded into ``j``
    (its own quotes, the facts, claims, assumptions and inferences under it down to the next
    judgments); ``attacks[j]`` the attacks on ``j`` or on anything folded into it."""

    judgments: list[str]
    supports: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    folded: dict[str, set[str]] = field(default_factory=dict)
    attacks: dict[str, list[Attack]] = field(default_factory=lambda: defaultdict(list))

    def owner(self, element_id: str) -> list[str]:
        """The judgments ``element_id`` is folded into (or itself, when it is one)."""
        if element_id in self.supports:
            return [element_id]
        return [j for j in self.judgments if element_id in self.folded[j]]


def fold(graph: ArgumentGraph) -> Folded:
    """Fold the map onto its judgments (see :class:`Folded`)."""
    judgments = [p.id for p in graph.model.propositions if p.kind in JUDGMENT_KINDS]
    result = Folded(judgments)
    for judgment in judgments:
        result.supports[judgment], result.folded[judgment] = _fold_one(graph, judgment)
    owners: dict[str, list[str]] = defaultdict(list)
    for judgment in judgments:
        owners[judgment].append(judgment)
        for element in result.folded[judgment]:
            owners[element].append(judgment)
    for attack in graph.model.attacks:
        for judgment in dict.fromkeys(owners.get(attack.target, ())):
            result.attacks[judgment].append(attack)
    return result


def _fold_one(graph: ArgumentGraph, judgment: str) -> tuple[dict[str, list[str]], set[str]]:
    """Walk down from ``judgment``, stopping at the next judgments."""
    supports: dict[str, list[str]] = {}
    folded: set[str] = set(graph.propositions[judgment].quotes)
    pending = [(inference, [inference.id]) for inference in graph.supported_by.get(judgment, ())]
    while pending:
        inference, path = pending.pop()
        folded.add(inference.id)
        folded.update(inference.quotes)
        for premise in inference.premises:
            proposition = graph.propositions.get(premise)
            if proposition is None or premise == judgment:
                continue
            if proposition.kind in JUDGMENT_KINDS:
                supports.setdefault(premise, []).extend(path)
            elif premise not in folded:
                folded.add(premise)
                folded.update(proposition.quotes)
                pending.extend((step, [*path, step.id])
                               for step in graph.supported_by.get(premise, ()))
    return supports, folded
