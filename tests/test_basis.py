"""A judgment's basis (argmap.analyse.basis): its class, its weak links and the evidence under it,
from one walk of the whole map, the same as following each judgment's lines of support one by
one, and in one pass however deep the map."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from strategies import valid_maps

from argmap.analyse.basis import basis_of
from argmap.analyse.graph import EVIDENCE_KINDS, ArgumentGraph, Basis
from argmap.model import ArgumentMap


def _map(propositions: list[dict[str, Any]], inferences: list[dict[str, Any]],
         attacks: list[dict[str, Any]] | None = None) -> ArgumentMap:
    return ArgumentMap.model_validate({
        "map": {"id": "t", "title": "T", "format": 1},
        "sources": [{"id": "s", "path": "s.txt", "title": "S",
                     "grade": {"reliability": "B", "rationale": "Own correspondents."}}],
        "actors": [{"id": "a", "name": "A"}],
        "quotes": [{"id": f"q{n}", "source": "s", "text": f"Q{n}.", "speaker": "a",
                    "mode": "direct"} for n in range(3)],
        "propositions": propositions, "inferences": inferences, "attacks": attacks or []})


def _fact(name: str, quote: str) -> dict[str, Any]:
    return {"id": name, "kind": "reported_fact", "text": f"{name}.", "quotes": [quote]}


def _assumption(name: str) -> dict[str, Any]:
    return {"id": name, "kind": "assumption", "text": f"{name}.", "if_wrong": "W."}


def _judgment(name: str, *quotes: str) -> dict[str, Any]:
    return {"id": name, "kind": "author_judgment", "text": f"{name}.", "quotes": list(quotes)}


def test_one_assumption_under_one_line_is_a_named_weak_link_not_no_evidence() -> None:
    graph = ArgumentGraph.of(_map(
        [_fact("f", "q0"), _assumption("a"), _judgment("j", "q1"), _judgment("top")],
        [{"id": "i1", "premises": ["f", "a"], "conclusion": "j"},
         {"id": "i2", "premises": ["j"], "conclusion": "top"}]))
    for judgment in ("j", "top"):
        record = graph.bases.of(judgment)
        assert record.basis is Basis.HINGES, judgment
        assert record.weak_links == ("a",)
        assert record.quotes == 1  # q0 under f; j's own q1 states the judgment, it is no evidence


def test_a_second_line_on_evidence_alone_lifts_the_judgment_to_evidence() -> None:
    graph = ArgumentGraph.of(_map(
        [_fact("f", "q0"), _fact("g", "q1"), _assumption("a"), _judgment("j")],
        [{"id": "i1", "premises": ["f", "a"], "conclusion": "j"},
         {"id": "i2", "premises": ["g"], "conclusion": "j"}]))
    assert graph.bases.of("j").basis is Basis.EVIDENCE
    assert graph.bases.of("j").weak_links == ()


def test_alternative_lines_each_needing_their_own_assumption_name_both() -> None:
    """No single assumption is on every line (no dominator): breaking either leaves the other
    line, so the judgment hinges on the pair."""
    graph = ArgumentGraph.of(_map(
        [_fact("f", "q0"), _assumption("a"), _assumption("b"), _judgment("j")],
        [{"id": "i1", "premises": ["f", "a"], "conclusion": "j"},
         {"id": "i2", "premises": ["f", "b"], "conclusion": "j"}]))
    assert graph.bases.of("j").weak_links == ("a", "b")


def test_a_step_needs_only_its_weakest_premise_broken() -> None:
    """Two assumptions under one premise, one under the other: the one will do."""
    graph = ArgumentGraph.of(_map(
        [_fact("f", "q0"), _assumption("a"), _assumption("b"), _assumption("c"),
         _judgment("k"), _judgment("m"), _judgment("j")],
        [{"id": "i1", "premises": ["a"], "conclusion": "k"},
         {"id": "i2", "premises": ["b"], "conclusion": "k"},
         {"id": "i3", "premises": ["c", "f"], "conclusion": "m"},
         {"id": "i4", "premises": ["k", "m"], "conclusion": "j"}]))
    assert graph.bases.of("k").weak_links == ("a", "b")
    assert graph.bases.of("j").weak_links == ("c",)


def test_no_evidence_only_when_no_quote_stands_under_it() -> None:
    graph = ArgumentGraph.of(_map(
        [_assumption("a"), _judgment("j", "q1"), _judgment("bare", "q2"),
         {"id": "unquoted", "kind": "reported_fact", "text": "U."}],
        [{"id": "i1", "premises": ["a", "unquoted"], "conclusion": "j"}]))
    assert graph.bases.of("j").basis is Basis.ASSERTION
    assert graph.bases.of("j").weak_links == ("a",)  # the smaller of the two, the first
    assert graph.bases.of("bare").basis is Basis.ASSERTION
    assert graph.bases.of("bare").weak_links == ()  # nothing under it: itself is the assertion


def _derivable(graph: ArgumentGraph, without: frozenset[str], evidence_only: bool) -> set[str]:
    """The propositions some line of support derives, brute force: leaves hold unless removed
    (or, with ``evidence_only``, unless they are not quoted evidence)."""
    held: set[str] = set()
    changed = True
    while changed:
        changed = False
        for pid, proposition in graph.propositions.items():
            if pid in held or pid in without:
                continue
            evidence = proposition.kind in EVIDENCE_KINDS and bool(proposition.quotes)
            leaf = not graph.supported_by.get(pid)
            steps = any(all(p in held for p in i.premises) for i in graph.supported_by.get(pid, ()))
            if evidence or steps or (leaf and not evidence_only):
                held.add(pid)
                changed = True
    return held


def _agrees_with_brute_force(model: ArgumentMap) -> None:
    graph = ArgumentGraph.of(model)
    bases = graph.bases
    on_evidence = _derivable(graph, frozenset(), evidence_only=True)
    for pid in graph.propositions:
        record = bases.of(pid)
        tree = basis_of(graph, pid)
        quotes = {q for member in tree.support
                  if (p := graph.propositions.get(member)) is not None and p.kind in EVIDENCE_KINDS
                  for q in p.quotes}
        assert record.quotes == len(quotes), pid
        assert sum(record.attacks.values()) == len(tree.attacks), pid
        if pid in on_evidence:
            assert record.basis is Basis.EVIDENCE and record.weak_links == (), pid
            continue
        assert record.basis is (Basis.HINGES if quotes else Basis.ASSERTION), pid
        if record.weak_links:  # every line passes through them: without them, nothing left
            assert pid not in _derivable(graph, frozenset(record.weak_links), False), pid
        assert all(not graph.supported_by.get(link) for link in record.weak_links), pid


@settings(max_examples=100, deadline=None)
@given(generated=valid_maps())
def test_the_one_walk_agrees_with_following_every_line(generated: tuple[dict[str, Any], str]
                                                       ) -> None:
    _agrees_with_brute_force(ArgumentMap.model_validate(generated[0]))


def _chain(length: int, cycle: bool = False) -> ArgumentMap:
    """Judgments each resting on the one below, down to a quoted fact; with ``cycle``, the
    bottom judgment also rests on the top one (a support cycle, which lint reports)."""
    propositions: list[dict[str, Any]] = [_fact("f0", "q0")]
    propositions += [_judgment(f"j{n}") for n in range(1, length)]
    inferences = [{"id": f"i{n}", "premises": [f"j{n - 1}" if n > 1 else "f0"],
                   "conclusion": f"j{n}"} for n in range(1, length)]
    attacks = [{"id": "x1", "attacker": "j2", "target": "i1", "kind": "undercut"}]
    if cycle:
        inferences.append({"id": "back", "premises": [f"j{length - 1}"], "conclusion": "j1"})
    return _map(propositions, inferences, attacks)


def test_a_support_cycle_shares_one_basis() -> None:
    model = _chain(6, cycle=True)
    _agrees_with_brute_force(model)
    bases = ArgumentGraph.of(model).bases
    assert bases.of("j1").quotes == bases.of("j5").quotes == 1
    assert bases.of("j5").attacks == {"undercut": 1}
    assert bases.of("j5").basis is Basis.EVIDENCE


class _CountingDict(dict[str, Any]):
    looked_up = 0

    def get(self, key: str, default: Any = None) -> Any:
        _CountingDict.looked_up += 1
        return super().get(key, default)


def _look_ups(length: int) -> int:
    graph = ArgumentGraph.of(_chain(length))
    graph.propositions = _CountingDict(graph.propositions)
    _CountingDict.looked_up = 0
    bases = graph.bases
    for n in range(1, length):
        bases.of(f"j{n}")
    return _CountingDict.looked_up


def test_a_long_chain_is_summarised_in_one_pass() -> None:
    """One by one, a chain of n judgments walks n^2/2 elements (21 s at 4,000); here each
    element is looked at a fixed number of times, whatever the length."""
    assert _look_ups(800) <= 4 * _look_ups(200)  # n^2 would be 16 times
