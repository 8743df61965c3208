"""The class of a proposition's basis: evidence, hinging on weak links, or assertion alone; and
whose steps carry it."""

from __future__ import annotations

import pytest

from argmap.analyse import ArgumentGraph, Basis
from argmap.analyse import basis as basis_module
from argmap.model import ArgumentMap


def graph_of(inferences: list[dict[str, object]]) -> ArgumentGraph:
    model = ArgumentMap.model_validate({
        "map": {"id": "t", "title": "T", "format": 1},
        "sources": [{"id": "s", "path": "s.txt", "title": "S"}],
        "actors": [{"id": "a", "name": "A"}],
        "quotes": [{"id": "q", "source": "s", "text": "x", "speaker": "a", "mode": "direct"}],
        "propositions": [
            {"id": "fact", "kind": "reported_fact", "text": "F.", "quotes": ["q"]},
            {"id": "bare-fact", "kind": "reported_fact", "text": "G."},
            {"id": "assume", "kind": "assumption", "text": "A.", "if_wrong": "W."},
            {"id": "j1", "kind": "author_judgment", "text": "J1."},
            {"id": "j2", "kind": "author_judgment", "text": "J2."},
        ],
        "inferences": inferences,
    })
    return ArgumentGraph.of(model)


def test_weakest_premise_and_strongest_inference() -> None:
    graph = graph_of([
        {"id": "i1", "premises": ["fact", "assume"], "conclusion": "j1"},
        {"id": "i2", "premises": ["j1"], "conclusion": "j2"},
        {"id": "i3", "premises": ["fact"], "conclusion": "j2"},
    ])
    assert graph.basis["j1"] is Basis.HINGES  # evidence under it, but every line needs `assume`
    assert graph.bases.weak_links("j1") == ("assume",)
    assert graph.basis["j2"] is Basis.EVIDENCE  # the stronger of its two supports
    assert graph.basis["bare-fact"] is Basis.ASSERTION  # a fact with no quote is only asserted


def test_a_chain_listed_conclusion_first_still_reaches_the_top() -> None:
    graph = graph_of([
        {"id": "i2", "premises": ["j1"], "conclusion": "j2"},
        {"id": "i1", "premises": ["fact"], "conclusion": "j1"},
    ])
    assert graph.basis["j2"] is Basis.EVIDENCE


def test_support_that_needs_an_analyst_step_is_marked() -> None:
    graph = graph_of([
        {"id": "i1", "premises": ["fact"], "conclusion": "j1", "by": "analyst"},
        {"id": "i2", "premises": ["j1"], "conclusion": "j2"},
    ])
    assert graph.basis["j2"] is Basis.EVIDENCE
    assert graph.author_basis["j2"] is Basis.ASSERTION
    assert graph.rests_on_reconstruction("j1") and graph.rests_on_reconstruction("j2")
    assert not graph.rests_on_reconstruction("fact")


def test_support_cycles_are_found() -> None:
    graph = graph_of([
        {"id": "i1", "premises": ["j1"], "conclusion": "j2"},
        {"id": "i2", "premises": ["j2", "fact"], "conclusion": "j1"},
    ])
    assert [sorted(cycle) for cycle in graph.support_cycles] == [["j1", "j2"]]


def test_basis_of_a_long_chain_listed_conclusion_first_takes_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Sweeping the map once per step was quadratic (2,500 steps took 2.9 s); the one walk
    looks at each element a bounded number of times. Counted, not timed."""
    steps = 2500
    propositions = [{"id": "p0", "kind": "assumption", "text": "Base.", "if_wrong": "W."}]
    propositions += [{"id": f"p{n}", "kind": "author_judgment", "text": f"Step {n}."}
                     for n in range(1, steps)]
    inferences = [{"id": f"i{n}", "premises": [f"p{n - 1}"], "conclusion": f"p{n}"}
                  for n in range(steps - 1, 0, -1)]
    model = ArgumentMap.model_validate({"map": {"id": "t", "title": "T", "format": 1},
                                        "propositions": propositions, "inferences": inferences})
    looked_at = 0
    needs = basis_module._needs

    def counting(*args: object) -> object:
        nonlocal looked_at
        looked_at += 1
        return needs(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(basis_module, "_needs", counting)
    graph = ArgumentGraph.of(model)
    assert graph.basis[f"p{steps - 1}"] is Basis.ASSERTION  # no evidence under it
    assert graph.bases.weak_links(f"p{steps - 1}") == ("p0",)
    assert looked_at <= 2 * (len(inferences) + len(propositions))
