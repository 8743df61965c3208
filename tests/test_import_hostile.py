"""``argmap import`` on hostile and degenerate input: it never loses data silently, never writes
beside an output it refuses, and never fails with an internal error whatever types the JSON
holds."""

from __future__ import annotations

import copy
import io
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from argmap.commands.import_map import ImportSettings, _check, convert, map_text, run_import
from argmap.importers.result import Slugs
from argmap.model import load_map, load_map_text
from argmap.problems import ArgmapError
from argmap.read import YamlError

CORPUS = ROOT / "tests" / "interop"


def _import(path: Path, output: Path, *, force: bool = False) -> tuple[int, str]:
    report = io.StringIO()
    return run_import(ImportSettings(path, output, force), report), report.getvalue()


def _aif(tmp_path: Path, nodes: list[dict[str, Any]], edges: list[tuple[str, str]],
         name: str = "graph.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"nodes": nodes, "edges": [
        {"edgeID": str(number), "fromID": source, "toID": target}
        for number, (source, target) in enumerate(edges)], "locutions": []}), encoding="utf-8")
    return path


def _i(node_id: str, text: str) -> dict[str, Any]:
    return {"nodeID": node_id, "type": "I", "text": text}


# --- what a real file holds that a map cannot -----------------------------------------------------

def test_a_rephrase_of_itself_is_listed_not_a_failed_import(tmp_path: Path) -> None:
    """AIFdb maps hold MA-nodes whose premise and conclusion are one I-node."""
    path = _aif(tmp_path, [_i("1", "Taxes rose."), _i("2", "People pay more."),
                           {"nodeID": "3", "type": "MA", "text": "Default Rephrase"},
                           {"nodeID": "4", "type": "RA", "text": "Default Inference"}],
                [("1", "3"), ("3", "1"), ("1", "4"), ("4", "2")])
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    assert "MA-node 3: its premise is its own conclusion" in report
    model = load_map(tmp_path / "map.yaml").model
    assert [(i.premises, i.conclusion) for i in model.inferences] == [(("p1",), "p2")]


def test_an_attack_on_itself_is_listed(tmp_path: Path) -> None:
    path = _aif(tmp_path, [_i("1", "Taxes rose."), _i("2", "Prices fell."),
                           {"nodeID": "3", "type": "CA", "text": "Default Conflict"}],
                [("1", "3"), ("3", "1")])
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    assert "CA-node 3: 0 attacker(s) other than its target, 1 target(s)" in report


def test_two_nodes_with_one_id_keep_the_first_and_list_the_second(tmp_path: Path) -> None:
    path = _aif(tmp_path, [_i("1", "Taxes rose."), _i("1", "Prices fell.")], [])
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0
    assert "I-node 1: a second node with this id ('Prices fell.'; the first is kept)" in report
    assert [p.text for p in load_map(tmp_path / "map.yaml").model.propositions] == ["Taxes rose."]


def test_sadface_is_read_not_taken_for_ova(tmp_path: Path) -> None:
    code, report = _import(CORPUS / "sadface-port-strike.json", tmp_path / "map.yaml")
    assert code == 0, report
    assert "(SADFace)" in report and "1 resource(s)" in report
    model = load_map(tmp_path / "map.yaml").model
    assert model.map.title == "Port strike (SADFace sample)"
    text = {p.id: p.text for p in model.propositions}
    steps = {(text[i.conclusion], i.scheme) for i in model.inferences}
    assert steps == {("Exports will fall this month.", None),
                     ("A strike stops the loading of ships.", "expert_opinion")}
    (attack,) = model.attacks
    assert text[attack.attacker].startswith("Shippers diverted")


def test_arguebufs_json_is_read(tmp_path: Path) -> None:
    source = json.loads((CORPUS / "aifdb-6064.arguebuf.json").read_text(encoding="utf-8"))
    assert isinstance(source["nodes"], dict)  # what was refused as "no `nodes`"
    code, report = _import(CORPUS / "aifdb-6064.arguebuf.json", tmp_path / "map.yaml")
    assert code == 0, report
    model = load_map(tmp_path / "map.yaml").model
    atoms = sum("atom" in node for node in source["nodes"].values())
    assert (len(model.propositions), len(model.inferences)) == (atoms, 5)


def test_a_graph_with_no_proposition_is_refused_not_written_empty(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text('{"nodes": [{"id": "1", "type": "other"}], "edges": []}', encoding="utf-8")
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 2 and report.count("\n") == 1
    assert "holds no proposition to import" in report
    assert not (tmp_path / "map.yaml").exists()


def test_argdown_relations_between_arguments_without_premises_are_carried(
        tmp_path: Path) -> None:
    path = CORPUS / "legalisation-softdrugs.argdown.json"
    relations = json.loads(path.read_text(encoding="utf-8"))["relations"]
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    assert "relations to arguments" not in report  # none dropped
    model = load_map(tmp_path / "map.yaml").model
    assert len(model.inferences) + len(model.attacks) == len(relations)


# --- output: nothing lost, nothing written beside a refusal ---------------------------------------

def test_an_output_named_like_its_source_text_is_refused(tmp_path: Path) -> None:
    code, report = _import(CORPUS / "ova-xaif.json", tmp_path / "out.txt")
    assert code == 2 and "cannot be NAME.txt itself" in report
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["folder", "fifo", "link"])
def test_a_refused_output_leaves_nothing_beside_it(tmp_path: Path, kind: str) -> None:
    output = tmp_path / "map.yaml"
    if kind == "folder":
        output.mkdir()
    elif kind == "fifo":
        os.mkfifo(output)
    else:
        output.symlink_to(tmp_path / "elsewhere.yaml")
    code, report = _import(CORPUS / "ova-xaif.json", output, force=True)
    assert code == 2 and report.count("\n") == 1, report
    assert "not written" in report
    assert not (tmp_path / "map.txt").exists()


