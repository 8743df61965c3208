"""The overview and basis views: what a judgment rests on, folded or whole, and how it is drawn."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_render_dot import statements

from argmap.analyse import ArgumentGraph, Basis
from argmap.analyse.basis import basis_of
from argmap.analyse.support import fold
from argmap.model import LoadedMap, load_map, load_map_text
from argmap.render import style
from argmap.render.dot import DrawOptions, build_dot
from argmap.render.text import for_layout

MAPS = Path(__file__).parent / "render"


@pytest.fixture(scope="module")
def all_kinds() -> LoadedMap:
    return load_map(MAPS / "all-kinds.yaml")


@pytest.fixture(scope="module")
def graph(all_kinds: LoadedMap) -> ArgumentGraph:
    return ArgumentGraph.of(all_kinds.model)


def test_the_basis_reaches_down_to_the_quotes_with_the_attacks_on_each_step(graph):
    tree = basis_of(graph, "maintenance-skipped")
    assert tree.support == {
        "maintenance-skipped", "skipped", "no-record", "q-records", "records-complete",
        "cable-snapped", "officials-know", "q-officials-saw", "cable-claim", "q-cable"}
    assert {attack.id for attack in tree.attacks} == {"sabotage-undermines", "opinion-undercuts"}
    assert tree.attackers == {"sabotage", "bare-opinion"}
    assert "top-judgment" not in tree.members  # what it supports is not what it rests on


def test_folding_keeps_judgments_and_joins_them_through_the_steps_between(graph):
    folded = fold(graph)
    assert folded.supports["maintenance-skipped"] == {"cable-snapped": ["skipped"]}
    assert folded.supports["top-judgment"] == {"maintenance-skipped": ["fine"]}
    assert folded.supports["closure-long"] == {"top-judgment": ["fine-closure"]}
    assert {"cable-claim", "q-cable", "officials-know", "q-officials-saw"} <= (
        folded.folded["cable-snapped"])
    assert "cable-snapped" not in folded.folded["maintenance-skipped"]
    assert [a.id for a in folded.attacks["cable-snapped"]] == ["sabotage-undermines"]


def test_the_record_counts_evidence_names_weak_links_and_counts_attacks(graph):
    summary = graph.bases.of("maintenance-skipped")
    assert summary.quotes == 2  # q-officials-saw states a step: the text's words, no evidence
    assert len(summary.reports.sources) == 1 and len(summary.reports.speakers) == 2
    assert summary.reports.independent == 1  # one article relays every quote
    assert summary.weak_links == ("records-complete",) and summary.basis is Basis.HINGES
    assert summary.attacks == {"undermine": 1, "undercut": 1}
    bare = graph.bases.of("bare-opinion")
    assert (bare.quotes, bare.basis, bare.best_grade) == (0, Basis.ASSERTION, None)


def test_the_overview_draws_judgments_with_summaries_and_folds_the_rest(all_kinds):
    source, count = build_dot(all_kinds.model, DrawOptions(view="overview", legend=False))
    nodes, edges = statements(source)
    assert set(nodes) == {"cable-snapped", "maintenance-skipped", "closure-long", "sabotage",
                          "wear", "bare-opinion", "top-judgment", "crane-unsafe", "why-cable",
                          "inspection-claim", "no-record"}
    assert count == 11
    pairs = {edge.names for edge in edges}
    assert {("cable-snapped", "maintenance-skipped"), ("maintenance-skipped", "top-judgment"),
            ("sabotage", "cable-snapped"), ("bare-opinion", "maintenance-skipped")} <= pairs
    label = nodes["maintenance-skipped"].attributes["label"]
    for words in ("likely (55-80%), low confidence", "2 quotes, 1 independent report",
                  "1 source, 2 speakers", "hinges on: records-complete",
                  "attacked: undercut, undermine", "HINGES ON A WEAK LINK"):
        assert words in label, words
    assert "NO EVIDENCE" in nodes["bare-opinion"].attributes["label"]
    assert "attacked: rebut" in nodes["crane-unsafe"].attributes["label"]
    assert nodes["cable-snapped"].attributes["id"] == "am-cable-snapped"


def test_the_overview_draws_each_attacker_with_its_own_basis(all_kinds):
    """A claim that rebuts a judgment is a box of its own (with its quotes counted), and so is
    the fact that rebuts the claim in turn: the reader sees what stands against what."""
    nodes, edges = statements(build_dot(all_kinds.model, DrawOptions(view="overview"))[0])
    attacks = {edge.names: edge.attributes for edge in edges}
    assert attacks[("inspection-claim", "crane-unsafe")]["id"] == "am-inspection-rebuts-unsafe"
    assert attacks[("no-record", "inspection-claim")]["id"] == "am-records-rebut"
    claim = nodes["inspection-claim"].attributes
    assert "<B>CLAIM</B>" in claim["label"] and "1 quote, 1 independent report" in claim["label"]
    assert claim["fillcolor"] == style.PROPOSITIONS["attributed_claim"].fill
    assert "FALLS" in nodes["inspection-claim"].attributes["label"]  # the fact defeats it


def test_the_overview_counts_open_critical_questions_and_lists_them(all_kinds):
    data = yaml.safe_load((MAPS / "all-kinds.yaml").read_text(encoding="utf-8"))
    step = next(step for step in data["inferences"] if step["id"] == "skipped")
    step["critical_questions"] = [
        {"question": "Are the records complete for this year?"},
        {"question": "Could the visit have gone unrecorded?", "why_open": "not checked"},
        {"question": "Is the recorder reliable?", "status": "answered", "answer": "yes"}]
    model = load_map_text(yaml.safe_dump(data), MAPS / "questions.yaml").model
    nodes, _ = statements(build_dot(model, DrawOptions(view="overview"))[0])
    judged = nodes["maintenance-skipped"].attributes
    assert "? 2 OPEN CRITICAL QUESTIONS" in judged["label"]
    assert "skipped: Are the records complete for this year?" in judged["tooltip"]
    assert "recorder" not in judged["tooltip"]  # answered: not open
    assert "OPEN CRITICAL" not in nodes["top-judgment"].attributes["label"]


def test_no_overview_text_is_cut() -> None:
    """Judgment text wraps whole in the overview: none ends in "..." on the seed map (14 of 34
    boxes did)."""
    model = load_map(ROOT / "maps" / "qaani-baghdad-2021-11.yaml").model
    nodes, _ = statements(build_dot(model, DrawOptions(view="overview"))[0])
    assert not [name for name, node in nodes.items() if "..." in node.attributes["label"]]
    words = {proposition.id: " ".join(proposition.text.split()[-3:])
             for proposition in model.propositions if proposition.id in nodes}
    for name, last_words in words.items():  # the end of each text is on the drawing
        flat = nodes[name].attributes["label"].replace("<BR/>", " ")
        assert html.escape(for_layout(last_words), quote=False) in flat, name


def test_the_basis_view_draws_the_tree_and_its_attackers(all_kinds):
    options = DrawOptions(focus="maintenance-skipped", view="basis", legend=False)
    source, _ = build_dot(all_kinds.model, options)
    nodes, _ = statements(source)
    assert set(nodes) == basis_of(ArgumentGraph.of(all_kinds.model), "maintenance-skipped").members
    assert "what maintenance-skipped rests on" in source
    assert "more links outside this view" not in source


@pytest.mark.parametrize(("view", "shown", "hidden"), [
    ("full", ["anchors", "undercuts", "analyst-inference", "basis-assertion", "weak-link"],
     ["supports"]),
    ("overview", ["supports", "undermines", "basis-assertion", "basis-hinges"],
     ["anchors", "quote"]),
])
def test_the_legend_shows_only_the_looks_drawn(all_kinds, view, shown, hidden):
    legend = build_dot(all_kinds.model, DrawOptions(view=view))[0].split("cluster_legend")[1]
    for look in shown:
        assert f'"argmap-legend-{look}"' in legend or f"argmap-legend-{look}" in legend, look
    for look in hidden:
        assert f"argmap-legend-{look}" not in legend, look


def test_options_describe_the_view_for_the_stamp():
    assert DrawOptions().stamp_key() == "whole;legend=1"
    assert DrawOptions(view="overview").stamp_key() == "view=overview;whole;legend=1"
    assert DrawOptions("j", view="basis").stamp_key() == "view=basis;basis=j;legend=1"


def test_an_overview_of_a_map_without_judgments_says_so() -> None:
    from argmap.model import load_map_text
    from argmap.render.overview import EMPTY_NOTE

    text = (MAPS / "all-kinds.yaml").read_text(encoding="utf-8")
    facts_only = text.split("propositions:")[0]
    model = load_map_text(facts_only, MAPS / "all-kinds.yaml").model
    source, count = build_dot(model, DrawOptions(view="overview"))
    assert count == 0 and EMPTY_NOTE in source
