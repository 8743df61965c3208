"""The map folded between judgments (the overview); a judgment's whole basis is
:mod:`argmap.analyse.basis`.

:func:`fold` keeps only the *judgments* (author judgments and hypotheses, and the questions the
hypotheses answer) and joins two of them when one supports the other through inferences and
propositions that are not judgments (facts, claims, assumptions, analyst steps).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from argmap.analyse.basis import JUDGMENT_KINDS
from argmap.analyse.graph import ArgumentGraph
from argmap.model.elements import Attack


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
