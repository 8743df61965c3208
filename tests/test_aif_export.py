"""AIF export as its real consumers read it: arguebuf loads it with the map's counts and draws it
in DOT without phantom nodes; locutions hold the source's exact characters; schemes are known."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.commands.export import readable_source_texts
from argmap.export import to_aif
from argmap.export.schemes import AIF_NAMES, argmap_scheme
from argmap.model import load_map
from argmap.model.elements import Scheme

SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
HARBOUR = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
AIF_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")

arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is in the test extra")


def _export(map_path: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"{map_path.stem}.json"
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(map_path), "-f", "aif",
                           "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("map_path", [SEED, HARBOUR], ids=["seed", "harbour"])
def test_arguebuf_loads_the_export_with_the_maps_counts(map_path: Path, tmp_path: Path) -> None:
    model = load_map(map_path).model
    graph = arguebuf.load.file(_export(map_path, tmp_path))
    assert len(graph.atom_nodes) == len(model.propositions)
    assert len(graph.scheme_nodes) == len(model.inferences) + len(model.attacks)
    links = sum(len(i.premises) + 1 for i in model.inferences) + 2 * len(model.attacks)
    assert len(graph.edges) == links
    supports = [node for node in graph.scheme_nodes.values()
                if isinstance(node.scheme, arguebuf.Support)]
    assert len(supports) == len(model.inferences)


def test_every_scheme_is_one_arguebuf_recognises(tmp_path: Path) -> None:
    from arguebuf.model.scheme import Support, text2support

    assert set(AIF_NAMES) == set(Scheme.__args__)
    for scheme, name in AIF_NAMES.items():
        assert name in text2support, scheme
        # Modus Ponens is a known name, but arguebuf has no member for deduction but Default.
        assert scheme == "deduction" or text2support[name] is not Support.DEFAULT, scheme
        assert argmap_scheme(name) is not None
    model = load_map(SEED).model
    graph = arguebuf.load.file(_export(SEED, tmp_path))
    defaults = [node for node in graph.scheme_nodes.values()
                if node.scheme is arguebuf.Support.DEFAULT]
    assert len(defaults) == sum(i.scheme in (None, "deduction") for i in model.inferences)


def test_arguebufs_dot_has_no_phantom_nodes(tmp_path: Path) -> None:
    graph = arguebuf.load.file(_export(SEED, tmp_path))
    source = arguebuf.dump.graphviz(graph).source
    declared = set(re.findall(r'^\t"?([^"\s\[]+)"? \[', source, flags=re.MULTILINE))
    ends = re.findall(r'^\t"?([^"\s]+)"? -> "?([^"\s]+)"?', source, flags=re.MULTILINE)
    assert ends
    assert {end for pair in ends for end in pair} <= declared


def test_ids_timestamps_and_exact_locutions(tmp_path: Path) -> None:
    loaded = load_map(SEED)
    aif = json.loads(_export(SEED, tmp_path).read_text(encoding="utf-8"))
    assert all(":" not in node["nodeID"] for node in aif["nodes"])
    assert all(AIF_TIME.match(node["timestamp"]) for node in aif["nodes"])
    seed_text = (ROOT / "seeds" / "qaani-baghdad-visit-2021-11.txt").read_text(encoding="utf-8")
    names = {actor.id: actor.name for actor in loaded.model.actors}
    texts = {node["nodeID"]: node["text"] for node in aif["nodes"]}
    for quote in loaded.model.quotes:
        words = texts[f"L_{quote.id}"].removeprefix(f"{names[quote.speaker]}: ")
        assert words in seed_text, quote.id


def test_a_locution_has_the_sources_characters_not_the_typed_ones() -> None:
    model = load_map(HARBOUR).model
    source = "Inspection records, however,\n  show no visit to the crane\u2019s site this year."
    quote = model.quotes[2].model_copy(update={
        "text": "Inspection records, however, show no visit to the crane's site this year."})
    changed = model.model_copy(update={"quotes": (*model.quotes[:2], quote, *model.quotes[3:])})
    aif = to_aif(changed, {"report": source})
    (records,) = [node for node in aif["nodes"] if node["nodeID"] == "L_q-records"]
    assert records["text"] == f"The Gazette's reporter: {source}"
    assert aif["argmap"]["nodes"]["L_q-records"]["text"] == quote.text  # the typed text kept


def test_without_the_source_the_typed_quote_is_written() -> None:
    model = load_map(HARBOUR).model
    aif = to_aif(model, {}, timestamp="2024-01-02 03:04:05")
    (records,) = [node for node in aif["nodes"] if node["nodeID"] == "L_q-records"]
    quote = next(q for q in model.quotes if q.id == "q-records")
    assert records["text"].endswith(quote.text)
    assert records["timestamp"] == "2024-01-02 03:04:05"
    texts = readable_source_texts(load_map(HARBOUR))
    assert set(texts) == {source.id for source in model.sources}


def test_argmap_only_data_is_in_the_extension_object() -> None:
    model = load_map(SEED).model
    extension = to_aif(model)["argmap"]
    judged = next(p for p in model.propositions if p.likelihood is not None)
    assert extension["nodes"][judged.id]["likelihood"]["band"] == judged.likelihood.band
    questioned = next(i for i in model.inferences if i.critical_questions)
    kept = extension["nodes"][f"RA_{questioned.id}"]
    assert len(kept["critical_questions"]) == len(questioned.critical_questions)
    assert kept["scheme"] == questioned.scheme
    assert len(extension["questions"]) == len(model.questions)
    assert extension["map"]["id"] == model.map.id
