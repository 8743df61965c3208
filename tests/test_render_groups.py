"""The overview of a big map: judgments grouped by top conclusion and question, folded into
counted clusters that point to their basis views, so the drawing fits a screen."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from conftest import ROOT
from test_render_dot import Statement, statements

from argmap.analyse import ArgumentGraph
from argmap.analyse.support import fold
from argmap.model import LoadedMap, load_map, load_map_text
from argmap.render import groups
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.engine import find_engine, run_layout

sys.path.append(str(ROOT))  # `benchmarks` sits beside `argmap`, not installed

from benchmarks.generate import generate, write_map
from benchmarks.geometry import measure

_FOLDED_HERE = re.compile(r"folded here: ([^\\]*)")


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> LoadedMap:
    return load_map(write_map(generate(2000), tmp_path_factory.mktemp("big")))


def _clusters(nodes: dict[str, Statement]) -> dict[str, list[str]]:
    found = {}
    for name, node in nodes.items():
        if name.startswith("_group."):
            match = _FOLDED_HERE.search(node.attributes["tooltip"])
            assert match is not None, name
            found[name] = match.group(1).split(", ")
    return found


def test_a_big_overview_draws_or_counts_every_judgment_once(big_map: LoadedMap) -> None:
    source, count = build_dot(big_map.model, DrawOptions(view="overview"))
    nodes, _ = statements(source)
    judgments = fold(ArgumentGraph.of(big_map.model)).judgments
    drawn = [name for name in nodes if name in set(judgments)]
    folded = [member for members in _clusters(nodes).values() for member in members]
    assert sorted(drawn + folded) == sorted(judgments)
    assert count <= groups.GROUPED_BUDGET + groups.MAX_GROUPS  # 526 boxes drawn whole


def test_each_cluster_counts_what_it_holds_and_points_to_its_basis_view(
        big_map: LoadedMap) -> None:
    nodes, edges = statements(build_dot(big_map.model, DrawOptions(view="overview"))[0])
    clusters = _clusters(nodes)
    assert len(clusters) >= 5
    kinds = {p.id: p.kind for p in big_map.model.propositions}
    for name, members in clusters.items():
        label, tooltip = nodes[name].attributes["label"], nodes[name].attributes["tooltip"]
        judged = sum(1 for member in members if kinds[member] == "author_judgment")
        hypotheses = len(members) - judged
        assert not judged or re.search(rf"\b{judged} judgments?\b", label), (name, label)
        assert not hypotheses or re.search(rf"\b{hypotheses} hypothes[ei]s\b", label), label
        anchor = name.removeprefix("_group.")
        if anchor == groups.REST:
            assert "MORE GROUPS" in label
            continue
        assert f"--view basis --focus {anchor}" in label  # the command is on the drawing
        assert f"argmap render MAP --view basis --focus {anchor}" in tooltip
        assert anchor in nodes and (name, anchor) in {edge.names for edge in edges}


def test_the_2000_node_overview_fits_a_screen_at_half_size(big_map: LoadedMap) -> None:
    source, _ = build_dot(big_map.model, DrawOptions(view="overview"))
    measures = measure(run_layout(find_engine("pure"), source, ["json0"]).outputs["json0"])
    assert measures.fit >= 0.5 and measures.aspect <= 2.0, measures  # was 0.10x, 526 boxes


def test_a_map_under_the_budget_is_drawn_whole() -> None:
    model = load_map(ROOT / "maps" / "qaani-baghdad-2021-11.yaml").model
    assert "_group." not in build_dot(model, DrawOptions(view="overview"))[0]


def test_groups_follow_top_conclusions_and_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a small map with the budget lowered: each top conclusion heads a group with what is
    under it, a question's hypotheses go with the question."""
    model = load_map(ROOT / "tests" / "render" / "all-kinds.yaml").model
    folded = fold(ArgumentGraph.of(model))
    found = groups.Layout(groups._groups(folded, model))
    heads = {group.head: sorted(group.members) for group in found.groups}
    assert heads["closure-long"] == ["cable-snapped", "maintenance-skipped", "top-judgment"]
    question = next(group for group in found.groups if group.question)
    assert question.head == "why-cable" and sorted(question.members) == ["sabotage", "wear"]
    assert sorted(found.clusters()["why-cable"]) == ["sabotage", "wear"]
    opened = groups.Layout(found.groups, frozenset({"closure-long"}))
    assert opened.drawn() == ["top-judgment"]
    assert sorted(opened.clusters()["top-judgment"]) == ["cable-snapped", "maintenance-skipped"]
    monkeypatch.setattr(groups, "OVERVIEW_BUDGET", 3)
    monkeypatch.setattr(groups, "GROUPED_BUDGET", 0)  # no cluster opened
    nodes, edges = statements(build_dot(model, DrawOptions(view="overview"))[0])
    assert {"why-cable", "_group.why-cable", "closure-long", "_group.closure-long"} <= set(nodes)
    assert "sabotage" not in nodes and "top-judgment" not in nodes
    assert ("_group.closure-long", "closure-long") in {edge.names for edge in edges}


def test_a_few_judgments_of_long_texts_are_grouped_too() -> None:
    """Twenty-five judgments of 900 characters each fill more than a screen: grouped although
    under the count, and the overview fits a screen at half size."""
    text = "The council will approve the ban next week, as the chair has said. " * 13
    under = [f"j{number}" for number in range(24)]
    data = {
        "map": {"id": "long-texts", "title": "Long texts", "format": 1},
        "propositions": [{"id": "top", "text": text, "kind": "author_judgment"},
                         *({"id": name, "text": text, "kind": "author_judgment"}
                           for name in under)],
        "inferences": [{"id": f"i-{name}", "premises": [name], "conclusion": "top"}
                       for name in under],
    }
    model = load_map_text(yaml.safe_dump(data), ROOT / "long-texts.yaml").model
    source, _ = build_dot(model, DrawOptions(view="overview"))
    assert "_group.top" in source
    measures = measure(run_layout(find_engine("pure"), source, ["json0"]).outputs["json0"])
    assert measures.fit >= 0.5, measures
