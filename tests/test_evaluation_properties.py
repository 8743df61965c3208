"""Property tests of evaluation against brute force.

* Random attack graphs (every proposition a premise: a Dung framework): the grounded labelling is
  conflict-free, admissible and complete, and it is the least complete labelling; clingo's
  preferred and stable labellings are exactly the ones brute force finds.
* Random maps with inferences (ASPIC+): arguments are built one by one, as trees, the Dung
  framework of those arguments is solved by brute force, and its conclusion labels must be the
  labels argmap computes on the map's elements, for grounded and for preferred semantics.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analyse.evaluation import evaluate
from argmap.model import ArgumentMap
from tests.evaluation_maps import build_map

HAS_CLINGO = importlib.util.find_spec("clingo") is not None or bool(os.environ.get("ARGMAP_CI"))
needs_clingo = pytest.mark.skipif(not HAS_CLINGO, reason="clingo is not installed "
                                  "(pip install 'argmap[solve]')")
KINDS = ("rebut", "undermine")

# --- Dung frameworks --------------------------------------------------------------------------


@st.composite
def attack_graphs(draw: Any) -> tuple[list[str], list[tuple[str, str]]]:
    size = draw(st.integers(1, 7))
    names = [f"a{number}" for number in range(size)]
    pairs = [(a, b) for a in names for b in names if a != b]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=14)) if pairs else []
    return names, edges


def dung_map(names: list[str], edges: list[tuple[str, str]]) -> ArgumentMap:
    hits = [(f"x{n}", a, b, KINDS[n % 2]) for n, (a, b) in enumerate(edges)]
    return build_map(premises=names, hits=hits)


def complete_labellings(names: Sequence[str], edges: Sequence[tuple[str, str]]
                        ) -> list[dict[str, str]]:
    """Every complete labelling, by trying every set as the in-set (Caminada)."""
    attackers = {name: [a for a, b in edges if b == name] for name in names}
    found = []
    for size in range(len(names) + 1):
        for chosen in itertools.combinations(names, size):
            inside = set(chosen)
            out = {name for name in names if any(a in inside for a in attackers[name])}
            labels = {name: "in" if name in inside else "out" if name in out else "undec"
                      for name in names}
            if all(_complete_at(labels, attackers[name], labels[name]) for name in names):
                found.append(labels)
    return found


def _complete_at(labels: dict[str, str], attackers: list[str], label: str) -> bool:
    against = [labels[a] for a in attackers]
    if label == "in":
        return all(other == "out" for other in against)
    if label == "out":
        return "in" in against
    return "in" not in against and not all(other == "out" for other in against)


def _ins(labels: dict[str, str]) -> frozenset[str]:
    return frozenset(name for name, label in labels.items() if label == "in")


@settings(max_examples=150, deadline=None)
@given(attack_graphs())
def test_grounded_is_the_least_complete_labelling(graph: tuple[list[str], list[tuple[str, str]]]
                                                  ) -> None:
    names, edges = graph
    got = evaluate(dung_map(names, edges)).labels
    labels = {name: got[name] for name in names}
    attackers = {name: [a for a, b in edges if b == name] for name in names}
    for a, b in edges:  # conflict-free
        assert not (labels[a] == "in" and labels[b] == "in")
    for name in names:  # complete: in iff all attackers out, out iff some attacker in
        assert _complete_at(labels, attackers[name], labels[name]), name
    complete = complete_labellings(names, edges)
    assert labels in complete
    assert all(_ins(labels) <= _ins(other) for other in complete)  # the least one
    for number, (a, _) in enumerate(edges):  # an attack carries its attacker's label
        assert got[f"x{number}"] == labels[a]


@needs_clingo
@settings(max_examples=60, deadline=None)
@given(attack_graphs())
def test_clingo_preferred_and_stable_agree_with_brute_force(
        graph: tuple[list[str], list[tuple[str, str]]]) -> None:
    from argmap.analyse.framework import Framework
    from argmap.analyse.solve import extensions

    names, edges = graph
    framework = Framework.of(dung_map(names, edges))
    complete = complete_labellings(names, edges)
    preferred = [labels for labels in complete
                 if not any(_ins(labels) < _ins(other) for other in complete)]
    stable = [labels for labels in complete if "undec" not in labels.values()]
    for semantics, expected in (("preferred", preferred), ("stable", stable)):
        got = [{name: labels[name] for name in names}
               for labels in extensions(framework, semantics)]
        assert sorted(map(_key, got)) == sorted(map(_key, expected)), semantics


def _key(labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(labels.items()))


# --- ASPIC+ maps, argument by argument -----------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    conclusion: str
    top: str | None  # the inference applied last; None for a premise
    nodes: frozenset[str]  # propositions and inferences it passes through


@st.composite
def aspic_maps(draw: Any) -> ArgumentMap:
    """Acyclic support (premises come from earlier propositions), any attacks."""
    count = draw(st.integers(2, 7))
    names = [f"p{number}" for number in range(count)]
    steps = []
    for number in range(draw(st.integers(0, 4))):
        conclusion = draw(st.integers(1, count - 1))
        premises = draw(st.lists(st.sampled_from(names[:conclusion]), min_size=1, max_size=2,
                                 unique=True))
        steps.append((f"i{number}", premises, names[conclusion]))
    hits = []
    for number in range(draw(st.integers(0, 5))):
        attacker = draw(st.sampled_from(names))
        if steps and draw(st.booleans()):
            hits.append((f"x{number}", attacker, draw(st.sampled_from(steps))[0], "undercut"))
        else:
            target = draw(st.sampled_from([name for name in names if name != attacker]))
            hits.append((f"x{number}", attacker, target, draw(st.sampled_from(KINDS))))
    return build_map(premises=names, steps=steps, hits=hits)


def arguments(model: ArgumentMap) -> list[Argument]:
    concluded: dict[str, list[Any]] = {}
    for inference in model.inferences:
        concluded.setdefault(inference.conclusion, []).append(inference)
    built: dict[str, list[Argument]] = {}
    for proposition in model.propositions:  # in order: premises of a step come earlier
        name = proposition.id
        if name not in concluded:
            built[name] = [Argument(name, None, frozenset({name}))]
            continue
        built[name] = [
            Argument(name, inference.id,
                     frozenset({name, inference.id}).union(*(part.nodes for part in parts)))
            for inference in concluded[name]
            for parts in itertools.product(*(built[p] for p in dict.fromkeys(inference.premises)))]
    return [argument for found in built.values() for argument in found]


def argument_labels(model: ArgumentMap, semantics: str) -> Iterator[dict[str, str]]:
    """Element labels from brute force over the explicit arguments (one dict per extension)."""
    every = arguments(model)
    attacks = {(a, b) for a in range(len(every)) for b in range(len(every))
               if any(attack.attacker == every[a].conclusion and attack.target in every[b].nodes
                      for attack in model.attacks)}
    indexes = [str(number) for number in range(len(every))]
    edges = [(str(a), str(b)) for a, b in attacks]
    complete = complete_labellings(indexes, edges)
    if semantics == "grounded":
        chosen = [min(complete, key=lambda labels: len(_ins(labels)))]
    else:
        chosen = [labels for labels in complete
                  if not any(_ins(labels) < _ins(other) for other in complete)]
    for labels in chosen:
        yield _elements(model, every, [labels[index] for index in indexes])


def _elements(model: ArgumentMap, every: list[Argument], labels: list[str]) -> dict[str, str]:
    def label_of(members: list[int]) -> str:
        states = [labels[member] for member in members]
        return "in" if "in" in states else "out" if all(s == "out" for s in states) else "undec"

    result = {p.id: label_of([n for n, a in enumerate(every) if a.conclusion == p.id])
              for p in model.propositions}
    result.update({i.id: label_of([n for n, a in enumerate(every) if a.top == i.id])
                   for i in model.inferences})
    result.update({x.id: result[x.attacker] for x in model.attacks})
    return result


@settings(max_examples=150, deadline=None)
@given(aspic_maps())
def test_grounded_on_elements_equals_grounded_on_arguments(model: ArgumentMap) -> None:
    (expected,) = argument_labels(model, "grounded")
    assert dict(evaluate(model).labels) == expected


@needs_clingo
@settings(max_examples=50, deadline=None)
@given(aspic_maps())
def test_clingo_preferred_on_elements_equals_preferred_on_arguments(model: ArgumentMap) -> None:
    from argmap.analyse.framework import Framework
    from argmap.analyse.solve import extensions

    expected = sorted({_key(labels) for labels in argument_labels(model, "preferred")})
    got = sorted({_key(labels) for labels in extensions(Framework.of(model), "preferred")})
    assert got == expected
