"""``argmap import`` on real corpora (AIFdb, OVA+'s xAIF, OVA2, Argdown's JSON), the AIF round
trip (export → import → the same map), and input it cannot use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.model import ArgumentMap, load_map, load_map_text

CORPORA = ROOT / "tests" / "interop"
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
HARBOUR = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"


def _argmap(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"})


def _import(source: Path, tmp_path: Path) -> tuple[ArgumentMap, str, Path]:
    out = tmp_path / "imported.yaml"
    done = _argmap("import", source, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return load_map(out).model, done.stderr, out


def _lint_codes(path: Path) -> set[str]:
    done = _argmap("lint", path, "--format", "json", cwd=path.parent)
    return {problem["code"] for problem in json.loads(done.stdout)}


def test_an_aifdb_dialogue(tmp_path: Path) -> None:
    model, report, out = _import(CORPORA / "aifdb-6064.json", tmp_path)
    corpus = json.loads((CORPORA / "aifdb-6064.json").read_text(encoding="utf-8"))
    count = {kind: sum(n["type"] == kind for n in corpus["nodes"]) for kind in ("I", "L", "RA")}
    assert (len(model.propositions), len(model.quotes), len(model.inferences)) \
        == (count["I"], count["L"], count["RA"])
    assert {actor.name for actor in model.actors} == {"CL", "M", "NL"}  # "CL : words"
    assert "8 TA-node(s): dialogue transitions" in report
    assert "'PureQuestioning'" in report  # an illocution a map cannot say is listed
    assert "Not carried into this map:" in out.read_text(encoding="utf-8")
    # No text in AIFdb: the locutions' transcript is the source, and every quote is verbatim in it.
    transcript = (tmp_path / "imported.txt").read_text(encoding="utf-8")
    assert all(transcript[q.start:q.end] == q.text for q in model.quotes
               if q.start is not None)
    # quote verbatim, offsets, source text present and its hash
    assert not _lint_codes(out) & {"AM101", "AM103", "AM104", "AM105"}
    arguing = [i for i in model.inferences if i.quotes]
    assert arguing, "Arguing YA-nodes anchored in transitions give inferences their quotes"


def test_an_ova_plus_xaif_file_with_its_text(tmp_path: Path) -> None:
    model, report, _ = _import(CORPORA / "ova-xaif.json", tmp_path)
    assert (tmp_path / "imported.txt").read_text(encoding="utf-8") == "A because B\n"
    assert [(q.text, q.start, q.end) for q in model.quotes] == [("A", 0, 1), ("B", 10, 11)]
    (step,) = model.inferences
    by_id = {p.id: p.text for p in model.propositions}
    assert ([by_id[p] for p in step.premises], by_id[step.conclusion]) == (["B"], "A")
    assert step.quotes  # "Arguing" from the transition
    assert "analysts' locutions: 2" in report


def test_an_ova2_file_marks_words_in_its_text(tmp_path: Path) -> None:
    model, report, out = _import(CORPORA / "ova2-port-strike.json", tmp_path)
    assert model.map.title == "Port strike (OVA2 sample)"
    assert [i.scheme for i in model.inferences] == ["cause_to_effect"]
    (attack,) = model.attacks
    assert attack.kind == "rebut"  # its target is a conclusion
    assert "1 PA-node(s)" in report
    assert not _lint_codes(out) & {"AM101", "AM103", "AM104", "AM105"}


def test_argdowns_json_export(tmp_path: Path) -> None:
    model, report, _ = _import(CORPORA / "port-strike.argdown.json", tmp_path)
    kinds = {p.id: p.kind for p in model.propositions}
    assert kinds["strike"] == "reported_fact" and kinds["strikes-stop-loading"] == "assumption"
    step = next(i for i in model.inferences if i.id == "strike-cuts-exports")
    assert (step.premises, step.conclusion, step.scheme) == (
        ("strike", "strikes-stop-loading"), "exports-fall", "cause_to_effect")
    assert {(a.attacker, a.target, a.kind) for a in model.attacks} == {
        ("short", "strike-cuts-exports", "undercut"), ("diverted", "exports-fall", "rebut")}
    assert any(i.premises == ("order-book",) for i in model.inferences)
    assert report.startswith("wrote ")


def _sources_found_from(model: ArgumentMap, folder: Path) -> ArgumentMap:
    """``model`` with each source path made absolute: the file it names, wherever the map is."""
    return model.model_copy(update={"sources": [
        source.model_copy(update={"path": str((folder / source.path).resolve())})
        for source in model.sources]})


@pytest.mark.parametrize("map_path", [SEED, HARBOUR], ids=["seed", "harbour"])
def test_export_then_import_gives_the_same_map(map_path: Path, tmp_path: Path) -> None:
    """The same map, its relative source paths rewritten for where each file is written."""
    aif = tmp_path / "exported" / "map.json"
    aif.parent.mkdir()
    assert _argmap("export", map_path, "-f", "aif", "-o", aif).returncode == 0
    out = tmp_path / "elsewhere" / "deeper" / "imported.yaml"
    done = _argmap("import", aif, "-o", out)
    assert done.returncode == 0, done.stderr
    again = load_map_text(out.read_text(encoding="utf-8"), out).model
    original = load_map(map_path).model
    assert _sources_found_from(again, out.parent) == _sources_found_from(original,
                                                                        map_path.parent)
    assert [s.path for s in again.sources] != [s.path for s in original.sources]
    assert again.model_copy(update={"sources": original.sources}) == original


def test_an_imported_export_finds_its_sources_from_another_folder(tmp_path: Path) -> None:
    """Exported in one folder and imported into another, the map still lints clean of the
    source checks (no AM104: the source path names the same text from its new folder)."""
    aif = tmp_path / "map.json"
    assert _argmap("export", SEED, "-f", "aif", "-o", aif).returncode == 0
    out = tmp_path / "elsewhere" / "imported.yaml"
    assert _argmap("import", aif, "-o", out).returncode == 0
    # Run from the checkout, so that the seed's source (in it) may be read from a temporary map.
    done = _argmap("lint", out, "--format", "json", cwd=ROOT)
    codes = {problem["code"] for problem in json.loads(done.stdout)}
    assert not codes & {"AM103", "AM104", "AM105"}


def test_without_the_extension_the_graph_survives(tmp_path: Path) -> None:
    aif = tmp_path / "map.json"
    assert _argmap("export", HARBOUR, "-f", "aif", "-o", aif).returncode == 0
    data = json.loads(aif.read_text(encoding="utf-8"))
    del data["argmap"]  # as another tool would write it
    aif.write_text(json.dumps(data), encoding="utf-8")
    model, _, _ = _import(aif, tmp_path)
    original = load_map(HARBOUR).model

    def shape(m: ArgumentMap) -> set[tuple[object, ...]]:
        text = {p.id: p.text for p in m.propositions}
        steps = {i.id: i for i in m.inferences}
        return {(frozenset(text[p] for p in i.premises), text[i.conclusion], i.scheme)
                for i in m.inferences} | {
            (text[a.attacker], a.kind, text.get(a.target) or text[steps[a.target].conclusion])
            for a in m.attacks}

    assert shape(model) == shape(original)
    assert sorted(q.text for q in model.quotes) == sorted(q.text for q in original.quotes)


def test_what_it_cannot_use_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [\n  {"nodeID": 1,}\n]}', encoding="utf-8")
    done = _argmap("import", broken)
    assert done.returncode == 1
    assert done.stderr.startswith(f"{broken}:2:")
    assert "not valid JSON" in done.stderr
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}', encoding="utf-8")
    done = _argmap("import", other)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "not AIF, xAIF, OVA+, SADFace, arguebuf or Argdown JSON" in done.stderr
    assert not (tmp_path / "other.yaml").exists() and not (tmp_path / "broken.yaml").exists()
    taken = tmp_path / "taken.yaml"
    taken.write_text("keep me", encoding="utf-8")
    done = _argmap("import", CORPORA / "ova-xaif.json", "-o", taken)
    assert done.returncode == 2 and "already exists" in done.stderr
    assert taken.read_text(encoding="utf-8") == "keep me"
    assert "Traceback" not in done.stderr
    text_beside = tmp_path / "fresh.txt"
    text_beside.write_text("my own notes", encoding="utf-8")
    done = _argmap("import", CORPORA / "ova-xaif.json", "-o", tmp_path / "fresh.yaml")
    assert done.returncode == 2 and "fresh.txt: already exists" in done.stderr
    assert text_beside.read_text(encoding="utf-8") == "my own notes"
    assert not (tmp_path / "fresh.yaml").exists()