def test_a_failed_map_write_takes_back_the_source_text(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.commands.import_map as module

    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        if path.suffix == ".yaml":
            raise module.UnreadableInputError(f"{path}: cannot write: No space left on device")
        path.write_text(text, encoding="utf-8")
        written.append(path)

    monkeypatch.setattr(module, "write_text_atomic", write)
    code, report = _import(CORPUS / "ova-xaif.json", tmp_path / "map.yaml")
    assert code == 2 and "No space left" in report
    assert written == [tmp_path / "map.txt"] and not written[0].exists()


# --- any JSON: wrong types, huge numbers ----------------------------------------------------------

HOSTILE: list[Any] = [5, "x", "", [], {}, None, True, [5], {"a": 1}, 10**30]


def _paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for number, item in enumerate(value[:2]):
            yield from _paths(item, (*at, number))


def _replaced(document: Any, at: tuple[Any, ...], value: Any) -> Any:
    if not at:
        return value
    changed = copy.deepcopy(document)
    holder = changed
    for key in at[:-1]:
        holder = holder[key]
    holder[at[-1]] = value
    return changed


@pytest.mark.parametrize("name", [p.name for p in sorted(CORPUS.glob("*.json"))])
def test_any_value_of_any_type_anywhere_is_never_an_internal_error(name: str) -> None:
    """A sample of the file's values, each replaced by a hostile value: the import gives a map
    or a clear refusal, never an exception or a map that fails validation. (Every value of every
    corpus file with every hostile value is tried by hand while the readers change; a sample
    keeps the test fast.)"""
    path = CORPUS / name
    document = json.loads(path.read_text(encoding="utf-8"))
    paths = list(_paths(document))
    chosen = random.Random(name)
    for at, value in [(chosen.choice(paths), chosen.choice(HOSTILE)) for _ in range(16)]:
        try:
            result = convert(_replaced(document, at, value), path, Path("out.yaml"))
            _check(load_map_text, map_text(result, path), Path("out.yaml"), result)
        except (ArgmapError, YamlError) as error:
            assert "bug in argmap" not in str(error), (at, value, str(error))


@pytest.mark.parametrize("statement", [5, "words", None, ["a"]])
def test_argdown_statements_and_tags_of_the_wrong_type(tmp_path: Path, statement: Any) -> None:
    path = tmp_path / "argdown.json"
    path.write_text(json.dumps({
        "statements": {"s": statement, "t": {"members": [{"text": "T holds."}], "tags": 5}},
        "arguments": {"a": "not an argument", "b": {"pcs": 7, "tags": "analyst"}},
        "relations": [{"from": "s", "to": "t", "relationType": "support"}, 5]}),
        encoding="utf-8")
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    assert {p.text for p in load_map(tmp_path / "map.yaml").model.propositions} >= {"T holds."}


def test_blank_titles_and_speakers_are_left_out(tmp_path: Path) -> None:
    """Found by replacing every value of the corpus: a title or participant of spaces."""
    document = json.loads((CORPUS / "ova2-port-strike.json").read_text(encoding="utf-8"))
    document["analysis"]["documentTitle"] = "  "
    for node in document["nodes"]:
        node["participantID"] = "  "
    path = tmp_path / "blank.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    model = load_map(tmp_path / "map.yaml").model
    assert model.map.title == "Imported from blank.json"
    assert all(actor.name.strip() for actor in model.actors)


def test_a_number_too_long_to_convert_is_kept_as_text(tmp_path: Path) -> None:
    huge = "9" * 5000
    path = tmp_path / "graph.json"
    path.write_text(f'{{"nodes": [{{"nodeID": {huge}, "type": "I", "text": "Taxes rose."}}], '
                    '"edges": []}', encoding="utf-8")
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 0, report
    (proposition,) = load_map(tmp_path / "map.yaml").model.propositions
    assert proposition.text == "Taxes rose." and proposition.id.startswith("p999")


def test_an_extension_that_does_not_make_a_map_is_blamed_on_the_file(tmp_path: Path) -> None:
    path = _aif(tmp_path, [_i("1", "Taxes rose.")], [])
    data = json.loads(path.read_text(encoding="utf-8"))
    data["argmap"] = {"nodes": {"1": {"kind": "no such kind"}, "2": 5}}
    path.write_text(json.dumps(data), encoding="utf-8")
    code, report = _import(path, tmp_path / "map.yaml")
    assert code == 2 and "the file's `argmap` extension does not give a valid map" in report


# --- work linear in the input ---------------------------------------------------------------------

def test_colliding_slugs_are_numbered_in_order() -> None:
    slugs = Slugs()
    assert [slugs.claim("Same title") for _ in range(4)] == [
        "same-title", "same-title-2", "same-title-3", "same-title-4"]
    assert slugs.claim("same-title-3") == "same-title-3-2"
    assert slugs.claim("Same title!") == "same-title-5"
