"""Neighbourhoods for --focus, support levels for the evidence band, and the render stamp."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.analyse import ArgumentGraph
from argmap.analyse.levels import support_levels
from argmap.analyse.neighbourhood import neighbourhood
from argmap.model import load_map, load_map_text
from argmap.render.stamp import input_hash, read_stamp, stamp

ALL_KINDS = ROOT / "tests" / "render" / "all-kinds.yaml"


@pytest.fixture(scope="module")
def graph() -> ArgumentGraph:
    return ArgumentGraph.of(load_map(ALL_KINDS).model)


def test_depth_zero_is_the_element_itself(graph: ArgumentGraph) -> None:
    area = neighbourhood(graph, "cable-snapped", 0)
    assert area.members == {"cable-snapped"}
    assert area.frontier == {"cable-snapped"}


def test_each_step_follows_support_attack_and_anchoring(graph: ArgumentGraph) -> None:
    one = neighbourhood(graph, "cable-claim", 1).members
    assert one == {"cable-claim", "q-cable", "officials-know", "sabotage"}
    two = neighbourhood(graph, "cable-claim", 2).members
    assert {"cable-snapped", "why-cable"} <= two  # via the inference; via the hypothesis
    assert "wear" not in two


def test_attacks_sources_and_actors_start_from_what_they_touch(graph: ArgumentGraph) -> None:
    assert neighbourhood(graph, "records-rebut", 0).members == {"no-record", "inspection-claim"}
    assert neighbourhood(graph, "operator", 0).members == {"q-inspection"}
    quotes = {quote.id for quote in graph.model.quotes if quote.source == "gazette"}
    assert len(quotes) > 4
    assert neighbourhood(graph, "gazette", 0).members == quotes
    with pytest.raises(KeyError):
        neighbourhood(graph, "no-such-id", 1)


def test_the_whole_map_has_no_frontier(graph: ArgumentGraph) -> None:
    area = neighbourhood(graph, "cable-snapped", 50)
    assert not area.frontier
    model = graph.model
    drawn = (model.quotes, model.propositions, model.inferences, model.questions)
    assert area.members == {element.id for section in drawn for element in section}


def test_a_quote_stating_an_inference_is_one_step_from_it(graph: ArgumentGraph) -> None:
    (stated,) = [i for i in graph.model.inferences if i.id == "officials-know"]
    assert stated.quotes == ("q-officials-saw",)
    assert neighbourhood(graph, "q-officials-saw", 1).members == {"q-officials-saw",
                                                                  "officials-know"}
    assert "q-officials-saw" in neighbourhood(graph, "officials-know", 1).members


def test_ach_ratings_are_not_steps(graph: ArgumentGraph) -> None:
    # The diagram draws no edge for a rating: a rated item kept for it would float unconnected.
    (question,) = graph.model.questions
    rated = {row.proposition for row in question.evidence}
    assert rated and not rated & set(question.hypotheses)
    area = neighbourhood(graph, question.id, 1)
    assert area.members == {question.id, *question.hypotheses}
    assert not rated & area.members
    assert question.id not in neighbourhood(graph, "no-record", 1).members


def test_levels_count_inferences_below(graph: ArgumentGraph) -> None:
    levels = support_levels(graph)
    assert levels["cable-claim"] == 0 and levels["records-complete"] == 0
    assert levels["cable-snapped"] == 1
    assert levels["maintenance-skipped"] == 2
    assert levels["closure-long"] == 4


def test_levels_terminate_on_support_cycles() -> None:
    text = """
map: {id: loop, title: Loop, format: 1}
propositions:
  - {id: a, text: A., kind: author_judgment}
  - {id: b, text: B., kind: author_judgment}
  - {id: c, text: C., kind: author_judgment}
inferences:
  - {id: ab, premises: [a], conclusion: b}
  - {id: ba, premises: [b], conclusion: a}
  - {id: bc, premises: [b], conclusion: c}
"""
    levels = support_levels(ArgumentGraph.of(load_map_text(text, Path("loop.yaml")).model))
    assert set(levels) == {"a", "b", "c"}
    assert levels["c"] == levels["b"] + 1


def test_levels_of_a_very_deep_chain_need_no_recursion() -> None:
    depth = 3000
    props = "\n".join(f"  - {{id: p{i}, text: P{i}., kind: author_judgment}}"
                      for i in range(depth))
    steps = "\n".join(f"  - {{id: s{i}, premises: [p{i}], conclusion: p{i + 1}}}"
                      for i in range(depth - 1))
    text = f"map: {{id: deep, title: Deep, format: 1}}\npropositions:\n{props}\n" \
           f"inferences:\n{steps}\n"
    levels = support_levels(ArgumentGraph.of(load_map_text(text, Path("deep.yaml")).model))
    assert levels[f"p{depth - 1}"] == depth - 1


def test_the_stamp_hash_covers_map_text_and_options() -> None:
    base = input_hash("map text", "whole;legend=1")
    assert base == input_hash("map text", "whole;legend=1")
    assert base != input_hash("map text!", "whole;legend=1")
    assert base != input_hash("map text", "whole;legend=0")


def test_stamps_are_found_again_in_each_format(tmp_path: Path) -> None:
    digest = input_hash("x", "y")
    svg = b'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="1pt"\n viewBox="0 0 1 1">\n</svg>\n'
    png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(13) + b"\0\0\0\0"
           + b"\0\0\0\0IEND\xaeB`\x82")
    for fmt, data in (("svg", svg), ("png", png), ("dot", b"digraph {}\n")):
        path = tmp_path / f"out.{fmt}"
        path.write_bytes(stamp(data, fmt, digest))
        assert read_stamp(path) == digest
    assert read_stamp(tmp_path / "missing.svg") is None


def test_the_png_text_chunk_is_valid() -> None:
    png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(13) + b"\0\0\0\0")
    stamped = stamp(png, "png", "0" * 64)
    length = struct.unpack(">I", stamped[33:37])[0]
    kind, body = stamped[37:41], stamped[41:41 + length]
    (crc,) = struct.unpack(">I", stamped[41 + length:45 + length])
    assert kind == b"tEXt" and body.startswith(b"argmap-render\0")
    assert crc == zlib.crc32(kind + body)
