"""Grounded labelling of maps (ASPIC+ without preferences): the classic cases, and the reasons."""

from __future__ import annotations

from argmap.analyse.evaluation import evaluate, standing
from argmap.analyse.framework import Framework
from argmap.analyse.grounded import grounded
from tests.evaluation_maps import build_map


def labels(**parts: object) -> dict[str, str]:
    return dict(evaluate(build_map(**parts)).labels)  # type: ignore[arg-type]


def test_unattacked_premises_and_their_conclusions_stand() -> None:
    got = labels(premises=["a", "b"], steps=[("i", ["a", "b"], "c")])
    assert got == {"a": "in", "b": "in", "c": "in", "i": "in"}


def test_reinstatement() -> None:
    got = labels(premises=["a", "b", "c"],
                 hits=[("x1", "a", "b", "rebut"), ("x2", "b", "c", "rebut")])
    assert got == {"a": "in", "b": "out", "c": "in", "x1": "in", "x2": "out"}


def test_even_cycle_is_undecided_and_says_why() -> None:
    model = build_map(premises=["a", "b"],
                      hits=[("x1", "a", "b", "rebut"), ("x2", "b", "a", "rebut")])
    evaluation = evaluate(model)
    assert set(evaluation.labels.values()) == {"undec"}
    assert "even cycle" in evaluation.reasons["a"]
    assert "2 attacks" in evaluation.reasons["x1"]


def test_odd_cycle_is_undecided() -> None:
    model = build_map(premises=["a", "b", "c"], hits=[
        ("x1", "a", "b", "rebut"), ("x2", "b", "c", "rebut"), ("x3", "c", "a", "rebut")])
    evaluation = evaluate(model)
    assert set(evaluation.labels.values()) == {"undec"}
    assert "odd cycle" in evaluation.reasons["b"]


def test_undercut_removes_the_only_support() -> None:
    got = evaluate(build_map(premises=["e", "u"], steps=[("i", ["e"], "j")],
                             hits=[("x", "u", "i", "undercut")]))
    assert got.labels == {"e": "in", "u": "in", "j": "out", "i": "out", "x": "in"}
    assert got.reasons["i"].startswith("undercut by `u` (`x`), which stands")
    assert got.reasons["j"].startswith("its only support, `i`, fails")


def test_undercut_leaves_a_second_line_of_support() -> None:
    got = labels(premises=["e", "f", "u"], steps=[("i", ["e"], "j"), ("k", ["f"], "j")],
                 hits=[("x", "u", "i", "undercut")])
    assert got["j"] == "in" and got["i"] == "out" and got["k"] == "in"


def test_rebut_met_by_a_counter_attack() -> None:
    # c rebuts the judgment j; d undermines c's premise; so j stands again.
    got = labels(premises=["e", "p", "d"], steps=[("i", ["e"], "j"), ("k", ["p"], "c")],
                 hits=[("x", "c", "j", "rebut"), ("y", "d", "p", "undermine")])
    assert got == {"e": "in", "p": "out", "d": "in", "j": "in", "c": "out", "i": "in",
                   "k": "out", "x": "out", "y": "in"}


def test_rebut_on_a_conclusion_fells_the_argument_and_its_successors() -> None:
    got = labels(premises=["e", "r"], steps=[("i", ["e"], "j"), ("k", ["j"], "top")],
                 hits=[("x", "r", "j", "rebut")])
    assert got["j"] == "out" and got["i"] == "out" and got["top"] == "out"
    assert got["e"] == "in"


def test_attack_from_an_undecided_attacker_leaves_its_target_undecided() -> None:
    got = labels(premises=["a", "b", "t"], hits=[
        ("x1", "a", "b", "rebut"), ("x2", "b", "a", "rebut"), ("x3", "a", "t", "rebut")])
    assert got["t"] == "undec"


def test_an_undecided_conclusion_with_one_in_support_stands() -> None:
    got = labels(premises=["a", "b", "e"], steps=[("i", ["a"], "j"), ("k", ["e"], "j")],
                 hits=[("x1", "a", "b", "rebut"), ("x2", "b", "a", "rebut")])
    assert got["j"] == "in" and got["i"] == "undec"


def test_circular_support_gives_no_argument() -> None:
    # j and k support each other, and their one way in from the evidence is rebutted.
    model = build_map(premises=["e", "r"], steps=[
        ("i1", ["j"], "k"), ("i2", ["k"], "j"), ("i3", ["e"], "j")],
        hits=[("x", "r", "e", "undermine")])
    evaluation = evaluate(model)
    assert evaluation.labels["j"] == "out" and evaluation.labels["k"] == "out"
    assert "circle" in evaluation.reasons["k"]


def test_withdrawn_premise_has_no_argument() -> None:
    model = build_map(premises=["e"], steps=[("i", ["e"], "j")])
    got = evaluate(model, withdrawn={"e"})
    assert got.labels["e"] == "out" and got.labels["j"] == "out"
    assert got.reasons["e"].startswith("withdrawn")


def test_a_long_chain_listed_conclusion_first_is_labelled_whole() -> None:
    count = 3000
    steps = [(f"i{n}", [f"p{n}"], f"p{n + 1}") for n in range(count)]
    framework = Framework.of(build_map(premises=["p0"], steps=steps[::-1]))
    labels_, causes = grounded(framework)
    assert set(labels_.values()) == {"in"}
    assert len(causes) == len(labels_)  # every element settled by one rule, once


def test_standing_is_what_a_diagram_shows() -> None:
    marks = standing(build_map(premises=["a", "b"], hits=[("x", "a", "b", "rebut")]))
    assert marks["a"].word == "stands" and marks["b"].word == "falls"
    assert "rebutted by `a`" in marks["b"].reason


def test_the_diagram_marks_each_judgment_and_says_why_in_the_tooltip() -> None:
    from argmap.render.dot import build_dot

    model = build_map(premises=["e", "u"], steps=[("i", ["e"], "j")],
                      hits=[("x", "u", "i", "undercut")], kinds={"e": "reported_fact"})
    source, _ = build_dot(model)
    node = next(line for line in source.splitlines() if line.lstrip().startswith("j "))
    assert ">FALLS<" in node
    assert "FALLS (grounded evaluation): its only support, `i`, fails" in node
    fact = next(line for line in source.splitlines() if line.lstrip().startswith("e "))
    assert "STANDS" not in fact  # a fact that stands carries no mark; only judgments always do
