"""A map as an ASPIC+ argumentation framework, kept at the level of the map's own elements.

The translation (``docs/evaluation.md`` has it with worked examples):

* a proposition that no inference concludes is a **premise**: facts, claims, judgments and
  hypotheses as ordinary premises, assumptions as assumptions. Without preferences both can be
  attacked and every attack on them succeeds, so the difference is kept only for the reasons;
* an inference is a **defeasible rule**; an argument for a proposition is a premise, or an
  inference applied to arguments for all its premises. A proposition that some inference
  concludes stands only through such an argument;
* an attack's attacker is a proposition: every argument for it attacks. A ``rebut`` or
  ``undermine`` hits every argument that has the target proposition among its (sub-)conclusions
  or premises, an ``undercut`` every argument that applies the target inference. An argument is
  attacked when any of its sub-arguments is.

Arguments are never built one by one (a proposition with two inferences, each with two, has
four arguments, and so on): the labels of the elements say everything about them. An element is
``in`` when some argument through it is, ``out`` when every argument through it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from argmap.model.elements import ArgumentMap, Attack, Inference, Proposition

PROPOSITION, INFERENCE, ATTACK = "proposition", "inference", "attack"


@dataclass
class Framework:
    """The elements of one map that evaluation labels, indexed for the fixpoint.

    ``withdrawn`` premises have no argument at all: what anchored them was taken away (see
    :mod:`argmap.analyse.withdraw`).
    """

    propositions: dict[str, Proposition] = field(default_factory=dict)
    inferences: dict[str, Inference] = field(default_factory=dict)
    attacks: dict[str, Attack] = field(default_factory=dict)
    concluded_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    premise_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    attacks_on: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    attacks_from: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    withdrawn: frozenset[str] = frozenset()
    kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, model: ArgumentMap, withdrawn: Collection[str] = ()) -> Framework:
        framework = cls(withdrawn=frozenset(withdrawn))
        framework.propositions = {p.id: p for p in model.propositions}
        for inference in model.inferences:
            framework.inferences[inference.id] = inference
            framework.concluded_by[inference.conclusion].append(inference.id)
            for premise in dict.fromkeys(inference.premises):
                framework.premise_of[premise].append(inference.id)
        for attack in model.attacks:
            framework.attacks[attack.id] = attack
            framework.attacks_on[attack.target].append(attack.id)
            framework.attacks_from[attack.attacker].append(attack.id)
        framework.kinds = {**dict.fromkeys(framework.attacks, ATTACK),
                           **dict.fromkeys(framework.inferences, INFERENCE),
                           **dict.fromkeys(framework.propositions, PROPOSITION)}
        return framework

    def is_premise(self, proposition_id: str) -> bool:
        return not self.concluded_by.get(proposition_id)

    def has_premise_argument(self, proposition_id: str) -> bool:
        return self.is_premise(proposition_id) and proposition_id not in self.withdrawn

    def kind_of(self, element_id: str) -> str:
        return self.kinds[element_id]

    def element_ids(self) -> list[str]:
        """Every labelled element, propositions, then inferences, then attacks, in map order."""
        return [*self.propositions, *self.inferences, *self.attacks]

    def size(self) -> int:
        """Nodes plus edges: what the fixpoint's running time is linear in."""
        edges = sum(len(i.premises) + 1 for i in self.inferences.values())
        return len(self.propositions) + len(self.inferences) + 3 * len(self.attacks) + edges
