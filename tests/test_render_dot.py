"""The DOT source: the look of each kind, edge styles, ids, the evidence band, determinism."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from argmap.model import LoadedMap, load_map, load_map_text
from argmap.render import style
from argmap.render.dot import DrawOptions, _inference_attributes, build_dot
from argmap.render.labels import ANALYST_ATTACK_WORDS, ANALYST_INFERENCE_WORDS, MapLabels

MAPS = Path(__file__).parent / "render"
_TOKEN = re.compile(r'\s*(?:(?P<quoted>"(?:[^"\\]|\\.)*")|(?P<bare>[^\s=\[\]<>"]+)|(?P<other>.))',
                    re.S)


@dataclass
class Statement:
    """One node or edge statement of the DOT, with its attributes as DOT wrote them."""

    names: tuple[str, ...]
    attributes: dict[str, str] = field(default_factory=dict)


def _html(text: str, start: int) -> tuple[str, int]:
    """The HTML string starting at ``text[start] == "<"``, up to its balancing ``>``."""
    depth, index = 0, start
    while True:
        depth += {"<": 1, ">": -1}.get(text[index], 0)
        index += 1
        if depth == 0:
            return text[start:index], index


def _value(text: str, index: int) -> tuple[str, int]:
    if text[index] == "<":
        return _html(text, index)
    match = _TOKEN.match(text, index)
    assert match is not None
    raw = match.group("quoted") or match.group("bare") or ""
    value = raw[1:-1].replace('\\"', '"') if raw.startswith('"') else raw
    return value, match.end()


def parse_statement(line: str) -> Statement | None:
    """Parse a ``"a" -> "b" [k=v ...]`` or ``"a" [k=v ...]`` line as the graphviz package writes."""
    head, bracket, rest = line.strip().partition(" [")
    if not bracket:
        return None
    names = tuple(part.strip().strip('"') for part in head.split(" -> "))
    statement, index, text = Statement(names), 0, rest[:-1]
    while index < len(text):
        match = re.compile(r"\s*([A-Za-z]+)=").match(text, index)
        if match is None:
            break
        value, index = _value(text, match.end())
        statement.attributes[match.group(1)] = value
    return statement


def statements(source: str) -> tuple[dict[str, Statement], list[Statement]]:
    nodes: dict[str, Statement] = {}
    edges: list[Statement] = []
    for line in source.splitlines():
        if line.lstrip().startswith(("graph [", "node [", "edge [")):
            continue
        parsed = parse_statement(line)
        if parsed is None:
            continue
        if len(parsed.names) == 2:
            edges.append(parsed)
        else:
            nodes[parsed.names[0]] = parsed
    return nodes, edges


@pytest.fixture(scope="module")
def all_kinds() -> LoadedMap:
    return load_map(MAPS / "all-kinds.yaml")


@pytest.fixture(scope="module")
def drawn(all_kinds: LoadedMap) -> tuple[dict[str, Statement], list[Statement]]:
    source, _ = build_dot(all_kinds.model, DrawOptions(legend=False))
    return statements(source)


@pytest.mark.parametrize(("element", "kind"), [
    ("no-record", "reported_fact"), ("cable-claim", "attributed_claim"),
    ("cable-snapped", "author_judgment"), ("records-complete", "assumption"),
    ("sabotage", "hypothesis"),
])
def test_each_proposition_kind_has_its_shape_style_and_header(drawn, element, kind):
    nodes, _ = drawn
    expected = style.PROPOSITIONS[kind]
    attributes = nodes[element].attributes
    assert attributes["shape"] == expected.shape
    assert attributes["style"].split(",")[:len(expected.style.split(","))] == (
        expected.style.split(","))  # a judgment's class adds its border's line
    if kind not in style.CLASSED_KINDS:  # a judgment's border is its class's (tested below)
        assert attributes["color"] == expected.border
    assert attributes.get("peripheries", "1") == str(expected.peripheries)
    assert f"<B>{expected.header}" in attributes["label"]


def test_the_five_kinds_differ_without_colour():
    looks = {(s.shape, s.style, s.peripheries) for s in style.PROPOSITIONS.values()}
    assert len(looks) == len(style.PROPOSITIONS)
    assert (style.QUOTE.shape, style.QUOTE.style) not in {(s.shape, s.style) for s in
                                                         style.PROPOSITIONS.values()}


def test_a_judgments_class_of_basis_is_its_fill_its_border_and_its_words(drawn):
    nodes, _ = drawn
    for judgment, name in (("bare-opinion", "assertion"), ("cable-snapped", "evidence"),
                           ("maintenance-skipped", "hinges")):
        attributes, look = nodes[judgment].attributes, style.BASIS_LOOKS[name]
        assert attributes["fillcolor"] == look.fill, judgment
        assert look.line in attributes["style"] and attributes["color"] == look.border, judgment
        assert look.note in attributes["label"], judgment
    assert style.NO_EVIDENCE_NOTE not in nodes["cable-snapped"].attributes["label"]


def test_a_weak_link_is_marked_and_named_in_the_tooltips(drawn):
    nodes, _ = drawn
    weak = nodes["records-complete"].attributes
    assert style.WEAK_LINK_NOTE in weak["label"]
    assert "a weak link of: maintenance-skipped" in weak["tooltip"]
    assert "hinges on: records-complete" in nodes["maintenance-skipped"].attributes["tooltip"]


def test_judgments_show_likelihood_and_confidence_and_claims_their_claimant(drawn):
    nodes, _ = drawn
    judgment = nodes["cable-snapped"].attributes["label"]
    assert "likelihood: very likely (80-95%)" in judgment
    assert "confidence: moderate" in judgment
    assert "claimed by: The port operator" in nodes["inspection-claim"].attributes["label"]


def test_quotes_show_speaker_source_and_keep_verbatim_text_in_the_tooltip(drawn, all_kinds):
    nodes, _ = drawn
    quote = nodes["q-cable"].attributes
    assert quote["shape"] == style.QUOTE.shape
    assert "Harbour officials via The Gazette's reporter" in quote["label"]
    assert "Crane collapse at the harbour" in quote["label"]
    verbatim = all_kinds.index.quote("q-cable").text
    assert quote["tooltip"].startswith(verbatim)  # typographic quotes kept in the tooltip
    assert "“" not in quote["label"]  # ...and made ASCII in the label the engine measures
    # `&` is written `&amp;` for the engines, which read entities in attributes.
    assert quote["URL"] == "https://example.org/harbour?a=1&amp;b=2"
    short = all_kinds.index.quote("q-top").model_copy(update={"text": "Closed."})
    assert "<I>&quot;Closed.&quot;</I>" in MapLabels(all_kinds.model).quote_label(short)


def test_inferences_are_small_nodes_labelled_by_scheme(drawn):
    nodes, _ = drawn
    assert nodes["officials-know"].attributes["label"] == "<position to know>"
    bare = nodes["skipped"].attributes
    assert bare["shape"] == "circle" and bare["label"] == ""


EDGE_CASES = [
    (("q-records", "no-record"), style.ANCHOR),
    (("cable-claim", "officials-know"), style.PREMISE),
    (("officials-know", "cable-snapped"), style.CONCLUSION),
    (("no-record", "inspection-claim"), style.ATTACKS["rebut"]),
    (("sabotage", "cable-claim"), style.ATTACKS["undermine"]),
    (("bare-opinion", "skipped"), style.ATTACKS["undercut"]),
    (("wear", "why-cable"), style.ANSWERS),
    (("q-officials-saw", "officials-know"), style.ANCHOR),  # a quote that states the step
    (("inspection-claim", "crane-unsafe"), style.ANALYST_ATTACKS["rebut"]),
]


@pytest.mark.parametrize(("ends", "expected"), EDGE_CASES)
def test_each_relation_has_its_edge_style(drawn, ends, expected):
    _, edges = drawn
    (edge,) = [e for e in edges if e.names == ends]
    assert {key: edge.attributes[key] for key in expected.attributes()} == expected.attributes()


def test_support_and_the_three_attacks_differ_without_colour():
    looks = {(s.style, s.arrowhead) for s in (style.CONCLUSION, *style.ATTACKS.values())}
    assert len(looks) == 4


@pytest.mark.parametrize("kind", sorted(style.ATTACKS))
def test_an_analyst_attack_keeps_its_kind_line_but_not_the_authors_look(kind):
    author, analyst = style.ATTACKS[kind], style.ANALYST_ATTACKS[kind]
    assert (analyst.style, analyst.color) == (author.style, author.color)  # still says which kind
    assert analyst.arrowhead != author.arrowhead  # ...and whose, without colour
    assert analyst.arrowhead.startswith(author.arrowhead)  # the bar still ends on the target
    assert analyst.penwidth < author.penwidth
    assert style.attack_look(kind, "analyst") == analyst
    assert style.attack_look(kind, "author") == author


def test_an_analyst_attack_says_so_in_its_tooltip(drawn):
    _, edges = drawn
    by_id = {edge.attributes["id"]: edge for edge in edges}
    assert ANALYST_ATTACK_WORDS in by_id["am-inspection-rebuts-unsafe"].attributes["tooltip"]
    assert "analyst" not in by_id["am-records-rebut"].attributes["tooltip"]


def test_an_analyst_inference_has_a_dashed_grey_outline_and_says_analyst(drawn):
    nodes, _ = drawn
    analyst = nodes["unsafe"].attributes
    assert analyst["id"] == "am-unsafe"
    assert analyst["style"] == style.ANALYST_INFERENCE.style and "dashed" in analyst["style"]
    assert analyst["color"] == style.ANALYST_INFERENCE.border
    assert analyst["label"].startswith("<sign<BR/>") and "<I>analyst</I>" in analyst["label"]
    assert analyst["tooltip"].split("\\n")[1] == ANALYST_INFERENCE_WORDS
    author = nodes["officials-know"].attributes
    assert "dashed" not in author["style"] and author["color"] == style.INFERENCE.border
    assert "analyst" not in author["label"] + author["tooltip"]


def test_an_analyst_inference_without_a_scheme_is_a_box_with_the_word_not_a_dot(all_kinds):
    (unsafe,) = [i for i in all_kinds.model.inferences if i.id == "unsafe"]
    bare = unsafe.model_copy(update={"scheme": None})
    assert _inference_attributes(bare)["shape"] == style.ANALYST_INFERENCE.shape
    assert MapLabels.inference_label(bare) == "<" + MapLabels.inference_label(
        unsafe).split("<BR/>", 1)[1]
    authors = bare.model_copy(update={"by": "author"})
    assert _inference_attributes(authors)["shape"] == "circle"
    assert MapLabels.inference_label(authors) == ""


def test_a_quote_that_states_a_step_anchors_it_and_shows_in_its_tooltip(drawn, all_kinds):
    nodes, edges = drawn
    (edge,) = [e for e in edges if e.names == ("q-officials-saw", "officials-know")]
    assert edge.attributes["id"] == "am-q-officials-saw--officials-know"
    assert edge.attributes["tooltip"] == "q-officials-saw states the step officials-know"
    verbatim = all_kinds.index.quote("q-officials-saw").text
    tip = nodes["officials-know"].attributes["tooltip"]
    assert f'stated in q-officials-saw: "{verbatim}"' in tip


def test_every_node_and_edge_has_a_stable_id_from_its_map_id(drawn, all_kinds):
    nodes, edges = drawn
    for name, node in nodes.items():
        assert node.attributes["id"] == f"am-{name}"
    ids = [edge.attributes["id"] for edge in edges]
    assert len(ids) == len(set(ids))
    assert "am-records-rebut" in ids  # an attack's edge carries the attack's id
    drawn_ids = {e.id for s in ("quotes", "propositions", "inferences", "questions")
                 for e in getattr(all_kinds.model, s)}
    assert set(nodes) == drawn_ids


def test_quotes_hang_below_what_they_anchor_and_parts_are_packed(all_kinds):
    source, _ = build_dot(all_kinds.model, DrawOptions(legend=False))
    # No band pulls quotes down to one rank: each sits just below what it anchors.
    assert "rank=min" not in source and "evidence_band" not in source
    assert "pack=true" in source and "labeljust=l" in source
    # newrank with clusters and pack crashes Graphviz 2.43.
    assert "newrank" not in build_dot(all_kinds.model)[0]


def test_same_map_same_dot_and_a_small_edit_a_small_diff(all_kinds):
    first, _ = build_dot(all_kinds.model)
    again, _ = build_dot(load_map(MAPS / "all-kinds.yaml").model)
    assert first == again
    edited_text = all_kinds.text.replace("The cable wore out.", "The cable simply wore out.")
    edited, _ = build_dot(load_map_text(edited_text, MAPS / "all-kinds.yaml").model)
    changed = set(first.splitlines()) ^ set(edited.splitlines())
    assert len(changed) == 2
    assert all(parse_statement(line).names == ("wear",) for line in changed)


def test_statements_follow_map_order(all_kinds):
    nodes, _ = statements(build_dot(all_kinds.model, DrawOptions(legend=False))[0])
    propositions = [name for name in nodes if all_kinds.index.proposition(name)]
    assert propositions == [p.id for p in all_kinds.model.propositions]


def test_no_orthogonal_routing_and_no_edge_labels(all_kinds):
    source, _ = build_dot(all_kinds.model)
    assert "ortho" not in source
    assert not any(e.attributes.get("label") for e in statements(source)[1])


def test_the_legend_names_every_look(all_kinds):
    source, _ = build_dot(all_kinds.model)
    assert "subgraph cluster_legend" in source
    for node_style in style.PROPOSITIONS.values():
        assert f"<B>{node_style.header}</B>" in source.split("cluster_legend", 1)[1]
    legend = source.split("cluster_legend", 1)[1]
    for verb in ("rebuts", "undermines", "undercuts", "anchors"):
        assert verb in legend
    nodes, edges = statements(legend)
    analyst_attack = style.ANALYST_ATTACKS["rebut"].attributes()
    assert any(analyst_attack.items() <= e.attributes.items() for e in edges)
    analyst_step = nodes["_legend.analyst-inference"].attributes
    assert analyst_step["style"] == style.ANALYST_INFERENCE.style
    assert "<I>analyst</I>" in analyst_step["label"]
    assert "cluster_legend" not in build_dot(all_kinds.model, DrawOptions(legend=False))[0]


def test_focus_draws_the_neighbourhood_and_marks_the_cut(all_kinds):
    source, count = build_dot(all_kinds.model, DrawOptions("cable-snapped", 1, legend=False))
    nodes, edges = statements(source)
    assert set(nodes) == {"cable-snapped", "officials-know", "skipped"}
    assert count == 3
    assert all(set(edge.names) <= set(nodes) for edge in edges)
    assert "more links outside this view" in nodes["officials-know"].attributes["label"]
    assert "(around cable-snapped, 1 step)" in source


def test_an_ach_matrix_changes_nothing_in_the_drawing(all_kinds):
    (question,) = all_kinds.model.questions
    assert question.evidence
    bare = all_kinds.model.model_copy(
        update={"questions": (question.model_copy(update={"evidence": ()}),)})
    assert build_dot(all_kinds.model)[0] == build_dot(bare)[0]


def test_a_judgment_supported_only_by_the_analysts_steps_says_so(drawn):
    nodes, _ = drawn
    from argmap.render.labels import ANALYST_SUPPORT_WORDS

    reconstructed = nodes["crane-unsafe"].attributes
    assert style.RECONSTRUCTED_NOTE.replace("'", "&#39;") in reconstructed["label"] or \
        style.RECONSTRUCTED_NOTE in reconstructed["label"]
    assert ANALYST_SUPPORT_WORDS in reconstructed["tooltip"]
    for element, statement in nodes.items():
        if element != "crane-unsafe" and "label" in statement.attributes:
            assert "analyst&#39;s reconstruction" not in statement.attributes["label"], element
            assert "analyst's reconstruction" not in statement.attributes["label"], element


@pytest.mark.parametrize("kind", ["rebut", "undermine", "undercut"])
def test_the_legend_has_a_sample_of_each_attack_the_analyst_raises(kind: str) -> None:
    data = yaml.safe_load((MAPS / "all-kinds.yaml").read_text(encoding="utf-8"))
    data["attacks"] = [{**data["attacks"][0], "kind": kind, "by": "analyst",
                        "target": "cable-claim" if kind != "undercut" else "skipped"}]
    loaded = load_map_text(yaml.safe_dump(data), MAPS / "one-attack.yaml")
    legend = build_dot(loaded.model)[0].split("cluster_legend", 1)[1]
    _, edges = statements(legend)
    look = style.ANALYST_ATTACKS[kind].attributes()
    samples = [edge for edge in edges if look.items() <= edge.attributes.items()]
    assert samples and samples[0].attributes["tooltip"].startswith(style.ATTACKS[kind].verb)
    others = {other for other in style.ANALYST_ATTACKS if other != kind}
    assert not any(style.ANALYST_ATTACKS[other].attributes().items() <= edge.attributes.items()
                   for other in others for edge in edges)
