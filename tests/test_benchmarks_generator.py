"""The benchmark generator makes valid maps of the requested size and realistic shape."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from argmap.model import load_map

# `benchmarks` lives beside `argmap` in the repository and is not installed; append (not
# prepend) the root so that `argmap` still comes from wherever the tests import it.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import cached_map, generate, map_counts, write_map
from benchmarks.shape import make_shape

NODE_SECTIONS = ("quotes", "propositions", "inferences")


@pytest.mark.parametrize("nodes", [100, 1000])
def test_generated_map_is_valid(tmp_path: Path, nodes: int) -> None:
    loaded = load_map(write_map(generate(nodes), tmp_path))
    assert sum(len(getattr(loaded.model, section)) for section in NODE_SECTIONS) == nodes


@pytest.mark.parametrize("nodes", [20, 30, 100, 999, 5000, 20000])
def test_node_count_is_exact(nodes: int) -> None:
    shape = make_shape(nodes, random.Random(nodes))
    assert shape.quotes + shape.propositions + len(shape.inferences) == nodes


def test_same_seed_same_bytes_other_seed_other_map() -> None:
    assert generate(300, seed=1).text == generate(300, seed=1).text
    assert generate(300, seed=1).text != generate(300, seed=2).text


def test_quotes_are_verbatim_at_their_offsets(tmp_path: Path) -> None:
    loaded = load_map(write_map(generate(1000), tmp_path))
    texts = {source.id: loaded.source_path(source).read_text(encoding="utf-8")
             for source in loaded.model.sources}
    with_offsets = 0
    for quote in loaded.model.quotes:
        assert quote.text in texts[quote.source], quote.id
        if quote.start is not None:
            with_offsets += 1
            assert texts[quote.source][quote.start:quote.end] == quote.text, quote.id
    assert with_offsets > len(loaded.model.quotes) // 4


def test_every_kind_of_element_is_present(tmp_path: Path) -> None:
    model = load_map(write_map(generate(1000), tmp_path)).model
    assert set(Counter(prop.kind for prop in model.propositions)) == {
        "reported_fact", "attributed_claim", "assumption", "author_judgment", "hypothesis"}
    assert set(Counter(attack.kind for attack in model.attacks)) == {
        "rebut", "undermine", "undercut"}
    assert {quote.mode for quote in model.quotes} == {"author", "direct", "indirect"}
    assert model.questions and model.sources and model.actors


def test_edges_are_mostly_between_neighbouring_layers() -> None:
    shape = make_shape(5000, random.Random(7))
    places = shape.places()
    spans = Counter(places[conclusion][0] - places[premise][0]
                    for premises, conclusion in shape.inferences for premise in premises)
    edges = sum(spans.values())
    assert min(spans) >= 1  # support always points up: no cycles
    assert spans[1] / edges > 0.9
    assert sum(count for span, count in spans.items() if span > 1) > 0  # a few long ones


def test_every_upper_proposition_is_concluded_and_every_lower_one_used() -> None:
    shape = make_shape(1000, random.Random(3))
    conclusions = {conclusion for _, conclusion in shape.inferences}
    premises = {premise for used, _ in shape.inferences for premise in used}
    assert conclusions == {prop for layer in shape.layers[1:] for prop in layer}
    assert premises >= {prop for layer in shape.layers[:-1] for prop in layer}


def test_cache_writes_once_and_records_counts(tmp_path: Path) -> None:
    path = cached_map(100, cache=tmp_path)
    written = path.stat().st_mtime_ns
    assert cached_map(100, cache=tmp_path) == path
    assert path.stat().st_mtime_ns == written
    counts = map_counts(path)
    assert sum(counts[section] for section in NODE_SECTIONS) == 100


def test_too_small_a_map_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 20 nodes"):
        make_shape(10, random.Random(0))
