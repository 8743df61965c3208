"""Grounded labelling of a :class:`~argmap.analyse.framework.Framework`: the least fixpoint.

Start with everything undecided; an element becomes ``in`` or ``out`` once its conditions hold,
and never changes again:

* an attack is ``in`` when its attacker is, ``out`` when its attacker is;
* a premise is ``in`` when every attack on it is ``out``; ``out`` when one is ``in``;
* an inference is ``in`` when its premises are ``in`` and every attack on it and on its
  conclusion is ``out``; ``out`` when a premise is ``out`` or such an attack is ``in``;
* a concluded proposition is ``in`` when an inference to it is ``in``; ``out`` when an attack on
  it is ``in`` or every inference to it is ``out``.

Counters (attacks not yet out, premises not yet in, inferences not yet out) make each element
change once and each edge be looked at a constant number of times: linear in the size of the
map. Support that runs in a circle needs one more step, because arguments are finite: a
proposition whose every remaining line of support leads back to itself has no argument left and
is ``out``, though no counter reaches zero. That check runs only on maps with circular support
(which lint reports as an error) and repeats only when it finds something, at most once per
proposition on a circle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from argmap.analyse.framework import Framework

Label = Literal["in", "out", "undec"]
IN: Label = "in"
OUT: Label = "out"
UNDEC: Label = "undec"


@dataclass
class Cause:
    """Why an element got its label: the rule that fired and the element that made it fire."""

    rule: str
    by: str | None = None


@dataclass
class _State:
    framework: Framework
    labels: dict[str, Label] = field(default_factory=dict)
    causes: dict[str, Cause] = field(default_factory=dict)
    open_attacks: dict[str, int] = field(default_factory=dict)
    open_premises: dict[str, int] = field(default_factory=dict)
    live_support: dict[str, int] = field(default_factory=dict)
    pending: deque[str] = field(default_factory=deque)


def grounded(framework: Framework) -> tuple[dict[str, Label], dict[str, Cause]]:
    """The grounded label of every proposition, inference and attack, with its cause."""
    state = _initial_state(framework)
    _seed(state)
    _propagate(state)
    if _has_circular_support(framework):
        while _cut_unfounded(state):
            _propagate(state)
    labels = {element: state.labels.get(element, UNDEC) for element in framework.element_ids()}
    return labels, state.causes


def _initial_state(framework: Framework) -> _State:
    state = _State(framework)
    for element in [*framework.propositions, *framework.inferences]:
        state.open_attacks[element] = len(framework.attacks_on.get(element, ()))
    for inference_id, inference in framework.inferences.items():
        state.open_premises[inference_id] = len(dict.fromkeys(inference.premises))
    for proposition in framework.propositions:
        state.live_support[proposition] = len(framework.concluded_by.get(proposition, ()))
    return state


def _seed(state: _State) -> None:
    framework = state.framework
    for proposition in framework.propositions:
        if proposition in framework.withdrawn and framework.is_premise(proposition):
            _set(state, proposition, OUT, Cause("withdrawn"))
        elif framework.is_premise(proposition) and not state.open_attacks[proposition]:
            _set(state, proposition, IN, Cause("premise"))
    for inference in framework.inferences:
        _try_inference_in(state, inference)


def _set(state: _State, element: str, label: Label, cause: Cause) -> None:
    if element not in state.labels:
        state.labels[element] = label
        state.causes[element] = cause
        state.pending.append(element)


def _propagate(state: _State) -> None:
    settle = {"attack": _attack_settled, "inference": _inference_settled,
              "proposition": _proposition_settled}
    kinds, pending = state.framework.kinds, state.pending
    while pending:
        element = pending.popleft()
        settle[kinds[element]](state, element)


def _proposition_settled(state: _State, proposition: str) -> None:
    framework, label = state.framework, state.labels[proposition]
    for attack in framework.attacks_from.get(proposition, ()):
        _set(state, attack, label, Cause("attacker", proposition))
    for inference in framework.premise_of.get(proposition, ()):
        if label == OUT:
            _set(state, inference, OUT, Cause("premise-out", proposition))
        else:
            state.open_premises[inference] -= 1
            _try_inference_in(state, inference)


def _inference_settled(state: _State, inference: str) -> None:
    conclusion = state.framework.inferences[inference].conclusion
    if state.labels[inference] == IN:
        _set(state, conclusion, IN, Cause("concluded", inference))
        return
    state.live_support[conclusion] -= 1
    if not state.live_support[conclusion]:
        _set(state, conclusion, OUT, Cause("support-out", inference))


def _attack_settled(state: _State, attack_id: str) -> None:
    framework = state.framework
    target = framework.attacks[attack_id].target
    if state.labels[attack_id] == IN:
        _set(state, target, OUT, Cause("attacked", attack_id))
        for inference in framework.concluded_by.get(target, ()):
            _set(state, inference, OUT, Cause("conclusion-attacked", attack_id))
        return
    state.open_attacks[target] -= 1
    if state.open_attacks[target]:
        return
    if target in framework.inferences:
        _try_inference_in(state, target)
    elif framework.has_premise_argument(target):
        _set(state, target, IN, Cause("premise"))
    else:
        for inference in framework.concluded_by.get(target, ()):
            _try_inference_in(state, inference)


def _try_inference_in(state: _State, inference_id: str) -> None:
    conclusion = state.framework.inferences[inference_id].conclusion
    if (not state.open_premises[inference_id] and not state.open_attacks[inference_id]
            and not state.open_attacks.get(conclusion, 0)):
        _set(state, inference_id, IN, Cause("applies"))


def _has_circular_support(framework: Framework) -> bool:
    """Some proposition can reach itself through inferences (premise -> conclusion)."""
    remaining = {p: len(framework.concluded_by.get(p, ())) for p in framework.propositions}
    ready = [p for p, count in remaining.items() if not count]
    open_premises = {i: len(dict.fromkeys(inf.premises))
                     for i, inf in framework.inferences.items()}
    reached = 0
    while ready:  # Kahn's algorithm over the support graph
        proposition = ready.pop()
        reached += 1
        for inference in framework.premise_of.get(proposition, ()):
            open_premises[inference] -= 1
            if not open_premises[inference]:
                conclusion = framework.inferences[inference].conclusion
                remaining[conclusion] -= 1
                if not remaining[conclusion]:
                    ready.append(conclusion)
    return reached < len(framework.propositions)


def _cut_unfounded(state: _State) -> bool:
    """Label ``out`` what no finite argument that avoids ``out`` elements can reach any more."""
    founded = _founded(state)
    cut = False
    for element in [*state.framework.propositions, *state.framework.inferences]:
        if element not in state.labels and element not in founded:
            _set(state, element, OUT, Cause("circular"))
            cut = True
    return cut


def _founded(state: _State) -> set[str]:
    """Elements some argument reaches without passing through an ``out`` element (a least
    fixpoint from the premises up, by counting premises as they are reached)."""
    framework, labels = state.framework, state.labels
    missing = {i: len(dict.fromkeys(inf.premises)) for i, inf in framework.inferences.items()}
    ready: list[str] = [p for p in framework.propositions
                        if framework.has_premise_argument(p) and labels.get(p) != OUT]
    founded = set(ready)
    while ready:
        proposition = ready.pop()
        for inference in _live(framework.premise_of.get(proposition, ()), labels):
            missing[inference] -= 1
            conclusion = framework.inferences[inference].conclusion
            if not missing[inference] and labels.get(conclusion) != OUT:
                founded.add(inference)
                if conclusion not in founded:
                    founded.add(conclusion)
                    ready.append(conclusion)
    return founded


def _live(elements: Iterable[str], labels: dict[str, Label]) -> Iterable[str]:
    return (element for element in elements if labels.get(element) != OUT)
