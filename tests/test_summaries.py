"""The overview's summaries, all at once (argmap.analyse.summaries): the same figures as
summarising each element on its own, in one pass however deep the map."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from strategies import valid_maps

from argmap.analyse.graph import ArgumentGraph
from argmap.analyse.summaries import Summaries
from argmap.analyse.summary import summarise
from argmap.model import ArgumentMap


def _every_summary_agrees(model: ArgumentMap) -> None:
    graph = ArgumentGraph.of(model)
    summaries = Summaries(graph)
    for section in (model.quotes, model.propositions, model.inferences, model.questions):
        for element in section:
            assert summaries.of(element.id) == summarise(graph, element.id), element.id


@settings(max_examples=100, deadline=None)
@given(generated=valid_maps())
def test_the_same_summaries_as_one_by_one(generated: tuple[dict[str, Any], str]) -> None:
    _every_summary_agrees(ArgumentMap.model_validate(generated[0]))


def _chain(length: int, cycle: bool = False) -> ArgumentMap:
    """Judgments each resting on the one below, down to a quoted fact; with ``cycle``, the
    bottom judgment also rests on the top one (a support cycle, which lint reports)."""
    propositions: list[dict[str, Any]] = [
        {"id": "f0", "kind": "reported_fact", "text": "F.", "quotes": ["q0"]}]
    propositions += [{"id": f"j{n}", "kind": "author_judgment", "text": f"J{n}."}
                     for n in range(1, length)]
    inferences = [{"id": f"i{n}", "premises": [f"j{n - 1}" if n > 1 else "f0"],
                   "conclusion": f"j{n}"} for n in range(1, length)]
    attacks = [{"id": "x1", "attacker": "j2", "target": "i1", "kind": "undercut"}]
    if cycle:
        inferences.append({"id": "back", "premises": [f"j{length - 1}"], "conclusion": "j1"})
    return ArgumentMap.model_validate({
        "map": {"id": "chain", "title": "Chain", "format": 1},
        "sources": [{"id": "s", "path": "s.txt", "title": "S",
                     "grade": {"reliability": "B", "rationale": "Own correspondents."}}],
        "actors": [{"id": "a", "name": "A"}],
        "quotes": [{"id": "q0", "source": "s", "text": "F.", "speaker": "a", "mode": "author"}],
        "propositions": propositions, "inferences": inferences, "attacks": attacks})


def test_a_support_cycle_shares_one_basis() -> None:
    model = _chain(6, cycle=True)
    _every_summary_agrees(model)
    summaries = Summaries(ArgumentGraph.of(model))
    assert summaries.of("j1").quotes == summaries.of("j5").quotes == 1
    assert summaries.of("j5").attacks == {"undercut": 1}


class _CountingDict(dict[str, Any]):
    looked_up = 0

    def get(self, key: str, default: Any = None) -> Any:
        _CountingDict.looked_up += 1
        return super().get(key, default)


def _look_ups(length: int) -> int:
    graph = ArgumentGraph.of(_chain(length))
    graph.propositions = _CountingDict(graph.propositions)
    _CountingDict.looked_up = 0
    summaries = Summaries(graph)
    for n in range(1, length):
        summaries.of(f"j{n}")
    return _CountingDict.looked_up


def test_a_long_chain_is_summarised_in_one_pass() -> None:
    """One by one, a chain of n judgments walks n^2/2 elements (21 s at 4,000); here each
    element is looked at a fixed number of times, whatever the length."""
    assert _look_ups(800) == 4 * _look_ups(200)
