"""Export: YAML round-trips to an equal model; AIF has the node types and links of the map."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from argmap.export import dump_yaml, to_aif
from argmap.model import load_map, load_map_text

EXAMPLE = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"


def test_yaml_round_trip_gives_the_same_model() -> None:
    loaded = load_map(EXAMPLE)
    again = load_map_text(dump_yaml(loaded.model), EXAMPLE)
    assert again.model == loaded.model


def test_aif_nodes_and_edges() -> None:
    aif = to_aif(load_map(EXAMPLE).model)
    types = {node["nodeID"]: node["type"] for node in aif["nodes"]}
    assert types["maintenance-skipped"] == "I"
    assert types["L_q-records"] == "L"
    assert types["RA_skipped-from-records"] == "RA"
    assert types["CA_records-vs-claim"] == "CA"
    edges = {(edge["fromID"], edge["toID"]) for edge in aif["edges"]}
    assert ("no-inspection-record", "RA_skipped-from-records") in edges
    assert ("RA_skipped-from-records", "maintenance-skipped") in edges
    assert ("CA_records-vs-claim", "operator-claims-inspection") in edges
    texts = {node["nodeID"]: node["text"] for node in aif["nodes"]}
    anchors = {(source, texts[ya], target) for source, ya in edges for middle, target in edges
               if ya == middle and types[ya] == "YA"}
    assert ("L_q-records", "Asserting", "no-inspection-record") in anchors  # the author's voice
    assert ("L_q-cable", "Reporting", "officials-cable-claim") in anchors
    assert any(locution["nodeID"] == "L_q-cable" and locution["personID"] == "harbour-officials"
               for locution in aif["locutions"])
    # every edge joins two existing nodes
    assert all(a in types and b in types for a, b in edges)


def test_export_cli_writes_file_and_fails_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "map.aif.json"
    ok = subprocess.run([sys.executable, "-m", "argmap", "export", str(EXAMPLE), "-f", "aif",
                         "-o", str(out)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(out.read_text())["nodes"]
    bad = ROOT / "tests" / "examples" / "invalid" / "bad-id.yaml"
    failed = subprocess.run([sys.executable, "-m", "argmap", "export", str(bad)],
                            capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stdout == ""
    assert "bad-id.yaml:7:9:" in failed.stderr and "Traceback" not in failed.stderr


def test_an_export_elsewhere_names_the_same_source_texts(tmp_path: Path) -> None:
    """A source path is relative to its file: written for the export's folder (or the current
    folder, for standard output), it names the same text."""
    original = load_map(EXAMPLE).model
    out = tmp_path / "deeper" / "map.yaml"
    out.parent.mkdir()
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(EXAMPLE), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    piped = subprocess.run([sys.executable, "-m", "argmap", "export", str(EXAMPLE)],
                           capture_output=True, text=True, cwd=tmp_path)
    for folder, text in ((out.parent, out.read_text(encoding="utf-8")), (tmp_path, piped.stdout)):
        moved = load_map_text(text, folder / "map.yaml").model
        assert [(folder / s.path).resolve() for s in moved.sources] == \
            [(EXAMPLE.parent / s.path).resolve() for s in original.sources]
        assert moved.model_copy(update={"sources": original.sources}) == original
